"""Property-based run of the JSON API against its own OpenAPI description (schemathesis):
every generated request must get a response that conforms to the schema, never a 500."""

import pytest

schemathesis = pytest.importorskip("schemathesis")

from tests_paths import SAMPLES, work_dir  # noqa: E402

from marsad import review  # noqa: E402
from marsad.ingest import ingest_paths  # noqa: E402
from marsad.store import Store  # noqa: E402
from marsad.web import Settings, create_app  # noqa: E402

_store = Store(f"sqlite:///{work_dir() / 'schema.db'}")
if not _store.engine.connect().execute(
        __import__("sqlalchemy").text("select count(*) from reports")).scalar():
    ingest_paths([SAMPLES], _store)
review.add_user(_store, "amal", "correct horse battery")
APP = create_app(_store, Settings(public_read=True))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
def test_api_conforms_to_its_schema(case):
    case.call_and_validate()
