"""One extraction result as table rows (reports, events, evidence): the same rows for the
store and for batch Parquet, so both paths record the same thing."""

from __future__ import annotations

from typing import Any

from marsad import EXTRACTOR_VERSION
from marsad.extract import Result
from marsad.read import content_id


def result_rows(result: Result) -> tuple[dict[str, Any], list[dict[str, Any]],
                                         list[dict[str, Any]]]:
    """(report row, event rows, evidence rows). Ids: the report's text hash, and
    ``<report id>:<event index>`` for events."""
    rep = result.report
    rid = content_id(rep.text)
    report = {"id": rid, "name": rep.report_id, "origin": rep.origin, "outlet": rep.outlet,
              "url": rep.url, "title": rep.title, "published": rep.published,
              "language": result.language, "message": result.message, "text": rep.text,
              "extractor_version": EXTRACTOR_VERSION}
    events, evidence = [], []
    for e in result.events:
        row = e.to_dict()
        spans = row.pop("evidence")
        row.update(id=f"{rid}:{e.event_index}", report_id=rid)
        events.append(row)
        evidence += [{"event_id": row["id"], **s} for s in spans]
    return report, events, evidence
