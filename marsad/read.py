"""Reading reports from disk: .txt, .html (trafilatura), .jsonl; folders recursively.

Each input yields either a Report or a ReadError naming the file (and line) and what is
wrong, so one bad file never stops the others. For HTML, the report text is the article
text trafilatura extracts: evidence offsets point into that text, which is what is kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.records import Report

_SURROGATE = re.compile("[\ud800-\udfff]")
_HTTP = re.compile(r"^https?://\S+$", re.IGNORECASE)
# bidi embedding, override and isolate controls: U+202E around "12" shows "21"; dropped so
# what a reviewer sees highlighted is what was read
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
MAX_CHARS = 2_000_000  # per report; MARSAD_MAX_REPORT_CHARS overrides it
SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".xml", ".rss", ".atom")


@dataclass(frozen=True)
class ReadError:
    origin: str  # "path" or "path:line"
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def clean_text(text: str) -> str:
    """Text that can be stored: a lone surrogate (from a bad \\uXXXX escape in JSON)
    becomes U+FFFD instead of failing every write; NUL (which PostgreSQL refuses in text)
    and bidi override controls (which make a highlighted "12" look like "21") are dropped."""
    return _BIDI.sub("", _SURROGATE.sub("\ufffd", text).replace("\x00", ""))


def check_day(value: object, field: str = "published") -> str | None:
    """A YYYY-MM-DD day, or a ValueError naming the field and what is wrong. The one check
    extract, ingest, batch and every reader use for a publication date."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"field '{field}' must be a YYYY-MM-DD string, not "
                         f"{type(value).__name__} {value!r}")
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise ValueError(f"field '{field}' is not a date: {value!r}; write it as "
                         f"YYYY-MM-DD") from None


def safe_url(value: object) -> str | None:
    """Only http(s) links are kept: a javascript: or data: URL never reaches a page."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    return url if _HTTP.match(url) else None


def content_id(text: str) -> str:
    """A stable id for a report's text: the same words always get the same id."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _decode(data: bytes, origin: str) -> str | ReadError:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return ReadError(origin, f"not UTF-8 text (invalid byte at offset {exc.start}); "
                                 "convert it with iconv -t UTF-8")
    if not text.strip():
        return ReadError(origin, "empty file: no report text")
    return text


def _read_txt(path: Path, published: str | None, outlet: str | None) -> Iterator:
    text = _decode(path.read_bytes(), str(path))
    if isinstance(text, ReadError):
        yield text
        return
    yield Report(path.stem, clean_text(text), published, outlet, None, None, str(path))


def _read_html(path: Path, published: str | None, outlet: str | None) -> Iterator:
    import trafilatura

    html = _decode(path.read_bytes(), str(path))
    if isinstance(html, ReadError):
        yield html
        return
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None or not (doc.text or "").strip():
        yield ReadError(str(path), "no article text found in the HTML")
        return
    yield Report(path.stem, clean_text(doc.text), published or doc.date,
                 outlet or doc.sitename, safe_url(doc.url), doc.title, str(path))


def _read_jsonl(path: Path, published: str | None, outlet: str | None) -> Iterator:
    raw = path.read_bytes()
    if not raw.strip():
        yield ReadError(str(path), "empty file: no report text")
        return
    # line by line from the bytes: a bad byte costs its own line only, and a U+2028 inside
    # a JSON string does not split a record
    for n, chunk in enumerate(raw.removeprefix(b"\xef\xbb\xbf").split(b"\n"), start=1):
        origin = f"{path}:{n}"
        try:
            line = chunk.rstrip(b"\r").decode("utf-8")
        except UnicodeDecodeError as exc:
            yield ReadError(origin, f"not UTF-8 text (invalid byte at column {exc.start + 1})")
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(origin, f"not JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield ReadError(origin, "expected a JSON object with a 'text' field")
            continue
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            yield ReadError(origin, "field 'text' is missing or empty")
            continue
        bad = next((f for f in ("outlet", "url", "title") if obj.get(f) is not None
                    and not isinstance(obj[f], str)), None)
        if bad is not None:
            yield ReadError(origin, f"field '{bad}' must be a string, not "
                                    f"{type(obj[bad]).__name__}")
            continue
        if obj.get("id") is not None and not isinstance(obj["id"], str | int):
            yield ReadError(origin, f"field 'id' must be a string or a number, not "
                                    f"{type(obj['id']).__name__}")
            continue
        try:
            day = published or check_day(obj.get("published"))
        except ValueError as exc:
            yield ReadError(origin, str(exc))
            continue
        rid = obj.get("id") or f"{path.stem}-{n}"
        title = clean_text(obj["title"]) if obj.get("title") else None
        yield Report(str(rid), clean_text(text), day,
                     outlet or clean_text(obj.get("outlet") or "") or None,
                     safe_url(obj.get("url")), title, origin)


def _read_feed(path: Path, published: str | None, outlet: str | None) -> Iterator:
    """RSS/Atom: one report per entry, its HTML reduced to text."""
    import feedparser
    import lxml.html

    feed = feedparser.parse(path.read_bytes())
    if feed.bozo and not feed.entries:
        yield ReadError(str(path), f"not an RSS/Atom feed ({feed.bozo_exception})")
        return
    site = outlet or feed.feed.get("title")
    for n, entry in enumerate(feed.entries, start=1):
        origin = f"{path}#{n}"
        html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        try:
            body = lxml.html.fromstring(html).text_content().strip() if html.strip() else ""
        except Exception:  # lxml: "Document is empty" for an entry that is only a comment
            body = ""
        title = entry.get("title") or ""
        text = f"{title}\n\n{body}".strip() if body else title.strip()
        if not text:
            yield ReadError(origin, "feed entry has no title or text")
            continue
        day = published
        if day is None and entry.get("published_parsed"):
            p = entry.published_parsed
            day = f"{p.tm_year:04d}-{p.tm_mon:02d}-{p.tm_mday:02d}"
        yield Report(entry.get("id") or f"{path.stem}-{n}", clean_text(text), day, site,
                     safe_url(entry.get("link")), title or None, origin)


_READERS = {".txt": _read_txt, ".html": _read_html, ".htm": _read_html, ".jsonl": _read_jsonl,
            ".xml": _read_feed, ".rss": _read_feed, ".atom": _read_feed}


def read_inputs(paths: Iterable[str | Path], published: str | None = None,
                outlet: str | None = None) -> Iterator[Report | ReadError]:
    """Reports from files and folders, in the order given (folders sorted); a report over
    the size cap is an error naming it, not a run that never ends."""
    cap = int(os.environ.get("MARSAD_MAX_REPORT_CHARS") or MAX_CHARS)
    for item in _read_all(paths, published, outlet):
        if isinstance(item, Report) and len(item.text) > cap:
            yield ReadError(item.origin or item.report_id,
                            f"report of {len(item.text):,} characters is over the cap of "
                            f"{cap:,} (MARSAD_MAX_REPORT_CHARS); split the bulletin into "
                            f"reports")
            continue
        yield item


def _walk(folder: Path) -> tuple[list[Path], list[ReadError]]:
    """Report files under a folder, sorted, and the subfolders that could not be read."""
    unreadable: list[ReadError] = []

    def note(exc: OSError) -> None:
        unreadable.append(ReadError(str(exc.filename), f"cannot read folder: {exc.strerror}"))

    files = [Path(root) / n for root, _, names in os.walk(folder, onerror=note)
             for n in names if Path(n).suffix.lower() in SUFFIXES]
    return sorted(files), unreadable


def _read_all(paths: Iterable[str | Path], published: str | None,
              outlet: str | None) -> Iterator[Report | ReadError]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files, unreadable = _walk(path)
            yield from unreadable
            yield from _read_all(files, published, outlet)
            continue
        if not path.exists():
            yield ReadError(str(path), "no such file")
            continue
        if not path.is_file():  # a FIFO or a device named .txt would block the run
            yield ReadError(str(path), "not a regular file")
            continue
        reader = _READERS.get(path.suffix.lower())
        if reader is None:
            yield ReadError(str(path), f"unsupported file type '{path.suffix}'; "
                                       f"use one of {', '.join(SUFFIXES)}")
            continue
        try:
            yield from reader(path, published, outlet)
        except OSError as exc:
            yield ReadError(str(path), f"cannot read: {exc.strerror or exc}")
