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
    "url.empty": "URL `{name}=` → {value}: the value is empty, so the default is used.",
    "url.too_long": "URL `{name}` → {value}: the value is too long, so the default is used.",
    "url.not_number": "URL `{name}={raw}` → {value}: not a number, so the default is used.",
    "url.not_finite": "URL `{name}={raw}` → {value}: not a finite number, so the default is used.",
    "url.clamped": "URL `{name}={raw}` → {value}: out of range, clamped to the nearest allowed value.",
    "url.snapped": "URL `{name}={raw}` → {value}: rounded to the slider's grid.",
    "url.not_choice": "URL `{name}={raw}` → {value}: not one of the choices, so the default is used.",
    "url.not_bool": "URL `{name}={raw}` → {value}: neither 1 nor 0, so the default is used.",
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
    "gradients.preset_tutorial": "v = [0.7, 0.3] (tutorial)",
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
        "starting from w = c = 0, for {steps} steps. Left: `optim.zero_grad()` before every `loss.backward()`, as the "
        "tutorial recommends. Right: the same loop without that one line. Try several learning rates."
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
    # --- resnet -------------------------------------------------------------
}
