# Spanish mails (Spain and Latin America), hand-written for the Kestrel eval set (CC0).
LANG = "es"

MAILS = [
dict(n=1, cat="deposit", pri="high", frm=("Martín Gómez", "martingomez.ar@gmail.com"), cs="iso-8859-1", fmt="qp", tz=-3,
     subj="Depósito de USDT no acreditado",
     body="""Hola, ¿qué tal?

Te escribo porque mandé 900 USDT por la red TRC20 desde Lemon a mi dirección de depósito de Kestrel hace más de 6 horas y todavía no me aparecen en la cuenta.

Hash: {{TX-TRON:a}}
Dirección: {{TRX:a}}

En Tronscan figura como confirmada. Mi UID es 35508120.

¿Me podés decir qué pasa? Gracias.

Martín""",
     ents="uid 35508120", keep=["En Tronscan figura como confirmada."]),

dict(n=2, cat="deposit", pri="high", frm=("Lucía Fernández", "lucia.fdez@hotmail.es"), fmt="qp",
     subj="Me cobraron dos veces la compra con tarjeta",
     body="""Buenas tardes:

Ayer compré 200 EUR de BTC con mi tarjeta en la app. El banco me ha cobrado dos veces (2 cargos de 200 EUR) pero en Kestrel solo tengo una compra.

La tarjeta es la {{CARD-visa:a}}, caducidad 08/29. El cargo aparece como "KESTREL*EXCHANGE".

Por favor, devolvedme el cargo duplicado o acreditadme el BTC.

Un saludo,
Lucía Fernández""",
     keep=["Por favor, devolvedme el cargo duplicado o acreditadme el BTC."],
     notes="Card purchase (fiat-in) charged twice: deposit, high. Full Luhn-valid card number volunteered; the expiry date is not labelled separately."),

dict(n=3, cat="deposit", pri="high", frm=("Carlos Ramírez", "carlos.ramirez.mx@outlook.com"), fmt="html", client="outlook", tz=-6,
     subj="Depósito BTC no reflejado",
     body="""Buen día,

El 20 de noviembre envié 0.015 BTC a la dirección de depósito {{BTC1:a}} que me dio la plataforma hace un año. No se ha reflejado.

ID de transacción: {{TX-BTC:a}}

¿Esa dirección todavía es válida? Mi número de usuario (UID) es 66408213.

Saludos cordiales,
Carlos Ramírez
Guadalajara, Jalisco""",
     ents="uid 66408213",
     keep=["¿Esa dirección todavía es válida?"]),

dict(n=4, cat="withdrawal", pri="normal", frm=("Diego Torres", "diegotorres.co@gmail.com"), fmt="8bit", tz=-5,
     subj="no puedo retirar: Withdrawal address not in whitelist (code 20105)",
     body="""hola, intento retirar mis USDT a mi billetera y me sale en ingles "Withdrawal address not in whitelist (code 20105)". no entiendo que es la whitelist, yo no active nada de eso. como lo quito? el saldo sigue en mi cuenta""",
     ents="error_code 20105",
     keep=["el saldo sigue en mi cuenta"],
     notes="Spanish mail quoting an English error; no money deducted: normal."),

dict(n=5, cat="withdrawal", pri="high", frm=("Valentina Rojas", "vale.rojas@gmail.com"), fmt="qp", tz=-3,
     subj="Retiro pendiente hace 2 días",
     body="""Hola equipo Kestrel,

Solicité un retiro de 1.500 USDT (TRC20) a la dirección {{TRX:a}} el martes y sigue "Pendiente". El monto ya se descontó de mi saldo.

Necesito ese dinero para pagar el alquiler. ¿Qué está pasando?

UID 20713348
Valentina""",
     ents="uid 20713348",
     keep=["Necesito ese dinero para pagar el alquiler."]),

dict(n=6, cat="withdrawal", pri="high", frm=("Andrés Castillo", "andres.castillo@gmail.com"), fmt="qp",
     subj="Retiré USDC por la red equivocada",
     body="""Hola:

Hice un retiro de 700 USDC desde Kestrel eligiendo la red Polygon, a mi dirección de otro exchange ({{ETH:a}}) que solo acepta ERC20. El retiro figura como completado:

{{TX-EVM:a}}

El otro exchange dice que no puede hacer nada. ¿Vosotros podéis ayudarme de alguna forma?

Gracias,
Andrés""",
     keep=["El otro exchange dice que no puede hacer nada."]),

dict(n=7, cat="account_security", pri="urgent", frm=("Javier Morales", "javi.morales77@gmail.com"), fmt="8bit",
     subj="ME HAN HACKEADO LA CUENTA",
     body="""Alguien ha entrado en mi cuenta, ha desactivado el 2FA y ha cambiado el correo. Me ha llegado un aviso de retirada de 0,8 ETH que yo no he hecho!!!

BLOQUEAD LA CUENTA YA. UID 44092861

Nunca he compartido mi contraseña con nadie.""",
     ents="uid 44092861",
     keep=["Nunca he compartido mi contraseña con nadie."]),

dict(n=8, cat="account_security", pri="normal", frm=("Sofía Herrera", "sofia.herrera@yahoo.es"), fmt="qp",
     subj="Re: [KX-120903] No puedo iniciar sesión",
     reply_to_id="<kx.120903.1@kestrel.exchange>",
     body="""Hola de nuevo,

He probado lo que me dijisteis (sincronizar la hora del móvil) y sigue diciendo "Código de verificación incorrecto". Uso Google Authenticator en un Android.

¿Podéis desactivar el 2FA para que pueda entrar y volver a configurarlo?

Sofía

El lun, 16 nov 2026 a las 10:03, Kestrel Support (<support@kestrel.exchange>) escribió:
> Hola Sofía:
>
> Si el código de Google Authenticator no funciona, comprueba que la hora de
> tu móvil está configurada en automático e inténtalo de nuevo.
>
> Un saludo,
> Soporte Kestrel""",
     ents="email support@kestrel.exchange",
     keep=["¿Podéis desactivar el 2FA para que pueda entrar y volver a configurarlo?"]),

dict(n=9, cat="account_security", pri="urgent", frm=("Pedro Sánchez Ruiz", "pedro.sruiz@telefonica.net"), fmt="qp",
     subj="Recuperar acceso - cambio de móvil",
     body="""Buenos días,

He cambiado de móvil y no puedo entrar en la app. Os paso la frase semilla que apunté cuando abrí la cuenta para que me ayudéis a recuperarla:

{{SEED-spanish-18:a}}

Es la que me salió en la pantalla de "copia de seguridad". Espero que os sirva.

Pedro""",
     keep=["He cambiado de móvil y no puedo entrar en la app."],
     notes="Spanish BIP39 phrase (accented words) sent to support: urgent leak."),

dict(n=10, cat="trading", pri="normal", frm=("Raúl Navarro", "raul.navarro.trading@gmail.com"), fmt="8bit",
     subj="El stop loss no se ejecutó",
     body="""Tenía un stop loss en SOL/USDT a 128,50 (orden 6630192845577102336). El precio bajó hasta 124 y la orden no se activó. Perdí bastante más de lo que había previsto.

¿Por qué no se ejecutó? Exijo una explicación.""",
     ents="order_id 6630192845577102336",
     keep=["¿Por qué no se ejecutó?"]),

dict(n=11, cat="trading", pri="normal", frm=("Camila Ortiz", "camila.ortiz.p2p@gmail.com"), fmt="qp", tz=-5,
     subj="P2P: el comprador marcó como pagado pero no recibí nada",
     body="""Hola,

Estoy vendiendo 300 USDT en P2P (orden 20261201154409321). El comprador marcó la orden como pagada y me mandó un "comprobante", pero en mi cuenta de Bancolombia no ha entrado nada.

No he liberado las monedas. ¿Qué hago? El comprador me está presionando por el chat y dice que me va a denunciar.

Camila""",
     ents="order_id 20261201154409321",
     keep=["No he liberado las monedas."],
     notes="P2P dispute with crypto still in escrow: trading, normal."),

dict(n=12, cat="kyc_aml", pri="normal", frm=("Marta López", "marta.lopez.g@gmail.com"), cs="iso-8859-1", fmt="qp",
     subj="Verificación de identidad rechazada",
     body="""Hola:

Me han rechazado la verificación porque "los datos no coinciden". Mi DNI es {{DNI:a}} y el nombre es Marta López García, tal como aparece en el documento.

¿Puede ser porque en la cuenta puse solo un apellido? ¿Cómo lo cambio?

Gracias.""",
     keep=["¿Puede ser porque en la cuenta puse solo un apellido?"],
     notes="Spanish DNI with a valid control letter."),

dict(n=13, cat="kyc_aml", pri="normal", frm=("José Luis Mendoza", "jlmendoza@prodigy.net.mx"), fmt="htmlonly", client="outlook", tz=-6,
     subj="Solicitud de comprobante de ingresos",
     body="""Estimados:

Recibí una notificación en la app que me pide un "comprobante de origen de fondos" para seguir operando. Soy comerciante, no tengo recibos de nómina.

¿Sirve la constancia de situación fiscal del SAT y los estados de cuenta bancarios de los últimos tres meses?

Atentamente,
José Luis Mendoza""",
     keep=["¿Sirve la constancia de situación fiscal del SAT y los estados de cuenta bancarios de los últimos tres meses?"]),

dict(n=14, cat="api", pri="normal", frm=("Nicolás Vega", "nico.vega.dev@gmail.com"), fmt="8bit",
     subj="API: error -1015 Too many new orders",
     body="""Buenas,

Mi bot de market making recibe {"code":-1015,"msg":"Too many new orders; current limit is 100 orders per 10 SECOND."} aunque según mis logs no paso de 60 órdenes en 10 segundos.

¿El límite cuenta también las cancelaciones? ¿Se puede pedir un límite mayor para cuentas VIP?

UID 52290117""",
     ents="error_code -1015 | uid 52290117",
     keep=["¿El límite cuenta también las cancelaciones?"]),

dict(n=15, cat="promotions", pri="normal", frm=("Gabriela Silva", "gabysilva.pe@gmail.com"), fmt="qp", tz=-5,
     subj="No recibí el premio del sorteo",
     body="""Hola!

Salí ganadora en el sorteo de Halloween (me llegó un correo diciendo que gané 100 USDT) pero hasta hoy no me lo han depositado. Ya pasaron tres semanas.

Mi UID: 19920466

Gracias!!""",
     ents="uid 19920466",
     keep=["Ya pasaron tres semanas."]),

dict(n=16, cat="phishing_report", pri="normal", frm=("Alberto Jiménez", "alberto.jimenez@outlook.es"), fmt="html", client="outlook",
     subj="RV: Aviso de seguridad: confirme su cuenta",
     body="""Buenas,

Os reenvío este correo que me parece fraudulento. El enlace lleva a kestrel.exchange.verify-login.top, que no es vuestro dominio. No he introducido ningún dato.

Saludos,
Alberto

De: Kestrel Exchange <alertas@kestrel.exchange.verify-login.top>
Enviado el: jueves, 19 de noviembre de 2026 8:12
Para: alberto.jimenez@outlook.es
Asunto: Aviso de seguridad: confirme su cuenta

Estimado cliente:

Hemos detectado un intento de acceso no autorizado a su cuenta. Por su seguridad, su cuenta ha sido limitada.

Para restablecer el acceso, confirme su identidad introduciendo su correo, contraseña y código 2FA en el siguiente enlace antes de 12 horas:

https://kestrel.exchange.verify-login.top/es/confirmar

Equipo de Seguridad de Kestrel""",
     ents="email alertas@kestrel.exchange.verify-login.top",
     phish=("phishing", "lookalike_domain credential_request urgency spoofed_display_name"),
     keep=["No he introducido ningún dato."]),

dict(n=17, cat="phishing_report", pri="normal", frm=("Rosa Medina", "rosamedina.cl@gmail.com"), fmt="8bit", tz=-3,
     subj="me escribieron por whatsapp diciendo que son soporte",
     body="""hola, me escribio un numero +44 7451 998 302 por whatsapp diciendo que era "Soporte Kestrel" y que mi retiro estaba bloqueado. me pidio el codigo que me llego por SMS para "desbloquearlo". no se lo di porque me parecio raro que me escribieran por whatsapp. es de ustedes??""",
     phish=("phishing", "impersonated_channel credential_request"),
     keep=["no se lo di porque me parecio raro que me escribieran por whatsapp."]),

dict(n=18, cat="phishing_report", pri="normal", frm=("Fernando Ruiz", "fer.ruiz.crypto@gmail.com"), fmt="qp",
     subj="Sorteo falso de Kestrel en Instagram",
     body="""Hola,

Hay una cuenta en Instagram, @kestrel.exchange.oficial, que está haciendo un "sorteo" por el aniversario: dicen que si envías entre 0,1 y 5 ETH a la dirección {{ETH:a}} te devuelven el doble. Usan vuestro logo y fotos de vuestro CEO.

Tiene pinta de estafa total. Lo reporto para que la denunciéis. Yo no envié nada.

Un saludo""",
     phish=("phishing", "impersonated_channel spoofed_display_name urgency"),
     keep=["Yo no envié nada."],
     notes="Giveaway scam on social media: phishing_report (not promotions). Scam address is an entity."),

dict(n=19, cat="feedback", pri="low", frm=("Ignacio Prieto", "ignacio.prieto@gmail.com"), fmt="qp",
     subj="Vuestros correos parecen phishing",
     body="""Hola,

Una crítica constructiva: los correos legítimos que enviáis tienen los enlaces pasando por un dominio de seguimiento (click.kestrel-mail.com) y eso hace que parezcan phishing. Mi banco me ha enseñado a no pinchar en enlaces así.

Deberíais usar solo enlaces a kestrel.exchange, así la gente aprende a reconocer lo verdadero.

Saludos""",
     keep=["Deberíais usar solo enlaces a kestrel.exchange, así la gente aprende a reconocer lo verdadero."],
     notes="Phishing-adjacent complaint about the exchange's own mail practice, no suspicious message reported: feedback, phishing null."),

dict(n=20, cat="other", pri="low", frm=("Elena Vidal", "elena.vidal@gmail.com"), fmt="8bit",
     subj="¿Estáis registrados en España?",
     body="""Buenas, ¿Kestrel está inscrito en el registro de proveedores de servicios de criptoactivos del Banco de España o tiene licencia MiCA? Quiero saberlo antes de depositar. Gracias.""",
     keep=["Quiero saberlo antes de depositar."]),
]
