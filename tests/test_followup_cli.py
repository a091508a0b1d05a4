"""`udi-rules status`, `register` and `calendar`: thin commands over udi_rules.followup, with the CLI's exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import icalendar
import pytest

from followup_support import case_text
from udi_rules.tools.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "saker"
EMN = str(EXAMPLES / "2027-03-emn-vaarmote.yaml")


def test_status_prints_one_line_per_duty_with_what_to_do_next(capsys):
    assert main(["status", EMN, "--as-of", "2027-03-10"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Sak 2027-03-emn-vaarmote per 10. mars 2027")
    assert "møtedeltakeren · Skriv en kort rapport fra møtet" in out and "åpen, 35 dager igjen" in out


def test_status_full_shows_each_finding_with_the_memos_words(capsys):
    gdisc = str(EXAMPLES / "2027-05-gdisc-ledermote.yaml")
    assert main(["status", gdisc, "--as-of", "2027-06-10", "--full"]) == 0
    out = capsys.readouterr().out
    assert "avvik: dokumenttypen er «Internt notat (X)», men skal være «Brev ut»" in out
    assert 'IM 2011-013 punkt 4.1: «Referatet skal sendes i WebSak som "Brev ut".' in out


def test_status_as_json_reads_back(capsys):
    assert main(["status", EMN, "--as-of", "2027-04-20", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["as_of"] == "2027-04-20" and {d["status"] for d in data["duties"]} >= {"done_on_time"}


def test_a_broken_case_file_exits_2_naming_file_line_and_field(tmp_path, capsys):
    path = tmp_path / "sak.yaml"
    path.write_text(case_text(events=[{"event": "report_filled", "date": "2027-03-10"}]), encoding="utf-8")
    assert main(["status", str(path), "--as-of", "2027-03-20"]) == 2
    err = capsys.readouterr().err
    assert f"{path}:" in err and "`events.0.event`: ukjent hendelse `report_filled`" in err and "report_filed" in err


def test_a_date_that_does_not_parse_on_the_command_line_is_a_usage_error(capsys):
    assert main(["status", EMN, "--as-of", "20.03.2027"]) == 64


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "html"])
def test_register_gives_every_format_and_filters_by_holder(fmt, capsys):
    code = main(["register", str(EXAMPLES), "--as-of", "2027-10-20", "--holder", "avdelingsdirektøren",
                 "--format", fmt])
    assert code == 0
    out = capsys.readouterr().out
    if fmt == "json":
        assert {d["holder"]["id"] for d in json.loads(out)["duties"]} == {"department_director"}
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows and all(r["holder"].startswith("avdelingsdirektøren") for r in rows)
    elif fmt == "html":
        assert out.startswith("<!DOCTYPE html>") and "avdelingsdirektøren" in out
    else:
        assert out.strip() and all("avdelingsdirektøren" in line for line in out.strip().splitlines())


def test_register_with_a_broken_file_still_shows_the_rest_and_exits_1(tmp_path, capsys):
    for name in ("2027-03-emn-vaarmote.yaml", "2027-10-igc-trakk-seg.yaml"):
        (tmp_path / name).write_text((EXAMPLES / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "odelagt.yaml").write_text(case_text(first_day="i morgen"), encoding="utf-8")
    assert main(["register", str(tmp_path), "--as-of", "2027-03-10", "--status", "overdue"]) == 1
    captured = capsys.readouterr()
    assert "2027-03-emn-vaarmote:" in captured.out
    assert "odelagt.yaml:" in captured.err and "meeting.first_day" in captured.err


def test_calendar_writes_an_ics_file_with_the_same_uids_each_time(tmp_path):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert main(["calendar", str(EXAMPLES), "-o", str(first), "--as-of", "2027-03-01"]) == 0
    assert main(["calendar", str(EXAMPLES), "-o", str(second), "--as-of", "2027-03-01"]) == 0
    uids = [[str(e["uid"]) for e in icalendar.Calendar.from_ical(p.read_bytes()).walk("VEVENT")] for p in (first, second)]
    assert uids[0] and uids[0] == uids[1]


def test_the_readmes_follow_up_example_runs(capsys, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Follow-up over time", 1)[1].split("\n## ", 1)[0]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - the README's own example
    assert "Sak 2027-03-emn-vaarmote per 20. mars 2027" in capsys.readouterr().out
    assert all(d.status == "overdue" for d in namespace["late"])
    assert main(["status", "examples/saker/2027-05-gdisc-ledermote.yaml", "--as-of", "2027-06-10"]) == 0


def test_calendar_adds_a_years_standing_duties_without_a_year_file(tmp_path):
    folder = tmp_path / "saker"
    folder.mkdir()
    (folder / "emn.yaml").write_text((EXAMPLES / "2027-03-emn-vaarmote.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "frister.ics"
    assert main(["calendar", str(folder), "-o", str(out), "--as-of", "2027-01-10", "--year", "2028"]) == 0
    summaries = [str(e["summary"]) for e in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    starts = [e.decoded("dtstart") for e in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert any("Justisdepartementet i første halvår" in s for s in summaries)
    assert any(d.year == 2028 for d in starts) and any(d.year == 2027 for d in starts)


def test_status_of_a_year_file_lists_the_standing_duties(capsys):
    assert main(["status", str(EXAMPLES / "aar-2027.yaml"), "--as-of", "2027-05-02"]) == 0
    out = capsys.readouterr().out
    assert "Sak aar-2027 per 2. mai 2027" in out
    assert "mangler fra Retur" in out and "forfalt" in out
