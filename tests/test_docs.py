"""The project's documents point only at files that exist in the repository.

Every relative link in README.md and docs/*.md must name a file or folder inside this
repository (a clone has nothing beside it), and a link to a heading of a Markdown file must
name a heading that exists (GitHub's anchors).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"`[^`\n]*`")
INLINE_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")


def documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def prose_lines(text: str) -> list[tuple[int, str]]:
    """(line number, line) outside fenced code blocks, with code spans blanked out."""
    lines, fenced = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            lines.append((number, CODE_SPAN.sub("code", line)))
    return lines


def links_in(text: str) -> list[tuple[int, str]]:
    found = []
    for number, line in prose_lines(text):
        found += [(number, target) for target in INLINE_LINK.findall(line)]
        reference = REFERENCE_LINK.match(line)
        if reference:
            found.append((number, reference.group(1)))
    return found


def anchor_of(heading: str) -> str:
    """GitHub's anchor for a heading: inline markup dropped, lower case, punctuation removed, spaces to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "")
    return re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")


def anchors_of(path: Path) -> set[str]:
    anchors: set[str] = set()
    seen: dict[str, int] = {}
    fenced = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else HEADING.match(line)
        if match:
            anchor = anchor_of(match.group(1))
            count = seen.get(anchor, 0)
            seen[anchor] = count + 1
            anchors.add(anchor if count == 0 else f"{anchor}-{count}")
    return anchors


def broken_links(document: Path, root: Path = ROOT) -> list[str]:
    """Why each relative link of ``document`` does not resolve inside ``root``; empty when all do."""
    root, document = root.resolve(), document.resolve()
    problems = []
    for number, target in links_in(document.read_text(encoding="utf-8")):
        if SCHEME.match(target):
            continue   # http:, https:, mailto: — outside this check
        where = f"{document.relative_to(root)}:{number}: {target}"
        path_part, _, anchor = target.partition("#")
        path_part = path_part.split("?", 1)[0]
        resolved = (document.parent / path_part).resolve() if path_part else document
        if not resolved.is_relative_to(root):
            problems.append(f"{where} points outside the repository")
        elif not resolved.exists():
            problems.append(f"{where} names a missing file")
        elif anchor and resolved.suffix == ".md" and anchor not in anchors_of(resolved):
            problems.append(f"{where} names a missing heading")
    return problems


def test_the_documents_exist():
    for name in ("ARCHITECTURE.md", "CONTRACTS.md", "OPERATIONS.md"):
        assert (ROOT / "docs" / name).is_file(), f"docs/{name} is missing"


def test_every_relative_link_resolves_inside_the_repository():
    problems = [problem for document in documents() for problem in broken_links(document)]
    assert problems == [], "broken links:\n" + "\n".join(problems)


def test_the_readme_links_to_the_documents():
    targets = {target.split("#", 1)[0] for _, target in links_in((ROOT / "README.md").read_text(encoding="utf-8"))}
    assert {"docs/ARCHITECTURE.md", "docs/CONTRACTS.md", "docs/OPERATIONS.md"} <= targets


def test_a_broken_link_is_caught(tmp_path):
    # The same check on a small tree where one link leaves it, one names nothing, one a missing heading.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "A.md").write_text("# Real heading\n", encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text(
        "[ok](docs/A.md#real-heading) [web](https://example.com) `[code](nowhere.md)`\n"
        "[out](../shared/docs/ARCHITECTURE.md) [gone](docs/B.md)\n"
        "[heading](docs/A.md#no-such-heading)\n"
        "```\n[fenced](nowhere.md)\n```\n"
        "[ref]: docs/C.md\n",
        encoding="utf-8",
    )
    problems = broken_links(readme, root=tmp_path)
    assert problems == [
        "README.md:2: ../shared/docs/ARCHITECTURE.md points outside the repository",
        "README.md:2: docs/B.md names a missing file",
        "README.md:3: docs/A.md#no-such-heading names a missing heading",
        "README.md:7: docs/C.md names a missing file",
    ]
