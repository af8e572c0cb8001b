"""English text. Keys match text_ko.py one to one."""

TEXT: dict[str, str] = {
    # --- common -------------------------------------------------------------
    "app.title": "autograd lab",
    "nav.home": "Start here",
    "nav.resnet": "① One ResNet18 training step",
    "nav.gradients": "② Computing gradients",
    "nav.accumulation": "③ Gradient accumulation",
    "nav.optimizer": "④ The optimizer",
    "lang.label": "언어 · Language",
    "lang.ko": "한국어",
    "lang.en": "English",
    "common.cpu_note": "Every number is computed live by real PyTorch on this server's CPU.",
    "common.code_title": "The code for what you see",
    "common.code_caption": "It holds the current slider values. Paste it into Python and it prints the same numbers as this page.",
    "common.match": "match",
    "common.mismatch": "mismatch",
    "top.lessons": "Lessons",
    "top.reset": "Tutorial values",
    "top.reset_help": "Puts every value on this page back to the tutorial's, and the address bar with them.",
    "top.next": "Next lesson: {title}",
    "top.last": "That was the last lesson. Back to the start",
    "share.title": "Share this view",
    "share.text": "Point a phone camera at the QR code to open exactly this view, with the same values. You can also copy the link below.",
    "share.no_host": "This run does not know the server's address, so only the path is shown. Share your browser's address bar instead.",
    "url.empty": "URL `{name}=` → {value}: the value is empty, so the default is used.",
    "url.too_long": "URL `{name}` → {value}: the value is too long, so the default is used.",
    "url.not_number": "URL `{name}` = “{raw}” → {value}: not a number, so the default is used.",
    "url.not_finite": "URL `{name}` = “{raw}” → {value}: not a finite number, so the default is used.",
    "url.clamped": "URL `{name}` = “{raw}” → {value}: out of range, clamped to the nearest allowed value.",
    "url.snapped": "URL `{name}` = “{raw}” → {value}: rounded to the slider's grid.",
    "url.not_choice": "URL `{name}` = “{raw}” → {value}: not one of the choices, so the default is used.",
    "url.not_bool": "URL `{name}` = “{raw}” → {value}: neither 1 nor 0, so the default is used.",
    # --- controls -----------------------------------------------------------
    "control.a1": "a₁ (a[0])",
    "control.a1.help": "First element of tensor a. The tutorial uses 2.",
    "control.a2": "a₂ (a[1])",
    "control.a2.help": "Second element of tensor a. The tutorial uses 3.",
    "control.b1": "b₁ (b[0])",
    "control.b1.help": "First element of tensor b. The tutorial uses 6.",
    "control.b2": "b₂ (b[1])",
    "control.b2.help": "Second element of tensor b. The tutorial uses 4.",
    "control.v1": "v₁ (gradient[0])",
    "control.v1.help": "First element of v in Q.backward(gradient=v): the weight given to Q₁.",
    "control.v2": "v₂ (gradient[1])",
    "control.v2.help": "Second element of v in Q.backward(gradient=v): the weight given to Q₂.",
    "control.calls": "backward() calls",
    "control.calls.help": "How many times backward() is called on the same tensors.",
    "control.zero": "Reset .grad between calls",
    "control.zero.help": "On: the gradient is set back to zero before every call. Off: gradients keep adding up.",
    "control.graph": "How the graph is reused",
    "control.graph.help": "Recompute Q before every call, or keep the graph alive with retain_graph=True.",
    "control.graph.rebuild": "Recompute Q each time",
    "control.graph.retain": "retain_graph=True",
    "control.lr": "Learning rate (lr)",
    "control.lr.help": "How far optim.step() moves along the gradient. The tutorial uses 0.01.",
    "control.momentum": "Momentum",
    "control.momentum.help": "How much of the previous direction of travel is kept. The tutorial uses 0.9.",
    "control.steps": "optim.step() calls",
    "control.steps.help": "How many optimization steps to run.",
    "control.seed": "Random seed",
    "control.seed.help": "Seed for the random input and labels. The same seed gives the same result.",
    "control.size": "Input image size (pixels)",
    "control.size.help": "The size in torch.rand(1, 3, size, size). The tutorial uses 64.",
    "control.pretrained": "Use pretrained weights",
    "control.pretrained.help": "Uses ResNet18_Weights.DEFAULT; falls back to random weights when they cannot be downloaded.",
    "control.present": "Presenter view",
    "control.present.help": "For a projector: folds the sidebar, enlarges text and charts, and shows a QR code that opens this view.",
    "control.objective": "Objective",
    "control.objective.help": "The loss the optimizer tries to reduce.",
    "control.objective.q": "The tutorial's Q (loss = Q.sum())",
    "control.objective.valley": "Narrow valley",
    "control.objective.rosenbrock": "Rosenbrock's banana",
    # --- home ---------------------------------------------------------------
    "home.title": "Learn torch.autograd by touching it",
    "home.intro": (
        "Training a neural network means nudging its parameters in the direction that lowers the loss. "
        "To do that we need to know how strongly each parameter affects the loss: its **gradient**. "
        "`torch.autograd` computes those gradients for us."
    ),
    "home.forward": "**Forward propagation**: the input flows through the network's layers, one after another, to produce a prediction.",
    "home.backward": (
        "**Backward propagation**: starting from how wrong the prediction is (the loss), the chain rule is applied "
        "backwards through the layers to fill every parameter's `.grad` with its gradient."
    ),
    "home.lessons": "The lessons",
    "home.lesson.resnet": "Feed a random image to a pretrained ResNet18, run `loss.backward()` and `optim.step()` once, and compare the loss before and after the step.",
    "home.lesson.gradients": "Put autograd's `a.grad` and `b.grad` for `Q = 3a³ − b²` next to the hand derivatives 9a² and −2b, and see why a vector Q needs the `gradient=` argument.",
    "home.lesson.accumulation": "Watch gradients add up when `backward()` is called again and again, and see why `zero_grad()` exists.",
    "home.lesson.optimizer": "Change the learning rate and momentum and compare the loss and the path before and after `optim.step()`.",
    "home.open": "Open",
    "home.how": (
        "Every slider move re-runs the PyTorch code. The address bar always holds the full setting, "
        "so sharing the URL opens exactly the same view."
    ),
    "home.video": "For a visual explanation of backpropagation, watch [3Blue1Brown's backpropagation video]({url}).",
    "home.cpu": "This dashboard runs on the CPU only; no GPU is needed.",
    "home.versions": "Running: PyTorch {torch} · torchvision {torchvision} · Streamlit {streamlit} · {threads} CPU threads",
    "home.source": "Source tutorial: the PyTorch Korea tutorial “A gentle introduction to torch.autograd”",
    # --- gradients ----------------------------------------------------------
    "gradients.title": "② Gradients with autograd",
    "gradients.intro": (
        "Create `a` and `b` with `requires_grad=True` and autograd records every operation done with them. "
        "Think of `a` and `b` as a network's parameters and of `Q` as its error. "
        "Each slider move makes this page really compute `Q = 3*a**3 - b**2` and call `Q.backward(gradient=v)`."
    ),
    "gradients.controls_a": "Tensor a",
    "gradients.controls_b": "Tensor b",
    "gradients.controls_v": "The gradient argument v",
    "gradients.preset_ones": "v = [1, 1]",
    "gradients.preset_tutorial": "v = [0.7, 0.3]",
    "gradients.preset_tutorial_help": "The weights the tutorial uses as its example: 0.7 for Q₁, 0.3 for Q₂.",
    "gradients.preset_ones_help": "The usual choice; it gives the same result as Q.sum().",
    "gradients.hand_title": "The derivatives by hand",
    "gradients.hand_text": (
        "Each element of Q depends only on the a and b at the same position, so the derivatives are element-wise; "
        "passing `gradient=v` multiplies each element's derivative by its v."
    ),
    "gradients.results_title": "autograd's answer against the hand derivation",
    "gradients.col_element": "element",
    "gradients.col_q": "Q",
    "gradients.col_autograd": "autograd",
    "gradients.col_hand": "by hand",
    "gradients.col_check": "check",
    "gradients.col_fd": "finite difference",
    "gradients.check_caption": (
        "The check column is `torch.isclose(by hand, .grad)`. The tutorial's exact `==` comparison gives "
        "a: {exact_a}, b: {exact_b}. The finite difference estimates the slope without autograd, "
        "as (f(x+h) − f(x−h)) / 2h, and should agree closely."
    ),
    "gradients.bars_title": "The gradients as bars",
    "gradients.bars_caption": "Bars are autograd's `.grad`; red diamonds are the hand derivatives. When they overlap, they agree.",
    "gradients.chart.bars.title_a": "a.grad  (by hand: 9a²·v)",
    "gradients.chart.bars.title_b": "b.grad  (by hand: −2b·v)",
    "gradients.chart.bars.autograd": "autograd (.grad)",
    "gradients.chart.bars.hand_a": "9a²·v",
    "gradients.chart.bars.hand_b": "−2b·v",
    "gradients.chart.bars.y": "gradient value",
    "gradients.tangent_title": "A gradient is the slope of the tangent",
    "gradients.tangent_caption": (
        "Blue: Qᵢ as one element changes while everything else is held fixed. Dashed orange: the tangent at the current point. "
        "Its slope is ∂Qᵢ/∂aᵢ (or ∂Qᵢ/∂bᵢ); `.grad` holds that slope multiplied by vᵢ."
    ),
    "gradients.chart.tangent.title_a": "Q{i} as a function of a{i}",
    "gradients.chart.tangent.title_b": "Q{i} as a function of b{i}",
    "gradients.chart.tangent.x_a": "a{i}",
    "gradients.chart.tangent.x_b": "b{i}",
    "gradients.chart.tangent.y": "Q{i}",
    "gradients.chart.tangent.curve": "Qᵢ curve",
    "gradients.chart.tangent.tangent": "tangent at the current point",
    "gradients.chart.tangent.slope": "slope {value}",
    "gradients.graph_title": "The computation graph (read from the real Q.grad_fn)",
    "gradients.graph_caption": (
        "For every operation autograd creates a backward node and links it through `grad_fn`. "
        "This picture follows `next_functions` down from `Q.grad_fn`. "
        "Arrows show the way gradients travel during backward; each node lists its saved values and the gradient that reached it. "
        "At the bottom, `AccumulateGrad` adds the final gradients into `a.grad` and `b.grad`."
    ),
    "gradients.graph.output": "Q = {value}\n(starting gradient = v)",
    "gradients.graph.grad_in": "gradient arriving = {value}",
    "gradients.graph.leaf": "{name} = {value}",
    "gradients.graph.leaf_grad": "{name}.grad = {value}",
    "gradients.why_title": "Why the gradient= argument?",
    "gradients.why_text": (
        "Backpropagation applies the chain rule starting from **a single number (a scalar)**. "
        "Q is a vector of two elements, so there is no single starting point. "
        "Call `Q.backward()` without an argument and PyTorch really raises this error:"
    ),
    "gradients.why_error_label": "The error this page actually received from Q.backward():",
    "gradients.why_vjp": (
        "`gradient=v` means: \"pretend some outer function turns Q into a scalar L, and v is ∂L/∂Q\". "
        "autograd then applies the chain rule and computes ∂L/∂a = vᵀ·(∂Q/∂a), a **vector-Jacobian product**. "
        "With v = [1, 1], L = Q₁ + Q₂, which is `Q.sum()`; with v = [0.7, 0.3], L is the weighted sum 0.7·Q₁ + 0.3·Q₂ that cares more about Q₁."
    ),
    "gradients.sum_title": "Do Q.sum().backward() and gradient=torch.ones_like(Q) agree?",
    "gradients.sum_row_sum": "Q.sum().backward()",
    "gradients.sum_row_ones": "Q.backward(gradient=torch.ones_like(Q))",
    "gradients.sum_same": "Both give exactly the same `a.grad` and `b.grad` (`torch.equal` = True). Once Q is summed to a scalar, no `gradient` argument is needed.",
    "gradients.sum_differ": "The two results differ (`torch.equal` = False).",
    # --- accumulation -------------------------------------------------------
    "accumulation.title": "③ Gradient accumulation: calling backward() again and again",
    "accumulation.intro": (
        "When `backward()` runs, autograd does not overwrite `.grad`: it **adds** the new gradient to what is already there. "
        "The tutorial warns about exactly this: call `backward()` several times and the gradients accumulate. "
        "This page really calls `Q.sum().backward()` on `Q = 3*a**3 - b**2` as many times as you choose and reads "
        "`a.grad` and `b.grad` after every call. (`Q.sum().backward()` gives the same numbers as "
        "`Q.backward(gradient=torch.ones_like(Q))`; it is the form the tutorial uses for its repeated call.)"
    ),
    "accumulation.controls_a": "Tensor a",
    "accumulation.controls_b": "Tensor b",
    "accumulation.controls_calls": "Repeated backward() calls",
    "accumulation.rule_title": "What each call does",
    "accumulation.rule_accumulate": "Without a reset, after call k:",
    "accumulation.rule_zero": "With a reset before every call, after call k:",
    "accumulation.rule_text": (
        "One call adds ∂Q/∂a = 9a² to `a.grad` and ∂Q/∂b = −2b to `b.grad`. Without a reset, `a.grad` after k calls "
        "is therefore k·9a²: a straight line that climbs by the same step at every call. With a reset, every call starts "
        "from an empty `.grad`, so the value stays at 9a² no matter how often you call."
    ),
    "accumulation.history_title": "a.grad and b.grad after each call",
    "accumulation.table_accumulate": "The highlighted run, without a reset (accumulating):",
    "accumulation.table_caption": "k: the call number. Left: the `.grad` autograd filled in; right: the hand rule computed in torch; ✓ means `torch.isclose` finds them equal.",
    "accumulation.table_zero": "The highlighted run, with a reset before every call:",
    "accumulation.col_check": "check",
    "accumulation.graph_same": (
        "Graph reuse: {mode}. The other way of reusing the graph, run with the same calls, gives exactly the same numbers {mark}"
    ),
    "accumulation.graph_differ": (
        "Graph reuse: {mode}. The other way of reusing the graph gives different numbers {mark}"
    ),
    "accumulation.history_caption": (
        "Left column: the gradients add up, so the lines climb by the same amount at every call. "
        "Right column: `.grad` is reset before every call, so the lines stay flat. "
        "Both runs are always drawn; the reset switch chooses the highlighted one, which the table and the code show. "
        "The axes are fixed, so sizes can be compared as you move the sliders."
    ),
    "accumulation.chart.history.head_accumulate": "Accumulating (no reset)",
    "accumulation.chart.history.head_zero": "Reset before every call",
    "accumulation.chart.history.current": "▶ {head}",
    "accumulation.chart.history.formula_a_acc": "a.grad = k·9a²",
    "accumulation.chart.history.formula_b_acc": "b.grad = k·(−2b)",
    "accumulation.chart.history.formula_a_zero": "a.grad = 9a²",
    "accumulation.chart.history.formula_b_zero": "b.grad = −2b",
    "accumulation.chart.history.x": "backward() call k",
    "accumulation.chart.history.y_a": "a.grad",
    "accumulation.chart.history.y_b": "b.grad",
    "accumulation.chart.history.element1": "element [0] (a₁, b₁)",
    "accumulation.chart.history.element2": "element [1] (a₂, b₂)",
    "accumulation.freed_title": "A second backward() through the same graph fails",
    "accumulation.freed_text": (
        "To save memory, `backward()` frees the values the graph stored for the backward pass "
        "(for example the `a` and `b` that the derivatives of `a**3` and `b**2` need). "
        "A second `backward()` through the same `Q` then has nothing left to work with. This page really runs:"
    ),
    "accumulation.error_label": "The error PyTorch raised on the second call:",
    "accumulation.after_error": "The failed call added nothing: `a.grad` is still {value}, the result of the first call.",
    "accumulation.fix_intro": "There are two ways around it; both really run here, starting from an empty `.grad`:",
    "accumulation.rebuild_title": "Way 1: compute Q again (what the tutorial does)",
    "accumulation.rebuild_text": (
        "A new forward pass builds a new graph with freshly saved values. A training loop does this anyway: "
        "every step runs the model forward again."
    ),
    "accumulation.retain_title": "Way 2: retain_graph=True",
    "accumulation.retain_text": (
        "The graph keeps its saved values after the call, so it can be walked once more. They stay in memory "
        "until the graph is gone, so use it only when one forward pass really needs two backward passes."
    ),
    "accumulation.fix_result": "Result: `a.grad` = {a}, `b.grad` = {b}",
    "accumulation.fix_both": (
        "Both give twice the single-call gradient (2·9a² and 2·(−2b)): avoiding the error does not stop the "
        "accumulation. Resetting `.grad` is a separate step."
    ),
    "accumulation.zeroing_title": "Three ways to reset .grad",
    "accumulation.zeroing_intro": "Each is really run here: one `backward()`, then the reset, then one more `backward()`.",
    "accumulation.col_method": "method",
    "accumulation.col_after_reset": "a.grad right after",
    "accumulation.col_after_next": "a.grad after the next backward()",
    "accumulation.col_when": "when to use it",
    "accumulation.when_zero_grad": (
        "In a training loop: resets every parameter the optimizer holds in one call. "
        "Since PyTorch 2.0 it sets them to `None` by default (`set_to_none=True`)."
    ),
    "accumulation.when_none": (
        "One tensor without an optimizer, as in the tutorial. The old tensor is dropped and the next "
        "`backward()` creates a new one."
    ),
    "accumulation.when_zero_": (
        "Fills the existing tensor with zeros in place, keeping its memory and any reference to it. "
        "Fails while `.grad` is still `None` (before the first `backward()`)."
    ),
    "accumulation.training_title": "Why a training loop zeroes the gradients first",
    "accumulation.training_intro": (
        "A tiny but real training loop: `torch.optim.SGD` fits the line y = w·x + c to four points on y = 2x + 1, "
        "starting from w = c = 0, for {steps} steps. Top: `optim.zero_grad()` before every `loss.backward()`, as the "
        "tutorial recommends. Bottom: the same loop without that one line. Try several learning rates."
    ),
    "accumulation.run_with": "with optim.zero_grad()",
    "accumulation.run_without": "without optim.zero_grad()",
    "accumulation.diverged": "{run}: diverged at step {step} (loss above {factor}× its start); the learning rate is too large, so the curve stops there.",
    "accumulation.col_run": "run",
    "accumulation.diverged_both": "Both runs diverged (loss above {factor}× its start at step {step_with} with zeroing, step {step_without} without): the learning rate is too large.",
    "accumulation.col_w": "w (target 2)",
    "accumulation.col_c": "c (target 1)",
    "accumulation.col_final_loss": "loss at the last step",
    "accumulation.col_w_grad": "w.grad used in the last step",
    "accumulation.diverged_cell": "diverged at step {step}",
    "accumulation.training_lesson": (
        "**What goes wrong without zeroing:** `w.grad` then holds the sum of every gradient so far, so each step "
        "repeats all the earlier steps as well; the parameters overshoot the minimum (w = 2, c = 1) and the loss "
        "swings back up instead of settling."
    ),
    "accumulation.chart.training.title_with": "with optim.zero_grad()",
    "accumulation.chart.training.title_without": "without optim.zero_grad()",
    "accumulation.chart.training.x": "SGD step",
    "accumulation.chart.training.y": "loss",
    "accumulation.chart.training.start": "starting loss",
    "accumulation.chart.training.diverged": "diverged at step {step}",
    "accumulation.code.first_call": "1st call: works, then frees the saved values",
    "accumulation.code.second_call": "2nd call through the same graph: RuntimeError",
    "accumulation.code.rebuild": "compute Q again: a new graph",
    "accumulation.code.retain": "keep the saved values for the second call",
    "accumulation.code.build_once": "one graph, reused by every call",
    "accumulation.code.build_each": "a new graph for every call",
    "accumulation.code.reset": "start every call from an empty .grad",
    "accumulation.code.check_zero": "reset before every call: a.grad = 9a², b.grad = -2b",
    "accumulation.code.check_accumulate": "accumulated over the calls: a.grad = calls·9a², b.grad = calls·(-2b)",
    "accumulation.code.train_title": "A tiny training loop: fit y = w*x + c to points on y = 2x + 1",
    "accumulation.code.zero_grad": "the line the tutorial asks for",
    "accumulation.code.backward": "adds this step's gradient to w.grad and c.grad",
    # --- optimizer ----------------------------------------------------------
    "optimizer.title": "④ The optimizer: learning rate and momentum",
    "optimizer.intro": (
        "In the tutorial, `optim = torch.optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)` hands the model's "
        "parameters to the optimizer, and every `optim.step()` moves each parameter against the gradient stored in its `.grad`. "
        "Here the parameters are few enough to watch: the tutorial's tensors `a` and `b`, or a single point "
        "`a = (a₁, a₂)` on a two-parameter landscape. Every slider move runs a real `torch.optim.SGD` for the chosen "
        "number of steps, twice from the same start: once with your momentum and once with momentum 0."
    ),
    "optimizer.controls_objective": "Loss to minimize",
    "optimizer.controls_start": "Starting parameters",
    "optimizer.controls_optim": "torch.optim.SGD settings",
    "optimizer.objective_caption.q": (
        "The tutorial's hint taken literally: Q is the error, so `optim.step()` tries to lower `Q.sum()`. "
        "The parameters are `a` and `b`, registered as `torch.optim.SGD([a, b], ...)`."
    ),
    "optimizer.objective_caption.valley": (
        "A long, narrow valley along the line a₁ = a₂: steep across it (curvature 40), nearly flat along its floor "
        "(curvature 1). Lowest point: (0, 0). The only parameter is `a`."
    ),
    "optimizer.objective_caption.rosenbrock": (
        "Rosenbrock's function, a classic test for optimizers: a curved, flat-bottomed valley shaped like a banana. "
        "It is mirrored here (1 + a₁ instead of 1 − a₁) so that from the default start the path has to follow the whole bend. "
        "Lowest point: (−1, 1). The only parameter is `a`."
    ),
    "optimizer.b_unused": (
        "On this landscape `a = (a₁, a₂)` is the starting point on the map. b is not used here; "
        "b₁ = {b1} and b₂ = {b2} stay in the URL for the Q objective."
    ),
    "optimizer.run_momentum": "momentum {value}",
    "optimizer.run_plain": "momentum 0 (plain SGD)",
    "optimizer.first_title": "Loss before and after the first optim.step()",
    "optimizer.metric_before": "Before optim.step()",
    "optimizer.metric_after": "After the first optim.step()",
    "optimizer.metric_plain": "Same step with momentum 0",
    "optimizer.first_same": (
        "{same} **Momentum cannot change the first step.** Before the first `optim.step()` PyTorch has no momentum buffer; "
        "the first step creates it as a copy of the gradient (v = g), so the first move is p − lr·g, exactly as without momentum. "
        "That is why both runs reach the same loss, {value}. From step 2 on, the buffer also carries the earlier steps: v = μ·v + g."
    ),
    "optimizer.first_plain": (
        "With momentum 0 PyTorch keeps no buffer at all, and every step is p ← p − lr·g. Raise the momentum to compare: "
        "its first step would still be exactly this one, because the buffer starts as the gradient."
    ),
    "optimizer.first_up": (
        "This time the loss went **up**: the slope at the start is so steep that one step of lr × gradient jumped past "
        "the low ground to a higher point. With a smaller learning rate the first step lowers the loss."
    ),
    "optimizer.first_diverged": (
        "The very first step already overflowed (loss = {value}). The learning rate is far too large for the gradients here."
    ),
    "optimizer.curve_title": "The loss over all {steps} steps",
    "optimizer.curve_caption": (
        "Solid blue: your momentum. Dashed orange: momentum 0 (plain SGD), from the same start with the same learning rate. "
        "The open circles mark the loss before and after the first step, which both runs share. The curves part at step 2 "
        "(dotted line), the first step in which the buffer carries an earlier gradient; how far apart they end up is what momentum does. "
        "When the losses span many powers of ten the y axis is logarithmic; with negative losses it is a signed log scale, "
        "sign · log₁₀(1 + |loss|), labelled with the real values."
    ),
    "optimizer.curve_caption_plain": (
        "Momentum is 0, so both runs are the same and one curve is drawn. The open circles mark the loss before and after "
        "the first step. When the losses span many powers of ten the y axis is logarithmic (signed, sign · log₁₀(1 + |loss|), "
        "when losses are negative), labelled with the real values."
    ),
    "optimizer.metric_final": "{name}: loss after {steps} steps",
    "optimizer.metric_stopped": "{name}: stopped at step {step}, loss",
    "optimizer.diverged": (
        "**{name}: the run diverged.** After step {step} the loss was {value}: the numbers outgrew what float32 can hold "
        "(about 3.4·10³⁸) or became NaN, so the run stopped there. {done} steps finished with finite numbers; "
        "the red ✕ on the chart marks where the run ended."
    ),
    "optimizer.growing": (
        "**{name}: diverging.** Its loss grew from {start} to {end} without overflowing yet: every step overshoots more "
        "than the last, and with more steps float32 would overflow."
    ),
    "optimizer.why_q": (
        "**Why?** Q = 3a³ − b² has no lowest point. Every step goes downhill, and here downhill never ends: "
        "a heads for −∞ (so 3a³ → −∞) and |b| keeps growing (so −b² → −∞). The gradients 9a² and −2b grow with them, "
        "so the steps get longer and longer until float32 overflows. Momentum speeds this up, because it keeps adding "
        "the earlier, ever larger steps; a larger learning rate does the same."
    ),
    "optimizer.why_landscape": (
        "**Why?** This landscape has a lowest point, so the learning rate is too large. Where the landscape is steep, one step "
        "of lr × gradient jumps past the bottom and lands higher on the other side; the gradient there is larger still, so every "
        "jump is bigger than the last. In a bowl of curvature h, plain SGD settles only if lr·h < 2, and SGD with momentum μ "
        "only if lr·h < 2(1 + μ). Try a smaller learning rate."
    ),
    "optimizer.q_unbounded": (
        "Q = 3a³ − b² has no lowest point: the loss can always be lowered further by making a more negative or |b| larger. "
        "SGD therefore never settles on this objective. With enough steps, a larger learning rate or more momentum it runs away "
        "until float32 overflows; the page then stops the run and marks where. Real losses, such as squared errors, are bounded below."
    ),
    "optimizer.map_title": "The two paths on the loss landscape",
    "optimizer.map_caption.valley": (
        "Contour lines join points of equal loss; darker means lower (logarithmic colour scale). Each dot is the position after "
        "one more `optim.step()`. With the tutorial's lr 0.01 and momentum 0.9: plain SGD (dashed orange) moves in proportion "
        "to the local gradient, so it drops to the valley floor in a few steps and then crawls, because the floor is nearly flat. "
        "Momentum (blue) keeps the fraction μ of its previous velocity, so it gathers speed along the floor, overshoots the "
        "minimum and swings back. The picture follows Distill's [Why Momentum Really Works](https://distill.pub/2017/momentum/)."
    ),
    "optimizer.map_caption.rosenbrock": (
        "Contour lines join points of equal loss; darker means lower (logarithmic colour scale). Each dot is the position after "
        "one more `optim.step()`. With the tutorial's lr 0.01 and momentum 0.9: plain SGD (dashed orange) slides down into the "
        "curved valley and then barely moves along its flat, bending floor. Momentum (blue) builds up speed along the floor and "
        "follows the bend to the minimum at (−1, 1), overshooting on the way. "
        "The picture follows Distill's [Why Momentum Really Works](https://distill.pub/2017/momentum/)."
    ),
    "optimizer.params_title": "Where a and b go",
    "optimizer.params_caption": (
        "Each line is one element after every step (solid: your momentum, dashed: momentum 0). The gradient of a is 9a², "
        "never negative, so every step lowers a; once a passes below 0 (momentum or a large learning rate can carry it there) "
        "the slope only gets steeper and a races towards −∞. The gradient of b is −2b, which pushes b away from 0, "
        "so |b| keeps growing."
    ),
    "optimizer.rule_title": "PyTorch's update rule, with this page's numbers",
    "optimizer.rule_text": (
        "For every parameter p, `optim.step()` computes the following (PyTorch's SGD with its defaults `dampening=0`, "
        "`nesterov=False`). g is `p.grad`, μ is the momentum, and v is the momentum buffer PyTorch keeps in "
        "`optimizer.state[p][\"momentum_buffer\"]`."
    ),
    "optimizer.rule_step1": "**Step 1**, element `{name}`: there is no buffer yet, so v starts as the gradient.",
    "optimizer.rule_step2": "**Step 2**, element `{name}`: now the buffer brings in the previous step.",
    "optimizer.rule_plain": "**Step 1**, element `{name}`: with momentum 0 there is no buffer, so every step uses v = g.",
    "optimizer.rule_table_title": "Step {step}, every element",
    "optimizer.rule_check_caption": (
        "The hand columns are computed on this page from the recorded p, g and previous v (in float32); ✓ means they agree "
        "with what `torch.optim.SGD` produced: the parameter after the step and `optimizer.state[p][\"momentum_buffer\"]`."
    ),
    "optimizer.rule_none": "No step finished with finite numbers, so there is nothing to put into the rule.",
    "optimizer.col_element": "element",
    "optimizer.col_v_before": "previous v",
    "optimizer.col_hand": "by hand",
    "optimizer.col_torch": "SGD",
    "optimizer.col_check": "check",
    "optimizer.table_title": "Every step's numbers ({name})",
    "optimizer.table_caption": (
        "Row k is the state after k calls of `optim.step()` (row 0 is the start). `grad` is the gradient that step k used, "
        "computed at the previous row's parameters; `buf` is `optimizer.state[p][\"momentum_buffer\"]` right after step k."
    ),
    "optimizer.col_step": "step",
    "optimizer.col_loss": "loss",
    "optimizer.chart.loss.x": "optim.step() calls",
    "optimizer.chart.loss.y": "loss",
    "optimizer.chart.loss.y_log": "loss (log scale)",
    "optimizer.chart.loss.y_symlog": "loss (signed log scale)",
    "optimizer.chart.loss.momentum": "momentum {value}",
    "optimizer.chart.loss.plain": "momentum 0 (plain SGD)",
    "optimizer.chart.loss.before": "before step 1",
    "optimizer.chart.loss.after": "after step 1",
    "optimizer.chart.loss.stopped": "step {step}: loss {value}, stopped",
    "optimizer.chart.loss.parts": "step {step}: the runs part",
    "optimizer.chart.loss.step": "step",
    "optimizer.chart.map.x": "a₁",
    "optimizer.chart.map.y": "a₂",
    "optimizer.chart.map.loss": "loss",
    "optimizer.chart.map.start": "start",
    "optimizer.chart.map.minimum": "minimum",
    "optimizer.chart.map.momentum": "momentum {value}",
    "optimizer.chart.map.plain": "momentum 0 (plain SGD)",
    "optimizer.chart.map.step": "step",
    "optimizer.chart.params.x": "optim.step() calls",
    "optimizer.chart.params.y": "value",
    "optimizer.chart.params.y_symlog": "value (signed log scale)",
    "optimizer.chart.params.title_a": "a₁, a₂",
    "optimizer.chart.params.title_b": "b₁, b₂",
    "optimizer.chart.params.element_1": "element [0]: a₁, b₁",
    "optimizer.chart.params.element_2": "element [1]: a₂, b₂",
    "optimizer.chart.params.momentum": "momentum {value}",
    "optimizer.chart.params.plain": "momentum 0",
    "optimizer.chart.params.step": "step",
    # --- resnet -------------------------------------------------------------
    "resnet.title": "① One training step of ResNet18",
    "resnet.intro": (
        "The tutorial starts with a whole network: torchvision's **ResNet18**, pretrained on ImageNet. "
        "It feeds the network a random image, measures the error, calls `loss.backward()` and lets the optimizer take one step. "
        "Every time you change a setting, this page runs exactly that code on this server and shows what happened inside."
    ),
    "resnet.controls_train": "Training",
    "resnet.controls_data": "Data and weights",
    "resnet.controls_hint": "The learning-rate, momentum and step sliders sit in section 4, `optim.step()`. Moving them recomputes sections 4 and 5 and the code under them; the other sections (forward pass, first backward pass, freezing) do not depend on them and stay as they are.",
    "resnet.weights.cache": "Pretrained weights in use: `ResNet18_Weights.DEFAULT` (ImageNet), read from the torch hub cache `{path}`.",
    "resnet.weights.download": "Pretrained weights in use: `ResNet18_Weights.DEFAULT` (ImageNet), just downloaded to `{path}`.",
    "resnet.weights.fallback": "Pretrained weights unavailable ({reason}): using random weights (`torch.manual_seed(0)`) instead. The server will not retry until it restarts.",
    "resnet.weights.random": "Random weights, as chosen: `torch.manual_seed(0); model = resnet18()`.",
    "resnet.computing": "Running ResNet18 on the CPU…",
    "resnet.busy": "The server is busy with other ResNet runs right now. Please try again in a moment.",
    "resnet.forward_title": "1 · Forward pass: the prediction",
    "resnet.forward_text": (
        "`data = torch.rand(1, 3, {size}, {size})` is one random RGB image of {size}×{size} pixels "
        "(batch size 1, 3 colour channels). `prediction = model(data)` sends it through all the layers; "
        "out come 1000 numbers, one score per ImageNet class."
    ),
    "resnet.forward_facts": (
        "`prediction.shape` = `{shape}` · `prediction.requires_grad` = `{requires_grad}` · "
        "`prediction.grad_fn` = `{grad_fn}`: autograd recorded the forward pass and can go back through it."
    ),
    "resnet.eval_note": (
        "At 32×32 the last feature map is only 1×1, and BatchNorm in training mode cannot estimate a variance "
        "from a single value per channel. PyTorch refuses: `{error}`. At this size the page therefore calls "
        "`model.eval()` first: BatchNorm uses its stored statistics instead, and gradients flow as before."
    ),
    "resnet.top_title": "The five highest scores (softmax of the prediction)",
    "resnet.col_class": "ImageNet class",
    "resnet.col_index": "index",
    "resnet.col_probability": "probability",
    "resnet.top_pretrained": (
        "The class names come from `ResNet18_Weights.DEFAULT.meta[\"categories\"]`. "
        "The input is random noise, not a photo, so these are simply the classes the trained network finds closest to noise. "
        "A real image would get a confident, meaningful answer."
    ),
    "resnet.top_random": (
        "**With random weights these class names mean nothing.** The network has learnt no classes yet: "
        "the probabilities stay close to the uniform 1/1000 = 0.1 %, and which names come first is chance."
    ),
    "resnet.loss_title": "2 · The loss: one number to start backward from",
    "resnet.loss_text": (
        "`loss = (prediction - labels).sum()` = **{loss}**, where `labels = torch.rand(1, 1000)` is random too. "
        "As in the tutorial, this is a toy loss: it sums the 1000 differences into one scalar, which is all `backward()` needs. "
        "Real training uses a proper loss function such as `nn.CrossEntropyLoss`."
    ),
    "resnet.loss_hand": "Checked by hand: ∂loss/∂prediction = 1 for each of the 1000 outputs, so the gradients of the last layer, `fc`, are known without autograd:",
    "resnet.col_tensor": "tensor",
    "resnet.col_by_hand": "by hand",
    "resnet.col_expected_norm": "its norm by hand",
    "resnet.col_autograd_norm": "norm from autograd",
    "resnet.col_check": "check",
    "resnet.hand_bias": "every element is 1",
    "resnet.hand_weight": "every row equals the 512 features entering `fc`",
    "resnet.loss_labels": (
        "The labels appear in no gradient at all: they only shift the loss by −sum(labels) = {labels_shift}. "
        "That is why this loss cannot teach the network anything about the labels."
    ),
    "resnet.grads_title": "3 · loss.backward(): a gradient for every parameter",
    "resnet.grads_text": (
        "One call fills the `.grad` of all {tensors} parameter tensors, {numel} numbers in total. "
        "Each bar is the size (L2 norm) of one tensor's gradient after the first `loss.backward()`, coloured by layer:"
    ),
    "resnet.chart.grads.x": "‖p.grad‖ (L2 norm, log scale)",
    "resnet.chart.grads.y": "parameter tensor",
    "resnet.chart.grads.title_left": "conv1 · bn1 · layer1 · layer2",
    "resnet.chart.grads.title_right": "layer3 · layer4 · fc",
    "resnet.chart.grads.legend": "layer:",
    "resnet.grads_caption": (
        "Log scale: the gradients span several powers of ten. `conv…weight` are convolution filters (many numbers each); "
        "`bn…weight` and `bn…bias` are BatchNorm's scale and shift, one number per channel; "
        "`downsample` is the 1×1 convolution on a block's shortcut."
    ),
    "resnet.table_expander": "Every parameter tensor in numbers",
    "resnet.col_parameter": "parameter",
    "resnet.col_shape": "shape",
    "resnet.col_numel": "numbers",
    "resnet.col_weight": "‖W‖ before",
    "resnet.col_grad": "‖grad‖",
    "resnet.col_change": "‖ΔW‖ (all steps)",
    "resnet.col_buffer": "‖momentum buffer‖",
    "resnet.step_title": "4 · optim.step(): the loss before and after",
    "resnet.step_text": (
        "`optim = torch.optim.SGD(model.parameters(), lr={lr}, momentum={momentum})`. "
        "Each step runs `optim.zero_grad()`, the forward pass, `loss.backward()` and `optim.step()` on the same image; "
        "afterwards the loss is measured once more."
    ),
    "resnet.metric_before": "loss before the first step",
    "resnet.metric_after_one": "after 1 step",
    "resnet.metric_after_all": "after {steps} steps",
    "resnet.chart.loss.x": "optim.step() calls so far",
    "resnet.chart.loss.y": "loss",
    "resnet.chart.loss.name": "loss",
    "resnet.rule_ok": (
        "✓ Checked for every tensor at every step: the new weights are W − lr·buf, "
        "where the momentum buffer is buf = grad at the first step and buf = momentum·buf + grad after that."
    ),
    "resnet.rule_ok_plain": "✓ Checked for every tensor at every step: the new weights are W − lr·grad (momentum 0 keeps no buffer).",
    "resnet.rule_bad": "✗ At some step the weights did not follow SGD's rule W − lr·buf; the table below shows which.",
    "resnet.loss_falls": (
        "This loss has no lower bound: each step pushes all 1000 outputs down, so it keeps falling, and with momentum ever faster. "
        "A proper loss such as cross-entropy stops improving once the prediction is right."
    ),
    "resnet.diverged": "The numbers overflowed (NaN or ∞): with this unbounded loss the steps grew until float32 could not hold them. Try a smaller learning rate or fewer steps.",
    "resnet.steps_expander": "Each step in numbers",
    "resnet.col_step": "step",
    "resnet.col_loss_before": "loss at the start of the step",
    "resnet.col_grad_total": "‖grad‖ (all parameters)",
    "resnet.col_update_total": "‖ΔW‖ of the step",
    "resnet.col_rule": "SGD rule",
    "resnet.move_title": "5 · How far each layer moved, and SGD's momentum buffers",
    "resnet.move_text": (
        "Top: how much each layer's weights changed over the {steps} step(s), relative to their size, ‖W_after − W_before‖ / ‖W_before‖. "
        "Bottom: the size of `optim.state[p][\"momentum_buffer\"]` after the last step. "
        "The buffer is SGD's memory of past gradients (`buf = momentum·buf + grad`); each step moves the weights by `lr·buf`."
    ),
    "resnet.chart.move.title_change": "weights moved, relative to their size",
    "resnet.chart.move.title_buffer": "momentum buffer after the last step",
    "resnet.chart.move.x_change": "‖ΔW‖ / ‖W‖ in % (log scale)",
    "resnet.chart.move.x_buffer": "‖buf‖ (L2 norm, log scale)",
    "resnet.chart.move.y": "layer",
    "resnet.chart.move.no_buffer": "momentum = 0: SGD keeps no buffer",
    "resnet.chart.move.change_text": "{percent} %",
    "resnet.move_caption": (
        "This toy loss pushes all 1000 outputs down at once, so its gradients are large: with lr = {lr}, "
        "the layer that moved most changed by {percent} % of its own size. Try a smaller learning rate and watch the bars shrink."
    ),
    "resnet.finetune_title": "6 · Finetuning: freeze the network, train only a new fc",
    "resnet.finetune_text": (
        "To reuse a pretrained network for a new task, say one with 10 classes, freeze all its parameters "
        "and replace the last layer. Only the new layer's parameters require gradients:"
    ),
    "resnet.finetune_presence": "After `loss.backward()` on the frozen network, per layer:",
    "resnet.col_layer": "layer",
    "resnet.col_with_grad": "tensors with .grad",
    "resnet.col_none": ".grad is None",
    "resnet.finetune_counts": "{trainable} numbers are trained; {frozen} are frozen and get no `.grad`.",
    "resnet.metric_speedup": "loss.backward() is faster by",
    "resnet.chart.time.full": "whole network",
    "resnet.chart.time.frozen": "frozen + new fc",
    "resnet.chart.time.x": "loss.backward() time in ms",
    "resnet.chart.time.y": "model",
    "resnet.chart.time.ms": "{value} ms",
    "resnet.time_caption": "Measured on this server: the median of {repeats} runs each, forward pass not timed. Times vary with the server's load.",
    "resnet.finetune_speed": (
        "`loss.backward()` is about **{speedup} times faster**: autograd only goes back through operations that involve "
        "a tensor requiring a gradient, so it stops at `fc` and never enters the frozen layers."
    ),
    "resnet.none_expander": "The {count} tensors whose .grad stayed None",
    "resnet.nograd_title": "7 · torch.no_grad(): a forward pass without a graph",
    "resnet.nograd_text": (
        "Inside `with torch.no_grad():` autograd records nothing: the result has no `grad_fn`, and nothing is saved for a backward pass. "
        "Use it to evaluate a model, and whenever you change weights by hand."
    ),
    "resnet.col_call": "code",
    "resnet.col_forward_ms": "forward time",
    "resnet.shared_note": "Every visitor trains a private copy of the network; the original weights are never changed. Identical settings are computed once and shared.",
}
