# French mails (France, Belgium, Canada), hand-written for the Kestrel eval set (CC0).
LANG = "fr"

MAILS = [
dict(n=1, cat="deposit", pri="high", frm=("Julien Martin", "julien.martin@orange.fr"), cs="iso-8859-15", fmt="qp",
     subj="Dépôt USDT non crédité",
     body="""Bonjour,

J'ai envoyé 1 100 USDT (réseau ERC20) depuis mon portefeuille vers mon adresse de dépôt Kestrel hier soir vers 20 h. La transaction est confirmée sur Etherscan mais mon solde n'a pas bougé.

Adresse de dépôt : {{ETH:a}}
Hash de la transaction : {{TX-EVM:a}}
UID : 43309127

Merci de regarder rapidement.

Cordialement,
Julien Martin""",
     ents="uid 43309127",
     keep=["La transaction est confirmée sur Etherscan mais mon solde n'a pas bougé."]),

dict(n=2, cat="deposit", pri="high", frm=("Camille Dubois", "camille.dubois@free.fr"), fmt="qp",
     subj="Dépôt de LTC toujours en attente",
     body="""Bonjour,

J'ai déposé 9 LTC il y a 3 heures sur l'adresse {{LTC:a}}. La transaction {{TX-LTC:a}} a plus de 20 confirmations, mais le dépôt n'apparaît pas dans l'historique.

Est-ce que cette ancienne adresse (qui commence par L) est toujours acceptée ?

Merci d'avance,
Camille""",
     keep=["Est-ce que cette ancienne adresse (qui commence par L) est toujours acceptée ?"]),

dict(n=3, cat="deposit", pri="high", frm=("Nicolas Bernard", "nicolas.bernard@laposte.net"), fmt="html",
     subj="Virement SEPA non reçu",
     body="""Bonjour,

J'ai fait un virement SEPA de 2 500 EUR le 23/11 depuis ma banque (Crédit Agricole). L'argent a bien quitté mon compte, mais il n'apparaît toujours pas sur Kestrel. J'ai bien mis la référence indiquée dans l'application.

Pouvez-vous vérifier ? Je vous joins la capture du virement.

Nicolas Bernard
UID 51008834""",
     png="virement.png",
     ents="uid 51008834",
     keep=["J'ai bien mis la référence indiquée dans l'application."]),

dict(n=4, cat="withdrawal", pri="high", frm=("Sophie Laurent", "sophie.laurent@gmail.com"), fmt="qp",
     subj="Retrait ETH bloqué depuis 36 heures",
     body="""Bonjour,

Mon retrait de 0,75 ETH vers {{ETH:a}} est « en cours de traitement » depuis 36 heures. Le montant a été débité de mon compte et aucun hash n'apparaît.

C'est la première fois que ça m'arrive. Pouvez-vous débloquer la situation ou me rembourser ?

Sophie
UID 29915046""",
     ents="uid 29915046",
     keep=["C'est la première fois que ça m'arrive."]),

dict(n=5, cat="withdrawal", pri="normal", frm=("Thomas Petit", "thomas.petit@sfr.fr"), fmt="8bit",
     subj="plafond de retrait",
     body="""Bonjour, quel est le plafond de retrait journalier pour un compte vérifié niveau 2 ? Et est-ce qu'on peut l'augmenter temporairement pour un achat immobilier ? Merci""",
     keep=["Et est-ce qu'on peut l'augmenter temporairement pour un achat immobilier ?"]),

dict(n=6, cat="withdrawal", pri="high", frm=("Antoine Moreau", "antoine.moreau@gmail.com"), fmt="qp",
     subj="Retrait BTC « terminé » mais rien sur mon Ledger",
     body="""Bonjour,

J'ai retiré 0,06 BTC vers mon adresse Ledger (Taproot) {{BTCP:a}}. Kestrel indique « Terminé » avec ce TxID :

{{TX-BTC:a}}

Mais Ledger Live n'affiche rien et mempool.space ne trouve pas la transaction. Pouvez-vous vérifier que le TxID est correct ?

Antoine""",
     keep=["Pouvez-vous vérifier que le TxID est correct ?"]),

dict(n=7, cat="account_security", pri="urgent", frm=("Pierre Lefèvre", "pierre.lefevre@wanadoo.fr"), fmt="qp",
     subj="Compte piraté - retraits en cours !!",
     body="""Bonjour,

Mon compte vient d'être piraté : l'adresse e-mail a été changée et deux retraits de BTC sont en cours vers {{BTC1:a}}. Ce n'est pas moi !

Bloquez tout immédiatement. UID 64407713

J'ai aussi un portefeuille Electrum sur le même ordinateur. Voici sa clé privée étendue, dites-moi si elle a été utilisée : {{XPRV:a}}

Je n'ai jamais communiqué mon mot de passe à qui que ce soit.""",
     ents="uid 64407713",
     keep=["Je n'ai jamais communiqué mon mot de passe à qui que ce soit.", "Bloquez tout immédiatement."],
     notes="BIP32 extended private key (xprv) leaked."),

dict(n=8, cat="account_security", pri="urgent", frm=("Chloé Roux", "chloe.roux@hotmail.fr"), fmt="qp",
     subj="Re: [KX-120671] Impossible de me connecter",
     reply_to_id="<kx.120671.1@kestrel.exchange>",
     body="""Bonjour,

Je ne reçois toujours pas l'e-mail de vérification à la connexion, même dans les spams. J'ai essayé depuis l'ordinateur et depuis le téléphone.

Est-ce que vous pouvez me l'envoyer sur une autre adresse ?

Chloé

Le mar. 17 nov. 2026 à 09:12, Support Kestrel <support@kestrel.exchange> a écrit :
> Bonjour Chloé,
>
> Merci de vérifier votre dossier de courriers indésirables et d'ajouter
> no-reply@kestrel.exchange à vos contacts. Pour votre sécurité, ne nous
> communiquez jamais votre mot de passe.
>
> Cordialement,
> Le support Kestrel
>
>> Le lun. 16 nov. 2026 à 21:47, Chloé Roux <chloe.roux@hotmail.fr> a écrit :
>> Bonjour, je n'arrive plus à me connecter, l'e-mail de vérification
>> n'arrive jamais. Mon identifiant est cette adresse et mon mot de passe
>> Lilas-2019-roux, pouvez-vous regarder ?""",
     ents="email support@kestrel.exchange | email no-reply@kestrel.exchange",
     sec=[("password", "Lilas-2019-roux")],
     keep=["Est-ce que vous pouvez me l'envoyer sur une autre adresse ?", "communiquez jamais votre mot de passe."],
     notes="The password sits only in the doubly quoted original message (secret in quoted text); still urgent because it is exposed. The sender's own address in the quote header is not labelled."),

dict(n=9, cat="account_security", pri="urgent", frm=("Marie-Claude Tremblay", "mc.tremblay@videotron.ca"), fmt="8bit", tz=-5,
     subj="Récupération de mon compte",
     body="""Bonjour,

J'ai réinstallé l'application sur mon nouveau cellulaire et je ne me souviens plus de mon mot de passe. Voici ma phrase de récupération, que j'avais notée sur papier, pour que vous puissiez retrouver mon compte :

{{SEED-french-12:a}}

Merci de me répondre vite, j'ai des fonds dessus.

Marie-Claude""",
     keep=["Merci de me répondre vite, j'ai des fonds dessus."],
     notes="Quebec French. French BIP39 phrase (accented words)."),

dict(n=10, cat="trading", pri="normal", frm=("Hugo Fontaine", "hugo.fontaine@gmail.com"), fmt="8bit",
     subj="Frais de trading anormalement élevés",
     body="""Bonjour, sur mes trades spot d'hier on m'a prélevé 0,2 % de frais au lieu de 0,1 %, alors que j'ai activé le paiement des frais en KST. Exemple : ordre n° 8814402376551290880. Pouvez-vous corriger ?""",
     ents="order_id 8814402376551290880",
     keep=["Pouvez-vous corriger ?"]),

dict(n=11, cat="trading", pri="normal", frm=("Léa Girard", "lea.girard@gmail.com"), fmt="qp",
     subj="Stop déclenché alors que le prix n'a pas été atteint",
     body="""Bonjour,

Mon ordre stop-market sur BTC/EUR (n° 1190553820716453888) a été déclenché à 58 900 EUR alors que le cours affiché n'est jamais descendu sous 59 200 EUR.

Sur quel prix se base le déclenchement : dernier prix ou prix indice ?

Merci,
Léa""",
     ents="order_id 1190553820716453888",
     keep=["Sur quel prix se base le déclenchement : dernier prix ou prix indice ?"]),

dict(n=12, cat="kyc_aml", pri="normal", frm=("Mathieu Blanc", "mathieu.blanc@gmail.com"), fmt="qp",
     subj="Vérification d'identité refusée",
     body="""Bonjour,

Ma vérification a été refusée (« document expiré »), alors que mon passeport est valable jusqu'en 2031. Le numéro est {{FRPASS:a}}.

Faut-il que je renvoie les photos ? Je préfère ne pas envoyer de scan par e-mail.

Mathieu Blanc""",
     keep=["Je préfère ne pas envoyer de scan par e-mail."],
     notes="French passport number."),

dict(n=13, cat="kyc_aml", pri="normal", frm=("Élodie Mercier", "elodie.mercier@orange.fr"), fmt="html",
     subj="Justificatif de domicile",
     body="""Bonjour,

On me demande un justificatif de domicile de moins de 3 mois. J'habite chez mes parents, les factures sont à leur nom. Une attestation d'hébergement avec la pièce d'identité de mon père suffit-elle ?

Bien à vous,
Élodie Mercier""",
     keep=["Une attestation d'hébergement avec la pièce d'identité de mon père suffit-elle ?"]),

dict(n=14, cat="api", pri="normal", frm=("Maxime Garnier", "maxime.garnier.dev@gmail.com"), fmt="8bit",
     subj="API : erreur 30014 Request timestamp expired",
     body="""Bonjour,

Mon script (Python, ccxt) renvoie régulièrement {"code":30014,"msg":"Request timestamp expired"}, surtout le soir. Le serveur est synchronisé en NTP.

Est-ce qu'il faut augmenter la fenêtre de réception ? Dois-je régénérer ma clé API ?

UID 77302241""",
     ents="error_code 30014 | uid 77302241",
     keep=["Dois-je régénérer ma clé API ?"]),

dict(n=15, cat="promotions", pri="normal", frm=("Inès Chevalier", "ines.chevalier@gmail.com"), fmt="qp",
     subj="Bonus de parrainage non versé",
     body="""Bonjour,

Ma sœur s'est inscrite avec mon lien de parrainage le 2 novembre et a fait son premier dépôt de 300 EUR. Le bonus de 25 EUR en BTC promis à chacune n'a été versé à aucune de nous deux.

Mon UID : 38840612, le sien : 38851907.

Merci !""",
     ents="uid 38840612 | uid 38851907",
     keep=["Merci !"]),

dict(n=16, cat="phishing_report", pri="normal", frm=("Philippe Garcia", "philippe.garcia@me.com"), fmt="qp",
     to=("", "security@kestrel.exchange"),
     subj="Tr : Confirmation requise de votre portefeuille",
     body="""Bonjour,

Je vous transfère ce mail reçu ce matin. L'adresse d'envoi est kestrel-exchange.com et on me demande ma phrase de récupération. Je n'ai évidemment rien envoyé.

Philippe

Début du message réexpédié :

De: Kestrel Exchange <wallet@kestrel-exchange.com>
Objet: Confirmation requise de votre portefeuille
Date: 25 novembre 2026 à 07:41:09 UTC+1
À: philippe.garcia@me.com

Cher client,

Suite à une mise à jour de sécurité, nous devons confirmer la propriété de votre portefeuille. Répondez à ce message avec votre phrase de récupération de 12 ou 24 mots dans les 48 heures, faute de quoi vos fonds seront gelés.

L'équipe Kestrel""",
     ents="email wallet@kestrel-exchange.com",
     phish=("phishing", "lookalike_domain credential_request urgency spoofed_display_name"),
     keep=["Je n'ai évidemment rien envoyé."]),

dict(n=17, cat="phishing_report", pri="low", frm=("Sébastien Lambert", "sebastien.lambert@skynet.be"), fmt="qp",
     subj="Ce mail est-il bien de vous ?",
     body="""Bonjour,

J'ai reçu le message ci-dessous me demandant un justificatif de domicile. L'adresse d'envoi est bien support@kestrel.exchange et il reprend le numéro de mon dossier, mais je préfère vérifier avant d'envoyer des documents. Il ne contient aucun lien, il me dit juste de passer par l'application.

-----Message d'origine-----
De : Kestrel Support <support@kestrel.exchange>
Envoyé : lundi 23 novembre 2026 15:02
À : sebastien.lambert@skynet.be
Objet : [KX-120388] Justificatif de domicile

Bonjour Sébastien,

Pour finaliser votre vérification, merci de téléverser un justificatif de domicile de moins de 3 mois depuis l'application (Profil > Vérification). N'envoyez pas de documents par e-mail.

Cordialement,
Le support Kestrel""",
     ents="email support@kestrel.exchange",
     phish=("clean", ""),
     keep=["je préfère vérifier avant d'envoyer des documents."],
     notes="Belgian customer checks a genuine support mail (real domain, ticket number, no link, no data asked by mail): phishing_report with verdict clean; priority low."),

dict(n=18, cat="phishing_report", pri="normal", frm=("Kevin Rousseau", "kevin.rousseau@gmail.com"), fmt="8bit",
     subj="faux support sur Discord",
     body="""salut, sur le serveur discord de la communauté quelqu'un avec le pseudo "Kestrel Support" m'a contacté en MP après que j'ai posé une question. il m'a envoyé un lien kestrel-support.help pour "connecter mon wallet et résoudre le bug". j'ai rien fait mais il continue à me harceler. vous pouvez faire quelque chose ?""",
     phish=("phishing", "impersonated_channel spoofed_display_name lookalike_domain credential_request"),
     keep=["j'ai rien fait mais il continue à me harceler."]),

dict(n=19, cat="feedback", pri="low", frm=("Aurélie Faure", "aurelie.faure@gmail.com"), fmt="qp",
     subj="Suggestion pour l'appli",
     body="""Bonjour,

J'adore l'appli, mais ce serait top d'avoir un export fiscal au format du formulaire 2086 directement. Ça éviterait de passer par un outil payant.

Merci pour votre travail !""",
     keep=["Merci pour votre travail !"]),

dict(n=20, cat="other", pri="low", frm=("Bernard Roussel", "b.roussel@orange.fr"), fmt="8bit",
     subj="Compte à l'étranger - formulaire 3916-bis",
     body="""Bonjour, pour ma déclaration je dois indiquer mon compte Kestrel (formulaire 3916-bis). Pouvez-vous me donner l'adresse exacte de la société et le pays d'établissement ? Merci.""",
     keep=["Pouvez-vous me donner l'adresse exacte de la société et le pays d'établissement ?"]),
]
