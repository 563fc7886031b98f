#!/usr/bin/env python3
"""Build the Kestrel Exchange support-desk evaluation set.

Hand-written mail texts live in texts/*.py (one module per language).  This
script resolves the {{TOKEN:name}} placeholders in them into generated,
checksum-valid values (addresses, tx hashes, BIP39 phrases, keys, card and
ID numbers, see gen.py), writes every mail as an RFC 5322 .eml file with
Python's email package, writes labels.jsonl for the dev and heldout halves,
and validates the result.

Run with the venv that has mnemonic, base58, pycryptodome:
    /tmp/evaldata-venv/bin/python eval/realistic/build.py

Written for the Kestrel project, 2026-12-06.  CC0-1.0.
"""
import datetime as dt
import html
import importlib
import json
import os
import random
import re
import shutil
import struct
import sys
import zlib
from collections import Counter, defaultdict
from email import policy
from email.charset import BASE64, QP, Charset
from email.header import Header
from email.mime.image import MIMEImage
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.parser import BytesParser
from email.utils import format_datetime, formataddr

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402
from mnemonic import Mnemonic  # noqa: E402

LANG_MODULES = ["en", "zh", "zh_hant", "ja", "ko", "ru", "es", "vi", "tr", "pt", "fr", "de", "id"]
CATEGORIES = ["account_security", "trading", "deposit", "withdrawal", "kyc_aml", "api",
              "promotions", "phishing_report", "feedback", "other"]
PRIORITIES = ["urgent", "high", "normal", "low"]
INDICATORS = {"lookalike_domain", "link_mismatch", "credential_request", "urgency", "auth_fail",
              "spoofed_display_name", "impersonated_channel", "attachment_risk"}
VERDICTS = {"phishing", "suspicious", "clean"}
SEED_LANGS = {"english", "chinese_simplified", "chinese_traditional", "japanese", "korean",
              "spanish", "french", "italian", "czech", "portuguese"}

TZ = {"en": -5, "zh": 8, "zh-Hant": 8, "ja": 9, "ko": 9, "ru": 3, "es": 1, "vi": 7, "tr": 3,
      "pt": -3, "fr": 1, "de": 1, "id": 7}

ADDR_KINDS = {"ETH", "BTC1", "BTC3", "BTCQ", "BTCP", "TRX", "LTC", "LTCQ", "DOGE", "XRP"}
ID_KINDS = {"CNID": gen.gen_cnid, "CPF": gen.gen_cpf, "DNI": gen.gen_dni, "TCKN": gen.gen_tckn,
            "KRRN": gen.gen_krrn, "MYNUM": gen.gen_mynumber, "NIK": gen.gen_nik,
            "CCCD": gen.gen_cccd, "DEID": gen.gen_de_ausweis, "FRPASS": gen.gen_fr_passport,
            "RUPASS": gen.gen_ru_passport, "TWID": gen.gen_twid}
TOKEN_RE = re.compile(r"\{\{([A-Za-z0-9_\-]+):([A-Za-z0-9_]+)\}\}")


# ------------------------------------------------------------------ token resolution
class Resolver:
    def __init__(self, key):
        self.key = key
        self.vals = {}      # token -> value
        self.entities = []  # auto entities
        self.secrets = []   # auto secrets
        self.distractors = []

    def value(self, kind, name):
        tok = f"{kind}:{name}"
        if tok in self.vals:
            return self.vals[tok]
        r = gen.rng_for(f"{self.key}:{tok}")
        if kind in ADDR_KINDS:
            v, chain = gen.gen_address(kind, r)
            self.entities.append({"type": "address", "value": v, "chain": chain})
        elif kind.startswith("BAD-"):
            v, chain = gen.gen_bad_address(kind[4:], r)
            self.distractors.append(f"invalid-checksum {chain} address {v}")
        elif kind.startswith("TX-"):
            chain = kind[3:]
            v = gen.gen_tx(chain, r)
            self.entities.append({"type": "tx_hash", "value": v, "chain": chain})
        elif kind.startswith("SEED-") or kind.startswith("BADSEED-"):
            _, lang, n = kind.split("-")
            v = gen.gen_seed(lang, int(n), r)
            if kind.startswith("BADSEED-"):
                m = Mnemonic(lang)
                words = v.split(" ")
                for w in m.wordlist:
                    cand = " ".join(words[:-1] + [w])
                    if w != words[-1] and not m.check(cand):
                        v = cand
                        break
                self.distractors.append(f"{n}-word list with a bad BIP39 checksum (not a seed_phrase)")
            else:
                self.secrets.append({"type": "seed_phrase", "value": v, "wordlist": lang})
        elif kind.startswith("SEEDLIST-"):
            # numbered list "1. word" one per line; value is the verbatim block
            _, lang, n = kind.split("-")
            words = gen.gen_seed(lang, int(n), r)
            ws = words.split(" ")
            v = "\n".join(f"{i + 1}. {w}" for i, w in enumerate(ws))
            self.secrets.append({"type": "seed_phrase", "value": v, "words": words, "wordlist": lang})
        elif kind == "PRIVHEX":
            v = gen.gen_privhex(r)
            self.secrets.append({"type": "private_key", "value": v})
        elif kind == "WIF":
            v = gen.gen_wif(r)
            self.secrets.append({"type": "private_key", "value": v})
        elif kind == "XPRV":
            v = gen.gen_xprv(r)
            self.secrets.append({"type": "private_key", "value": v})
        elif kind == "APIKEY":
            v = gen.gen_apikey(r, 64)
            self.secrets.append({"type": "api_key", "value": v})
        elif kind == "APISECRET":
            v = gen.gen_apikey(r, 64)
            self.secrets.append({"type": "api_secret", "value": v})
        elif kind.startswith("CARD-"):
            v = gen.gen_card(kind[5:], r)
            self.secrets.append({"type": "card_number", "value": v})
        elif kind in ID_KINDS:
            v = ID_KINDS[kind](r)
            self.secrets.append({"type": "id_number", "value": v, "format": kind})
        else:
            raise KeyError(f"{self.key}: unknown token {tok}")
        self.vals[tok] = v
        return v

    def sub(self, text):
        if text is None:
            return None
        return TOKEN_RE.sub(lambda m: self.value(m.group(1), m.group(2)), text)


# ------------------------------------------------------------------ MIME helpers
def tiny_png(w=4, h=3, rgb=(30, 120, 200)):
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def text_part(text, subtype, cs, cte):
    """A text/* part in charset cs with the given transfer encoding, built by hand so
    that Python does not silently convert charsets (e.g. Shift_JIS to ISO-2022-JP)."""
    import base64
    import quopri
    data = text.encode(cs)  # raises if the text does not fit the charset
    part = MIMENonMultipart("text", subtype, charset=MIME_CS.get(cs, cs))
    if cte == "b64":
        payload, name = base64.encodebytes(data).decode("ascii"), "base64"
    elif cte == "qp":
        payload, name = quopri.encodestring(data).decode("ascii"), "quoted-printable"
    else:
        payload = data.decode("ascii", "surrogateescape")
        name = "7bit" if all(c < 128 for c in data) else "8bit"
    part.set_payload(payload)
    part["Content-Transfer-Encoding"] = name
    return part


def to_html(text, client="generic"):
    out = []
    in_quote = False
    for para in re.split(r"\n\s*\n", text):
        lines = para.split("\n")
        quoted = all(l.startswith(">") for l in lines if l.strip())
        if quoted:
            lines = [l[1:].lstrip() if l.startswith("> ") or l.startswith(">") else l for l in lines]
        body = "<br>\n".join(html.escape(l, quote=False) for l in lines)
        if quoted and not in_quote:
            out.append('<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">')
            in_quote = True
        if not quoted and in_quote:
            out.append("</blockquote>")
            in_quote = False
        out.append(f"<div>{body}</div><div><br></div>")
    if in_quote:
        out.append("</blockquote>")
    font = {"outlook": 'style="font-family:Calibri,sans-serif;font-size:11pt"',
            "qq": 'style="font-family:微软雅黑;font-size:14px"'}.get(client, 'dir="ltr"')
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
            f'<body><div {font}>\n' + "\n".join(out) + "\n</div></body></html>\n")


MAILERS = {
    "gmail.com": ("mail.gmail.com", None),
    "googlemail.com": ("mail.gmail.com", None),
    "qq.com": ("qq.com", "Foxmail 7.2.25.228[cn]"),
    "foxmail.com": ("qq.com", "Foxmail 7.2.25.228[cn]"),
    "163.com": ("163.com", "Coremail Webmail Server Version XT5.0.14"),
    "126.com": ("126.com", "Coremail Webmail Server Version XT5.0.14"),
    "outlook.com": ("outlook.com", "Microsoft Outlook 16.0"),
    "hotmail.com": ("hotmail.com", "Microsoft Outlook 16.0"),
    "icloud.com": ("icloud.com", "iPhone Mail (22B91)"),
    "me.com": ("icloud.com", "Apple Mail (2.3776.700.51)"),
    "yandex.ru": ("yandex.ru", None),
    "mail.ru": ("mail.ru", None),
    "naver.com": ("naver.com", None),
}


def mailer_for(addr, ua):
    dom = addr.split("@")[1].lower()
    mid_dom, x = MAILERS.get(dom, (dom, None))
    return mid_dom, (ua if ua is not None else x)


def msgid(r, dom):
    if dom == "mail.gmail.com":
        al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+_-"
        return "<CA" + "".join(r.choice(al) for _ in range(44)) + "@mail.gmail.com>"
    if dom == "qq.com":
        return f"<tencent_{r.getrandbits(128):032X}{r.getrandbits(40):010X}@qq.com>"
    hexs = f"{r.getrandbits(64):016x}"
    return f"<{r.randint(10**9, 10**10)}.{hexs}@{dom}>"


MIME_CS = {"gb2312": "GB2312", "gb18030": "GB18030", "gbk": "GBK", "big5": "Big5", "shift_jis": "Shift_JIS",
           "iso-2022-jp": "ISO-2022-JP", "koi8-r": "KOI8-R", "euc-kr": "EUC-KR", "euc-jp": "EUC-JP",
           "iso-8859-1": "ISO-8859-1", "iso-8859-9": "ISO-8859-9", "iso-8859-15": "ISO-8859-15",
           "windows-1252": "windows-1252", "windows-1251": "windows-1251", "windows-1254": "windows-1254",
           "utf-8": "UTF-8"}


def hdr(value, cs):
    """RFC 2047 encode a header value in the mail's own charset, as real clients do."""
    try:
        value.encode("ascii")
        return value
    except UnicodeEncodeError:
        pass
    label = MIME_CS.get(cs, cs.upper())
    latin = cs.startswith("iso-8859") or cs.startswith("windows-")
    words, cur = [], ""
    for ch in value:
        if len((cur + ch).encode(cs)) > (40 if not latin else 30):
            words.append(cur)
            cur = ""
        cur += ch
    if cur:
        words.append(cur)
    out = []
    for w in words:
        b = w.encode(cs)
        if latin:
            q = "".join(chr(c) if (48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122) else ("_" if c == 32 else "=%02X" % c) for c in b)
            out.append(f"=?{label}?Q?{q}?=")
        else:
            import base64
            out.append(f"=?{label}?B?{base64.b64encode(b).decode()}?=")
    return " ".join(out)


def addr_hdr(name, addr, cs):
    if not name:
        return addr
    try:
        name.encode("ascii")
        return formataddr((name, addr))
    except UnicodeEncodeError:
        return f"{hdr(name, cs)} <{addr}>"


def build_message(spec, res, r, inner=False):
    cs = spec.get("cs", "utf-8")
    fmt = spec.get("fmt", "qp")
    body = res.sub(spec["body"])
    client = spec.get("client", "generic")
    if fmt == "html":
        msg = MIMEMultipart("alternative")
        msg.attach(text_part(body, "plain", cs, "qp" if cs == "utf-8" else "b64"))
        msg.attach(text_part(to_html(body, client).replace("charset=utf-8", f"charset={cs}"), "html", cs,
                             "qp" if cs == "utf-8" else "b64"))
    elif fmt == "htmlonly":
        msg = text_part(to_html(body, client).replace("charset=utf-8", f"charset={cs}"), "html", cs,
                        spec.get("cte", "qp"))
    else:
        msg = text_part(body, "plain", cs, fmt)
    extras = []
    if spec.get("fwd"):
        extras.append(("fwd", spec["fwd"]))
    if spec.get("png"):
        extras.append(("png", spec["png"]))
    if extras:
        outer = MIMEMultipart("mixed")
        outer.attach(msg)
        for kind, x in extras:
            if kind == "png":
                img = MIMEImage(tiny_png(), "png")
                img.add_header("Content-Disposition", "attachment", filename=x if isinstance(x, str) else "screenshot.png")
                outer.attach(img)
            else:
                im = build_message(x, res, r, inner=True)
                part = MIMEMessage(im)
                part.add_header("Content-Disposition", "attachment",
                                filename=x.get("filename", "forwarded message.eml"))
                outer.attach(part)
        msg = outer
    # headers
    name, addr = spec["frm"]
    for k, v in spec.get("pre_headers", []):
        msg[k] = v
    mid_dom, xm = mailer_for(addr, spec.get("ua"))
    msg["From"] = addr_hdr(name, addr, cs)
    to = spec.get("to", ("Kestrel Support", "support@kestrel.exchange"))
    msg["To"] = addr_hdr(to[0], to[1], cs) if isinstance(to, tuple) else to
    if spec.get("cc"):
        msg["Cc"] = spec["cc"]
    msg["Subject"] = hdr(spec["subj"], cs)
    msg["Date"] = format_datetime(spec["_date"])
    msg["Message-ID"] = spec.get("msgid") or msgid(r, mid_dom)
    if spec.get("reply_to_id"):
        msg["In-Reply-To"] = spec["reply_to_id"]
        msg["References"] = spec["reply_to_id"]
    if spec.get("reply_to"):
        msg["Reply-To"] = spec["reply_to"]
    if xm:
        msg["X-Mailer"] = xm
    for k, v in spec.get("headers", []):
        msg[k] = v.replace("{DATE}", format_datetime(spec["_date"]))
    if "MIME-Version" not in msg:
        msg["MIME-Version"] = "1.0"
    for part in msg.walk():
        if part.is_multipart() and not part.get_content_type().startswith("message/"):
            part.set_boundary("----=_Part_%d_%d.%d" % (r.randint(10**5, 10**6), r.randint(10**8, 10**9), r.randint(10**12, 10**13)))
    order = ["Return-Path", "Received", "Authentication-Results", "From", "To", "Cc", "Subject", "Date",
             "Message-ID", "In-Reply-To", "References", "Reply-To"]
    tail = ["X-Mailer", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"]

    def rank(h):
        k = h[0]
        if k in order:
            return order.index(k)
        if k in tail:
            return 100 + tail.index(k)
        return 50
    msg._headers.sort(key=rank)
    return msg


# ------------------------------------------------------------------ spec loading
def load_specs():
    sys.path.insert(0, os.path.join(HERE, "texts"))
    specs = []
    for modname in LANG_MODULES:
        mod = importlib.import_module(modname)
        lang = mod.LANG
        for s in mod.MAILS:
            s = dict(s)
            s["language"] = s.get("language", lang)
            s["file"] = f"{lang}-{s['n']:03d}.eml"
            specs.append(s)
    return specs


def parse_ents(s, res):
    out = []
    if not s:
        return out
    for item in s.split("|"):
        item = item.strip()
        if not item:
            continue
        t, v = item.split(" ", 1)
        e = {"type": t, "value": res.sub(v.strip())}
        if t == "tx_hash" or t == "address":
            raise ValueError("use tokens for tx/address: " + item)
        out.append(e)
    return out


def assign_date(spec):
    r = gen.rng_for("date:" + spec["file"])
    if spec.get("date"):
        y, mo, d, h, mi = spec["date"]
    else:
        start = dt.datetime(2026, 8, 20)
        t = start + dt.timedelta(minutes=r.randint(0, 107 * 24 * 60))
        y, mo, d, h, mi = t.year, t.month, t.day, t.hour, t.minute
    tz = spec.get("tz", TZ[spec["language"]])
    return dt.datetime(y, mo, d, h, mi, r.randint(0, 59), tzinfo=dt.timezone(dt.timedelta(hours=tz)))


def all_text(msg):
    """Decoded text of every text part (html stripped), nested messages included."""
    chunks = []
    for part in msg.walk():
        if part.get_content_maintype() != "text":
            continue
        t = part.get_content()
        if part.get_content_subtype() == "html":
            t = re.sub(r"<br\s*/?>\s*", "\n", t)
            t = re.sub(r"</(div|p|blockquote)>", "\n", t)
            t = html.unescape(re.sub(r"<[^>]+>", "", t))
        chunks.append(t)
    return "\n".join(chunks)


def make_split(groups, seed):
    rng = random.Random(seed)
    split = {}
    count = Counter()
    leftovers = []
    for key in sorted(groups):
        fs = sorted(groups[key])
        rng.shuffle(fs)
        half = len(fs) // 2
        for f in fs[:half]:
            split[f] = "dev"
        for f in fs[half:2 * half]:
            split[f] = "heldout"
        for f in fs[:2 * half]:
            count[(key[0], split[f])] += 1
            count[(key[1], split[f])] += 1
        if len(fs) % 2:
            leftovers.append((key, fs[-1]))
    # odd ones out: balance each category first, then each language, then by coin toss
    rng.shuffle(leftovers)
    for (lang, cat), f in leftovers:
        def imbalance(side):
            other = "heldout" if side == "dev" else "dev"
            return (count[(cat, side)] - count[(cat, other)], count[(lang, side)] - count[(lang, other)], rng.random())
        side = min(("dev", "heldout"), key=imbalance)
        split[f] = side
        count[(lang, side)] += 1
        count[(cat, side)] += 1
    return split


def main():
    specs = load_specs()
    seen = set()
    labels = {}
    raw = {}
    for s in specs:
        assert s["file"] not in seen, s["file"]
        seen.add(s["file"])
        assert s["cat"] in CATEGORIES, (s["file"], s["cat"])
        assert s["pri"] in PRIORITIES, (s["file"], s["pri"])
        s["_date"] = assign_date(s)
        if s.get("fwd"):
            s["fwd"]["_date"] = s["fwd"].get("_date") or (s["_date"] - dt.timedelta(hours=3, minutes=17))
        res = Resolver(s["file"])
        r = gen.rng_for("mime:" + s["file"])
        msg = build_message(s, res, r)
        data = msg.as_bytes(policy=policy.compat32.clone(linesep="\r\n" if s.get("crlf") else "\n"))
        raw[s["file"]] = data
        ents = []
        for e in res.entities + parse_ents(s.get("ents"), res):
            if e not in ents:
                ents.append(e)
        secrets = []
        for x in res.secrets:
            if x not in secrets:
                secrets.append(x)
        for t, v in s.get("sec", []):
            secrets.append({"type": t, "value": v})
        ph = s.get("phish")
        if ph is not None:
            verdict, inds = ph
            ph = {"verdict": verdict, "indicators": inds.split() if inds else []}
        notes = s.get("notes", "")
        if res.distractors:
            notes = (notes + " " if notes else "") + "Distractors: " + "; ".join(res.distractors) + "."
        labels[s["file"]] = {
            "file": s["file"], "language": s["language"], "category": s["cat"], "priority": s["pri"],
            "entities": ents, "secrets": secrets, "must_keep": list(s.get("keep", [])),
            "phishing": ph, "notes": notes,
        }
    # ---------------- split
    groups = defaultdict(list)
    for f, l in labels.items():
        groups[(l["language"], l["category"])].append(f)
    feats = {}
    for s in specs:
        lab = labels[s["file"]]
        fs = set()
        if "Exact-domain spoof" in lab["notes"]:
            fs.add("exact_domain_spoof")
        if "invalid-checksum" in lab["notes"]:
            fs.add("invalid_address_distractor")
        if s.get("fwd"):
            fs.add("rfc822_attachment")
        if s.get("cs", "utf-8") != "utf-8":
            fs.add("legacy_charset")
        if s.get("fmt") == "htmlonly":
            fs.add("html_only")
        if lab["phishing"]:
            fs.add("verdict:" + lab["phishing"]["verdict"])
            if lab["category"] != "phishing_report":
                fs.add("phishing_label_not_report")
        for x in lab["secrets"]:
            fs.add("secret:" + x["type"])
        feats[s["file"]] = fs
    totals_f = Counter(x for fs in feats.values() for x in fs)
    # Seeded random split, stratified by (language, category).  If a draw leaves a
    # feature that occurs at least twice entirely on one side, or a language more than one
    # mail off 50/50, or the mails with secrets more than three off 50/50,
    # the next seed is tried.
    seed = 20261206
    while True:
        split = make_split(groups, seed)
        side_f = Counter((x, split[f]) for f, fs in feats.items() for x in fs)
        per_lang = Counter((labels[f]["language"], sd) for f, sd in split.items())
        lang_ok = all(abs(per_lang[(lg, "dev")] - per_lang[(lg, "heldout")]) <= 1
                      for lg in {l["language"] for l in labels.values()})
        sec_side = Counter(sd for f, sd in split.items() if labels[f]["secrets"])
        lang_ok = lang_ok and abs(sec_side["dev"] - sec_side["heldout"]) <= 3
        if lang_ok and all(side_f[(x, "dev")] and side_f[(x, "heldout")] for x, n in totals_f.items() if n >= 2):
            break
        seed += 1
    print(f"split seed {seed}")
    for x in sorted(totals_f):
        print(f"  feature {x}: dev {side_f[(x, 'dev')]}, heldout {side_f[(x, 'heldout')]}")
    for d in ("dev", "heldout"):
        p = os.path.join(HERE, d)
        if os.path.isdir(p):
            shutil.rmtree(p)
        os.makedirs(p)
    for d in ("dev", "heldout"):
        with open(os.path.join(HERE, d, "labels.jsonl"), "w", encoding="utf-8") as fh:
            for f in sorted(labels):
                if split[f] == d:
                    with open(os.path.join(HERE, d, f), "wb") as out:
                        out.write(raw[f])
                    fh.write(json.dumps(labels[f], ensure_ascii=False) + "\n")
    frm = {s["file"]: s["frm"][1].lower() for s in specs}
    ok = validate(frm)
    sys.exit(0 if ok else 1)


# ------------------------------------------------------------------ validation
CAND_RE = re.compile(r"(?<![0-9A-Za-z])(0x[0-9a-fA-F]{40}|(?:bc1|ltc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{20,80}|[13TLMDr][1-9A-HJ-NP-Za-km-z]{24,34})(?![0-9A-Za-z])")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")


def validate(frm):
    problems = []
    warn = []
    counts = defaultdict(Counter)
    totals = Counter()
    for d in ("dev", "heldout"):
        folder = os.path.join(HERE, d)
        files = sorted(f for f in os.listdir(folder) if f.endswith(".eml"))
        labs = [json.loads(l) for l in open(os.path.join(folder, "labels.jsonl"), encoding="utf-8")]
        lf = [l["file"] for l in labs]
        if sorted(lf) != files or len(set(lf)) != len(lf):
            problems.append(f"{d}: files and labels differ")
        for l in labs:
            f = l["file"]
            with open(os.path.join(folder, f), "rb") as fh:
                msg = BytesParser(policy=policy.default).parse(fh)
            for h in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"):
                if msg[h] is None:
                    problems.append(f"{f}: missing {h}")
            if msg.defects:
                problems.append(f"{f}: defects {msg.defects}")
            try:
                text = all_text(msg)
            except Exception as e:  # noqa: BLE001
                problems.append(f"{f}: text does not decode: {e}")
                continue
            if "{{" in text:
                problems.append(f"{f}: unresolved token")
            for e in l["entities"]:
                if e["value"] not in text:
                    problems.append(f"{f}: entity not in text {e}")
                if e["type"] == "address" and not gen.address_valid(e["value"], e["chain"]):
                    problems.append(f"{f}: bad address {e}")
                if e["type"] == "email" and e["value"].lower() == frm[f]:
                    problems.append(f"{f}: sender email labelled")
            # every checksum-valid address / 64-hex value in the text must be labelled
            labelled = {e["value"] for e in l["entities"]} | {x["value"] for x in l["secrets"]}
            for cand in set(CAND_RE.findall(text)):
                if cand in labelled:
                    continue
                if any(gen.address_valid(cand, ch) for ch in ("EVM", "BTC", "TRON", "LTC", "DOGE", "XRP")):
                    problems.append(f"{f}: unlabelled valid address {cand}")
            for cand in set(re.findall(r"(?<![0-9A-Za-z])(?:0x)?[0-9a-fA-F]{64}(?![0-9A-Za-z])", text)):
                if cand not in labelled:
                    problems.append(f"{f}: unlabelled 64-hex {cand}")
            if not isinstance(msg["Subject"], str) or "=?" in str(msg["Subject"]):
                problems.append(f"{f}: subject does not decode")
            labelled_emails = {e["value"].lower() for e in l["entities"] if e["type"] == "email"}
            found_emails = {m.group(0).lower().rstrip(".") for m in EMAIL_RE.finditer(text)} - {frm[f]}
            if found_emails != labelled_emails:
                problems.append(f"{f}: email entities mismatch: text has {sorted(found_emails)} "
                                f"labels have {sorted(labelled_emails)}")
            for sct in l["secrets"]:
                if sct["value"] not in text:
                    problems.append(f"{f}: secret not verbatim in text {sct['value'][:40]}")
                if sct["type"] == "seed_phrase":
                    words = sct.get("words", sct["value"])
                    if not Mnemonic(sct["wordlist"]).check(words):
                        problems.append(f"{f}: seed fails BIP39 checksum")
                if sct["type"] == "card_number" and not gen.luhn_ok(sct["value"]):
                    problems.append(f"{f}: card not luhn")
            for k in l["must_keep"]:
                if k not in text:
                    problems.append(f"{f}: must_keep not verbatim: {k[:60]}")
                for sct in l["secrets"]:
                    if sct["value"] in k:
                        problems.append(f"{f}: must_keep contains a secret")
            ph = l["phishing"]
            if ph is not None:
                if ph["verdict"] not in VERDICTS or not set(ph["indicators"]) <= INDICATORS:
                    problems.append(f"{f}: bad phishing label {ph}")
            if l["category"] == "phishing_report" and ph is None:
                problems.append(f"{f}: phishing_report without phishing label")
            if l["secrets"] and not l["must_keep"]:
                warn.append(f"{f}: secret mail without must_keep")
            counts["language"][(l["language"], d)] += 1
            counts["category"][(l["category"], d)] += 1
            counts["lang_cat"][(l["language"], l["category"])] += 1
            totals[d] += 1
            totals["secret_mails"] += bool(l["secrets"])
            totals["secrets"] += len(l["secrets"])
            for sct in l["secrets"]:
                totals["secret:" + sct["type"]] += 1
            totals["phishing_report"] += l["category"] == "phishing_report"
            totals["phishing_label_not_report"] += (ph is not None and l["category"] != "phishing_report")
            totals["priority:" + l["priority"]] += 1
            for e in l["entities"]:
                totals["entity:" + e["type"]] += 1
    langs = sorted({k[0] for k in counts["language"]})
    print("language      dev  heldout  total")
    for lg in langs:
        a, b = counts["language"][(lg, "dev")], counts["language"][(lg, "heldout")]
        print(f"{lg:12s} {a:4d} {b:8d} {a + b:6d}")
    print("\ncategory            dev  heldout  total")
    for c in CATEGORIES:
        a, b = counts["category"][(c, "dev")], counts["category"][(c, "heldout")]
        print(f"{c:18s} {a:4d} {b:8d} {a + b:6d}")
    print("\nlanguage x category")
    print("          " + " ".join(c[:7].rjust(7) for c in CATEGORIES))
    for lg in langs:
        print(f"{lg:9s} " + " ".join(str(counts['lang_cat'][(lg, c)]).rjust(7) for c in CATEGORIES))
    print()
    for k in sorted(totals):
        print(f"{k}: {totals[k]}")
    for w in warn:
        print("WARN", w)
    for p in problems:
        print("PROBLEM", p)
    print("\nOK" if not problems else f"\n{len(problems)} problems")
    return not problems


if __name__ == "__main__":
    main()
