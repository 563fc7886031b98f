# Vietnamese mails, hand-written for the Kestrel eval set (CC0).
LANG = "vi"

MAILS = [
dict(n=1, cat="deposit", pri="high", frm=("Nguyễn Minh Tuấn", "tuan.nguyenminh@gmail.com"), fmt="qp",
     subj="Nạp USDT BEP20 chưa được cộng vào tài khoản",
     body="""Chào bộ phận hỗ trợ,

Tôi đã nạp 2.000 USDT qua mạng BEP20 (BNB Smart Chain) vào địa chỉ nạp tiền của tôi lúc 14h ngày 21/11 nhưng đến giờ vẫn chưa thấy cộng vào tài khoản.

Địa chỉ nạp: {{ETH:a}}
TxHash: {{TX-EVM:a}}

Trên BscScan giao dịch đã thành công. UID của tôi: 57730281.

Mong các bạn kiểm tra sớm giúp. Cảm ơn!

Tuấn""",
     ents="uid 57730281", keep=["Trên BscScan giao dịch đã thành công."]),

dict(n=2, cat="deposit", pri="high", frm=("Tran Hoang", "hoangtran.hcm@yahoo.com.vn"), fmt="8bit",
     subj="nap usdt chua ve",
     body="""ad oi em nap 500 usdt trc20 tu 5 tieng truoc ma chua ve, tronscan bao thanh cong roi

txid {{TX-TRON:a}}

uid 18830274 ad check giup em voi gap lam""",
     ents="uid 18830274",
     keep=["ad check giup em voi gap lam"],
     notes="Vietnamese written without diacritics, phone style."),

dict(n=3, cat="deposit", pri="high", frm=("Lê Thị Hương", "huong.le.sol@gmail.com"), fmt="qp",
     subj="Nạp USDT mạng Solana không thấy về",
     body="""Xin chào,

Tôi chuyển 1.200 USDT (SPL, mạng Solana) từ ví Phantom sang Kestrel. Giao dịch đã xác nhận trên Solscan:

{{TX-SOL:a}}

Nhưng lịch sử nạp tiền trên Kestrel không có gì. Có phải do tôi chưa tạo địa chỉ nạp Solana trước khi gửi không?

UID 92041183

Cảm ơn.""",
     ents="uid 92041183",
     keep=["Có phải do tôi chưa tạo địa chỉ nạp Solana trước khi gửi không?"]),

dict(n=4, cat="withdrawal", pri="high", frm=("Phạm Quốc Bảo", "bao.pham.q@gmail.com"), fmt="html",
     subj="Lệnh rút tiền bị treo, tiền đã bị trừ",
     body="""Chào Kestrel,

Tôi rút 3.000 USDT (TRC20) về ví {{TRX:a}} từ hôm qua nhưng lệnh vẫn ở trạng thái "Đang xử lý". Số dư đã bị trừ rồi.

Trước giờ tôi rút về ví này rất nhiều lần không có vấn đề gì. Vui lòng kiểm tra và xử lý sớm.

UID: 36610928
Phạm Quốc Bảo""",
     ents="uid 36610928",
     keep=["Trước giờ tôi rút về ví này rất nhiều lần không có vấn đề gì."]),

dict(n=5, cat="withdrawal", pri="normal", frm=("Vũ Thanh", "thanh.vu88@gmail.com"), fmt="8bit",
     subj="Hạn mức rút tiền",
     body="""Cho mình hỏi tài khoản đã xác minh cấp 1 thì rút tối đa bao nhiêu 1 ngày vậy? Muốn tăng hạn mức thì làm sao?""",
     keep=["Muốn tăng hạn mức thì làm sao?"]),

dict(n=6, cat="withdrawal", pri="high", frm=("Đặng Văn Long", "long.dang.vn@gmail.com"), fmt="qp",
     subj="Rút nhầm về ví cũ đã mất seed",
     body="""Chào các bạn,

Tôi vừa rút 0,6 ETH nhưng chọn nhầm địa chỉ trong sổ địa chỉ: {{ETH:a}}. Đây là ví MetaMask cũ mà tôi đã mất cụm từ khôi phục từ năm ngoái, nên không truy cập được nữa.

Giao dịch: {{TX-EVM:a}}

Có cách nào hủy hoặc lấy lại không? Tôi biết là khó nhưng vẫn muốn hỏi.""",
     keep=["Tôi biết là khó nhưng vẫn muốn hỏi."],
     notes="Mentions a lost recovery phrase but contains none."),

dict(n=7, cat="account_security", pri="urgent", frm=("Hoàng Anh Dũng", "dung.hoanganh@gmail.com"), fmt="qp",
     subj="TÀI KHOẢN BỊ HACK - khẩn cấp",
     body="""Khẩn cấp!!!

Tài khoản của tôi vừa bị đăng nhập từ thiết bị lạ và có lệnh rút 1.500 USDT tới địa chỉ {{TRX:a}} mà tôi không hề thực hiện. Tôi không nhận được mã SMS nào cả.

Vui lòng khóa tài khoản ngay lập tức! UID 70239915

Tôi chưa từng chia sẻ mật khẩu cho ai.""",
     ents="uid 70239915",
     keep=["Tôi chưa từng chia sẻ mật khẩu cho ai.", "Vui lòng khóa tài khoản ngay lập tức!"]),

dict(n=8, cat="account_security", pri="normal", frm=("Ngô Thị Mai", "mai.ngo.1995@gmail.com"), fmt="8bit",
     subj="Không nhận được email đặt lại mật khẩu",
     body="""Chào bạn, mình quên mật khẩu và bấm "Quên mật khẩu" mấy lần rồi mà không nhận được email đặt lại, đã kiểm tra cả thư mục spam. Email đăng ký là email này. Giúp mình với.""",
     keep=["đã kiểm tra cả thư mục spam."]),

dict(n=9, cat="account_security", pri="urgent", frm=("Bùi Văn Hùng", "hung.bui.kt@gmail.com"), fmt="8bit",
     subj="Nhờ admin đăng nhập giúp",
     body="""Chào admin, anh lớn tuổi không rành điện thoại, app báo sai mật khẩu hoài. Mật khẩu của anh là Hung@1968vn, admin đăng nhập vào xem giúp anh số dư còn không nhé. Cảm ơn em.""",
     sec=[("password", "Hung@1968vn")],
     keep=["app báo sai mật khẩu hoài."]),

dict(n=10, cat="trading", pri="normal", frm=("Trịnh Công Sơn", "son.trinh.futures@gmail.com"), fmt="qp",
     subj="Bị thanh lý vị thế futures vô lý",
     body="""Chào Kestrel,

Vị thế long ETHUSDT x25 của tôi bị thanh lý lúc 2h sáng, mã lệnh 2284019937561120768. Giá thanh lý là 2.290 nhưng giá mark thấp nhất chỉ 2.301.

Tôi yêu cầu giải thích rõ ràng.""",
     ents="order_id 2284019937561120768",
     keep=["Tôi yêu cầu giải thích rõ ràng."]),

dict(n=11, cat="trading", pri="high", frm=("Lý Gia Huy", "huy.ly.p2p@gmail.com"), fmt="qp",
     subj="P2P: đã chuyển khoản nhưng người bán không nhả coin",
     body="""Xin chào,

Tôi mua 400 USDT trên P2P, mã lệnh 20261126211507436, đã chuyển 10.320.000 VND qua Vietcombank đúng nội dung, bấm "Đã thanh toán". Người bán không nhả coin, chat không trả lời, lệnh đã hết giờ.

Tôi đã mở khiếu nại và gửi ảnh chụp màn hình chuyển khoản. Mong được xử lý nhanh.""",
     ents="order_id 20261126211507436",
     keep=["Tôi đã mở khiếu nại và gửi ảnh chụp màn hình chuyển khoản."]),

dict(n=12, cat="kyc_aml", pri="normal", frm=("Đỗ Thị Lan", "lan.do.hn@gmail.com"), fmt="qp",
     subj="Xác minh danh tính bị từ chối",
     body="""Chào các bạn,

Tôi xác minh bằng căn cước công dân nhưng bị từ chối với lý do "thông tin không khớp". Số CCCD của tôi là {{CCCD:a}}, họ tên Đỗ Thị Lan.

Có phải do tôi nhập tên không dấu không? Làm sao để sửa lại?""",
     keep=["Có phải do tôi nhập tên không dấu không?"],
     notes="Vietnamese citizen ID (CCCD) number, 12 digits."),

dict(n=13, cat="kyc_aml", pri="normal", frm=("Cao Minh Khoa", "khoa.cao@outlook.com"), fmt="8bit",
     subj="Không qua được bước selfie",
     body="""Bước quay video khuôn mặt cứ báo "không phát hiện người thật" mặc dù tôi làm đúng hướng dẫn, ánh sáng đủ. Đã thử 6 lần trên 2 điện thoại khác nhau. Có cách nào xác minh thủ công không?""",
     keep=["Có cách nào xác minh thủ công không?"]),

dict(n=14, cat="api", pri="normal", frm=("Mai Xuân Trường", "truong.mai.dev@gmail.com"), fmt="qp",
     subj="API trả về code 10029 invalid symbol",
     body="""Chào team,

Khi gọi API đặt lệnh cho cặp PEPE/USDT, mình nhận được {"code":10029,"msg":"invalid symbol"}. Cặp này vẫn giao dịch bình thường trên web.

Mình dùng symbol "PEPEUSDT". Có phải phải viết khác không? Tạo API key mới có giúp gì không?

UID 41880026""",
     ents="error_code 10029 | uid 41880026",
     keep=["Tạo API key mới có giúp gì không?"]),

dict(n=15, cat="promotions", pri="normal", frm=("Phan Thu Trang", "trang.phan@gmail.com"), fmt="8bit",
     subj="Chưa nhận thưởng giới thiệu bạn bè",
     body="""Mình giới thiệu 3 bạn đăng ký và giao dịch đủ điều kiện trong tháng 10 nhưng chưa nhận được thưởng giới thiệu. UID mình 27719340. Kiểm tra giúp mình nhé, cảm ơn!""",
     ents="uid 27719340",
     keep=["Kiểm tra giúp mình nhé, cảm ơn!"]),

dict(n=16, cat="phishing_report", pri="normal", frm=("Võ Minh Châu", "chau.vo.m@gmail.com"), fmt="qp",
     subj="Có người giả mạo hỗ trợ Kestrel trên Zalo",
     body="""Chào Kestrel,

Tôi muốn báo cáo một tài khoản Zalo tên "CSKH Kestrel Việt Nam" (số điện thoại 0896 412 775). Người này nhắn tin nói tài khoản tôi bị khóa do "rửa tiền" và yêu cầu tôi cài ứng dụng "Kestrel Pro" từ một file APK để xác minh.

Tôi không cài. Mong các bạn cảnh báo người dùng khác.""",
     phish=("phishing", "impersonated_channel spoofed_display_name attachment_risk urgency"),
     keep=["Tôi không cài."],
     notes="APK sent for installation counts as attachment_risk."),

dict(n=17, cat="phishing_report", pri="normal", frm=("Lâm Quang Vinh", "vinh.lam.q@gmail.com"), fmt="html",
     subj="Fwd: Xác minh tài khoản Kestrel của bạn",
     body="""Chào bạn, mình nhận được email này, trông rất giống email của Kestrel nhưng tên miền là kestrei-support.net. Mình chưa bấm vào link. Gửi các bạn để xử lý.

---------- Forwarded message ---------
Từ: Kestrel Support <verify@kestrei-support.net>
Date: Th 6, 20 thg 11, 2026 lúc 07:55
Subject: Xác minh tài khoản Kestrel của bạn
To: <vinh.lam.q@gmail.com>


Kính gửi Quý khách,

Tài khoản của Quý khách chưa hoàn thành xác minh bảo mật mới. Vui lòng đăng nhập tại liên kết bên dưới trong vòng 24 giờ để tránh bị tạm ngưng giao dịch:

https://kestrei-support.net/vn/login

Trân trọng,
Đội ngũ Kestrel""",
     ents="email verify@kestrei-support.net",
     phish=("phishing", "lookalike_domain credential_request urgency spoofed_display_name"),
     keep=["Mình chưa bấm vào link."]),

dict(n=18, cat="phishing_report", pri="normal", frm=("Hồ Ngọc Hà", "ha.ho.ngoc@gmail.com"), fmt="8bit",
     subj="Fanpage Facebook giả mạo airdrop",
     body="""Fanpage "Kestrel Exchange Vietnam Official" trên Facebook đang chạy quảng cáo airdrop 500 USDT, bắt kết nối ví tại kestrel-airdrop.app và ký giao dịch. Bạn tôi đã bị mất tiền vì trang này. Tôi thì chưa kết nối gì. Các bạn kiểm tra và báo Facebook gỡ giúp.""",
     phish=("phishing", "impersonated_channel lookalike_domain spoofed_display_name"),
     keep=["Tôi thì chưa kết nối gì."]),

dict(n=19, cat="feedback", pri="low", frm=("Quách Tuấn Kiệt", "kiet.quach@gmail.com"), fmt="qp",
     subj="Góp ý: nên có Zalo OA chính thức",
     body="""Chào Kestrel,

Dạo này mình thấy nhiều người trong nhóm bị lừa qua Zalo bởi mấy tài khoản giả danh CSKH. Mình nghĩ sàn nên mở một Zalo OA chính thức có tích xanh và ghi rõ trên app là kênh nào là thật, như vậy người dùng sẽ đỡ bị lừa hơn.

Ngoài ra app rất mượt, phí cũng hợp lý. Cảm ơn team!""",
     keep=["Ngoài ra app rất mượt, phí cũng hợp lý."],
     notes="Phishing-adjacent suggestion without a concrete suspicious contact: feedback, phishing null."),

dict(n=20, cat="other", pri="low", frm=("Tạ Văn Phúc", "phuc.ta@gmail.com"), fmt="8bit",
     subj="Hỏi về văn phòng tại Việt Nam",
     body="""Cho tôi hỏi Kestrel có văn phòng hay pháp nhân ở Việt Nam không? Và có hỗ trợ tiếng Việt 24/7 không? Xin cảm ơn.""",
     keep=["Và có hỗ trợ tiếng Việt 24/7 không?"]),
]
