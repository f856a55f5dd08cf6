import json

from click.testing import CliRunner

from marsad.cli import cli


def test_extract_jsonl_has_the_acled_like_fields(samples):
    result = CliRunner().invoke(cli, ["extract", str(samples / "idlib_airstrike.txt"),
                                      "--published", "2019-05-05"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows, result.output
    for field in ("report_id", "event_index", "event_type", "sub_event_type", "date_start",
                  "date_end", "time_precision", "location_name", "country_code", "admin1",
                  "latitude", "longitude", "geo_precision", "actor1", "actor2", "killed_min",
                  "killed_max", "civilians_killed_min", "civilians_killed_max",
                  "children_killed_min", "combatants_killed_min", "injured_min", "injured_max",
                  "killed_or_injured_min", "named_killed", "sources", "aggregate", "evidence"):
        assert field in rows[0]
    first = rows[0]
    assert (first["killed_min"], first["civilians_killed_min"], first["children_killed_min"]) \
        == (7, 7, 2)
    assert first["date_start"] == "2019-05-05" and first["location_name"] == "كفرنبل"


def test_extract_table_and_a_bad_file_among_good_ones(samples, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    result = CliRunner().invoke(cli, ["extract", str(bad), str(samples / "baghdad_bombing.txt"),
                                      "--format", "table"])
    assert result.exit_code == 1
    assert "bad.txt: not UTF-8" in result.stderr
    assert "الكرادة" in result.stdout


def test_published_must_be_a_date(samples):
    result = CliRunner().invoke(cli, ["extract", str(samples), "--published", "yesterday"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_persian_report_gets_a_clear_note(samples):
    result = CliRunner().invoke(cli, ["extract", str(samples / "persian_report.txt")])
    assert result.exit_code == 0 and result.stdout == ""
    assert "language 'fa'" in result.stderr


def test_places_explains_a_name():
    from click.testing import CliRunner

    from marsad.cli import cli
    out = CliRunner().invoke(cli, ["places", "قرية معصران", "--near", "حماة"]).output
    assert "2 candidate(s)" in out and "chosen: معصران" in out and "Hama" in out.splitlines()[1]
    out = CliRunner().invoke(cli, ["places", "كفرزيتونة"]).output
    assert "not in the gazetteer" in out


def test_every_command_checks_published_the_same_way(tmp_path):
    from click.testing import CliRunner

    from marsad.cli import cli
    (tmp_path / "r.txt").write_text("قتل شخص في مدينة حلب.", encoding="utf-8")
    for args in (["extract", str(tmp_path / "r.txt")],
                 ["ingest", str(tmp_path / "r.txt"), "--db", str(tmp_path / "x.db")]):
        out = CliRunner().invoke(cli, args + ["--published", "yesterday"])
        assert out.exit_code == 2 and "YYYY-MM-DD" in out.output, args


def test_extract_reads_a_numeric_published_as_unknown():
    from marsad.extract import extract_report
    from marsad.records import Report
    result = extract_report(Report("r", "قتل شخص اليوم في قصف على مدينة حلب.", 20200101))
    assert result.events[0].date_start is None


def test_empty_folders_and_unwritable_exports_get_a_message_not_a_traceback(tmp_path):
    from click.testing import CliRunner

    from marsad.cli import cli
    (tmp_path / "empty").mkdir()
    out = CliRunner().invoke(cli, ["ingest", str(tmp_path / "empty"), "--db",
                                   str(tmp_path / "x.db")])
    assert out.exit_code == 1 and "no reports found" in out.output
    out = CliRunner().invoke(cli, ["export", "--format", "jsonl", "-o",
                                   str(tmp_path / "missing" / "x.jsonl"), "--db",
                                   str(tmp_path / "x.db")])
    assert out.exit_code == 1 and "cannot write" in out.output and "Traceback" not in out.output
