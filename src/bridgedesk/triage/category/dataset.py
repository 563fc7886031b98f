"""Labelled training data for the category model, read from CSV.

Why strict: a typo in a training file silently teaches the model a wrong category,
so every defect stops the run with the file, line and column to fix.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TextIO


def read_labelled_csv(path: Path) -> tuple[list[str], list[str]]:
    """Read a ``text,category`` CSV (BANKING77's layout); extra columns are ignored.

    Errors name the file, the line and the column so a person can fix the data.
    """
    try:
        with Path(path).open(newline="", encoding="utf-8-sig") as handle:
            return parse_labelled_rows(handle, path)
    except UnicodeDecodeError as error:
        reason = f"{error.reason} at byte {error.start}"
        raise ValueError(f"{path}: not UTF-8 text ({reason})") from error


def parse_labelled_rows(handle: TextIO, path: Path) -> tuple[list[str], list[str]]:
    """Validate the header and each row; see ``read_labelled_csv``."""
    rows = csv.reader(handle)
    columns = find_columns(next(rows, None), path)
    texts: list[str] = []
    labels: list[str] = []
    for row in rows:
        if any(cell.strip() for cell in row):
            text, label = check_row(row, columns, f"{path}: line {rows.line_num}")
            texts.append(text)
            labels.append(label)
    if not texts:
        raise ValueError(f"{path}: no data rows after the header")
    return texts, labels


def find_columns(header: list[str] | None, path: Path) -> list[str]:
    """Lower-cased column names; both 'text' and 'category' must be present."""
    if header is None:
        raise ValueError(f"{path}: empty file, expected a header 'text,category'")
    columns = [name.strip().lower() for name in header]
    for needed in ("text", "category"):
        if needed not in columns:
            raise ValueError(f"{path}: header has no '{needed}' column (found {header!r})")
    return columns


def check_row(row: list[str], columns: list[str], where: str) -> tuple[str, str]:
    """(text, category) of one data row, or a ValueError that says where and what."""
    if len(row) != len(columns):
        raise ValueError(f"{where}: expected {len(columns)} columns, got {len(row)}")
    text = row[columns.index("text")].strip()
    label = row[columns.index("category")].strip()
    if not text:
        raise ValueError(f"{where}: column 'text' is empty")
    if not label:
        raise ValueError(f"{where}: column 'category' is empty")
    return text, label
