# Simplified Chinese mails, hand-written for the Kestrel eval set (CC0).
LANG = "zh"

AUTH_FAIL_QQ = ("mx3.qq.com; spf=fail smtp.mailfrom=notice@srv-mail-kx.xyz; "
                "dkim=fail header.d=kestrel.exchange; dmarc=fail action=quarantine header.from=kestrel.exchange")

MAILS = [
dict(n=1, cat="deposit", pri="high", frm=("王磊", "wanglei_1988@163.com"), cs="gb2312", fmt="b64",
     subj="USDT充值未到账，请尽快处理",
     body="""客服你好：

我昨天晚上9点左右从另一个平台提了 5000 USDT（ERC20）到你们的充值地址，到现在已经十几个小时了还没有到账。

区块浏览器上显示已经成功，确认数也够了。
TxID：{{TX-EVM:a}}
充值地址：{{ETH:a}}
用户ID：88120455

麻烦帮忙查一下，这笔钱对我很重要，谢谢！

王磊""",
     ents="uid 88120455", keep=["区块浏览器上显示已经成功，确认数也够了。"]),

dict(n=2, cat="withdrawal", pri="high", frm=("Chen Jie", "chenjie.sz@qq.com"), fmt="html", client="qq",
     subj="提现一直显示审核中，钱已经扣了",
     body="""你好，

我在 11月20号 下午提现 3200 USDT 到 TRC20 地址 {{TRX:a}}，页面一直显示"审核中"，已经超过48小时了，余额已经扣掉了，但是链上什么都查不到。

之前提现都是几分钟就到，这次不知道为什么。我的账户已经完成高级认证了。

UID 60213377
提现记录编号：W2026112014552210

请给个明确的答复，什么时候能到账？

陈杰
手机：13902871456""",
     ents="uid 60213377",
     keep=["之前提现都是几分钟就到，这次不知道为什么。"],
     notes="The withdrawal record number W2026112014552210 is an internal record id, not labelled as order_id; the phone number is not an entity."),

dict(n=3, cat="account_security", pri="urgent", frm=("刘洋", "liuyang0307@126.com"), fmt="qp",
     subj="账户被盗！！资产被转走了",
     body="""紧急！！！

今天早上醒来发现账户里的 ETH 和 USDT 全部被提走了，我根本没有操作过。提现记录显示是凌晨3点多提到 {{ETH:a}}，这个地址我完全不认识。

我的UID：51730094

我现在很担心我的imToken钱包是不是也不安全了，因为两个用的是同一个邮箱。这是我imToken钱包的助记词，麻烦你们技术帮我看看是不是也被盗了：{{SEED-chinese_simplified-12:a}}

请马上冻结我的账户，并且追查这个地址！""",
     ents="uid 51730094",
     keep=["请马上冻结我的账户，并且追查这个地址！"],
     notes="Chinese (simplified) BIP39 phrase leaked in a sentence."),

dict(n=4, cat="phishing_report", pri="normal", frm=("张敏", "zhangmin_hz@qq.com"), fmt="html", client="qq",
     subj="转发：【Kestrel】您的账户存在异常登录，请立即验证",
     body="""你好，收到一封邮件，感觉是假的，发件人是 kestreI.exchange（大写的i），不是你们的官方域名。邮件里让我点链接验证身份，还要输入资金密码和谷歌验证码。我没有点。麻烦处理一下。

------------------ 原始邮件 ------------------
发件人: "Kestrel 安全中心" <service@kestreI.exchange>
发送时间: 2026年11月14日(星期六) 晚上10:21
收件人: "zhangmin_hz" <zhangmin_hz@qq.com>
主题: 【Kestrel】您的账户存在异常登录，请立即验证

尊敬的用户：

系统检测到您的账户于 2026-11-14 21:47 在 俄罗斯 莫斯科 登录，如非本人操作，您的资产存在被盗风险。

请在 2 小时内点击下方链接完成身份验证，否则账户将被冻结：
https://www.kestrel.exchange/security/verify （实际链接：https://kestrel-verify.cn-safe.top/login）

验证时需要输入：登录密码、资金密码、谷歌验证码。

Kestrel 安全团队""",
     ents="email service@kestreI.exchange",
     phish=("phishing", "lookalike_domain link_mismatch credential_request urgency spoofed_display_name"),
     keep=["我没有点。"],
     notes="Lookalike uses capital I (kestreI.exchange)."),

dict(n=5, cat="trading", pri="normal", frm=("赵鹏", "zhaopeng.trader@gmail.com"), fmt="8bit",
     subj="合约被强平，要求给个说法",
     body="""我的 ETHUSDT 永续合约昨天晚上被强平了，强平价格是 2,318，但是我看标记价格最低只到 2,335，根本没到强平价！

订单号：3098812276450193408
仓位：15x 逐仓 多单 20 ETH

而且爆仓那几分钟你们的 app 一直卡，我想加保证金都加不进去。这个损失应该你们负责。请尽快给我回复。""",
     ents="order_id 3098812276450193408",
     keep=["而且爆仓那几分钟你们的 app 一直卡，我想加保证金都加不进去。"]),

dict(n=6, cat="kyc_aml", pri="normal", frm=("李静", "lijing_cd@163.com"), fmt="b64", cs="gb2312",
     subj="实名认证一直失败",
     body="""您好，

我已经尝试了四次身份认证，每次都提示"证件信息与人脸不匹配"。身份证是去年刚换的，照片很清楚。

为了方便你们核对，我把身份证号码写在这里：{{CNID:a}}，姓名李静。

是不是系统有问题？能不能人工审核一下？我不想再上传第五次了。

谢谢""",
     keep=["是不是系统有问题？能不能人工审核一下？"],
     notes="Resident ID number (18 digits, valid ISO 7064 check digit) volunteered in the body."),

dict(n=7, cat="api", pri="urgent", frm=("Kevin Zhou", "kevin.zhou@foxmail.com"), fmt="qp",
     subj="API 下单一直返回 10006 签名错误",
     body="""Hi support，

我用 Python 调用 /api/v3/order 下单，一直返回 {"code":10006,"msg":"signature verification failed"}。查询余额的接口是正常的，只有下单的 POST 请求有问题。

我怀疑是 passphrase 里面有特殊字符导致的，你们帮我看一下：

API Key: {{APIKEY:a}}
Passphrase: Kx#2026&zhou!

签名用的是 HMAC SHA256，body 是 json 字符串，timestamp 用的毫秒。

另外 websocket 每隔十几分钟就断开一次，这个正常吗？

UID：70045128""",
     ents="error_code 10006 | uid 70045128",
     sec=[("passphrase", "Kx#2026&zhou!")],
     keep=["我怀疑是 passphrase 里面有特殊字符导致的，你们帮我看一下："],
     notes="API key and API passphrase leaked; any access credential makes it urgent."),

dict(n=8, cat="promotions", pri="normal", frm=("孙晓", "sunxiao_777@qq.com"), fmt="8bit",
     subj="双十一交易大赛奖励没发",
     body="""双十一合约交易大赛我排名第37，按照活动规则应该有 200 USDT 奖励，说好了活动结束后7个工作日内发放，现在都过去半个月了还没收到。

我的UID 33508217

还有新用户注册送的 10 USDT 体验金也没到，是不是漏发了""",
     ents="uid 33508217",
     keep=["是不是漏发了"]),

dict(n=9, cat="feedback", pri="low", frm=("吴桐", "wutong_design@163.com"), fmt="qp",
     subj="关于app的一些建议",
     body="""你好，

用了你们的 app 大半年了，整体很好用，有几个小建议：

1. K线页面横屏的时候指标显示不全
2. 希望能增加中文在线客服的时间，晚上经常排队很久
3. 资产页面希望可以隐藏小额币种

谢谢你们的工作！""",
     keep=["用了你们的 app 大半年了，整体很好用，有几个小建议："]),

dict(n=10, cat="other", pri="low", frm=("周文", "zhouwen@sina.com"), fmt="b64", cs="gb18030",
     subj="怎么注销账户",
     body="""您好，我以后不打算再用这个平台了，想把账户注销。资产已经全部提走了。请问注销需要什么流程？注销以后个人信息会删除吗？""",
     keep=["注销以后个人信息会删除吗？"]),

dict(n=11, cat="deposit", pri="high", frm=("黄志强", "hzq_btc@gmail.com"), fmt="qp",
     subj="BTC 充值 6 个确认了还没到账",
     body="""客服您好，

我从冷钱包转了 0.35 BTC 到 Kestrel 的 BTC 充值地址（Taproot 地址）：
{{BTCP:a}}

交易哈希：{{TX-BTC:a}}

mempool 上显示已经 9 个确认了，你们 app 里充值记录里什么都没有。是不是你们不支持 Taproot 地址？但是这个地址就是你们 app 里生成的啊。

UID：27760031

黄志强""",
     ents="uid 27760031",
     keep=["是不是你们不支持 Taproot 地址？"]),

dict(n=12, cat="withdrawal", pri="normal", frm=("马丽", "mali_bj@163.com"), fmt="8bit",
     subj="提现白名单和限额的问题",
     body="""请问一下：
1）开启了提现白名单之后，新加的地址要等24小时才能用吗？
2）我是高级认证用户，每天提现额度是多少？能不能申请提高到 50 万 USDT？

谢谢""",
     keep=["开启了提现白名单之后，新加的地址要等24小时才能用吗？"]),

dict(n=13, cat="account_security", pri="urgent", frm=("老陈", "chen.laoshi@126.com"), fmt="8bit",
     subj="换手机了登不上",
     body="""换了新手机 谷歌验证器没了 登不上账户 我把钱包备份发给你们 你们帮我恢复一下

{{SEEDLIST-english-12:a}}

这个是我当时抄在本子上的 应该没错 急用钱 谢谢""",
     keep=["这个是我当时抄在本子上的 应该没错 急用钱 谢谢"],
     notes="Customer confuses a wallet backup with exchange 2FA recovery; English BIP39 phrase as a numbered list (value is the verbatim block, words holds the phrase). Urgent because of the leak."),

dict(n=14, cat="phishing_report", pri="normal", frm=("钱伟", "qianwei_sh@qq.com"), fmt="8bit",
     subj="收到冒充你们的短信",
     body="""刚收到一条短信，显示的发件人是"Kestrel"，内容是：

【Kestrel】您的账户因违反反洗钱规定将在24小时内被冻结，请立即登录 kestrel.exchange.verify-login.top 完成二次认证，退订回T

我没有点进去。这个域名明显不是你们的吧？你们的短信一般不带链接的。提醒一下其他用户。""",
     phish=("phishing", "lookalike_domain urgency impersonated_channel spoofed_display_name"),
     keep=["我没有点进去。"]),

dict(n=15, cat="deposit", pri="high", frm=("林晓峰", "linxf_doge@outlook.com"), fmt="html", client="outlook",
     subj="DOGE 充值没到账",
     body="""您好，

我 11 月 25 日充值了 12000 DOGE，交易已经在链上确认了，但是账户里一直没显示。

充值地址：{{DOGE:a}}
TxID：{{TX-DOGE:a}}

我的用户编号：45092217
订单号（充值记录里显示的）：无

麻烦尽快核实，谢谢！

林晓峰""",
     ents="uid 45092217",
     keep=["交易已经在链上确认了，但是账户里一直没显示。"]),

dict(n=16, cat="trading", pri="high", frm=("郑海", "zhenghai_p2p@163.com"), fmt="qp",
     subj="C2C买币付款了对方不放币",
     body="""我在C2C买 USDT，订单号 202611271830552041，已经用支付宝付了 7,260 元，对方一直不放币，聊天也不回。

我已经点了申诉，上传了付款截图（截图里显示付款成功，收款人 *建国，时间 18:32）。

客服一直没人处理，订单显示"申诉中"。请尽快帮我处理，不然我只能报警了。

联系电话 186 2117 9034""",
     ents="order_id 202611271830552041",
     keep=["我已经点了申诉，上传了付款截图（截图里显示付款成功，收款人 *建国，时间 18:32）。"]),

dict(n=17, cat="withdrawal", pri="high", frm=("田野", "tianye_93@qq.com"), fmt="8bit",
     subj="提币地址填错了 能不能撤回",
     body="""我提了 1500 USDT，地址复制错了，复制成了 USDT 的合约地址 {{ETH:a}} （ERC20），现在提现显示已完成。

我原本要提到的地址是 {{ETH:b}}

请问能不能撤回或者联系合约方找回？求求你们了

UID 91006623""",
     ents="uid 91006623",
     keep=["请问能不能撤回或者联系合约方找回？"]),

dict(n=18, cat="kyc_aml", pri="normal", frm=("何建国", "hejianguo@sohu.com"), fmt="qp",
     subj="Re: [KX-120558] 资金来源证明",
     reply_to_id="<kx.120558.1@kestrel.exchange>",
     body="""我就是正常炒币，为什么要我提供银行流水和工资证明？？我在你们平台交易三年了，一直没问题，现在突然说要做什么"增强尽职调查"，提现也限制了。

我可以提供近六个月的银行流水，但是工资证明没有，我是做生意的。营业执照可以吗？

-----原始邮件-----
发件人: "Kestrel Compliance" <compliance@kestrel.exchange>
发送时间: 2026-11-26 14:05:33 (星期四)
收件人: hejianguo@sohu.com
主题: [KX-120558] 资金来源证明

尊敬的用户（UID 10374582）：

根据反洗钱规定，我们需要您提供近期大额充值的资金来源证明，例如银行流水、工资证明或资产出售合同。请在 14 天内通过安全中心上传。

Kestrel 合规团队""",
     ents="email compliance@kestrel.exchange | uid 10374582",
     keep=["我可以提供近六个月的银行流水，但是工资证明没有，我是做生意的。"]),

dict(n=19, cat="account_security", pri="urgent", frm=("罗斌", "luobin_cq@163.com"), fmt="8bit",
     subj="在假网站输入了密码，现在有人登录我的账户",
     body="""救命，我前天在百度搜"Kestrel 官网"，点了第一个广告，网址是 kestrel-exchange.com.cn，长得和你们一模一样，我输了账号密码和谷歌验证码，然后页面一直转圈。

今天收到你们的邮件说有新设备登录（IP 在香港），我赶紧把密码改了。之前的密码是 luobin@8899kx ，别的网站也用过这个密码。

现在账户里还有 2 万多 USDT，请帮我冻结提现！UID 84401926""",
     ents="uid 84401926",
     sec=[("password", "luobin@8899kx")],
     phish=("phishing", "lookalike_domain credential_request"),
     keep=["今天收到你们的邮件说有新设备登录（IP 在香港），我赶紧把密码改了。"],
     notes="Victim of a phishing site asking to freeze the account: category account_security (the request), phishing label non-null because it describes the fake site. Old password leaked."),

dict(n=20, cat="phishing_report", pri="normal", frm=("许婷", "xuting_kx@qq.com"), fmt="qp",
     to=("", "security@kestrel.exchange"),
     subj="这封邮件是你们发的吗？发件人就是官方地址",
     body="""安全团队你好：

附件是我收到的一封邮件，发件人显示就是 security@kestrel.exchange，和你们官网写的一样。内容说我的账户要升级到"V2 钱包"，需要回复邮件提供助记词备份。

我记得你们说过不会索要助记词，所以没有回复。QQ邮箱提示"此邮件可能是伪造的"。请帮忙确认。

许婷""",
     ents="email security@kestrel.exchange",
     fwd=dict(frm=("Kestrel Exchange", "security@kestrel.exchange"), to=("", "xuting_kx@qq.com"),
              subj="【重要】钱包系统升级通知", fmt="html",
              headers=[("Return-Path", "<notice@srv-mail-kx.xyz>"), ("Authentication-Results", AUTH_FAIL_QQ),
                       ("Received", "from srv-mail-kx.xyz (unknown [45.137.21.9]) by newxmesmtplogicsvrszc5.qq.com; {DATE}")],
              body="""尊敬的 Kestrel 用户：

为提升资产安全，Kestrel 将于本周完成钱包系统升级（V2）。所有用户需在 48 小时内完成资产迁移备份，逾期未完成的账户资产将暂时无法提现。

请直接回复本邮件，提供您的 12 位或 24 位助记词备份以及绑定手机号，我们的工程师会为您完成迁移。

Kestrel 安全中心
https://kestrel.exchange""",
              filename="钱包系统升级通知.eml"),
     phish=("phishing", "auth_fail credential_request urgency"),
     keep=["我记得你们说过不会索要助记词，所以没有回复。"],
     notes="Exact-domain spoof; only the attached message's failed SPF/DKIM/DMARC and the seed request betray it."),

dict(n=21, cat="account_security", pri="high", frm=("冯雪", "fengxue_2019@163.com"), fmt="b64", cs="gb2312",
     subj="账户被冻结了，无法提现",
     body="""你好，

今天登录的时候提示"您的账户因安全原因已被临时冻结"，现在不能交易也不能提现。我没有做任何违规的事情，只是昨天在国外出差用酒店的网络登录了一次。

账户里有大约 3 万 USDT。请问怎么解冻？需要我提供什么资料？

用户ID 20091847""",
     ents="uid 20091847",
     keep=["我没有做任何违规的事情，只是昨天在国外出差用酒店的网络登录了一次。"],
     notes="Account frozen for security, funds stuck: high."),

dict(n=22, cat="withdrawal", pri="high", frm=("Li Hao", "lihao.sol@gmail.com"), fmt="8bit",
     subj="SOL withdraw 显示成功但 Phantom 没收到",
     body="""hi，我从 Kestrel 提了 42 SOL 到我的 Phantom 钱包，提现记录显示"已完成"，也给了 txid：

{{TX-SOL:a}}

但是我在 solscan 上搜这个 hash 显示 not found，钱包里也没有。已经过去 5 个小时了。

这个 txid 是不是错的？还是链上拥堵？UID 66120379""",
     ents="uid 66120379",
     keep=["这个 txid 是不是错的？还是链上拥堵？"],
     notes="Solana signature (base58, 64 bytes) as tx_hash with chain SOL."),

dict(n=23, cat="deposit", pri="high", frm=("宋佳", "songjia_0815@qq.com"), fmt="html", client="qq",
     subj="回复：[KX-119902] 充值未到账",
     reply_to_id="<kx.119902.1@kestrel.exchange>",
     body="""你好，按照你们说的，我又核对了一下。

我充值用的地址是 {{ETH:a}}，就是 app 里复制的。上次邮件里我手打的地址 {{BAD-ETH:x}} 是打错了，请以这次的为准。

交易哈希：{{TX-EVM:a}}
金额：0.8 ETH

已经三天了，请尽快处理。

------------------ 原始邮件 ------------------
发件人: "Kestrel Support" <support@kestrel.exchange>
发送时间: 2026年11月24日(星期二) 上午10:15
收件人: "宋佳" <songjia_0815@qq.com>
主题: [KX-119902] 充值未到账

您好，

您提供的地址与您账户的充值地址不一致，请重新核对充值地址和交易哈希后回复本邮件。

Kestrel 客服""",
     ents="email support@kestrel.exchange",
     keep=["上次邮件里我手打的地址", "已经三天了，请尽快处理。"],
     notes="The hand-typed earlier address has a broken EIP-55 checksum and must not be reported."),

dict(n=24, cat="phishing_report", pri="normal", frm=("邓磊", "denglei_wx@163.com"), fmt="qp",
     subj="微信群里有人冒充你们客服让转账到安全账户",
     body="""你好，

我在一个币圈微信群里问了一个提现的问题，然后有个叫"Kestrel官方客服-小K"的人加我微信，说我的账户被风控了，需要先把 USDT 转到他们的"安全账户"做验证，验证完 30 分钟内原路退回。

他发来的地址是 {{TRX:a}}，还给我发了一个盖着"Kestrel Exchange"公章的文件截图。

我没转。请问你们是不是真的有这种操作？如果是骗子，请提醒其他用户，也可以把这个地址拉黑。""",
     phish=("phishing", "impersonated_channel spoofed_display_name urgency"),
     keep=["我没转。"],
     notes="Scammer's TRON address is still an address entity."),
]
