"""Deterministic generators and validators for the synthetic values used in the
Kestrel eval set: checksum-valid crypto addresses, tx hashes, BIP39 phrases,
keys, Luhn-valid card numbers and national ID numbers.

Every value is derived from sha256("<mail id>:<token>") so the set is
reproducible. Written for this eval set (CC0)."""
import hashlib
import random
import base58
from Crypto.Hash import keccak
from mnemonic import Mnemonic

# ---------------------------------------------------------------- bech32 (BIP173/350)
CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
BECH32_CONST, BECH32M_CONST = 1, 0x2BC830A3


def _polymod(values):
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk


def _hrp_expand(hrp):
    return [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]


def _convertbits(data, frombits, tobits, pad=True):
    acc = bits = 0
    ret = []
    maxv = (1 << tobits) - 1
    for value in data:
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            ret.append((acc >> bits) & maxv)
    if pad and bits:
        ret.append((acc << (tobits - bits)) & maxv)
    elif not pad and (bits >= frombits or ((acc << (tobits - bits)) & maxv)):
        return None
    return ret


def segwit_encode(hrp, witver, prog):
    const = BECH32_CONST if witver == 0 else BECH32M_CONST
    data = [witver] + _convertbits(prog, 8, 5)
    values = _hrp_expand(hrp) + data
    pm = _polymod(values + [0] * 6) ^ const
    chk = [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(CHARSET[d] for d in data + chk)


def segwit_decode(addr):
    """Return (hrp, witver, program) or None."""
    if addr.lower() != addr and addr.upper() != addr:
        return None
    addr = addr.lower()
    pos = addr.rfind("1")
    if pos < 1 or pos + 7 > len(addr) or len(addr) > 90:
        return None
    hrp, data = addr[:pos], addr[pos + 1:]
    if any(c not in CHARSET for c in data):
        return None
    d = [CHARSET.find(c) for c in data]
    pm = _polymod(_hrp_expand(hrp) + d)
    if pm not in (BECH32_CONST, BECH32M_CONST):
        return None
    witver = d[0]
    prog = _convertbits(d[1:-6], 5, 8, False)
    if prog is None or len(prog) < 2 or len(prog) > 40:
        return None
    if witver == 0 and pm != BECH32_CONST:
        return None
    if witver > 0 and pm != BECH32M_CONST:
        return None
    if witver > 16 or (witver == 0 and len(prog) not in (20, 32)):
        return None
    return hrp, witver, bytes(prog)


# ---------------------------------------------------------------- base58check
def b58c_encode(payload, alphabet=base58.BITCOIN_ALPHABET):
    return base58.b58encode_check(payload, alphabet=alphabet).decode()


def b58c_decode(s, alphabet=base58.BITCOIN_ALPHABET):
    try:
        return base58.b58decode_check(s, alphabet=alphabet)
    except Exception:
        return None


# ---------------------------------------------------------------- EIP-55
def keccak256(b):
    k = keccak.new(digest_bits=256)
    k.update(b)
    return k.digest()


def eip55(addr20hex):
    a = addr20hex.lower()
    h = keccak256(a.encode()).hex()
    return "0x" + "".join(c.upper() if c.isalpha() and int(h[i], 16) >= 8 else c for i, c in enumerate(a))


def eip55_valid(addr):
    if not addr.startswith("0x") or len(addr) != 42:
        return False
    body = addr[2:]
    try:
        int(body, 16)
    except ValueError:
        return False
    return eip55(body) == addr  # mixed-case only; we only emit mixed case


# ---------------------------------------------------------------- address validation
VERSIONS = {  # chain -> base58 version bytes accepted
    "BTC": [0x00, 0x05],
    "TRON": [0x41],
    "LTC": [0x30, 0x32, 0x05],
    "DOGE": [0x1E, 0x16],
}
HRP = {"BTC": "bc", "LTC": "ltc"}


def address_valid(addr, chain):
    if chain == "EVM":
        return eip55_valid(addr)
    if chain in HRP and addr.lower().startswith(HRP[chain] + "1"):
        r = segwit_decode(addr)
        return r is not None and r[0] == HRP[chain]
    if chain == "XRP":
        p = b58c_decode(addr, base58.XRP_ALPHABET)
        return p is not None and len(p) == 21 and p[0] == 0
    p = b58c_decode(addr)
    return p is not None and len(p) == 21 and p[0] in VERSIONS.get(chain, [])


# ---------------------------------------------------------------- generators
def rng_for(key):
    return random.Random(int.from_bytes(hashlib.sha256(key.encode()).digest(), "big"))


def _rb(r, n):
    return bytes(r.getrandbits(8) for _ in range(n))


def _break_b58(s, r, alphabet=base58.BITCOIN_ALPHABET.decode()):
    while True:
        i = r.randrange(5, len(s) - 2)
        c = r.choice(alphabet)
        if c != s[i]:
            t = s[:i] + c + s[i + 1:]
            return t


def _break_bech(s, r):
    while True:
        i = r.randrange(6, len(s) - 1)
        c = r.choice(CHARSET)
        if c != s[i]:
            return s[:i] + c + s[i + 1:]


def gen_address(kind, r):
    """kind -> (value, chain)."""
    if kind == "ETH":
        while True:
            a = eip55(_rb(r, 20).hex())
            if any(c.isupper() for c in a[2:]) and any(c.islower() for c in a[2:] if c.isalpha()):
                return a, "EVM"
    if kind == "BTC1":
        return b58c_encode(b"\x00" + _rb(r, 20)), "BTC"
    if kind == "BTC3":
        return b58c_encode(b"\x05" + _rb(r, 20)), "BTC"
    if kind == "BTCQ":
        return segwit_encode("bc", 0, _rb(r, 20)), "BTC"
    if kind == "BTCP":
        return segwit_encode("bc", 1, _rb(r, 32)), "BTC"
    if kind == "TRX":
        return b58c_encode(b"\x41" + _rb(r, 20)), "TRON"
    if kind == "LTC":
        return b58c_encode(b"\x30" + _rb(r, 20)), "LTC"
    if kind == "LTCQ":
        return segwit_encode("ltc", 0, _rb(r, 20)), "LTC"
    if kind == "DOGE":
        return b58c_encode(b"\x1e" + _rb(r, 20)), "DOGE"
    if kind == "XRP":
        return b58c_encode(b"\x00" + _rb(r, 20), base58.XRP_ALPHABET), "XRP"
    raise KeyError(kind)


def gen_bad_address(kind, r):
    v, chain = gen_address(kind, r)
    for _ in range(100):
        if kind == "ETH":
            idx = [i for i, c in enumerate(v) if i > 1 and c.isalpha()]
            i = r.choice(idx)
            t = v[:i] + v[i].swapcase() + v[i + 1:]
        elif kind in ("BTCQ", "BTCP", "LTCQ"):
            t = _break_bech(v, r)
        elif kind == "XRP":
            t = _break_b58(v, r, base58.XRP_ALPHABET.decode())
        else:
            t = _break_b58(v, r)
        # keep the visible prefix so it still "looks" like the chain
        if t[:3] == v[:3] and not address_valid(t, chain):
            return t, chain
    raise RuntimeError("could not break")


def gen_tx(chain, r):
    if chain == "EVM":
        return "0x" + _rb(r, 32).hex()
    if chain == "SOL":
        return base58.b58encode(_rb(r, 64)).decode()
    if chain == "XRP":
        return _rb(r, 32).hex().upper()
    return _rb(r, 32).hex()  # BTC, TRON, LTC, DOGE


def gen_seed(lang, words, r):
    ent = {12: 16, 15: 20, 18: 24, 21: 28, 24: 32}[words]
    m = Mnemonic(lang)
    s = m.to_mnemonic(_rb(r, ent))
    return s.replace("\u3000", " ") if lang == "japanese" else s


def gen_privhex(r):
    return _rb(r, 32).hex()


def gen_wif(r):
    return b58c_encode(b"\x80" + _rb(r, 32) + b"\x01")


def gen_xprv(r):
    payload = bytes.fromhex("0488ade4") + b"\x00" + b"\x00" * 4 + b"\x00" * 4 + _rb(r, 32) + b"\x00" + _rb(r, 32)
    return b58c_encode(payload)


def gen_apikey(r, n=64):
    al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(r.choice(al) for _ in range(n))


def luhn_ok(num):
    d = [int(c) for c in num if c.isdigit()]
    s = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        s += x
    return s % 10 == 0


def gen_card(brand, r):
    prefix = {"visa": "4", "mc": "5" + str(r.randint(1, 5)), "unionpay": "62"}[brand]
    body = prefix + "".join(str(r.randint(0, 9)) for _ in range(15 - len(prefix)))
    for c in "0123456789":
        if luhn_ok(body + c):
            num = body + c
            break
    return " ".join(num[i:i + 4] for i in range(0, 16, 4))


def cn_id_check(s17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(s17, w)) % 11]


def gen_cnid(r):
    region = r.choice(["110105", "310115", "440305", "510107", "330106", "420111", "320102"])
    y, m, d = r.randint(1975, 2002), r.randint(1, 12), r.randint(1, 28)
    s17 = f"{region}{y}{m:02d}{d:02d}{r.randint(0, 999):03d}"
    return s17 + cn_id_check(s17)


def cpf_digits(n9):
    d = [int(c) for c in n9]
    s = sum(a * b for a, b in zip(d, range(10, 1, -1)))
    d1 = (s * 10 % 11) % 10
    d.append(d1)
    s = sum(a * b for a, b in zip(d, range(11, 1, -1)))
    d2 = (s * 10 % 11) % 10
    return f"{d1}{d2}"


def gen_cpf(r):
    n9 = "".join(str(r.randint(0, 9)) for _ in range(9))
    c = n9 + cpf_digits(n9)
    return f"{c[:3]}.{c[3:6]}.{c[6:9]}-{c[9:]}"


def cpf_ok(s):
    d = "".join(c for c in s if c.isdigit())
    return len(d) == 11 and cpf_digits(d[:9]) == d[9:]


def gen_dni(r):
    n = r.randint(10000000, 79999999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def dni_ok(s):
    return len(s) == 9 and s[:8].isdigit() and "TRWAGMYFPDXBNJZSQVHLCKE"[int(s[:8]) % 23] == s[8]


def tckn_digits(d9):
    d = [int(c) for c in d9]
    d10 = ((sum(d[0:9:2]) * 7) - sum(d[1:8:2])) % 10
    d11 = (sum(d) + d10) % 10
    return f"{d10}{d11}"


def gen_tckn(r):
    d9 = str(r.randint(1, 9)) + "".join(str(r.randint(0, 9)) for _ in range(8))
    return d9 + tckn_digits(d9)


def tckn_ok(s):
    return len(s) == 11 and s.isdigit() and s[0] != "0" and tckn_digits(s[:9]) == s[9:]


def krrn_check(d12):
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return str((11 - sum(int(a) * b for a, b in zip(d12, w)) % 11) % 10)


def gen_krrn(r):
    y, m, d = r.randint(70, 99), r.randint(1, 12), r.randint(1, 28)
    d12 = f"{y:02d}{m:02d}{d:02d}{r.choice('12')}{r.randint(0, 99999):05d}"
    c = d12 + krrn_check(d12)
    return c[:6] + "-" + c[6:]


def krrn_ok(s):
    d = s.replace("-", "")
    return len(d) == 13 and krrn_check(d[:12]) == d[12]


def mynumber_check(d11):
    # Japanese Individual Number check digit
    p = [int(c) for c in reversed(d11)]
    q = [n + 1 if n <= 6 else n - 5 for n in range(1, 12)]
    s = sum(a * b for a, b in zip(p, q)) % 11
    return "0" if s <= 1 else str(11 - s)


def gen_mynumber(r):
    d11 = "".join(str(r.randint(0, 9)) for _ in range(11))
    c = d11 + mynumber_check(d11)
    return f"{c[:4]} {c[4:8]} {c[8:]}"


def mynumber_ok(s):
    d = s.replace(" ", "")
    return len(d) == 12 and mynumber_check(d[:11]) == d[11]


def gen_nik(r):
    region = r.choice(["317401", "327301", "357801", "517101", "337402"])
    dd, mm, yy = r.randint(1, 28) + r.choice([0, 40]), r.randint(1, 12), r.randint(70, 99)
    return f"{region}{dd:02d}{mm:02d}{yy:02d}{r.randint(1, 9999):04d}"


def gen_cccd(r):
    prov = r.choice(["001", "079", "048", "031"])
    return f"{prov}{r.choice('0123')}{r.randint(80, 99):02d}{r.randint(0, 999999):06d}"


def icao_check(s):
    val = {**{str(i): i for i in range(10)}, **{chr(65 + i): 10 + i for i in range(26)}, "<": 0}
    w = [7, 3, 1]
    return str(sum(val[c] * w[i % 3] for i, c in enumerate(s)) % 10)


def gen_de_ausweis(r):
    al = "CFGHJKLMNPRTVWXYZ0123456789"
    s = r.choice("LMNPRTVWXY") + "".join(r.choice(al) for _ in range(8))
    return s + icao_check(s)


def gen_fr_passport(r):
    return f"{r.randint(10, 24)}{r.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{r.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{r.randint(10000, 99999)}"


def gen_ru_passport(r):
    return f"{r.randint(40, 46)}{r.randint(10, 25)} {r.randint(100000, 999999)}"


TW_LETTERS = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36)))


def twid_ok(s):
    if len(s) != 10 or s[0] not in TW_LETTERS or not s[1:].isdigit():
        return False
    n = TW_LETTERS[s[0]]
    total = n // 10 + (n % 10) * 9 + sum(int(d) * w for d, w in zip(s[1:9], range(8, 0, -1))) + int(s[9])
    return total % 10 == 0


def gen_twid(r):
    letter = r.choice("ABFHKLS")
    body = letter + r.choice("12") + "".join(str(r.randint(0, 9)) for _ in range(7))
    for c in "0123456789":
        if twid_ok(body + c):
            return body + c
