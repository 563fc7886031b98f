"""The house's layout holds: every arrow between packages points down (import-linter contracts in
pyproject.toml), and no module imports another inside a function to hide a cycle."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "bridgedesk"
# Where a function-local import of our own code is the rule, not a dodge: commands are imported
# before Django is set up (commands/base.py), benchmarks prepare their own Django first.
DEFERRED_IMPORTS_ALLOWED = ("commands", "bench")


def run_contracts(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter in a fresh interpreter on the sources under ``root``."""
    return subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports; "
         "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))"],
        cwd=root, capture_output=True, text=True, env={"PYTHONPATH": str(root / "src"), "PATH": "/usr/bin:/bin"},
    )


def test_import_contracts_hold():
    proc = run_contracts(ROOT)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert " 0 broken" in proc.stdout


def local_imports_of_our_code(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom | ast.Import) and node.col_offset > 0:
            module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
            if module and module.startswith("bridgedesk"):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} imports {module}")
    return found


def test_no_function_local_import_of_our_own_code():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        room = path.relative_to(PACKAGE).parts[0]
        if room in DEFERRED_IMPORTS_ALLOWED or "migrations" in path.parts:
            continue
        offenders += local_imports_of_our_code(path)
    assert offenders == [], "import at module level (a cycle means a room is in the wrong place):\n" + "\n".join(offenders)


def test_a_wrong_arrow_breaks_the_contracts(tmp_path):
    # The same contracts on a copy of the sources where the pure mail layer imports the desk.
    shutil.copytree(PACKAGE, tmp_path / "src" / "bridgedesk", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    headers = tmp_path / "src" / "bridgedesk" / "mail" / "headers.py"
    headers.write_text(headers.read_text(encoding="utf-8") + "\nimport bridgedesk.desk.models  # noqa\n", encoding="utf-8")
    proc = run_contracts(tmp_path)
    assert proc.returncode != 0
    assert "bridgedesk.mail.headers -> bridgedesk.desk.models" in proc.stdout
