# Indonesian mails, hand-written for the Kestrel eval set (CC0).
LANG = "id"

MAILS = [
dict(n=1, cat="deposit", pri="high", frm=("Budi Santoso", "budi.santoso@gmail.com"), fmt="qp",
     subj="Deposit USDT BEP20 belum masuk",
     body="""Selamat siang,

Saya sudah deposit 1.000 USDT lewat jaringan BEP20 ke alamat deposit saya kemarin jam 16.00 WIB, tapi sampai sekarang saldo belum bertambah.

Alamat deposit: {{ETH:a}}
TxHash: {{TX-EVM:a}}

Di BscScan statusnya sudah Success. UID saya 26650183.

Mohon dicek ya. Terima kasih.

Budi""",
     ents="uid 26650183", keep=["Di BscScan statusnya sudah Success."]),

dict(n=2, cat="deposit", pri="high", frm=("Siti Rahayu", "siti.rahayu@yahoo.co.id"), fmt="8bit",
     subj="top up rupiah lewat virtual account belum masuk",
     body="""min saya sudah transfer Rp 2.500.000 ke virtual account BCA dari aplikasi kestrel tadi pagi jam 9, di m-banking sudah berhasil tapi saldo rupiah di kestrel masih 0. tolong dibantu ya min, uid 61170492""",
     ents="uid 61170492",
     keep=["tolong dibantu ya min"]),

dict(n=3, cat="deposit", pri="high", frm=("Agus Prasetyo", "agus.prasetyo@gmail.com"), fmt="qp",
     subj="Deposit BTC belum dikreditkan",
     body="""Halo tim Kestrel,

Saya kirim 0,01 BTC ke alamat {{BTCQ:a}} dari Indodax. Transaksi {{TX-BTC:a}} sudah 4 konfirmasi tapi belum masuk juga.

Berapa konfirmasi yang dibutuhkan untuk BTC?

Salam,
Agus""",
     keep=["Berapa konfirmasi yang dibutuhkan untuk BTC?"]),

dict(n=4, cat="withdrawal", pri="high", frm=("Dewi Lestari", "dewi.lestari@gmail.com"), fmt="htmlonly", cte="b64",
     subj="Penarikan pending, saldo sudah terpotong",
     body="""Halo,

Saya melakukan penarikan 800 USDT (TRC20) ke {{TRX:a}} sejak kemarin sore, statusnya masih "Diproses". Saldo saya sudah terpotong tapi belum ada TxID.

Biasanya cuma beberapa menit. Tolong dibantu secepatnya.

(Screenshot riwayat penarikan: "USDT - TRC20 - 800 - Diproses - 27/11/2026 17:42", kolom TxID kosong.)

Dewi Lestari
UID 47702318""",
     ents="uid 47702318",
     keep=["Biasanya cuma beberapa menit."]),

dict(n=5, cat="withdrawal", pri="normal", frm=("Rizky Ramadhan", "rizky.ramadhan@gmail.com"), fmt="8bit",
     subj="limit withdraw",
     body="""Kak, limit withdraw per hari buat akun yang udah KYC level 1 berapa ya? Kalau mau naikin limit caranya gimana?""",
     keep=["Kalau mau naikin limit caranya gimana?"]),

dict(n=6, cat="withdrawal", pri="high", frm=("Hendra Wijaya", "hendra.wijaya@gmail.com"), fmt="qp",
     subj="Salah alamat withdraw ke contract token",
     body="""Selamat malam,

Saya withdraw 500 USDT (ERC20) tapi yang saya paste ternyata alamat contract token-nya: {{ETH:a}}. Status di Kestrel sudah Completed:

{{TX-EVM:a}}

Alamat wallet saya yang benar seharusnya {{BAD-ETH:x}} (saya salin dari catatan, semoga benar).

Apakah ada cara untuk menarik kembali? Saya tahu ini kesalahan saya, tapi mohon dibantu kalau memungkinkan.

Hendra""",
     keep=["Saya tahu ini kesalahan saya, tapi mohon dibantu kalau memungkinkan."]),

dict(n=7, cat="account_security", pri="urgent", frm=("Andi Saputra", "andi.saputra@gmail.com"), fmt="qp",
     subj="AKUN SAYA DIBOBOL!!",
     body="""Tolong segera!!! Akun saya dibobol orang, ada penarikan 2 ETH ke {{ETH:a}} yang bukan saya lakukan. UID 80914466. Tolong bekukan akun saya sekarang juga.

Saya juga punya wallet MetaMask di HP yang sama, ini seed phrase-nya tolong dicek aman atau tidak: {{SEED-english-24:a}}

Saya tidak pernah kasih password ke siapa pun.""",
     ents="uid 80914466",
     keep=["Saya tidak pernah kasih password ke siapa pun.", "Tolong bekukan akun saya sekarang juga."],
     notes="24-word English BIP39 phrase in an Indonesian mail."),

dict(n=8, cat="account_security", pri="normal", frm=("Putri Maharani", "putri.maharani@gmail.com"), fmt="8bit",
     subj="HP hilang, tidak bisa login",
     body="""Halo kak, HP saya hilang jadi Google Authenticator juga hilang. Sekarang tidak bisa login karena diminta kode 2FA. Bagaimana cara reset 2FA-nya? Terima kasih""",
     keep=["Bagaimana cara reset 2FA-nya?"]),

dict(n=9, cat="account_security", pri="urgent", frm=("Joko Susilo", "joko.susilo1970@gmail.com"), fmt="8bit",
     subj="tidak bisa masuk akun",
     body="""Selamat pagi, saya tidak bisa masuk ke akun, katanya password salah terus. Password saya Jokowow#2024 sudah benar. Tolong dicek dari sistem. Terima kasih pak.""",
     sec=[("password", "Jokowow#2024")],
     keep=["Tolong dicek dari sistem."]),

dict(n=10, cat="trading", pri="normal", frm=("Fajar Nugroho", "fajar.nugroho@gmail.com"), fmt="qp",
     subj="Posisi futures kena likuidasi padahal belum sampai harga",
     body="""Halo,

Posisi long BTCUSDT 20x saya kena likuidasi jam 03.10 WIB, order ID 6027731845093376000. Menurut chart mark price tidak pernah menyentuh harga likuidasi saya.

Mohon penjelasannya.""",
     ents="order_id 6027731845093376000",
     keep=["Mohon penjelasannya."]),

dict(n=11, cat="trading", pri="high", frm=("Rina Kusuma", "rina.kusuma@gmail.com"), fmt="8bit",
     subj="P2P penjual tidak melepas USDT",
     body="""Saya beli 300 USDT di P2P, nomor order 20261128102244619, sudah transfer Rp 4.830.000 lewat BCA dan klik "Sudah Bayar". Penjual tidak melepas koin dan tidak membalas chat sudah 2 jam. Saya sudah ajukan banding. Tolong segera diproses.""",
     ents="order_id 20261128102244619",
     keep=["Saya sudah ajukan banding."]),

dict(n=12, cat="kyc_aml", pri="normal", frm=("Ahmad Fauzi", "ahmad.fauzi@gmail.com"), fmt="qp",
     subj="Verifikasi KTP ditolak",
     body="""Selamat siang,

Verifikasi identitas saya ditolak dengan alasan "data tidak sesuai". NIK saya {{NIK:a}}, nama Ahmad Fauzi sesuai KTP.

Apakah karena foto KTP saya agak buram? Bisa dicek manual?

Terima kasih""",
     keep=["Apakah karena foto KTP saya agak buram?"],
     notes="Indonesian NIK (16 digits)."),

dict(n=13, cat="kyc_aml", pri="normal", frm=("Maya Sari", "maya.sari@gmail.com"), fmt="8bit",
     subj="verifikasi wajah gagal terus",
     body="""kak verifikasi wajah saya gagal terus padahal sudah pakai cahaya terang dan tidak pakai kacamata. sudah 5x. ada cara lain ga?""",
     keep=["ada cara lain ga?"]),

dict(n=14, cat="api", pri="normal", frm=("Yoga Pratama", "yoga.pratama.dev@gmail.com"), fmt="qp",
     subj="API kena rate limit code 10018",
     body="""Halo tim,

Bot saya sering kena {"code":10018,"msg":"Too many requests"} padahal cuma polling ticker 5 kali per detik. Berapa sebenarnya batas request per menit untuk endpoint publik? Apakah lebih baik pakai websocket?

UID 39928410""",
     ents="error_code 10018 | uid 39928410",
     keep=["Apakah lebih baik pakai websocket?"]),

dict(n=15, cat="promotions", pri="normal", frm=("Intan Permata", "intan.permata@gmail.com"), fmt="8bit",
     subj="hadiah trading competition belum diterima",
     body="""Halo, saya juara 12 di trading competition bulan Oktober, harusnya dapat hadiah 150 USDT tapi sampai sekarang belum masuk. UID 52281907. Terima kasih""",
     ents="uid 52281907",
     keep=["Terima kasih"]),

dict(n=16, cat="phishing_report", pri="normal", frm=("Dimas Aditya", "dimas.aditya@gmail.com"), fmt="qp",
     subj="Ada CS palsu Kestrel di WhatsApp",
     body="""Halo Kestrel,

Saya mau lapor. Ada nomor WhatsApp +62 812-9034-7716 yang pakai nama "CS Kestrel Indonesia" dan foto profil logo Kestrel. Dia bilang akun saya terkena pemblokiran dan minta saya kirim kode OTP dan password supaya bisa dibuka.

Saya tidak kasih apa-apa. Mohon diperingatkan pengguna lain.""",
     phish=("phishing", "impersonated_channel spoofed_display_name credential_request"),
     keep=["Saya tidak kasih apa-apa."]),

dict(n=17, cat="phishing_report", pri="normal", frm=("Wahyu Hidayat", "wahyu.hidayat@gmail.com"), fmt="html",
     subj="Fwd: Pemberitahuan Penting: Verifikasi Akun",
     body="""Halo, saya terima email ini, kayaknya palsu karena domainnya kestrel-exchange.co.id. Saya belum klik apa-apa.

---------- Pesan terusan ---------
Dari: Kestrel Exchange <info@kestrel-exchange.co.id>
Tanggal: Sen, 23 Nov 2026 pukul 08.15
Subjek: Pemberitahuan Penting: Verifikasi Akun
Kepada: <wahyu.hidayat@gmail.com>


Pelanggan yang terhormat,

Sesuai peraturan baru, semua akun wajib diverifikasi ulang dalam 24 jam. Klik tombol di bawah dan masukkan email, kata sandi, dan kode Google Authenticator Anda.

[Verifikasi Sekarang] https://kestrel.exchange/id/verify <https://kestrel-exchange.co.id/verify>

Tim Kestrel""",
     ents="email info@kestrel-exchange.co.id",
     phish=("phishing", "lookalike_domain link_mismatch credential_request urgency spoofed_display_name"),
     keep=["Saya belum klik apa-apa."]),

dict(n=18, cat="phishing_report", pri="normal", frm=("Sari Wulandari", "sari.wulandari@gmail.com"), fmt="8bit",
     subj="grup telegram kestrel indonesia airdrop resmi?",
     body="""kak mau tanya, aku diundang ke grup telegram "Kestrel Indonesia Airdrop 🎁" isinya 3 ribu orang, katanya ada event bagi-bagi token buat 1000 user pertama, tinggal isi form. aku belum isi apa-apa, formnya belum dibuka juga. ini resmi dari kestrel bukan?""",
     phish=("suspicious", "impersonated_channel"),
     keep=["aku belum isi apa-apa, formnya belum dibuka juga."],
     notes="Concrete contact encountered but nothing requested yet: phishing_report, verdict suspicious (not promotions)."),

dict(n=19, cat="feedback", pri="low", frm=("Eko Wibowo", "eko.wibowo@gmail.com"), fmt="qp",
     subj="Masukan untuk aplikasi",
     body="""Halo tim Kestrel,

Aplikasinya sudah bagus, tapi tolong tambahkan bahasa Indonesia yang lebih lengkap, masih banyak menu yang bahasa Inggris. Dan kalau bisa ada fitur DCA otomatis pakai rupiah.

Sukses terus!""",
     keep=["Aplikasinya sudah bagus, tapi tolong tambahkan bahasa Indonesia yang lebih lengkap, masih banyak menu yang bahasa Inggris."]),

dict(n=20, cat="other", pri="low", frm=("Lina Marlina", "lina.marlina@gmail.com"), fmt="8bit",
     subj="Apakah Kestrel terdaftar di OJK?",
     body="""Selamat sore, apakah Kestrel Exchange sudah terdaftar dan diawasi OJK (dulu Bappebti)? Saya mau pastikan sebelum deposit dalam jumlah besar. Terima kasih.""",
     keep=["Saya mau pastikan sebelum deposit dalam jumlah besar."]),
]
