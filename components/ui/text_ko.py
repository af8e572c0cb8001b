"""Korean text (the default language). Keys match text_en.py one to one.

Terms follow the PyTorch Korea glossary: gradient = 기울기, learning rate =
학습률, momentum = 모멘텀; Tensor, autograd and ``.grad`` stay as code.
"""

TEXT: dict[str, str] = {
    # --- common -------------------------------------------------------------
    "app.title": "autograd 실습실",
    "nav.home": "시작하기",
    "nav.resnet": "① ResNet18 학습 한 단계",
    "nav.gradients": "② 기울기 계산",
    "nav.accumulation": "③ 기울기 누적",
    "nav.optimizer": "④ 옵티마이저",
    "lang.label": "언어 · Language",
    "lang.ko": "한국어",
    "lang.en": "English",
    "common.cpu_note": "모든 계산은 이 서버의 CPU에서 실제 PyTorch로 실행됩니다.",
    "common.code_title": "지금 화면을 만드는 코드",
    "common.code_caption": "현재 슬라이더 값이 그대로 들어 있습니다. 복사해서 파이썬에서 실행하면 이 페이지와 같은 숫자가 나옵니다.",
    "common.match": "일치",
    "common.mismatch": "불일치",
    "top.lessons": "수업 목록",
    "top.reset": "튜토리얼 값으로",
    "top.reset_help": "이 페이지의 값을 모두 튜토리얼의 값으로 되돌립니다. 주소창도 함께 바뀝니다.",
    "top.next": "다음 수업: {title}",
    "top.last": "마지막 수업까지 마쳤습니다. 처음 화면으로 돌아가기",
    "share.title": "이 화면 공유하기",
    "share.text": "휴대폰 카메라로 QR 코드를 찍으면 지금 보이는 화면이 같은 값으로 열립니다. 아래 주소를 복사해 나눠 줄 수도 있습니다.",
    "share.no_host": "이 실행에서는 서버 주소를 알 수 없어 경로만 보여 줍니다. 브라우저의 주소창을 공유하세요.",
    "url.empty": "URL의 `{name}=` → {value}: 값이 비어 있어 기본값을 씁니다.",
    "url.too_long": "URL의 `{name}` → {value}: 값이 너무 길어 기본값을 씁니다.",
    "url.not_number": "URL의 `{name}` = “{raw}” → {value}: 숫자가 아니어서 기본값을 씁니다.",
    "url.not_finite": "URL의 `{name}` = “{raw}” → {value}: 유한한 수가 아니어서 기본값을 씁니다.",
    "url.clamped": "URL의 `{name}` = “{raw}” → {value}: 허용 범위를 벗어나 가장 가까운 값으로 맞췄습니다.",
    "url.snapped": "URL의 `{name}` = “{raw}” → {value}: 슬라이더 눈금에 맞췄습니다.",
    "url.not_choice": "URL의 `{name}` = “{raw}” → {value}: 없는 선택지라서 기본값을 씁니다.",
    "url.not_bool": "URL의 `{name}` = “{raw}” → {value}: 1이나 0이 아니어서 기본값을 씁니다.",
    # --- controls -----------------------------------------------------------
    "control.a1": "a₁ (a[0])",
    "control.a1.help": "텐서 a의 첫 번째 원소. 튜토리얼의 값은 2입니다.",
    "control.a2": "a₂ (a[1])",
    "control.a2.help": "텐서 a의 두 번째 원소. 튜토리얼의 값은 3입니다.",
    "control.b1": "b₁ (b[0])",
    "control.b1.help": "텐서 b의 첫 번째 원소. 튜토리얼의 값은 6입니다.",
    "control.b2": "b₂ (b[1])",
    "control.b2.help": "텐서 b의 두 번째 원소. 튜토리얼의 값은 4입니다.",
    "control.v1": "v₁ (gradient[0])",
    "control.v1.help": "Q.backward(gradient=v)에 넘기는 v의 첫 번째 원소: Q₁에 주는 가중치입니다.",
    "control.v2": "v₂ (gradient[1])",
    "control.v2.help": "Q.backward(gradient=v)에 넘기는 v의 두 번째 원소: Q₂에 주는 가중치입니다.",
    "control.calls": "backward() 호출 횟수",
    "control.calls.help": "같은 텐서에서 backward()를 몇 번 부를지 정합니다.",
    "control.zero": "호출 사이마다 .grad 초기화",
    "control.zero.help": "켜면 호출마다 기울기를 0으로 되돌리고, 끄면 기울기가 계속 더해집니다.",
    "control.graph": "그래프 재사용 방법",
    "control.graph.help": "호출 전마다 Q를 새로 계산할지, retain_graph=True로 그래프를 남겨 둘지 고릅니다.",
    "control.graph.rebuild": "매번 Q 다시 계산",
    "control.graph.retain": "retain_graph=True",
    "control.lr": "학습률 (lr)",
    "control.lr.help": "optim.step()이 기울기 방향으로 얼마나 크게 움직일지 정합니다. 튜토리얼의 값은 0.01입니다.",
    "control.momentum": "모멘텀 (momentum)",
    "control.momentum.help": "이전 이동 방향을 얼마나 이어 갈지 정합니다. 튜토리얼의 값은 0.9입니다.",
    "control.steps": "optim.step() 횟수",
    "control.steps.help": "최적화 단계를 몇 번 반복할지 정합니다.",
    "control.seed": "난수 시드 (seed)",
    "control.seed.help": "임의 입력과 정답을 만드는 난수의 시드입니다. 같은 시드면 같은 결과가 나옵니다.",
    "control.size": "입력 이미지 크기 (픽셀)",
    "control.size.help": "torch.rand(1, 3, size, size)의 size입니다. 튜토리얼의 값은 64입니다.",
    "control.pretrained": "사전 학습된 가중치 사용",
    "control.pretrained.help": "ResNet18_Weights.DEFAULT를 씁니다. 내려받을 수 없으면 무작위 가중치로 대신합니다.",
    "control.present": "발표 화면",
    "control.present.help": "프로젝터용 화면: 사이드바를 접고 글자와 그래프를 키운 뒤, 이 화면으로 바로 오는 QR 코드를 보여 줍니다.",
    "control.objective": "목적 함수",
    "control.objective.help": "옵티마이저가 줄이려는 손실입니다.",
    "control.objective.q": "튜토리얼의 Q (loss = Q.sum())",
    "control.objective.valley": "좁고 긴 골짜기",
    "control.objective.rosenbrock": "로젠브록 바나나",
    # --- home ---------------------------------------------------------------
    "home.title": "torch.autograd, 직접 만져 보며 배우기",
    "home.intro": (
        "신경망을 학습시킨다는 것은 손실을 줄이는 쪽으로 파라미터를 조금씩 고치는 일입니다. "
        "그러려면 각 파라미터가 손실에 얼마나 영향을 주는지, 즉 **기울기**를 알아야 합니다. "
        "`torch.autograd`는 이 기울기를 자동으로 계산해 줍니다."
    ),
    "home.forward": "**순전파**: 입력을 신경망의 레이어에 차례로 통과시켜 예측값을 만드는 계산입니다.",
    "home.backward": (
        "**역전파**: 예측이 얼마나 틀렸는지(손실)에서 출발해 연쇄 법칙으로 거슬러 올라가며, "
        "각 파라미터의 기울기를 구해 `.grad`에 채우는 계산입니다."
    ),
    "home.lessons": "수업 순서",
    "home.lesson.resnet": "사전 학습된 ResNet18에 임의의 이미지를 넣고 `loss.backward()`와 `optim.step()`을 한 번씩 실행해 봅니다. 학습 한 단계 전후의 손실을 비교합니다.",
    "home.lesson.gradients": "`Q = 3a³ − b²`에서 autograd가 구한 `a.grad`, `b.grad`를 손으로 푼 9a², −2b와 나란히 놓고, 벡터 Q에 왜 `gradient=` 인자가 필요한지 알아봅니다.",
    "home.lesson.accumulation": "`backward()`를 여러 번 부르면 기울기가 더해진다는 것을 눈으로 확인하고, `zero_grad()`가 왜 필요한지 봅니다.",
    "home.lesson.optimizer": "학습률과 모멘텀을 바꿔 가며 `optim.step()` 전후의 손실과 이동 경로를 비교합니다.",
    "home.open": "열기",
    "home.how": (
        "슬라이더를 움직일 때마다 페이지가 PyTorch 코드를 다시 실행합니다. "
        "주소 표시줄의 URL에는 지금 설정이 모두 담겨 있어, 그대로 공유하면 같은 화면이 열립니다."
    ),
    "home.video": "역전파를 그림으로 이해하고 싶다면 [3Blue1Brown의 역전파 영상]({url})을 추천합니다.",
    "home.cpu": "이 대시보드는 GPU 없이 CPU만으로 동작합니다.",
    "home.versions": "실행 중인 버전: PyTorch {torch} · torchvision {torchvision} · Streamlit {streamlit} · CPU 스레드 {threads}개",
    "home.source": "원본 튜토리얼: PyTorch 한국어 튜토리얼 「torch.autograd 쉽게 배우기」",
    # --- gradients ----------------------------------------------------------
    "gradients.title": "② autograd로 기울기 구하기",
    "gradients.intro": (
        "`a`와 `b`를 `requires_grad=True`로 만들면 autograd가 이 텐서들로 하는 연산을 모두 기록합니다. "
        "`a`, `b`를 신경망의 파라미터, `Q`를 오차라고 생각해 보세요. "
        "슬라이더를 움직이면 이 페이지가 실제로 `Q = 3*a**3 - b**2`를 계산하고 `Q.backward(gradient=v)`를 호출합니다."
    ),
    "gradients.controls_a": "텐서 a",
    "gradients.controls_b": "텐서 b",
    "gradients.controls_v": "gradient 인자 v",
    "gradients.preset_ones": "v = [1, 1]",
    "gradients.preset_tutorial": "v = [0.7, 0.3]",
    "gradients.preset_tutorial_help": "튜토리얼이 예로 든 가중치입니다: Q₁에 0.7, Q₂에 0.3.",
    "gradients.preset_ones_help": "Q.sum()과 같은 결과를 주는 가장 흔한 선택입니다.",
    "gradients.hand_title": "손으로 푼 미분",
    "gradients.hand_text": (
        "Q의 각 원소는 자기 위치의 a, b에만 의존합니다. 그래서 미분도 원소별로 나오고, "
        "`gradient=v`를 넘기면 각 원소의 미분에 v가 곱해집니다."
    ),
    "gradients.results_title": "autograd의 답과 손으로 푼 답",
    "gradients.col_element": "원소",
    "gradients.col_q": "Q",
    "gradients.col_autograd": "autograd",
    "gradients.col_hand": "손 계산",
    "gradients.col_check": "검사",
    "gradients.col_fd": "유한 차분",
    "gradients.check_caption": (
        "검사 열은 `torch.isclose(손 계산, .grad)`입니다. 튜토리얼처럼 `==`로 정확히 비교하면 "
        "a: {exact_a}, b: {exact_b} 입니다. 유한 차분은 autograd 없이 (f(x+h) − f(x−h)) / 2h 로 "
        "어림한 값으로, 위의 답과 거의 같아야 합니다."
    ),
    "gradients.bars_title": "기울기 막대그래프",
    "gradients.bars_caption": "막대는 autograd가 계산한 `.grad`, 빨간 마름모는 손으로 푼 값입니다. 둘이 겹치면 일치하는 것입니다.",
    "gradients.chart.bars.title_a": "a.grad  (손 계산: 9a²·v)",
    "gradients.chart.bars.title_b": "b.grad  (손 계산: −2b·v)",
    "gradients.chart.bars.autograd": "autograd (.grad)",
    "gradients.chart.bars.hand_a": "9a²·v",
    "gradients.chart.bars.hand_b": "−2b·v",
    "gradients.chart.bars.y": "기울기 값",
    "gradients.tangent_title": "기울기 = 접선의 기울기",
    "gradients.tangent_caption": (
        "파란 곡선은 다른 값을 고정하고 한 원소만 바꿀 때의 Qᵢ이고, 주황 점선은 현재 점에서의 접선입니다. "
        "접선의 기울기가 곧 ∂Qᵢ/∂aᵢ (또는 ∂Qᵢ/∂bᵢ)이며, `.grad`에는 여기에 vᵢ를 곱한 값이 들어갑니다."
    ),
    "gradients.chart.tangent.title_a": "a{i}에 대한 Q{i}",
    "gradients.chart.tangent.title_b": "b{i}에 대한 Q{i}",
    "gradients.chart.tangent.x_a": "a{i}",
    "gradients.chart.tangent.x_b": "b{i}",
    "gradients.chart.tangent.y": "Q{i}",
    "gradients.chart.tangent.curve": "Qᵢ 곡선",
    "gradients.chart.tangent.tangent": "현재 점의 접선",
    "gradients.chart.tangent.slope": "기울기 {value}",
    "gradients.graph_title": "계산 그래프 (Q.grad_fn에서 읽은 실제 그래프)",
    "gradients.graph_caption": (
        "autograd는 연산마다 역전파용 노드를 만들어 `grad_fn`으로 이어 둡니다. "
        "`Q.grad_fn`에서 `next_functions`를 따라 내려가며 그린 그림입니다. "
        "화살표는 역전파 때 기울기가 흐르는 방향이고, 각 노드에는 저장된 값과 그 노드에 도착한 기울기를 적었습니다. "
        "맨 아래 `AccumulateGrad`가 최종 기울기를 `a.grad`, `b.grad`에 더해 넣습니다."
    ),
    "gradients.graph.output": "Q = {value}\n(시작 기울기 = v)",
    "gradients.graph.grad_in": "도착한 기울기 = {value}",
    "gradients.graph.leaf": "{name} = {value}",
    "gradients.graph.leaf_grad": "{name}.grad = {value}",
    "gradients.why_title": "왜 gradient= 인자가 필요할까?",
    "gradients.why_text": (
        "역전파는 **하나의 수(스칼라)** 에서 출발해 연쇄 법칙을 적용합니다. 그런데 Q는 원소가 두 개인 벡터라서 "
        "어디서 출발할지가 정해져 있지 않습니다. 그래서 인자 없이 `Q.backward()`를 부르면 PyTorch가 실제로 다음 오류를 냅니다."
    ),
    "gradients.why_error_label": "Q.backward()를 실행했을 때 이 페이지에서 실제로 받은 오류:",
    "gradients.why_vjp": (
        "`gradient=v`는 \"Q를 받아 어떤 스칼라 L을 만드는 바깥 함수가 있다고 치고, 그 L을 Q로 미분한 값 ∂L/∂Q가 v다\"라는 뜻입니다. "
        "그러면 autograd는 연쇄 법칙으로 ∂L/∂a = vᵀ·(∂Q/∂a)를 계산합니다. 이것을 **벡터-야코비안 곱**(vector-Jacobian product)이라고 부릅니다. "
        "v = [1, 1]이면 L = Q₁ + Q₂, 즉 `Q.sum()`과 같고, v = [0.7, 0.3]이면 Q₁을 더 중요하게 본 가중합 0.7·Q₁ + 0.3·Q₂가 됩니다."
    ),
    "gradients.sum_title": "Q.sum().backward()와 gradient=torch.ones_like(Q)는 같을까?",
    "gradients.sum_row_sum": "Q.sum().backward()",
    "gradients.sum_row_ones": "Q.backward(gradient=torch.ones_like(Q))",
    "gradients.sum_same": "두 방법의 `a.grad`, `b.grad`가 완전히 같습니다 (`torch.equal` = True). 스칼라로 합치면 `gradient` 인자가 필요 없습니다.",
    "gradients.sum_differ": "두 방법의 결과가 다릅니다 (`torch.equal` = False).",
    # --- accumulation -------------------------------------------------------
    "accumulation.title": "③ 기울기 누적: backward()를 여러 번 부르면",
    "accumulation.intro": (
        "`backward()`가 실행되면 autograd는 `.grad`를 덮어쓰지 않고, 이미 들어 있는 값에 새 기울기를 **더합니다**. "
        "튜토리얼이 주의하라고 한 바로 그 내용입니다: `backward()`를 여러 번 호출하면 기울기가 누적됩니다. "
        "이 페이지는 `Q = 3*a**3 - b**2`에 대해 `Q.sum().backward()`를 고른 횟수만큼 실제로 호출하고, "
        "호출이 끝날 때마다 `a.grad`와 `b.grad`를 읽습니다. (`Q.sum().backward()`는 "
        "`Q.backward(gradient=torch.ones_like(Q))`와 같은 값을 주며, 튜토리얼이 다시 호출할 때 쓴 형태입니다.)"
    ),
    "accumulation.controls_a": "텐서 a",
    "accumulation.controls_b": "텐서 b",
    "accumulation.controls_calls": "backward() 반복 호출",
    "accumulation.rule_title": "호출할 때마다 일어나는 일",
    "accumulation.rule_accumulate": "초기화하지 않으면, k번째 호출 뒤:",
    "accumulation.rule_zero": "호출 전마다 초기화하면, k번째 호출 뒤:",
    "accumulation.rule_text": (
        "호출 한 번은 `a.grad`에 ∂Q/∂a = 9a²를, `b.grad`에 ∂Q/∂b = −2b를 더합니다. 그래서 초기화하지 않으면 "
        "k번 호출한 뒤의 `a.grad`는 k·9a²이고, 호출할 때마다 같은 폭으로 올라가는 직선이 됩니다. "
        "호출 전마다 초기화하면 매번 빈 `.grad`에서 시작하므로, 몇 번을 호출해도 9a²에 머뭅니다."
    ),
    "accumulation.history_title": "호출할 때마다 읽은 a.grad와 b.grad",
    "accumulation.table_accumulate": "강조된 실행, 초기화 없음(누적):",
    "accumulation.table_caption": "k: 호출 횟수. 왼쪽 값은 autograd가 채운 `.grad`, 오른쪽 값은 torch로 계산한 손 계산 규칙이며, ✓는 `torch.isclose`가 두 값을 같다고 본다는 뜻입니다.",
    "accumulation.table_zero": "강조된 실행, 호출 전마다 초기화:",
    "accumulation.col_check": "검사",
    "accumulation.graph_same": (
        "그래프 재사용 방법: {mode}. 다른 재사용 방법으로 같은 횟수를 호출해도 값이 완전히 같습니다 {mark}"
    ),
    "accumulation.graph_differ": (
        "그래프 재사용 방법: {mode}. 다른 재사용 방법으로 호출하면 값이 달라집니다 {mark}"
    ),
    "accumulation.history_caption": (
        "왼쪽 열: 기울기가 더해지므로 선이 호출마다 같은 폭으로 올라갑니다. "
        "오른쪽 열: 호출 전마다 `.grad`를 초기화하므로 선이 평평합니다. "
        "두 실행은 항상 함께 그려지고, 초기화 스위치는 어느 쪽을 강조할지 고릅니다. 표와 코드는 강조된 실행을 보여 줍니다. "
        "축 범위가 고정되어 있어 슬라이더를 움직이며 크기를 그대로 비교할 수 있습니다."
    ),
    "accumulation.chart.history.head_accumulate": "누적 (초기화 없음)",
    "accumulation.chart.history.head_zero": "호출 전마다 초기화",
    "accumulation.chart.history.current": "▶ {head}",
    "accumulation.chart.history.formula_a_acc": "a.grad = k·9a²",
    "accumulation.chart.history.formula_b_acc": "b.grad = k·(−2b)",
    "accumulation.chart.history.formula_a_zero": "a.grad = 9a²",
    "accumulation.chart.history.formula_b_zero": "b.grad = −2b",
    "accumulation.chart.history.x": "backward() 호출 횟수 k",
    "accumulation.chart.history.y_a": "a.grad",
    "accumulation.chart.history.y_b": "b.grad",
    "accumulation.chart.history.element1": "원소 [0] (a₁, b₁)",
    "accumulation.chart.history.element2": "원소 [1] (a₂, b₂)",
    "accumulation.freed_title": "같은 그래프로 backward()를 두 번 부르면 실패합니다",
    "accumulation.freed_text": (
        "`backward()`는 메모리를 아끼려고, 그래프가 역전파용으로 저장해 둔 값"
        "(예를 들어 거듭제곱 `a**3`, `b**2`를 미분할 때 필요한 `a`와 `b`)을 호출이 끝나면 해제합니다. "
        "그래서 같은 `Q`로 `backward()`를 한 번 더 부르면 계산에 쓸 값이 남아 있지 않습니다. 이 페이지가 실제로 실행하는 코드:"
    ),
    "accumulation.error_label": "두 번째 호출에서 PyTorch가 실제로 낸 오류:",
    "accumulation.after_error": "실패한 호출은 아무것도 더하지 않았습니다. `a.grad`는 첫 번째 호출의 결과 그대로입니다: {value}",
    "accumulation.fix_intro": "피하는 방법은 두 가지입니다. 둘 다 빈 `.grad`에서 시작해 여기서 실제로 실행됩니다:",
    "accumulation.rebuild_title": "방법 1: Q를 다시 계산 (튜토리얼의 방법)",
    "accumulation.rebuild_text": (
        "순전파를 다시 하면 값이 새로 저장된 새 그래프가 만들어집니다. 학습 루프는 원래 이렇게 동작합니다: "
        "단계마다 모델을 다시 순전파합니다."
    ),
    "accumulation.retain_title": "방법 2: retain_graph=True",
    "accumulation.retain_text": (
        "호출이 끝나도 그래프가 저장된 값을 지우지 않아 한 번 더 거슬러 갈 수 있습니다. 그래프가 사라질 때까지 "
        "그 값이 메모리에 남으므로, 순전파 한 번에 역전파가 정말 두 번 필요할 때만 씁니다."
    ),
    "accumulation.fix_result": "결과: `a.grad` = {a}, `b.grad` = {b}",
    "accumulation.fix_both": (
        "두 방법 모두 한 번 호출했을 때의 두 배(2·9a², 2·(−2b))가 나옵니다. 오류를 피한다고 누적이 멈추지는 않습니다. "
        "`.grad` 초기화는 따로 해야 합니다."
    ),
    "accumulation.zeroing_title": ".grad를 초기화하는 세 가지 방법",
    "accumulation.zeroing_intro": "세 방법 모두 실제로 실행했습니다: `backward()` 한 번, 초기화, 다시 `backward()` 한 번.",
    "accumulation.col_method": "방법",
    "accumulation.col_after_reset": "초기화 직후 a.grad",
    "accumulation.col_after_next": "다음 backward() 뒤 a.grad",
    "accumulation.col_when": "언제 쓰나",
    "accumulation.when_zero_grad": (
        "학습 루프에서 씁니다. 옵티마이저에 등록된 모든 파라미터의 기울기를 한 번에 초기화합니다. "
        "PyTorch 2.0부터는 기본값이 `set_to_none=True`라서 `None`으로 만듭니다."
    ),
    "accumulation.when_none": (
        "옵티마이저 없이 텐서 하나를 다룰 때 씁니다(튜토리얼의 방법). 기존 텐서를 버리고, "
        "다음 `backward()`가 새 텐서를 만듭니다."
    ),
    "accumulation.when_zero_": (
        "기존 텐서를 그 자리에서 0으로 채웁니다. 메모리와 그 텐서를 가리키는 참조가 그대로 유지됩니다. "
        "`.grad`가 아직 `None`이면(첫 `backward()` 전) 오류가 납니다."
    ),
    "accumulation.training_title": "학습 루프가 기울기부터 초기화하는 이유",
    "accumulation.training_intro": (
        "작지만 실제로 돌아가는 학습 루프입니다. `torch.optim.SGD`가 직선 y = 2x + 1 위의 점 네 개에 직선 y = w·x + c를 맞춥니다. "
        "w = c = 0에서 시작해 {steps}단계를 진행합니다. 위 그래프는 튜토리얼의 권장대로 매번 `loss.backward()` 전에 "
        "`optim.zero_grad()`를 호출하고, 아래 그래프는 그 한 줄만 뺀 같은 루프입니다. 학습률을 여러 값으로 바꿔 보세요."
    ),
    "accumulation.run_with": "optim.zero_grad() 사용",
    "accumulation.run_without": "optim.zero_grad() 없음",
    "accumulation.diverged": "{run}: {step}단계에서 발산했습니다(손실이 처음 값의 {factor}배 초과). 학습률이 너무 커서 곡선은 거기서 멈춥니다.",
    "accumulation.col_run": "실행",
    "accumulation.diverged_both": "두 실행 모두 발산했습니다(손실이 처음 값의 {factor}배 초과: 초기화한 쪽 {step_with}단계, 안 한 쪽 {step_without}단계). 학습률이 너무 큽니다.",
    "accumulation.col_w": "w (목표 2)",
    "accumulation.col_c": "c (목표 1)",
    "accumulation.col_final_loss": "마지막 단계의 손실",
    "accumulation.col_w_grad": "마지막 단계에서 쓴 w.grad",
    "accumulation.diverged_cell": "{step}단계에서 발산",
    "accumulation.training_lesson": (
        "**초기화하지 않으면 생기는 일:** `w.grad`에 지금까지의 기울기가 모두 합쳐져 있어서, 매 단계가 이전 단계들의 "
        "이동까지 되풀이합니다. 그래서 파라미터가 최솟값(w = 2, c = 1)을 지나쳐 버리고, 손실이 자리를 잡지 못하고 다시 커집니다."
    ),
    "accumulation.chart.training.title_with": "optim.zero_grad() 사용",
    "accumulation.chart.training.title_without": "optim.zero_grad() 없음",
    "accumulation.chart.training.x": "SGD 단계",
    "accumulation.chart.training.y": "손실",
    "accumulation.chart.training.start": "처음 손실",
    "accumulation.chart.training.diverged": "{step}단계에서 발산",
    "accumulation.code.first_call": "1번째 호출: 성공, 저장된 값은 해제됨",
    "accumulation.code.second_call": "같은 그래프로 2번째 호출: RuntimeError",
    "accumulation.code.rebuild": "Q를 다시 계산: 새 그래프",
    "accumulation.code.retain": "저장된 값을 지우지 않고 두 번째 호출에 씀",
    "accumulation.code.build_once": "그래프 하나를 모든 호출이 재사용",
    "accumulation.code.build_each": "호출마다 새 그래프",
    "accumulation.code.reset": "매 호출을 빈 .grad에서 시작",
    "accumulation.code.check_zero": "호출 전마다 초기화: a.grad = 9a², b.grad = -2b",
    "accumulation.code.check_accumulate": "호출한 만큼 누적: a.grad = calls·9a², b.grad = calls·(-2b)",
    "accumulation.code.train_title": "작은 학습 루프: y = 2x + 1 위의 점에 y = w*x + c 맞추기",
    "accumulation.code.zero_grad": "튜토리얼이 권하는 줄",
    "accumulation.code.backward": "이번 단계의 기울기를 w.grad, c.grad에 더함",
    # --- optimizer ----------------------------------------------------------
    "optimizer.title": "④ 옵티마이저: 학습률과 모멘텀",
    "optimizer.intro": (
        "튜토리얼에서는 `optim = torch.optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)`로 모델의 파라미터를 옵티마이저에 넘기고, "
        "`optim.step()`을 부를 때마다 각 파라미터가 `.grad`에 담긴 기울기의 반대 방향으로 움직입니다. "
        "이 페이지의 파라미터는 눈으로 따라갈 수 있을 만큼 적습니다. 튜토리얼의 텐서 `a`와 `b`를 쓰거나, "
        "파라미터가 두 개인 지형 위의 한 점 `a = (a₁, a₂)`를 씁니다. 슬라이더를 움직일 때마다 실제 `torch.optim.SGD`를 "
        "정한 횟수만큼, 같은 출발점에서 두 번 실행합니다. 한 번은 고른 모멘텀으로, 한 번은 모멘텀 0으로 실행합니다."
    ),
    "optimizer.controls_objective": "줄일 손실",
    "optimizer.controls_start": "파라미터의 시작값",
    "optimizer.controls_optim": "torch.optim.SGD 설정",
    "optimizer.objective_caption.q": (
        "튜토리얼의 말 그대로 Q를 오차로 보고, `optim.step()`이 `Q.sum()`을 줄이게 합니다. "
        "파라미터는 `a`와 `b`이며 `torch.optim.SGD([a, b], ...)`로 등록합니다."
    ),
    "optimizer.objective_caption.valley": (
        "a₁ = a₂ 직선을 따라 길고 좁게 파인 골짜기입니다. 골짜기를 가로지르는 방향은 가파르고(곡률 40), "
        "바닥을 따라가는 방향은 거의 평평합니다(곡률 1). 가장 낮은 점은 (0, 0)이고, 파라미터는 `a` 하나입니다."
    ),
    "optimizer.objective_caption.rosenbrock": (
        "옵티마이저를 시험할 때 자주 쓰는 로젠브록 함수로, 바닥이 평평하고 바나나처럼 휘어진 골짜기입니다. "
        "기본 출발점에서 휘어진 골짜기를 끝까지 따라가도록 좌우를 뒤집었습니다(1 − a₁ 대신 1 + a₁). "
        "가장 낮은 점은 (−1, 1)이고, 파라미터는 `a` 하나입니다."
    ),
    "optimizer.b_unused": (
        "이 지형에서는 `a = (a₁, a₂)`가 지도 위의 출발점입니다. b는 쓰지 않으며, "
        "b₁ = {b1}, b₂ = {b2} 값은 Q 목적 함수를 위해 URL에 그대로 남겨 둡니다."
    ),
    "optimizer.run_momentum": "모멘텀 {value}",
    "optimizer.run_plain": "모멘텀 0 (기본 SGD)",
    "optimizer.first_title": "첫 optim.step() 전후의 손실",
    "optimizer.metric_before": "optim.step() 전",
    "optimizer.metric_after": "첫 optim.step() 후",
    "optimizer.metric_plain": "모멘텀 0일 때 같은 단계 후",
    "optimizer.first_same": (
        "{same} **모멘텀은 첫 단계를 바꾸지 못합니다.** 첫 `optim.step()` 전에는 PyTorch에 모멘텀 버퍼가 없습니다. "
        "첫 단계가 기울기를 그대로 복사해 버퍼를 만들기 때문에(v = g), 첫 이동은 모멘텀이 없을 때와 똑같이 p − lr·g입니다. "
        "그래서 두 실행의 손실이 똑같이 {value}입니다. 2단계부터는 버퍼에 앞선 이동이 함께 담깁니다: v = μ·v + g."
    ),
    "optimizer.first_plain": (
        "모멘텀이 0이면 PyTorch는 버퍼를 아예 만들지 않고, 매 단계 p ← p − lr·g만 계산합니다. "
        "모멘텀을 올려 비교해 보세요. 버퍼가 기울기에서 출발하므로 첫 단계는 그래도 지금과 똑같습니다."
    ),
    "optimizer.first_up": (
        "이번에는 손실이 오히려 **올라갔습니다**. 출발점의 경사가 너무 가팔라서, lr × 기울기만큼의 한 걸음이 "
        "낮은 곳을 지나쳐 더 높은 곳에 떨어졌습니다. 학습률을 줄이면 첫 단계에서 손실이 내려갑니다."
    ),
    "optimizer.first_diverged": (
        "첫 단계에서 벌써 값이 넘쳤습니다(손실 = {value}). 이 기울기에 비해 학습률이 너무 큽니다."
    ),
    "optimizer.curve_title": "전체 {steps}단계 동안의 손실",
    "optimizer.curve_caption": (
        "파란 실선은 고른 모멘텀, 주황 점선은 모멘텀 0(기본 SGD)이며 출발점과 학습률은 같습니다. "
        "속이 빈 원은 첫 단계 전후의 손실로, 두 실행이 똑같습니다. 두 곡선은 버퍼에 앞선 기울기가 처음 섞이는 "
        "2단계(점선)에서 갈라집니다. 끝에서 둘이 얼마나 벌어지는지가 모멘텀의 효과입니다. "
        "손실이 여러 자릿수에 걸치면 y축을 로그 눈금으로 그립니다. 손실이 음수이면 부호 있는 로그 눈금 "
        "sign · log₁₀(1 + |손실|)을 쓰고, 눈금에는 실제 값을 적었습니다."
    ),
    "optimizer.curve_caption_plain": (
        "모멘텀이 0이라 두 실행이 같으므로 곡선을 하나만 그렸습니다. 속이 빈 원은 첫 단계 전후의 손실입니다. "
        "손실이 여러 자릿수에 걸치면 y축을 로그 눈금으로 그리고(손실이 음수이면 부호 있는 로그 눈금 "
        "sign · log₁₀(1 + |손실|)), 눈금에는 실제 값을 적었습니다."
    ),
    "optimizer.metric_final": "{name}: {steps}단계 후 손실",
    "optimizer.metric_stopped": "{name}: {step}단계에서 멈춤, 손실",
    "optimizer.diverged": (
        "**{name}: 발산했습니다.** {step}단계를 마치자 손실 값이 float32로 담을 수 있는 범위(약 3.4·10³⁸)를 넘거나 "
        "NaN이 되어(손실 = {value}) 실행을 그 자리에서 멈췄습니다. 유한한 값으로 끝난 단계는 {done}개이고, "
        "차트의 빨간 ✕ 표시가 실행이 끝난 곳입니다."
    ),
    "optimizer.growing": (
        "**{name}: 발산하는 중입니다.** 아직 float32가 넘치지는 않았지만 손실이 {start}에서 {end}까지 커졌습니다. "
        "걸음마다 더 크게 지나치고 있어서, 단계를 더 늘리면 결국 값이 넘칩니다."
    ),
    "optimizer.why_q": (
        "**왜 그럴까요?** Q = 3a³ − b²에는 가장 낮은 점이 없습니다. 매 단계 내리막으로 가는데, 여기서는 내리막이 끝없이 이어집니다. "
        "a는 −∞로 가고(3a³ → −∞), |b|는 계속 커집니다(−b² → −∞). 기울기 9a²와 −2b도 함께 커지므로 걸음이 점점 길어지다가 "
        "결국 float32가 넘칩니다. 모멘텀은 앞서 간, 점점 커지는 걸음을 계속 더하므로 이 과정을 앞당깁니다. "
        "학습률을 키워도 마찬가지입니다."
    ),
    "optimizer.why_landscape": (
        "**왜 그럴까요?** 이 지형에는 가장 낮은 점이 있으니, 학습률이 너무 큰 것입니다. 가파른 곳에서는 lr × 기울기만큼의 "
        "한 걸음이 바닥을 지나쳐 반대편의 더 높은 곳에 떨어집니다. 그곳의 기울기는 더 크므로 걸음이 갈수록 커집니다. "
        "곡률이 h인 그릇 모양에서 기본 SGD는 lr·h < 2일 때만, 모멘텀 μ를 쓴 SGD는 lr·h < 2(1 + μ)일 때만 바닥에 자리 잡습니다. "
        "학습률을 줄여 보세요."
    ),
    "optimizer.q_unbounded": (
        "Q = 3a³ − b²에는 가장 낮은 점이 없습니다. a를 더 음수로, |b|를 더 크게 만들면 손실은 얼마든지 더 내려갑니다. "
        "그래서 이 목적 함수에서 SGD는 한곳에 자리 잡지 못합니다. 단계 수를 늘리거나 학습률·모멘텀을 키우면 "
        "float32가 넘칠 때까지 달아나고, 그러면 이 페이지가 실행을 멈추고 그 자리를 표시합니다. "
        "제곱 오차 같은 실제 손실에는 더 내려갈 수 없는 아래쪽 한계가 있습니다."
    ),
    "optimizer.map_title": "손실 지형 위의 두 경로",
    "optimizer.map_caption.valley": (
        "등고선은 손실이 같은 점을 이은 선이고, 색이 진할수록 손실이 낮습니다(색은 로그 눈금). "
        "점 하나가 `optim.step()` 한 번 뒤의 위치입니다. 튜토리얼의 lr 0.01, 모멘텀 0.9에서는 이렇게 움직입니다. "
        "기본 SGD(주황 점선)는 그 자리의 기울기에 비례해서만 움직이므로, 몇 걸음 만에 골짜기 바닥까지 내려간 뒤 "
        "거의 평평한 바닥을 따라서는 아주 느리게 기어갑니다. 모멘텀(파란 선)은 앞선 속도의 μ만큼을 계속 지니고 가므로 "
        "바닥을 따라 점점 빨라지고, 최저점을 지나쳤다가 되돌아옵니다. "
        "Distill의 글 [Why Momentum Really Works](https://distill.pub/2017/momentum/)의 그림을 본떴습니다."
    ),
    "optimizer.map_caption.rosenbrock": (
        "등고선은 손실이 같은 점을 이은 선이고, 색이 진할수록 손실이 낮습니다(색은 로그 눈금). "
        "점 하나가 `optim.step()` 한 번 뒤의 위치입니다. 튜토리얼의 lr 0.01, 모멘텀 0.9에서는 이렇게 움직입니다. "
        "기본 SGD(주황 점선)는 휘어진 골짜기로 미끄러져 내려간 뒤, 평평하게 휘어진 바닥을 따라서는 거의 움직이지 못합니다. "
        "모멘텀(파란 선)은 바닥을 따라 속도를 붙여, 중간중간 지나치면서도 휘어진 길을 따라 최저점 (−1, 1)까지 갑니다. "
        "Distill의 글 [Why Momentum Really Works](https://distill.pub/2017/momentum/)의 그림을 본떴습니다."
    ),
    "optimizer.params_title": "a와 b는 어디로 갈까",
    "optimizer.params_caption": (
        "선 하나가 한 원소의 단계별 값입니다(실선: 고른 모멘텀, 점선: 모멘텀 0). a의 기울기 9a²는 음수가 되지 않으므로 "
        "매 단계 a가 줄어듭니다. 모멘텀이나 큰 학습률 때문에 a가 0 아래로 내려가면 경사가 점점 가팔라져 a는 −∞로 내달립니다. "
        "b의 기울기 −2b는 b를 0에서 멀어지는 쪽으로 밀기 때문에 |b|는 계속 커집니다."
    ),
    "optimizer.rule_title": "PyTorch의 업데이트 규칙에 이 페이지의 숫자 넣기",
    "optimizer.rule_text": (
        "`optim.step()`은 파라미터 p마다 다음을 계산합니다(PyTorch SGD의 기본값 `dampening=0`, `nesterov=False`). "
        "g는 `p.grad`, μ는 모멘텀, v는 PyTorch가 `optimizer.state[p][\"momentum_buffer\"]`에 보관하는 모멘텀 버퍼입니다."
    ),
    "optimizer.rule_step1": "**1단계**, 원소 `{name}`: 아직 버퍼가 없으므로 v는 기울기 그대로 시작합니다.",
    "optimizer.rule_step2": "**2단계**, 원소 `{name}`: 이제 버퍼가 이전 단계의 이동을 함께 가져옵니다.",
    "optimizer.rule_plain": "**1단계**, 원소 `{name}`: 모멘텀이 0이면 버퍼가 없으므로 매 단계 v = g입니다.",
    "optimizer.rule_table_title": "{step}단계, 모든 원소",
    "optimizer.rule_check_caption": (
        "손 계산 열은 기록된 p, g와 이전 v로 이 페이지에서 직접 계산한 값(float32)입니다. "
        "✓는 그 값이 `torch.optim.SGD`의 결과, 즉 단계 뒤의 파라미터 및 `optimizer.state[p][\"momentum_buffer\"]`와 "
        "일치한다는 뜻입니다."
    ),
    "optimizer.rule_none": "유한한 값으로 끝난 단계가 없어서 규칙에 넣을 숫자가 없습니다.",
    "optimizer.col_element": "원소",
    "optimizer.col_v_before": "이전 v",
    "optimizer.col_hand": "손 계산",
    "optimizer.col_torch": "SGD 결과",
    "optimizer.col_check": "검사",
    "optimizer.table_title": "모든 단계의 숫자 ({name})",
    "optimizer.table_caption": (
        "k번째 행은 `optim.step()`을 k번 부른 뒤의 상태입니다(0행은 출발점). `grad`는 k단계가 쓴 기울기로, "
        "바로 윗 행의 파라미터에서 계산한 값입니다. `buf`는 k단계 직후의 `optimizer.state[p][\"momentum_buffer\"]`입니다."
    ),
    "optimizer.col_step": "단계",
    "optimizer.col_loss": "손실",
    "optimizer.chart.loss.x": "optim.step() 호출 횟수",
    "optimizer.chart.loss.y": "손실",
    "optimizer.chart.loss.y_log": "손실 (로그 눈금)",
    "optimizer.chart.loss.y_symlog": "손실 (부호 있는 로그 눈금)",
    "optimizer.chart.loss.momentum": "모멘텀 {value}",
    "optimizer.chart.loss.plain": "모멘텀 0 (기본 SGD)",
    "optimizer.chart.loss.before": "첫 단계 전",
    "optimizer.chart.loss.after": "첫 단계 후",
    "optimizer.chart.loss.stopped": "{step}단계: 손실 {value}, 멈춤",
    "optimizer.chart.loss.parts": "{step}단계: 두 실행이 갈라짐",
    "optimizer.chart.loss.step": "단계",
    "optimizer.chart.map.x": "a₁",
    "optimizer.chart.map.y": "a₂",
    "optimizer.chart.map.loss": "손실",
    "optimizer.chart.map.start": "출발",
    "optimizer.chart.map.minimum": "최저점",
    "optimizer.chart.map.momentum": "모멘텀 {value}",
    "optimizer.chart.map.plain": "모멘텀 0 (기본 SGD)",
    "optimizer.chart.map.step": "단계",
    "optimizer.chart.params.x": "optim.step() 호출 횟수",
    "optimizer.chart.params.y": "값",
    "optimizer.chart.params.y_symlog": "값 (부호 있는 로그 눈금)",
    "optimizer.chart.params.title_a": "a₁, a₂",
    "optimizer.chart.params.title_b": "b₁, b₂",
    "optimizer.chart.params.element_1": "원소 [0]: a₁, b₁",
    "optimizer.chart.params.element_2": "원소 [1]: a₂, b₂",
    "optimizer.chart.params.momentum": "모멘텀 {value}",
    "optimizer.chart.params.plain": "모멘텀 0",
    "optimizer.chart.params.step": "단계",
    # --- resnet -------------------------------------------------------------
    "resnet.title": "① ResNet18로 학습 한 단계 실행하기",
    "resnet.intro": (
        "튜토리얼은 완성된 신경망 하나로 시작합니다. ImageNet으로 미리 학습된 torchvision의 **ResNet18**입니다. "
        "여기에 임의의 이미지를 넣고, 오차를 계산하고, `loss.backward()`를 호출한 뒤 옵티마이저로 한 걸음 학습시킵니다. "
        "설정을 바꿀 때마다 이 페이지가 바로 그 코드를 서버에서 실행하고, 그 안에서 무슨 일이 일어났는지 보여 줍니다."
    ),
    "resnet.controls_train": "학습 설정",
    "resnet.controls_data": "데이터와 가중치",
    "resnet.controls_hint": "학습률·모멘텀·단계 수 슬라이더는 4절 `optim.step()`에 있습니다. 그 슬라이더를 움직이면 4·5절과 그 아래 코드만 다시 계산하고, 이 값들과 상관없는 나머지 절(순전파, 첫 역전파, 고정하기)은 그대로 둡니다.",
    "resnet.weights.cache": "사전 학습된 가중치를 사용합니다: `ResNet18_Weights.DEFAULT` (ImageNet). torch hub 캐시 `{path}`에서 읽었습니다.",
    "resnet.weights.download": "사전 학습된 가중치를 사용합니다: `ResNet18_Weights.DEFAULT` (ImageNet). 방금 `{path}`에 내려받았습니다.",
    "resnet.weights.fallback": "사전 학습된 가중치를 받을 수 없습니다({reason}). 무작위 가중치(`torch.manual_seed(0)`)로 대신하며, 서버를 다시 시작하기 전까지는 다시 시도하지 않습니다.",
    "resnet.weights.random": "선택한 대로 무작위 가중치를 씁니다: `torch.manual_seed(0); model = resnet18()`.",
    "resnet.computing": "CPU에서 ResNet18을 실행하는 중…",
    "resnet.busy": "지금 서버가 다른 ResNet 계산으로 바쁩니다. 잠시 후 다시 시도해 주세요.",
    "resnet.forward_title": "1 · 순전파: 예측값 만들기",
    "resnet.forward_text": (
        "`data = torch.rand(1, 3, {size}, {size})`는 {size}×{size} 픽셀짜리 임의의 RGB 이미지 한 장입니다 "
        "(배치 크기 1, 색 채널 3개). `prediction = model(data)`가 이 이미지를 모든 레이어에 차례로 통과시키면 "
        "숫자 1000개가 나옵니다. ImageNet 클래스마다 점수가 하나씩입니다."
    ),
    "resnet.forward_facts": (
        "`prediction.shape` = `{shape}` · `prediction.requires_grad` = `{requires_grad}` · "
        "`prediction.grad_fn` = `{grad_fn}`: autograd가 순전파를 기록해 두었으므로 그 길을 거꾸로 되짚어 갈 수 있습니다."
    ),
    "resnet.eval_note": (
        "32×32에서는 마지막 특징 맵이 1×1밖에 되지 않습니다. 학습 모드의 BatchNorm은 채널마다 값이 하나뿐이면 분산을 구할 수 없어서 "
        "PyTorch가 실행을 거부합니다: `{error}`. 그래서 이 크기에서는 먼저 `model.eval()`을 호출합니다. "
        "그러면 BatchNorm이 저장해 둔 통계를 쓰고, 기울기는 똑같이 흐릅니다."
    ),
    "resnet.top_title": "점수가 가장 높은 다섯 클래스 (예측값의 softmax)",
    "resnet.col_class": "ImageNet 클래스",
    "resnet.col_index": "번호",
    "resnet.col_probability": "확률",
    "resnet.top_pretrained": (
        "클래스 이름은 `ResNet18_Weights.DEFAULT.meta[\"categories\"]`에서 가져왔습니다. "
        "입력이 사진이 아니라 무작위 노이즈이므로, 학습된 신경망이 보기에 노이즈와 가장 비슷한 클래스가 나왔을 뿐입니다. "
        "실제 사진을 넣으면 확신 있는, 의미 있는 답이 나옵니다."
    ),
    "resnet.top_random": (
        "**무작위 가중치에서는 이 클래스 이름에 아무 의미가 없습니다.** 신경망이 아직 아무 클래스도 배우지 않아서 "
        "확률이 모두 균등한 값 1/1000 = 0.1 % 근처에 머물고, 어떤 이름이 위에 오는지는 우연입니다."
    ),
    "resnet.loss_title": "2 · 손실: 역전파를 시작할 숫자 하나",
    "resnet.loss_text": (
        "`loss = (prediction - labels).sum()` = **{loss}** 입니다. 정답 역할의 `labels = torch.rand(1, 1000)`도 임의의 값입니다. "
        "튜토리얼과 같은 연습용 손실로, 1000개의 차이를 모두 더해 스칼라 하나로 만듭니다. `backward()`에는 그거면 충분합니다. "
        "실제 학습에서는 `nn.CrossEntropyLoss` 같은 제대로 된 손실 함수를 씁니다."
    ),
    "resnet.loss_hand": "손으로 확인해 보면 출력 1000개 모두에서 ∂loss/∂prediction = 1입니다. 그래서 마지막 레이어 `fc`의 기울기는 autograd 없이도 알 수 있습니다.",
    "resnet.col_tensor": "텐서",
    "resnet.col_by_hand": "손으로 푼 답",
    "resnet.col_expected_norm": "손으로 구한 노름",
    "resnet.col_autograd_norm": "autograd가 구한 노름",
    "resnet.col_check": "검사",
    "resnet.hand_bias": "모든 원소가 1",
    "resnet.hand_weight": "각 행이 `fc`에 들어가는 특징 512개와 같음",
    "resnet.loss_labels": (
        "labels는 어떤 기울기에도 나타나지 않고, 손실을 −sum(labels) = {labels_shift}만큼 옮길 뿐입니다. "
        "그래서 이 손실로는 신경망이 정답에 대해 아무것도 배울 수 없습니다."
    ),
    "resnet.grads_title": "3 · loss.backward(): 모든 파라미터의 기울기",
    "resnet.grads_text": (
        "한 번의 호출로 파라미터 텐서 {tensors}개, 숫자로는 모두 {numel}개의 `.grad`가 채워집니다. "
        "막대 하나가 첫 번째 `loss.backward()` 뒤 텐서 하나의 기울기 크기(L2 노름)이고, 색은 레이어를 나타냅니다."
    ),
    "resnet.chart.grads.x": "‖p.grad‖ (L2 노름, 로그 눈금)",
    "resnet.chart.grads.y": "파라미터 텐서",
    "resnet.chart.grads.title_left": "conv1 · bn1 · layer1 · layer2",
    "resnet.chart.grads.title_right": "layer3 · layer4 · fc",
    "resnet.chart.grads.legend": "레이어:",
    "resnet.grads_caption": (
        "로그 눈금입니다. 기울기 크기가 여러 자릿수에 걸쳐 있습니다. `conv…weight`는 합성곱 필터(텐서마다 숫자가 많음)이고, "
        "`bn…weight`와 `bn…bias`는 BatchNorm의 배율과 이동값으로 채널마다 하나씩입니다. "
        "`downsample`은 블록의 지름길(shortcut)에 있는 1×1 합성곱입니다."
    ),
    "resnet.table_expander": "모든 파라미터 텐서를 숫자로 보기",
    "resnet.col_parameter": "파라미터",
    "resnet.col_shape": "모양",
    "resnet.col_numel": "숫자 개수",
    "resnet.col_weight": "처음 ‖W‖",
    "resnet.col_grad": "‖grad‖",
    "resnet.col_change": "‖ΔW‖ (전체 단계)",
    "resnet.col_buffer": "‖모멘텀 버퍼‖",
    "resnet.step_title": "4 · optim.step(): 단계 전후의 손실",
    "resnet.step_text": (
        "`optim = torch.optim.SGD(model.parameters(), lr={lr}, momentum={momentum})`. "
        "단계마다 같은 이미지로 `optim.zero_grad()`, 순전파, `loss.backward()`, `optim.step()`을 차례로 실행하고, "
        "마지막 단계가 끝나면 손실을 한 번 더 잽니다."
    ),
    "resnet.metric_before": "첫 단계 전 손실",
    "resnet.metric_after_one": "1단계 후",
    "resnet.metric_after_all": "{steps}단계 후",
    "resnet.chart.loss.x": "지금까지 실행한 optim.step() 횟수",
    "resnet.chart.loss.y": "손실",
    "resnet.chart.loss.name": "손실",
    "resnet.rule_ok": (
        "✓ 모든 단계, 모든 텐서에서 확인했습니다: 새 가중치는 W − lr·buf입니다. "
        "모멘텀 버퍼 buf는 첫 단계에서 grad이고, 그다음부터는 momentum·buf + grad입니다."
    ),
    "resnet.rule_ok_plain": "✓ 모든 단계, 모든 텐서에서 확인했습니다: 새 가중치는 W − lr·grad입니다 (모멘텀이 0이면 버퍼를 두지 않습니다).",
    "resnet.rule_bad": "✗ 어떤 단계에서 가중치가 SGD 규칙 W − lr·buf를 따르지 않았습니다. 아래 표에서 어느 단계인지 볼 수 있습니다.",
    "resnet.loss_falls": (
        "이 손실에는 하한이 없습니다. 단계마다 출력 1000개를 모두 끌어내리므로 손실은 계속 내려가고, 모멘텀이 있으면 갈수록 더 빨리 내려갑니다. "
        "교차 엔트로피 같은 제대로 된 손실은 예측이 맞아지면 더 줄어들지 않습니다."
    ),
    "resnet.diverged": "숫자가 넘쳤습니다(NaN 또는 ∞). 하한이 없는 손실 때문에 이동 폭이 float32로 표현할 수 없을 만큼 커졌습니다. 학습률을 낮추거나 단계 수를 줄여 보세요.",
    "resnet.steps_expander": "단계별 숫자 보기",
    "resnet.col_step": "단계",
    "resnet.col_loss_before": "단계 시작 때 손실",
    "resnet.col_grad_total": "‖grad‖ (파라미터 전체)",
    "resnet.col_update_total": "그 단계의 ‖ΔW‖",
    "resnet.col_rule": "SGD 규칙",
    "resnet.move_title": "5 · 레이어별 가중치 이동과 SGD의 모멘텀 버퍼",
    "resnet.move_text": (
        "위 그래프: {steps}단계 동안 각 레이어의 가중치가 자기 크기에 비해 얼마나 바뀌었는지, 즉 ‖W_후 − W_전‖ / ‖W_전‖입니다. "
        "아래 그래프: 마지막 단계 뒤 `optim.state[p][\"momentum_buffer\"]`의 크기입니다. "
        "이 버퍼는 지난 기울기를 기억하는 SGD의 메모리이고(`buf = momentum·buf + grad`), 단계마다 가중치가 `lr·buf`만큼 움직입니다."
    ),
    "resnet.chart.move.title_change": "가중치 이동 (자기 크기 대비)",
    "resnet.chart.move.title_buffer": "마지막 단계 뒤 모멘텀 버퍼",
    "resnet.chart.move.x_change": "‖ΔW‖ / ‖W‖, % (로그 눈금)",
    "resnet.chart.move.x_buffer": "‖buf‖ (L2 노름, 로그 눈금)",
    "resnet.chart.move.y": "레이어",
    "resnet.chart.move.no_buffer": "모멘텀 = 0: SGD가 버퍼를 두지 않습니다",
    "resnet.chart.move.change_text": "{percent} %",
    "resnet.move_caption": (
        "이 연습용 손실은 출력 1000개를 한꺼번에 끌어내리기 때문에 기울기가 큽니다. lr = {lr}에서는 "
        "가장 많이 움직인 레이어가 자기 크기의 {percent} %만큼 바뀌었습니다. 학습률을 낮추고 막대가 줄어드는 것을 보세요."
    ),
    "resnet.finetune_title": "6 · 미세 조정(finetuning): 신경망을 얼리고 새 fc만 학습하기",
    "resnet.finetune_text": (
        "사전 학습된 신경망을 새 작업(예: 클래스가 10개인 분류)에 다시 쓰려면, 파라미터를 모두 얼리고(freeze) "
        "마지막 레이어만 새것으로 바꿉니다. 그러면 새 레이어의 파라미터만 기울기를 필요로 합니다."
    ),
    "resnet.finetune_presence": "얼린 신경망에서 `loss.backward()`를 호출한 뒤, 레이어별로:",
    "resnet.col_layer": "레이어",
    "resnet.col_with_grad": ".grad가 생긴 텐서",
    "resnet.col_none": ".grad가 None",
    "resnet.finetune_counts": "학습되는 숫자는 {trainable}개이고, 나머지 {frozen}개는 얼려져서 `.grad`를 받지 않습니다.",
    "resnet.metric_speedup": "loss.backward()가 빨라진 배수",
    "resnet.chart.time.full": "신경망 전체",
    "resnet.chart.time.frozen": "얼린 신경망 + 새 fc",
    "resnet.chart.time.x": "loss.backward() 시간 (ms)",
    "resnet.chart.time.y": "모델",
    "resnet.chart.time.ms": "{value} ms",
    "resnet.time_caption": "이 서버에서 잰 값입니다. 각각 {repeats}번 실행한 중앙값이고 순전파 시간은 빼고 쟀습니다. 서버 부하에 따라 달라집니다.",
    "resnet.finetune_speed": (
        "`loss.backward()`가 약 **{speedup}배 빨라집니다**. autograd는 기울기가 필요한 텐서가 관여한 연산만 거슬러 올라가므로, "
        "`fc`에서 멈추고 얼린 레이어에는 들어가지 않습니다."
    ),
    "resnet.none_expander": ".grad가 None으로 남은 텐서 {count}개",
    "resnet.nograd_title": "7 · torch.no_grad(): 그래프 없이 순전파하기",
    "resnet.nograd_text": (
        "`with torch.no_grad():` 안에서는 autograd가 아무것도 기록하지 않습니다. 결과에 `grad_fn`이 없고, 역전파를 위해 저장해 두는 값도 없습니다. "
        "모델을 평가할 때, 그리고 가중치를 손으로 바꿀 때 씁니다."
    ),
    "resnet.col_call": "코드",
    "resnet.col_forward_ms": "순전파 시간",
    "resnet.shared_note": "방문자마다 신경망의 복사본을 따로 학습시키므로 원래 가중치는 바뀌지 않습니다. 같은 설정의 결과는 한 번만 계산해 함께 씁니다.",
}
