"""Random JSON Lines fed to `ingest`: whatever the types in a record, or bytes that are not
text at all, every good report is stored and every bad line is named by file and line
(on SQLite and PostgreSQL)."""

import json
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from marsad.ingest import ingest_paths
from marsad.read import clean_text, content_id

TEXTS = ["قتل مدنيان في قصف مدفعي على بلدة كفرنبل اليوم.", "بيان عن الطقس في المدينة.",
         "أصيب ثلاثة أشخاص بانفجار عبوة ناسفة في مدينة الموصل.", "x"]
ANY = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                   | st.text(max_size=8), lambda inner: st.lists(inner, max_size=3)
                   | st.dictionaries(st.text(max_size=4), inner, max_size=3), max_leaves=6)
NOT_STRING = ANY.filter(lambda v: v is not None and not isinstance(v, str))


def good():
    return st.builds(lambda t, out: {"text": t, "outlet": out, "published": "2024-05-01"},
                     st.sampled_from(TEXTS) | st.text(min_size=1).filter(str.strip),
                     st.none() | st.text(max_size=20))


def bad():
    return st.one_of(
        st.builds(lambda v: json.dumps(v), ANY.filter(lambda v: not isinstance(v, dict))),
        st.builds(lambda v: json.dumps({"text": v}), NOT_STRING),
        st.builds(lambda f, v: json.dumps({"text": "قتل مدني في حلب.", f: v}),
                  st.sampled_from(["url", "outlet", "title", "published"]), NOT_STRING),
        st.builds(lambda v: json.dumps({"text": "قتل مدني في حلب.", "published": v}),
                  st.sampled_from(["yesterday", "2020-13-01", "01.01.2020"])),
        st.binary(max_size=30).map(lambda b: b"\xff" + b.replace(b"\n", b"")),  # not UTF-8
    )


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(lines=st.lists(st.tuples(st.booleans(), st.data()), min_size=1, max_size=12))
def test_random_records_cost_only_themselves(store, tmp_path, lines):
    run = uuid.uuid4().hex[:8]
    path = tmp_path / f"fuzz-{run}.jsonl"
    chunks, good_ids, bad_lines = [], [], []
    for n, (is_good, data) in enumerate(lines, start=1):
        if is_good:
            rec = data.draw(good())
            rec["id"] = f"{run}-{n}"
            good_ids.append(content_id(clean_text(rec["text"])))  # stored by its words
            chunks.append(json.dumps(rec).encode())
        else:
            line = data.draw(bad())
            bad_lines.append(n)
            chunks.append(line if isinstance(line, bytes) else line.encode())
    path.write_bytes(b"\n".join(chunks) + b"\n")
    summary = ingest_paths([str(path)], store)
    assert summary.failed == len(bad_lines)
    assert [int(e.split(":")[1].split(":")[0]) for e in summary.errors] == bad_lines
    assert summary.new + summary.duplicate == len(good_ids)  # the same words twice: once
    with store.engine.connect() as conn:
        stored = {r[0] for r in conn.execute(text("SELECT id FROM reports"))}
    assert set(good_ids) <= stored
