# Portuguese mails (Brazil and Portugal), hand-written for the Kestrel eval set (CC0).
LANG = "pt"

MAILS = [
dict(n=1, cat="deposit", pri="high", frm=("Rafael Souza", "rafael.souza@uol.com.br"), cs="iso-8859-1", fmt="qp",
     subj="Depósito via Pix não caiu",
     body="""Olá,

Fiz um depósito de R$ 1.500,00 via Pix ontem às 19h30 e até agora não caiu na minha conta Kestrel. O comprovante mostra que o Pix foi concluído.

Meu UID: 54419027

Por favor, verifiquem. Preciso desse saldo para operar.

Rafael""",
     ents="uid 54419027", keep=["O comprovante mostra que o Pix foi concluído."]),

dict(n=2, cat="deposit", pri="high", frm=("Juliana Costa", "juliana.costa@gmail.com"), fmt="qp",
     subj="USDT não creditado",
     body="""Oi pessoal,

Mandei 750 USDT pela rede TRC20 pra minha carteira de depósito da Kestrel faz umas 4 horas e nada ainda.

Hash: {{TX-TRON:a}}
Endereço: {{TRX:a}}

UID 33086512

Aguardo retorno, obrigada!""",
     ents="uid 33086512", keep=["Aguardo retorno, obrigada!"]),

dict(n=3, cat="deposit", pri="high", frm=("Thiago Alves", "thiago.alves.eth@gmail.com"), fmt="8bit",
     subj="mandei ETH pela rede Optimism sem querer",
     body="""galera mandei 0,35 ETH pro meu endereço de depósito {{ETH:a}} só que pela rede optimism, e vocês só aceitam ethereum mainnet né. tx: {{TX-EVM:a}}

tem como recuperar? pago a taxa que for. uid 71083325""",
     ents="uid 71083325",
     keep=["tem como recuperar?"]),

dict(n=4, cat="withdrawal", pri="high", frm=("Fernanda Lima", "fernanda.lima@hotmail.com"), fmt="html",
     subj="Saque de BTC pendente há 2 dias",
     body="""Boa tarde,

Solicitei um saque de 0,02 BTC para o endereço {{BTCP:a}} na segunda-feira e até hoje está como "Processando". O valor já foi debitado do meu saldo.

Já fiz saques para esse endereço antes sem problemas. Podem me ajudar?

Fernanda Lima
UID 26691840""",
     ents="uid 26691840",
     keep=["Já fiz saques para esse endereço antes sem problemas."]),

dict(n=5, cat="withdrawal", pri="normal", frm=("Lucas Pereira", "lucas.pereira@gmail.com"), fmt="8bit",
     subj="limite de saque",
     body="""Qual é o limite diário de saque em reais via Pix? E em cripto? Tenho verificação nível 2.""",
     keep=["Tenho verificação nível 2."]),

dict(n=6, cat="withdrawal", pri="high", frm=("Patrícia Rocha", "patricia.rocha@bol.com.br"), fmt="qp",
     subj="Saque via Pix falhou e o saldo foi debitado",
     body="""Olá,

Fiz um saque de R$ 3.200,00 via Pix para minha conta do Nubank. No app apareceu "Saque falhou", mas o valor foi debitado do meu saldo em reais e não voltou.

Já se passaram 24 horas. O que aconteceu?

UID 18830591
Patrícia""",
     ents="uid 18830591",
     keep=["Já se passaram 24 horas."]),

dict(n=7, cat="account_security", pri="urgent", frm=("Bruno Carvalho", "bruno.carvalho88@gmail.com"), fmt="qp",
     subj="URGENTE conta invadida",
     body="""Minha conta foi invadida! Alguém trocou meu e-mail e fez um saque de 2.000 USDT que eu não fiz. Bloqueiem a conta por favor. UID 60037729

Eu uso a mesma senha da minha carteira Trust Wallet, será que ela também está em risco? Vou deixar aqui a frase de recuperação dela pra vocês verificarem: {{SEED-portuguese-15:a}}

Nunca passei minha senha pra ninguém, não sei como isso aconteceu.""",
     ents="uid 60037729",
     keep=["Nunca passei minha senha pra ninguém, não sei como isso aconteceu."],
     notes="Portuguese BIP39 phrase leaked."),

dict(n=8, cat="account_security", pri="normal", frm=("Miguel Santos", "miguel.santos@sapo.pt"), tz=0, fmt="qp",
     subj="Perdi o acesso à aplicação de autenticação",
     body="""Bom dia,

Troquei de telemóvel e não transferi o Google Authenticator. Agora não consigo iniciar sessão porque me pede o código de 6 dígitos.

Qual é o procedimento para repor a autenticação de dois fatores?

Cumprimentos,
Miguel Santos
Lisboa""",
     keep=["Qual é o procedimento para repor a autenticação de dois fatores?"],
     notes="European Portuguese (telemóvel, iniciar sessão)."),

dict(n=9, cat="account_security", pri="high", frm=("Ana Beatriz Gomes", "anabia.gomes@gmail.com"), fmt="8bit",
     subj="Conta bloqueada por segurança",
     body="""Oi, minha conta apareceu como "bloqueada por motivos de segurança" depois que eu tentei entrar de uma viagem (estou em Portugal). Tenho uns R$ 40 mil lá e não consigo sacar nem operar. Como desbloqueio? UID 42286017""",
     ents="uid 42286017",
     keep=["Como desbloqueio?"]),

dict(n=10, cat="trading", pri="normal", frm=("Gustavo Ribeiro", "gustavo.ribeiro@gmail.com"), fmt="qp",
     subj="Ordem executada em preço pior do que o limite",
     body="""Olá,

Coloquei uma ordem limite de compra de SOL a 130,00 USDT (ordem nº 3309127745568102400), mas ela foi executada a 131,20. Uma ordem limite não deveria ser executada só ao meu preço ou melhor?

Obrigado.""",
     ents="order_id 3309127745568102400",
     keep=["Uma ordem limite não deveria ser executada só ao meu preço ou melhor?"]),

dict(n=11, cat="trading", pri="high", frm=("Renata Martins", "renata.martins@gmail.com"), fmt="8bit",
     subj="P2P - vendedor não liberou as moedas",
     body="""Comprei 200 USDT no P2P (pedido 20261122160233458), paguei R$ 1.084,00 via Pix e marquei como pago. O vendedor sumiu e não liberou. Abri uma disputa há 5 horas e ninguém respondeu. Tenho o comprovante.""",
     ents="order_id 20261122160233458",
     keep=["Abri uma disputa há 5 horas e ninguém respondeu."]),

dict(n=12, cat="kyc_aml", pri="normal", frm=("Carla Nunes", "carla.nunes@gmail.com"), fmt="qp",
     subj="Verificação recusada - CPF",
     body="""Olá,

Minha verificação foi recusada com a mensagem "CPF inválido ou não corresponde ao nome". Meu CPF é {{CPF:a}} e o nome é Carla Nunes Oliveira, igual no documento.

Será que é porque o CPF está com alguma pendência na Receita? Como resolvo?""",
     keep=["Será que é porque o CPF está com alguma pendência na Receita?"],
     notes="Brazilian CPF with valid check digits."),

dict(n=13, cat="kyc_aml", pri="normal", frm=("Eduardo Barbosa", "eduardo.barbosa@terra.com.br"), fmt="html",
     subj="Comprovante de renda",
     body="""Prezados,

Recebi uma solicitação para enviar comprovante de renda e origem dos recursos. Sou autônomo. A declaração do Imposto de Renda serve? E extratos bancários dos últimos 6 meses?

Atenciosamente,
Eduardo Barbosa""",
     keep=["A declaração do Imposto de Renda serve?"]),

dict(n=14, cat="api", pri="normal", frm=("Felipe Moreira", "felipe.moreira.dev@gmail.com"), fmt="qp",
     subj="Erro code 50113 Invalid Sign na API",
     body="""Fala pessoal,

Estou integrando a API em Node.js e recebo sempre {"code":"50113","msg":"Invalid Sign"} nos endpoints privados. Estou gerando a assinatura com HMAC-SHA256 em base64 de timestamp + method + path + body.

Será que o path precisa incluir a query string? Já gerei uma chave de API nova e deu o mesmo erro.

UID 90442218""",
     ents="error_code 50113 | uid 90442218",
     keep=["Já gerei uma chave de API nova e deu o mesmo erro."]),

dict(n=15, cat="promotions", pri="normal", frm=("Camila Araújo", "camila.araujo@gmail.com"), fmt="8bit",
     subj="Não recebi o cashback da campanha",
     body="""Participei da campanha "Black Friday: 20% de cashback nas taxas" e negociei mais de 10 mil USDT na semana, mas não recebi o cashback. UID 65502384. Quando vai cair?""",
     ents="uid 65502384",
     keep=["Quando vai cair?"]),

dict(n=16, cat="phishing_report", pri="normal", frm=("Ricardo Teixeira", "ricardo.teixeira@gmail.com"), fmt="qp",
     to=("", "security@kestrel.exchange"),
     subj="Fwd: e-mail suspeito em anexo",
     body="""Olá equipe de segurança,

Segue em anexo um e-mail que recebi se passando pela Kestrel. O domínio é kestrel-exchange.com.br e o botão "Acessar minha conta" leva para outro site. Não cliquei.

Abraço,
Ricardo""",
     fwd=dict(frm=("Kestrel Brasil", "atendimento@kestrel-exchange.com.br"), to=("", "ricardo.teixeira@gmail.com"),
              subj="Sua conta será suspensa em 24 horas", fmt="html",
              headers=[("Return-Path", "<atendimento@kestrel-exchange.com.br>")],
              body="""Prezado cliente,

Identificamos uma inconsistência no seu cadastro. Para evitar a suspensão da sua conta e o bloqueio do seu saldo, atualize seus dados em até 24 horas.

Acessar minha conta: https://kestrel.exchange/br/conta (https://kestrel-exchange.com.br/atualizar?u=ricardo)

Será necessário informar seu e-mail, senha e o código do autenticador.

Equipe Kestrel Brasil""",
              filename="Sua conta será suspensa em 24 horas.eml"),
     phish=("phishing", "lookalike_domain link_mismatch credential_request urgency spoofed_display_name"),
     keep=["Não cliquei."]),

dict(n=17, cat="phishing_report", pri="normal", frm=("Larissa Mendes", "larissa.mendes@gmail.com"), fmt="8bit",
     subj="golpe no whatsapp se passando por vocês",
     body="""oi, um número (+55 11 97421-3380) me chamou no whatsapp com foto da kestrel dizendo que eu tinha ganhado um airdrop e que pra receber eu precisava "validar a carteira" mandando minhas 12 palavras. claro que não mandei. denunciem esse número por favor""",
     phish=("phishing", "impersonated_channel spoofed_display_name credential_request"),
     keep=["claro que não mandei."]),

dict(n=18, cat="phishing_report", pri="normal", frm=("Paulo Henrique Dias", "paulohdias@gmail.com"), fmt="qp",
     subj="Recebi uma ligação estranha",
     body="""Boa noite,

Hoje recebi uma ligação de um número 0800 de uma pessoa dizendo ser da "central de segurança da Kestrel". Ela confirmou meu nome completo e perguntou se eu reconhecia uma compra de 0,5 BTC. Eu disse que não e ela falou que ia "abrir um protocolo" e que alguém entraria em contato.

Não pediram nenhum dado, mas achei estranho. Vocês fazem esse tipo de ligação?""",
     phish=("suspicious", "impersonated_channel"),
     keep=["Não pediram nenhum dado, mas achei estranho."],
     notes="Nothing requested yet: verdict suspicious."),

dict(n=19, cat="feedback", pri="low", frm=("Marcelo Freitas", "marcelo.freitas@gmail.com"), fmt="8bit",
     subj="Parabéns pelo app",
     body="""Só queria elogiar: o depósito via Pix é muito rápido, caiu em 10 segundos. Sugestão: colocar gráfico de lucro/prejuízo da carteira em reais. Valeu!""",
     keep=["Só queria elogiar: o depósito via Pix é muito rápido, caiu em 10 segundos."]),

dict(n=20, cat="other", pri="low", frm=("Daniela Castro", "daniela.castro@gmail.com"), fmt="qp",
     subj="Perfil oficial no Instagram?",
     body="""Oi! Vocês têm perfil oficial no Instagram ou no X? Quero seguir o perfil certo, porque vi que tem vários parecidos. Não recebi nenhuma mensagem estranha, é só pra saber mesmo.

Obrigada!""",
     keep=["Não recebi nenhuma mensagem estranha, é só pra saber mesmo."],
     notes="Phishing-adjacent question about official channels, nothing suspicious in hand: other, phishing null."),
]
