"""`bridgedesk bench smtp`: Postfix's smtp-source against the real listener; every ack is a row."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bridgedesk.bench.smtp import SMTP_SOURCE_PATHS

HAVE_SMTP_SOURCE = bool(shutil.which("smtp-source") or any(Path(p).is_file() for p in SMTP_SOURCE_PATHS))
KEYS = {"sessions", "messages", "acked", "stored", "lost", "accepted_per_s", "seconds"}


@pytest.mark.skipif(not HAVE_SMTP_SOURCE, reason="smtp-source not installed (Debian: apt-get install postfix)")
def test_every_acknowledged_message_is_stored() -> None:
    proc = subprocess.run([sys.executable, "-m", "bridgedesk", "bench", "smtp", "--n", "300", "--sessions", "4"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert set(result) >= KEYS
    assert result["sessions"] == 4 and result["messages"] == 300
    assert result["acked"] == result["stored"] == 300
    assert result["lost"] == 0
