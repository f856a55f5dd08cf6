from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from marsad.extract import Options, extract_report
from marsad.records import Report
from marsad.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "marsad" / "samples"
DEV_GOLD = ROOT.parent / "shared" / "dev" / "dev_gold.json"


def extract(text: str, published: str | None = None):
    """Events of one report written in the test."""
    return extract_report(Report("t", text, published), Options()).events


@pytest.fixture
def samples() -> Path:
    return SAMPLES


# -- store fixtures ---------------------------------------------------------------------
# Every store test runs twice: on a real SQLite file and on the real PostgreSQL server
# (127.0.0.1:5432, database test; a schema of its own per test, dropped afterwards).
# With MARSAD_REQUIRE_PG=1 (set by CI) an unreachable server fails the run instead of
# skipping the PostgreSQL half.

PG = os.environ.get("MARSAD_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_available() -> str | None:
    try:
        with create_engine(PG).connect() as conn:
            conn.execute(text("select 1"))
        return None
    except Exception as exc:  # any failure to connect: report it below
        return str(exc).splitlines()[0]


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'marsad.db'}"
        return
    problem = _pg_available()
    if problem:
        if os.environ.get("MARSAD_REQUIRE_PG") == "1":
            pytest.fail(f"PostgreSQL required but unreachable: {problem}")
        pytest.skip(f"PostgreSQL unreachable: {problem}")
    schema = f"marsad_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield f"{PG}?options=-csearch_path%3D{schema}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def store(store_url):
    s = Store(store_url)
    yield s
    s.engine.dispose()
