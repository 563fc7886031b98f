# English mails, hand-written for the Kestrel eval set (CC0).
LANG = "en"

AUTH_FAIL = ("mx.google.com; dkim=fail header.i=@kestrel.exchange header.s=k1 header.b=Qm7tYw1c; "
             "spf=fail (google.com: domain of bounce@mailer-srv7.ru does not designate 185.220.101.47 as permitted sender) "
             "smtp.mailfrom=bounce@mailer-srv7.ru; dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) header.from=kestrel.exchange")
AUTH_PASS = ("mx.google.com; dkim=pass header.i=@kestrel.exchange header.s=k1 header.b=Zp0aR2mQ; "
             "spf=pass (google.com: domain of bounces@mail.kestrel.exchange designates 198.51.100.23 as permitted sender) "
             "smtp.mailfrom=bounces@mail.kestrel.exchange; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=kestrel.exchange")

MAILS = [
dict(n=1, cat="deposit", pri="high", frm=("Darnell Brooks", "dbrooks.trades@gmail.com"),
     subj="USDT deposit not showing up!!!", fmt="qp",
     body="""I sent 1,250 USDT on TRC20 almost 5 hours ago and it is STILL not in my account. Tronscan says SUCCESS with way more than 20 confirmations.

TxID: {{TX-TRON:a}}
Deposit address (copied from your app): {{TRX:a}}
My UID 40718263

This is the third time something like this happens. Fix it please, I need the funds for a trade today.

Darnell""",
     ents="uid 40718263", keep=["This is the third time something like this happens."]),

dict(n=2, cat="withdrawal", pri="high", frm=("Helen Carver", "helen.carver@outlook.com"),
     subj="BTC withdrawal stuck on 'processing' since yesterday", fmt="html", client="outlook",
     body="""Hello,

Yesterday (Nov 18) at around 4pm I requested a withdrawal of 0.0842 BTC to my Ledger, address {{BTCQ:a}}. The balance was taken off my account straight away but the withdrawal has been showing "Processing" for more than 20 hours now and there is no TXID in the history.

I have withdrawn to this same address several times before without any problem. I did the email and SMS confirmation as usual.

Can you tell me what is going on and when it will be sent? If it can't be sent, please return the 0.0842 BTC to my spot wallet.

You can reach me on +44 7700 900481 during the day if that's easier.

Kind regards,
Helen Carver
UID: 19204476""",
     ents="uid 19204476",
     keep=["I have withdrawn to this same address several times before without any problem."]),

dict(n=3, cat="account_security", pri="urgent", frm=("Tom", "tomasz.w.uk@gmail.com"),
     subj="HACKED - someone is withdrawing my ETH RIGHT NOW", fmt="8bit",
     body="""please freeze my account immediately uid 55231907

i just got 3 emails that withdrawals were confirmed to {{ETH:a}} , that is NOT my address. i did not do this. my 2FA was on. there is another one pending right now for 3.1 ETH

I never shared my password with anyone. the only thing i can think of is i typed my wallet phrase into some "wallet sync" site last week, its this one if it helps you trace: {{SEED-english-12:a}}

PLEASE stop the pending one""",
     ents="uid 55231907",
     keep=["I never shared my password with anyone.", "PLEASE stop the pending one"],
     notes="Seed phrase of the customer's own wallet leaked inside a sentence; urgent both for takeover and leak."),

dict(n=4, cat="phishing_report", pri="normal", frm=("Priya Nair", "priya.nair.91@gmail.com"),
     subj="Fwd: Action required: verify your Kestrel wallet within 24 hours", fmt="html",
     body="""Hi, got this today. Looks fake to me (the address is kestrel-exchange.com not kestrel.exchange) but the logo and everything look exactly like yours. Forwarding so you can take it down. I did NOT click anything.

---------- Forwarded message ---------
From: Kestrel Exchange <security@kestrel-exchange.com>
Date: Tue, Nov 3, 2026 at 9:14 AM
Subject: Action required: verify your Kestrel wallet within 24 hours
To: <priya.nair.91@gmail.com>


Dear Valued Customer,

Due to new EU regulation (MiCA) all Kestrel accounts must complete wallet re-verification. Accounts that are not verified within 24 hours will be suspended and remaining assets moved to a holding wallet.

Verify now: https://kestrel.exchange/verify <https://kestrel-exchange.com/wallet/verify?id=88123>

You will be asked to confirm your 12 or 24 word recovery phrase to prove ownership.

Kestrel Security Team
(c) 2026 Kestrel Exchange""",
     ents="email security@kestrel-exchange.com",
     phish=("phishing", "lookalike_domain link_mismatch credential_request urgency spoofed_display_name"),
     keep=["I did NOT click anything."]),

dict(n=5, cat="phishing_report", pri="normal", frm=("Greg Halvorsen", "ghalvorsen@icloud.com"),
     subj="Is this really from you? (attached)", fmt="qp", to=("", "security@kestrel.exchange"),
     body="""Hello security team,

The attached email came from security@kestrel.exchange, which is your real address as far as I know, so I almost did what it said. But it asks me to reply with my 2FA backup key and I thought you would never ask that. Gmail put a little warning on it too.

Can you confirm whether it is legit? I have not replied.

Greg

Sent from my iPhone""",
     ents="email security@kestrel.exchange",
     fwd=dict(frm=("Kestrel Exchange", "security@kestrel.exchange"), to=("", "ghalvorsen@icloud.com"),
              subj="Urgent: unusual withdrawal request on your account",
              fmt="html",
              headers=[("Authentication-Results", AUTH_FAIL), ("Return-Path", "<bounce@mailer-srv7.ru>"),
                       ("Received", "from mailer-srv7.ru (unknown [185.220.101.47]) by mx.google.com with ESMTP id q7si112233; {DATE}")],
              body="""Dear customer,

We detected a withdrawal request of 2.40 BTC from your Kestrel account from a new device (Windows, Kyiv).

If this was not you, simply reply to this email within 2 hours with your Google Authenticator backup key (the 16-character code you saved when you enabled 2FA) so our security team can re-bind your authenticator and cancel the withdrawal.

If we do not hear from you the withdrawal will be processed automatically.

Kestrel Exchange Security
https://kestrel.exchange""",
              filename="Urgent unusual withdrawal request on your account.eml"),
     phish=("phishing", "auth_fail credential_request urgency"),
     keep=["Can you confirm whether it is legit?"],
     notes="Exact-domain spoof: From is security@kestrel.exchange and the link is the real domain; only the attached message's Authentication-Results (spf/dkim/dmarc fail) and the request for the 2FA backup key betray it."),

dict(n=6, cat="api", pri="normal", frm=("Kenji Watanabe", "kenji.w.dev@gmail.com"),
     subj="API error -1021 on every signed request", fmt="qp",
     body="""Hi,

Since this morning every signed request I send to the REST API comes back with

    {"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}

Public endpoints work fine. I am running the bot on a VPS in Frankfurt, using python requests, recvWindow=5000. Nothing changed on my side as far as I know. I did rotate the key last week but the old one was deleted.

Should I create a new API key? Or is there a server time endpoint I should sync against?

Thanks
Kenji (UID 30017752)""",
     ents="error_code -1021 | uid 30017752",
     keep=["Should I create a new API key?", "Nothing changed on my side as far as I know."]),

dict(n=7, cat="api", pri="urgent", frm=("Sam O'Connell", "sam.oconnell@protonmail.com"),
     subj="I accidentally pushed my API key to a public GitHub repo", fmt="8bit",
     body="""Hey team,

Really stupid mistake on my part. About 40 minutes ago I pushed my trading bot config to a public GitHub repo and the Kestrel API credentials were in it. I've already made the repo private but I assume bots scrape these within minutes.

The key had trading and (I think) withdrawal permission enabled. I can't log in to delete it myself because I'm travelling and my 2FA phone is at home.

These are the exact values so you can find and revoke the right one:

api_key = {{APIKEY:a}}
api_secret = {{APISECRET:a}}

Please disable it asap and let me know if there were any withdrawals in the last hour. UID 61554020.

Sam""",
     ents="uid 61554020",
     keep=["I've already made the repo private but I assume bots scrape these within minutes."]),

dict(n=8, cat="trading", pri="normal", frm=("Marcus Lee", "marcuslee_88@yahoo.com"),
     subj="liquidated on BTCUSDT perp even though mark price never hit my liq price", fmt="8bit",
     body="""Your platform liquidated my long position at 03:12 UTC last night. My liquidation price was 61,480 and the mark price according to your own chart never went below 61,900. The wick only happened on the last price.

Order ID of the liquidation: 1849302256671038464
Position size was 0.75 BTC, 20x isolated.

I want a full explanation and compensation for the margin I lost (about 2,300 USDT). This is not the first time I see complaints like this on twitter.

Marcus
UID 22817540""",
     ents="order_id 1849302256671038464 | uid 22817540",
     keep=["The wick only happened on the last price."]),

dict(n=9, cat="kyc_aml", pri="normal", frm=("Olivia Grant", "olivia.grant@hotmail.com"),
     subj="Verification rejected again - 'document not clear'", fmt="html", client="outlook",
     body="""Hello,

This is my third attempt at identity verification and it keeps getting rejected with the reason "Document image is not clear". I am uploading photos of my UK driving licence taken in daylight and they look perfectly sharp to me. The selfie step works fine.

Is there a problem with driving licences? Should I use my passport instead? I'd rather not send my passport photo page over email, so please tell me how to do it in the app.

My account email is this one. I've been waiting a week to be able to deposit.

Thanks,
Olivia""",
     keep=["I'd rather not send my passport photo page over email, so please tell me how to do it in the app."]),

dict(n=10, cat="kyc_aml", pri="normal", frm=("Richard Tan", "richard.tan@tanconsulting.sg"),
     subj="Re: [KX-118420] Source of funds documentation", fmt="qp", reply_to_id="<kx.118420.1@kestrel.exchange>",
     body="""Hi Anna,

Thanks for the quick reply. To answer your questions:

1. The funds deposited on 2 October came from the sale of a property in Johor. I can provide the sale and purchase agreement and the bank statement showing the proceeds arriving.
2. The subsequent USDT deposits came from my own wallet at another exchange; I can export the withdrawal history from there as CSV.
3. Annual income: I run a small consultancy, I can provide the last two years of tax assessment.

Are scanned PDFs acceptable, or do they need to be certified copies? Also, is there a size limit on the upload portal? The S&P agreement alone is 38 pages.

Best regards,
Richard Tan
Director, Tan Consulting Pte Ltd
+65 6812 4470

On Wed, Nov 11, 2026 at 10:02 AM Kestrel Support <support@kestrel.exchange> wrote:
> Dear Richard,
>
> As part of our periodic review we need to understand the source of the funds
> deposited to your account (UID 71203358) in October. Please provide documents
> showing the origin of the funds, e.g. bank statements, payslips or sale agreements.
>
> Kind regards,
> Anna
> Kestrel Exchange Compliance""",
     ents="email support@kestrel.exchange | uid 71203358",
     keep=["Are scanned PDFs acceptable, or do they need to be certified copies?"]),

dict(n=11, cat="promotions", pri="normal", frm=("Jordan Fields", "jfields2001@gmail.com"),
     subj="referral bonus never paid", fmt="8bit",
     body="""I referred 2 friends in October with my link (code KXJORD22). Both signed up, did KYC and traded over $500 each which is what the campaign page says is needed. The campaign said $50 per friend credited within 14 days. It's been over a month and I got nothing.

Their UIDs are 88301274 and 88302199, mine is 63300951.

can you check please""",
     ents="uid 88301274 | uid 88302199 | uid 63300951",
     keep=["can you check please"]),

dict(n=12, cat="feedback", pri="low", frm=("Bea Lindqvist", "bea.lindqvist@gmail.com"),
     subj="Love the app, a couple of suggestions", fmt="html",
     body="""Hi Kestrel team!

Just wanted to say the new mobile app is fantastic, the recurring buy feature is exactly what I needed and your support chat helped me in 5 minutes last month.

Two suggestions:
- a proper dark mode for the web version (the mobile one is great)
- please show the anti-phishing code in SMS messages too, not only in emails. I get so many fake texts that it would really help.

Keep it up :)
Bea""",
     keep=["Just wanted to say the new mobile app is fantastic, the recurring buy feature is exactly what I needed and your support chat helped me in 5 minutes last month."],
     notes="Mentions fake texts and the anti-phishing code but reports no specific message: feedback, phishing null."),

dict(n=13, cat="other", pri="low", frm=("Alan Whitfield", "a.whitfield@btinternet.com"),
     subj="Annual statement for tax purposes", fmt="qp",
     body="""Good afternoon,

My accountant has asked me for a statement of all my transactions on Kestrel for the 2025/26 tax year (6 April 2025 to 5 April 2026), showing acquisitions and disposals in GBP.

Is there a way to download this from my account, or can you send it to me? I only see a CSV export of the last 90 days in the app.

Many thanks,
Alan Whitfield""",
     keep=["My accountant has asked me for a statement of all my transactions on Kestrel for the 2025/26 tax year (6 April 2025 to 5 April 2026), showing acquisitions and disposals in GBP."]),

dict(n=14, cat="account_security", pri="normal", frm=("Chris", "chris.m.bailey@icloud.com"),
     subj="lost phone", fmt="8bit", ua="iPhone Mail (22B91)",
     body="""Lost my phone with google authenticator on it, got a new one. How do I reset 2fa on my account? Can't log in without the code

Sent from my iPhone""",
     keep=["How do I reset 2fa on my account?"]),

dict(n=15, cat="phishing_report", pri="normal", frm=("Nadia Rahman", "nadia.rahman@gmail.com"),
     subj="Fake Kestrel support on Telegram", fmt="qp",
     body="""Hi,

I want to report a scammer pretending to be Kestrel support on Telegram. I posted in a crypto group asking why my deposit was slow and within a minute a user called "Kestrel Support | Official" (@kestrel_help_desk) messaged me. He had your logo as his picture and a blue tick emoji in his name.

He was very friendly at first, then said my wallet was "out of sync" and I had to "validate" it on kestrel-wallet-sync.app by entering my recovery phrase, and that if I didn't do it in 30 minutes my deposit would be lost. I didn't enter anything and blocked him.

(My deposit arrived a bit later by itself, so that's fine.)

I hope you can get the account and the site removed. I have a screenshot of the chat if you need it.

Nadia""",
     phish=("phishing", "impersonated_channel spoofed_display_name credential_request urgency lookalike_domain"),
     keep=["I didn't enter anything and blocked him."]),

dict(n=16, cat="deposit", pri="urgent", frm=("Mike Duarte", "mikeduarte77@gmail.com"),
     subj="sent USDC on BNB chain instead of Ethereum - help", fmt="qp",
     body="""hi so i messed up. I withdrew 3,400 USDC from MetaMask to my Kestrel USDC deposit address but MetaMask was still set to BNB Smart Chain (BEP20) and your address page said ERC20 only.

Kestrel deposit address: {{ETH:a}}
BscScan tx: {{TX-EVM:a}}

It says success on bscscan. Can you recover it? Since it's an EVM address I think the same address exists on BSC?

If you need to sign something from my side, I can export the private key of my MetaMask account: {{PRIVHEX:a}} (that's the one that sent it, not the kestrel one obviously)

UID 39910475""",
     ents="uid 39910475",
     keep=["Can you recover it?", "It says success on bscscan."],
     notes="Wrong-network deposit (deposit category). Contains the customer's own 64-hex private key, which must not be mistaken for a tx hash; the leak makes it urgent."),

dict(n=17, cat="withdrawal", pri="normal", frm=("Ethan Cole", "ethancole@proton.me"),
     subj="What are the daily withdrawal limits?", fmt="8bit",
     body="""Hi, quick question before I move my savings over. I'm verified at level 1 (ID only, no proof of address). What is the max I can withdraw per day in BTC and in EUR? And does the limit reset at midnight UTC or 24h after the last withdrawal?

Thanks!""",
     keep=["I'm verified at level 1 (ID only, no proof of address)."]),

dict(n=18, cat="account_security", pri="urgent", frm=("Patricia Moore", "patmoore1962@aol.com"),
     subj="Re: [KX-120117] Can't log in - account locked", fmt="8bit", reply_to_id="<kx.120117.2@kestrel.exchange>",
     body="""I tried again this morning and it still says account locked. I am not very good with computers. My grandson set it up for me. I have about $8,000 in there.

I am giving you the password so you can go in and fix it, it is Bluebird#1962kx  please just unlock it

Patricia Moore

-----Original Message-----
From: Kestrel Support <support@kestrel.exchange>
Sent: Monday, November 23, 2026 3:41 PM
To: patmoore1962@aol.com
Subject: [KX-120117] Can't log in - account locked

Dear Patricia,

Your account was temporarily locked after several failed login attempts. For your security our agents will never ask for your password. Please use "Forgot password" on the login page to set a new one; the lock will be lifted automatically after the reset.

Kind regards,
Kestrel Support""",
     ents="email support@kestrel.exchange",
     sec=[("password", "Bluebird#1962kx")],
     keep=["For your security our agents will never ask for your password.", "I am not very good with computers."],
     notes="Quoted support reply mentions 'password' without a secret (must_keep); customer's own text leaks the password."),

dict(n=19, cat="deposit", pri="high", frm=("Liam Byrne", "liambyrne.ie@gmail.com"),
     subj="XRP deposit without destination tag", fmt="html",
     body="""Hello,

I deposited 1,980 XRP from Bitstamp to the Kestrel XRP address {{XRP:a}} but forgot to put the destination tag. I only realised after. The correct tag shown in my account is 104877231.

Transaction hash: {{TX-XRP:a}}

Your FAQ says that deposits without tag can be recovered manually. What do you need from me? My UID is 50328817.

Thank you,
Liam""",
     ents="uid 50328817",
     keep=["Your FAQ says that deposits without tag can be recovered manually."],
     notes="The destination tag 104877231 is not a uid/order id."),

dict(n=20, cat="phishing_report", pri="normal", frm=("Deborah Kim", "deb.kim@comcast.net"),
     subj="Strange phone call from 'Kestrel fraud department'", fmt="qp",
     body="""Hello,

About an hour ago I got a phone call from a US number (+1 415 555 0134). A man said he was from the Kestrel fraud department and that there was "unusual activity" on my account. He knew my full name and that I had an account with you. He didn't ask me for anything yet, he said a "senior agent" would call me back this afternoon to "secure my funds".

Do you actually call customers? I didn't think so. I have not given him any information. If this is you, please tell me, otherwise I will not pick up.

Deborah Kim""",
     phish=("suspicious", "impersonated_channel urgency"),
     keep=["I have not given him any information."],
     notes="Caller asked for nothing yet: verdict suspicious rather than phishing."),

dict(n=21, cat="other", pri="low", frm=("Victor Ames", "victor.ames@gmail.com"),
     subj="how do I know an email is really from you?", fmt="8bit",
     body="""I keep reading about fake exchange emails on reddit. Which domains do you actually send email from? Is it only kestrel.exchange? And where do I set that anti-phishing code thing I've heard about?

Haven't received anything weird, just want to be careful.""",
     keep=["Haven't received anything weird, just want to be careful."],
     phish=None,
     notes="Phishing-adjacent question with no suspicious message in hand: category other, phishing null (judgement call, see README)."),

dict(n=22, cat="trading", pri="high", frm=("Aisha Bello", "aisha.bello@yahoo.co.uk"),
     subj="P2P seller not releasing USDT after I paid", fmt="qp",
     body="""Dear Kestrel,

I bought 600 USDT on P2P from the merchant "FastCoinUK" at 7:40pm, P2P order number 20261124194012883. I paid £472.80 by Faster Payments from my Monzo account and marked the order as paid. The seller has not released the coins, and the order timer ran out. He is not replying in the chat.

I opened an appeal in the app but nobody has replied for 2 hours. I have the bank confirmation as PDF.

Please help, this is a lot of money for me.

Aisha""",
     ents="order_id 20261124194012883",
     keep=["I opened an appeal in the app but nobody has replied for 2 hours."],
     notes="P2P order number starts with a date-like prefix; it is an order_id, not a uid. The GBP amount is not an entity."),

dict(n=23, cat="withdrawal", pri="high", frm=("Ben Carter", "ben.carter.work@gmail.com"),
     subj="Withdrawal failed with code 30042 but USDT deducted", fmt="qp",
     body="""Hi,

I tried to withdraw 2,000 USDT (TRC20) to {{TRX:a}} and the app said "Withdrawal failed (code 30042)". The 2,000 USDT plus the 1 USDT fee were deducted from my funding wallet anyway and there's no refund after 6 hours.

Before that I had pasted {{BAD-TRX:x}} which the app rejected as invalid, so I copied the address again from my wallet; the one above is the correct one.

Withdrawal ID in the history: 7730158842. UID 12087733.

Please either send it or refund it.
Ben""",
     ents="error_code 30042 | uid 12087733",
     keep=["Please either send it or refund it."],
     notes="The withdrawal ID 7730158842 is a record id, labelled neither as uid nor order_id (judgement call). The first pasted address has a broken checksum and must not be reported."),

dict(n=24, cat="phishing_report", pri="low", frm=("Hannah Schultz", "hannah.schultz@gmail.com"),
     subj="Fwd: New login to your Kestrel account - is this real?", fmt="qp",
     body="""Hello, I got the attached login notification. The login was actually me (new laptop) so I'm not worried, but the email looks slightly different from the ones I usually get, so I wanted to check it is genuinely from you before I trust these in future.

Thanks,
Hannah""",
     fwd=dict(frm=("Kestrel Exchange", "no-reply@kestrel.exchange"), to=("", "hannah.schultz@gmail.com"),
              subj="New login to your Kestrel account", fmt="html",
              headers=[("Authentication-Results", AUTH_PASS), ("Return-Path", "<bounces@mail.kestrel.exchange>")],
              body="""Hi Hannah,

We noticed a new login to your Kestrel account.

Device: Chrome on macOS
Location: Hamburg, Germany
Time: 2026-11-20 18:03 UTC

Your anti-phishing code: BLUEFOX

If this was you, you can ignore this message. If not, please change your password and contact security@kestrel.exchange.

Kestrel Exchange
https://kestrel.exchange/account/security""",
              filename="New login to your Kestrel account.eml"),
     ents="email security@kestrel.exchange",
     phish=("clean", ""),
     keep=["The login was actually me (new laptop) so I'm not worried"],
     notes="Genuine Kestrel notification (auth pass, real domain, anti-phishing code): phishing_report with verdict clean, priority low."),

dict(n=25, cat="other", pri="normal", frm=("Gary Flint", "garyflint58@yahoo.com"),
     subj="wallet says my recovery words are wrong??", fmt="8bit",
     body="""Hi there

This might not be your department but you're the only crypto company I have an account with. I'm trying to restore an old wallet on a new phone (not a Kestrel wallet, some app my son installed in 2021) and it keeps saying "invalid recovery phrase". I copied the words off the card very carefully:

{{BADSEED-english-12:x}}

Could one of the words be wrong? Is there any way to check which one? I don't have any other backup.

Thanks, Gary""",
     keep=["Could one of the words be wrong?", "I don't have any other backup."],
     notes="The 12 words fail the BIP39 checksum, so by the contract they are not a seed_phrase and no secret is labelled (a product that redacts them anyway is being cautious, not wrong in spirit). Third-party wallet question: other."),
]
