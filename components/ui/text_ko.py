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
    "nav.expression": "⑤ 나만의 함수",
    "nav.class": "수업 모드 (강사용)",
    "lang.label": "언어 · Language",
    "lang.ko": "한국어",
    "lang.en": "English",
    "common.cpu_note": "모든 계산은 이 서버의 CPU에서 실제 PyTorch로 실행됩니다.",
    # Issue #27: what goes deeper waits behind a closed expander of this name.
    "common.deeper": "더 알아보기: {topic}",
    "common.code_title": "지금 화면을 만드는 코드",
    "common.code_caption": "현재 슬라이더 값이 그대로 들어 있습니다. 복사해서 파이썬에서 실행하면 이 페이지와 같은 숫자가 나옵니다.",
    "common.match": "일치",
    "common.mismatch": "불일치",
    "predict.ask_title": "먼저 예측해 보세요",
    "predict.ask_caption": "예측을 입력하고 ‘정답 확인’을 누르세요. 그 전까지는 답이 드러나는 부분이 아래에서 가려집니다. 슬라이더는 그대로 쓸 수 있고, 답을 바꾸는 슬라이더를 움직이면 다시 묻습니다.",
    "predict.guess_label": "내 예측: {label}",
    "predict.choice_label": "내 답: {label}",
    "predict.guess_placeholder": "숫자",
    "predict.reveal": "정답 확인",
    "predict.tolerance": "PyTorch 답의 1 % 또는 ±0.01 중 더 넓은 범위 안이면 맞은 것으로 칩니다.",
    "predict.problem.empty": "먼저 숫자를 입력한 뒤 ‘정답 확인’을 누르세요.",
    "predict.problem.not_number": "숫자가 아닙니다. 36이나 -1.5 같은 숫자를 입력한 뒤 ‘정답 확인’을 누르세요.",
    "predict.problem.not_finite": "NaN과 ∞는 채점할 수 없습니다. 보통의 숫자를 입력한 뒤 ‘정답 확인’을 누르세요.",
    "predict.problem.too_long": "입력이 너무 깁니다. 보통의 숫자를 입력한 뒤 ‘정답 확인’을 누르세요.",
    "predict.problem.no_choice": "먼저 답을 하나 고른 뒤 ‘정답 확인’을 누르세요.",
    "predict.problem.not_choice": "보기에 없는 답입니다. 하나를 고른 뒤 ‘정답 확인’을 누르세요.",
    "predict.right_number": "✓ 맞았습니다. PyTorch: {label} = **{answer}**, 내 예측: {guess} (±{tolerance} 안).",
    "predict.wrong_number": "✗ 아쉽습니다. PyTorch: {label} = **{answer}**, 내 예측: {guess}. ±{tolerance} 안이어야 맞습니다.",
    "predict.right_choice": "✓ 맞았습니다. 내 답: {guess}. PyTorch: **{answer}**.",
    "predict.wrong_choice": "✗ 아쉽습니다. 내 답: {guess}. PyTorch: **{answer}**.",
    "predict.hidden": "위에서 {labels}의 정답을 확인할 때까지 가려 둡니다. 이 부분에 답이 나오기 때문입니다.",
    "predict.summary_title": "내 예측 기록",
    "predict.col_question": "질문",
    "predict.col_guess": "내 예측",
    "predict.col_answer": "PyTorch",
    "predict.not_revealed": "아직 확인 전",
    "predict.score": "이 페이지 점수: 확인한 {revealed}개 중 **{right}개 정답** (질문은 모두 {asked}개).",
    "predict.session_score": "이번 세션의 모든 단원: {revealed}개 중 {right}개 맞힘. 예측은 이 브라우저 탭에만 저장됩니다.",
    "predict.session_score_class": (
        "이번 세션의 모든 단원: {revealed}개 중 {right}개 맞힘. 수업 중에는 보낸 답이 이름 없이 수업 서버에 저장되고, "
        "수업이 지워질 때까지 남습니다."
    ),
    "predict.on": "켜짐",
    "predict.off": "꺼짐",
    "top.lessons": "단원 목록",
    "top.reset": "튜토리얼 값으로",
    "top.reset_help": "이 페이지의 값을 모두 튜토리얼의 값으로 되돌립니다. 주소창도 함께 바뀝니다.",
    "top.next": "다음 단원: {title}",
    "top.last": "마지막 단원까지 마쳤습니다. 처음 화면으로 돌아가기",
    "share.title": "이 화면 공유하기",
    "share.text": "휴대폰 카메라로 QR 코드를 찍으면 이 화면이 같은 값으로 열립니다.",
    "share.enlarge": "QR 코드 크게 보기",
    "share.unreachable.loopback_only": "서버가 이 컴퓨터(127.0.0.1)에서 오는 접속만 받고 있어 학생 휴대폰에서는 접속할 수 없습니다. `--server.address 0.0.0.0`으로 다시 실행하거나 환경 변수 `{env}`에 학생들이 접속할 주소를 넣어 주세요.",
    "share.unreachable.no_lan": "이 컴퓨터의 네트워크 주소를 찾지 못해 학생 휴대폰에서 열 수 있는 링크를 만들 수 없습니다. 환경 변수 `{env}`에 학생들이 접속할 주소를 넣어 주세요.",
    "share.unreachable.unknown": "이번 실행에서는 서버 주소를 알 수 없어 QR 코드를 만들지 않았습니다. 환경 변수 `{env}`에 학생들이 접속할 주소를 넣어 주세요.",
    "url.empty": "URL의 `{name}=` → {value}: 값이 비어 있어 기본값을 씁니다.",
    "url.too_long": "URL의 `{name}` → {value}: 값이 너무 길어 기본값을 씁니다.",
    "url.not_number": "URL의 `{name}` = {raw} → {value}: 숫자가 아니어서 기본값을 씁니다.",
    "url.not_finite": "URL의 `{name}` = {raw} → {value}: 유한한 수가 아니어서 기본값을 씁니다.",
    "url.clamped": "URL의 `{name}` = {raw} → {value}: 허용 범위를 벗어나 가장 가까운 값으로 맞췄습니다.",
    "url.snapped": "URL의 `{name}` = {raw} → {value}: 슬라이더 눈금에 맞췄습니다.",
    "url.not_choice": "URL의 `{name}` = {raw} → {value}: 없는 선택지라서 기본값을 씁니다.",
    "url.not_bool": "URL의 `{name}` = {raw} → {value}: 1이나 0이 아니어서 기본값을 씁니다.",
    "url.not_valid": "URL의 `{name}` = {raw} → {value}: {reason} 그래서 기본값을 씁니다.",
    "url.malformed": "URL의 `{name}` = {raw}: 형식에 맞지 않아 무시합니다.",
    # --- controls -----------------------------------------------------------
    "control.a1": "a₁ (a[0])",
    "control.a1.help": "텐서 a의 첫 번째 요소. 튜토리얼의 값은 2입니다.",
    "control.a2": "a₂ (a[1])",
    "control.a2.help": "텐서 a의 두 번째 요소. 튜토리얼의 값은 3입니다.",
    "control.b1": "b₁ (b[0])",
    "control.b1.help": "텐서 b의 첫 번째 요소. 튜토리얼의 값은 6입니다.",
    "control.b2": "b₂ (b[1])",
    "control.b2.help": "텐서 b의 두 번째 요소. 튜토리얼의 값은 4입니다.",
    "control.v1": "v₁ (gradient[0])",
    "control.v1.help": "Q.backward(gradient=v)에 넘기는 v의 첫 번째 요소로, Q₁의 미분에 곱해지는 값입니다.",
    "control.v2": "v₂ (gradient[1])",
    "control.v2.help": "Q.backward(gradient=v)에 넘기는 v의 두 번째 요소로, Q₂의 미분에 곱해지는 값입니다.",
    "control.expr": "f(a, b) =",
    "control.expr.help": "a와 b로 된 나만의 함수입니다. 예: 3*a**3 - b**2, sigmoid(a*b). 요소마다 따로 적용됩니다.",
    "control.calls": "backward() 호출 횟수",
    "control.calls.help": "같은 텐서에서 backward()를 몇 번 부를지 정합니다.",
    "control.zero": "호출 사이마다 .grad 초기화",
    "control.zero.help": "켜면 호출 전마다 `a.grad = None`으로 기울기를 초기화합니다(0으로 채우는 것이 아니라 텐서를 버립니다). 끄면 기울기가 계속 더해집니다.",
    "control.graph": "그래프 재사용 방법",
    "control.graph.help": "호출 전마다 Q를 새로 계산할지, retain_graph=True로 그래프를 남겨 둘지 고릅니다.",
    "control.graph.rebuild": "매번 Q 다시 계산",
    "control.graph.retain": "retain_graph=True",
    "control.lr": "학습률 (lr)",
    "control.lr.help": (
        "optim.step() 한 번에 얼마나 크게 움직일지 정합니다. 모멘텀이 0이면 각 파라미터가 기울기의 반대 방향으로 lr × 기울기만큼 움직입니다. 튜토리얼의 값은 0.01입니다."
    ),
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
    "control.predict": "예측 모드: 먼저 예측하고 확인하기",
    "control.predict.help": "현재 설정에 대한 질문을 먼저 하고, 정답을 확인할 때까지 답을 가려 둡니다.",
    "control.objective.rosenbrock": "로젠브록 함수",
    # --- home ---------------------------------------------------------------
    "home.title": "torch.autograd, 직접 만져 보며 배우기",
    "home.intro": (
        "신경망을 학습시킨다는 것은 손실을 줄이는 쪽으로 파라미터를 조금씩 고치는 일입니다. "
        "그러려면 각 파라미터가 손실에 얼마나 영향을 주는지, 즉 **기울기**를 알아야 합니다. "
        "`torch.autograd`는 이 기울기를 자동으로 계산해 줍니다."
    ),
    "home.forward": "**순전파**: 입력을 신경망의 레이어에 차례로 통과시켜 예측값을 만드는 계산입니다.",
    "home.backward": (
        "**역전파**: 예측이 얼마나 틀렸는지(손실)에서 출발해 연쇄 법칙(체인룰)으로 거슬러 올라가며, "
        "각 파라미터의 기울기를 구해 `.grad`에 채우는 계산입니다."
    ),
    "home.lessons": "단원 순서",
    "home.lesson.resnet": "사전 학습된 ResNet18에 임의의 이미지를 넣고 `loss.backward()`와 `optim.step()`을 한 번씩 실행해 봅니다. 학습 한 단계 전후의 손실을 비교합니다.",
    "home.lesson.gradients": "`Q = 3a³ − b²`에서 autograd가 구한 `a.grad`, `b.grad`를 손으로 푼 9a², −2b와 나란히 놓고, 벡터 Q에 왜 `gradient=` 인자가 필요한지 알아봅니다.",
    "home.lesson.accumulation": "`backward()`를 여러 번 부르면 기울기가 더해진다는 것을 눈으로 확인하고, `zero_grad()`가 왜 필요한지 봅니다.",
    "home.lesson.optimizer": "학습률과 모멘텀을 바꿔 가며 `optim.step()` 전후의 손실과 이동 경로를 비교합니다.",
    "home.lesson.expression": "직접 f(a, b)를 입력해 autograd의 기울기를 SymPy의 정확한 도함수, 유한 차분과 나란히 놓고, 셋이 어디서 갈라지는지(꺾인 점, 0에서의 sqrt와 log, 0으로 나누기) 확인합니다.",
    "home.open": "열기",
    "home.how": (
        "슬라이더를 움직일 때마다 페이지가 PyTorch 코드를 다시 실행합니다. "
        "주소 표시줄의 URL에는 지금 설정이 모두 담겨 있어, 그대로 공유하면 같은 화면이 열립니다."
    ),
    "home.video": "역전파를 그림으로 이해하고 싶다면 [3Blue1Brown의 역전파 영상]({url})을 추천합니다.",
    "home.cpu": "이 실습실은 GPU 없이 CPU만으로 동작합니다.",
    "home.versions": "실행 중인 버전: PyTorch {torch} · torchvision {torchvision} · Streamlit {streamlit} · CPU 스레드 {threads}개",
    "home.source": "원본 튜토리얼: PyTorch 한국어 튜토리얼 「torch.autograd 쉽게 배우기」",
    # --- class (instructor page and students in a class) --------------------
    "class.title": "수업 모드: 교실 전체에 묻기",
    "class.intro": (
        "강의 중에 교실 전체가 같은 확인 문제에 답하게 하고, 답이 어떻게 퍼져 있는지 본 다음 "
        "정답을 공개합니다. 학생은 이름 없이 참여하며, 각자의 답은 아무에게도 보이지 않습니다."
    ),
    "class.db_error": "지금은 수업 데이터베이스가 응답하지 않습니다(서버의 AUTOGRAD_LAB_DB 설정을 확인하세요). 이 페이지는 {seconds}초마다 다시 연결을 시도하고, 연결되면 저절로 이어집니다.",
    "class.reveal_failed": "수업 데이터베이스가 응답하지 않아 정답을 공개하지 못했습니다. 잠시 뒤에 ‘수업에 공개’를 다시 눌러 주세요.",
    "class.need_key": "이 수업의 답을 보려면 수업을 만들 때 받은 강사용 링크(키가 들어 있는 링크)로 여세요.",
    "class.how": (
        "**수업 시작**을 누르면 6자리 참여 코드와 강사 키가 만들어집니다. "
        "학생들은 QR 코드나 링크로 예측 모드의 단원에 들어와 답을 보내고, "
        "이 페이지에서는 확인 문제마다 답한 학생 수와 답의 분포를 실시간으로 봅니다. "
        "**수업에 공개**를 누르면 모든 학생의 화면에 정답이 나타납니다."
    ),
    "class.start": "수업 시작",
    "class.start_refused.client": "최근 1분 동안 이곳에서 시작한 수업이 너무 많습니다(1분에 최대 {count}개). 1분쯤 기다렸다가 ‘수업 시작’을 다시 누르세요.",
    "class.start_refused.total": "이 서버가 한 번에 둘 수 있는 수업 {count}개가 모두 진행 중이라 새 수업을 시작할 수 없습니다. 오래된 수업이 지워진 뒤에 ‘수업 시작’을 다시 누르세요.",
    "class.privacy": "이름, 주소, 브라우저 정보는 저장하지 않습니다. 수업과 답은 {hours}시간 뒤에 지워집니다.",
    "class.key_warning": (
        "아래 강사용 링크를 지금 저장하세요. 키는 이번 한 번만 보여 주며 서버에는 해시로만 남으므로 "
        "다시 찾을 수 없습니다. 이 링크를 가진 사람은 누구나 답을 보고 정답을 공개할 수 있으니 "
        "학생들과 공유하지 마세요."
    ),
    "class.key_not_projected": "발표 화면에서는 키가 들어 있는 강사용 링크를 보여 주지 않습니다. 프로젝터에 비치지 않는 화면에서 ‘발표 화면’을 끄면 링크를 한 번만 보여 줍니다.",
    "class.lesson": "학생들이 풀 단원",
    "class.code_label": "참여 코드",
    "class.join_how": "학생들은 QR 코드를 찍거나 아래 링크를 엽니다. 예측 모드가 켜진 채로 이 수업에 들어옵니다.",
    "class.present_title": "단원 발표하기",
    "class.present_how": "아래 링크를 누르면 그 단원이 발표 화면으로 열리고, 참여한 학생들의 화면도 같은 단원, 같은 슬라이더 값으로 바뀝니다. 링크에는 강사 키가 들어 있지 않습니다. 키는 이 브라우저 탭에만 있으니 링크를 같은 탭에서 여세요. 발표 중인 단원을 새로 고침하면 발표가 멈춥니다. 그때는 여기로 돌아와 링크를 다시 누르세요.",
    "class.present_link": "{title} 발표하기",
    "class.qr_caption": "참여 링크의 QR 코드",
    # --- the lesson plan (instructor on a lesson page, and on /class) --------
    "plan.title": "수업 계획",
    "plan.position": "{current} / {total}",
    "plan.position_off": "– / {total}",
    "plan.previous": "이전",
    "plan.next": "다음",
    "plan.add": "이 화면 추가",
    "plan.add.help": "지금 보이는 단원을 슬라이더 값까지 그대로 수업 계획 맨 끝에 넣습니다. 이미 계획에 있는 화면이면 누를 수 없습니다.",
    "plan.added": "수업 계획의 {position}번째 화면으로 넣었습니다.",
    "plan.exists": "이 화면은 이미 수업 계획의 {position}번째에 있습니다.",
    "plan.full": "수업 계획에는 화면을 {count}개까지만 넣을 수 있습니다. /class에서 필요 없는 화면을 먼저 빼 주세요.",
    "plan.db_error": "수업 데이터베이스가 응답하지 않아 수업 계획을 읽거나 바꾸지 못했습니다. 잠시 뒤에 다시 눌러 주세요.",
    "plan.class_title": "수업 계획",
    "plan.class_caption": "수업에서 보여 줄 화면을 순서대로 모아 두는 곳입니다. 이 페이지의 단원 메뉴로 단원을 열면 강사 키가 함께 넘어가고, 화면 위쪽에 ‘수업 계획’ 줄이 생깁니다. ‘이 화면 추가’를 누를 때마다 그 단원과 슬라이더 값이 여기에 차례로 쌓입니다. 발표할 때는 ‘다음’과 ‘이전’으로 한 화면씩 넘기면 됩니다. 계획은 수업과 함께 저장되고, 수업이 지워질 때 같이 지워집니다.",
    "plan.class_empty": "아직 계획에 넣은 화면이 없습니다.",
    "plan.current": "현재",
    "plan.defaults": "기본값",
    "plan.up": "위로",
    "plan.down": "아래로",
    "plan.remove": "빼기",
    "plan.open": "발표하기",
    "plan.open.help": "이 화면을 지금 탭에서 발표 화면으로 엽니다. 계획의 ‘다음’과 ‘이전’은 이 화면부터 이어집니다.",
    "plan.export_title": "링크 목록으로 내보내기",
    "plan.export_caption": "학생용 링크를 한 줄에 하나씩 적었습니다. 강사 키가 들어 있지 않으니 학생에게 그대로 보내도 됩니다. 다음에 새 수업을 시작하고 이 목록을 ‘지난 계획 불러오기’에 붙여 넣으면 같은 계획이 만들어집니다.",
    "plan.download": "링크 목록 내려받기(.txt)",
    "plan.reuse_title": "지난 계획 불러오기",
    "plan.paste": "링크 목록 붙여 넣기",
    "plan.paste.help": "한 줄에 링크를 하나씩 넣으세요. 단원 링크만 읽고 그 안의 값도 모두 다시 확인합니다. 단원 링크가 아닌 줄은 건너뜁니다.",
    "plan.fill": "계획에 넣기",
    "plan.filled": "화면 {count}개를 계획에 넣었습니다.",
    "plan.fill_none": "붙여 넣은 글에서 단원 링크를 찾지 못했습니다.",
    "plan.fill_skipped": "단원 링크가 아닌 줄 {count}개({lines}번째 줄)는 건너뛰었습니다.",
    "plan.fill_fixed": "잘못된 값({names})은 기본값이나 허용 범위 안의 가장 가까운 값으로 바꿨습니다.",
    "plan.fill_repeated": "겹치는 화면 {count}개는 한 번만 넣었습니다.",
    "plan.fill_over": "계획에는 화면을 {limit}개까지만 넣을 수 있어 {count}개는 넣지 못했습니다.",
    "plan.fill_cut": "붙여 넣은 글이 너무 길어 앞의 {lines}줄({chars}자 이내)만 읽었습니다.",
    "class.live_title": "확인 문제별 답",
    "class.live_caption": "{seconds}초마다 저절로 새로 고칩니다.",
    "class.show_answer": "차트에 정답 표시",
    "class.show_answer.help": "화면을 프로젝터로 보여 주고 있다면 꺼 두세요. 공개한 확인 문제에는 항상 정답이 표시됩니다.",
    "class.answer_count": "답한 학생: **{count}명**",
    "class.no_answers": "아직 답이 없습니다.",
    "class.reveal": "수업에 공개",
    "class.revealed": "공개함",
    "class.chart_x": "학생들의 예측값",
    "class.chart_y": "학생 수",
    "class.chart_right": "맞힘",
    "class.chart_wrong": "틀림",
    "class.chart_guesses": "예측",
    "class.chart_answer": "PyTorch의 답: {value}",
    "class.other_settings": "{count}명은 슬라이더 값을 바꿔서 다른 정답에 대해 답했습니다(맞고 틀림은 각자의 정답으로 판정).",
    "class.report.title": "수업 보고서",
    "class.report.caption": "답이 하나라도 들어온 확인 문제를 단원 순서대로 정리했습니다. 맞고 틀림은 예측 모드와 같은 기준으로, 학생마다 자기 화면에 나온 정답과 견주어 판정합니다. 보고서에는 인원수만 들어 있고 학생을 알아볼 수 있는 정보는 없습니다. {seconds}초마다 저절로 새로 고칩니다.",
    "class.report.presenting": "발표 화면에서는 수업에 공개한 확인 문제만 보여 줍니다. 나머지는 발표 화면을 끄면 보입니다.",
    "class.report.empty": "아직 답이 들어온 확인 문제가 없습니다.",
    "class.report.download": "보고서를 CSV로 내려받기",
    "class.report.col.lesson": "단원",
    "class.report.col.checkpoint": "확인 문제 ID",
    "class.report.col.question": "확인 문제",
    "class.report.col.answers": "답한 학생",
    "class.report.col.right": "맞힌 학생",
    "class.report.col.share": "정답률",
    "class.report.col.fraction": "정답률(0~1)",
    "class.report.col.wrong": "자주 나온 오답(인원)과 오개념",
    "class.report.col.rank": "오답 순위",
    "class.report.col.wrong_answer": "오답",
    "class.report.col.wrong_count": "오답 인원",
    "class.report.col.misconception": "오개념",
    "class.report.wrong_item": "{answer} ({count}명): {misconception}",
    "class.report.wrong_sep": " · ",
    "class.report.none_wrong": "틀린 학생 없음",
    "class.report.why.a1_grad.forgot_v": "v를 곱하지 않음(9a₁²)",
    "class.report.why.a1_grad.q_value": "기울기 대신 Q₁의 값을 답함",
    "class.report.why.a1_grad.power_rule": "거듭제곱 미분에서 계수 3을 빠뜨림",
    "class.report.why.a1_grad.b_grad": "a 대신 b의 기울기를 답함",
    "class.report.why.a1_grad_calls.overwrite": "`.grad`가 더해지지 않고 덮어쓰인다고 생각함",
    "class.report.why.a1_grad_calls.no_reset": "초기화를 켜도 `.grad`가 쌓인다고 생각함",
    "class.report.why.a1_grad_calls.zero_after": "초기화가 호출 뒤에 일어난다고 생각함",
    "class.report.why.second_backward.adds": "그래프가 해제된 뒤에도 두 번째 호출이 `.grad`에 또 더한다고 생각함",
    "class.report.why.second_backward.same": "두 번째 호출이 오류 없이 아무 일도 하지 않는다고 생각함",
    "class.report.why.second_backward.zero": "`.grad`가 저절로 0이 된다고 생각함",
    "class.report.why.a1_after_step.plus_sign": "기울기 방향(오르막)으로 움직임",
    "class.report.why.a1_after_step.no_lr": "학습률을 곱하지 않음",
    "class.report.why.a1_after_step.no_move": "`optim.step()`이 a₁을 바꾸지 않는다고 생각함",
    "class.report.why.a1_after_step.change_only": "새 a₁ 대신 변화량만 답함",
    "class.report.why.a1_after_step.gradient_only": "새 a₁ 대신 기울기를 답함",
    "class.report.why.a1_after_step.momentum": "첫 단계에 모멘텀을 더함",
    "class.report.why.momentum_first_loss.lower": "모멘텀을 쓰면 첫 단계부터 손실이 더 빨리 줄어든다고 생각함",
    "class.report.why.momentum_first_loss.higher": "모멘텀 때문에 첫 단계부터 최저점을 지나친다고 생각함",
    "class.report.why.loss_after_step.lower": "한 단계면 손실이 반드시 줄어든다고 생각함(이번에는 학습률이 너무 커서 손실이 올라감)",
    "class.report.why.loss_after_step.higher": "기울기 반대 방향으로 조금 움직였는데도 손실이 커진다고 생각함",
    "class.report.why.loss_after_step.same": "한 단계로는 손실이 바뀌지 않는다고 생각함",
    "class.report.why.largest_grad_layer.conv1": "이미지 전체를 훑는 첫 레이어의 기울기가 가장 크다고 생각함",
    "class.report.why.largest_grad_layer.bn1": "파라미터가 128개뿐인 `bn1`의 기울기가 가장 크다고 생각함",
    "class.report.why.largest_grad_layer.fc": "손실에 가까운 레이어일수록 기울기가 크다고 생각함",
    "class.student.joined": "참여 중인 수업: **{code}**. ‘정답 확인’을 누르면 답이 강사에게 전송되고, 정답은 강사가 공개할 때 함께 보입니다.",
    "class.student.predict_locked": "수업 중에는 예측 모드를 끌 수 없습니다. 정답은 강사가 공개할 때 보입니다.",
    "class.student.unknown": "참여 코드가 “{code}”인 수업이 없거나 이미 끝났습니다. 혼자 하는 예측 모드로 계속합니다.",
    "class.student.db_error": "지금은 수업 데이터베이스가 응답하지 않습니다. 보내는 답은 이 페이지에 남겨 두었다가 다시 연결되는 대로 보냅니다. 연결은 {seconds}초마다 다시 확인합니다.",
    "class.student.waiting": "답을 보냈습니다(내 답: {guess}). 강사가 공개할 때까지 기다려 주세요. 그 전까지는 답을 고쳐 다시 보낼 수 있습니다.",
    "class.student.pending": "답을 아직 보내지 못했습니다(내 답: {guess}). 수업 데이터베이스가 응답하지 않아 {seconds}초마다 저절로 다시 보냅니다. 답은 이 페이지에 남아 있으니 기다리기만 하면 됩니다.",
    "class.student.send_hint": "수업 중에는 ‘정답 확인’을 누르면 답이 강사에게 전송되고, 정답은 강사가 공개할 때 나타납니다.",
    "class.student.revealed_unanswered": "강사가 이 확인 문제의 정답을 공개했습니다. 답을 고르고 ‘정답 확인’을 누르면 볼 수 있습니다(이제는 수업 집계에 들어가지 않습니다).",
    "class.student.too_fast": "답을 너무 빨리 연달아 보냈습니다. 잠시 뒤에 ‘정답 확인’을 다시 눌러 주세요.",
    "class.student.full": "이 수업은 정원(학생 {count}명)이 차서 답을 보내지 못했습니다. 이 페이지에서 혼자 계속하세요.",
    "class.student.invalid": "이 답은 수업에 보낼 수 없습니다(너무 큰 수). 보통 크기의 수로 다시 보내 주세요.",
    "class.student.gone": "수업이 끝나 답을 보낼 수 없습니다. 이 페이지에서 혼자 계속할 수 있습니다.",
    "class.student.local": "PyTorch의 답이 유한한 수가 아니라서 이 답은 수업 집계에 들어가지 않고 바로 공개됩니다.",
    "class.student.spread": "수업 전체의 답 분포 ({count}명). 각자의 답은 보이지 않고 막대의 높이만 보입니다.",
    "follow.toggle": "강사 화면 따라가기",
    "follow.toggle.help": "켜 두면 강사가 보여 주는 단원과 슬라이더 값으로 이 화면이 저절로 바뀝니다. 끄면 혼자 마음대로 살펴볼 수 있고, 다시 켜면 곧바로 강사 화면으로 돌아갑니다.",
    "follow.following": "강사 화면을 따라가는 중입니다. 강사가 단원을 바꾸거나 슬라이더를 움직이면 이 화면도 함께 바뀝니다.",
    "follow.exploring": "혼자 살펴보는 중입니다. ‘강사 화면 따라가기’를 켜면 강사 화면으로 돌아갑니다.",
    "follow.presenting": "수업 **{code}**의 학생 화면이 이 페이지를 따라옵니다.",
    "follow.publish_failed": "지금은 수업 데이터베이스가 응답하지 않아 학생 화면이 이 페이지를 따라오지 못합니다. 잠시 뒤에 저절로 다시 시도합니다.",
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
    "gradients.preset_tutorial_help": "튜토리얼이 예로 든 v(Q₁에 0.7, Q₂에 0.3)입니다.",
    "gradients.preset_ones_help": "Q.sum()과 같은 결과를 주는 가장 흔한 선택입니다.",
    "gradients.hand_title": "손으로 푼 미분",
    "gradients.hand_text": (
        "Q의 각 요소는 자기 위치의 a, b에만 의존합니다. 그래서 미분도 요소별로 나오고, "
        "`gradient=v`를 넘기면 각 요소의 미분에 v가 곱해집니다."
    ),
    "gradients.results_title": "autograd의 답과 손으로 푼 답",
    "gradients.col_element": "요소",
    "gradients.col_q": "Q",
    "gradients.col_autograd": "autograd",
    "gradients.col_hand": "손 계산",
    "gradients.col_check": "검사",
    "gradients.col_fd": "유한 차분",
    "gradients.check_caption": (
        "검사 열은 `torch.isclose(손 계산, .grad)`입니다. 튜토리얼처럼 `==`로 정확히 비교하면 "
        "a: {exact_a}, b: {exact_b}입니다. 유한 차분은 autograd 없이 구한 어림값 (f(x+ε) − f(x−ε)) / 2ε이며(ε: 작은 수), "
        "위의 답과 거의 같아야 합니다."
    ),
    "gradients.bars_title": "기울기 막대그래프",
    "gradients.bars_caption": "막대는 autograd가 계산한 `.grad`, 빨간 마름모는 손으로 푼 값입니다. 둘이 겹치면 일치하는 것입니다.",
    "gradients.chart.bars.title_a": "a.grad  (손 계산: 9a²·v)",
    "gradients.chart.bars.title_b": "b.grad  (손 계산: −2b·v)",
    "gradients.chart.bars.autograd": "autograd (.grad)",
    "gradients.chart.bars.hand_a": "9a²·v",
    "gradients.chart.bars.hand_b": "−2b·v",
    "gradients.chart.bars.y": "기울기 값",
    "gradients.tangent_caption": (
        "파란 곡선은 다른 값을 고정하고 한 요소만 바꿀 때의 Qᵢ이고, 주황 점선은 현재 점에서의 접선입니다. "
        "접선의 기울기가 곧 ∂Qᵢ/∂aᵢ (또는 ∂Qᵢ/∂bᵢ)이며, `.grad`에는 여기에 vᵢ를 곱한 값이 들어갑니다."
    ),
    "gradients.chart.tangent.title_a": "a{i}에 대한 Q{i}",
    "gradients.chart.tangent.title_b": "b{i}에 대한 Q{i}",
    "gradients.chart.tangent.x_a": "a{i}",
    "gradients.chart.tangent.x_b": "b{i}",
    "gradients.chart.tangent.y": "Q{i}",
    "gradients.chart.tangent.curve": "Qᵢ 곡선",
    "gradients.chart.tangent.tangent": "현재 점의 접선",
    "gradients.chart.tangent.slope": "접선의 기울기 {value}",
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
        "역전파는 **하나의 수**(스칼라)에서 출발해 연쇄 법칙을 적용합니다. 그런데 Q는 요소가 두 개인 벡터라서 "
        "어디서 출발할지가 정해져 있지 않습니다. 그래서 인자 없이 `Q.backward()`를 부르면 PyTorch가 실제로 다음 오류를 냅니다."
    ),
    "gradients.why_error_label": "Q.backward()를 실행했을 때 이 페이지에서 실제로 받은 오류:",
    "gradients.why_vjp": (
        "`gradient=v`는 \"Q를 받아 어떤 스칼라 L을 만드는 바깥 함수가 있다고 치고, 그 L을 Q로 미분한 값 ∂L/∂Q가 v다\"라는 뜻입니다. "
        "그러면 autograd는 연쇄 법칙으로 ∂L/∂a = vᵀ·(∂Q/∂a)를 계산합니다. 이것을 **벡터-야코비안 곱**(vector-Jacobian product)이라고 부릅니다. vᵀ는 v를 가로 한 줄로 눕힌 것이고, 야코비안 ∂Q/∂a는 모든 Qᵢ를 모든 aⱼ로 미분한 값을 모은 표입니다. "
        "v = [1, 1]이면 L = Q₁ + Q₂, 즉 `Q.sum()`과 같고, v = [0.7, 0.3]이면 Q₁을 더 중요하게 본 가중합 0.7·Q₁ + 0.3·Q₂가 됩니다."
    ),
    "gradients.sum_title": "Q.sum().backward()와 gradient=torch.ones_like(Q)는 같을까?",
    "gradients.sum_row_sum": "Q.sum().backward()",
    "gradients.sum_row_ones": "Q.backward(gradient=torch.ones_like(Q))",
    "gradients.sum_same": "두 방법의 `a.grad`, `b.grad`가 완전히 같습니다(`torch.equal` = True). 스칼라로 합치면 `gradient` 인자가 필요 없습니다.",
    "gradients.sum_differ": "두 방법의 결과가 다릅니다(`torch.equal` = False).",
    "gradients.predict.a1_grad.label": "`a.grad[0]`",
    "gradients.predict.a1_grad.question": "a₁ = {a1}, v₁ = {v1}일 때 `Q.backward(gradient=v)`를 실행하면 `a.grad[0]`은 얼마일까요?",
    "gradients.predict.a1_grad.question_class": "각자 화면의 a₁, v₁ 값으로 `Q.backward(gradient=v)`를 실행하면 `a.grad[0]`은 얼마일까요?",
    "gradients.predict.a1_grad.why": "a₁에 의존하는 요소는 Q₁ = 3a₁³ − b₁² 하나뿐이므로 `a.grad[0]` = v₁ · ∂Q₁/∂a₁ = v₁ · 9a₁² = {v1} × 9 × ({a1})² = {answer}입니다.",
    "gradients.predict.a1_grad.wrong": "`a.grad[0]`은 a₁에 대한 Q₁의 기울기(9a₁²)에 `gradient=v`의 첫 요소 v₁을 곱한 값입니다.",
    "gradients.predict.a1_grad.slip.forgot_v": "v를 빠뜨린 것 같습니다. `backward(gradient=v)`는 요소마다 미분값에 v를 곱하므로 답은 9a₁²가 아니라 9a₁² × v₁입니다.",
    "gradients.predict.a1_grad.slip.q_value": "그것은 Q₁ 자체의 값(b₁ = {b1}일 때 3a₁³ − b₁²)입니다. `.grad`에는 값이 아니라 기울기, 즉 a₁이 움직일 때 Q₁이 얼마나 빨리 변하는지가 담깁니다.",
    "gradients.predict.a1_grad.slip.power_rule": "거듭제곱 미분은 d(3a³)/da = 3 · 3a² = 9a²입니다. 앞의 계수 3도 그대로 곱해집니다.",
    "gradients.predict.a1_grad.slip.b_grad": "그것은 `b.grad[0]` = −2b₁ · v₁입니다. 질문은 a의 기울기를 묻습니다.",
    # --- expression -------------------------------------------------------
    "expression.title": "⑤ 나만의 함수",
    "expression.intro": (
        "직접 f(a, b)를 입력해 보세요. 튜토리얼의 Q = 3a³ − b²처럼 `requires_grad=True`인 텐서 "
        "a = (a₁, a₂), b = (b₁, b₂)에 요소마다 적용되고, 페이지가 `Q.backward(gradient=v)`를 "
        "호출합니다. 그렇게 얻은 autograd의 `a.grad`, `b.grad`를, 같은 식을 기호로 정확히 미분하는 "
        "컴퓨터 대수 시스템 SymPy의 답, 그리고 유한 차분과 비교합니다."
    ),
    "expression.grammar": (
        "쓸 수 있는 것: 숫자, a, b, +, −, *, /, ** (거듭제곱), 괄호, 함수 sin, cos, tan, exp, log, "
        "sqrt, abs, tanh, sigmoid, relu, 상수 pi와 e. 최대 200자입니다. 입력한 글은 파싱만 할 뿐 "
        "파이썬 코드로 실행하지 않습니다."
    ),
    "expression.kept": "마지막으로 올바르게 입력한 함수({expr})가 화면에 그대로 남아 있습니다.",
    "expression.typed.empty": "입력란이 비어 있습니다. a와 b로 된 함수를 입력하세요.",
    "expression.typed.too_long": "함수가 200자보다 깁니다.",
    "expression.presets": "이런 함수를 넣어 보세요",
    "expression.preset_tutorial": "3a³ − b²",
    "expression.preset_tutorial_help": "튜토리얼의 Q, a = [2, 3], b = [6, 4]에서.",
    "expression.preset_sigmoid": "sigmoid(ab)",
    "expression.preset_sigmoid_help": "매끄러운 함수라 세 답이 모두 일치합니다.",
    "expression.preset_relu": "relu(a) − b²",
    "expression.preset_relu_help": "a₁ = 0이 relu의 꺾인 점에 놓입니다.",
    "expression.preset_sqrt": "√(a²+b²), 0에서",
    "expression.preset_sqrt_help": "원점까지의 거리를 a₁ = b₁ = 0에서(그리고 3-4-5 점에서) 봅니다.",
    "expression.preset_log": "log(a), a < 0",
    "expression.preset_log_help": "음수의 log(a₁ = −1)와 양수의 log(a₂ = 2)를 나란히 봅니다.",
    "expression.controls_a": "텐서 a",
    "expression.controls_b": "텐서 b",
    "expression.controls_v": "gradient 인자 v",
    "expression.oracle_title": "autograd, SymPy, 유한 차분",
    "expression.oracle_text": (
        "각 행에 세 가지 답을 나란히 놓았습니다. autograd의 `.grad`, 그 점에서 SymPy가 구한 정확한 "
        "도함수에 v(`Q.backward(gradient=v)`에 넘긴 값)를 요소마다 곱한 값, 그리고 float64로 "
        "계산한 중심 유한 차분 (f(x+h) − f(x−h)) / 2h입니다. ✓는 autograd와 SymPy가 float32 "
        "반올림 오차 안에서 같다는 뜻이고, ✗는 다르다는 뜻입니다."
    ),
    "expression.dash.no_value": "표의 –는 그 점에서 SymPy의 도함수에 실수 값이 없어 비교할 값이 없다는 표시입니다(이유는 SymPy 열에 있습니다).",
    "expression.dash.autograd_nan": "SymPy 값 옆의 –는 autograd가 NaN(숫자가 아님)을 내놓아 둘을 비교할 수 없다는 표시입니다. NaN이 어디서 생겼는지는 아래 절에 적었습니다.",
    "expression.dash.not_computed": "표의 –는 그 점에서 SymPy가 값을 계산하지 않았다는 표시입니다(이유는 SymPy 열에 있습니다). 여기서는 autograd를 유한 차분과만 비교할 수 있습니다.",
    "expression.point": "a = {a}, b = {b}, v = {v}에서:",
    "expression.col_check": "확인",
    "expression.col_fd": "유한 차분",
    "expression.sympy.undefined": "정의되지 않음",
    "expression.sympy.complex": "실수가 아님",
    "expression.sympy.skipped": "계산하지 못함(정확한 값이 너무 커짐)",
    "expression.sympy.timeout": "답 없음",
    "expression.sympy.infinite": "무한대",
    "expression.sympy_timeout": "SymPy가 제한 시간 안에 끝내지 못해 SymPy 열이 비어 있습니다. autograd와 유한 차분은 그대로 보여 줍니다.",
    "expression.sympy_timeout_known": "SymPy가 앞서 이 함수를 제한 시간 안에 끝내지 못했으므로 다시 계산하지 않습니다. SymPy 열은 비어 있고, autograd와 유한 차분은 그대로 보여 줍니다.",
    "expression.sympy_busy": "지금은 SymPy가 다른 계산을 하느라 바빠서 이번에는 SymPy 열이 비어 있습니다. 값을 바꾸거나 페이지를 새로 고치면 다시 계산합니다.",
    "expression.sympy_failed": "SymPy가 이 함수를 미분하지 못해 SymPy 열이 비어 있습니다. autograd와 유한 차분은 그대로 보여 줍니다.",
    "expression.latex_too_long": "도함수가 너무 길어 여기에 다 적지 않았습니다. 값은 표에 있습니다.",
    "expression.unused": "f가 {names}을(를) 쓰지 않습니다. 그 텐서는 그래프에 들어가지 않으므로 PyTorch에서 `.grad`가 `None`으로 남고, 표에는 0으로 적었습니다.",
    "expression.events_title": "autograd와 미적분이 갈라지는 곳",
    "expression.smooth": "두 점 모두에서 꺾인 점, 0으로 나누기, 오버플로가 없고 autograd가 SymPy와 모두 일치합니다. 여기서는 autograd가 미적분과 정확히 같습니다.",
    "expression.unchecked": "두 점 모두에서 꺾인 점, 0으로 나누기, 오버플로가 없습니다. SymPy의 답이 없으므로(위 참고) autograd는 유한 차분과만 비교할 수 있습니다.",
    "expression.partly_checked": "두 점 모두에서 꺾인 점, 0으로 나누기, 오버플로가 없고, SymPy에 값이 있는 곳에서는 autograd가 SymPy와 모두 일치합니다(나머지는 위 표에 –로 표시했습니다).",
    "expression.rounding": "두 점 모두에서 꺾인 점, 0으로 나누기, 오버플로는 없지만 일부 숫자가 float32 반올림 오차보다 크게 다릅니다(위의 ✗). 아주 크거나 거의 상쇄되는 값은 float32에서 자릿수를 잃지만, SymPy는 정확히 계산합니다.",
    "expression.event.abs_zero": "요소 {i}: abs에 정확히 0이 들어갑니다({where}에서). abs는 0에서 꺾여 있어 미적분으로는 도함수가 없습니다. torch는 올바른 서브그래디언트(subgradient) 중 하나인 0을 쓰고 그 값을 연쇄 법칙으로 전달합니다. SymPy의 sign(0)도 0이고, 중심 유한 차분은 양쪽 기울기의 평균을 냅니다.",
    "expression.event.relu_zero": "요소 {i}: relu에 정확히 0이 들어갑니다({where}에서). relu는 0에서 꺾여 있어 미적분으로는 도함수가 없습니다. torch는 왼쪽 기울기 0을 씁니다. SymPy는 relu의 기울기를 계단 함수 θ로 쓰고 θ(0) = 1/2로 정하며, 중심 유한 차분은 기울기 0과 1의 평균을 냅니다.",
    "expression.event.sqrt_zero": "요소 {i}: sqrt에 정확히 0이 들어갑니다({where}에서). sqrt(x)의 도함수 1/(2·sqrt(x))는 0에서 무한대입니다. autograd는 ∞를 곱하고, 연쇄 법칙에서 0을 만나면(a = 0에서 a²의 기울기 2a처럼) ∞ · 0 = NaN이 됩니다. 미적분은 여기서 극한을 구하지만 autograd는 극한을 구하지 않습니다.",
    "expression.event.sqrt_negative": "요소 {i}: sqrt에 음수 {value}이(가) 들어갑니다({where}에서). 음수의 제곱근은 실수가 아니므로 torch는 f와 기울기를 NaN(숫자가 아님)으로 돌려줍니다.",
    "expression.event.log_zero": "요소 {i}: log에 정확히 0이 들어갑니다({where}에서). torch는 log(0) = −∞, 기울기 1/x = ∞를 주지만, 미적분에서는 0에서 값도 도함수도 없습니다.",
    "expression.event.log_negative": "요소 {i}: log에 음수 {value}이(가) 들어갑니다({where}에서). 실수에서 log는 여기서 정의되지 않으므로 f는 NaN(숫자가 아님)입니다. 그런데 autograd의 log 역전파 규칙은 x로 나누기만 할 뿐 정의역을 확인하지 않아서, `.grad`는 SymPy의 공식 1/x와 같은 평범한 숫자가 될 수 있습니다. 유한 차분은 NaN을 봅니다.",
    "expression.event.div_zero": "요소 {i}: 나누는 수 {where}이(가) 정확히 0입니다. torch는 IEEE 부동소수점 규칙을 따라 x / 0은 ±∞, 0 / 0은 NaN(숫자가 아님)이 되고, 기울기 1/y와 −x/y²도 같은 식으로 커집니다. 미적분에서는 f의 값 자체가 없습니다.",
    "expression.event.pow_zero": "요소 {i}: 밑 {where}이(가) 정확히 0이고 지수가 1보다 작습니다. 도함수 p·x^(p−1)가 0에서 무한대라서 autograd는 여기서 ∞를 만납니다(연쇄 법칙에서 0과 곱해지면 NaN).",
    "expression.event.pow_negative": "요소 {i}: 밑 {where} = {value}이(가) 음수이고 지수가 정수가 아닙니다. 이 거듭제곱은 실수 값이 없어 torch는 NaN(숫자가 아님)을 돌려줍니다.",
    "expression.event.pow_log": "요소 {i}: 지수가 a나 b에 따라 달라지는데 밑 {where} = {value}이(가) 음수입니다. 지수를 거쳐 오는 기울기 x^p · log(x)는 x가 음수이면 실수 값이 없으므로, torch는 그 자리에 NaN(숫자가 아님)을 줍니다.",
    "expression.event.pow_log_zero": "요소 {i}: 지수가 a나 b에 따라 달라지고, 밑 {where}이(가) 정확히 0이며 지수는 양수입니다. p > 0이면 언제나 0^p = 0이라서 지수가 움직여도 거듭제곱 값은 그대로입니다. 그래서 지수를 거쳐 오는 기울기는 미적분으로도 0이고, torch도 0을 줍니다. 다만 공식 x^p · log(x)에 바로 이 점을 넣으면 0 · (−∞)가 되므로, 이 점에서 공식으로 계산하는 값(SymPy 열처럼)은 비어 있을 수 있습니다.",
    "expression.event.pow_log_zero_jump": "요소 {i}: 지수가 a나 b에 따라 달라지고, 밑 {where}이(가) 정확히 0이며 지수는 0 이하입니다. 여기서는 거듭제곱 값이 지수에 대해 불연속이라, 지수가 조금만 움직여도 값이 갑자기 달라집니다(0^p는 p > 0이면 0, p = 0이면 1, p < 0이면 ∞). 그래서 미적분으로는 지수에 대한 편미분이 없습니다. torch는 지수가 정확히 0이면 그 부분에 0을, 음수이면 −∞를 줍니다.",
    "expression.event.overflow": "요소 {i}: {where}의 값이 float32가 담을 수 있는 크기(약 3.4 · 10³⁸)를 넘어 torch는 ∞를 줍니다. 그 뒤의 덧셈이나 곱셈은 NaN이 될 수 있습니다(∞ − ∞, 0 · ∞). SymPy는 정확히 계산하므로 이런 한계가 없습니다.",
    "expression.event.not_finite": "요소 {i}: 여기서 f나 기울기가 NaN 또는 ∞입니다. 계산 도중의 값이 float32 범위를 벗어났거나 실수 값이 없었기 때문입니다.",
    "expression.event_numbers": "요소 {i}의 숫자: f = {q}. autograd a.grad = {a_grad}, b.grad = {b_grad}. SymPy ∂f/∂a·v = {a_sympy}, ∂f/∂b·v = {b_sympy}. 유한 차분 {a_fd}, {b_fd}.",
    "expression.curve_title": "a₁을 따라 본 f와 autograd가 그리는 접선",
    "expression.curve_caption": "주황색 접선의 기울기는 b₁을 {b1}에 고정하고 a₁ = {a1}에서 autograd가 구한 ∂f/∂a₁ = {slope}입니다. 여기에 v₁(= {v1})을 곱하면 `a.grad[0]` = v₁ × 접선의 기울기 = {grad}입니다.",
    "expression.curve_caption_none": "a₁ = {a1}에서는 접선을 그리지 않습니다. 그 점의 f나 접선의 기울기가 {slope}(으)로 유한한 숫자가 아니기 때문입니다(위 절 참고).",
    "expression.curve_gaps": "곡선이 끊긴 곳은 f가 유한한 실수 값을 갖지 않는 곳입니다.",
    "expression.chart.title": "a₁을 움직일 때의 f(a₁, b₁) (b₁ 고정)",
    "expression.chart.x": "a₁",
    "expression.chart.y": "f(a₁, b₁)",
    "expression.chart.curve": "f",
    "expression.chart.tangent": "접선 (autograd가 구한 편미분)",
    "expression.chart.slope": "접선의 기울기 {value}",
    "expression.graph_title": "역전파 그래프 (실제 Q.grad_fn에서 읽음)",
    "expression.graph_caption": (
        "각 상자는 autograd가 f를 계산하면서 기록한 실제 `Q.grad_fn` 사슬의 노드입니다. 기울기는 맨 위의 "
        "Q에서 출발해 `AccumulateGrad`까지 내려가고, 거기서 `a.grad`와 `b.grad`에 기록됩니다. "
        "“도착한 기울기”는 `Q.backward(gradient=v)` 동안 각 노드에 도착한 값입니다."
    ),
    "expression.graph_none": "f가 a나 b에 아무 연산도 하지 않아(a나 b 자체이거나 상수) autograd가 그릴 그래프를 기록하지 않았습니다.",
    "expression.graph.output": "Q = {value}\n(시작 기울기 = v)",
    "expression.graph.grad_in": "도착한 기울기 = {value}",
    "expression.graph.leaf": "{name} = {value}",
    "expression.graph.leaf_grad": "{name}.grad = {value}",
    "expression.code_gradient_comment": "gradient= 인자 (v)",
    "expression.error.empty": "함수가 비어 있습니다. a와 b로 된 식을 입력하세요.",
    "expression.error.control_char": "{where}번째 글자가 보이지 않는 제어 문자({token})입니다. 인쇄 가능한 글자만 쓸 수 있습니다.",
    "expression.error.non_ascii": "{where}번째 글자 {token}은(는) ASCII 문자가 아닙니다. 닮은 글자(예: 라틴 a 대신 키릴 а)는 다른 이름이 되므로 ASCII만 쓸 수 있습니다.",
    "expression.error.too_deep": "{where}번째 글자에서 너무 깊게 중첩되었습니다. 괄호, 함수, 이어지는 연산은 최대 {limit}단계까지입니다.",
    "expression.error.too_long": "함수가 {limit}자보다 깁니다.",
    "expression.error.syntax": "완성된 식이 아닙니다({where}번째 글자 근처). 괄호와 연산자를 확인하세요.",
    "expression.error.too_many_nodes": "식의 부분(숫자, 이름, 연산)이 {limit}개를 넘습니다. 더 짧게 써 주세요.",
    "expression.error.function_without_call": "{where}번째 글자의 {token}은(는) 함수입니다. {token}(a)처럼 인자 하나와 함께 쓰세요.",
    "expression.error.unknown_name": "{where}번째 글자의 {token}은(는) 쓸 수 없습니다. 쓸 수 있는 이름은 a, b, pi, e뿐입니다.",
    "expression.error.operator": "{where}번째 글자 근처의 연산자 {token}은(는) 쓸 수 없습니다. +, −, *, /, **만 쓰세요.",
    "expression.error.unknown_function": "{where}번째 글자의 {token}은(는) 허용된 함수가 아닙니다. sin, cos, tan, exp, log, sqrt, abs, tanh, sigmoid, relu 중에서 쓰세요.",
    "expression.error.keyword": "키워드 인자({token}=, {where}번째 글자)는 쓸 수 없습니다. 함수에는 인자 하나만 그대로 넣으세요.",
    "expression.error.starred": "* 풀어 넣기({where}번째 글자)는 쓸 수 없습니다.",
    "expression.error.arity": "{where}번째 글자의 {token}은(는) 인자를 정확히 하나 받습니다({limit}개가 아니라).",
    "expression.error.call_target": "목록에 있는 함수만 호출할 수 있습니다({where}번째 글자).",
    "expression.error.attribute": "점으로 속성에 접근하는 것({token}, {where}번째 글자)은 쓸 수 없습니다.",
    "expression.error.subscript": "[ ]로 인덱싱하는 것({where}번째 글자)은 쓸 수 없습니다. f는 a와 b에 요소마다 적용됩니다.",
    "expression.error.lambda": "lambda({where}번째 글자)는 식이 아니라 파이썬 코드라서 쓸 수 없습니다.",
    "expression.error.comprehension": "[… for …] 같은 컴프리헨션({where}번째 글자)은 파이썬 코드라서 쓸 수 없습니다.",
    "expression.error.collection": "튜플, 리스트, 집합, 딕셔너리({where}번째 글자)는 쓸 수 없습니다. f는 요소마다 숫자 하나를 냅니다. 소수는 쉼표가 아니라 점으로 쓰세요(1,5가 아니라 1.5).",
    "expression.error.comparison": "비교와 and/or({where}번째 글자)는 쓸 수 없습니다.",
    "expression.error.conditional": "if … else({where}번째 글자)는 쓸 수 없습니다.",
    "expression.error.assignment": ":= 대입({where}번째 글자)은 쓸 수 없습니다.",
    "expression.error.string": "따옴표 안의 글({where}번째 글자)은 쓸 수 없습니다.",
    "expression.error.construct": "{token}({where}번째 글자)은(는) 식에 쓸 수 있는 문법이 아닙니다.",
    "expression.error.constant": "{where}번째 글자의 {token}은(는) 실수가 아닙니다(복소수나 True/False는 안 됩니다).",
    "expression.error.number_format": "{where}번째 글자의 {token}: 숫자는 2, 0.5, 1e-3처럼 십진수로 쓰세요.",
    "expression.error.constant_range": "{where}번째 글자의 숫자 {token}이(가) ±{limit} 범위를 벗어납니다.",
    "expression.error.constant_overflow": "a도 b도 없는 부분의 값이 유한하지 않습니다(예: exp(exp(9)), log(0), 1/0).",
    "expression.error.exponent_too_large": "{where}번째 글자의 지수 {token}이(가) 너무 큽니다. 크기는 최대 {limit}까지입니다.",
    "gradients.code.v": "gradient= 인자, dL/dQ",
    "gradients.code.check": "손으로 푼 미분과 같은지 확인",
    # --- accumulation -------------------------------------------------------
    "accumulation.title": "③ 기울기 누적: backward()를 여러 번 부르면",
    "accumulation.intro": (
        "`backward()`가 실행되면 autograd는 `.grad`를 덮어쓰지 않고, 이미 들어 있는 값에 새 기울기를 **더합니다**. "
        "튜토리얼이 주의하라고 한 바로 그 내용입니다. `backward()`를 여러 번 호출하면 기울기가 누적됩니다. "
        "이 페이지는 `Q = 3*a**3 - b**2`에 대해 `Q.sum().backward()`를 고른 횟수만큼 실제로 호출하고, "
        "호출이 끝날 때마다 `a.grad`와 `b.grad`를 읽습니다."
    ),
    "accumulation.sum_topic": "Q.sum()과 ones_like",
    "accumulation.sum_note": (
        "`Q.sum().backward()`는 "
        "`Q.backward(gradient=torch.ones_like(Q))`와 같은 값을 주며, 튜토리얼이 다시 호출할 때 쓴 형태입니다."
    ),
    "accumulation.controls_a": "텐서 a",
    "accumulation.controls_b": "텐서 b",
    "accumulation.controls_calls": "backward() 반복 호출",
    "accumulation.rule_title": "호출할 때마다 일어나는 일",
    "accumulation.rule_accumulate": "초기화하지 않으면, k번째 호출 뒤:",
    "accumulation.rule_zero": "호출 전마다 초기화하면, k번째 호출 뒤:",
    "accumulation.rule_text": (
        "호출 한 번은 `a.grad`에 ∂Q/∂a = 9a²를, `b.grad`에 ∂Q/∂b = −2b를 더합니다. 그래서 초기화하지 않으면 k번 호출한 뒤의 `a.grad`는 k·9a²이고, "
        "호출할 때마다 9a²씩 늘어나는 직선이 됩니다. 호출 전마다 초기화하면 매번 빈 `.grad`에서 시작하므로, 몇 번을 호출해도 9a²에 머뭅니다."
    ),
    "accumulation.history_title": "호출할 때마다 읽은 a.grad와 b.grad",
    "accumulation.table_accumulate": "지금 고른 실행, 초기화 없음(누적):",
    "accumulation.table_caption": "k: 호출 횟수. 왼쪽 값은 autograd가 채운 `.grad`, 오른쪽 값은 torch로 계산한 손 계산 규칙이며, ✓는 `torch.isclose`가 두 값을 같다고 본다는 뜻입니다.",
    "accumulation.table_zero": "지금 고른 실행, 호출 전마다 초기화:",
    "accumulation.col_check": "검사",
    "accumulation.graph_same": (
        "그래프 재사용 방법: {mode}. 다른 재사용 방법으로 같은 횟수를 호출해도 값이 완전히 같습니다 {mark}"
    ),
    "accumulation.graph_differ": (
        "그래프 재사용 방법: {mode}. 다른 재사용 방법으로 호출하면 값이 달라집니다 {mark}"
    ),
    "accumulation.history_caption": (
        "왼쪽 열: 기울기가 더해지므로 선이 호출마다 같은 폭으로 0에서 멀어집니다(요소가 0이면 0에 머뭅니다). 오른쪽 열: 호출 전마다 `.grad`를 초기화하므로 선이 평평합니다. 두 실행을 "
        "늘 함께 그리고, 초기화 스위치로 고른 쪽 제목에 ▶ 표시가 붙습니다. 표와 코드도 고른 쪽을 보여 줍니다. 축 범위가 고정되어 있어 슬라이더를 움직이며 크기를 그대로 비교할 수 있습니다."
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
    "accumulation.chart.history.element1": "요소 [0] (a₁, b₁)",
    "accumulation.chart.history.element2": "요소 [1] (a₂, b₂)",
    "accumulation.freed_title": "같은 그래프로 backward()를 두 번 부르면 실패합니다",
    "accumulation.freed_text": (
        "`backward()`는 메모리를 아끼려고, 그래프가 역전파용으로 저장해 둔 값"
        "(예를 들어 거듭제곱 `a**3`, `b**2`를 미분할 때 필요한 `a`와 `b`)을 호출이 끝나면 해제합니다. "
        "그래서 같은 `Q`로 `backward()`를 한 번 더 부르면 계산에 쓸 값이 남아 있지 않습니다. 이 페이지가 실제로 실행하는 코드:"
    ),
    "accumulation.error_label": "두 번째 호출에서 PyTorch가 실제로 낸 오류:",
    "accumulation.after_error": "실패한 호출은 아무것도 더하지 않았습니다. `a.grad`는 첫 번째 호출의 결과({value}) 그대로입니다.",
    "accumulation.fix_intro": "피하는 방법은 두 가지이며, 둘 다 빈 `.grad`에서 시작해 여기서 실제로 실행됩니다.",
    "accumulation.rebuild_title": "방법 1: Q를 다시 계산 (튜토리얼의 방법)",
    "accumulation.rebuild_text": (
        "순전파를 다시 하면 값이 새로 저장된 새 그래프가 만들어집니다. 학습 루프는 원래 이렇게 동작합니다. "
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
    "accumulation.zeroing_topic": "세 방법을 실제로 실행해 비교하기",
    "accumulation.zeroing_intro": "세 방법 모두 `backward()` 한 번, 초기화, 다시 `backward()` 한 번을 실제로 실행했습니다.",
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
        "**초기화하지 않으면:** `w.grad`에 지금까지의 기울기가 모두 더해져 있어서, 매 단계가 이전 단계들의 이동까지 되풀이합니다. 이 루프는 모멘텀이 1인 "
        "SGD(`momentum=1`)와 똑같이 움직입니다. 모멘텀은 ④에서 다루는데, 지난 기울기를 쌓은 값을 따라 움직이는 방식이고 1이면 쌓인 값이 조금도 줄지 않습니다."
    ),
    "accumulation.outcome.rose": "초기화하지 않은 쪽은 {step}단계에서 손실이 다시 커지기 시작했습니다.",
    "accumulation.outcome.never_rose": "초기화하지 않은 쪽은 {steps}단계 동안 손실이 한 번도 커지지 않았습니다.",
    "accumulation.outcome.without_lower": (
        "이번에는 초기화하지 않은 쪽이 더 낮게 끝났습니다(마지막 손실 {without} 대 {with_}). 학습률이 작을 때는 쌓인 기울기가 걸음을 키워 주는 셈이라 더 빨리 내려갑니다. 하지만 "
        "모멘텀 1에는 흔들림을 줄이는 힘이 없어서, 바닥 근처에 와도 멈추지 않고 계속 오갑니다. 그래서 학습 루프는 기울기를 매번 초기화합니다."
    ),
    "accumulation.outcome.with_lower": "마지막 손실은 초기화한 쪽이 더 낮습니다({with_} 대 {without}).",
    "accumulation.outcome.only_with_diverged": (
        "이 학습률에서는 오히려 초기화한 쪽이 발산했습니다. 기본 SGD는 lr × 곡률 h < 2여야 자리를 잡는데(곡률은 이계도함수, 곧 기울기 자체가 얼마나 빨리 바뀌는지입니다), 이 손실에서 가장 큰 곡률은 10이라 lr·h = {lrh}입니다. 초기화하지 "
        "않은 쪽(모멘텀 1과 같음)은 lr·h < 4인 동안 발산하지 않고 흔들리기만 합니다. 자리를 잡지 못하기는 마찬가지입니다."
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
    "accumulation.code.print_with": "optim.zero_grad() 있음:",
    "accumulation.code.print_without": "optim.zero_grad() 없음:",
    "accumulation.code.backward": "이번 단계의 기울기를 w.grad, c.grad에 더함",
    "accumulation.predict.a1_grad_calls.label": "`a.grad[0]`",
    "accumulation.predict.a1_grad_calls.question": "a₁ = {a1}에서 `Q.sum().backward()`를 {calls}번 실행하고, 호출 사이 `.grad` 초기화는 **{reset}** 상태입니다. 마지막 호출 뒤 `a.grad[0]`은 얼마일까요?",
    "accumulation.predict.a1_grad_calls.question_class": "각자 화면에서 정한 호출 횟수와 초기화 설정(호출 사이 `.grad` 초기화를 켰는지 껐는지)대로 `Q.sum().backward()`를 실행하면, 마지막 호출 뒤 `a.grad[0]`은 얼마일까요?",
    "accumulation.predict.a1_grad_calls.why.add": "호출할 때마다 `a.grad[0]`에 ∂Q.sum()/∂a₁ = 9a₁² = 9 × ({a1})² = {once}씩 더해지므로, {calls}번 호출한 뒤에는 {calls} × {once} = {answer}입니다.",
    "accumulation.predict.a1_grad_calls.why.reset": "호출 전마다 `.grad`를 초기화하므로 마지막 호출만 남습니다. 9a₁² = 9 × ({a1})² = {answer}.",
    "accumulation.predict.a1_grad_calls.wrong": "`backward()`는 호출할 때마다 `a.grad[0]`에 9a₁²를 더합니다. 앞선 호출이 남긴 값은 호출 전에 초기화해야만 사라집니다.",
    "accumulation.predict.a1_grad_calls.slip.overwrite": "autograd는 `.grad`를 덮어쓰지 않고 더합니다. 호출할 때마다 이미 있는 값 위에 9a₁²가 또 쌓입니다.",
    "accumulation.predict.a1_grad_calls.slip.no_reset": "초기화가 켜져 있으면 호출 전마다 `.grad`가 초기화되므로 앞선 호출은 아무것도 남기지 않습니다.",
    "accumulation.predict.a1_grad_calls.slip.zero_after": "초기화는 각 호출의 뒤가 아니라 앞에서 일어납니다. 마지막 호출의 기울기는 `.grad`에 그대로 남아 있습니다.",
    "accumulation.predict.second_backward.label": "두 번째 `backward()`",
    "accumulation.predict.second_backward.question": "Q를 한 번 계산한 뒤 `retain_graph=True` 없이 `Q.sum().backward()`를 두 번 호출합니다. 두 번째 호출은 어떻게 될까요?",
    "accumulation.predict.second_backward.option.adds": "기울기를 한 번 더 더한다(`a.grad`가 두 배)",
    "accumulation.predict.second_backward.option.same": "아무 일도 하지 않는다(`a.grad` 그대로)",
    "accumulation.predict.second_backward.option.error": "`RuntimeError`가 난다",
    "accumulation.predict.second_backward.option.zero": "`a.grad`를 0으로 되돌린다",
    "accumulation.predict.second_backward.why.error": "첫 번째 `backward()`가 역전파를 위해 그래프에 저장해 둔 값을 해제하므로, 두 번째 호출은 쓸 값이 없어 PyTorch가 `RuntimeError`를 냅니다. `a.grad[0]`은 첫 호출이 남긴 값 그대로({after})입니다.",
    "accumulation.predict.second_backward.why.error.held": "첫 번째 `backward()`가 역전파를 위해 그래프에 저장해 둔 값을 해제하므로, 두 번째 호출은 쓸 값이 없어 PyTorch가 `RuntimeError`를 냅니다. `a.grad`에는 첫 호출이 남긴 값이 그대로 남습니다.",
    "accumulation.predict.second_backward.wrong.adds": "그래프가 남아 있다면 더해지겠지만 `backward()`가 그래프를 해제합니다. 두 번 호출하려면 `retain_graph=True`를 주거나 Q를 다시 계산해야 합니다.",
    "accumulation.predict.second_backward.wrong.same": "PyTorch는 조용히 넘어가지 않습니다. 해제된 그래프로 역전파하는 것은 오류이므로 실수가 드러납니다.",
    "accumulation.predict.second_backward.wrong.zero": "`.grad`는 저절로 초기화되지 않습니다. `optim.zero_grad()`, `a.grad = None`, `a.grad.zero_()`만 초기화합니다. 게다가 이 호출은 `.grad`에 손대기 전에 실패합니다.",
    # --- optimizer ----------------------------------------------------------
    "optimizer.title": "④ 옵티마이저: 학습률과 모멘텀",
    "optimizer.intro": (
        "튜토리얼에서는 `optim = torch.optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)`로 모델의 파라미터를 옵티마이저에 넘기고, "
        "`optim.step()`을 부를 때마다 각 파라미터가 모멘텀 버퍼 `buf`의 반대 방향으로 lr × `buf`만큼 움직입니다. `buf`는 기울기를 쌓아 가는 값으로, "
        "이번 `.grad`에 모멘텀 × 직전 `buf`를 더한 것입니다 (모멘텀이 0이면 `.grad` 그대로). 이 페이지의 "
        "파라미터는 눈으로 따라갈 수 있을 만큼 적습니다. 튜토리얼의 텐서 `a`와 `b`를 쓰거나, 파라미터가 두 개인 지형 위의 한 점 `a = (a₁, a₂)`를 씁니다. 슬라이더를 움직일 "
        "때마다 실제 `torch.optim.SGD`를 정한 횟수만큼, 같은 출발점에서 두 번 실행합니다. 한 번은 고른 모멘텀으로, 한 번은 모멘텀 0으로 실행합니다."
    ),
    "optimizer.controls_objective": "줄일 손실",
    "optimizer.controls_start": "파라미터의 시작값",
    "optimizer.controls_optim": "torch.optim.SGD 설정",
    "optimizer.objective_caption.q": (
        "튜토리얼의 말 그대로 Q를 오차로 보고, `optim.step()`이 `Q.sum()`을 줄이게 합니다. "
        "파라미터는 `a`와 `b`이며 `torch.optim.SGD([a, b], ...)`로 등록합니다."
    ),
    "optimizer.objective_caption.valley": (
        "a₁ = a₂ 직선을 따라 길고 좁게 파인 골짜기입니다. 골짜기를 가로지르는 방향은 가파르고(곡률, 곧 이계도함수가 40), "
        "바닥을 따라가는 방향은 거의 평평합니다(곡률 1). 최저점은 (0, 0)이고, 파라미터는 `a` 하나입니다."
    ),
    "optimizer.objective_caption.rosenbrock": (
        "옵티마이저를 시험할 때 자주 쓰는 로젠브록 함수입니다. 바닥이 평평하고 바나나 모양으로 휘어진 골짜기가 특징입니다. 기본 출발점에서 휘어진 골짜기를 끝까지 따라가도록 좌우를 뒤집었습니다(1 "
        "− a₁ 대신 1 + a₁). 최저점은 (−1, 1)이고, 파라미터는 `a` 하나입니다."
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
        "{same} **모멘텀은 첫 단계를 바꾸지 못합니다.** 첫 `optim.step()` 전에는 PyTorch에 모멘텀 버퍼가 없습니다. 첫 단계가 기울기를 그대로 복사해 버퍼를 만들기 "
        "때문에(buf = g), 첫 이동은 모멘텀이 없을 때와 똑같이 p − lr·g입니다. 그래서 두 실행의 손실이 똑같이 {value}입니다. 2단계부터는 버퍼에 앞선 기울기도 함께 담깁니다"
        "(buf = μ·buf + g)."
    ),
    "optimizer.first_plain": (
        "모멘텀이 0이면 PyTorch는 버퍼를 아예 만들지 않고, 매 단계 p ← p − lr·g만 계산합니다. "
        "모멘텀을 올려 비교해 보세요. 버퍼가 기울기에서 출발하므로 첫 단계는 그래도 지금과 똑같습니다."
    ),
    "optimizer.first_up": (
        "이번에는 첫 단계에서 손실이 오히려 **올라갔습니다**({before} → {after}). 기울기가 커서가 아니라 지형이 휘어 있기 때문입니다. "
        "걸음이 지나가는 직선 위만 보면 손실은 곡률이 h인 포물선에 가깝고, 한 걸음은 그 직선 위에서 손실이 가장 낮은 곳을 기준으로 한 위치를 "
        "(1 − lr·h)배로 만듭니다. lr·h가 2보다 크면 이 배수가 −1보다 작아서, 그곳을 지나쳐 처음보다 더 높은 곳에 떨어집니다. "
        "(걸음이 최저점을 곧바로 향하지 않는 한, 지형 전체의 최저점까지의 거리는 이와 다른 배수로 바뀝니다.) "
        "학습률을 충분히 줄이면 첫 단계에서도 손실이 내려갑니다."
    ),
    "optimizer.first_up_numbers": "이 걸음이 지나간 구간에서 곡률은 가장 큰 곳에서 약 {h}이고, lr·h(= {lrh})가 2보다 큽니다.",
    "optimizer.first_diverged": "첫 단계에서 벌써 오버플로가 일어났습니다({what}). 이 기울기에 비해 학습률이 너무 큽니다.",
    "optimizer.curve_title": "전체 {steps}단계 동안의 손실",
    "optimizer.curve_caption": (
        "파란 실선은 고른 모멘텀, 주황 점선은 모멘텀 0(기본 SGD)이며 출발점과 학습률은 같습니다. 속이 빈 원은 첫 단계 전후의 손실로, 두 실행이 똑같습니다. 끝에서 둘이 얼마나 "
        "벌어지는지가 모멘텀의 효과입니다. 손실이 여러 자릿수에 걸치면 y축을 로그 눈금으로 그립니다. 손실이 음수이면 부호 있는 로그 눈금 sign · log₁₀(1 + |손실|)을 쓰고, "
        "눈금에는 실제 값을 적었습니다."
    ),
    "optimizer.curve_caption_plain": (
        "모멘텀이 0이라 두 실행이 같으므로 곡선을 하나만 그렸습니다. 속이 빈 원은 첫 단계 전후의 손실입니다. "
        "손실이 여러 자릿수에 걸치면 y축을 로그 눈금으로 그리고(손실이 음수이면 부호 있는 로그 눈금 "
        "sign · log₁₀(1 + |손실|)), 눈금에는 실제 값을 적었습니다."
    ),
    "optimizer.curve_parts_2": "두 곡선은 버퍼에 앞선 기울기가 처음 섞이는 2단계(점선)에서 갈라집니다.",
    "optimizer.curve_parts": "두 곡선은 {step}단계(점선)에서 처음 갈라집니다.",
    "optimizer.curve_parts_never": "두 실행의 파라미터는 함께 끝낸 단계 안에서 한 번도 달라지지 않았습니다.",
    "optimizer.metric_final": "{name}: {steps}단계 후 손실",
    "optimizer.metric_stopped": "{name}: {step}단계에서 멈춤, 손실",
    "optimizer.diverged": (
        "**{name}: 발산했습니다.** {step}단계를 마치자 {what}. 그래서 실행을 그 자리에서 멈췄습니다. 유한한 값으로 끝난 단계는 {done}개이고, 차트의 빨간 ✕ 표시가 "
        "실행이 끝난 곳입니다."
    ),
    "optimizer.stop.loss_neg_inf": "손실이 float32로 나타낼 수 있는 범위(약 ±3.4·10³⁸)를 넘어 음의 무한대가 되었습니다",
    "optimizer.stop.loss_pos_inf": "손실이 float32로 나타낼 수 있는 범위(약 ±3.4·10³⁸)를 넘어 무한대가 되었습니다",
    "optimizer.stop.loss_nan": "손실이 더는 숫자가 아니게 되었습니다(무한대에서 무한대를 빼는 것처럼 값을 정할 수 없는 계산이 나왔습니다)",
    "optimizer.stop.params": "파라미터 값이 float32로 나타낼 수 있는 범위를 넘었습니다",
    "optimizer.growing": (
        "**{name}: 발산하는 중입니다.** 아직 float32 오버플로는 일어나지 않았지만 손실이 {start}에서 {end}까지 커졌습니다. "
        "걸음마다 더 크게 지나치고 있어서, 단계를 더 늘리면 결국 오버플로가 일어납니다."
    ),
    "optimizer.why_q": (
        "**왜 그럴까요?** Q = 3a³ − b²에는 최저점이 없습니다. b의 기울기 −2b는 b를 0에서 멀어지는 쪽으로 밀기 때문에, b가 0이 아니면 |b|가 단계마다 커지고 "
        "−b²는 끝없이 내려갑니다. a의 기울기 9a²는 음수가 되지 않으므로 a는 줄어들거나 그대로일 뿐 커지지 않습니다. a가 0 아래로 내려가면 3a³이 −∞로 내려가고, 기울기 9a²도 함께 커져서 걸음이 점점 "
        "길어집니다."
    ),
    "optimizer.why_q.runaway": "{name}: {elements}의 크기가 너무 커져 손실에서 오버플로가 일어났습니다.",
    "optimizer.why_q.runaway_calm": "{name}: {elements}의 크기가 너무 커져 손실에서 오버플로가 일어났습니다. 나머지 요소가 멈춘 값: {calm}.",
    "optimizer.why_landscape": (
        "**왜 그럴까요?** 이 지형에는 최저점이 있으니, 학습률이 너무 큰 것입니다. 많이 휜 곳에서는 lr × 기울기만큼의 한 걸음이 바닥을 지나쳐 반대편의 더 높은 곳에 떨어집니다. "
        "그곳의 기울기는 더 크므로 걸음이 갈수록 커집니다. 곡률이 h인 그릇 모양에서 기본 SGD는 lr·h < 2일 때만, 모멘텀 μ를 쓴 SGD는 lr·h < 2(1 + μ)일 때만 바닥에 "
        "자리 잡습니다. 학습률을 줄여 보세요."
    ),
    "optimizer.why_valley": (
        "{name}: 골짜기를 가로지르는 방향의 곡률은 h = 40이므로 lr·h = {lrh}이고, 한계 2(1 + μ) = {limit}보다 큽니다."
    ),
    "optimizer.q_unbounded": (
        "Q = 3a³ − b²에는 최저점이 없습니다. a를 더 음수로, |b|를 더 크게 만들면 손실은 얼마든지 더 내려갑니다. 기울기 (9a², −2b)가 0이 되는 곳은 a = b = "
        "0 한 점뿐인데, 그곳도 최저점이 아닙니다. 조금만 옆으로 가도 손실이 더 내려갑니다. 제곱 오차 같은 실제 손실에는 더 내려갈 수 없는 아래쪽 한계가 있습니다."
    ),
    "optimizer.q_outlook.runs": (
        "이번 {steps}단계 안에서는 오버플로가 일어나지 않았지만, 자리를 잡은 것도 아닙니다. 0에서 계속 멀어지는 요소가 있어서({elements}) 단계를 늘리면 손실은 끝없이 내려가고, 결국 "
        "float32 오버플로가 일어납니다."
    ),
    "optimizer.q_outlook.creeps": "b가 0이라 −b²는 움직이지 않고, a는 0보다 큰 쪽에서 0으로 다가가는 중입니다. 기울기 9a²도 a와 함께 작아집니다.",
    "optimizer.q_outlook.still": "이 출발점에서는 기울기가 정확히 0이라 SGD가 한 걸음도 움직이지 않았습니다. 최저점이어서가 아니라 평평한 곳이어서 멈춘 것입니다.",
    "optimizer.map_title": "손실 지형 위의 두 경로",
    "optimizer.map_legend": (
        "등고선은 손실이 같은 점을 이은 선이고, 색이 진할수록 손실이 낮습니다(색은 로그 눈금). 점 하나가 `optim.step()` 한 번 뒤의 위치이고, 파란 실선은 고른 모멘텀, 주황 "
        "점선은 모멘텀 0(기본 SGD)입니다."
    ),
    "optimizer.map_legend_one": (
        "등고선은 손실이 같은 점을 이은 선이고, 색이 진할수록 손실이 낮습니다(색은 로그 눈금). 점 하나가 `optim.step()` 한 번 뒤의 위치입니다."
    ),
    "optimizer.map_run.closer": "**{name}**: {steps}단계 동안 최저점까지의 거리가 {start}에서 {end}(으)로 줄었습니다.",
    "optimizer.map_run.farther": "**{name}**: {steps}단계 뒤 최저점까지의 거리가 {start}에서 {end}(으)로 오히려 늘었습니다.",
    "optimizer.map_run.left": "**{name}**: {step}단계에서 지도 밖으로 나갔습니다.",
    "optimizer.map_compare.momentum": (
        "이번에는 모멘텀 쪽이 최저점에 더 가까이 갔습니다. 기본 SGD는 그 자리의 기울기만큼만 움직이므로 평평한 바닥에서는 걸음이 아주 작아집니다. 모멘텀은 앞선 버퍼의 μ = {mu}배를 계속 "
        "지니고 가므로 평평한 바닥에서도 속도가 붙습니다."
    ),
    "optimizer.map_compare.plain": (
        "이번에는 기본 SGD가 최저점에 더 가까이 갔습니다. 모멘텀이 늘 빠른 것은 아닙니다. 쌓인 속도 때문에 최저점을 지나쳤다가 되돌아오느라 늦어지기도 합니다."
    ),
    "optimizer.map_credit": (
        "Distill의 글 [Why Momentum Really Works](https://distill.pub/2017/momentum/)의 그림을 본떴습니다."
    ),
    "optimizer.params_title": "a와 b는 어디로 갈까",
    "optimizer.params_caption": (
        "선 하나가 한 요소의 단계별 값입니다(실선: 고른 모멘텀, 점선: 모멘텀 0). a의 기울기 9a²는 음수가 되지 않으므로 a는 줄어들거나 그대로일 뿐 커지지 않습니다. 모멘텀이나 큰 학습률 때문에 a가 0 "
        "아래로 내려갈수록 비탈이 점점 가팔라져 a는 −∞ 쪽으로 점점 빠르게 내려갑니다. b의 기울기 −2b는 b를 0에서 멀어지는 쪽으로 밀기 때문에, b가 0이 아니면 |b|는 계속 커집니다."
    ),
    "optimizer.rule_title": "PyTorch의 업데이트 규칙에 이 페이지의 숫자 넣기",
    "optimizer.rule_text": (
        "`optim.step()`은 파라미터 p마다 다음을 계산합니다(PyTorch SGD의 기본값 `dampening=0`, `nesterov=False`). g는 `p.grad`, μ는 "
        "모멘텀, buf는 PyTorch가 `optimizer.state[p][\"momentum_buffer\"]`에 보관하는 모멘텀 버퍼입니다."
    ),
    "optimizer.rule_step1": "**1단계**, 요소 `{name}`: 아직 버퍼가 없으므로 buf는 기울기 그대로 시작합니다.",
    "optimizer.rule_step2": "**2단계**, 요소 `{name}`: 이제 버퍼가 이전 단계의 이동을 함께 가져옵니다.",
    "optimizer.rule_plain": "**1단계**, 요소 `{name}`: 모멘텀이 0이면 버퍼가 없으므로 매 단계 p ← p − lr·g입니다.",
    "optimizer.rule_table_title": "{step}단계, 모든 요소",
    "optimizer.rule_check_caption": (
        "손 계산 열은 기록된 p, g와 이전 buf로 이 페이지에서 직접 계산한 값(float32)입니다. ✓는 그 값이 `torch.optim.SGD`의 결과, 즉 단계 뒤의 파라미터 및 "
        "`optimizer.state[p][\"momentum_buffer\"]`와 일치한다는 뜻입니다."
    ),
    "optimizer.rule_none": "유한한 값으로 끝난 단계가 없어서 규칙에 넣을 숫자가 없습니다.",
    "optimizer.col_element": "요소",
    "optimizer.col_v_before": "이전 buf",
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
    "optimizer.chart.params.element_1": "요소 [0]: a₁, b₁",
    "optimizer.chart.params.element_2": "요소 [1]: a₂, b₂",
    "optimizer.chart.params.momentum": "모멘텀 {value}",
    "optimizer.chart.params.plain": "모멘텀 0",
    "optimizer.chart.params.step": "단계",
    "optimizer.theory.title": "이론이 내다보는 것: Goh의 모멘텀 분석",
    "optimizer.theory.not.q": (
        "Distill의 \"Why Momentum Really Works\" 분석은 손실이 2차식이어야 성립합니다. 헤시안이 하나로 고정되어 있어야 "
        "매 단계 최저점까지의 거리에 같은 행렬이 곱해지기 때문입니다. Q = 3a³ − b²는 그렇지 않습니다. a 방향의 곡률은 18a라서 점마다 "
        "다르고, b 방향의 곡률은 −2라서 그릇이 아니라 언덕이며, 다다를 최저점도 없습니다. 그래서 여기서는 수렴 비율을 "
        "예측할 수 없습니다. 이론과 실제 실행을 나란히 보려면 골짜기를 고르세요."
    ),
    "optimizer.theory.not.rosenbrock": (
        "Distill의 \"Why Momentum Really Works\" 분석은 손실이 2차식이어야 성립합니다. 헤시안이 하나로 고정되어 있어야 "
        "매 단계 최저점까지의 거리에 같은 행렬이 곱해지기 때문입니다. 로젠브록 골짜기는 휘어 있어서 헤시안이 점마다 바뀌고, "
        "공식에 넣을 곡률 한 쌍이 없습니다(최저점 (−1, 1) 바로 근처에서만 2차식에 가깝게 움직입니다). "
        "이론과 실제 실행을 나란히 보려면 골짜기를 고르세요."
    ),
    "optimizer.theory.intro": (
        "골짜기는 2차식이라서 그 위의 SGD를 정확히 분석할 수 있습니다(Goh, *Why Momentum Really Works*, Distill 2017). "
        "분석은 헤시안, 곧 2계 도함수를 모은 행렬에서 시작합니다. 이 페이지는 코드에 적힌 손실에서 "
        "`torch.autograd.functional.hessian`으로 헤시안을 구하고, `torch.linalg.eigvalsh`로 고윳값을 구합니다. 아래 식에서는 Goh의 글처럼 학습률 lr을 α, 모멘텀을 μ로 씁니다."
    ),
    "optimizer.theory.hessian_caption": (
        "λ₁(= {low})은 골짜기 바닥을 따라가는 방향 (1, 1)의 곡률이고, λ₂(= {high})는 골짜기를 가로지르는 방향 (1, −1)의 "
        "곡률입니다. 둘의 비 κ(조건수, 가장 큰 곡률 ÷ 가장 작은 곡률)는 골짜기가 얼마나 좁은지를 나타냅니다."
    ),
    "optimizer.theory.matrix_text": (
        "이 두 방향 각각에서 기울기는 λ·x입니다(x는 그 방향으로 최저점까지 남은 거리). 그래서 PyTorch의 규칙 "
        "buf ← μ·buf + g, p ← p − α·buf는 매 단계 (buf, x)에 같은 2×2 행렬을 곱하는 일이 됩니다. "
        "단계마다 최저점까지의 거리에 곱해지는 비율은 이 행렬의 스펙트럼 반경 ρ, 곧 절댓값이 가장 큰 고윳값입니다"
        "(μ = 0이면 그냥 |1 − αλ|). 두 방향 가운데 느린 쪽(ρ가 큰 쪽)이 전체 비율을 정합니다."
    ),
    "optimizer.theory.metric_predicted": "이론의 수렴 비율 ρ (단계당, 작을수록 빠름)",
    "optimizer.theory.metric_measured": "측정한 수렴 비율, {first}–{last}단계",
    "optimizer.theory.metric_measured_none": "측정한 수렴 비율",
    "optimizer.theory.metric_steps_theory": "1/100로 줄이는 단계 수: 이론",
    "optimizer.theory.metric_steps_run": "1/100로 줄이는 단계 수: 이 실행",
    "optimizer.theory.status.settled": (
        "**비율이 일정해졌습니다.** {first}–{last}단계에서 실제 실행의 최저점까지 거리는 단계마다 {measured}배로 "
        "일정하게 줄었습니다(기하평균). 이론의 예측은 {predicted}이고, 둘의 차이는 {gap} %입니다."
    ),
    "optimizer.theory.status.unsettled": (
        "**비율이 아직 일정하지 않습니다.** {first}–{last}단계에서 실제 실행의 거리는 단계마다 {measured}배로 줄었고, "
        "오래 실행했을 때의 값({predicted})과 다릅니다. 같은 점에서 출발시킨 이론으로 계산해도 이 구간에서는 단계마다 {window}배이므로 "
        "잘못된 것은 없습니다."
    ),
    "optimizer.theory.reason.swing": (
        "이 실행이 움직이는 방향에서 행렬의 고윳값이 복소수여서, 거리가 줄어드는 동안 커졌다 작아졌다 출렁입니다. "
        "몇 단계짜리 구간은 평균이 아니라 출렁임의 일부를 잡습니다."
    ),
    "optimizer.theory.reason.one_direction": (
        "이 실행은 한 방향으로만 움직이고(출발점이 헤시안의 고유벡터 위에 있습니다), 그 방향은 빠른 쪽입니다. 그래서 "
        "거리가 줄어드는 비율은 그 방향의 값인 {rate}입니다. ρ는 이 실행이 전혀 움직이지 않는 다른 방향의 값입니다."
    ),
    "optimizer.theory.reason.double": (
        "이 실행은 한 방향으로만 움직이고(출발점이 헤시안의 고유벡터 위에 있습니다), 그 방향의 행렬은 실수 고윳값 ρ를 "
        "중근으로 가지거나 거의 같은 실수 고윳값 두 개를 가집니다. 이때 거리는 ρᵏ가 아니라 k·ρᵏ처럼 줄어들고, 커지는 "
        "k 때문에 어느 구간에서나 ρ보다 느리게 줄어듭니다."
    ),
    "optimizer.theory.reason.mix": (
        "거리는 바닥을 따라가는 부분(비율 {r1})과 가로지르는 부분(비율 {r2})으로 이루어지는데, 빠른 부분이 아직 "
        "다 줄어들지 않아 거리에 섞여 있습니다. ρ는 그 부분이 사라진 뒤에야 실행과 맞습니다. 느린 방향 성분이 거의 없는 곳에서 출발하면 "
        "그때까지 아주 오래 걸릴 수 있습니다."
    ),
    "optimizer.theory.status.diverges": (
        "**발산합니다.** α·λ₂(= {product})가 2 + 2μ(= {bound}) 이상이므로 ρ = {predicted} ≥ 1이고, "
        "단계마다 거리가 커집니다. 이 모멘텀에서는 학습률이 {boundary}보다 작아야 합니다."
    ),
    "optimizer.theory.status.grows": "{first}–{last}단계에서 실제 실행의 거리는 단계마다 {measured}배로 커졌습니다.",
    "optimizer.theory.status.overflowed": "실제 실행은 float32 오버플로로 유한한 {steps}단계 뒤에 멈췄습니다.",
    "optimizer.theory.status.short": (
        "**측정하기에는 단계가 적습니다.** 일정한지 확인하며 재려면 적어도 24단계가 필요합니다"
        "(실행의 뒤쪽 절반을 3단계 이상씩 넷으로 나눕니다). 이 실행은 {steps}단계입니다."
    ),
    "optimizer.theory.status.at_minimum": "**잴 것이 없습니다.** 출발점이 바로 최저점이라 거리가 0입니다.",
    "optimizer.theory.steps.theory": (
        "ρ = {rate}이면 거리를 100분의 1로 줄이는 데 이론상 {steps}단계가 걸립니다(ln 100 / −ln ρ)."
    ),
    "optimizer.theory.steps.run": "실제 실행은 {step}단계부터 끝까지 최저점까지의 거리가 출발할 때의 100분의 1 이하였습니다.",
    "optimizer.theory.steps.run_not": (
        "실제 실행은 {steps}단계 안에 거기까지 가지 못했고, 거리를 {shrunk}분의 1로 줄였습니다."
    ),
    "optimizer.theory.steps.run_grew": (
        "실제 실행은 {steps}단계 안에 거기까지 가지 못했고, 출발할 때보다 최저점에서 더 멀리 있습니다."
    ),
    "optimizer.theory.steps.never": "ρ ≥ 1이면 거리는 100분의 1로 줄지 않습니다. 단계마다 1배 이상이 곱해지기 때문입니다.",
    "optimizer.theory.map_title": "α–μ 지도: 모든 학습률과 모멘텀을 실제로 재 보기",
    "optimizer.theory.map_text": (
        "칸 하나하나가 ({a1}, {a2})에서 출발해 {steps}단계를 실행한 실제 `torch.optim.SGD`입니다. 학습률 선택지 × 모멘텀 "
        "{count}개로 모두 {cells}번 실행하며, 서버에서 이 페이지를 처음 열 때 한 번 계산해 모두가 함께 씁니다. "
        "색은 실행의 뒤쪽 절반에서 측정한 수렴 비율입니다(작을수록 빠르고, 밝게 칠합니다). 회색 칸은 1보다 작은 비율이 "
        "나오지 않은 칸입니다. 그냥 회색은 발산한 실행(float32 범위를 넘었거나 출발할 때보다 최저점에서 더 멀어짐)이고, "
        "진한 ◆가 찍힌 회색은 최저점에 더 가까워진 채 끝났지만 뒤쪽 절반이 출렁임의 커지는 구간에 걸려 거리가 늘어난 "
        "실행입니다(측정한 비율은 1 이상, 이론의 ρ는 1보다 작음). "
        "**칸을 클릭하면** 학습률과 모멘텀이 그 값으로 바뀝니다(터치 화면에서는 지도 아래의 양식을 쓰세요). 검은 고리는 지금 설정입니다."
    ),
    "optimizer.theory.map_caption": (
        "빨간 점선: 이론의 발산 경계 α·λ₂ = 2 + 2μ이며, 그 오른쪽 칸은 발산했습니다. "
        "흰 점: 실행이 끝날 때까지 수렴 비율이 계속 바뀐 칸입니다(비율이 아직 일정하지 않음). "
        "회색 위의 진한 ◆: 최저점에 더 가까워진 채 끝났지만 뒤쪽 절반에서는 출렁임 때문에 거리가 늘어난 칸입니다. "
        "초록 별: Goh의 최적값 α\\* = (2/(√λ₁+√λ₂))² = {lr}, μ\\* = ((√λ₂−√λ₁)/(√λ₂+√λ₁))² = {mu}, "
        "수렴 비율 (√κ−1)/(√κ+1) = {rate}."
    ),
    "optimizer.theory.map_nearest_diverges": (
        "α\\*는 학습률 선택지에 없고, 가장 가까운 선택지({nearest})는 μ = {mu}에서 경계 너머에 있습니다."
    ),
    "optimizer.theory.map_nearest_converges": (
        "α\\*는 학습률 선택지에 없습니다. 가장 가까운 선택지({nearest})는 μ = {mu}에서도 수렴합니다."
    ),
    "optimizer.theory.fastest_button": "비율이 일정해진 칸 중 가장 빠른 칸으로: 학습률 {lr}, 모멘텀 {mu} (비율 {rate})",
    "optimizer.theory.pick_title": "값으로 칸 고르기 (터치 화면용)",
    "optimizer.theory.pick_lr": "칸의 학습률 (lr)",
    "optimizer.theory.pick_mu": "칸의 모멘텀",
    "optimizer.theory.pick_go": "이 값으로 설정: 학습률 {lr}, 모멘텀 {mu}",
    "optimizer.theory.map_spinner": "지도의 실제 SGD 실행을 돌리는 중입니다(서버마다 한 번)…",
    "optimizer.theory.limits_title": "**이론의 두 가지 한계**",
    "optimizer.theory.race": (
        "**수렴 비율이 가장 좋아도 {steps}단계 안에서 가장 빠른 것은 아닙니다.** ρ는 단계를 아주 많이 밟은 뒤의 모습을 말합니다. "
        "최적값에서는 두 방향이 모두 임계 감쇠(출렁이지 않으면서 가장 빨리 줄어드는 경계)라서 거리가 ρ\\*ᵏ가 아니라 "
        "k·ρ\\*ᵏ처럼 줄어듭니다. ({a1}, {a2})에서 학습률을 α\\* = {lr}(으)로 두고 실행해 보면 알 수 있습니다. {steps}단계 뒤 "
        "최저점까지의 거리는 μ\\* = {mu_star}일 때 {d_star}이지만, 모멘텀이 {mu}일 때는(비율 {rate}, {rate_star}보다 느림) {d}입니다."
    ),
    "optimizer.theory.race_optimum_wins": (
        "**수렴 비율은 단계를 아주 많이 밟았을 때의 이야기입니다.** 튜토리얼 출발점에서 {steps}단계 동안은 α\\*에서 다른 어떤 모멘텀도 "
        "최적값을 이기지 못했고, 최적값에서 끝난 곳은 최저점에서 {d_star}만큼 떨어져 있습니다."
    ),
    "optimizer.theory.noise": (
        "**이론은 정확한 기울기를 전제합니다.** 위의 모든 숫자는 매 단계가 참 기울기를 써서 최저점까지의 거리에 고정된 행렬을 곱한다고 "
        "가정합니다. 미니배치로 학습하면 기울기에 잡음이 섞여, 단계마다 어떤 행렬로도 줄지 않는 무작위 흔들림이 더해집니다. "
        "그래서 거리는 잡음 수준에서 더 내려가지 않고, 지난 기울기를 더해 가는 모멘텀은 그 잡음도 함께 싣고 갑니다. "
        "실제 학습에서 학습률을 점점 낮추는 까닭입니다."
    ),
    "optimizer.chart.theory.x": "학습률 α (로그 눈금)",
    "optimizer.chart.theory.y": "모멘텀 μ",
    "optimizer.chart.theory.colour": "측정한 수렴 비율",
    "optimizer.chart.theory.unsettled": "비율이 아직 일정하지 않음",
    "optimizer.chart.theory.swing": "출렁이며 거리가 늘어남(끝은 더 가까움)",
    "optimizer.chart.theory.boundary": "α·λ₂ = 2 + 2μ",
    "optimizer.chart.theory.optimum": "최적값 (비율 {rate})",
    "optimizer.chart.theory.optimum_short": "ρ* = {rate}",
    "optimizer.chart.theory.optimum_hover": "최적값: α* = {lr}, μ* = {mu}, 비율 {rate}",
    "optimizer.chart.theory.current": "지금 학습률, μ",
    "optimizer.chart.theory.current_hover": "지금: 학습률 {lr}, 모멘텀 {mu}",
    "optimizer.chart.theory.hover": "학습률 {lr}, 모멘텀 {mu}<br>측정 {measured}, 이론 {predicted}",
    "optimizer.chart.theory.hover_diverged": "학습률 {lr}, 모멘텀 {mu}<br>발산",
    "optimizer.predict.a1_after_step.label": "a₁",
    "optimizer.predict.a1_after_step.question": "목적 함수: {objective}. 시작점 a₁ = {a1}, 학습률 = {lr}, 모멘텀 = {momentum}. 첫 번째 `optim.step()` 뒤 a₁은 얼마일까요?",
    "optimizer.predict.a1_after_step.question_class": "각자 화면의 시작점, 학습률, 모멘텀으로 첫 번째 `optim.step()`을 실행하면 a₁은 얼마가 될까요?",
    "optimizer.predict.a1_after_step.why": "시작점의 기울기는 g₁ = ∂loss/∂a₁ = {g1}입니다. 첫 단계는 모멘텀이 있든 없든(버퍼가 기울기 자체로 시작하므로) 기울기의 반대 방향으로 lr × g₁만큼 움직이므로 a₁ − lr · g₁ = {a1} − {lr} × ({g1}) = {answer}입니다.",
    "optimizer.predict.a1_after_step.why.held": "시작점의 기울기는 g₁ = ∂loss/∂a₁ = {g1}이고, 첫 `optim.step()`은 a₁을 그 반대 방향으로 {delta}만큼 옮겼습니다({a1} → {answer}). 모멘텀이 이 첫 단계에 무슨 일을 하는지는 다음 질문에서 묻습니다. 그 질문의 정답을 확인하면 나머지 설명이 여기에 나옵니다.",
    "optimizer.predict.a1_after_step.wrong": "SGD는 a₁ ← a₁ − lr · ∂loss/∂a₁로 바꾸며, 시작점에서 ∂loss/∂a₁ = {g1}입니다.",
    "optimizer.predict.a1_after_step.slip.plus_sign": "SGD는 기울기의 반대 방향, 곧 내리막으로 움직입니다. 그래서 a₁ + lr · g₁이 아니라 a₁ − lr · g₁입니다.",
    "optimizer.predict.a1_after_step.slip.no_lr": "이동량은 기울기에 학습률을 곱한 값입니다. 학습률(lr = {lr})을 곱하면 a₁의 변화량은 {delta}입니다.",
    "optimizer.predict.a1_after_step.slip.no_move": "`optim.step()`은 파라미터를 그 자리에서 바꿉니다. a₁은 {delta}만큼 움직입니다.",
    "optimizer.predict.a1_after_step.slip.change_only": "그것은 변화량 −lr · g₁ = {delta}입니다. 새 a₁은 원래 값에 이 변화량을 더한 값입니다.",
    "optimizer.predict.a1_after_step.slip.gradient_only": "그것은 기울기 g₁ 자체입니다. 새 a₁은 a₁ − lr · g₁입니다.",
    "optimizer.predict.a1_after_step.slip.momentum": "모멘텀은 두 번째 단계부터 효과가 있습니다. 첫 단계에서는 버퍼가 기울기와 같아서 더할 이전 방향이 아직 없습니다.",
    "optimizer.predict.a1_after_step.slip.momentum.held": "첫 단계에 모멘텀까지 더해 계산한 것 같습니다. 모멘텀이 첫 단계를 바꾸는지는 다음 질문에서 묻습니다. 그 질문의 정답을 확인하면 여기에 설명이 더 나옵니다.",
    "optimizer.predict.momentum_first_loss.label": "1단계 뒤 손실 (모멘텀 0.9 대 0)",
    "optimizer.predict.momentum_first_loss.question": "같은 시작점, lr = {lr}에서 첫 `optim.step()`을 한 뒤의 손실을 비교합니다. 모멘텀이 {momentum}일 때는 모멘텀이 0일 때보다 낮을까요, 같을까요, 높을까요?",
    "optimizer.predict.momentum_first_loss.question_class": "첫 `optim.step()` 뒤의 손실은 모멘텀이 0.9일 때가 0일 때보다 낮을까요, 같을까요, 높을까요?",
    "optimizer.predict.momentum_first_loss.option.lower": "모멘텀이 있으면 더 낮다",
    "optimizer.predict.momentum_first_loss.option.same": "정확히 같다",
    "optimizer.predict.momentum_first_loss.option.higher": "모멘텀이 있으면 더 높다",
    "optimizer.predict.momentum_first_loss.why.same": "정확히 같습니다. 두 실행 모두 {after_momentum}입니다. PyTorch는 모멘텀 버퍼를 첫 기울기로 시작하므로 첫 단계는 어느 쪽이든 lr × 기울기입니다.",
    "optimizer.predict.momentum_first_loss.why.lower": "1단계 뒤 손실은 모멘텀이 있을 때 {after_momentum}, 없을 때 {after_plain}입니다.",
    "optimizer.predict.momentum_first_loss.why.higher": "1단계 뒤 손실은 모멘텀이 있을 때 {after_momentum}, 없을 때 {after_plain}입니다.",
    "optimizer.predict.momentum_first_loss.wrong.lower": "모멘텀은 지나온 방향이 있어야 힘을 씁니다. 첫 단계에서는 버퍼가 기울기 그 자체라서 모멘텀이 없을 때와 똑같이 움직입니다.",
    "optimizer.predict.momentum_first_loss.wrong.higher": "첫 단계에서는 모멘텀 때문에 더 멀리 나아가는 일이 아직 일어날 수 없습니다. 이때는 버퍼가 기울기 그 자체라서 모멘텀이 없을 때와 똑같이 움직입니다.",
    "optimizer.predict.momentum_first_loss.wrong.same": "여기서는 두 첫 단계가 다릅니다. 손실은 모멘텀이 있을 때 {after_momentum}, 없을 때 {after_plain}입니다.",
    "optimizer.code.q": "튜토리얼의 Q를 오차로 봄",
    "optimizer.code.valley": "a[0] = a[1]을 따라 좁게 파인 골짜기, 최저점은 (0, 0)",
    "optimizer.code.rosenbrock": "좌우를 뒤집은 로젠브록 함수, 최저점은 (-1, 1)",
    "optimizer.code.before": "첫 optim.step() 전의 손실",
    "optimizer.code.step": "buf = momentum*buf + grad; p -= lr*buf",
    "optimizer.code.after": "이번 optim.step() 뒤의 손실",
    "optimizer.code.overflow": "오버플로 또는 NaN: 발산했으므로 멈춤",
    "optimizer.code.print_before": "첫 optim.step() 전의 손실:",
    "optimizer.code.print_first": "첫 optim.step() 뒤의 손실:",
    "optimizer.code.print_last": "{n}단계 뒤의 손실:",
    "optimizer.code.print_plain": "(모멘텀 0:",
    "optimizer.code.print_buffer": "a의 모멘텀 버퍼:",
    "optimizer.code.print_stop": "momentum={momentum}: {step}단계 뒤 손실이 {loss}이므로 멈춤",
    "optimizer.code.no_buffer": "모멘텀 0: PyTorch는 모멘텀 버퍼를 만들지 않습니다(optim.state[a]가 비어 있음)",
    # --- resnet -------------------------------------------------------------
    "resnet.title": "① ResNet18로 학습 한 단계 실행하기",
    "resnet.intro": (
        "튜토리얼은 완성된 신경망 하나로 시작합니다. ImageNet으로 미리 학습된 torchvision의 **ResNet18**입니다. "
        "여기에 임의의 이미지를 넣고, 손실을 계산하고, `loss.backward()`를 호출한 뒤 옵티마이저로 한 걸음 학습시킵니다. "
        "설정을 바꿀 때마다 이 페이지가 바로 그 코드를 서버에서 실행하고, 그 안에서 무슨 일이 일어났는지 보여 줍니다."
    ),
    "resnet.controls_train": "학습 설정",
    "resnet.controls_data": "데이터와 가중치",
    "resnet.controls_hint_topic": "어느 슬라이더가 어느 부분을 다시 계산하는지, 결과는 누가 함께 쓰는지",
    "resnet.controls_hint": "학습률·모멘텀·단계 수 슬라이더는 4절 `optim.step()`에 있습니다. 그 슬라이더를 움직이면 4·5절과 그 아래 코드만 다시 계산하고, 이 값들과 상관없는 나머지 절(순전파, 첫 역전파, 고정하기)은 그대로 둡니다.",
    "resnet.weights.cache": "사전 학습된 가중치 `ResNet18_Weights.DEFAULT`(ImageNet)를 사용합니다. torch hub 캐시 `{path}`에서 읽었습니다.",
    "resnet.weights.download": "사전 학습된 가중치 `ResNet18_Weights.DEFAULT`(ImageNet)를 사용합니다. 방금 `{path}`에 내려받았습니다.",
    "resnet.weights.fallback": "사전 학습된 가중치를 받을 수 없습니다({reason}). 무작위 가중치(`torch.manual_seed(0)`)로 대신하며, 서버를 다시 시작하기 전까지는 다시 시도하지 않습니다.",
    "resnet.weights.random": "선택한 대로 무작위 가중치(`torch.manual_seed(0); model = resnet18()`)를 씁니다.",
    "resnet.computing": "CPU에서 ResNet18을 실행하는 중…",
    "resnet.progress.libraries": "PyTorch를 불러오는 중입니다. 서버가 막 시작했다면 몇 초 걸립니다…",
    "resnet.progress.model": "ResNet18을 준비하는 중입니다. 가중치를 불러와 모델을 만듭니다…",
    "resnet.progress.training": "{size}×{size} 입력으로 순전파, `loss.backward()`, `optim.step()` {steps}회를 실행하는 중입니다…",
    "resnet.progress.finetune": "신경망 전체와 고정한 신경망의 `loss.backward()` 시간을 {repeats}번씩 재는 중입니다…",
    "resnet.busy": "지금 서버가 다른 ResNet 계산으로 바쁩니다. 잠시 후 다시 시도해 주세요.",
    "resnet.queued": "서버 차례를 기다리는 중: 앞에 ResNet 계산 {ahead}개가 있습니다. 슬라이더를 움직여도 순서는 그대로 유지됩니다.",
    "resnet.forward_title": "1 · 순전파: 예측값 만들기",
    "resnet.input_caption": "`data`: 네트워크에 들어가는 {size}×{size} 임의 이미지",
    "resnet.input_alt": "{size}×{size} 크기의 색 점이 무작위로 찍힌 이미지입니다. 잡음일 뿐 물체는 없습니다.",
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
        "PyTorch가 실행을 거부합니다(`{error}`). 그래서 이 크기에서는 먼저 `model.eval()`을 호출합니다. "
        "그러면 BatchNorm이 저장해 둔 통계를 쓰고, 기울기는 똑같이 흐릅니다."
    ),
    "resnet.top_topic": "네트워크가 가장 높게 본 다섯 클래스",
    "resnet.top_title": "점수가 가장 높은 다섯 클래스 (예측값의 소프트맥스: 1000개의 점수를 합이 1인 확률로 바꾼 값)",
    "resnet.col_class": "ImageNet 클래스",
    "resnet.col_index": "번호",
    "resnet.col_probability": "확률",
    "resnet.top_pretrained": (
        "클래스 이름은 `ResNet18_Weights.DEFAULT.meta[\"categories\"]`에서 가져왔습니다. "
        "입력이 사진이 아니라 무작위 노이즈이므로, 학습된 신경망이 보기에 노이즈와 가장 비슷한 클래스가 나왔을 뿐입니다. "
        "실제 사진을 넣으면 한 클래스에 높은 확률을 주는, 뜻이 통하는 답이 나옵니다."
    ),
    "resnet.top_random": (
        "**무작위 가중치에서는 이 클래스 이름에 아무 의미가 없습니다.** 신경망이 아직 아무 클래스도 배우지 않았습니다. 가장 높은 다섯 확률도 {low}–{high} %로, 1000개 클래스가 "
        "모두 같을 때의 값 0.1 %의 {ratio_low}–{ratio_high}배일 뿐이고, 어떤 이름이 위에 오는지는 우연입니다."
    ),
    "resnet.loss_title": "2 · 손실: 역전파를 시작할 숫자 하나",
    "resnet.loss_unbounded": (
        "먼저 알아 둘 점이 있습니다. 튜토리얼의 손실 `(prediction - labels).sum()`은 학습을 시작하기 전부터 "
        "sum(prediction) − sum(labels), 여기서는 {outputs} − {labels}입니다. `torch.rand`로 만든 정답 1000개의 합은 "
        "신경망과 상관없이 500 안팎이므로, 손실은 처음부터 음수입니다. 게다가 이 손실에는 아래쪽 한계가 없어서 출력 "
        "1000개를 끌어내리기만 하면 얼마든지 작아집니다. 그래서 손실은 계속 내려가고, 학습이 '끝나는' 지점도 없습니다."
    ),
    "resnet.loss_unbounded_positive": (
        "먼저 알아 둘 점이 있습니다. 튜토리얼의 손실 `(prediction - labels).sum()`은 학습을 시작하기 전부터 "
        "sum(prediction) − sum(labels), 여기서는 {outputs} − {labels}입니다. 출력의 합이 임의의 정답 1000개의 합보다 커서 "
        "손실은 0보다 크게 시작합니다. 하지만 이 손실에는 아래쪽 한계가 없어서 출력 1000개를 끌어내리기만 하면 얼마든지 "
        "작아집니다. 그래서 손실은 0 아래로도 계속 내려가고, 학습이 '끝나는' 지점도 없습니다."
    ),
    "resnet.loss_text": (
        "`loss = (prediction - labels).sum()` = **{loss}**입니다. 정답 역할의 `labels = torch.rand(1, 1000)`도 임의의 값입니다. "
        "튜토리얼과 같은 연습용 손실로, 1000개의 차이를 모두 더해 스칼라 하나로 만듭니다. `backward()`를 시작하는 데는 스칼라 하나면 됩니다. "
        "실제 학습에서는 `nn.CrossEntropyLoss` 같은 제대로 된 손실 함수를 씁니다."
    ),
    "resnet.loss_hand_topic": "마지막 레이어의 기울기를 손으로 확인하기",
    "resnet.loss_hand": "손으로 확인해 보면 출력 1000개 모두에서 ∂loss/∂prediction = 1입니다. 그래서 마지막 레이어 `fc`의 기울기는 autograd 없이도 알 수 있습니다.",
    "resnet.col_tensor": "텐서",
    "resnet.col_by_hand": "손으로 푼 답",
    "resnet.col_expected_norm": "손으로 구한 노름",
    "resnet.col_autograd_norm": "autograd가 구한 노름",
    "resnet.col_check": "검사",
    "resnet.hand_bias": "모든 요소가 1",
    "resnet.hand_weight": "각 행이 `fc`에 들어가는 특징 512개와 같음",
    "resnet.loss_labels": (
        "labels는 어떤 기울기에도 나타나지 않고, 손실을 −sum(labels) = {labels_shift}만큼 옮길 뿐입니다. "
        "그래서 이 손실로는 신경망이 정답에 대해 아무것도 배울 수 없습니다."
    ),
    "resnet.grads_title": "3 · loss.backward(): 모든 파라미터의 기울기",
    "resnet.grads_text": (
        "한 번의 호출로 파라미터 텐서 {tensors}개, 숫자로는 모두 {numel}개의 `.grad`가 채워집니다. "
        "막대 하나가 첫 번째 `loss.backward()` 뒤 텐서 하나의 기울기 크기(L2 노름: 요소를 제곱해 더한 값의 제곱근)이고, 색은 이름 맨 앞에 있는 레이어를 나타냅니다."
    ),
    "resnet.chart.grads.x": "‖p.grad‖ (L2 노름, 로그 눈금)",
    "resnet.chart.grads.y": "파라미터 텐서",
    "resnet.chart.grads.title_left": "conv1 · bn1 · layer1 · layer2",
    "resnet.chart.grads.title_right": "layer3 · layer4 · fc",
    "resnet.grads_caption_topic": "레이어 이름 읽는 법",
    "resnet.grads_caption": (
        "로그 눈금입니다. 기울기 크기가 여러 자릿수에 걸쳐 있습니다. `conv…weight`는 합성곱 필터(텐서마다 숫자가 많음)이고, `bn…weight`와 `bn…bias`는 "
        "BatchNorm의 배율과 이동값으로 채널마다 하나씩입니다(BatchNorm은 채널마다 값을 고르게 맞춘 뒤, 학습되는 배율을 곱하고 이동값을 더합니다). `downsample`은 블록의 숏컷(shortcut) 연결에서 모양을 맞추는 두 레이어입니다. `downsample.0`은 1×1 "
        "합성곱, `downsample.1`은 그 뒤의 BatchNorm이고, `downsample.1.weight`와 `downsample.1.bias`는 그 BatchNorm의 배율과 "
        "이동값입니다."
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
        "✓ 모든 단계, 모든 텐서에서 새 가중치가 W − lr·buf인지 확인했습니다. "
        "모멘텀 버퍼 buf(SGD가 지난 기울기를 쌓아 둔 값)는 첫 단계에서 grad이고, 그다음부터는 momentum·buf + grad입니다."
    ),
    "resnet.rule_ok_plain": "✓ 모든 단계, 모든 텐서에서 새 가중치가 W − lr·grad인지 확인했습니다(모멘텀이 0이면 버퍼를 두지 않습니다).",
    "resnet.rule_bad": "✗ 어떤 단계에서 가중치가 SGD 규칙 W − lr·buf를 따르지 않았습니다. 아래 표에서 어느 단계인지 볼 수 있습니다.",
    "resnet.loss_falls": (
        "교차 엔트로피 같은 제대로 된 손실은 0 아래로 내려가지 않습니다. 예측이 맞은 뒤에도 조금씩 줄어들지만 0에 다가갈 뿐입니다. 이 연습용 손실에는 그런 바닥이 없습니다."
    ),
    "resnet.loss_one_down": "이번 한 단계에서 손실이 {before}에서 {after}(으)로 내려갔습니다.",
    "resnet.loss_one_up": "이번 한 단계에서는 손실이 {before}에서 {after}(으)로 오히려 올라갔습니다.",
    "resnet.loss_all_down_faster": "{steps}단계 내내 손실이 내려갔고, 한 단계에 내려가는 폭도 단계마다 커졌습니다.",
    "resnet.loss_all_down": "{steps}단계 내내 손실이 내려갔습니다.",
    "resnet.loss_rose_at": "{step}단계에서는 손실이 내려가지 않고 오히려 올라갔습니다.",
    "resnet.diverged": (
        "오버플로가 일어났습니다. {step}단계를 마친 뒤의 손실은 float32로 나타낼 수 있는 범위를 벗어나 더는 유한한 수가 아닙니다. 하한이 없는 손실을 따라 가중치가 끝없이 끌려간 "
        "결과입니다. 단계 수를 줄이거나 학습률을 낮춰 보세요."
    ),
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
        "이 버퍼는 SGD가 지난 기울기를 쌓아 두는 곳이고(`buf = momentum·buf + grad`), 단계마다 가중치가 `lr·buf`만큼 움직입니다."
    ),
    "resnet.chart.move.title_change": "가중치 이동 (자기 크기 대비)",
    "resnet.chart.move.title_buffer": "마지막 단계 뒤 모멘텀 버퍼",
    "resnet.chart.move.x_change": "‖ΔW‖ / ‖W‖, % (로그 눈금)",
    "resnet.chart.move.x_buffer": "‖buf‖ (L2 노름, 로그 눈금)",
    "resnet.chart.move.y": "레이어",
    "resnet.chart.move.no_buffer": "모멘텀 = 0: SGD가 버퍼를 두지 않습니다",
    "resnet.chart.move.change_text": "{percent} %",
    "resnet.move_caption": (
        "이 연습용 손실은 출력 1000개를 한꺼번에 끌어내립니다. 학습률 {lr}(으)로 {steps}단계를 진행하는 동안 가장 많이 움직인 레이어는 `{layer}`이고, 자기 크기의 "
        "{percent} %만큼 바뀌었습니다. 학습률을 낮추면 막대가 줄어듭니다."
    ),
    "resnet.move_caption_overflow": "계산에서 오버플로가 일어나 가중치가 얼마나 움직였는지 잴 수 없습니다. 단계 수나 학습률을 줄이면 막대가 다시 나타납니다.",
    "resnet.finetune_title": "6 · 미세 조정(finetuning): 신경망을 고정하고 새 fc만 학습하기",
    "resnet.finetune_text": (
        "사전 학습된 신경망을 새 작업(예: 클래스가 10개인 분류)에 다시 쓰려면, 파라미터를 모두 고정(동결, freeze)하고 마지막 레이어만 새것으로 바꿉니다. 그러면 새 레이어의 파라미터만 "
        "기울기를 필요로 합니다."
    ),
    "resnet.finetune_presence_topic": "어느 레이어가 아직 .grad를 받는지, 시간은 어떻게 쟀는지",
    "resnet.finetune_presence": "고정한 신경망에서 `loss.backward()`를 호출한 뒤, 레이어별로:",
    "resnet.col_layer": "레이어",
    "resnet.col_with_grad": ".grad가 생긴 텐서",
    "resnet.col_none": ".grad가 None",
    "resnet.finetune_counts": "학습되는 숫자는 {trainable}개이고, 나머지 {frozen}개는 고정되어 `.grad`를 받지 않습니다.",
    "resnet.metric_speedup": "loss.backward()가 빨라진 배수",
    "resnet.chart.time.full": "신경망 전체",
    "resnet.chart.time.frozen": "고정한 신경망 + 새 fc",
    "resnet.chart.time.x": "loss.backward() 시간 (ms)",
    "resnet.chart.time.y": "모델",
    "resnet.chart.time.ms": "{value} ms",
    "resnet.time_caption": "이 서버에서 잰 값입니다. 각각 {repeats}번 실행한 중앙값이고 순전파 시간은 빼고 쟀습니다. 빨라진 배율도 {repeats}번 잰 배율의 중앙값이며, 한 번씩 보면 {low}배에서 {high}배까지 흔들렸습니다. 서버 부하에 따라 달라집니다.",
    "resnet.finetune_speed": (
        "`loss.backward()`가 약 **{speedup}배 빨라집니다**({repeats}번 잰 중앙값, 가장 느릴 때 {low}배, 가장 빠를 때 {high}배). autograd는 기울기가 필요한 텐서가 관여한 연산만 거슬러 올라가므로, `fc`에서 멈추고 고정한 레이어에는 "
        "들어가지 않습니다."
    ),
    "resnet.finetune_no_speedup": (
        "이번 측정에서는 `loss.backward()`가 빨라지지 않았습니다({speedup}배). 서버가 다른 계산으로 바쁘면 짧은 시간 측정은 흔들립니다. 그래도 할 일은 줄었습니다. "
        "autograd는 기울기가 필요한 텐서가 관여한 연산만 거슬러 올라가므로 `fc`에서 멈추고, 고정한 레이어에는 들어가지 않습니다."
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
    "resnet.predict.weights.pretrained": "사전 학습된 가중치",
    "resnet.predict.weights.random": "무작위 가중치",
    "resnet.predict.largest_grad_layer.label": "‖grad‖가 가장 큰 레이어",
    "resnet.predict.largest_grad_layer.question": "첫 `loss.backward()` 뒤(시드 {seed}, {size}×{size} 이미지, {weights}) ‖.grad‖가 가장 큰 파라미터 텐서는 어느 레이어에 있을까요? 아래 차트에서 가장 긴 막대입니다.",
    "resnet.predict.largest_grad_layer.question_class": "첫 `loss.backward()` 뒤 ‖.grad‖가 가장 큰 파라미터 텐서는 어느 레이어에 있을까요?",
    "resnet.predict.largest_grad_layer.option.conv1": "`conv1`",
    "resnet.predict.largest_grad_layer.option.bn1": "`bn1`",
    "resnet.predict.largest_grad_layer.option.layer1": "`layer1`",
    "resnet.predict.largest_grad_layer.option.layer2": "`layer2`",
    "resnet.predict.largest_grad_layer.option.layer3": "`layer3`",
    "resnet.predict.largest_grad_layer.option.layer4": "`layer4`",
    "resnet.predict.largest_grad_layer.option.fc": "`fc`",
    "resnet.predict.largest_grad_layer.why": "가장 긴 막대는 {answer}의 `{name}`입니다(‖grad‖ = {norm}). 가장 짧은 것은 `{small}`({small_norm})입니다. 어느 텐서의 기울기가 가장 큰지는 가중치와 입력에 따라 달라집니다. 합성곱 커널은 이미지의 모든 위치에서 쓰이므로 위치마다 기울기 기여를 모읍니다.",
    "resnet.predict.largest_grad_layer.wrong.conv1": "`conv1`의 커널은 이미지 전체를 훑으므로 기울기가 큰 경우가 많지만 이번에는 아닙니다. ‖grad‖는 {group_conv1}입니다. 가장 긴 막대의 {norm}보다 작습니다.",
    "resnet.predict.largest_grad_layer.wrong.bn1": "`bn1`은 채널마다 배율 하나와 이동 하나, 모두 128개의 수만 가지므로 기울기가 작습니다. ‖grad‖는 {group_bn1}입니다. 가장 긴 막대의 {norm}보다 작습니다.",
    "resnet.predict.largest_grad_layer.wrong.layer1": "`layer1`에서 가장 큰 ‖grad‖는 {group_layer1}입니다. 가장 긴 막대의 {norm}보다 작습니다.",
    "resnet.predict.largest_grad_layer.wrong.layer2": "`layer2`에서 가장 큰 ‖grad‖는 {group_layer2}입니다. 가장 긴 막대의 {norm}보다 작습니다.",
    "resnet.predict.largest_grad_layer.wrong.layer3": "`layer3`에서 가장 큰 ‖grad‖는 {group_layer3}입니다. 가장 긴 막대의 {norm}보다 작습니다.",
    "resnet.predict.largest_grad_layer.wrong.layer4": "`layer4`에서 가장 큰 ‖grad‖는 {group_layer4}입니다. 가장 긴 막대의 {norm}보다 작습니다.",
    "resnet.predict.largest_grad_layer.wrong.fc": "`fc`는 손실 바로 옆에 있지만, 손실에 가깝다고 기울기가 가장 커지는 것은 아닙니다. `fc`에서 가장 큰 ‖grad‖는 {group_fc}입니다. 가장 긴 막대의 {norm}보다 작습니다.",
    "resnet.predict.loss_after_step.label": "한 단계 뒤 손실",
    "resnet.predict.loss_after_step.question": "lr = {lr}일 때 `optim.step()`을 한 번 하면 손실은 처음({before})보다 낮아질까요, 같을까요, 높아질까요?",
    "resnet.predict.loss_after_step.question_class": "`optim.step()`을 한 번 하면 손실은 처음보다 낮아질까요, 같을까요, 높아질까요?",
    "resnet.predict.loss_after_step.option.lower": "낮아진다",
    "resnet.predict.loss_after_step.option.same": "같다",
    "resnet.predict.loss_after_step.option.higher": "높아진다",
    "resnet.predict.loss_after_step.why.lower": "손실이 {before} → {after}, 내려갔습니다. `optim.step()`은 모든 가중치를 기울기의 반대 방향, 곧 손실이 가장 빨리 줄어드는 방향으로 조금씩 옮깁니다.",
    "resnet.predict.loss_after_step.why.higher": "손실이 {before} → {after}, 올라갔습니다. 한 걸음이 너무 컸습니다. 기울기 반대 방향으로 움직여도 학습률이 충분히 작을 때만 손실이 줄어듭니다.",
    "resnet.predict.loss_after_step.why.same": "손실이 {before} 그대로입니다. 한 걸음이 너무 작아 float32에서 손실이 바뀌지 않았습니다.",
    "resnet.predict.loss_after_step.wrong.lower": "기울기 반대 방향으로의 한 걸음은 충분히 작을 때만 손실을 줄입니다. lr = {lr}에서는 지나쳐 버렸습니다.",
    "resnet.predict.loss_after_step.wrong.higher": "`optim.step()`은 기울기의 반대 방향으로 움직이므로 학습률이 충분히 작으면 손실이 줄어듭니다. 여기서는 학습률(lr = {lr})이 충분히 작았습니다.",
    "resnet.predict.loss_after_step.wrong.same": "기울기가 0이 아닌 가중치는 모두 움직이므로 손실도 바뀝니다({before} → {after}).",
    "resnet.code.random_weights": "이 페이지의 무작위 가중치",
    "resnet.code.eval": "마지막 특징 맵이 1x1: BatchNorm을 학습 모드로 쓸 수 없음",
    "resnet.code.seed": "이미지와 정답을 만드는 난수 시드",
    "resnet.code.data": "임의의 RGB 이미지 한 장",
    "resnet.code.labels": "임의의 정답, 클래스마다 하나",
    "resnet.code.zero_grad": "이전 단계의 .grad 초기화",
    "resnet.code.forward": "순전파, 모양 (1, 1000)",
    "resnet.code.loss": "튜토리얼의 연습용 손실",
    "resnet.code.backward": "모든 파라미터의 .grad 채우기",
    "resnet.code.step": "W <- W - lr * buf (모멘텀 버퍼, 모멘텀이 0이면 grad)",
    "resnet.code.print_step": "{k}단계: 손실 =",
    "resnet.code.print_after": "{steps}단계 뒤: 손실 =",
    "resnet.code.no_grad": "값만 잴 때는 그래프가 필요 없음",
    "resnet.code.freeze": "사전 학습된 파라미터를 모두 고정",
    "resnet.code.new_fc": "새 마지막 레이어: requires_grad=True",
    # 이슈 #18 (A): 대체 텍스트와 표 머리글.
    "gradients.col_call": "호출",
    "expression.col_element": "요소",
    "gradients.graph.alt": "Q.grad_fn에서 읽은 역전파 그래프: Q와 역전파 노드 {count}개. Q = {value}이고, 역전파는 Q에서 시작하며, 그때의 기울기는 v = {start}입니다.",
    "gradients.graph.alt_path": "Q에서 {name}까지 거슬러 가는 길: {path}. {name} = {value}, {name}.grad = {grad}.",
    "gradients.graph.alt_path_no_grad": "Q에서 {name}까지 거슬러 가는 길: {path}. {name} = {value}.",
    "expression.graph.alt": "Q = f(a, b)의 역전파 그래프(Q.grad_fn에서 읽음): Q와 역전파 노드 {count}개. Q = {value}이고, 역전파는 Q에서 시작하며, 그때의 기울기는 v = {start}입니다.",
    "expression.graph.alt_path": "Q에서 {name}까지 거슬러 가는 길: {path}. {name} = {value}, {name}.grad = {grad}.",
    "expression.graph.alt_path_no_grad": "Q에서 {name}까지 거슬러 가는 길: {path}. {name} = {value}.",
    "share.qr_alt": "이 화면으로 가는 링크의 QR 코드",
    "class.qr_alt": "수업 참여 링크의 QR 코드",
    "common.region_table": "표 (좁은 화면에서는 옆으로 스크롤): {columns}",
    "common.region_equation": "수식 (좁은 화면에서는 옆으로 스크롤): {latex}",
    "common.scroll_hint": "↔ 옆으로 밀어서 더 보기",
    "predict.col_result": "결과",
    # 이슈 #18 (B): 차트의 텍스트 대안 (components/ui/chart_text.py).
    "charttext.expander": "차트 데이터: {name}",
    "charttext.step": "단계",
    "charttext.loss_word": "손실",
    "charttext.run_plain": "모멘텀 0 (기본 SGD)",
    "charttext.run_momentum": "모멘텀 {value}",
    "charttext.none_finite": "유한한 값이 없음",
    "charttext.extremes": "가장 큰 것은 {high_name} {high}, 가장 작은 것은 {low_name} {low}",
    "charttext.history.name": "호출별 {tensor}.grad",
    "charttext.history.summary": (
        "초기화 없이 backward()를 1…{calls}번 호출한 뒤의 {tensor}.grad는 요소 [0] {acc0}, "
        "요소 [1] {acc1}입니다. 호출마다 초기화하면 요소 [0] {zero0}, 요소 [1] {zero1}입니다."
    ),
    "charttext.history.call": "호출 k",
    "charttext.history.col_acc": "{tensor}.grad[{i}], 누적",
    "charttext.history.col_zero": "{tensor}.grad[{i}], 초기화",
    "charttext.training.name": "SGD 단계별 손실",
    "charttext.training.summary": (
        "학습률 {lr}에서 SGD 단계마다 잰 손실. optim.zero_grad()를 쓰면: {with_}. "
        "쓰지 않으면: {without}."
    ),
    "charttext.training.ends": "{steps}단계 동안 {first} → {last} (최저 {low})",
    "charttext.training.diverged": "{step}단계에서 발산 (마지막 유한한 손실 {last})",
    "charttext.training.step": "SGD 단계",
    "charttext.loss.name": "단계별 손실",
    "charttext.loss.summary": "optim.step()마다의 손실: {runs}.",
    "charttext.loss.ends": "{name}: {steps}단계 동안 {first} → {last} (최저 {low}, {low_step}단계)",
    "charttext.loss.stopped": "{name}: {step}단계에서 멈춤 ({what}, 그려진 마지막 값 {last})",
    "charttext.stop.loss_neg_inf": "손실이 float32 범위를 넘어 음의 무한대가 됨",
    "charttext.stop.loss_pos_inf": "손실이 float32 범위를 넘어 무한대가 됨",
    "charttext.stop.loss_nan": "손실이 더는 숫자가 아님",
    "charttext.stop.params": "파라미터가 float32 범위를 넘음",
    "charttext.loss.parts": "두 실행은 {step}단계에서 갈라집니다.",
    "charttext.loss.col": "손실, {name}",
    "charttext.path.name": "손실 지도 위의 경로",
    "charttext.path.summary": "두 실행 모두 {start}에서 출발하고, 최저점은 {minimum}에 있습니다. {ends}.",
    "charttext.path.ends": "{name}: {steps}단계 뒤 {point}, 손실 {loss}",
    "charttext.path.diverged": "(발산)",
    "charttext.params.name": "단계별 a와 b",
    "charttext.params.summary": "시작: {start}. {ends}.",
    "charttext.params.ends": "{name}, {steps}단계 뒤: {values}",
    "charttext.map.name": "측정한 수렴 비율 (α–μ 지도)",
    "charttext.map.summary": (
        "학습률 × 모멘텀 격자에서 실제 SGD를 {cells}번(각 {steps}단계) 실행해 수렴 비율을 쟀습니다. 그중 "
        "{diverged}번은 발산했고, 다른 {swing}번은 최저점에 더 가까워진 채 끝났지만 출렁임 때문에 뒤쪽 절반에서 "
        "거리가 늘었습니다. Goh의 최적점(별): 학습률 {lr}, 모멘텀 {mu}, 수렴 비율 {rate}. "
        "지금 설정(고리): 학습률 {cur_lr}, 모멘텀 {cur_mu}."
    ),
    "charttext.map.diverged": "발산",
    "charttext.map.swing": "{measured} (출렁임, 끝은 더 가까움)",
    "charttext.bars.summary": "autograd가 구한 {tensor}.grad는 {grads}이고, 손으로 구한 값({formula})은 {hand}입니다.",
    "charttext.bars.element": "요소",
    "charttext.bars.autograd": "autograd (.grad)",
    "charttext.bars.hand": "손 계산 ({formula})",
    "charttext.curve.name": "a₁을 따라 본 f",
    "charttext.curve.summary": "b₁을 고정하고 a₁을 {low}에서 {high}까지 움직인 f(a₁, b₁). {point}",
    "charttext.curve.point": "a₁ = {x0}에서 f = {y0}이고, 접선의 기울기(autograd가 구한 편미분)는 {slope}입니다.",
    "charttext.curve.no_point": "a₁ = {x0}에서는 f나 접선의 기울기가 유한한 수가 아니어서 접선을 그리지 않습니다.",
    "charttext.curve.range": "f는 {low}에서 {high}까지입니다.",
    "charttext.curve.gaps": "{count}개 점은 유한한 값이 없습니다(곡선이 끊긴 곳).",
    "charttext.grads.name": "파라미터별 ‖grad‖",
    "charttext.grads.summary": (
        "첫 backward() 뒤 파라미터 텐서 {count}개 각각의 ‖grad‖ (로그 눈금): {extremes}."
    ),
    "charttext.grads.parameter": "파라미터",
    "charttext.grads.group": "레이어",
    "charttext.resnet_loss.summary": (
        "단계 전 손실은 {first}, {steps}단계 뒤에는 {last}입니다(최저 {low}, {low_step}단계 뒤)."
    ),
    "charttext.resnet_loss.overflow": (
        "단계 전 손실은 {first}이고, {step}단계부터는 더 이상 유한한 수가 아닙니다(오버플로)."
    ),
    "charttext.resnet_loss.steps": "optim.step() 호출 수",
    "charttext.move.name": "레이어별 변화",
    "charttext.move.summary": "레이어별 상대 변화 ‖ΔW‖/‖W‖: {change}. 모멘텀 버퍼 ‖buf‖: {buffers}.",
    "charttext.move.no_buffer": "없음 (모멘텀이 0이면 버퍼가 없음)",
    "charttext.move.buffer": "‖buf‖",
    "charttext.time.name": "backward() 시간",
    "charttext.time.summary": "loss.backward() 시간의 중앙값: {full_name} {full} ms, {frozen_name} {frozen} ms.",
    "charttext.time.run": "backward()",
    "charttext.time.ms": "중앙값 시간 (ms)",
    "charttext.spread.name": "수업의 예측",
    "charttext.spread.empty": "아직 예측이 없습니다.",
    "charttext.spread.summary": "예측 {count}개가 {low}부터 {high}까지 퍼져 있고, 가장 많은 {top_count}개가 {top} 구간에 있습니다.",
    "charttext.spread.bars": "구간별 학생 수: {bars}.",
    "charttext.spread.answer": "PyTorch의 답은 {answer}입니다. 맞힌 사람 {right}명, 틀린 사람 {wrong}명.",
    "charttext.spread.range": "구간",
    "charttext.choice.name": "수업의 선택",
    "charttext.choice.summary": "답 {total}개: {picks}.",
    "charttext.choice.right": "정답은 “{option}”입니다.",
    "charttext.choice.option": "보기",
    # Issue #14: 끄는 동안 그림이 따라 움직이는 슬라이더.
    "gradients.live_intro": (
        "슬라이더를 끌면서 바로 아래 그림을 보세요. 끄는 동안 접선이 돌아가고 막대가 늘었다 줄었다 합니다. "
        "그림의 값은 모두 서버의 PyTorch가 미리 계산해 둔 것입니다. 슬라이더의 전체 범위를 한 묶음으로 만들어 "
        "`backward()`를 한 번만 호출했습니다. 손을 떼면 페이지의 나머지도 바뀝니다."
    ),
    "gradients.live.bar_y": ".grad",
    # Issue #18 × #14: the drag sliders' figures, read aloud (one sentence per frame).
    "gradients.chart.tangent.alt_ab": "그림: {x} = {value}일 때 Q{i} = {q}이고 접선의 기울기는 {slope}입니다. autograd의 {grad_name} = {grad}, 손으로 구한 값은 {hand}입니다.",
    "gradients.chart.tangent.alt_v": "그림: v{i} = {value}일 때 autograd의 a.grad[{j}] = {a_grad} (손으로 구한 값 {a_hand}), b.grad[{j}] = {b_grad} (손으로 구한 값 {b_hand})입니다.",
    "accumulation.chart.history.alt": "그림: backward()를 {calls}번 호출하며 매번 읽은 기울기. a.grad는 {a_values}, b.grad는 {b_values}입니다(호출 1번부터 {calls}번까지, 요소 [0] / [1]).",
    "accumulation.live_hint": "끌어 보세요. 한 칸마다 실제 backward() 호출이 하나씩 늘거나 줄고, 선이 따라 움직입니다. 표와 차트는 손을 떼면 바뀝니다.",
    # Issue #14: 레슨 ④의 끄는 슬라이더 (모멘텀과 학습률).
    "optimizer.live_title": "모멘텀과 학습률을 끌면 경로가 따라 움직입니다",
    "optimizer.live_intro": (
        "슬라이더를 누른 채로 끌어 보세요. 각 위치는 같은 출발점에서 실제 `torch.optim.SGD`를 "
        "{steps}단계 실행한 결과입니다(발산한 실행은 그 자리에서 멈춥니다)."
    ),
    "optimizer.live_how": (
        "여러분이 슬라이더를 만지기 전에 서버가 "
        "전체 범위를 미리 계산해 두고(값마다 한 번씩 실행하되 모두 함께 진행합니다), 그림은 그 숫자를 그리기만 합니다. "
        "손을 떼면 페이지의 나머지도 바뀝니다."
    ),
    "optimizer.live.momentum_hint": "학습률 {lr}. μ에 따라 바뀌는 것은 실선 실행뿐이고, 점선(모멘텀 0)은 그대로입니다.",
    "optimizer.live.lr_hint": "모멘텀 {momentum}. 학습률은 두 실행 모두에 쓰입니다(점선인 모멘텀 0 실행도 포함).",
    "optimizer.live.alt": "그림: 모멘텀 {momentum}, 학습률 {lr}, 처음 손실 {start}. {summary}",
    "optimizer.live.chart.map_title": "(a₁, a₂)의 경로",
    "optimizer.live.chart.loss_title": "단계별 손실",
    "optimizer.live.chart.step": "optim.step() 호출 횟수",
    "optimizer.live.chart.loss_linear": "손실",
    "optimizer.live.chart.loss_log": "손실 (로그 눈금)",
    "optimizer.live.chart.loss_symlog": "손실 (부호 있는 로그 눈금)",
    "optimizer.live.chart.chosen": "모멘텀 μ (슬라이더 값)",
    "optimizer.live.chart.end": "{steps}단계 후: {loss}",
    "optimizer.live.chart.stopped": "{step}단계에서 발산",
}
