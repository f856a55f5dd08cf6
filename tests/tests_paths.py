"""Paths shared by test modules that run at import time (schemathesis collects at import)."""

import tempfile
from functools import lru_cache
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "marsad" / "samples"


@lru_cache(maxsize=1)
def work_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="marsad-tests-"))
