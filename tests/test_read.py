import json

from marsad.read import ReadError, read_inputs


def test_txt_html_and_jsonl_are_read(tmp_path):
    (tmp_path / "a.txt").write_text("قتل مدني في قصف على حلب.", encoding="utf-8")
    (tmp_path / "b.html").write_text(
        "<html><head><title>قصف على حلب</title><meta property='og:site_name' content='مرصد'>"
        "<meta name='date' content='2019-05-03'></head><body><article><p>قتل ثلاثة مدنيين في "
        "غارات جوية على بلدة كفرنبل اليوم الجمعة، وفق ما أفاد ناشطون محليون للموقع.</p><p>وقال"
        " الدفاع المدني إن فرقه انتشلت الجثث من تحت الأنقاض بعد ساعات من العمل.</p></article>"
        "</body></html>", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"text": "قتل شخصان", "published": "2020-01-02", "outlet": "X"},
                   ensure_ascii=False) + "\n", encoding="utf-8")
    items = list(read_inputs([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Report", "Report", "Report"]
    html = items[1]
    assert html.published == "2019-05-03" and html.outlet == "مرصد"
    assert "كفرنبل" in html.text and "<p>" not in html.text
    assert (items[2].published, items[2].outlet) == ("2020-01-02", "X")


def test_bad_inputs_are_named_and_the_rest_still_read(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes(b"qutila" + b"\xe9\xff")
    (tmp_path / "lines.jsonl").write_text(
        '{"text": "قتل مدني"}\nnot json\n{"title": "no text"}\n{"text": "جرح اثنان"}\n',
        encoding="utf-8")
    (tmp_path / "good.txt").write_text("قتل مدني", encoding="utf-8")
    items = list(read_inputs(sorted(tmp_path.iterdir()) + [tmp_path / "missing.txt"]))
    errors = [str(i) for i in items if isinstance(i, ReadError)]
    reports = [i for i in items if not isinstance(i, ReadError)]
    assert len(reports) == 3
    assert any("empty.txt" in e and "empty" in e for e in errors)
    assert any("latin1.txt" in e and "UTF-8" in e for e in errors)
    assert any(e.endswith("lines.jsonl:2: not JSON (Expecting value at column 1)") for e in errors)
    assert any("lines.jsonl:3" in e and "'text'" in e for e in errors)
    assert any("missing.txt" in e and "no such file" in e for e in errors)


def test_bad_field_types_are_named_by_line_and_the_rest_is_read(tmp_path):
    import json

    from marsad.read import ReadError, read_inputs
    lines = [{"text": "قتل شخص في مدينة حلب.", "url": 5},
             {"text": "قتل شخص في مدينة حلب.", "outlet": ["x"]},
             {"text": "قتل شخص في مدينة حلب.", "published": 20200101},
             {"text": "قتل شخص في مدينة حلب.", "published": "yesterday"},
             {"text": "قتل\u0000 شخص في مدينة حماة.", "url": "javascript:alert(1)",
              "outlet": "=HYPERLINK(\"x\")"}]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    out = list(read_inputs([path]))
    errors = [str(x) for x in out if isinstance(x, ReadError)]
    assert [e.split(": ", 1)[0] for e in errors] == [f"{path}:{n}" for n in (1, 2, 3, 4)]
    assert "field 'url' must be a string" in errors[0] and "int 20200101" in errors[2]
    (report,) = [x for x in out if not isinstance(x, ReadError)]
    assert "\x00" not in report.text and report.url is None  # NUL dropped, no javascript:


def test_an_rss_entry_that_is_only_a_comment_does_not_stop_the_feed(tmp_path):
    from marsad.read import ReadError, read_inputs
    feed = tmp_path / "f.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        '<item><title></title><description><![CDATA[<!-- only a comment -->]]></description>'
        '</item><item><title>قتل شخص في مدينة حلب</title><link>https://example.org/1</link>'
        '<description>قتل شخص في قصف على مدينة حلب.</description></item></channel></rss>',
        encoding="utf-8")
    out = list(read_inputs([feed]))
    assert isinstance(out[0], ReadError) and out[1].url == "https://example.org/1"


def test_a_fifo_named_txt_is_named_not_waited_for(tmp_path):
    import os

    from marsad.read import read_inputs
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text("قتل شخص في قصف على مدينة حلب.", encoding="utf-8")
    out = list(read_inputs([tmp_path]))
    assert [type(x).__name__ for x in out] == ["Report", "ReadError"]
    assert "not a regular file" in str(out[1])


def test_a_report_over_the_size_cap_is_an_error_that_says_how_to_fix_it(tmp_path,
                                                                        monkeypatch):
    from marsad.read import ReadError, read_inputs
    monkeypatch.setenv("MARSAD_MAX_REPORT_CHARS", "100")
    (tmp_path / "big.txt").write_text("قتل شخص في قصف على مدينة حلب. " * 10, encoding="utf-8")
    (err,) = list(read_inputs([tmp_path / "big.txt"]))
    assert isinstance(err, ReadError) and "split the bulletin" in str(err)


def test_bidi_overrides_are_dropped_so_what_is_highlighted_is_what_was_read():
    from marsad.read import clean_text
    assert clean_text("قتل \u202e12\u202c مدنيا") == "قتل 12 مدنيا"
