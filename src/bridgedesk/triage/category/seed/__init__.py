"""The labelled seed set that trains the default category model.

The examples live in ``seed.csv`` beside this module and ship inside the package, so a
fresh install can train its default model without any download or database. The file is
hand-written support mail (English, Chinese and a few other languages); its ``split``
column holds out about a fifth of every (category, language) stratum as ``validation``,
which is what accuracy is reported on and what training must never see.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources

SEED_FILE = "seed.csv"
SPLITS = ("train", "validation")


@dataclass(frozen=True)
class SeedExample:
    """One labelled support email from the seed set."""

    id: str
    language: str
    category: str
    split: str
    subject: str
    body: str

    @property
    def text(self) -> str:
        """Subject and body as one string, the way the classifier sees a message."""
        return f"{self.subject}\n{self.body}"


def read_seed_text() -> str:
    """Return the raw CSV text; importlib.resources keeps this working from a wheel."""
    return resources.files(__package__).joinpath(SEED_FILE).read_text(encoding="utf-8")


def parse_seed_rows(text: str) -> list[SeedExample]:
    """Turn CSV text into examples; bodies may span lines, so the csv module does the quoting."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return [
        SeedExample(
            id=row["id"],
            language=row["language"],
            category=row["category"],
            split=row["split"],
            subject=row["subject"],
            body=row["body"],
        )
        for row in reader
    ]


def load_seed(split: str | None = None) -> list[SeedExample]:
    """Load the seed set, optionally only one split ("train" or "validation")."""
    if split is not None and split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; expected one of {SPLITS}")
    examples = parse_seed_rows(read_seed_text())
    if split is None:
        return examples
    return [example for example in examples if example.split == split]
