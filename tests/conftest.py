from __future__ import annotations

from pathlib import Path

import pytest

from marsad.extract import Options, extract_report
from marsad.records import Report

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "marsad" / "samples"
DEV_GOLD = ROOT.parent / "shared" / "dev" / "dev_gold.json"


def extract(text: str, published: str | None = None):
    """Events of one report written in the test."""
    return extract_report(Report("t", text, published), Options()).events


@pytest.fixture
def samples() -> Path:
    return SAMPLES
