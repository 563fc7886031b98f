"""Text material for the generated benchmark corpus: subjects, paragraphs and closings.

Kept apart from the builder so the builder reads as logic and this file reads as data.
Placeholders ({uid}, {tx}, {tron}, {eth}, {amount}, {coin}, {network}, {order}, {err},
{when}) are filled per message with seeded values, so every message differs while staying
the kind of mail an exchange's support address really receives.
"""

from __future__ import annotations

CATEGORIES = ("deposit", "withdrawal", "account_security", "kyc_aml", "api", "trading", "promotions", "phishing_report")

SUBJECTS: dict[str, dict[str, tuple[str, ...]]] = {
    "deposit": {
        "en": ("Deposit not credited", "USDT deposit missing after 3 hours", "Where is my {coin} deposit?",
               "Deposit via {network} still pending", "Funds sent but balance shows 0"),
        "zh": ("充值未到账", "{coin} 充值还没到账", "充值一直显示处理中", "转了 {amount} {coin} 没收到", "充值地址问题，请帮忙查询"),
    },
    "withdrawal": {
        "en": ("Withdrawal stuck", "Withdrawal pending for 2 days", "{coin} withdrawal failed with error {err}",
               "Why was my withdrawal rejected?", "Withdrawal shows completed but not received"),
        "zh": ("提现一直卡住", "提币失败，错误码 {err}", "提现显示成功但钱包没收到", "提现被拒绝是什么原因", "{coin} 提现审核太久了"),
    },
    "account_security": {
        "en": ("Someone logged into my account", "URGENT: account hacked", "I lost my 2FA device",
               "Unknown login from a new device", "Please freeze my account now"),
        "zh": ("账户被盗，请立即冻结", "有陌生设备登录我的账号", "谷歌验证器丢了怎么办", "紧急！资产被转走了", "收到异地登录提醒"),
    },
    "kyc_aml": {
        "en": ("KYC verification failed", "Identity verification pending for a week", "Why was my ID rejected?",
               "Proof of address not accepted", "Source of funds request"),
        "zh": ("实名认证失败", "身份认证审核了一周还没通过", "证件照片被拒", "地址证明不被接受", "资金来源证明怎么提交"),
    },
    "api": {
        "en": ("API returns error {err}", "Signature invalid on /api/v3/order", "Rate limit hit constantly",
               "WebSocket disconnects every minute", "API key permissions not working"),
        "zh": ("API 报错 {err}", "接口签名一直验证失败", "频率限制问题", "WebSocket 每分钟断开", "API 密钥权限设置无效"),
    },
    "trading": {
        "en": ("Order filled at wrong price", "Stop-loss did not trigger", "Liquidated unfairly on futures",
               "Order {order} stuck as partially filled", "Trading fee charged twice"),
        "zh": ("成交价格不对", "止损单没有触发", "合约被强平，要求说明", "订单 {order} 一直部分成交", "手续费被扣了两次"),
    },
    "promotions": {
        "en": ("Referral bonus not received", "Where is my airdrop reward?", "Trading competition prize missing",
               "Voucher expired before I could use it", "New user bonus question"),
        "zh": ("邀请返佣没收到", "空投奖励什么时候发放", "交易大赛奖励没到账", "体验金过期了", "新人福利怎么领取"),
    },
    "phishing_report": {
        "en": ("Fwd: Urgent: verify your wallet", "Is this email from you?", "Fwd: Account suspended notice",
               "Suspicious SMS claiming to be Kestrel", "Fwd: Your withdrawal is on hold"),
        "zh": ("转发：账户安全验证通知", "这封邮件是你们发的吗？", "转发：您的账户已被冻结", "收到可疑短信", "转发：提现审核通知"),
    },
}

BODIES: dict[str, dict[str, tuple[str, ...]]] = {
    "deposit": {
        "en": (
            "Hello, I sent {amount} {coin} to my deposit address over {network} on {when} but it has not shown up in my "
            "balance. My UID is {uid}. The transaction hash is {tx} and the explorer shows it as confirmed.",
            "Hi support, my deposit of {amount} {coin} is missing. I used the address {tron} that your app gave me. "
            "Account ID {uid}. TxID: {tx}. Please check what happened, it has been several hours.",
            "Dear team, I made a deposit from another exchange ({amount} {coin}, network {network}). The sending "
            "platform says it is complete. Could you look into it? UID {uid}.",
        ),
        "zh": (
            "你好，我在{when}从别的平台转了 {amount} {coin} 到你们这边，走的 {network} 网络，到现在还没到账。"
            "我的用户ID是 {uid}，交易哈希 {tx}，区块浏览器显示已经确认了。",
            "客服你好，充值 {amount} {coin} 没有到账。充值地址 {tron}，UID {uid}。麻烦尽快帮我查一下，谢谢！",
            "您好，我昨天充值了 {amount} {coin}，对方平台显示已完成，但是我这边余额一直是0。用户ID：{uid}。",
        ),
    },
    "withdrawal": {
        "en": (
            "I requested a withdrawal of {amount} {coin} to {eth} on {when}. It has been pending ever since. "
            "UID {uid}. I need these funds urgently, please tell me what is going on.",
            "My withdrawal failed with error code {err}. I tried three times. Address {tron}, network {network}, "
            "amount {amount} {coin}. Account {uid}.",
            "The app shows my withdrawal as completed with TxID {tx}, but nothing arrived in my wallet. "
            "UID: {uid}. Could you confirm it was really broadcast?",
        ),
        "zh": (
            "我在{when}提现 {amount} {coin} 到 {eth}，一直显示审核中。用户ID {uid}，急用这笔钱，请帮忙处理。",
            "提币失败，错误码 {err}，试了三次都不行。提现地址 {tron}，网络 {network}，数量 {amount} {coin}。UID：{uid}",
            "APP 上显示提现已完成，交易哈希 {tx}，但是钱包没有收到。我的UID是 {uid}，请确认是否真的已经广播。",
        ),
    },
    "account_security": {
        "en": (
            "I just got an email saying someone logged in from a device I don't own. I did not do this. "
            "Please freeze my account immediately. UID {uid}.",
            "My balance is gone. There is a withdrawal of {amount} {coin} to {eth} that I never made. "
            "Please help, my account {uid} has been hacked.",
            "I lost my phone with the authenticator app. I cannot log in. How do I reset 2FA? My UID is {uid}.",
        ),
        "zh": (
            "我刚收到提醒，说有陌生设备登录了我的账号，不是我本人操作，请马上冻结账户！用户ID {uid}。",
            "我的资产被转走了，有一笔 {amount} {coin} 提到 {eth}，不是我操作的。账户 {uid} 被盗了，请帮帮我。",
            "手机丢了，谷歌验证器也没了，登录不上。怎么重置二次验证？我的UID是 {uid}。",
        ),
    },
    "kyc_aml": {
        "en": (
            "My identity verification was rejected with the reason 'document unclear'. I uploaded a clear photo of my "
            "passport. Please review again. UID {uid}.",
            "KYC has been pending for seven days. I cannot withdraw until it is approved. Account {uid}.",
            "You asked for proof of address. I attached a bank statement from last month. Is this acceptable?",
        ),
        "zh": (
            "实名认证被拒，理由是证件不清晰，但我上传的护照照片很清楚。请重新审核，UID {uid}。",
            "身份认证已经审核七天了，一直没有结果，不认证没法提现。账户 {uid}。",
            "你们要求提供地址证明，我附上了上个月的银行流水，这样可以吗？",
        ),
    },
    "api": {
        "en": (
            "Our trading bot gets error {err} ('Signature for this request is not valid') on POST /api/v3/order since "
            "{when}. Nothing changed on our side. API key belongs to UID {uid}.",
            "We keep hitting the rate limit (HTTP 429) although we send fewer than 5 requests per second. "
            "Error code {err}. Can you check the limits on account {uid}?",
            "The user data WebSocket stream disconnects roughly every 60 seconds with code 1006. Is there an incident?",
        ),
        "zh": (
            "我们的量化程序从{when}开始调用 POST /api/v3/order 一直返回错误 {err}，签名无效。我们这边没有改过代码。UID {uid}。",
            "每秒不到5次请求也一直触发频率限制（HTTP 429），错误码 {err}。请帮忙查一下账户 {uid} 的限额。",
            "用户数据 WebSocket 大约每60秒断开一次，返回 1006。是不是服务有问题？",
        ),
    },
    "trading": {
        "en": (
            "My limit order {order} was filled far from the price I set. I think this is a system error. UID {uid}.",
            "My stop-loss at the price I set did not trigger and I lost {amount} {coin}. Order ID {order}.",
            "I was liquidated on the {coin} perpetual although the mark price never reached my liquidation price. "
            "Order {order}, account {uid}.",
        ),
        "zh": (
            "我的限价单 {order} 成交价格和我设置的差很多，怀疑是系统问题。UID {uid}。",
            "止损单没有触发，亏了 {amount} {coin}。订单号 {order}。",
            "{coin} 永续合约被强平了，但标记价格根本没到我的强平价。订单号 {order}，账户 {uid}。",
        ),
    },
    "promotions": {
        "en": (
            "I invited five friends and they all traded, but I have not received any referral rewards. UID {uid}.",
            "The airdrop was supposed to be distributed on {when}. I held {amount} {coin} at the snapshot. Where is it?",
            "I placed in the top 100 of the trading competition but the prize has not arrived. Account {uid}.",
        ),
        "zh": (
            "我邀请了五个朋友，他们都交易了，但是返佣一直没到账。UID {uid}。",
            "空投说{when}发放，我快照时持有 {amount} {coin}，到现在还没收到。",
            "交易大赛我排进了前100名，奖励还没发。账户 {uid}。",
        ),
    },
    "phishing_report": {
        "en": (
            "I received the message below. It looks odd to me. Is it really from you?",
            "Forwarding this in case it's a scam. The link does not go to your website.",
            "Please confirm whether this is legitimate. They ask me to enter my recovery phrase.",
        ),
        "zh": (
            "我收到了下面这封邮件，感觉不太对，是你们发的吗？",
            "转发给你们看看，链接好像不是官网的。",
            "请确认一下这是不是官方邮件，它让我输入助记词。",
        ),
    },
}

PHISHING_FORWARDS: dict[str, tuple[str, ...]] = {
    "en": (
        "Your account will be suspended in 24 hours. Verify your wallet now at http://{lookalike}/login and enter "
        "your recovery phrase to keep access.",
        "We detected unusual activity. Your withdrawal of {amount} {coin} is on hold. Confirm your identity at "
        "https://{lookalike}/verify within 12 hours.",
        "Congratulations! You have been selected for a {amount} {coin} bonus. Claim it at https://{lookalike}/claim "
        "by connecting your wallet.",
    ),
    "zh": (
        "您的账户将在24小时内被冻结。请立即访问 http://{lookalike}/login 验证钱包并输入助记词。",
        "系统检测到异常活动，您的 {amount} {coin} 提现已被暂停，请在12小时内前往 https://{lookalike}/verify 完成身份验证。",
        "恭喜您获得 {amount} {coin} 奖励，请前往 https://{lookalike}/claim 连接钱包领取。",
    ),
}

LOOKALIKES = ("kestrel-exchange-verify.io", "kestrel-exchange.support", "kestreI.exchange", "kestrel-secure-login.com",
              "xn--kestrl-3va.exchange", "kestrel.exchange.account-check.net")

DETAILS: dict[str, tuple[str, ...]] = {
    "en": (
        "I have been a customer for more than two years and never had a problem like this before.",
        "I already checked the FAQ and the announcements page but could not find anything about it.",
        "I contacted live chat yesterday but the agent only told me to wait.",
        "The app version is 5.{minor}.2 on Android 14; I also tried the website on Chrome with the same result.",
        "This is a significant amount of money for me and I am getting worried.",
        "I attached a screenshot of what I see in the app.",
        "Please reply as soon as possible, I need this resolved before the weekend.",
        "I also tried logging out and in again and clearing the cache, nothing changed.",
        "My friend had the same issue last month and it was fixed after a few days, so I hope you can help.",
        "The time on my side was around {hour}:{minute} UTC when this happened.",
    ),
    "zh": (
        "我用你们平台两年多了，第一次遇到这种问题。",
        "常见问题和公告我都看过了，没有找到相关说明。",
        "昨天联系了在线客服，只让我等待，没有给出具体答复。",
        "APP 版本 5.{minor}.2，安卓14，用电脑网页也是一样的情况。",
        "这笔钱对我来说很重要，现在非常着急。",
        "附件是APP里的截图。",
        "请尽快回复，周末前一定要解决。",
        "我已经试过退出重新登录、清除缓存，都没有用。",
        "朋友上个月也遇到过同样的问题，过几天就处理好了，希望你们也能帮忙。",
        "出问题的时间大概是北京时间 {hour}:{minute}。",
    ),
}

CLOSINGS: dict[str, tuple[str, ...]] = {
    "en": ("Thanks,", "Best regards,", "Thank you in advance,", "Regards,", "Cheers,"),
    "zh": ("谢谢！", "麻烦了，谢谢", "辛苦了", "期待回复", "此致"),
}

SIGNATURES: dict[str, tuple[str, ...]] = {
    "en": ("Sent from my iPhone", "Sent from Outlook for Android", "", "Get Outlook for iOS", ""),
    "zh": ("发自我的iPhone", "来自网易邮箱大师", "", "发自我的华为手机", ""),
}

LEAK_LINES: dict[str, tuple[str, ...]] = {
    "en": ("If it helps, my recovery phrase is: {phrase}", "Here is my wallet seed so you can check: {phrase}"),
    "zh": ("如果需要的话，我的助记词是：{phrase}", "这是我的钱包助记词，方便你们核实：{phrase}"),
}

SUPPORT_QUOTES: dict[str, tuple[str, ...]] = {
    "en": ("Thank you for contacting Kestrel Exchange support. Your request {ticket} has been received and an agent "
           "will reply within 24 hours. We will never ask for your password, recovery phrase, private keys or 2FA codes.",),
    "zh": ("感谢您联系 Kestrel Exchange 客服。您的工单 {ticket} 已收到，客服将在24小时内回复。"
           "我们绝不会索要您的密码、助记词、私钥或二次验证码。",),
}

FOLLOW_UPS: dict[str, tuple[str, ...]] = {
    "en": ("Any update on this? It is still not resolved.", "Here is the information you asked for.",
           "I am still waiting. Please look at my ticket.", "Adding the transaction hash: {tx}"),
    "zh": ("请问处理得怎么样了？问题还没解决。", "这是你们要的信息。", "还在等回复，麻烦看一下我的工单。", "补充交易哈希：{tx}"),
}

EN_NAMES = ("Alice Brown", "James Wilson", "Maria Garcia", "David Kim", "Sophie Martin", "Liam O'Connor",
            "Priya Shah", "Tom Becker", "Elena Rossi", "Noah Williams", "Fatima Khan", "Lucas Silva")
ZH_NAMES = ("李明", "王芳", "张伟", "刘洋", "陈静", "杨磊", "赵丽", "黄强", "周婷", "吴杰", "徐娜", "孙浩")
EN_DOMAINS = ("gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com", "hotmail.co.uk")
ZH_DOMAINS = ("qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "gmail.com")
COINS = ("USDT", "BTC", "ETH", "TRX", "USDC", "SOL", "BNB")
NETWORKS = ("TRC20", "ERC20", "BEP20", "Solana", "Bitcoin")
ERROR_CODES = ("-1022", "-1003", "50111", "40001", "-2015", "10007", "30014")

BACKGROUND: dict[str, tuple[str, ...]] = {
    "en": (
        "Some background: I mostly use the spot market and keep my savings in USDT. I moved part of my funds here "
        "from another platform last month because your fees were lower, and until now everything worked fine. I "
        "check my balance every morning before work and that is how I noticed the problem.",
        "To give you the full picture: I first noticed this on my laptop, then checked on my phone and the tablet. "
        "All three show the same thing. I have not changed my password, my email or my phone number recently, and "
        "I have the anti-phishing code enabled, so I know the emails I get from you are real.",
        "I am writing in detail because the last time I contacted support I had to explain everything three times "
        "to three different agents. Please keep this in one ticket and let me know exactly what you need from me, "
        "whether that is screenshots, statements or the transaction details from the other platform.",
    ),
    "zh": (
        "补充一下情况：我平时主要做现货，资产大部分放在USDT。上个月因为手续费低，把一部分资金从别的平台转到了你们这边，"
        "之前一直都很正常。我每天早上都会看一下余额，今天才发现这个问题。",
        "具体情况是这样的：我先在电脑上发现的，然后用手机和平板都看了，显示都一样。最近没有改过密码、邮箱和手机号，"
        "也开了防钓鱼码，所以能确认收到的邮件是官方的。",
        "我写得比较详细，是因为上次联系客服的时候，同一个问题跟三个不同的客服解释了三遍。请把这个问题放在一个工单里处理，"
        "需要截图、流水还是对方平台的交易记录，请直接告诉我。",
    ),
}

DISCLAIMERS: dict[str, tuple[str, ...]] = {
    "en": (
        "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the intended "
        "recipient(s) and may contain confidential and privileged information. Any unauthorized review, use, "
        "disclosure or distribution is prohibited. If you are not the intended recipient, please contact the sender "
        "by reply e-mail and destroy all copies of the original message. Please consider the environment before "
        "printing this e-mail.",
    ),
    "zh": (
        "本邮件及其附件含有保密信息，仅限于发送给上面地址中列出的个人或群组。禁止任何其他人以任何形式使用（包括但不限于全部或部分地泄露、"
        "复制、或散发）本邮件中的信息。如果您错收了本邮件，请您立即电话或邮件通知发件人并删除本邮件！",
    ),
}
