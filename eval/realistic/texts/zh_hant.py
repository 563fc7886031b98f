# Traditional Chinese mails (Taiwan / Hong Kong), hand-written for the Kestrel eval set (CC0).
LANG = "zh-Hant"

MAILS = [
dict(n=1, cat="deposit", pri="high", frm=("陳冠宇", "kuanyu.chen@yahoo.com.tw"), cs="big5", fmt="b64",
     subj="USDT 入金未入帳",
     body="""客服您好：

我在 11/21 晚上從 MAX 提領 2,000 USDT（TRC20）到貴平台的入金地址，已經過了快一天，帳戶餘額還是沒有增加。

TronScan 上顯示交易已經確認：
TxID：{{TX-TRON:a}}
入金地址：{{TRX:a}}

我的 UID：36620418

麻煩盡快協助查詢，謝謝。

陳冠宇 敬上""",
     ents="uid 36620418", keep=["麻煩盡快協助查詢，謝謝。"]),

dict(n=2, cat="withdrawal", pri="high", frm=("林佩君", "peichun.lin@gmail.com"), fmt="qp",
     subj="ETH 提領一直處理中，餘額已扣除",
     body="""您好，

昨天下午提領 1.2 ETH 到我的 MetaMask（{{ETH:a}}），App 上一直顯示「處理中」，已經超過 24 小時，但 ETH 已經從帳戶扣掉了。

之前提領都很快，不知道這次是什麼問題？如果無法完成，請退回到我的帳戶。

UID 52208841
謝謝""",
     ents="uid 52208841", keep=["之前提領都很快，不知道這次是什麼問題？"]),

dict(n=3, cat="account_security", pri="urgent", frm=("黃子軒", "tszhuen.wong@hotmail.com"), fmt="html", client="outlook",
     subj="我的帳戶好似俾人盜咗！",
     body="""你好，

今朝收到你哋封電郵話有新裝置登入（地點：越南），跟住個登入 email 就俾人改咗，我而家登入唔到。我完全冇做過呢啲操作。

戶口入面仲有大約 6 萬 USDT，唔該即刻幫我凍結帳戶！

我擔心連我部冷錢包都唔安全，以下係我冷錢包嘅助記詞，可唔可以幫我睇下有冇問題：
{{SEED-chinese_traditional-24:a}}

UID：77410326
黃子軒""",
     ents="uid 77410326",
     keep=["唔該即刻幫我凍結帳戶！"],
     notes="Hong Kong Cantonese written in Traditional characters; language zh-Hant. Traditional-Chinese BIP39 phrase."),

dict(n=4, cat="trading", pri="normal", frm=("王建民", "cmwang.trade@gmail.com"), cs="big5", fmt="b64",
     subj="限價單價格到了卻沒有成交",
     body="""您好，

我昨天掛了一張 BTC/USDT 限價買單，價格 60,500，訂單編號 1723300918446120960。

K 線上明明有跌到 60,420，但我的訂單到現在還是「未成交」。請問是什麼原因？是不是撮合系統有問題？

謝謝""",
     ents="order_id 1723300918446120960",
     keep=["請問是什麼原因？是不是撮合系統有問題？"]),

dict(n=5, cat="kyc_aml", pri="normal", frm=("張雅婷", "yating.chang@gmail.com"), fmt="qp",
     subj="身分驗證被退件",
     body="""您好，

我的身分驗證被退件了，理由是「證件號碼無法辨識」。我的身分證字號是 {{TWID:a}}，上傳的照片應該很清楚。

請問可以改用健保卡或駕照嗎？還是要重新拍一次？

張雅婷""",
     keep=["請問可以改用健保卡或駕照嗎？還是要重新拍一次？"],
     notes="Taiwan national ID number with valid check digit."),

dict(n=6, cat="api", pri="normal", frm=("Eric Tsai", "eric.tsai.quant@gmail.com"), fmt="8bit",
     subj="WebSocket 訂閱 depth 一直斷線 + code -1003",
     body="""Hi，

我用 WebSocket 訂閱 30 個交易對的 depth@100ms，大概每 10 到 15 分鐘就會被斷線一次。重連之後 REST 補資料又會收到 {"code":-1003,"msg":"Too many requests"}（HTTP 429）。

請問每個連線最多可以訂閱幾個 stream？REST 的權重限制是多少？

UID 83017725
謝謝""",
     ents="error_code -1003 | uid 83017725",
     keep=["請問每個連線最多可以訂閱幾個 stream？"],
     notes="HTTP status 429 is not labelled as an exchange error code; -1003 is."),

dict(n=7, cat="promotions", pri="normal", frm=("梁嘉欣", "kayan.leung@gmail.com"), fmt="8bit",
     subj="點解我嘅空投仲未收到？",
     body="""你好，

上個月參加咗你哋嘅「新幣上線空投」活動，條件全部都做齊晒（持倉 7 日、交易滿 1,000 USDT），但係到而家都未收到啲代幣。

我朋友已經收到咗，點解我冇？唔該幫我查下。

UID 41260093""",
     ents="uid 41260093",
     keep=["我朋友已經收到咗，點解我冇？"]),

dict(n=8, cat="phishing_report", pri="normal", frm=("吳宗翰", "tsunghan.wu@gmail.com"), fmt="qp",
     subj="LINE 上有人冒充客服跟我要驗證碼",
     body="""您好，

我在臉書社團問了一個出金的問題，之後就有一個 LINE 帳號「Kestrel 官方客服中心」加我，頭像是你們的 logo。

對方說我的帳戶被「風控鎖定」，要我把手機收到的簡訊驗證碼給他，他才能幫我解鎖，還一直催我說 10 分鐘內不處理帳戶就會永久凍結。

我覺得很可疑，沒有給他。請問你們有用 LINE 客服嗎？麻煩提醒其他用戶。""",
     phish=("phishing", "impersonated_channel spoofed_display_name credential_request urgency"),
     keep=["我覺得很可疑，沒有給他。"]),

dict(n=9, cat="feedback", pri="low", frm=("蔡明哲", "mingche.tsai@yahoo.com.tw"), cs="big5", fmt="b64",
     subj="新版 App 很難用",
     body="""新版 App 改版之後真的很難用，資產頁面要點三次才找得到，K 線也變慢了。

希望可以讓使用者切換回舊版介面，或者至少加一個「常用功能」的捷徑。另外也希望未來可以支援新台幣入金。""",
     keep=["希望可以讓使用者切換回舊版介面，或者至少加一個「常用功能」的捷徑。"]),

dict(n=10, cat="other", pri="low", frm=("周怡君", "yijun.chou@gmail.com"), fmt="html",
     subj="請問貴公司是否已在台灣完成 VASP 登記？",
     body="""您好，

我是台灣用戶，想請問 Kestrel Exchange 是否已經向金管會完成虛擬資產服務商（VASP）的洗錢防制登記？

因為公司財務要求，我們需要確認交易所的合規狀態，如果有相關文件可以提供會很感謝。

周怡君""",
     keep=["因為公司財務要求，我們需要確認交易所的合規狀態，如果有相關文件可以提供會很感謝。"]),
]
