# German mails (Germany, Austria, Switzerland), hand-written for the Kestrel eval set (CC0).
LANG = "de"

MAILS = [
dict(n=1, cat="deposit", pri="high", frm=("Stefan Müller", "stefan.mueller@gmx.de"), cs="iso-8859-1", fmt="qp",
     subj="Einzahlung USDT nicht gutgeschrieben",
     body="""Sehr geehrte Damen und Herren,

am 22.11. habe ich 3.000 USDT über das TRC20-Netzwerk an meine Kestrel-Einzahlungsadresse gesendet. Die Transaktion ist laut Tronscan bestätigt, auf meinem Konto ist aber nichts angekommen.

Transaktions-Hash: {{TX-TRON:a}}
Einzahlungsadresse: {{TRX:a}}
UID: 21140876

Ich bitte um schnelle Prüfung.

Mit freundlichen Grüßen
Stefan Müller""",
     ents="uid 21140876",
     keep=["Die Transaktion ist laut Tronscan bestätigt, auf meinem Konto ist aber nichts angekommen."]),

dict(n=2, cat="deposit", pri="high", frm=("Julia Schneider", "julia.schneider@web.de"), fmt="qp",
     subj="BTC-Einzahlung seit gestern unbestätigt",
     body="""Hallo,

ich habe gestern 0,03 BTC an meine Einzahlungsadresse {{BTC3:a}} geschickt. Die Transaktion {{TX-BTC:a}} hängt noch im Mempool, weil meine Wallet wohl eine zu niedrige Gebühr gewählt hat.

Wird die Einzahlung trotzdem gutgeschrieben, wenn sie irgendwann bestätigt wird? Oder muss ich etwas tun (RBF/CPFP)?

Danke und viele Grüße
Julia""",
     keep=["Oder muss ich etwas tun (RBF/CPFP)?"]),

dict(n=3, cat="deposit", pri="high", frm=("Lukas Weber", "lukas.weber@t-online.de"), fmt="8bit",
     subj="Einzahlung an alte Adresse",
     body="""Hallo Support,

ich habe 1,1 ETH an eine alte Einzahlungsadresse von mir geschickt ({{ETH:a}}), die in der App inzwischen nicht mehr angezeigt wird – dort steht jetzt eine neue Adresse. Tx: {{TX-EVM:a}}

Kommt das Geld trotzdem an? UID 58822104

Gruß Lukas""",
     ents="uid 58822104",
     keep=["Kommt das Geld trotzdem an?"]),

dict(n=4, cat="withdrawal", pri="high", frm=("Anna Fischer", "anna.fischer@posteo.de"), fmt="html",
     subj="SEPA-Auszahlung nicht angekommen",
     body="""Guten Tag,

ich habe am Montag 4.800 EUR per SEPA auf mein Konto bei der Sparkasse ausgezahlt. Der Betrag wurde sofort von meinem Kestrel-Guthaben abgebucht, ist aber bis heute (Donnerstag) nicht auf meinem Bankkonto eingegangen.

Können Sie mir eine Transaktionsreferenz oder einen Zahlungsnachweis schicken?

Freundliche Grüße
Anna Fischer
UID 30449172""",
     ents="uid 30449172",
     keep=["Können Sie mir eine Transaktionsreferenz oder einen Zahlungsnachweis schicken?"]),

dict(n=5, cat="withdrawal", pri="normal", frm=("Markus Wagner", "markus.wagner@gmail.com"), fmt="8bit",
     subj="Auszahlungslimit",
     body="""Hallo, wie hoch ist das tägliche Auszahlungslimit für BTC bei Verifizierungsstufe 2? Kann man das für eine einmalige größere Auszahlung anheben lassen?""",
     keep=["Kann man das für eine einmalige größere Auszahlung anheben lassen?"]),

dict(n=6, cat="withdrawal", pri="high", frm=("Thomas Becker", "thomas.becker@gmx.at"), fmt="qp",
     subj="Auszahlung an falsche Adresse aus dem Adressbuch",
     body="""Servus,

ich habe aus Versehen den falschen Eintrag im Adressbuch gewählt und 2.500 USDT an {{TRX:a}} geschickt. Das ist eine alte Einzahlungsadresse von einer Börse, die es nicht mehr gibt.

Die Auszahlung ist schon abgeschlossen. Meine richtige Adresse wäre die gewesen, die ich mir notiert habe, {{BAD-TRX:x}} – aber die App sagt beim Einfügen "ungültige Adresse", also habe ich mich wohl auch da vertippt. Gibt es irgendeine Möglichkeit, die Transaktion zu stoppen oder zurückzuholen?

Danke, Thomas (Wien)""",
     keep=["Die Auszahlung ist schon abgeschlossen."]),

dict(n=7, cat="account_security", pri="urgent", frm=("Michael Hoffmann", "m.hoffmann@outlook.de"), fmt="qp",
     subj="DRINGEND: Konto gehackt",
     body="""Hallo,

jemand hat sich in mein Konto eingeloggt und versucht gerade, meine ETH abzuheben. Ich habe eine Bestätigungsmail für eine Auszahlung an {{ETH:a}} bekommen, die ich NICHT beauftragt habe.

Bitte sperren Sie mein Konto sofort! UID 67710453

Ich habe mein Passwort niemandem gegeben.""",
     ents="uid 67710453",
     keep=["Ich habe mein Passwort niemandem gegeben.", "Bitte sperren Sie mein Konto sofort!"]),

dict(n=8, cat="account_security", pri="normal", frm=("Sabine Koch", "sabine.koch@web.de"), fmt="qp",
     subj="Passkey funktioniert nicht mehr",
     body="""Guten Tag,

seit dem iOS-Update funktioniert die Anmeldung mit Passkey nicht mehr ("Passkey nicht gefunden"). Mit E-Mail und Passwort komme ich auch nicht weiter, weil dann der 2FA-Code verlangt wird und ich den Authenticator nie eingerichtet habe.

Wie komme ich wieder in mein Konto?

Sabine Koch""",
     keep=["Wie komme ich wieder in mein Konto?"]),

dict(n=9, cat="account_security", pri="urgent", frm=("Klaus Richter", "klaus.richter1955@t-online.de"), fmt="8bit",
     subj="Zugang geht nicht",
     body="""Guten Tag,

ich komme nicht mehr in mein Konto. Meine Zugangsdaten:

E-Mail: klaus.richter1955@t-online.de
Passwort: Sonnenblume!55
Telefon: 0171 4429871

Bitte richten Sie das für mich, ich bin 70 und komme mit der App nicht zurecht.

Klaus Richter""",
     sec=[("password", "Sonnenblume!55")],
     keep=["ich bin 70 und komme mit der App nicht zurecht."],
     notes="Password leaked in a list. The email address in the list is the sender's own and is not labelled."),

dict(n=10, cat="trading", pri="normal", frm=("Daniel Schulz", "daniel.schulz@gmail.com"), fmt="qp",
     subj="Order nur teilweise ausgeführt",
     body="""Hallo,

meine Limit-Order über 2 BTC (Order-ID 4460982231175110656) wurde nur zu 0,35 BTC ausgeführt, obwohl der Kurs deutlich unter mein Limit gefallen ist. Der Rest ist immer noch offen.

Wie kann das sein? Im Orderbuch war genug Volumen.

Gruß
Daniel""",
     ents="order_id 4460982231175110656",
     keep=["Im Orderbuch war genug Volumen."]),

dict(n=11, cat="trading", pri="normal", frm=("Tobias Zimmermann", "tobias.zimmermann@gmx.ch"), fmt="8bit",
     subj="Funding-Gebühren bei Perpetuals",
     body="""Grüezi, ich verstehe die Funding Fees nicht ganz: warum zahle ich als Short auch Gebühren, wenn die Funding Rate negativ ist? Gestern wurden mir 14 USDT abgezogen. Bitte um Erklärung.""",
     keep=["Bitte um Erklärung."]),

dict(n=12, cat="kyc_aml", pri="normal", frm=("Laura Braun", "laura.braun@gmx.de"), fmt="qp",
     subj="Verifizierung abgelehnt",
     body="""Hallo,

meine Verifizierung wurde abgelehnt mit dem Hinweis "Ausweisnummer nicht lesbar". Die Nummer meines Personalausweises lautet {{DEID:a}}.

Soll ich die Fotos nochmal hochladen oder kann das manuell geprüft werden?

Viele Grüße
Laura Braun""",
     keep=["Soll ich die Fotos nochmal hochladen oder kann das manuell geprüft werden?"],
     notes="German identity card number with ICAO check digit."),

dict(n=13, cat="kyc_aml", pri="normal", frm=("Wolfgang Krüger", "w.krueger@arcor.de"), fmt="html",
     subj="AW: [KX-119650] Nachweis der Mittelherkunft",
     reply_to_id="<kx.119650.1@kestrel.exchange>",
     body="""Sehr geehrte Frau Neumann,

die Einzahlung von 85.000 EUR stammt aus einer Erbschaft. Ich kann Ihnen den Erbschein und den Kontoauszug mit der Gutschrift vom Nachlasskonto zur Verfügung stellen.

Reicht eine Kopie des Erbscheins, oder benötigen Sie eine beglaubigte Ausfertigung?

Mit freundlichen Grüßen
Wolfgang Krüger

Von: Kestrel Compliance <compliance@kestrel.exchange>
Gesendet: Dienstag, 24. November 2026 11:20
An: w.krueger@arcor.de
Betreff: [KX-119650] Nachweis der Mittelherkunft

Sehr geehrter Herr Krüger,

bitte weisen Sie die Herkunft der Mittel für Ihre Einzahlung vom 18.11.2026 nach.

Mit freundlichen Grüßen
Katrin Neumann
Kestrel Compliance""",
     ents="email compliance@kestrel.exchange",
     keep=["Reicht eine Kopie des Erbscheins, oder benötigen Sie eine beglaubigte Ausfertigung?"]),

dict(n=14, cat="api", pri="urgent", frm=("Jan Hartmann", "jan.hartmann.dev@gmail.com"), fmt="qp",
     subj="API-Key in Logfile geleakt - bitte sperren",
     body="""Hallo,

unser Log-Server war versehentlich öffentlich erreichbar, und darin standen die API-Zugangsdaten unseres Trading-Bots im Klartext. Ich komme gerade nicht an die 2FA, um den Key selbst zu löschen.

Damit Sie den richtigen Key finden:
Key: {{APIKEY:a}}
Secret: {{APISECRET:a}}

Bitte sofort deaktivieren. Auszahlungen waren für den Key nicht freigeschaltet, Trading schon.

UID 84403310
Jan""",
     ents="uid 84403310",
     keep=["Bitte sofort deaktivieren."]),

dict(n=15, cat="promotions", pri="normal", frm=("Lisa Neumann", "lisa.neumann@gmail.com"), fmt="8bit",
     subj="Gewinn im Adventskalender nicht erhalten",
     body="""Hallo, ich habe im Adventskalender am 3. Dezember "50 USDT Trading-Bonus" gewonnen, laut App wurde er "zugewiesen", aber in meinem Konto sehe ich nichts. UID 49920375. Könnt ihr das prüfen?""",
     ents="uid 49920375",
     keep=["Könnt ihr das prüfen?"]),

dict(n=16, cat="phishing_report", pri="normal", frm=("Florian Schmitt", "florian.schmitt@gmail.com"), fmt="qp",
     to=("", "security@kestrel.exchange"),
     subj="Gefälschte Mail mit Ihrer echten Absenderadresse",
     body="""Hallo Security-Team,

ich habe eine Mail bekommen, die angeblich von support@kestrel.exchange kommt und mich auffordert, meine Seed-Phrase zur "Konto-Migration" einzugeben. Die Links gehen sogar auf kestrel.exchange/migrate, deshalb war ich unsicher. Ich habe in Gmail "Original anzeigen" geöffnet, hier der relevante Teil:

Authentication-Results: mx.google.com;
       dkim=fail header.i=@kestrel.exchange header.s=k1;
       spf=softfail (google.com: domain of transitioning support@kestrel.exchange does not designate 91.203.5.118 as permitted sender) smtp.mailfrom=support@kestrel.exchange;
       dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) header.from=kestrel.exchange
Return-Path: <support@kestrel.exchange>
Received: from vps-118.hostline.example (vps-118.hostline.example. [91.203.5.118])
From: Kestrel Exchange <support@kestrel.exchange>
Reply-To: Kestrel Migration <migration.kestrel@proton.me>
Subject: Wichtig: Konto-Migration bis 30.11.

Text der Mail: "Ihre Konto-Migration muss bis 30.11. abgeschlossen werden. Antworten Sie auf diese E-Mail mit Ihrer Wiederherstellungsphrase, sonst wird Ihr Guthaben eingefroren."

Ich habe nicht geantwortet. Mir scheint, SPF/DKIM schlagen fehl, also gefälscht?

Grüße
Florian""",
     ents="email support@kestrel.exchange | email migration.kestrel@proton.me",
     phish=("phishing", "auth_fail credential_request urgency"),
     keep=["Ich habe nicht geantwortet."],
     notes="Exact-domain spoof: headers pasted inline from Gmail 'Show original'; only SPF/DKIM/DMARC failure (plus a foreign Reply-To) betray it."),

dict(n=17, cat="phishing_report", pri="normal", frm=("Monika Wolf", "monika.wolf@gmx.net"), fmt="html", client="outlook",
     subj="WG: Ihr Konto wurde eingeschränkt",
     body="""Hallo,

diese Mail habe ich heute erhalten. Die Absenderadresse ist kestrel-exchange.de – ist das Ihre? Ich habe nichts angeklickt.

Monika Wolf

Von: Kestrel Exchange Deutschland <kundenservice@kestrel-exchange.de>
Gesendet: Mittwoch, 25. November 2026 06:58
An: monika.wolf@gmx.net
Betreff: Ihr Konto wurde eingeschränkt

Sehr geehrte Kundin, sehr geehrter Kunde,

aufgrund neuer BaFin-Vorgaben wurde Ihr Konto vorübergehend eingeschränkt. Bitte bestätigen Sie Ihre Identität innerhalb von 48 Stunden über den folgenden Link, um eine dauerhafte Sperrung zu vermeiden:

https://kestrel-exchange.de/konto/bestaetigen

Ihr Kestrel Exchange Team""",
     ents="email kundenservice@kestrel-exchange.de",
     phish=("phishing", "lookalike_domain urgency spoofed_display_name credential_request"),
     keep=["Ich habe nichts angeklickt."]),

dict(n=18, cat="phishing_report", pri="normal", frm=("Gerhard Schäfer", "gerhard.schaefer@t-online.de"), fmt="qp",
     subj="Brief per Post mit QR-Code – von Ihnen?",
     body="""Sehr geehrte Damen und Herren,

ich habe heute einen Brief per Post erhalten, angeblich von der "Kestrel Exchange Sicherheitsabteilung". Darin steht, dass ich bis zum 15.12. eine "Wallet-Validierung" durchführen muss, sonst würde mein Konto gesperrt. Man soll einen QR-Code scannen und dort seine 24 Wörter eingeben.

Der Brief hat sogar meine richtige Adresse und meinen Namen. Woher haben die das?

Ich habe den QR-Code nicht gescannt.

Mit freundlichen Grüßen
Gerhard Schäfer""",
     phish=("phishing", "impersonated_channel credential_request urgency"),
     keep=["Ich habe den QR-Code nicht gescannt."],
     notes="Paper letter with QR code; impersonated_channel."),

dict(n=19, cat="feedback", pri="low", frm=("Sandra Lange", "sandra.lange@gmail.com"), fmt="8bit",
     subj="Lob und ein Wunsch",
     body="""Hallo Kestrel-Team, die Sparpläne funktionieren super und der Support war bisher immer freundlich. Ein Wunsch: bitte einen Steuerreport für Deutschland (Haltefrist 1 Jahr) direkt in der App. Danke!""",
     keep=["die Sparpläne funktionieren super und der Support war bisher immer freundlich."]),

dict(n=20, cat="other", pri="low", frm=("Peter Kühn", "peter.kuehn@web.de"), fmt="qp",
     subj="Ist support@kestrel.exchange Ihre echte Adresse?",
     body="""Guten Tag,

bevor ich Ihnen Unterlagen schicke: ist support@kestrel.exchange wirklich Ihre offizielle Support-Adresse? Ich habe keine verdächtige Nachricht bekommen, ich möchte nur sichergehen, dass ich an die richtige Stelle schreibe.

Danke
Peter Kühn""",
     ents="email support@kestrel.exchange",
     keep=["Ich habe keine verdächtige Nachricht bekommen, ich möchte nur sichergehen, dass ich an die richtige Stelle schreibe."],
     notes="The brief's example question. No suspicious message or contact in hand: other, phishing null (judgement call)."),
]
