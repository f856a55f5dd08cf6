"""Two real ingests at once into one database, and a reviewer's note during them: every
report stored once, every event resolved, nothing lost, no error."""

import json
import subprocess
import sys
import time

from sqlalchemy import func, select

from marsad import review
from marsad.store import Store
from marsad.store.schema import events, reports

TOWNS = ["سراقب", "كفرنبل", "معرة النعمان", "أريحا", "جسر الشغور", "الباب", "دوما", "حرستا"]


def _feed(path, start, n, shared=0):
    lines = []
    for k in range(start, start + n):
        town = TOWNS[k % len(TOWNS)]
        lines.append({"id": f"r{k}", "published": "2019-05-07", "outlet": f"outlet {k % 3}",
                      "text": f"قتل {k % 9 + 1} مدنيين في قصف مدفعي على مدينة {town} اليوم. "
                              f"(تقرير رقم {k})"})
    for k in range(shared):  # the same reports in both files
        lines.append({"id": f"s{k}", "published": "2019-05-08",
                      "text": f"قتل شخصان في غارة جوية على بلدة {TOWNS[k % 8]} أمس. (مشترك {k})"})
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines),
                    encoding="utf-8")
    return path


def _ingest(path, url):
    return subprocess.Popen(
        [sys.executable, "-c", "from marsad.cli import main; main()", "ingest", str(path),
         "--db", url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_ingests_at_once_and_a_note_during_them(store_url, tmp_path):
    store = Store(store_url)
    from marsad.ingest import ingest_reports
    from marsad.records import Report
    ingest_reports([Report("seed", "قتل مدني في قصف على مدينة سراقب اليوم.", "2019-05-06",
                           "شبكة شام")], store)
    with store.engine.connect() as conn:
        seed = store.query_incidents(conn)[0]["id"]
    a = _ingest(_feed(tmp_path / "a.jsonl", 0, 300, shared=40), store_url)
    b = _ingest(_feed(tmp_path / "b.jsonl", 300, 300, shared=40), store_url)
    time.sleep(1.0)
    review.add_note(store, seed, "a note while two ingests run", "ana")  # must not fail
    outs = [p.communicate(timeout=600) for p in (a, b)]
    assert [p.returncode for p in (a, b)] == [0, 0], outs
    with store.engine.connect() as conn:
        n_reports = conn.execute(select(func.count()).select_from(reports)).scalar()
        unresolved = conn.execute(select(func.count()).select_from(events).where(
            events.c.incident_id.is_(None), events.c.country_code.is_not(None),
            events.c.aggregate.is_(False))).scalar()
        log = review.audit_log(conn, seed)
    assert n_reports == 1 + 600 + 40  # the shared reports stored once
    assert unresolved == 0
    assert any(e["action"] == "note" for e in log)
