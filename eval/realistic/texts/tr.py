# Turkish mails, hand-written for the Kestrel eval set (CC0).
LANG = "tr"

MAILS = [
dict(n=1, cat="deposit", pri="high", frm=("Mehmet Yılmaz", "mehmet.yilmaz@hotmail.com"), cs="iso-8859-9", fmt="qp",
     subj="USDT yatırma işlemim hesabıma geçmedi",
     body="""Merhaba,

Dün akşam saat 21:00 civarında başka bir borsadan TRC20 ağı üzerinden 2.500 USDT gönderdim, hâlâ hesabıma geçmedi.

İşlem hash: {{TX-TRON:a}}
Yatırma adresi: {{TRX:a}}
UID: 64420817

Tronscan'de işlem başarılı görünüyor. Lütfen acil kontrol edin.

Teşekkürler,
Mehmet Yılmaz""",
     ents="uid 64420817", keep=["Tronscan'de işlem başarılı görünüyor."]),

dict(n=2, cat="deposit", pri="high", frm=("Ayşe Demir", "aysedemir.88@gmail.com"), fmt="qp",
     subj="Kartla alım yaptım, para çekildi ama kripto gelmedi",
     body="""Merhaba,

Uygulamadan kredi kartımla 5.000 TL'lik USDT almak istedim. İşlem "başarısız" dedi ama kartımdan para çekildi. Bankam da çekimin onaylandığını söylüyor.

Kart numaram {{CARD-mc:a}}, işlem tarihi 24.11.2026 saat 13:42.

Ya USDT'yi hesabıma geçirin ya da paramı iade edin lütfen.

Ayşe""",
     keep=["Ya USDT'yi hesabıma geçirin ya da paramı iade edin lütfen."],
     notes="Card purchase charged but not credited: deposit, high. Luhn-valid card number volunteered."),

dict(n=3, cat="deposit", pri="high", frm=("Emre Kaya", "emre.kaya.crypto@gmail.com"), fmt="8bit",
     subj="yanlış ağdan gönderdim (AVAX C-Chain)",
     body="""selam, USDC yatırma adresime ({{ETH:a}}) ethereum yerine avalanche c-chain üzerinden 800 USDC gönderdim. işlem başarılı: {{TX-EVM:a}}

kurtarmak mümkün mü? ücret kesebilirsiniz sorun değil. uid 29063315""",
     ents="uid 29063315",
     keep=["kurtarmak mümkün mü?"]),

dict(n=4, cat="withdrawal", pri="high", frm=("Zeynep Çelik", "zeynep.celik@outlook.com"), fmt="html", client="outlook",
     subj="BTC çekim talebim beklemede",
     body="""Merhaba,

İki gün önce {{BTCQ:a}} adresine 0,04 BTC çekim talebi oluşturdum. Durum hâlâ "İşleniyor" ve bakiyemden düşüldü. İşlem ID'si yok.

Lütfen bilgi verir misiniz?

Zeynep Çelik
UID 15580932""",
     ents="uid 15580932",
     keep=["Lütfen bilgi verir misiniz?"]),

dict(n=5, cat="withdrawal", pri="normal", frm=("Burak Şahin", "burak.sahin@gmail.com"), fmt="8bit",
     subj="Günlük çekim limiti",
     body="""Merhaba, seviye 2 doğrulamalı hesapta günlük çekim limiti ne kadar? Limit artırımı için ne yapmam gerekiyor?""",
     keep=["Limit artırımı için ne yapmam gerekiyor?"]),

dict(n=6, cat="withdrawal", pri="high", frm=("Can Öztürk", "can.ozturk@yandex.com.tr"), fmt="qp",
     subj="Çekim başarısız (error code 20107) ama bakiye düştü",
     body="""Merhaba,

1.000 USDT çekmeye çalıştım, ekranda "Withdrawal failed, error code 20107" yazdı. Ancak bakiyemden 1.000 USDT + komisyon düşüldü ve iade olmadı.

Hedef adres: {{TRX:a}}
UID: 82207749

Acil dönüş bekliyorum.""",
     ents="error_code 20107 | uid 82207749",
     keep=["Acil dönüş bekliyorum."]),

dict(n=7, cat="account_security", pri="urgent", frm=("Hakan Arslan", "hakan.arslan@gmail.com"), fmt="8bit",
     subj="HESABIM ÇALINDI",
     body="""Hesabıma biri girdi, e-posta adresimi değiştirmiş, şimdi giriş yapamıyorum. Az önce 3 ETH çekim bildirimi geldi, ben yapmadım!!! Hesabı hemen dondurun. UID 38876120

Şifremi kimseyle paylaşmadım.""",
     ents="uid 38876120",
     keep=["Şifremi kimseyle paylaşmadım.", "Hesabı hemen dondurun."]),

dict(n=8, cat="account_security", pri="normal", frm=("Elif Koç", "elif.koc@gmail.com"), fmt="qp",
     subj="Giriş yaparken SMS kodu gelmiyor",
     body="""Merhaba,

Telefon numaram değişti, eski numaraya SMS gidiyor ve giriş yapamıyorum. Numaramı nasıl güncelleyebilirim? Google Authenticator da kurulu değil.

Teşekkürler""",
     keep=["Numaramı nasıl güncelleyebilirim?"]),

dict(n=9, cat="account_security", pri="urgent", frm=("Serkan Aydın", "serkan.aydin.35@gmail.com"), fmt="qp",
     subj="Sahte uygulama yüzünden hesabım boşaltıldı",
     body="""Merhaba,

Telegram'daki bir gruptan "Kestrel Pro" diye bir APK indirdim, sizin uygulamanız sandım. Giriş yaptım, birkaç saat sonra hesabımdaki tüm USDT {{TRX:a}} adresine çekilmiş.

Şu an hesapta hâlâ biraz BTC var, lütfen hesabımı hemen kilitleyin. UID 47731096

Telefonu fabrika ayarlarına döndürdüm.""",
     ents="uid 47731096",
     phish=("phishing", "impersonated_channel attachment_risk"),
     keep=["Telefonu fabrika ayarlarına döndürdüm."],
     notes="Victim of a fake APK: account_security (the request is to lock the account), phishing label because it describes the fake app."),

dict(n=10, cat="trading", pri="normal", frm=("Onur Güneş", "onur.gunes@gmail.com"), fmt="8bit",
     subj="vadeli işlemde likidasyon",
     body="""10x izole long pozisyonum likide oldu ama bana gelen bildirimde likidasyon fiyatı farklı yazıyordu. emir no 5098341127736001536. kayıp yaklaşık 900 USDT. açıklama istiyorum""",
     ents="order_id 5098341127736001536",
     keep=["açıklama istiyorum"]),

dict(n=11, cat="trading", pri="normal", frm=("Deniz Kurt", "deniz.kurt@gmail.com"), fmt="qp",
     subj="Emir iptal edilemiyor",
     body="""Merhaba,

AVAX/USDT paritesinde açık bir limit emrim var (emir numarası 7205519930184427520). "İptal" tuşuna bastığımda "İşlem başarısız" hatası alıyorum ve emir açık kalıyor.

Bu yüzden bakiyemin bir kısmı kilitli duruyor. Yardımcı olabilir misiniz?""",
     ents="order_id 7205519930184427520",
     keep=["Bu yüzden bakiyemin bir kısmı kilitli duruyor."]),

dict(n=12, cat="kyc_aml", pri="normal", frm=("Fatma Yıldız", "fatma.yildiz@hotmail.com"), fmt="qp",
     subj="Kimlik doğrulaması reddedildi",
     body="""Merhaba,

Kimlik doğrulamam "bilgiler eşleşmiyor" diye reddedildi. TC kimlik numaram {{TCKN:a}}, adım soyadım Fatma Yıldız.

Yeni çipli kimlik kartını kullandım. Ehliyet ile denesem olur mu?""",
     keep=["Ehliyet ile denesem olur mu?"],
     notes="Turkish T.C. identity number with valid check digits."),

dict(n=13, cat="kyc_aml", pri="normal", frm=("Mustafa Polat", "mustafa.polat@gmail.com"), fmt="8bit",
     subj="Adres belgesi hakkında",
     body="""İkametgah belgesi olarak e-Devlet'ten aldığım barkodlu belgeyi yükledim ama "belge 3 aydan eski" denildi. Belge bu hafta alındı. Tekrar incelenebilir mi?""",
     keep=["Tekrar incelenebilir mi?"]),

dict(n=14, cat="api", pri="normal", frm=("Kerem Aksoy", "kerem.aksoy.dev@gmail.com"), fmt="qp",
     subj="API: code -2014 API-key format invalid",
     body="""Merhaba,

Yeni oluşturduğum API anahtarı ile istek gönderince {"code":-2014,"msg":"API-key format invalid."} hatası alıyorum. Anahtarı kopyalarken boşluk kalmış olabilir mi diye kontrol ettim, yok.

Yeni bir API key mi oluşturmalıyım?

UID 61103388""",
     ents="error_code -2014 | uid 61103388",
     keep=["Yeni bir API key mi oluşturmalıyım?"]),

dict(n=15, cat="promotions", pri="normal", frm=("Selin Aslan", "selin.aslan@gmail.com"), fmt="8bit",
     subj="Kampanya ödülü yatmadı",
     body="""Merhaba, "İlk vadeli işlemine 30 USDT bonus" kampanyasına katıldım, şartları yerine getirdim ama bonus hesabıma tanımlanmadı. UID 73319904. Kontrol edebilir misiniz?""",
     ents="uid 73319904",
     keep=["Kontrol edebilir misiniz?"]),

dict(n=16, cat="phishing_report", pri="normal", frm=("Gökhan Yavuz", "gokhan.yavuz@gmail.com"), fmt="qp",
     subj="WhatsApp'tan Kestrel diye arandım",
     body="""Merhaba,

Bugün WhatsApp üzerinden +90 850 ile başlayan bir numaradan arandım. Arayan kişi Kestrel müşteri hizmetlerinden olduğunu söyledi, hesabımda şüpheli işlem olduğunu ve güvenliğim için ekran paylaşımı yapmam gerektiğini söyledi.

Kabul etmedim ve kapattım. Bilginize.""",
     phish=("phishing", "impersonated_channel urgency"),
     keep=["Kabul etmedim ve kapattım."]),

dict(n=17, cat="phishing_report", pri="normal", frm=("Esra Kılıç", "esra.kilic@gmail.com"), fmt="8bit",
     subj="Şüpheli SMS",
     body="""Bu SMS geldi:

"Kestrel: Hesabiniz MASAK incelemesi nedeniyle askiya alinacaktir. Engellememek icin 2 saat icinde kestrel-tr.com/dogrula adresinden giris yapiniz."

Sizin siteniz değil sanırım, linke tıklamadım.""",
     phish=("phishing", "lookalike_domain urgency impersonated_channel credential_request"),
     keep=["Sizin siteniz değil sanırım, linke tıklamadım."]),

dict(n=18, cat="phishing_report", pri="normal", frm=("Tolga Erdem", "tolga.erdem@outlook.com.tr"), fmt="html", client="outlook",
     subj="İLT: Hesap güvenliği güncellemesi",
     body="""Merhaba,

Aşağıdaki e-posta geldi. Gönderen adresi ilk bakışta doğru gibi ama alan adı xn--kstrel-3ua.exchange, yani "kèstrel". Linke tıklamadım, bilginize.

Tolga

Kimden: Kestrel Exchange <guvenlik@xn--kstrel-3ua.exchange>
Gönderildi: 21 Kasım 2026 Cumartesi 10:14
Kime: tolga.erdem@outlook.com.tr
Konu: Hesap güvenliği güncellemesi

Değerli Kullanıcımız,

Yeni güvenlik politikamız kapsamında hesabınızı 48 saat içinde doğrulamanız gerekmektedir. Aksi halde çekim işlemleriniz durdurulacaktır.

Doğrulamak için tıklayın: https://kestrel.exchange/tr/verify (bağlantı: https://xn--kstrel-3ua.exchange/tr/verify)

Kestrel Güvenlik Ekibi""",
     ents="email guvenlik@xn--kstrel-3ua.exchange",
     phish=("phishing", "lookalike_domain link_mismatch urgency credential_request"),
     keep=["Linke tıklamadım, bilginize."]),

dict(n=19, cat="feedback", pri="low", frm=("Berk Tan", "berk.tan@gmail.com"), fmt="qp",
     subj="Uygulama için öneriler",
     body="""Merhaba Kestrel ekibi,

Uygulamayı çok beğeniyorum, özellikle yeni portföy ekranı harika. Öneri olarak: TL fiyatlarının her ekranda gösterilmesi ve fiyat alarmlarının widget olarak eklenmesi çok iyi olur.

Kolay gelsin!""",
     keep=["Uygulamayı çok beğeniyorum, özellikle yeni portföy ekranı harika."]),

dict(n=20, cat="other", pri="low", frm=("Nur Doğan", "nur.dogan@gmail.com"), fmt="8bit",
     subj="Hesap kapatma",
     body="""Merhaba, hesabımı tamamen kapatmak istiyorum. Bakiyem sıfır. Kişisel verilerimin silinmesini de talep ediyorum (KVKK). Nasıl bir yol izlemeliyim?""",
     keep=["Kişisel verilerimin silinmesini de talep ediyorum (KVKK)."]),
]
