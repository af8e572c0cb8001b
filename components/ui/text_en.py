"""English text. Keys match text_ko.py one to one."""

TEXT: dict[str, str] = {
    # --- common -------------------------------------------------------------
    "app.title": "autograd lab",
    "nav.home": "Start here",
    "nav.resnet": "① One ResNet18 training step",
    "nav.gradients": "② Computing gradients",
    "nav.accumulation": "③ Gradient accumulation",
    "nav.optimizer": "④ The optimizer",
    "nav.expression": "⑤ Your own function",
    "nav.class": "Class mode (instructor)",
    "lang.label": "언어 · Language",
    "lang.ko": "한국어",
    "lang.en": "English",
    "common.cpu_note": "Every number is computed live by real PyTorch on this server's CPU.",
    # Issue #27: what goes deeper waits behind a closed expander of this name.
    "common.deeper": "Go deeper: {topic}",
    "common.code_title": "The code for what you see",
    "common.code_caption": "It holds the current slider values. Paste it into Python and it prints the same numbers as this page.",
    "common.match": "match",
    "common.mismatch": "mismatch",
    "predict.ask_title": "Predict first",
    "predict.ask_caption": "Type your guess and press Reveal. Whatever would show the answer stays hidden below until then; the sliders still work, and moving one that changes an answer asks again.",
    "predict.guess_label": "Your guess: {label}",
    "predict.choice_label": "Your answer: {label}",
    "predict.guess_placeholder": "a number",
    "predict.reveal": "Reveal",
    "predict.tolerance": "Counted right within 1 % of PyTorch's answer or within ±0.01, whichever is larger.",
    "predict.problem.empty": "Type a number first, then press Reveal.",
    "predict.problem.not_number": "That is not a number: type one such as 36 or -1.5, then press Reveal.",
    "predict.problem.not_finite": "NaN and ∞ cannot be judged: type an ordinary number, then press Reveal.",
    "predict.problem.too_long": "That guess is too long: type an ordinary number, then press Reveal.",
    "predict.problem.no_choice": "Pick one of the answers first, then press Reveal.",
    "predict.problem.not_choice": "That is not one of the answers: pick one, then press Reveal.",
    "predict.right_number": "✓ Right. PyTorch: {label} = **{answer}**. Your guess {guess} is within ±{tolerance}.",
    "predict.wrong_number": "✗ Not quite. PyTorch: {label} = **{answer}**. Your guess was {guess}; right would be within ±{tolerance}.",
    "predict.right_choice": "✓ Right. Your answer: {guess}. PyTorch: **{answer}**.",
    "predict.wrong_choice": "✗ Not quite. Your answer: {guess}. PyTorch: **{answer}**.",
    "predict.hidden": "Hidden until you reveal {labels} above: this part of the lesson shows the answer.",
    "predict.summary_title": "Your predictions",
    "predict.col_question": "question",
    "predict.col_guess": "your guess",
    "predict.col_answer": "PyTorch",
    "predict.not_revealed": "not revealed yet",
    "predict.score": "Score on this page: **{right} right** out of {revealed} revealed ({asked} in all).",
    "predict.session_score": "This session, all lessons: {right} of {revealed} right. Guesses are kept only in this browser tab.",
    "predict.session_score_class": (
        "This session, all lessons: {right} of {revealed} right. In a class, every answer you send is stored on the "
        "class's server, without your name, until the class is deleted."
    ),
    "predict.on": "on",
    "predict.off": "off",
    "top.lessons": "Lessons",
    "top.reset": "Tutorial values",
    "top.reset_help": "Puts every value on this page back to the tutorial's, and the address bar with them.",
    "top.next": "Next lesson: {title}",
    "top.last": "That was the last lesson. Back to the start",
    "share.title": "Share this view",
    "share.text": "Scan the QR code with a phone camera to open this view with the same values.",
    "share.enlarge": "Larger QR code",
    "share.unreachable.loopback_only": "The server only accepts connections from this computer (127.0.0.1), so students' phones cannot open a link to it. Restart it with `--server.address 0.0.0.0`, or set `{env}` to the address students use.",
    "share.unreachable.no_lan": "No network address of this computer was found, so there is no link students' phones could open. Set `{env}` to the address students use.",
    "share.unreachable.unknown": "This run cannot tell the server's address, so no QR code is shown. Set `{env}` to the address students use.",
    "url.empty": "URL `{name}=` → {value}: the value is empty, so the default is used.",
    "url.too_long": "URL `{name}` → {value}: the value is too long, so the default is used.",
    "url.not_number": "URL `{name}` = {raw} → {value}: not a number, so the default is used.",
    "url.not_finite": "URL `{name}` = {raw} → {value}: not a finite number, so the default is used.",
    "url.clamped": "URL `{name}` = {raw} → {value}: out of range, clamped to the nearest allowed value.",
    "url.snapped": "URL `{name}` = {raw} → {value}: rounded to the slider's grid.",
    "url.not_choice": "URL `{name}` = {raw} → {value}: not one of the choices, so the default is used.",
    "url.not_bool": "URL `{name}` = {raw} → {value}: neither 1 nor 0, so the default is used.",
    "url.not_valid": "URL `{name}` = {raw} → {value}: {reason} The default is used.",
    "url.malformed": "URL `{name}` = {raw}: not in the expected format, so it is ignored.",
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
    "control.expr": "f(a, b) =",
    "control.expr.help": "Your own function of a and b, for example 3*a**3 - b**2 or sigmoid(a*b). Applied element by element.",
    "control.calls": "backward() calls",
    "control.calls.help": "How many times backward() is called on the same tensors.",
    "control.zero": "Reset .grad between calls",
    "control.zero.help": (
        "On: `a.grad = None` before every call drops the gradient (the tensor is discarded, not filled with "
        "zeros). Off: gradients keep adding up."
    ),
    "control.graph": "How the graph is reused",
    "control.graph.help": "Recompute Q before every call, or keep the graph alive with retain_graph=True.",
    "control.graph.rebuild": "Recompute Q each time",
    "control.graph.retain": "retain_graph=True",
    "control.lr": "Learning rate (lr)",
    "control.lr.help": (
        "How big a step optim.step() takes. With momentum 0 each parameter moves against its gradient, by lr × "
        "gradient. The tutorial uses 0.01."
    ),
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
    "control.predict": "Predict mode: guess first, then reveal",
    "control.predict.help": "The lesson asks a few questions about the current settings and hides the answers until you reveal them.",
    "control.objective.rosenbrock": "Rosenbrock function",
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
    "home.lesson.expression": "Type your own f(a, b): autograd's gradients next to SymPy's exact derivatives and finite differences, and where they part ways (corners, sqrt and log at 0, division by zero).",
    "home.open": "Open",
    "home.how": (
        "Every slider move re-runs the PyTorch code. The address bar always holds the full setting, "
        "so sharing the URL opens exactly the same view."
    ),
    "home.video": "For a visual explanation of backpropagation, watch [3Blue1Brown's backpropagation video]({url}).",
    "home.cpu": "This dashboard runs on the CPU only; no GPU is needed.",
    "home.versions": "Running: PyTorch {torch} · torchvision {torchvision} · Streamlit {streamlit} · {threads} CPU {threads|thread|threads}",
    "home.source": "Source tutorial: the PyTorch Korea tutorial “A gentle introduction to torch.autograd”",
    # --- class (instructor page and students in a class) --------------------
    "class.title": "Class mode: ask the whole room",
    "class.intro": (
        "During a lecture, let the whole room answer the same checkpoint, look at how the "
        "answers spread, then reveal the answer. Students take part without names, and nobody "
        "sees anyone else's answer."
    ),
    "class.db_error": "The class database is not answering right now (check AUTOGRAD_LAB_DB on the server). This page tries again every {seconds} {seconds|second|seconds} and carries on by itself.",
    "class.reveal_failed": "Not revealed: the class database is not answering. Press again in a moment.",
    "class.need_key": "To see this class's answers, open the instructor link (with its key) you got when you started the class.",
    "class.how": (
        "**Start a class** creates a 6-character join code and an instructor key. Students open "
        "a lesson in predict mode from the QR code or the link and send their answers; this page "
        "shows, per checkpoint, how many students answered and how their answers spread, live. "
        "**Reveal to the class** shows the answer on every student's screen."
    ),
    "class.start": "Start a class",
    "class.start_refused.client": "Too many classes were started from here in the last minute (at most {count}). Wait a minute, then start one again.",
    "class.start_refused.total": "This server holds its maximum of {count} live classes, so no new class can start. Try again once older classes have been deleted.",
        "class.privacy": "No names, addresses or browser details are stored. Classes and their answers are deleted after {hours} {hours|hour|hours}.",
    "class.key_warning": (
        "Save the instructor link below now. The key is shown only this once and the server "
        "keeps only a hash of it, so it cannot be recovered. Anyone with this link can see the "
        "answers and reveal them: do not share it with students."
    ),
    "class.key_not_projected": "The instructor link (with its key) is never shown in presenter view. Turn presenter view off on a screen that is not projected to see it once.",
    "class.lesson": "Lesson for the students",
    "class.code_label": "Join code",
    "class.join_how": "Students scan the QR code or open the link below: it opens the lesson in predict mode, in this class.",
    "class.present_title": "Present a lesson",
    "class.present_how": "Open a lesson with a link below: it opens in presenter view, and the students who joined see its lesson and slider values on their phones. The links hold no instructor key: the key stays with this browser tab, so open them in this tab. A reload of the presented lesson stops presenting: open its link here again.",
    "class.present_link": "Present {title}",
    "class.qr_caption": "QR code of the join link",
    # --- the lesson plan (instructor on a lesson page, and on /class) --------
    "plan.title": "Lesson plan",
    "plan.position": "{current} / {total}",
    "plan.position_off": "– / {total}",
    "plan.previous": "Previous",
    "plan.next": "Next",
    "plan.add": "Add this view",
    "plan.add.help": "Puts this lesson, with every slider value, at the end of the lesson plan. Greyed out when this view is already in the plan.",
    "plan.added": "Added as view {position} of the lesson plan.",
    "plan.exists": "This view is already view {position} of the lesson plan.",
    "plan.full": "A lesson plan holds at most {count} views. Remove some on /class first.",
    "plan.db_error": "The class database is not answering: the lesson plan was not read or changed. Try again in a moment.",
    "plan.class_title": "Lesson plan",
    "plan.class_caption": "The views you will show, in order. Open a lesson from this page's lesson menu (your key goes with it): a **Lesson plan** row appears at the top, and **Add this view** puts the lesson with its slider values here. While presenting, **Next** and **Previous** step through the plan. The plan is kept with the class and deleted with it.",
    "plan.class_empty": "No views in the plan yet.",
    "plan.current": "current",
    "plan.defaults": "default values",
    "plan.up": "Up",
    "plan.down": "Down",
    "plan.remove": "Remove",
    "plan.open": "Present",
    "plan.open.help": "Opens this view in presenter view in this tab. The plan's Next and Previous go on from there.",
    "plan.export_title": "Export as a link list",
    "plan.export_caption": "One student link per line, without your key: safe to send to students. Paste the list into **Reuse a plan** in your next class to get the same plan.",
    "plan.download": "Download the link list (.txt)",
    "plan.reuse_title": "Reuse a plan",
    "plan.paste": "Paste a link list",
    "plan.paste.help": "One link per line. Only links to lessons are read and every value is checked again; other lines are skipped.",
    "plan.fill": "Add to the plan",
    "plan.filled": "{count} {count|view|views} added to the plan.",
    "plan.fill_none": "No links to a lesson found in the pasted text.",
    "plan.fill_skipped": "Skipped {count|line|lines} {lines}: not a link to a lesson.",
    "plan.fill_fixed": "Invalid values ({names}) were replaced by the default or the nearest allowed value.",
    "plan.fill_repeated": "{count} repeated {count|view was|views were} added once.",
    "plan.fill_over": "{count} more {count|view|views} did not fit: a plan holds at most {limit}.",
    "plan.fill_cut": "The pasted text was too long: only its first {lines} {lines|line|lines} (at most {chars} {chars|character|characters}) were read.",
    "class.live_title": "Answers per checkpoint",
    "class.live_caption": "Refreshes by itself every {seconds} {seconds|second|seconds}.",
    "class.show_answer": "Show the answer on the charts",
    "class.show_answer.help": "Leave it off while this screen is on the projector. Revealed checkpoints always show their answer.",
    "class.answer_count": "Answers: **{count}**",
    "class.no_answers": "No answers yet.",
    "class.reveal": "Reveal to the class",
    "class.revealed": "Revealed",
    "class.chart_x": "Students' guesses",
    "class.chart_y": "Students",
    "class.chart_right": "Right",
    "class.chart_wrong": "Wrong",
    "class.chart_guesses": "Guesses",
    "class.chart_answer": "PyTorch's answer: {value}",
    "class.other_settings": "{count} {count|student|students} had moved a slider and answered for a different value (each is judged against their own answer).",
    "class.report.title": "Class report",
    "class.report.caption": "Every checkpoint with at least one answer, in lesson order. Right or wrong by predict mode's rule, each answer against the answer on that student's own page. The report holds counts only: nothing in it identifies a student. Refreshed every {seconds} s.",
    "class.report.presenting": "In presenter view the report lists only the checkpoints revealed to the class; the others show when presenter view is off.",
    "class.report.empty": "No checkpoint has an answer yet.",
    "class.report.download": "Download the report (CSV)",
    "class.report.col.lesson": "lesson",
    "class.report.col.checkpoint": "checkpoint id",
    "class.report.col.question": "checkpoint",
    "class.report.col.answers": "answers",
    "class.report.col.right": "right",
    "class.report.col.share": "share right",
    "class.report.col.fraction": "share right (0–1)",
    "class.report.col.wrong": "most common wrong answers (students): misconception",
    "class.report.col.rank": "wrong answer rank",
    "class.report.col.wrong_answer": "wrong answer",
    "class.report.col.wrong_count": "students",
    "class.report.col.misconception": "misconception",
    "class.report.wrong_item": "{answer} ({count}): {misconception}",
    "class.report.wrong_sep": "; ",
    "class.report.none_wrong": "nobody wrong",
    "class.report.why.a1_grad.forgot_v": "forgot the factor v (9a₁²)",
    "class.report.why.a1_grad.q_value": "the value of Q₁, not its gradient",
    "class.report.why.a1_grad.power_rule": "dropped the factor 3 of the power rule",
    "class.report.why.a1_grad.b_grad": "b's gradient instead of a's",
    "class.report.why.a1_grad_calls.overwrite": "thinks `.grad` is overwritten, not added to",
    "class.report.why.a1_grad_calls.no_reset": "thinks `.grad` adds up even with the reset on",
    "class.report.why.a1_grad_calls.zero_after": "thinks the reset comes after each call",
    "class.report.why.second_backward.adds": "thinks a freed graph adds again",
    "class.report.why.second_backward.same": "thinks the second call silently does nothing",
    "class.report.why.second_backward.zero": "thinks `.grad` resets itself to 0",
    "class.report.why.a1_after_step.plus_sign": "stepped along the gradient (uphill)",
    "class.report.why.a1_after_step.no_lr": "forgot the learning rate",
    "class.report.why.a1_after_step.no_move": "thinks `optim.step()` leaves a₁ unchanged",
    "class.report.why.a1_after_step.change_only": "gave the change, not the new a₁",
    "class.report.why.a1_after_step.gradient_only": "gave the gradient, not the new a₁",
    "class.report.why.a1_after_step.momentum": "added momentum to the first step",
    "class.report.why.momentum_first_loss.lower": "thinks momentum speeds up the very first step",
    "class.report.why.momentum_first_loss.higher": "thinks momentum overshoots on the very first step",
    "class.report.why.loss_after_step.lower": "thinks one step always lowers the loss (the learning rate was too large)",
    "class.report.why.loss_after_step.higher": "thinks a small step against the gradient raises the loss",
    "class.report.why.loss_after_step.same": "thinks one step leaves the loss unchanged",
    "class.report.why.largest_grad_layer.conv1": "thinks the first layer, which sees the whole image, has the largest gradient",
    "class.report.why.largest_grad_layer.bn1": "thinks `bn1`, with only 128 parameters, has the largest gradient",
    "class.report.why.largest_grad_layer.fc": "thinks the layer nearest the loss has the largest gradient",
    "class.student.joined": "You are in class **{code}**. Reveal sends your answer to the instructor; the answer appears when the instructor reveals it.",
    "class.student.predict_locked": "In a class, predict mode stays on: the answers appear when the instructor reveals them.",
    "class.student.unknown": "There is no class “{code}”, or it has ended. You go on in predict mode on your own.",
    "class.student.db_error": "The class database is not answering right now. Answers you send are kept on this page and sent as soon as it is back; it is checked every {seconds} {seconds|second|seconds}.",
    "class.student.waiting": "Answer sent (yours: {guess}). Waiting for the instructor to reveal it; until then you can change your answer and send it again.",
    "class.student.pending": "Not sent yet (yours: {guess}): the class database is not answering. It is sent again by itself every {seconds} {seconds|second|seconds}; your answer stays on this page, so just wait.",
    "class.student.send_hint": "In a class, Reveal sends your answer to the instructor; the answer appears when the instructor reveals it.",
    "class.student.revealed_unanswered": "The instructor has revealed this checkpoint. Give an answer and press Reveal to see it (it no longer counts in the class's answers).",
    "class.student.too_fast": "Answers sent too quickly one after another. Wait a moment and press again.",
    "class.student.full": "This class is full (at most {count} {count|student|students} answer in one class), so your answer was not sent. Go on here on your own.",
    "class.student.invalid": "This answer cannot be sent to the class (the number is too large). Send an ordinary number.",
    "class.student.gone": "The class has ended, so answers can no longer be sent. You can go on here on your own.",
    "class.student.local": "PyTorch's answer is not a finite number, so this one is not counted in the class and is revealed right away.",
    "class.student.spread": "How the whole class answered: {count} {count|answer|answers}. Only the bar heights are shown, nobody's own answer.",
    "follow.toggle": "Follow the projector",
    "follow.toggle.help": "On: this page moves to the lesson and values the instructor shows. Off: explore on your own; switch it back on to return to the instructor's view at once.",
    "follow.following": "Following the projector: when the instructor changes the lesson or moves a value, this page changes too.",
    "follow.exploring": "Exploring on your own. Switch on “Follow the projector” to return to the instructor's view.",
    "follow.presenting": "Class **{code}** follows this page.",
    "follow.publish_failed": "The class database does not answer right now: the students' pages cannot follow this one. It is sent again by itself shortly.",
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
        "as (f(x+ε) − f(x−ε)) / 2ε for a small ε, and should agree closely."
    ),
    "gradients.bars_title": "The gradients as bars",
    "gradients.bars_caption": "Bars are autograd's `.grad`; red diamonds are the hand derivatives. When they overlap, they agree.",
    "gradients.chart.bars.title_a": "a.grad  (by hand: 9a²·v)",
    "gradients.chart.bars.title_b": "b.grad  (by hand: −2b·v)",
    "gradients.chart.bars.autograd": "autograd (.grad)",
    "gradients.chart.bars.hand_a": "9a²·v",
    "gradients.chart.bars.hand_b": "−2b·v",
    "gradients.chart.bars.y": "gradient value",
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
        "autograd then applies the chain rule and computes ∂L/∂a = vᵀ·(∂Q/∂a), a **vector-Jacobian product**: vᵀ is v written as a row, and the Jacobian ∂Q/∂a is the table of every Qᵢ's derivative by every aⱼ. "
        "With v = [1, 1], L = Q₁ + Q₂, which is `Q.sum()`; with v = [0.7, 0.3], L is the weighted sum 0.7·Q₁ + 0.3·Q₂ that cares more about Q₁."
    ),
    "gradients.sum_title": "Do Q.sum().backward() and gradient=torch.ones_like(Q) agree?",
    "gradients.sum_row_sum": "Q.sum().backward()",
    "gradients.sum_row_ones": "Q.backward(gradient=torch.ones_like(Q))",
    "gradients.sum_same": "Both give exactly the same `a.grad` and `b.grad` (`torch.equal` = True). Once Q is summed to a scalar, no `gradient` argument is needed.",
    "gradients.sum_differ": "The two results differ (`torch.equal` = False).",
    "gradients.predict.a1_grad.label": "`a.grad[0]`",
    "gradients.predict.a1_grad.question": "With a₁ = {a1} and v₁ = {v1}: what is `a.grad[0]` after `Q.backward(gradient=v)`?",
    "gradients.predict.a1_grad.question_class": "What is `a.grad[0]` after `Q.backward(gradient=v)`, at the a₁ and v₁ on each student's screen?",
    "gradients.predict.a1_grad.why": "Only Q₁ = 3a₁³ − b₁² depends on a₁, so `a.grad[0]` = v₁ · ∂Q₁/∂a₁ = v₁ · 9a₁² = {v1} × 9 × ({a1})² = {answer}.",
    "gradients.predict.a1_grad.wrong": "`a.grad[0]` is the slope of Q₁ in a₁ (9a₁²) times the weight v₁ that `gradient=v` gives Q₁.",
    "gradients.predict.a1_grad.slip.forgot_v": "It looks like v was left out: `backward(gradient=v)` multiplies each element's derivative by its v, so the answer is 9a₁² × v₁, not 9a₁² alone.",
    "gradients.predict.a1_grad.slip.q_value": "That is the value of Q₁ itself (3a₁³ − b₁² with b₁ = {b1}). `.grad` holds its slope: how fast Q₁ changes when a₁ moves.",
    "gradients.predict.a1_grad.slip.power_rule": "The power rule gives d(3a³)/da = 3 · 3a² = 9a²: the factor 3 in front stays.",
    "gradients.predict.a1_grad.slip.b_grad": "That is `b.grad[0]` = −2b₁ · v₁; the question asks for the gradient of a.",
    # --- expression -------------------------------------------------------
    "expression.title": "⑤ Your own function",
    "expression.intro": (
        "Type your own f(a, b). Like the tutorial's Q = 3a³ − b², it is applied element by element "
        "to a = (a₁, a₂) and b = (b₁, b₂), which are tensors with `requires_grad=True`, and the page "
        "calls `Q.backward(gradient=v)`. autograd's `a.grad` and `b.grad` are then checked against "
        "SymPy, a computer algebra system that differentiates the same formula exactly, and against "
        "finite differences."
    ),
    "expression.grammar": (
        "Allowed: numbers, a, b, + − * / and ** (power), parentheses, the functions sin, cos, tan, "
        "exp, log, sqrt, abs, tanh, sigmoid, relu and the constants pi and e; at most 200 characters. "
        "The text is only parsed, never run as Python."
    ),
    "expression.kept": "The page still shows the last valid function: {expr}",
    "expression.typed.empty": "The box is empty: type a function of a and b.",
    "expression.typed.too_long": "The function is longer than 200 characters.",
    "expression.presets": "Try these",
    "expression.preset_tutorial": "3a³ − b²",
    "expression.preset_tutorial_help": "The tutorial's Q at a = [2, 3], b = [6, 4].",
    "expression.preset_sigmoid": "sigmoid(ab)",
    "expression.preset_sigmoid_help": "A smooth function: all three answers agree.",
    "expression.preset_relu": "relu(a) − b²",
    "expression.preset_relu_help": "a₁ = 0 sits on relu's corner.",
    "expression.preset_sqrt": "√(a²+b²) at 0",
    "expression.preset_sqrt_help": "The distance from the origin, read at a₁ = b₁ = 0 (and at the 3-4-5 point).",
    "expression.preset_log": "log(a), a < 0",
    "expression.preset_log_help": "log of a negative number (a₁ = −1) next to a positive one (a₂ = 2).",
    "expression.controls_a": "Tensor a",
    "expression.controls_b": "Tensor b",
    "expression.controls_v": "The gradient argument v",
    "expression.oracle_title": "autograd, SymPy and finite differences",
    "expression.oracle_text": (
        "Each row puts three answers side by side: autograd's `.grad`; SymPy's exact derivative "
        "at the point, times v (the weight `Q.backward(gradient=v)` gives each element); and a "
        "central finite difference (f(x+h) − f(x−h)) / 2h in float64. ✓ means autograd and SymPy "
        "agree within float32 rounding, ✗ that they do not."
    ),
    "expression.dash.no_value": "A – marks a cell where SymPy's derivative has no real value at that point (its column says why): there is nothing to compare.",
    "expression.dash.autograd_nan": "A – beside a SymPy number marks a cell where autograd gave NaN (not a number), so the two cannot be compared; the section below says where the NaN comes from.",
    "expression.dash.not_computed": "A – marks a cell where SymPy did not compute a value (its column says why): there autograd can be checked only against the finite difference.",
    "expression.point": "At a = {a}, b = {b}, with v = {v}:",
    "expression.col_check": "check",
    "expression.col_fd": "finite difference",
    "expression.sympy.undefined": "undefined",
    "expression.sympy.complex": "not a real number",
    "expression.sympy.skipped": "not computed (the exact values grow too large)",
    "expression.sympy.timeout": "no answer",
    "expression.sympy.infinite": "infinite",
    "expression.sympy_timeout": "SymPy did not finish within its time limit, so the SymPy column is empty; autograd and finite differences are still shown.",
    "expression.sympy_timeout_known": "SymPy already ran out of time on this function earlier, so it is not asked again: the SymPy column is empty; autograd and finite differences are still shown.",
    "expression.sympy_busy": "SymPy is busy with other work right now, so the SymPy column is empty this time; change a value or reload the page to ask again.",
    "expression.sympy_failed": "SymPy could not differentiate this function, so the SymPy column is empty; autograd and finite differences are still shown.",
    "expression.latex_too_long": "The derivatives are too long to print here; their values are in the tables.",
    "expression.unused": "f does not use {names}: that tensor never enters the graph, so PyTorch leaves its `.grad` as `None`; the table shows 0.",
    "expression.events_title": "Where autograd and calculus part ways",
    "expression.smooth": "No corner, zero division or overflow at either point, and autograd matches SymPy everywhere: here autograd is exactly calculus.",
    "expression.unchecked": "No corner, zero division or overflow at either point. SymPy has no answer here (see above), so autograd can only be compared with the finite differences.",
    "expression.partly_checked": "No corner, zero division or overflow at either point, and autograd matches SymPy wherever SymPy has a value (a – above marks the others).",
    "expression.rounding": "No corner, zero division or overflow at either point, yet some numbers differ by more than float32 rounding (✗ above): large or nearly cancelling values lose digits in float32, while SymPy computes exactly.",
    "expression.event.abs_zero": "Element {i}: abs receives exactly 0 (from {where}). abs has a corner at 0, so calculus has no derivative there; torch uses 0, one valid subgradient, and carries it through the chain rule. SymPy's sign(0) is 0 as well; a central finite difference averages the slopes on both sides.",
    "expression.event.relu_zero": "Element {i}: relu receives exactly 0 (from {where}). relu has a corner at 0, so calculus has no derivative there; torch uses the slope 0 of the left side. SymPy writes relu's slope as the step function θ and takes θ(0) = 1/2, and a central finite difference averages the slopes 0 and 1.",
    "expression.event.sqrt_zero": "Element {i}: sqrt receives exactly 0 (from {where}). The slope of sqrt(x) is 1/(2·sqrt(x)), infinite at 0: autograd multiplies by ∞, and where the chain rule then meets a 0 (such as the slope 2a of a² at a = 0), ∞ · 0 gives NaN. Calculus needs a limit here, which autograd never takes.",
    "expression.event.sqrt_negative": "Element {i}: sqrt receives {value} (from {where}), a negative number, whose square root is not a real number: torch returns NaN (not a number) for f and its slope.",
    "expression.event.log_zero": "Element {i}: log receives exactly 0 (from {where}). torch gives log(0) = −∞ and the slope 1/x = ∞; calculus has neither a value nor a derivative at 0.",
    "expression.event.log_negative": "Element {i}: log receives {value} (from {where}), a negative number. In real numbers log is undefined there, so f is NaN (not a number). autograd's backward rule for log only divides by x and never checks the domain, so `.grad` can still be an ordinary number, the same as SymPy's formula 1/x; finite differences see the NaN.",
    "expression.event.div_zero": "Element {i}: the divisor {where} is exactly 0. torch follows IEEE floating point: x / 0 is ±∞ and 0 / 0 is NaN (not a number), and the slopes 1/y and −x/y² blow up the same way; in calculus f has no value there at all.",
    "expression.event.pow_zero": "Element {i}: the base {where} is exactly 0 and the exponent is below 1: the slope p·x^(p−1) is infinite at 0, so autograd meets ∞ there (and ∞ · 0 = NaN further down the chain).",
    "expression.event.pow_negative": "Element {i}: the base {where} = {value} is negative and the exponent is not a whole number: the power has no real value, and torch returns NaN (not a number).",
    "expression.event.pow_log": "Element {i}: the exponent depends on a or b while the base {where} = {value} is negative. The part of the gradient that comes through the exponent, x^p · log(x), has no real value for a negative x, so torch gives NaN (not a number) there.",
    "expression.event.pow_log_zero": "Element {i}: the exponent depends on a or b, and the base {where} is exactly 0 with a positive exponent. 0^p = 0 for every p > 0, so the power does not change as the exponent moves: the part of the gradient that comes through the exponent is 0 in calculus, and torch gives 0 too. The formula x^p · log(x) reads 0 · (−∞) at this very point, which is why a value computed from the formula here (as in the SymPy column) can be missing.",
    "expression.event.pow_log_zero_jump": "Element {i}: the exponent depends on a or b, and the base {where} is exactly 0 with an exponent of 0 or less. Around here the power jumps as the exponent moves (0^p is 0 for p > 0, 1 at p = 0 and ∞ for p < 0), so calculus has no derivative with respect to the exponent; torch gives 0 for that part when the exponent is exactly 0, and −∞ when it is negative.",
    "expression.event.overflow": "Element {i}: {where} is larger than float32 can hold (about 3.4 · 10³⁸), so torch gives ∞, and sums or products after it can become NaN (∞ − ∞, 0 · ∞). SymPy computes exactly and has no such limit.",
    "expression.event.not_finite": "Element {i}: f or its gradient is NaN or ∞ here: a value on the way left the range float32 can hold, or had no real value.",
    "expression.event_numbers": "Numbers at element {i}: f = {q}; autograd a.grad = {a_grad}, b.grad = {b_grad}; SymPy ∂f/∂a·v = {a_sympy}, ∂f/∂b·v = {b_sympy}; finite differences {a_fd} and {b_fd}.",
    "expression.curve_title": "f along a₁, and the tangent autograd draws",
    "expression.curve_caption": "The orange tangent has the slope ∂f/∂a₁ = {slope}, computed by autograd at a₁ = {a1} with b₁ = {b1} held fixed. With the weight v₁ = {v1}, `a.grad[0]` = v₁ × slope = {grad}.",
    "expression.curve_caption_none": "No tangent at a₁ = {a1}: f or its slope there is {slope}, not a finite number (see the section above).",
    "expression.curve_gaps": "Gaps in the curve are where f has no finite real value.",
    "expression.chart.title": "f(a₁, b₁) as a₁ moves (b₁ fixed)",
    "expression.chart.x": "a₁",
    "expression.chart.y": "f(a₁, b₁)",
    "expression.chart.curve": "f",
    "expression.chart.tangent": "tangent (autograd's slope)",
    "expression.chart.slope": "slope {value}",
    "expression.graph_title": "The backward graph (read from the real Q.grad_fn)",
    "expression.graph_caption": (
        "Each box is a node of the real `Q.grad_fn` chain that autograd recorded while computing f. "
        "Gradients travel from Q at the top down to `AccumulateGrad`, which writes them into "
        "`a.grad` and `b.grad`; “gradient arriving” is what reached each node during "
        "`Q.backward(gradient=v)`."
    ),
    "expression.graph_none": "f performs no operation on a or b (it is a or b itself, or a constant), so autograd recorded no graph to draw.",
    "expression.graph.output": "Q = {value}\n(starting gradient = v)",
    "expression.graph.grad_in": "gradient arriving = {value}",
    "expression.graph.leaf": "{name} = {value}",
    "expression.graph.leaf_grad": "{name}.grad = {value}",
    "expression.code_gradient_comment": "the gradient= argument (v)",
    "expression.error.empty": "The function is empty: type an expression in a and b.",
    "expression.error.control_char": "Character {where} is an invisible control character ({token}); only printable text is allowed.",
    "expression.error.non_ascii": "Character {where} is {token}, not a plain ASCII character. A look-alike letter (such as Cyrillic а for a) would be a different name, so only ASCII is allowed.",
    "expression.error.too_deep": "Nested too deeply at character {where}: at most {limit} {limit|level|levels} of parentheses, functions and chained operations.",
    "expression.error.too_long": "The function is longer than {limit} {limit|character|characters}.",
    "expression.error.syntax": "Not a complete formula (the problem is near character {where}): check the parentheses and operators.",
    "expression.error.too_many_nodes": "The formula has more than {limit} {limit|part|parts} (numbers, names and operations): make it shorter.",
    "expression.error.function_without_call": "{token} at character {where} is a function: give it one argument, as in {token}(a).",
    "expression.error.unknown_name": "{token} at character {where} is not allowed: the only names are a, b, pi and e.",
    "expression.error.operator": "The operator {token} near character {where} is not allowed: use + − * / and ** only.",
    "expression.error.unknown_function": "{token} at character {where} is not an allowed function: use sin, cos, tan, exp, log, sqrt, abs, tanh, sigmoid or relu.",
    "expression.error.keyword": "A keyword argument ({token}=, character {where}) is not allowed: give the function one plain argument.",
    "expression.error.starred": "Unpacking with * (character {where}) is not allowed.",
    "expression.error.arity": "{token} at character {where} takes exactly one argument, not {limit}.",
    "expression.error.call_target": "Only the listed functions can be called (character {where}).",
    "expression.error.attribute": "Attribute access with a dot ({token}, character {where}) is not allowed.",
    "expression.error.subscript": "Indexing with [ ] (character {where}) is not allowed: f works on a and b element by element.",
    "expression.error.lambda": "lambda (character {where}) is Python code, not a formula, and is not allowed.",
    "expression.error.comprehension": "A comprehension such as [… for …] (character {where}) is Python code and is not allowed.",
    "expression.error.collection": "A tuple, list, set or dict (character {where}) is not allowed: f gives one number per element. For a decimal, use a point: 1.5, not 1,5.",
    "expression.error.comparison": "Comparisons and and/or (character {where}) are not allowed.",
    "expression.error.conditional": "if … else (character {where}) is not allowed.",
    "expression.error.assignment": "Assignment with := (character {where}) is not allowed.",
    "expression.error.string": "Text in quotes (character {where}) is not allowed.",
    "expression.error.construct": "{token} (character {where}) is not part of the formula language.",
    "expression.error.constant": "{token} at character {where} is not a real number (no complex numbers or True/False).",
    "expression.error.number_format": "{token} at character {where}: write numbers in decimal, like 2, 0.5 or 1e-3.",
    "expression.error.constant_range": "The number {token} at character {where} is outside ±{limit}.",
    "expression.error.constant_overflow": "A part of f without a or b has no finite value (such as exp(exp(9)), log(0) or 1/0).",
    "expression.error.exponent_too_large": "The exponent {token} at character {where} is too large: its size may be at most {limit}.",
    "gradients.code.v": "the gradient= argument, dL/dQ",
    "gradients.code.check": "do they match the hand derivatives?",
    # --- accumulation -------------------------------------------------------
    "accumulation.title": "③ Gradient accumulation: calling backward() again and again",
    "accumulation.intro": (
        "When `backward()` runs, autograd does not overwrite `.grad`: it **adds** the new gradient to what is already there. "
        "The tutorial warns about exactly this: call `backward()` several times and the gradients accumulate. "
        "This page really calls `Q.sum().backward()` on `Q = 3*a**3 - b**2` as many times as you choose and reads "
        "`a.grad` and `b.grad` after every call."
    ),
    "accumulation.sum_topic": "Q.sum() or ones_like",
    "accumulation.sum_note": (
        "`Q.sum().backward()` gives the same numbers as "
        "`Q.backward(gradient=torch.ones_like(Q))`; it is the form the tutorial uses for its repeated call."
    ),
    "accumulation.controls_a": "Tensor a",
    "accumulation.controls_b": "Tensor b",
    "accumulation.controls_calls": "Repeated backward() calls",
    "accumulation.rule_title": "What each call does",
    "accumulation.rule_accumulate": "Without a reset, after call k:",
    "accumulation.rule_zero": "With a reset before every call, after call k:",
    "accumulation.rule_text": (
        "One call adds ∂Q/∂a = 9a² to `a.grad` and ∂Q/∂b = −2b to `b.grad`. Without a reset, `a.grad` after k "
        "calls is therefore k·9a²: a straight line that grows by 9a² at every call. With a reset, every call "
        "starts from an empty `.grad`, so the value stays at 9a² no matter how often you call."
    ),
    "accumulation.history_title": "a.grad and b.grad after each call",
    "accumulation.table_accumulate": "The run you picked, without a reset (accumulating):",
    "accumulation.table_caption": "k: the call number. Left: the `.grad` autograd filled in; right: the hand rule computed in torch; ✓ means `torch.isclose` finds them equal.",
    "accumulation.table_zero": "The run you picked, with a reset before every call:",
    "accumulation.col_check": "check",
    "accumulation.graph_same": (
        "Graph reuse: {mode}. The other way of reusing the graph, run with the same calls, gives exactly the same numbers {mark}"
    ),
    "accumulation.graph_differ": (
        "Graph reuse: {mode}. The other way of reusing the graph gives different numbers {mark}"
    ),
    "accumulation.history_caption": (
        "Left column: the gradients add up, so the lines move away from 0 by the same amount at every call (an "
        "element that is 0 stays at 0). Right column: `.grad` is reset before every call, so the lines stay flat. "
        "Both runs are always drawn; the reset switch picks one, marked ▶ in its title, and the table and the code "
        "show that one. The axes are fixed, so sizes can be compared as you move the sliders."
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
    "accumulation.zeroing_topic": "the three ways, each really run",
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
        "starting from w = c = 0, for {steps} {steps|step|steps}. Top: `optim.zero_grad()` before every `loss.backward()`, as the "
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
        "**Without zeroing:** `w.grad` holds the sum of every gradient so far, so each step repeats all the "
        "earlier steps as well. The loop moves exactly like SGD with momentum 1 (`momentum=1`; momentum, taught in ④, steps along a running sum of past gradients, and at 1 nothing in that sum ever fades)."
    ),
    "accumulation.outcome.rose": "Without zeroing, the loss started to rise again at step {step}.",
    "accumulation.outcome.never_rose": "Without zeroing, the loss did not rise once in {steps} {steps|step|steps}.",
    "accumulation.outcome.without_lower": (
        "This time the run without zeroing ended lower (last loss {without} against {with_}). At a small learning "
        "rate the summed gradient just makes the steps bigger, so the loss falls faster. But momentum 1 has "
        "nothing that damps the swings: even near the bottom it never stops, it keeps swinging back and forth. "
        "That is why a training loop zeroes the gradients every time."
    ),
    "accumulation.outcome.with_lower": "The run with zeroing ended lower ({with_} against {without}).",
    "accumulation.outcome.only_with_diverged": (
        "At this learning rate it is the run with zeroing that diverged: plain SGD settles only if lr × curvature "
        "h < 2 (curvature: the second derivative, how fast the slope itself changes), and this loss's largest curvature is 10, so lr·h = {lrh}. The run without zeroing (momentum 1) "
        "does not blow up while lr·h < 4; it only swings, and never settles either."
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
    "accumulation.code.print_with": "optim.zero_grad():",
    "accumulation.code.print_without": "no optim.zero_grad():",
    "accumulation.code.backward": "adds this step's gradient to w.grad and c.grad",
    "accumulation.predict.a1_grad_calls.label": "`a.grad[0]`",
    "accumulation.predict.a1_grad_calls.question": "With a₁ = {a1}, `Q.sum().backward()` runs {calls} {calls|time|times}, and resetting `.grad` between calls is **{reset}**. What is `a.grad[0]` after the last call?",
    "accumulation.predict.a1_grad_calls.question_class": "`Q.sum().backward()` runs the chosen number of times, with or without resetting `.grad` between calls: what is `a.grad[0]` after the last call?",
    "accumulation.predict.a1_grad_calls.why.add": "Each call adds ∂Q.sum()/∂a₁ = 9a₁² = 9 × ({a1})² = {once} to `a.grad[0]`, so after {calls} {calls|call|calls} it holds {calls} × {once} = {answer}.",
    "accumulation.predict.a1_grad_calls.why.reset": "The reset empties `.grad` before every call, so only the last call counts: 9a₁² = 9 × ({a1})² = {answer}.",
    "accumulation.predict.a1_grad_calls.wrong": "Each `backward()` adds 9a₁² to `a.grad[0]`; only a reset before a call clears what the earlier calls left.",
    "accumulation.predict.a1_grad_calls.slip.overwrite": "autograd adds to `.grad`, it does not overwrite it: every call puts another 9a₁² on top of what is already there.",
    "accumulation.predict.a1_grad_calls.slip.no_reset": "With the reset on, `.grad` is emptied before every call, so the earlier calls leave nothing behind.",
    "accumulation.predict.a1_grad_calls.slip.zero_after": "The reset comes before each call, not after it: the last call's gradient is still in `.grad`.",
    "accumulation.predict.second_backward.label": "the second `backward()`",
    "accumulation.predict.second_backward.question": "Q is computed once, then `Q.sum().backward()` is called twice without `retain_graph=True`. What does the second call do?",
    "accumulation.predict.second_backward.option.adds": "adds the gradient again (`a.grad` doubles)",
    "accumulation.predict.second_backward.option.same": "does nothing: `a.grad` stays as it is",
    "accumulation.predict.second_backward.option.error": "raises a `RuntimeError`",
    "accumulation.predict.second_backward.option.zero": "resets `a.grad` to zero",
    "accumulation.predict.second_backward.why.error": "The first `backward()` frees the values the graph saved for the backward pass, so the second call has nothing to work with and PyTorch raises a `RuntimeError`. `a.grad[0]` keeps the first call's {after}.",
    "accumulation.predict.second_backward.why.error.held": "The first `backward()` frees the values the graph saved for the backward pass, so the second call has nothing to work with and PyTorch raises a `RuntimeError`. `a.grad` keeps what the first call put there.",
    "accumulation.predict.second_backward.wrong.adds": "It would add if the graph were still there, but `backward()` frees it. To call it twice, pass `retain_graph=True` or compute Q again.",
    "accumulation.predict.second_backward.wrong.same": "PyTorch does not skip it silently: going backward through a freed graph is an error, so the mistake cannot go unnoticed.",
    "accumulation.predict.second_backward.wrong.zero": "Nothing resets `.grad` by itself: only `optim.zero_grad()`, `a.grad = None` or `a.grad.zero_()` do. And this call fails before it touches `.grad`.",
    # --- optimizer ----------------------------------------------------------
    "optimizer.title": "④ The optimizer: learning rate and momentum",
    "optimizer.intro": (
        "In the tutorial, `optim = torch.optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)` hands the model's "
        "parameters to the optimizer, and every `optim.step()` moves each parameter by lr × `buf` against its "
        "momentum buffer `buf`, a running sum of gradients (this step's `.grad` plus momentum × the last `buf`; "
        "with momentum 0 just `.grad`). Here the parameters are few enough to watch: the tutorial's tensors `a` "
        "and `b`, or a single point `a = (a₁, a₂)` on a two-parameter landscape. Every slider move runs a real "
        "`torch.optim.SGD` for the chosen number of steps, twice from the same start: once with your momentum and "
        "once with momentum 0."
    ),
    "optimizer.controls_objective": "Loss to minimize",
    "optimizer.controls_start": "Starting parameters",
    "optimizer.controls_optim": "torch.optim.SGD settings",
    "optimizer.objective_caption.q": (
        "The tutorial's hint taken literally: Q is the error, so `optim.step()` tries to lower `Q.sum()`. "
        "The parameters are `a` and `b`, registered as `torch.optim.SGD([a, b], ...)`."
    ),
    "optimizer.objective_caption.valley": (
        "A long, narrow valley along the line a₁ = a₂: steep across it (curvature, the second derivative, 40), nearly flat along its floor "
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
        "{same} **Momentum cannot change the first step.** Before the first `optim.step()` PyTorch has no momentum "
        "buffer; the first step creates it as a copy of the gradient (buf = g), so the first move is p − lr·g, "
        "exactly as without momentum. That is why both runs reach the same loss, {value}. From step 2 on, the "
        "buffer also carries the earlier gradients: buf = μ·buf + g."
    ),
    "optimizer.first_plain": (
        "With momentum 0 PyTorch keeps no buffer at all, and every step is p ← p − lr·g. Raise the momentum to compare: "
        "its first step would still be exactly this one, because the buffer starts as the gradient."
    ),
    "optimizer.first_up": (
        "This time the first step **raised** the loss ({before} → {after}). Not because the slope is steep, but "
        "because the landscape bends. Look only along the line the step travels: there the loss is close to a "
        "parabola with curvature h, and one step multiplies the offset from that line's lowest point by (1 − lr·h). "
        "With lr·h > 2 this factor is below −1: the step jumps past that lowest point and lands higher than it "
        "started. (The distance to the landscape's minimum changes by another factor, unless the step points "
        "straight at it.) A small enough learning rate makes the first step go down."
    ),
    "optimizer.first_up_numbers": (
        "Along this step the curvature reaches about {h}, so lr·h = {lrh}, more than 2."
    ),
    "optimizer.first_diverged": (
        "The very first step already overflowed: {what}. The learning rate is far too large for the gradients "
        "here."
    ),
    "optimizer.curve_title": "The loss over {steps|its one step|all {steps} steps}",
    "optimizer.curve_caption": (
        "Solid blue: your momentum. Dashed orange: momentum 0 (plain SGD), from the same start with the same "
        "learning rate. The open circles mark the loss before and after the first step, which both runs share; how "
        "far apart the curves end up is what momentum does. When the losses span many powers of ten the y axis is "
        "logarithmic; with negative losses it is a signed log scale, sign · log₁₀(1 + |loss|), labelled with the "
        "real values."
    ),
    "optimizer.curve_caption_plain": (
        "Momentum is 0, so both runs are the same and one curve is drawn. The open circles mark the loss before and after "
        "the first step. When the losses span many powers of ten the y axis is logarithmic (signed, sign · log₁₀(1 + |loss|), "
        "when losses are negative), labelled with the real values."
    ),
    "optimizer.curve_parts_2": (
        "The curves part at step 2 (dotted line), the first step in which the buffer carries an earlier gradient."
    ),
    "optimizer.curve_parts": "The curves first part at step {step} (dotted line).",
    "optimizer.curve_parts_never": "The two runs' parameters never differed in the steps both finished.",
    "optimizer.metric_final": "{name}: loss after {steps} {steps|step|steps}",
    "optimizer.metric_stopped": "{name}: stopped at step {step}, loss",
    "optimizer.diverged": (
        "**{name}: the run diverged.** After step {step} {what}, so the run stopped there. {done} {done|step|steps} finished "
        "with finite numbers; the red ✕ on the chart marks where the run ended."
    ),
    "optimizer.stop.loss_neg_inf": (
        "the loss fell below what float32 can hold (about −3.4·10³⁸) and became minus infinity"
    ),
    "optimizer.stop.loss_pos_inf": (
        "the loss grew past what float32 can hold (about 3.4·10³⁸) and became infinite"
    ),
    "optimizer.stop.loss_nan": (
        "the loss was no longer a number (a calculation such as infinity minus infinity has no value)"
    ),
    "optimizer.stop.params": "a parameter outgrew what float32 can hold",
    "optimizer.growing": (
        "**{name}: diverging.** Its loss grew from {start} to {end} without overflowing yet: every step overshoots more "
        "than the last, and with more steps float32 would overflow."
    ),
    "optimizer.why_q": (
        "**Why?** Q = 3a³ − b² has no lowest point. The gradient of b, −2b, pushes b away from 0, so unless b is "
        "0, |b| grows at every step and −b² falls without end. The gradient of a, 9a², is never negative, so a never "
        "increases; once a is below 0, 3a³ heads for −∞ and 9a² grows with it, so the steps get longer "
        "and longer."
    ),
    "optimizer.why_q.runaway": "{name}: {elements} grew so large that the loss overflowed.",
    "optimizer.why_q.runaway_calm": (
        "{name}: {elements} grew so large that the loss overflowed; the others stopped at {calm}."
    ),
    "optimizer.why_landscape": (
        "**Why?** This landscape has a lowest point, so the learning rate is too large. Where the landscape curves "
        "sharply, one step of lr × gradient jumps past the bottom and lands higher on the other side; the gradient "
        "there is larger still, so every jump is bigger than the last. In a bowl of curvature h, plain SGD settles "
        "only if lr·h < 2, and SGD with momentum μ only if lr·h < 2(1 + μ). Try a smaller learning rate."
    ),
    "optimizer.why_valley": (
        "{name}: across the valley the curvature is h = 40, so lr·h = {lrh}, above the limit 2(1 + μ) = {limit}."
    ),
    "optimizer.q_unbounded": (
        "Q = 3a³ − b² has no lowest point: making a more negative or |b| larger always lowers it further. The "
        "gradient (9a², −2b) is zero only at a = b = 0, and even that point is not a minimum: a small move away "
        "lowers the loss. Real losses, such as squared errors, have a floor they cannot go below."
    ),
    "optimizer.q_outlook.runs": (
        "Nothing overflowed within {steps|this step|these {steps} steps}, but SGD has not settled either: some elements keep moving "
        "away from 0 ({elements}), so with more steps the loss keeps falling without end until float32 overflows."
    ),
    "optimizer.q_outlook.creeps": (
        "b is 0, so −b² does not move, and a is approaching 0 from above; its gradient 9a² shrinks along with it."
    ),
    "optimizer.q_outlook.still": (
        "From this start the gradient is exactly 0, so SGD did not move at all: not because this is a minimum, but "
        "because the ground here is flat."
    ),
    "optimizer.map_title": "The two paths on the loss landscape",
    "optimizer.map_legend": (
        "Contour lines join points of equal loss; darker means lower (logarithmic colour scale). Each dot is the "
        "position after one more `optim.step()`; solid blue is your momentum, dashed orange is momentum 0 (plain "
        "SGD)."
    ),
    "optimizer.map_legend_one": (
        "Contour lines join points of equal loss; darker means lower (logarithmic colour scale). Each dot is the "
        "position after one more `optim.step()`."
    ),
    "optimizer.map_run.closer": (
        "**{name}**: in {steps} {steps|step|steps} the distance to the minimum shrank from {start} to {end}."
    ),
    "optimizer.map_run.farther": (
        "**{name}**: after {steps} {steps|step|steps} the distance to the minimum had grown from {start} to {end}."
    ),
    "optimizer.map_run.left": "**{name}**: left the map at step {step}.",
    "optimizer.map_compare.momentum": (
        "This time momentum got closer to the minimum. Plain SGD only moves by the local gradient, so its steps "
        "become tiny on a flat floor; momentum keeps μ = {mu} times its previous buffer, so it gathers speed even "
        "where the floor is flat."
    ),
    "optimizer.map_compare.plain": (
        "This time plain SGD got closer to the minimum. Momentum is not always faster: its built-up speed can "
        "carry it past the minimum, and coming back takes time."
    ),
    "optimizer.map_credit": (
        "The picture follows Distill's [Why Momentum Really Works](https://distill.pub/2017/momentum/)."
    ),
    "optimizer.params_title": "Where a and b go",
    "optimizer.params_caption": (
        "Each line is one element after every step (solid: your momentum, dashed: momentum 0). The gradient of a "
        "is 9a², never negative, so a never increases; once a passes below 0 (momentum or a large learning "
        "rate can carry it there) the slope only gets steeper and a falls towards −∞ faster and faster. The "
        "gradient of b is −2b, which pushes b away from 0, so unless b is 0, |b| keeps growing."
    ),
    "optimizer.rule_title": "PyTorch's update rule, with this page's numbers",
    "optimizer.rule_text": (
        "For every parameter p, `optim.step()` computes the following (PyTorch's SGD with its defaults "
        "`dampening=0`, `nesterov=False`). g is `p.grad`, μ is the momentum, and buf is the momentum buffer "
        "PyTorch keeps in `optimizer.state[p][\"momentum_buffer\"]`."
    ),
    "optimizer.rule_step1": (
        "**Step 1**, element `{name}`: there is no buffer yet, so buf starts as the gradient."
    ),
    "optimizer.rule_step2": "**Step 2**, element `{name}`: now the buffer brings in the previous step.",
    "optimizer.rule_plain": (
        "**Step 1**, element `{name}`: with momentum 0 there is no buffer, so every step is p ← p − lr·g."
    ),
    "optimizer.rule_table_title": "Step {step}, every element",
    "optimizer.rule_check_caption": (
        "The hand columns are computed on this page from the recorded p, g and previous buf (in float32); ✓ means "
        "they agree with what `torch.optim.SGD` produced: the parameter after the step and "
        "`optimizer.state[p][\"momentum_buffer\"]`."
    ),
    "optimizer.rule_none": "No step finished with finite numbers, so there is nothing to put into the rule.",
    "optimizer.col_element": "element",
    "optimizer.col_v_before": "previous buf",
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
    "optimizer.theory.title": "What the theory predicts: Goh's momentum analysis",
    "optimizer.theory.not.q": (
        "The analysis of Distill's \"Why Momentum Really Works\" needs a quadratic loss: one fixed Hessian, "
        "so that every step multiplies the error by the same matrix. Q = 3a³ − b² is not one: its curvature "
        "along a is 18a, different at every point, along b it is −2 (a hill, not a bowl), and there is no minimum "
        "to converge to. No rate can be predicted here; choose the valley to see the theory beside the run."
    ),
    "optimizer.theory.not.rosenbrock": (
        "The analysis of Distill's \"Why Momentum Really Works\" needs a quadratic loss: one fixed Hessian, "
        "so that every step multiplies the error by the same matrix. Rosenbrock's valley bends, so its Hessian "
        "changes from point to point and there is no single pair of curvatures to put into the formulas "
        "(only very close to the minimum (−1, 1) does it behave almost like a quadratic). "
        "Choose the valley to see the theory beside the run."
    ),
    "optimizer.theory.intro": (
        "The valley is a quadratic, so SGD on it can be analysed exactly (Goh, *Why Momentum Really Works*, Distill 2017). "
        "Everything starts from its Hessian, the matrix of second derivatives. The page computes it from the loss in the code "
        "with `torch.autograd.functional.hessian` and takes its eigenvalues with `torch.linalg.eigvalsh`. "
        "Below, as in Goh's article, the learning rate lr is written α and the momentum μ:"
    ),
    "optimizer.theory.hessian_caption": (
        "λ₁ = {low} is the curvature along the valley floor (the direction (1, 1)), λ₂ = {high} the curvature across it "
        "(the direction (1, −1)). Their ratio κ, the condition number (largest curvature over smallest), says how narrow the valley is."
    ),
    "optimizer.theory.matrix_text": (
        "Along each of these two directions the gradient is λ·x (x = the distance along that direction), so PyTorch's rule "
        "buf ← μ·buf + g, p ← p − α·buf becomes a fixed 2×2 matrix acting on (buf, x) at every step. "
        "How fast the error shrinks is that matrix's spectral radius ρ, its largest eigenvalue in absolute value "
        "(for μ = 0 simply |1 − αλ|). The slower of the two directions sets the pace:"
    ),
    "optimizer.theory.metric_predicted": "Predicted rate ρ (per step)",
    "optimizer.theory.metric_measured": "Measured rate, steps {first}–{last}",
    "optimizer.theory.metric_measured_none": "Measured rate",
    "optimizer.theory.metric_steps_theory": "Steps to shrink 100×: theory",
    "optimizer.theory.metric_steps_run": "Steps to shrink 100×: this run",
    "optimizer.theory.status.settled": (
        "**Settled.** Over steps {first}–{last} the real run's distance to the minimum shrank by a factor of "
        "{measured} per step (geometric mean), steadily; the theory predicts {predicted}. They differ by {gap} %."
    ),
    "optimizer.theory.status.unsettled": (
        "**Not settled yet.** Over steps {first}–{last} the real run's distance shrank by {measured} per step, "
        "not the long-run {predicted}. The theory itself, started from the same point, gives {window} over these "
        "same steps, so nothing is wrong:"
    ),
    "optimizer.theory.reason.swing": (
        "in a direction this run moves in, the matrix has complex eigenvalues, so the distance swings up and down while it shrinks, "
        "and a window of steps catches part of a swing rather than the average."
    ),
    "optimizer.theory.reason.one_direction": (
        "this run moves in one direction only (its start lies on an eigenvector of the Hessian), the faster one, so its "
        "distance shrinks at that direction's own rate {rate}. ρ is the rate of the other direction, which this run "
        "never moves in."
    ),
    "optimizer.theory.reason.double": (
        "this run moves in one direction only (its start lies on an eigenvector of the Hessian), and there the matrix "
        "has a double real eigenvalue ρ, or two nearly equal ones: the error then falls like k·ρᵏ rather than ρᵏ, and "
        "the growing factor k makes every window of steps shrink more slowly than ρ."
    ),
    "optimizer.theory.reason.mix": (
        "the distance is made of a part along the floor (rate {r1}) and a part across it (rate {r2}), and the slower "
        "part does not dominate yet; ρ describes the run only once it does. A start with little or nothing along the "
        "slow direction can take very long to get there."
    ),
    "optimizer.theory.status.diverges": (
        "**Diverges.** α·λ₂ = {product} is at least 2 + 2μ = {bound}, so ρ = {predicted} ≥ 1: every step makes the "
        "error larger. With this momentum the learning rate must stay below {boundary}."
    ),
    "optimizer.theory.status.grows": "Over steps {first}–{last} the real run's distance grew by {measured} per step.",
    "optimizer.theory.status.overflowed": "The real run overflowed float32 and stopped after {steps} finite {steps|step|steps}.",
    "optimizer.theory.status.short": (
        "**Too few steps to measure.** A steady measurement needs at least 24 steps (the last half of the run, "
        "cut into four parts of at least 3 steps); this run has {steps}."
    ),
    "optimizer.theory.status.at_minimum": "**Nothing to measure.** The start is the minimum itself: the distance is 0.",
    "optimizer.theory.steps.theory": (
        "At ρ = {rate} the theory needs {steps} {steps|step|steps} to shrink the error 100-fold (ln 100 / −ln ρ)."
    ),
    "optimizer.theory.steps.run": "The real run stayed 100 times closer than its start from step {step} on.",
    "optimizer.theory.steps.run_not": (
        "The real run has not got there by step {steps}: it shrank the distance {shrunk}-fold."
    ),
    "optimizer.theory.steps.run_grew": (
        "The real run has not got there by step {steps}: it ends farther from the minimum than it started."
    ),
    "optimizer.theory.steps.never": "With ρ ≥ 1 the error never shrinks 100-fold: each step multiplies it by at least 1.",
    "optimizer.theory.map_title": "The α–μ map: every learning rate and momentum, measured",
    "optimizer.theory.map_text": (
        "Each cell is a real `torch.optim.SGD` run of {steps} {steps|step|steps} from ({a1}, {a2}): the lr options × {count} {count|momentum|momenta}, "
        "{cells} {cells|run|runs}, computed once when this page was first opened on the server and shared by everyone. "
        "The colour is the measured rate over the last half of the run (brighter = faster). A grey cell has no rate "
        "below 1 to show: plain grey, the run blew up (it overflowed or ended farther from the minimum than it started); "
        "grey with a dark ◆, the run ended nearer the minimum, but over the last half it was on an upswing of its "
        "oscillation, so its distance grew there (measured rate ≥ 1, while the theory's ρ is below 1). "
        "**Click a cell** to set lr and momentum (on a touch screen, use the form under the map); the black ring is the current setting."
    ),
    "optimizer.theory.map_caption": (
        "Red dashed line: the theory's divergence boundary α·λ₂ = 2 + 2μ; cells to its right blew up. "
        "White dots: the rate was still changing at the end of the run (not settled). "
        "Dark ◆ on grey: the run ended nearer the minimum, but its distance grew over the last half (a swing). "
        "Green star: Goh's optimum α\\* = (2/(√λ₁+√λ₂))² = {lr}, μ\\* = ((√λ₂−√λ₁)/(√λ₂+√λ₁))² = {mu}, "
        "rate (√κ−1)/(√κ+1) = {rate}."
    ),
    "optimizer.theory.map_nearest_diverges": (
        "α\\* is not one of the lr options, and the nearest one, {nearest}, lies beyond the boundary at μ = {mu}."
    ),
    "optimizer.theory.map_nearest_converges": (
        "α\\* is not one of the lr options; the nearest one, {nearest}, still converges at μ = {mu}."
    ),
    "optimizer.theory.fastest_button": "Go to the fastest settled cell: lr {lr}, momentum {mu} (rate {rate})",
    "optimizer.theory.pick_title": "Choose a cell by its values (for touch screens)",
    "optimizer.theory.pick_lr": "The cell's learning rate (lr)",
    "optimizer.theory.pick_mu": "The cell's momentum",
    "optimizer.theory.pick_go": "Set lr {lr} and momentum {mu}",
    "optimizer.theory.map_spinner": "Running the map's real SGD runs (once per server)…",
    "optimizer.theory.limits_title": "**Two limits of the theory**",
    "optimizer.theory.race": (
        "**The best rate is not the fastest over {steps} {steps|step|steps}.** ρ describes the long run. At the optimum both "
        "directions are critically damped (the largest momentum at which the error does not yet swing), so the error falls like k·ρ\\*ᵏ rather than ρ\\*ᵏ. Real runs from ({a1}, {a2}) "
        "at α\\* = {lr} show it: after {steps} {steps|step|steps} μ\\* = {mu_star} is {d_star} from the minimum, while momentum {mu} "
        "(rate {rate}, slower than {rate_star}) is at {d}."
    ),
    "optimizer.theory.race_optimum_wins": (
        "**The rate is a long-run promise.** Over {steps} {steps|step|steps} from the tutorial start no other momentum at α\\* "
        "beat the optimum here; it ends {d_star} from the minimum."
    ),
    "optimizer.theory.noise": (
        "**The theory needs exact gradients.** Every number above assumes each step uses the true gradient, so a step "
        "multiplies the error by a fixed matrix. Training on mini-batches gives a noisy gradient: each step adds a random "
        "kick that no matrix shrinks, so the error stops falling at a noise floor, and momentum, which sums past "
        "gradients, carries that noise along. That is why real training lowers the learning rate over time."
    ),
    "optimizer.chart.theory.x": "learning rate α (log scale)",
    "optimizer.chart.theory.y": "momentum μ",
    "optimizer.chart.theory.colour": "measured rate",
    "optimizer.chart.theory.unsettled": "not settled",
    "optimizer.chart.theory.swing": "grew during a swing (ended nearer)",
    "optimizer.chart.theory.boundary": "α·λ₂ = 2 + 2μ",
    "optimizer.chart.theory.optimum": "optimum (rate {rate})",
    "optimizer.chart.theory.optimum_short": "ρ* = {rate}",
    "optimizer.chart.theory.optimum_hover": "optimum: α* = {lr}, μ* = {mu}, rate {rate}",
    "optimizer.chart.theory.current": "current lr, μ",
    "optimizer.chart.theory.current_hover": "current: lr {lr}, momentum {mu}",
    "optimizer.chart.theory.hover": "lr {lr}, momentum {mu}<br>measured {measured}, theory {predicted}",
    "optimizer.chart.theory.hover_diverged": "lr {lr}, momentum {mu}<br>blew up",
    "optimizer.predict.a1_after_step.label": "a₁",
    "optimizer.predict.a1_after_step.question": "Objective: {objective}. Start a₁ = {a1}, lr = {lr}, momentum = {momentum}. What is a₁ after the first `optim.step()`?",
    "optimizer.predict.a1_after_step.question_class": "What is a₁ after the first `optim.step()`, from each student's start, learning rate and momentum?",
    "optimizer.predict.a1_after_step.why": "At the start the gradient is g₁ = ∂loss/∂a₁ = {g1}. The first step moves against it by lr × g₁, with or without momentum (the buffer starts as the gradient itself): a₁ − lr · g₁ = {a1} − {lr} × ({g1}) = {answer}.",
    "optimizer.predict.a1_after_step.why.held": "At the start the gradient is g₁ = ∂loss/∂a₁ = {g1}, and the first `optim.step()` moved a₁ against it: {a1} → {answer}, a change of {delta}. What momentum does to this first step is the next question; once you reveal it, the rest of this explanation appears here.",
    "optimizer.predict.a1_after_step.wrong": "SGD sets a₁ ← a₁ − lr · ∂loss/∂a₁, and at the start ∂loss/∂a₁ = {g1}.",
    "optimizer.predict.a1_after_step.slip.plus_sign": "SGD steps against the gradient, downhill: a₁ − lr · g₁, not a₁ + lr · g₁.",
    "optimizer.predict.a1_after_step.slip.no_lr": "The move is the gradient times the learning rate: lr = {lr} scales it to {delta}.",
    "optimizer.predict.a1_after_step.slip.no_move": "`optim.step()` changes the parameters in place: a₁ moves by {delta}.",
    "optimizer.predict.a1_after_step.slip.change_only": "That is the change −lr · g₁ = {delta}; the new a₁ is the old value plus this change.",
    "optimizer.predict.a1_after_step.slip.gradient_only": "That is the gradient g₁ itself; the new a₁ is a₁ − lr · g₁.",
    "optimizer.predict.a1_after_step.slip.momentum": "Momentum only matters from the second step on: at the first step the buffer equals the gradient, so there is no past direction to add yet.",
    "optimizer.predict.a1_after_step.slip.momentum.held": "Your guess looks like momentum was added to the first step. Whether momentum changes the first step is the next question: reveal it, and this explanation says more.",
    "optimizer.predict.momentum_first_loss.label": "loss after step 1 (momentum 0.9 vs 0)",
    "optimizer.predict.momentum_first_loss.question": "Same start, lr = {lr}: is the loss after the first `optim.step()` with momentum {momentum} lower than, the same as, or higher than with momentum 0?",
    "optimizer.predict.momentum_first_loss.question_class": "Is the loss after the first `optim.step()` with momentum 0.9 lower than, the same as, or higher than with momentum 0?",
    "optimizer.predict.momentum_first_loss.option.lower": "lower with momentum",
    "optimizer.predict.momentum_first_loss.option.same": "exactly the same",
    "optimizer.predict.momentum_first_loss.option.higher": "higher with momentum",
    "optimizer.predict.momentum_first_loss.why.same": "Exactly the same: {after_momentum} in both runs. PyTorch starts the momentum buffer as the first gradient, so the first step is lr × gradient either way.",
    "optimizer.predict.momentum_first_loss.why.lower": "With momentum the loss after step 1 is {after_momentum}, without it {after_plain}.",
    "optimizer.predict.momentum_first_loss.why.higher": "With momentum the loss after step 1 is {after_momentum}, without it {after_plain}.",
    "optimizer.predict.momentum_first_loss.wrong.lower": "Momentum needs a past to build on: at the first step the buffer is just the gradient, so the step is the same as without momentum.",
    "optimizer.predict.momentum_first_loss.wrong.higher": "Momentum cannot overshoot yet: at the first step the buffer is just the gradient, so the step is the same as without momentum.",
    "optimizer.predict.momentum_first_loss.wrong.same": "Here the two first steps differ: with momentum the loss is {after_momentum}, without it {after_plain}.",
    "optimizer.code.q": "the tutorial's Q, treated as the error",
    "optimizer.code.valley": "a narrow valley along a[0] = a[1]; its lowest point is (0, 0)",
    "optimizer.code.rosenbrock": "Rosenbrock's function, mirrored: its lowest point is (-1, 1)",
    "optimizer.code.before": "the loss before the first optim.step()",
    "optimizer.code.step": "buf = momentum*buf + grad; p -= lr*buf",
    "optimizer.code.after": "the loss after this optim.step()",
    "optimizer.code.overflow": "overflow or NaN: the run diverged, stop",
    "optimizer.code.print_before": "loss before optim.step():",
    "optimizer.code.print_first": "loss after the first optim.step():",
    "optimizer.code.print_last": "loss after step {n}:",
    "optimizer.code.print_plain": "(momentum 0:",
    "optimizer.code.print_buffer": "momentum buffer of a:",
    "optimizer.code.print_stop": "momentum={momentum}: loss {loss} after step {step}, stopping",
    "optimizer.code.no_buffer": "momentum 0: PyTorch keeps no momentum buffer (optim.state[a] is empty)",
    # --- resnet -------------------------------------------------------------
    "resnet.title": "① One training step of ResNet18",
    "resnet.intro": (
        "The tutorial starts with a whole network: torchvision's **ResNet18**, pretrained on ImageNet. "
        "It feeds the network a random image, measures the error, calls `loss.backward()` and lets the optimizer take one step. "
        "Every time you change a setting, this page runs exactly that code on this server and shows what happened inside."
    ),
    "resnet.controls_train": "Training",
    "resnet.controls_data": "Data and weights",
    "resnet.controls_hint_topic": "which sliders recompute which sections, and who shares the results",
    "resnet.controls_hint": "The learning-rate, momentum and step sliders sit in section 4, `optim.step()`. Moving them recomputes sections 4 and 5 and the code under them; the other sections (forward pass, first backward pass, freezing) do not depend on them and stay as they are.",
    "resnet.weights.cache": "Pretrained weights in use: `ResNet18_Weights.DEFAULT` (ImageNet), read from the torch hub cache `{path}`.",
    "resnet.weights.download": "Pretrained weights in use: `ResNet18_Weights.DEFAULT` (ImageNet), just downloaded to `{path}`.",
    "resnet.weights.fallback": "Pretrained weights unavailable ({reason}): using random weights (`torch.manual_seed(0)`) instead. The server will not retry until it restarts.",
    "resnet.weights.random": "Random weights, as chosen: `torch.manual_seed(0); model = resnet18()`.",
    "resnet.computing": "Running ResNet18 on the CPU…",
    "resnet.progress.libraries": "Loading PyTorch (a few seconds on a server that has just started)…",
    "resnet.progress.model": "Preparing ResNet18: loading its weights and building the model…",
    "resnet.progress.training": "Running the forward pass, `loss.backward()` and {steps} `optim.step()` calls on a {size}×{size} input…",
    "resnet.progress.finetune": "Timing `loss.backward()` {repeats} {repeats|time|times} each, whole network and frozen network…",
    "resnet.busy": "The server is busy with other ResNet runs right now. Please try again in a moment.",
    "resnet.queued": "Waiting in line for the server: {ahead} ahead of you. Moving a slider keeps your place.",
    "resnet.forward_title": "1 · Forward pass: the prediction",
    "resnet.input_caption": "`data`: the {size}×{size} random image the network gets",
    "resnet.input_alt": "A {size}×{size} image of random coloured pixels: noise, no object in it.",
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
    "resnet.top_topic": "the five classes the network rates highest",
    "resnet.top_title": "The five highest scores (softmax of the prediction: the 1000 scores turned into probabilities that add up to 1)",
    "resnet.col_class": "ImageNet class",
    "resnet.col_index": "index",
    "resnet.col_probability": "probability",
    "resnet.top_pretrained": (
        "The class names come from `ResNet18_Weights.DEFAULT.meta[\"categories\"]`. "
        "The input is random noise, not a photo, so these are simply the classes the trained network finds closest to noise. "
        "A real image would get a confident, meaningful answer."
    ),
    "resnet.top_random": (
        "**With random weights these class names mean nothing.** The network has learnt no classes yet: even the "
        "five highest probabilities are only {low}–{high} %, {ratio_low}–{ratio_high} times the uniform 1/1000 = "
        "0.1 %, and which names come first is chance."
    ),
    "resnet.loss_title": "2 · The loss: one number to start backward from",
    "resnet.loss_unbounded": (
        "One thing first: before any step, the tutorial's loss `(prediction - labels).sum()` is "
        "sum(prediction) − sum(labels), here {outputs} − {labels}. The 1000 labels from `torch.rand` add up to "
        "about 500 whatever the network does, which is why the loss is negative from the start. It also has no "
        "lower bound: pushing the 1000 outputs down lowers it without limit, so it keeps falling, and training on "
        "it never 'finishes'."
    ),
    "resnet.loss_unbounded_positive": (
        "One thing first: before any step, the tutorial's loss `(prediction - labels).sum()` is "
        "sum(prediction) − sum(labels), here {outputs} − {labels}: the outputs add up to more than the random "
        "labels, so the loss starts above 0. It has no lower bound, though: pushing the 1000 outputs down lowers it "
        "without limit, so it keeps falling, below 0 too, and training on it never 'finishes'."
    ),
    "resnet.loss_text": (
        "`loss = (prediction - labels).sum()` = **{loss}**, where `labels = torch.rand(1, 1000)` is random too. "
        "As in the tutorial, this is a toy loss: it sums the 1000 differences into one scalar, which is all `backward()` needs. "
        "Real training uses a proper loss function such as `nn.CrossEntropyLoss`."
    ),
    "resnet.loss_hand_topic": "the last layer's gradients by hand",
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
        "One call fills the `.grad` of all {tensors} parameter {tensors|tensor|tensors}, {numel} {numel|number|numbers} in total. "
        "Each bar is the size (L2 norm: the square root of the sum of its squared numbers) of one tensor's gradient after the first `loss.backward()`, coloured by its layer, the first part of its name."
    ),
    "resnet.chart.grads.x": "‖p.grad‖ (L2 norm, log scale)",
    "resnet.chart.grads.y": "parameter tensor",
    "resnet.chart.grads.title_left": "conv1 · bn1 · layer1 · layer2",
    "resnet.chart.grads.title_right": "layer3 · layer4 · fc",
    "resnet.grads_caption_topic": "the layer names",
    "resnet.grads_caption": (
        "Log scale: the gradients span several powers of ten. `conv…weight` are convolution filters (many numbers "
        "each); `bn…weight` and `bn…bias` are BatchNorm's scale and shift (BatchNorm evens out each channel's values, then multiplies them by a learned scale and adds a learned shift), one number per channel. `downsample` is "
        "the pair of layers on a block's shortcut that matches the shapes: `downsample.0` is a 1×1 convolution and "
        "`downsample.1` the BatchNorm after it, so `downsample.1.weight` and `downsample.1.bias` are that "
        "BatchNorm's scale and shift."
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
    "resnet.metric_after_all": "after {steps} {steps|step|steps}",
    "resnet.chart.loss.x": "optim.step() calls so far",
    "resnet.chart.loss.y": "loss",
    "resnet.chart.loss.name": "loss",
    "resnet.rule_ok": (
        "✓ Checked for every tensor at every step: the new weights are W − lr·buf, "
        "where the momentum buffer, SGD's running sum of past gradients, is buf = grad at the first step and buf = momentum·buf + grad after that."
    ),
    "resnet.rule_ok_plain": "✓ Checked for every tensor at every step: the new weights are W − lr·grad (momentum 0 keeps no buffer).",
    "resnet.rule_bad": "✗ At some step the weights did not follow SGD's rule W − lr·buf; the table below shows which.",
    "resnet.loss_falls": (
        "A proper loss such as cross-entropy never goes below 0: it keeps shrinking a little even after the "
        "prediction is right, but only towards 0. This toy loss has no such floor."
    ),
    "resnet.loss_one_down": "In this one step the loss fell from {before} to {after}.",
    "resnet.loss_one_up": "In this one step the loss rose, from {before} to {after}.",
    "resnet.loss_all_down_faster": (
        "The loss fell at every one of the {steps} {steps|step|steps}, and by more at each step than at the one before."
    ),
    "resnet.loss_all_down": "{steps|The loss fell at the one step.|The loss fell at every one of the {steps} steps.}",
    "resnet.loss_rose_at": "At step {step} the loss did not fall but rose.",
    "resnet.diverged": (
        "The numbers overflowed: after step {step} the loss was no longer a finite number in float32. Following a "
        "loss without a lower bound, the weights were pulled further and further until float32 could not hold the "
        "result. Try fewer steps or a smaller learning rate."
    ),
    "resnet.steps_expander": "Each step in numbers",
    "resnet.col_step": "step",
    "resnet.col_loss_before": "loss at the start of the step",
    "resnet.col_grad_total": "‖grad‖ (all parameters)",
    "resnet.col_update_total": "‖ΔW‖ of the step",
    "resnet.col_rule": "SGD rule",
    "resnet.move_title": "5 · How far each layer moved, and SGD's momentum buffers",
    "resnet.move_text": (
        "Top: how much each layer's weights changed over the {steps} {steps|step|steps}, relative to their size, ‖W_after − W_before‖ / ‖W_before‖. "
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
        "This toy loss pushes all 1000 outputs down at once. With lr = {lr}, over {steps} {steps|step|steps} the layer that "
        "moved most, `{layer}`, changed by {percent} % of its own size. A smaller learning rate shrinks the bars."
    ),
    "resnet.move_caption_overflow": (
        "The numbers overflowed, so how far the weights moved cannot be measured. Fewer steps or a smaller "
        "learning rate bring the bars back."
    ),
    "resnet.finetune_title": "6 · Finetuning: freeze the network, train only a new fc",
    "resnet.finetune_text": (
        "To reuse a pretrained network for a new task, say one with 10 classes, freeze all its parameters "
        "and replace the last layer. Only the new layer's parameters require gradients:"
    ),
    "resnet.finetune_presence_topic": "which layers still get a .grad, and how the time was measured",
    "resnet.finetune_presence": "After `loss.backward()` on the frozen network, per layer:",
    "resnet.col_layer": "layer",
    "resnet.col_with_grad": "tensors with .grad",
    "resnet.col_none": ".grad is None",
    "resnet.finetune_counts": "{trainable} {trainable|number|numbers} are trained; {frozen} are frozen and get no `.grad`.",
    "resnet.metric_speedup": "loss.backward() is faster by",
    "resnet.chart.time.full": "whole network",
    "resnet.chart.time.frozen": "frozen + new fc",
    "resnet.chart.time.x": "loss.backward() time in ms",
    "resnet.chart.time.y": "model",
    "resnet.chart.time.ms": "{value} ms",
    "resnet.time_caption": "Measured on this server: the median of {repeats} {repeats|run|runs} each, forward pass not timed. The speed-up is the median of the {repeats} {repeats|run's|runs'} ratios; one run alone gave anything from {low}× to {high}×. Times vary with the server's load.",
    "resnet.finetune_speed": (
        "`loss.backward()` is about **{speedup} times faster** (the median of {repeats} {repeats|run|runs}; single runs gave {low}× to {high}×): autograd only goes back through operations that involve "
        "a tensor requiring a gradient, so it stops at `fc` and never enters the frozen layers."
    ),
    "resnet.finetune_no_speedup": (
        "In this measurement `loss.backward()` was not faster ({speedup}×): when the server is busy with other "
        "work, short timings jitter. The work itself did shrink: autograd only goes back through operations that "
        "involve a tensor requiring a gradient, so it stops at `fc` and never enters the frozen layers."
    ),
    "resnet.none_expander": "The {count} {count|tensor|tensors} whose .grad stayed None",
    "resnet.nograd_title": "7 · torch.no_grad(): a forward pass without a graph",
    "resnet.nograd_text": (
        "Inside `with torch.no_grad():` autograd records nothing: the result has no `grad_fn`, and nothing is saved for a backward pass. "
        "Use it to evaluate a model, and whenever you change weights by hand."
    ),
    "resnet.col_call": "code",
    "resnet.col_forward_ms": "forward time",
    "resnet.shared_note": "Every visitor trains a private copy of the network; the original weights are never changed. Identical settings are computed once and shared.",
    "resnet.predict.weights.pretrained": "pretrained weights",
    "resnet.predict.weights.random": "random weights",
    "resnet.predict.largest_grad_layer.label": "layer with the largest ‖grad‖",
    "resnet.predict.largest_grad_layer.question": "After the first `loss.backward()` (seed {seed}, a {size}×{size} image, {weights}): in which layer is the parameter tensor with the largest ‖.grad‖, the longest bar of the chart below?",
    "resnet.predict.largest_grad_layer.question_class": "After the first `loss.backward()`: in which layer is the parameter tensor with the largest ‖.grad‖?",
    "resnet.predict.largest_grad_layer.option.conv1": "`conv1`",
    "resnet.predict.largest_grad_layer.option.bn1": "`bn1`",
    "resnet.predict.largest_grad_layer.option.layer1": "`layer1`",
    "resnet.predict.largest_grad_layer.option.layer2": "`layer2`",
    "resnet.predict.largest_grad_layer.option.layer3": "`layer3`",
    "resnet.predict.largest_grad_layer.option.layer4": "`layer4`",
    "resnet.predict.largest_grad_layer.option.fc": "`fc`",
    "resnet.predict.largest_grad_layer.why": "The longest bar is `{name}` in {answer} (‖grad‖ = {norm}); the shortest is `{small}` ({small_norm}). Which tensor gets the largest gradient depends on the weights and on the input: a convolution kernel is used at every position of the image and collects a contribution from each.",
    "resnet.predict.largest_grad_layer.wrong.conv1": "`conv1`'s kernels slide over the whole image and often collect large gradients, but not this time: its ‖grad‖ is {group_conv1}, below {norm}.",
    "resnet.predict.largest_grad_layer.wrong.bn1": "`bn1` holds one scale and one shift per channel, 128 numbers in all, so its gradient stays small: {group_bn1}, below {norm}.",
    "resnet.predict.largest_grad_layer.wrong.layer1": "The largest ‖grad‖ in `layer1` is {group_layer1}, below {norm}.",
    "resnet.predict.largest_grad_layer.wrong.layer2": "The largest ‖grad‖ in `layer2` is {group_layer2}, below {norm}.",
    "resnet.predict.largest_grad_layer.wrong.layer3": "The largest ‖grad‖ in `layer3` is {group_layer3}, below {norm}.",
    "resnet.predict.largest_grad_layer.wrong.layer4": "The largest ‖grad‖ in `layer4` is {group_layer4}, below {norm}.",
    "resnet.predict.largest_grad_layer.wrong.fc": "`fc` sits right next to the loss, but being close to the loss does not make a gradient the largest: `fc`'s largest ‖grad‖ is {group_fc}, below {norm}.",
    "resnet.predict.loss_after_step.label": "loss after one step",
    "resnet.predict.loss_after_step.question": "With lr = {lr}: after one `optim.step()`, is the loss lower than, the same as, or higher than before ({before})?",
    "resnet.predict.loss_after_step.question_class": "After one `optim.step()`, is the loss lower than, the same as, or higher than before?",
    "resnet.predict.loss_after_step.option.lower": "lower",
    "resnet.predict.loss_after_step.option.same": "the same",
    "resnet.predict.loss_after_step.option.higher": "higher",
    "resnet.predict.loss_after_step.why.lower": "It went from {before} to {after}: `optim.step()` moves every weight a little against its gradient, the direction in which the loss falls fastest.",
    "resnet.predict.loss_after_step.why.higher": "It went from {before} to {after}: the step was too large. Moving against the gradient lowers the loss only for a small enough learning rate.",
    "resnet.predict.loss_after_step.why.same": "It stayed at {before}: the step was too small to change the loss in float32.",
    "resnet.predict.loss_after_step.wrong.lower": "A step against the gradient lowers the loss only if it is small enough; with lr = {lr} it overshot.",
    "resnet.predict.loss_after_step.wrong.higher": "`optim.step()` moves against the gradient, so for a small enough learning rate the loss goes down, and lr = {lr} was small enough here.",
    "resnet.predict.loss_after_step.wrong.same": "Every weight with a nonzero gradient moves, so the loss changes: {before} → {after}.",
    "resnet.code.random_weights": "the page's random weights",
    "resnet.code.eval": "1x1 last feature map: BatchNorm cannot train",
    "resnet.code.seed": "the seed of the image and the labels",
    "resnet.code.data": "one random RGB image",
    "resnet.code.labels": "random targets, one per class",
    "resnet.code.zero_grad": "clear the previous step's .grad",
    "resnet.code.forward": "forward pass, shape (1, 1000)",
    "resnet.code.loss": "the tutorial's toy loss",
    "resnet.code.backward": "fills .grad of every parameter",
    "resnet.code.step": "W <- W - lr * buf (the momentum buffer; grad at momentum 0)",
    "resnet.code.print_step": "step {k}: loss =",
    "resnet.code.print_after": "after {steps} {steps|step|steps}: loss =",
    "resnet.code.no_grad": "no graph needed just to measure",
    "resnet.code.freeze": "freeze every pretrained parameter",
    "resnet.code.new_fc": "a new last layer: requires_grad=True",
    # Issue #18 (part A): text alternatives and named table headers.
    "gradients.col_call": "call",
    "expression.col_element": "element",
    "gradients.graph.alt": "Backward graph read from Q.grad_fn: Q and {count} backward {count|node|nodes}. Q = {value}; the backward pass starts at Q with the gradient v = {start}.",
    "gradients.graph.alt_path": "From Q back to {name}: {path}; {name} = {value}, {name}.grad = {grad}.",
    "gradients.graph.alt_path_no_grad": "From Q back to {name}: {path}; {name} = {value}.",
    "expression.graph.alt": "Backward graph of Q = f(a, b) read from Q.grad_fn: Q and {count} backward {count|node|nodes}. Q = {value}; the backward pass starts at Q with the gradient v = {start}.",
    "expression.graph.alt_path": "From Q back to {name}: {path}; {name} = {value}, {name}.grad = {grad}.",
    "expression.graph.alt_path_no_grad": "From Q back to {name}: {path}; {name} = {value}.",
    "share.qr_alt": "QR code of the link to this view",
    "class.qr_alt": "QR code of the class's join link",
    "common.region_table": "Table (scrolls sideways on a narrow screen): {columns}",
    "common.region_equation": "Equation (scrolls sideways on a narrow screen): {latex}",
    "common.scroll_hint": "↔ swipe sideways for more",
    "predict.col_result": "result",
    # Issue #18 (part B): text alternatives of the charts (components/ui/chart_text.py).
    "charttext.expander": "Chart data: {name}",
    "charttext.step": "step",
    "charttext.loss_word": "loss",
    "charttext.run_plain": "momentum 0 (plain SGD)",
    "charttext.run_momentum": "momentum {value}",
    "charttext.none_finite": "no finite values",
    "charttext.extremes": "largest {high_name} {high}, smallest {low_name} {low}",
    "charttext.history.name": "{tensor}.grad per call",
    "charttext.history.summary": (
        "{tensor}.grad after {calls|1 backward() call|1…{calls} backward() calls} without a reset: element [0] {acc0}; "
        "element [1] {acc1}. Reset before every call: element [0] {zero0}; element [1] {zero1}."
    ),
    "charttext.history.call": "call k",
    "charttext.history.col_acc": "{tensor}.grad[{i}], accumulating",
    "charttext.history.col_zero": "{tensor}.grad[{i}], reset",
    "charttext.training.name": "loss per SGD step",
    "charttext.training.summary": (
        "Loss per SGD step at learning rate {lr}. With optim.zero_grad(): {with_}. "
        "Without it: {without}."
    ),
    "charttext.training.ends": "from {first} to {last} in {steps} {steps|step|steps} (lowest {low})",
    "charttext.training.diverged": "blew up at step {step} (last finite loss {last})",
    "charttext.training.step": "SGD step",
    "charttext.loss.name": "loss per step",
    "charttext.loss.summary": "Loss after each optim.step(): {runs}.",
    "charttext.loss.ends": "{name} goes from {first} to {last} in {steps} {steps|step|steps} (lowest {low}, at step {low_step})",
    "charttext.loss.stopped": "{name} stopped at step {step} ({what}; the last one drawn is {last})",
    "charttext.stop.loss_neg_inf": "the loss overflowed float32 to minus infinity",
    "charttext.stop.loss_pos_inf": "the loss overflowed float32 to infinity",
    "charttext.stop.loss_nan": "the loss stopped being a number",
    "charttext.stop.params": "a parameter outgrew float32",
    "charttext.loss.parts": "The two runs part at step {step}.",
    "charttext.loss.col": "loss, {name}",
    "charttext.path.name": "paths on the loss map",
    "charttext.path.summary": "Both runs start at {start}; the minimum is at {minimum}. {ends}.",
    "charttext.path.ends": "{name} ends at {point} after {steps} {steps|step|steps}, loss {loss}",
    "charttext.path.diverged": "(diverged)",
    "charttext.params.name": "a and b per step",
    "charttext.params.summary": "Start: {start}. {ends}.",
    "charttext.params.ends": "{name} after {steps} {steps|step|steps}: {values}",
    "charttext.map.name": "measured rates (α–μ map)",
    "charttext.map.summary": (
        "Measured convergence rate of {cells} real SGD {cells|run|runs} ({steps} {steps|step|steps} each) over learning "
        "rate × momentum; {diverged} of them diverged, and in {swing} more the distance grew over the last half "
        "during a swing although the run ended nearer the minimum. Goh's optimum (star): lr {lr}, momentum "
        "{mu}, rate {rate}. Your setting (ring): lr {cur_lr}, momentum {cur_mu}."
    ),
    "charttext.map.diverged": "diverged",
    "charttext.map.swing": "{measured} (swing, ended nearer)",
    "charttext.bars.summary": "{tensor}.grad from autograd: {grads}; by hand ({formula}): {hand}.",
    "charttext.bars.element": "element",
    "charttext.bars.autograd": "autograd (.grad)",
    "charttext.bars.hand": "by hand ({formula})",
    "charttext.curve.name": "f along a₁",
    "charttext.curve.summary": "f(a₁, b₁) for a₁ from {low} to {high}, b₁ fixed. {point}",
    "charttext.curve.point": "At a₁ = {x0}, f = {y0} and autograd's slope is {slope}.",
    "charttext.curve.no_point": "At a₁ = {x0}, f or its slope is not a finite number, so no tangent is drawn.",
    "charttext.curve.range": "f runs from {low} to {high}.",
    "charttext.curve.gaps": "{count} {count|point has|points have} no finite value (gaps in the curve).",
    "charttext.grads.name": "‖grad‖ per parameter",
    "charttext.grads.summary": (
        "‖grad‖ of each of the {count} parameter {count|tensor|tensors} after the first backward(), on a log "
        "scale: {extremes}."
    ),
    "charttext.grads.parameter": "parameter",
    "charttext.grads.group": "layer",
    "charttext.resnet_loss.summary": (
        "Loss {first} before any step and {last} after {steps} {steps|step|steps} (lowest {low}, after "
        "step {low_step})."
    ),
    "charttext.resnet_loss.overflow": (
        "Loss {first} before any step; from step {step} on it is no longer a finite number "
        "(overflow)."
    ),
    "charttext.resnet_loss.steps": "optim.step() calls",
    "charttext.move.name": "change per layer",
    "charttext.move.summary": "Relative change ‖ΔW‖/‖W‖ per layer: {change}. Momentum buffer ‖buf‖: {buffers}.",
    "charttext.move.no_buffer": "none (momentum 0 keeps no buffer)",
    "charttext.move.buffer": "‖buf‖",
    "charttext.time.name": "backward() time",
    "charttext.time.summary": "Median loss.backward() time: {full_name} {full} ms, {frozen_name} {frozen} ms.",
    "charttext.time.run": "backward()",
    "charttext.time.ms": "median time (ms)",
    "charttext.spread.name": "the class's guesses",
    "charttext.spread.empty": "No guesses yet.",
    "charttext.spread.summary": "{count} {count|guess|guesses} from {low} to {high}; the most ({top_count}) fall between {top}.",
    "charttext.spread.bars": "Students per range: {bars}.",
    "charttext.spread.answer": "PyTorch's answer is {answer}: {right} right, {wrong} wrong.",
    "charttext.spread.range": "range",
    "charttext.choice.name": "the class's choices",
    "charttext.choice.summary": "{total} {total|answer|answers}: {picks}.",
    "charttext.choice.right": "The right option is “{option}”.",
    "charttext.choice.option": "option",
    # Issue #14: drag sliders whose figure follows the drag.
    "gradients.live_intro": (
        "Drag a slider and watch the figure right under it: the tangent turns and the bars grow and shrink while you drag. "
        "Every frame is PyTorch's own number, computed on the server for the slider's whole range in one "
        "batched `backward()` call; the rest of the page follows when you let go."
    ),
    "gradients.live.bar_y": ".grad",
    # Issue #18 × #14: the drag sliders' figures, read aloud (one sentence per frame).
    "gradients.chart.tangent.alt_ab": "Figure: at {x} = {value}, Q{i} = {q} and the tangent's slope is {slope}; autograd's {grad_name} = {grad}, the hand value is {hand}.",
    "gradients.chart.tangent.alt_v": "Figure: with v{i} = {value}, autograd's a.grad[{j}] = {a_grad} (hand value {a_hand}) and b.grad[{j}] = {b_grad} (hand value {b_hand}).",
    "accumulation.chart.history.alt": "Figure: the gradients over {calls} backward() {calls|call|calls} — a.grad {a_values}; b.grad {b_values} ({calls|after call 1|after calls 1 to {calls}}, element [0] / [1]).",
    "accumulation.live_hint": "Drag: each step is one more (or one fewer) real backward() call, and the lines follow. The table and the charts update when you let go.",
    # Issue #14: lesson ④'s drag sliders (momentum and the learning rate).
    "optimizer.live_title": "Drag momentum and the learning rate: the paths follow",
    "optimizer.live_intro": (
        "Hold a slider and drag it. Every position is a real `torch.optim.SGD` run of {steps} "
        "{steps|step|steps} from the same start (a run that blows up stops there)."
    ),
    "optimizer.live_how": (
        "The server computes the slider's whole range before you touch it "
        "(one run per value, all stepped together), and the figure only draws those numbers. "
        "The rest of the page follows when you let go."
    ),
    "optimizer.live.momentum_hint": "At lr {lr}. Only the solid run changes with μ; the dashed one (momentum 0) stays where it is.",
    "optimizer.live.lr_hint": "With momentum {momentum}. The learning rate sets both runs here, the dashed one (momentum 0) too.",
    "optimizer.live.alt": "Figure at momentum {momentum} and lr {lr}, starting from loss {start}. {summary}",
    "optimizer.live.chart.map_title": "Path of (a₁, a₂)",
    "optimizer.live.chart.loss_title": "Loss per step",
    "optimizer.live.chart.step": "optim.step() calls",
    "optimizer.live.chart.loss_linear": "loss",
    "optimizer.live.chart.loss_log": "loss (log scale)",
    "optimizer.live.chart.loss_symlog": "loss (signed log scale)",
    "optimizer.live.chart.chosen": "momentum μ (the slider's value)",
    "optimizer.live.chart.end": "after {steps} {steps|step|steps}: {loss}",
    "optimizer.live.chart.stopped": "blew up at step {step}",
}
