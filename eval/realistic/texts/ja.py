# Japanese mails, hand-written for the Kestrel eval set (CC0).
LANG = "ja"

MAILS = [
dict(n=1, cat="deposit", pri="high", frm=("佐藤 健一", "k.sato1979@yahoo.co.jp"), cs="iso-2022-jp", fmt="7bit",
     subj="BTC入金が反映されません",
     body="""Kestrel Exchange サポートご担当者様

お世話になっております。佐藤と申します。

11月18日の午前10時頃、他社取引所から 0.12 BTC を貴社の入金アドレスへ送金しましたが、
本日になってもアカウントに反映されておりません。

入金アドレス：{{BTCQ:a}}
トランザクションID：{{TX-BTC:a}}

ブロックチェーンエクスプローラーでは承認済み（30承認以上）となっております。
お手数ですがご確認のほどよろしくお願いいたします。

UID：29150374

佐藤 健一""",
     ents="uid 29150374",
     keep=["ブロックチェーンエクスプローラーでは承認済み（30承認以上）となっております。"]),

dict(n=2, cat="withdrawal", pri="high", frm=("田中 美咲", "misaki.tanaka@docomo.ne.jp"), cs="shift_jis", fmt="b64",
     subj="出金が保留中のままです",
     body="""サポート様

USDT（ERC20）の出金が3日間「保留中」のままです。残高からはすでに引かれています。

出金先：{{ETH:a}}
金額：850 USDT

急ぎで必要なお金なので、早めに対応していただけると助かります。

田中""",
     keep=["急ぎで必要なお金なので、早めに対応していただけると助かります。"]),

dict(n=3, cat="account_security", pri="urgent", frm=("山本 大輔", "daisuke.yamamoto@gmail.com"), fmt="qp",
     subj="【至急】不正ログインされて出金されています",
     body="""至急対応をお願いします。

先ほど、身に覚えのないログイン通知（IPアドレスはシンガポール）が届き、その直後に 0.5 BTC の出金完了メールが来ました。
出金先は {{BTC1:a}} で、自分のアドレスではありません。

パスワードは誰にも教えていません。二段階認証も設定していました。

念のため、同じPCで管理しているウォレットの復元フレーズも書いておきます。こちらも危ないでしょうか：
{{SEED-japanese-12:a}}

アカウントをすぐに凍結してください。UID 48820311""",
     ents="uid 48820311",
     keep=["パスワードは誰にも教えていません。", "アカウントをすぐに凍結してください。"],
     notes="Japanese BIP39 phrase written with ordinary spaces (the mnemonic library accepts both ASCII and ideographic spaces)."),

dict(n=4, cat="account_security", pri="normal", frm=("中村", "nakamura.t@ezweb.ne.jp"), fmt="8bit",
     subj="機種変更で2段階認証ができない",
     body="""機種変更したら認証アプリのコードが出なくなりました。ログインできません。どうすればいいですか？

iPhoneから送信""",
     keep=["どうすればいいですか？"]),

dict(n=5, cat="account_security", pri="normal", frm=("小林 由美", "yumi.kobayashi@gmail.com"), fmt="qp",
     subj="フィッシング対策コードの設定について",
     body="""こんにちは。

最近、取引所を装った詐欺メールが多いとニュースで見ました。私はまだそのようなメールは受け取っていませんが、念のため「フィッシング対策コード」を設定したいと思っています。

アプリのどこから設定できますか？また、設定するとSMSにも表示されますか？

よろしくお願いします。""",
     keep=["私はまだそのようなメールは受け取っていませんが、念のため「フィッシング対策コード」を設定したいと思っています。"],
     notes="Phishing-adjacent but no suspicious message: account settings question, account_security, phishing null."),

dict(n=6, cat="phishing_report", pri="normal", frm=("伊藤 翔", "sho.ito.0512@icloud.com"), fmt="8bit",
     subj="Kestrelを名乗るSMSが届きました",
     body="""以下のSMSが届きました。送信者名は「Kestrel」と表示されています。

「【Kestrel】お客様のアカウントに不審なアクセスがありました。本日中に本人確認を行わない場合、出金を停止します。https://kestrel-exchange.com.jp-secure.top/」

リンクは開いていません。本物ではないですよね？一応報告します。""",
     phish=("phishing", "lookalike_domain urgency impersonated_channel spoofed_display_name"),
     keep=["リンクは開いていません。"]),

dict(n=7, cat="phishing_report", pri="normal", frm=("渡辺 直樹", "naoki.watanabe@outlook.jp"), fmt="qp",
     to=("", "security@kestrel.exchange"),
     subj="FW: 【重要】アカウント確認のお願い",
     body="""セキュリティ担当者様

添付のメールが届きました。送信元のドメインが「kestrеl.exchange」に見えますが、ヘッダーを確認すると xn--kestrl-7of.exchange となっていました。リンク先も同じドメインです。

明らかに偽物だと思いますので、ご対応をお願いします。ログイン情報は入力していません。

渡辺""",
     fwd=dict(frm=("Kestrel Exchange", "noreply@xn--kestrl-7of.exchange"), to=("", "naoki.watanabe@outlook.jp"),
              subj="【重要】アカウント確認のお願い", fmt="html",
              headers=[("Return-Path", "<noreply@xn--kestrl-7of.exchange>")],
              body="""Kestrel Exchange をご利用いただきありがとうございます。

金融庁の新しいガイドラインに基づき、すべてのお客様にアカウント情報の再確認をお願いしております。

72時間以内に以下のリンクからログインし、確認を完了してください。完了しない場合、アカウントは一時的に制限されます。

▼ログインして確認する
https://kestrel.exchange/login （リンク先：https://xn--kestrl-7of.exchange/login）

Kestrel Exchange カスタマーサポート""",
              filename="【重要】アカウント確認のお願い.eml"),
     phish=("phishing", "lookalike_domain link_mismatch credential_request urgency"),
     keep=["ログイン情報は入力していません。"],
     notes="IDN homograph (Cyrillic е) shown as punycode xn--kestrl-7of.exchange."),

dict(n=8, cat="phishing_report", pri="normal", frm=("加藤 千尋", "chihiro.kato@gmail.com"), fmt="8bit",
     subj="X（旧Twitter）でサポートを名乗るアカウントからDM",
     body="""お世話になります。

X で出金が遅いとつぶやいたら、「Kestrel Japan サポート」（@Kestrel_JP_CS）というアカウントからDMが来ました。
「ウォレットの同期エラーを修正するため、秘密鍵を送ってください」と言われました。

公式マークっぽい絵文字が名前についていましたが、フォロワーは40人くらいでした。

もちろん送っていません。通報をお願いします。""",
     phish=("phishing", "impersonated_channel spoofed_display_name credential_request"),
     keep=["もちろん送っていません。"]),

dict(n=9, cat="trading", pri="normal", frm=("松本 拓也", "takuya.matsumoto@gmail.com"), fmt="qp",
     subj="取引手数料が想定より高い",
     body="""お世話になっております。

11月22日のETH/USDTの取引で、手数料が 0.1% と表示されていたのに、実際には約 0.2% 引かれていました。

注文番号：5521098834761203712

VIP1 の割引が適用されていないように見えます。確認していただけますか。

松本""",
     ents="order_id 5521098834761203712",
     keep=["VIP1 の割引が適用されていないように見えます。"]),

dict(n=10, cat="trading", pri="normal", frm=("Hiro", "hiro.fx.trader@gmail.com"), fmt="8bit",
     subj="funding fee について質問",
     body="""先物のfunding feeって8時間ごとですか？昨日ポジション持ってたら4時間で2回引かれた気がします。仕様変わりました？""",
     keep=["仕様変わりました？"]),

dict(n=11, cat="kyc_aml", pri="normal", frm=("吉田 恵", "megumi.yoshida@gmail.com"), cs="shift_jis", fmt="b64",
     subj="本人確認書類について",
     body="""本人確認でマイナンバーカードを使いたいのですが、アップロード画面でエラーになります。

マイナンバーは {{MYNUM:a}} です。裏面もアップロードする必要がありますか？

運転免許証のほうがよければそちらで再提出します。

吉田""",
     keep=["運転免許証のほうがよければそちらで再提出します。"],
     notes="Japanese Individual Number (12 digits, valid check digit) volunteered."),

dict(n=12, cat="kyc_aml", pri="normal", frm=("井上 智子", "tomoko.inoue@nifty.com"), fmt="qp",
     subj="引っ越しに伴う住所変更",
     body="""いつもお世話になっております。

先月引っ越しをしたため、登録住所を変更したいです。住所確認書類として、公共料金の領収書と住民票のどちらが使えますか？

また、変更の審査中も取引や出金はできますか？

よろしくお願いいたします。
井上 智子""",
     keep=["また、変更の審査中も取引や出金はできますか？"]),

dict(n=13, cat="api", pri="normal", frm=("木村 亮", "ryo.kimura.dev@gmail.com"), fmt="8bit",
     subj="APIでエラーコード 50111 (Invalid IP)",
     body="""APIキーにIPアドレス制限をかけたところ、すべてのリクエストで

{"code":"50111","msg":"Invalid IP"}

が返ってくるようになりました。登録したIPは 203.0.113.58 で、サーバーのグローバルIPと一致しています。

IPv6で接続している可能性もありますが、IPv6のアドレスも登録できますか？
APIキーを作り直すべきでしょうか？

UID：60557129""",
     ents="error_code 50111 | uid 60557129",
     keep=["APIキーを作り直すべきでしょうか？"]),

dict(n=14, cat="promotions", pri="normal", frm=("斎藤 優", "yu.saito@gmail.com"), fmt="qp",
     subj="友達紹介キャンペーンのボーナスが付与されていません",
     body="""お世話になります。

10月に友達を2人紹介しましたが、キャンペーンページに記載されている 3,000円相当のUSDTボーナスがまだ付与されていません。

友達はどちらも本人確認と初回入金を完了しています。

私のUID：17004825

ご確認よろしくお願いします。""",
     ents="uid 17004825",
     keep=["友達はどちらも本人確認と初回入金を完了しています。"]),

dict(n=15, cat="feedback", pri="low", frm=("山田 花子", "hanako.yamada@gmail.com"), fmt="html",
     subj="サポートの方への感謝",
     body="""先日はチャットサポートで丁寧に対応していただき、ありがとうございました。

初めての仮想通貨の購入で不安でしたが、とても分かりやすく説明していただき、無事に購入できました。

一点だけ、アプリの日本語訳が不自然なところ（「資産を撤回する」など）があるので、改善していただけると嬉しいです。""",
     keep=["先日はチャットサポートで丁寧に対応していただき、ありがとうございました。"]),

dict(n=16, cat="other", pri="normal", frm=("清水 和夫", "kazuo.shimizu@gmail.com"), fmt="qp",
     subj="父の口座の相続手続きについて",
     body="""突然のご連絡失礼いたします。

先月、父が亡くなりました。父が貴社に口座を持っていたことが遺品の整理で分かりました。

相続の手続きとして、どのような書類が必要でしょうか（戸籍謄本、死亡診断書など）。
また、口座の残高を確認する方法はありますか。

ご教示いただけますと幸いです。

清水 和夫""",
     keep=["相続の手続きとして、どのような書類が必要でしょうか（戸籍謄本、死亡診断書など）。"],
     notes="Inheritance question: other, normal (not a simple low-priority FAQ)."),

dict(n=17, cat="deposit", pri="high", frm=("岡田 誠", "makoto.okada@gmail.com"), fmt="qp",
     subj="ETHをArbitrumで送ってしまいました",
     body="""お世話になっております。

ETHの入金アドレス宛に、間違えて Arbitrum One ネットワークで 0.9 ETH を送ってしまいました。入金画面には「Ethereum (ERC20) のみ」と書いてありました。

入金アドレス：{{ETH:a}}
Arbiscan のトランザクション：{{TX-EVM:a}}

資産の回収は可能でしょうか。手数料がかかっても構いません。

UID 38840157
岡田""",
     ents="uid 38840157",
     keep=["資産の回収は可能でしょうか。"]),

dict(n=18, cat="deposit", pri="high", frm=("藤井 さくら", "sakura.fujii@gmail.com"), cs="iso-2022-jp", fmt="7bit",
     subj="日本円の振込入金が反映されない",
     body="""サポートご担当者様

11月27日に銀行振込で 100,000円 を入金しましたが、まだ反映されていません。

振込名義は「フジイ サクラ」ですが、入金用の識別番号（7桁）を付け忘れてしまいました。
このような場合はどうなりますか？

振込明細のスクリーンショットを添付します。

藤井""",
     png="furikomi_meisai.png",
     keep=["振込名義は「フジイ サクラ」ですが、入金用の識別番号（7桁）を付け忘れてしまいました。"],
     notes="Fiat bank-transfer deposit; no crypto entities."),

dict(n=19, cat="withdrawal", pri="normal", frm=("森 健太", "kenta.mori@gmail.com"), fmt="8bit",
     subj="最低出金額と手数料",
     body="""BTCの最低出金額と出金手数料を教えてください。ライトニングネットワークでの出金には対応していますか？""",
     keep=["ライトニングネットワークでの出金には対応していますか？"]),

dict(n=20, cat="withdrawal", pri="high", frm=("石井 聡", "satoshi.ishii@gmail.com"), fmt="qp",
     subj="Re: [KX-121033] 出金失敗について",
     reply_to_id="<kx.121033.1@kestrel.exchange>",
     body="""ご回答ありがとうございます。

再度出金を試しましたが、また「出金に失敗しました（エラーコード 20118）」と表示されました。
しかも今回も残高から 300 XRP が引かれたままです。

出金先：{{XRP:a}}
宛先タグ：88123

前回分と合わせて 600 XRP が戻ってきていません。至急確認をお願いします。

On 2026/11/25 9:12, Kestrel Support <support@kestrel.exchange> wrote:
> 石井様
>
> 出金失敗の件、ご不便をおかけして申し訳ございません。
> お手数ですが、もう一度出金をお試しいただけますでしょうか。
>
> Kestrel サポート""",
     ents="error_code 20118 | email support@kestrel.exchange",
     keep=["前回分と合わせて 600 XRP が戻ってきていません。"],
     notes="Destination tag 88123 is not an entity."),
]
