"""Batch mode on a real Dask LocalCluster gives what the single-machine store gives."""

import json
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from distributed import Client, LocalCluster  # noqa: E402

from marsad.batch import read_table, run_batch  # noqa: E402
from marsad.ingest import ingest_parquet, ingest_paths  # noqa: E402
from marsad.store import Store  # noqa: E402

REPORTS = [
    {"id": "a", "published": "2019-05-07", "outlet": "شبكة شام",
     "text": "قتل خمسة مدنيين بينهم طفلان في غارة جوية روسية على مدينة سراقب بريف إدلب "
             "الشرقي صباح اليوم، وفق ناشطين."},
    {"id": "b", "published": "2019-05-08", "outlet": "مرصد حلب",
     "text": "أفاد الدفاع المدني بمقتل سبعة مدنيين وإصابة عشرة آخرين جراء غارة للطائرات "
             "الروسية استهدفت سوقاً في مدينة سراقب أمس الثلاثاء."},
    {"id": "c", "published": "2019-05-07", "outlet": "شبكة شام",
     "text": "قتل شخصان في قصف مدفعي على بلدة اللطامنة بريف حماة الشمالي اليوم."},
    {"id": "d", "published": "2018-06-14", "outlet": "مرصد",
     "text": "قتل 4 مدنيين وجرح 6 آخرون، أمس، في قصف مدفعي استهدف حي الربصة في مدينة "
             "الحديدة غربي اليمن، وفق مصادر طبية."},
]


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture
def shards(tmp_path):
    def write(name, rows, extra=""):
        p = tmp_path / "in" / name
        p.parent.mkdir(exist_ok=True)
        p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) + extra,
                     encoding="utf-8")
        return p
    return [write("one.jsonl", REPORTS[:2]), write("two.jsonl", REPORTS[2:], "{broken\n")]


def incident_view(rows):
    return sorted((r["id"], r["killed_min"], r["killed_max"], r["civilians_killed_min"],
                   r["n_reports"], r["grade"]) for r in rows)


def test_batch_matches_the_store_and_restarts(client, shards, tmp_path):
    out = str(tmp_path / "out")
    first = run_batch([str(p) for p in shards], out, client)
    assert (first.shards, first.reports, first.skipped) == (2, 4, 0)
    assert len(first.errors) == 1 and "two.jsonl:3: not JSON" in first.errors[0]
    assert {r["month"] for r in read_table(out, "events")} >= {"2019-05", "2018-06"}

    store = Store(f"sqlite:///{tmp_path / 'single.db'}")
    ingest_paths([str(p) for p in shards], store)
    with store.engine.connect() as conn:
        single = store.query_incidents(conn)
    assert incident_view(read_table(out, "incidents")) == incident_view(single)

    again = run_batch([str(p) for p in shards], out, client)
    assert again.skipped == 2 and again.incidents == first.incidents


def test_ingest_from_parquet_equals_ingest_of_the_files(client, shards, tmp_path):
    out = str(tmp_path / "out")
    run_batch([str(p) for p in shards], out, client)
    loaded = Store(f"sqlite:///{tmp_path / 'loaded.db'}")
    summary = ingest_parquet(out, loaded)
    assert (summary.new, summary.events) == (4, 4)
    assert ingest_parquet(out, loaded).new == 0
    direct = Store(f"sqlite:///{tmp_path / 'direct.db'}")
    ingest_paths([str(p) for p in shards], direct)
    with loaded.engine.connect() as a, direct.engine.connect() as b:
        assert incident_view(loaded.query_incidents(a)) == incident_view(direct.query_incidents(b))
        assert loaded.counts(a) == direct.counts(b)


def test_parquet_shards_by_fsspec_url(client, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    shard = tmp_path / "in" / "reports.parquet"
    shard.parent.mkdir()
    pq.write_table(pa.Table.from_pylist(REPORTS), shard)
    out = tmp_path / "out"
    summary = run_batch([f"file://{shard.parent}"], f"file://{out}", client)
    assert (summary.shards, summary.reports, summary.events, summary.errors) == (1, 4, 4, [])
    names = {r["name"] for r in read_table(str(out), "reports")}
    assert names == {"a", "b", "c", "d"}
    assert len(read_table(str(out), "incidents")) == 3


REAL = Path(__file__).resolve().parents[2] / "shared" / "dev" / "real_reports.json"


@pytest.mark.skipif(not REAL.exists(), reason="the shared real reports are not here")
def test_batch_and_store_give_the_same_incidents_on_real_reports(client, tmp_path):
    gold = json.loads(REAL.read_text(encoding="utf-8"))
    path = tmp_path / "real.jsonl"
    # an unplaced report too: its incident must exist on both roads
    rows = [{"id": g["id"], "text": g["text"], "published": g.get("published")} for g in gold]
    rows.append({"id": "unplaced", "published": "2024-05-01",
                 "text": "قتل ثلاثة مدنيين في غارة جوية على قرية زوغلابيت اليوم."})
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    out = str(tmp_path / "out")
    run_batch([str(path)], out, client)
    store = Store(f"sqlite:///{tmp_path / 'real.db'}")
    ingest_paths([str(path)], store)
    with store.engine.connect() as conn:
        single = store.query_incidents(conn)
        unplaced = store.query_incidents(conn, needs_place=True)
    assert incident_view(read_table(out, "incidents")) == incident_view(single)
    assert [r["killed_min"] for r in unplaced] == [3]
