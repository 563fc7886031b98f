"""UTS #39 confusable skeletons, restricted to what can imitate a domain name.

The full ``confusables.txt`` is 745 KB; a domain only ever has to be compared with ASCII
letters, digits and the hyphen, so we ship the derived subset (every mapping whose
prototype is made of those characters) as ``data/confusables_domain.json`` with the
Unicode licence beside it. ``build_domain_table`` is the one place that derives it, used
both to regenerate the file (``python -m bridgedesk.guard.names.confusables SRC OUT``)
and by the test that checks the shipped table still agrees with the Unicode source.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

TABLE_NAME = "confusables_domain.json"
_PROTOTYPE_RE = re.compile(r"^[a-z0-9-]+$")
# Visual tricks common in domain squatting that UTS #39 does not list (it maps single
# characters, never pairs): "vv" reads as "w", "cl" as "d".
_PAIR_LOOKALIKES = (("vv", "w"), ("cl", "d"))


def build_domain_table(lines: Iterable[str]) -> dict[str, str]:
    """Source character -> prototype, for prototypes spelt only with [a-z0-9-] once lowercased."""
    table: dict[str, str] = {}
    for line in lines:
        fields = line.split("#", 1)[0].split(";")
        if len(fields) < 2 or not fields[0].strip():
            continue
        source = "".join(chr(int(cp, 16)) for cp in fields[0].split())
        target = "".join(chr(int(cp, 16)) for cp in fields[1].split())
        if len(source) == 1 and _PROTOTYPE_RE.match(target.lower()):
            table[source] = target
    return table


@lru_cache(maxsize=1)
def load_domain_table() -> dict[str, str]:
    """The shipped table (read once)."""
    data = resources.files("bridgedesk.guard.names").joinpath("data", TABLE_NAME).read_text(encoding="utf-8")
    return dict(json.loads(data)["mappings"])


@lru_cache(maxsize=32768)
def skeleton(text: str) -> str:
    """UTS #39 skeleton folded for domains: case-insensitive and blind to accents.

    Mapping before lowercasing matters ("I" is a prototype "l", "i" is not); combining
    marks are dropped because "paypàl" is read as "paypal" by anyone glancing at it.
    """
    table = load_domain_table()
    once = _map_chars(unicodedata.normalize("NFD", text), table).lower()
    twice = _map_chars(unicodedata.normalize("NFD", once), table).lower()
    bare = "".join(ch for ch in twice if not unicodedata.combining(ch))
    for pair, single in _PAIR_LOOKALIKES:
        bare = bare.replace(pair, single)
    return bare


def _map_chars(text: str, table: dict[str, str]) -> str:
    return "".join(table.get(ch, ch) for ch in text)


def write_domain_table(source: Path, target: Path) -> int:
    """Regenerate the shipped table from a ``confusables.txt``; returns the entry count."""
    lines = source.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines[:6] if line.startswith("#")]
    mappings = build_domain_table(lines)
    document = {
        "source": "Unicode UTS #39 confusables.txt, entries whose prototype is [a-z0-9-]",
        "source_header": header,
        "licence": "Unicode License v3, see LICENSE-Unicode.txt",
        "mappings": dict(sorted(mappings.items())),
    }
    target.write_text(json.dumps(document, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return len(mappings)


if __name__ == "__main__":
    print(write_domain_table(Path(sys.argv[1]), Path(sys.argv[2])))
