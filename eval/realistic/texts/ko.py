# Korean mails, hand-written for the Kestrel eval set (CC0).
LANG = "ko"

MAILS = [
dict(n=1, cat="deposit", pri="high", frm=("김민수", "minsu.kim88@naver.com"), cs="euc-kr", fmt="b64",
     subj="USDT 입금이 반영되지 않습니다",
     body="""안녕하세요.

11월 19일 오후 3시쯤 다른 거래소에서 USDT 3,000개를 TRC20으로 입금했는데 아직 잔고에 반영이 안 됐습니다.

트론스캔에서는 이미 완료로 나옵니다.
TXID: {{TX-TRON:a}}
입금 주소: {{TRX:a}}

UID: 58203316

빠른 확인 부탁드립니다.
김민수 드림""",
     ents="uid 58203316", keep=["트론스캔에서는 이미 완료로 나옵니다."]),

dict(n=2, cat="deposit", pri="high", frm=("이서연", "seoyeon.lee@gmail.com"), fmt="qp",
     subj="ETH 입금이 안 들어왔어요 (스마트 컨트랙트 지갑)",
     body="""안녕하세요,

Safe 멀티시그 지갑에서 2.5 ETH를 Kestrel 입금 주소로 보냈는데 입금 내역에 안 보여요.

입금 주소: {{ETH:a}}
트랜잭션: {{TX-EVM:a}}

이더스캔에서 보면 internal transaction으로 들어간 걸로 나오는데, 혹시 컨트랙트에서 보낸 입금은 인식이 안 되나요?

UID 23370981
감사합니다.""",
     ents="uid 23370981",
     keep=["혹시 컨트랙트에서 보낸 입금은 인식이 안 되나요?"]),

dict(n=3, cat="deposit", pri="high", frm=("박지훈", "jihoon.park@daum.net"), fmt="8bit",
     subj="BTC 입금 확인 부탁드립니다",
     body="""예전에 받은 BTC 입금 주소 {{BTC3:a}} 로 0.05 BTC 보냈습니다. 지금 앱에는 bc1으로 시작하는 주소가 나오던데 예전 주소로 보내면 안 되는 건가요?

TXID {{TX-BTC:a}}
(메모장에 적어둔 다른 주소 {{BAD-BTCQ:x}} 는 앱에서 "유효하지 않은 주소"라고 나와서 안 썼어요)

아직 반영이 안 됐어요 ㅠㅠ""",
     keep=["지금 앱에는 bc1으로 시작하는 주소가 나오던데 예전 주소로 보내면 안 되는 건가요?"]),

dict(n=4, cat="withdrawal", pri="high", frm=("최유진", "yujin.choi@naver.com"), fmt="htmlonly",
     subj="출금이 트래블룰 때문에 보류 중이라고 합니다",
     body="""안녕하세요.

업비트로 1,200 USDT 출금을 신청했는데 "트래블룰 확인 중"이라는 상태로 이틀째 보류되어 있습니다. 잔고에서는 이미 차감되었습니다.

받는 사람 정보(본인, 업비트 계정)는 다 입력했습니다. 추가로 무엇을 제출해야 하나요?

출금 주소: {{ETH:a}}
UID: 40027715

최유진""",
     ents="uid 40027715",
     keep=["받는 사람 정보(본인, 업비트 계정)는 다 입력했습니다."]),

dict(n=5, cat="withdrawal", pri="normal", frm=("정우성", "woosung.j@gmail.com"), fmt="8bit",
     subj="출금 한도 문의",
     body="""1일 출금 한도가 얼마인가요? 인증 레벨 2인데 한도 상향 신청은 어디서 하나요?""",
     keep=["인증 레벨 2인데 한도 상향 신청은 어디서 하나요?"]),

dict(n=6, cat="withdrawal", pri="high", frm=("강하늘", "haneul.kang@naver.com"), cs="euc-kr", fmt="b64",
     subj="XRP 출금할 때 태그를 안 넣었어요",
     body="""안녕하세요

업비트로 XRP 2,000개 출금하면서 데스티네이션 태그를 깜빡하고 안 넣었습니다. 출금은 완료로 나오는데 업비트에는 안 들어왔어요.

출금 주소: {{XRP:a}}
트랜잭션 해시: {{TX-XRP:a}}

업비트에도 문의했는데 Kestrel 쪽에서 출금 확인서를 받아오라고 합니다. 발급 가능할까요?

UID 71900334""",
     ents="uid 71900334",
     keep=["업비트에도 문의했는데 Kestrel 쪽에서 출금 확인서를 받아오라고 합니다."]),

dict(n=7, cat="account_security", pri="urgent", frm=("윤서준", "seojun.yoon@gmail.com"), fmt="qp",
     subj="고객센터라고 전화 와서 원격 앱 깔았는데 코인이 다 빠져나갔어요",
     body="""도와주세요.

오늘 오후에 02-XXXX 번호로 전화가 와서 "Kestrel 고객보호팀"이라고 하면서 제 계정에 해외 로그인 시도가 있다고 했습니다. 보안 점검을 해야 한다고 해서 시키는 대로 원격 지원 앱(AnyDesk)을 설치했어요.

통화 끝나고 30분 뒤에 보니까 BTC랑 USDT가 전부 출금됐습니다. 출금 주소는 {{BTCQ:a}} 입니다.

지금 계정 바로 막아주세요. 경찰에도 신고할 예정입니다. UID 30558102""",
     ents="uid 30558102",
     phish=("phishing", "impersonated_channel urgency"),
     keep=["지금 계정 바로 막아주세요.", "경찰에도 신고할 예정입니다."],
     notes="Victim of a phone scam asking to lock the account: account_security, with a phishing label because it describes the fake call."),

dict(n=8, cat="account_security", pri="normal", frm=("한지민", "jimin.han@kakao.com"), fmt="8bit",
     subj="OTP 분실",
     body="""핸드폰을 잃어버려서 OTP 앱이 없어요 로그인이 안 되는데 OTP 해제 어떻게 하나요""",
     keep=["OTP 해제 어떻게 하나요"]),

dict(n=9, cat="account_security", pri="urgent", frm=("임도현", "dohyun.lim@naver.com"), fmt="qp",
     subj="제가 하지 않은 새 기기 로그인 알림",
     body="""안녕하세요,

방금 "새 기기에서 로그인" 알림 메일을 받았는데 제가 한 게 아닙니다 (Windows, 러시아). 비밀번호는 바로 바꿨고 아직 출금은 없는 것 같습니다.

혹시 몰라서 같은 PC에 있던 지갑 복구 문구도 적어 드립니다. 이것도 위험한지 확인 부탁드려요:
{{SEED-korean-21:a}}

계정 잠금 부탁드립니다. UID 88764120""",
     ents="uid 88764120",
     keep=["비밀번호는 바로 바꿨고 아직 출금은 없는 것 같습니다."],
     notes="Korean BIP39 phrase."),

dict(n=10, cat="trading", pri="normal", frm=("송민호", "minho.song@gmail.com"), fmt="qp",
     subj="선물 지정가 주문이 체결되지 않았습니다",
     body="""BTCUSDT 무기한 선물에서 숏 지정가 주문을 64,200에 걸어 놨는데, 가격이 64,350까지 올라갔는데도 체결이 안 됐습니다.

주문번호: 9023318847562019840

Post-only 옵션은 안 켰습니다. 이유를 알려주세요.""",
     ents="order_id 9023318847562019840",
     keep=["Post-only 옵션은 안 켰습니다."]),

dict(n=11, cat="trading", pri="normal", frm=("오세훈", "sehoon.oh@naver.com"), fmt="8bit",
     subj="시장가 주문 슬리피지 너무 심함",
     body="""알트코인 시장가로 5천 달러 샀는데 표시 가격보다 4% 비싸게 체결됐어요. 주문번호 7719203384105566720 확인해주세요. 이러면 누가 여기서 거래합니까""",
     ents="order_id 7719203384105566720",
     keep=["이러면 누가 여기서 거래합니까"]),

dict(n=12, cat="kyc_aml", pri="normal", frm=("배수지", "suzy.bae@naver.com"), fmt="qp",
     subj="신분증 인증이 계속 실패합니다",
     body="""안녕하세요.

주민등록증으로 본인인증을 하는데 계속 "정보 불일치"로 실패합니다. 주민등록번호는 {{KRRN:a}} 이고 이름은 배수지입니다.

혹시 최근에 주소를 옮겨서 그런 걸까요? 운전면허증으로 해도 되나요?""",
     keep=["혹시 최근에 주소를 옮겨서 그런 걸까요?"],
     notes="Korean resident registration number with valid check digit."),

dict(n=13, cat="kyc_aml", pri="normal", frm=("Nguyen Van Hai", "haingv.kr@gmail.com"), fmt="8bit",
     subj="외국인등록증으로 인증 가능한가요?",
     body="""안녕하세요. 저는 한국에 사는 베트남 사람입니다. 한국어 잘 못해서 죄송합니다.

외국인등록증으로 KYC 했는데 거절됐습니다. 여권으로 다시 해야 하나요? 여권은 베트남 여권이에요.

감사합니다""",
     keep=["여권으로 다시 해야 하나요?"],
     notes="Non-native Korean; language is still ko."),

dict(n=14, cat="api", pri="normal", frm=("조현우", "hyunwoo.cho.dev@gmail.com"), fmt="qp",
     subj="API 키 출금 권한 관련",
     body="""안녕하세요,

자동 리밸런싱 봇을 만들고 있는데 API 키에 출금 권한을 켜려고 하니 "IP 화이트리스트를 설정해야 합니다"라고 나옵니다.

클라우드 서버라 IP가 바뀔 수 있는데, IP 대역(CIDR)으로 등록하는 것도 가능한가요? 새 API 키를 만들어야 하나요?

UID 50019283""",
     ents="uid 50019283",
     keep=["새 API 키를 만들어야 하나요?"]),

dict(n=15, cat="promotions", pri="normal", frm=("신예은", "yeeun.shin@gmail.com"), fmt="8bit",
     subj="에어드랍 이벤트 보상 미지급",
     body="""안녕하세요. 10월 "신규 상장 에어드랍" 이벤트 조건(7일 보유, 100 USDT 이상 거래) 다 채웠는데 보상을 못 받았어요. 언제 지급되나요?

UID 63382019""",
     ents="uid 63382019",
     keep=["언제 지급되나요?"]),

dict(n=16, cat="phishing_report", pri="normal", frm=("권나라", "nara.kwon@naver.com"), fmt="qp",
     subj="카카오톡으로 Kestrel 상담원을 사칭하는 사람이 있어요",
     body="""안녕하세요.

오픈채팅방에서 출금 문제를 물어봤더니 "Kestrel 공식상담원"이라는 카카오톡 계정이 연락을 해왔습니다. 프로필 사진도 Kestrel 로고였어요.

그 사람이 제 계정 문제를 해결하려면 로그인 비밀번호와 OTP 번호를 알려달라고 했어요. 이상해서 알려주지 않았습니다.

이런 사람 신고하려고 메일 드립니다. 카톡 아이디는 kestrel_cs_kr 입니다.""",
     phish=("phishing", "impersonated_channel spoofed_display_name credential_request"),
     keep=["이상해서 알려주지 않았습니다."]),

dict(n=17, cat="phishing_report", pri="normal", frm=("문채원", "chaewon.moon@gmail.com"), fmt="8bit",
     subj="이상한 문자 받았습니다",
     body="""이런 문자가 왔어요.

[국외발신]
[Kestrel] 고객님의 계정에서 비정상 출금 시도가 감지되었습니다. 본인이 아니면 즉시 확인 kestrei-support.net/kr

kestrei 철자도 이상하고 국외발신이라 피싱 같아서 신고합니다. 링크는 안 눌렀어요.""",
     phish=("phishing", "lookalike_domain urgency impersonated_channel"),
     keep=["링크는 안 눌렀어요."]),

dict(n=18, cat="phishing_report", pri="low", frm=("장동건", "donggun.jang@naver.com"), fmt="html",
     subj="FW: 출금 요청 확인 메일이 진짜인가요?",
     body="""안녕하세요, 아래 메일이 진짜 Kestrel에서 보낸 게 맞는지 확인 부탁드립니다. 출금은 제가 신청한 게 맞는데, 요즘 피싱이 많아서요. 메일에 있는 피싱 방지 코드(MOONCAKE7)는 제가 설정한 것과 같습니다.

-----Original Message-----
From: "Kestrel Exchange"<no-reply@kestrel.exchange>
To: <donggun.jang@naver.com>;
Cc:
Sent: 2026-11-19 (목) 14:22:09 (GMT+09:00)
Subject: [Kestrel] 출금 요청 확인

안녕하세요,

다음 출금 요청이 접수되었습니다.

자산: USDT
수량: 500
네트워크: TRC20

피싱 방지 코드: MOONCAKE7

본인이 요청하지 않았다면 즉시 https://kestrel.exchange/account/security 에서 계정을 잠그고 security@kestrel.exchange 로 연락해 주세요.

Kestrel Exchange""",
     ents="email no-reply@kestrel.exchange | email security@kestrel.exchange",
     phish=("clean", ""),
     keep=["출금은 제가 신청한 게 맞는데, 요즘 피싱이 많아서요."],
     notes="Genuine notification with matching anti-phishing code: verdict clean, priority low."),

dict(n=19, cat="feedback", pri="low", frm=("류준열", "junyeol.ryu@gmail.com"), fmt="8bit",
     subj="한국어 번역 좀 고쳐주세요",
     body="""앱 한국어 번역이 너무 어색해요. "자산을 철회하다" 이런 말은 아무도 안 씁니다 ㅋㅋ 그리고 원화 마켓도 생기면 좋겠어요. 그 외에는 빠르고 좋습니다!""",
     keep=["그 외에는 빠르고 좋습니다!"]),

dict(n=20, cat="other", pri="low", frm=("서지호", "jiho.seo@naver.com"), fmt="qp",
     subj="해외 거래소 계좌 신고 관련 문의",
     body="""안녕하세요.

해외금융계좌 신고를 해야 하는데, Kestrel 계정의 연말 기준 잔고 증명서를 발급받을 수 있을까요? 영문으로 된 것도 괜찮습니다.

감사합니다.""",
     keep=["영문으로 된 것도 괜찮습니다."]),
]
