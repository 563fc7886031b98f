"""Committed document fixtures (made by make_files.py with the libraries that write each format), and the secrets they hold."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
PHRASE = "letter advice cage absurd amount doctor acoustic avoid letter advice cage above"
PHRASE_ZH = "枪 疫 霉 尝 俩 闹 饿 贤 枪 疫 霉 卿"
WIF = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"
API_SECRET = "Zx9aQ8wE7rT6yU5iO4pL3kJ2hG1fD0sA"
PASSWORD = "Kestrel#2291"


def fixture(name: str) -> bytes:
    return (HERE / name).read_bytes()


def phrase_windows(phrase: str, width: int = 4) -> list[str]:
    """Every run of ``width`` consecutive words: no such run may survive anywhere we store."""
    words = phrase.split()
    return [" ".join(words[i:i + width]) for i in range(len(words) - width + 1)]
