"""Follow-up over time: case files, status as of a date, form findings, the year, the register, the calendar."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timezone
from pathlib import Path

import icalendar
import pytest

from followup_support import case_data, case_text, write_register
from udi_rules import Rulebook
from udi_rules.followup import Case, CaseError, YearRecord, case_status, dump_case, load_case, read_case, year_status
from udi_rules.followup.calendar import to_ical
from udi_rules.followup.html import render_html
from udi_rules.followup.register import as_csv, as_json, as_text, load_register

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "saker"
D = date.fromisoformat


@pytest.fixture(scope="module")
def rulebook() -> Rulebook:
    return Rulebook.default()


def status_of(rulebook: Rulebook, as_of: str, **kwargs) -> dict[str, object]:
    case = read_case(case_text(**kwargs), "sak.yaml")
    assert isinstance(case, Case)
    return {d.rule_id: d for d in case_status(case, D(as_of), rulebook).duties}


def error_of(text: str, file: str = "sak.yaml") -> CaseError:
    with pytest.raises(CaseError) as caught:
        read_case(text, file)
    return caught.value


# --- reading case files ---------------------------------------------------------------------------

def test_a_case_round_trips_through_yaml_and_json():
    case = load_case(EXAMPLES / "2027-03-emn-vaarmote.yaml")
    for fmt in ("yaml", "json"):
        again = read_case(dump_case(case, fmt), f"kopi.{fmt}")
        assert again == case


def test_a_service_builds_a_case_from_a_dict_and_stores_it_as_json():
    case = Case.model_validate(case_data(events=[{"event": "minutes_received", "date": "2027-03-20"}]))
    assert Case.model_validate_json(case.model_dump_json()) == case
    record = read_case(json.dumps({"year": 2027, "events": [{"event": "account_given", "date": "2027-06-01"}]}), "a.json")
    assert read_case(dump_case(record), "a.yaml") == record


def test_a_meeting_that_ends_before_it_begins_is_located_at_the_last_day():
    [d] = error_of(case_text(first_day="2027-03-03", last_day="2027-03-02")).diagnostics
    assert "meeting.last_day" in d.nb and "før første dag" in d.nb


def test_a_request_cannot_have_a_report_filed():
    text = json.dumps({"request": {"received_by": "RMA"}, "events": [{"event": "report_filed", "date": "2027-03-01"}]})
    [d] = error_of(text, "henvendelse.json").diagnostics
    assert d.code == "event-not-for-request" and d.location.file == "henvendelse.json"


def test_a_case_needs_a_meeting_or_a_request_and_says_so():
    [d] = error_of("events: []\n").diagnostics
    assert d.code == "meeting-or-request"


def test_an_unknown_event_type_names_file_line_field_and_the_nearest_event():
    text = case_text(events=[{"event": "report_filled", "date": "2027-03-10"}])
    error = error_of(text)
    [d] = error.diagnostics
    assert d.code == "unknown-event"
    assert str(d.location).startswith("sak.yaml:")
    assert d.location.line == text.splitlines().index("- event: report_filled") + 1
    assert "events.0.event" in d.nb and "report_filled" in d.nb
    assert "`report_filed`" in d.hint_nb


def test_a_date_that_does_not_parse_names_the_file_and_the_field():
    text = case_text(events=[{"event": "minutes_received", "date": "2027-02-30"}])
    [d] = error_of(text, "saker/emn.yaml").diagnostics
    assert d.location.file == "saker/emn.yaml" and d.location.line > 0
    assert "events.0.date" in d.nb and "er ikke en dato" in d.nb and "2027-02-30" in d.nb


def test_a_meeting_date_that_does_not_parse_is_located_in_the_meeting():
    text = case_text(first_day="2. mars 2027")
    [d] = error_of(text).diagnostics
    assert "meeting.first_day" in d.nb and "er ikke en dato" in d.nb
    assert d.location.line == next(i for i, l in enumerate(text.splitlines(), 1) if "first_day" in l)


def test_a_report_filed_before_the_meeting_is_an_error():
    text = case_text(events=[{"event": "report_filed", "date": "2027-03-01"}])
    [d] = error_of(text).diagnostics
    assert d.code == "event-before-meeting"
    assert "events.0.date" in d.nb and "før møtet" in d.nb


def test_withdrawing_after_the_meeting_ended_is_an_error():
    [d] = error_of(case_text(events=[{"event": "udi_withdrew", "date": "2027-03-04"}])).diagnostics
    assert d.code == "withdrew-after-meeting"


def test_every_problem_in_a_file_is_reported_at_once():
    text = case_text(events=[{"event": "meeting_hold", "date": "2027-03-03"},
                             {"event": "minutes_received", "date": "i går"},
                             {"event": "letter_sent", "date": "2027-03-20", "sendr": "avdelingsdirektør"}])
    codes = [d.code for d in error_of(text).diagnostics]
    assert codes == ["unknown-event", "invalid-date_from_datetime_parsing", "unknown-field"]


def test_an_unknown_fact_learned_suggests_the_fact_meant():
    text = case_text(events=[{"event": "facts_learned", "date": "2027-03-04",
                              "facts": {"principled_question_discussed": True}}])
    [d] = error_of(text).diagnostics
    assert d.code == "unknown-fact" and "`principled_questions_discussed`" in d.hint_nb


def test_an_unreadable_yaml_file_is_a_located_case_error():
    [d] = error_of("meeting: [unclosed\n").diagnostics
    assert d.location.file == "sak.yaml" and d.location.line >= 1


# --- status as of a date ---------------------------------------------------------------------------

def test_before_the_meeting_the_report_is_not_yet_due_and_the_clearance_is_open():
    duties = status_of(Rulebook.default(), "2027-02-20")
    assert duties["4.1-intern-rapport"].status == "not_yet_due"
    assert duties["3.1-klarering"].status == "open" and duties["3.1-klarering"].days_left == 9


def test_the_clearance_is_overdue_the_day_after_its_deadline(rulebook):
    assert status_of(rulebook, "2027-03-01")["3.1-klarering"].status == "open"
    assert status_of(rulebook, "2027-03-02")["3.1-klarering"].status == "overdue"


def test_a_clearance_done_after_its_deadline_is_done_late(rulebook):
    events = [{"event": "participation_cleared", "date": "2027-03-02"}]
    duty = status_of(rulebook, "2027-03-10", events=events)["3.1-klarering"]
    assert (duty.status, duty.done_on) == ("done_late", D("2027-03-02"))


def test_without_minutes_the_report_is_due_two_weeks_after_the_meeting(rulebook):
    events = [{"event": "facts_learned", "date": "2027-03-04", "facts": {"official_minutes_expected": False}}]
    duty = status_of(rulebook, "2027-03-10", events=events)["4.1-intern-rapport"]
    assert (duty.status, duty.deadline, duty.days_left) == ("open", D("2027-03-17"), 7)


def test_minutes_arriving_late_move_the_report_deadline(rulebook):
    events = [{"event": "facts_learned", "date": "2027-03-04", "facts": {"official_minutes_expected": True}},
              {"event": "minutes_received", "date": "2027-03-24"}]
    before = status_of(rulebook, "2027-03-20", events=events)["4.1-intern-rapport"]
    after = status_of(rulebook, "2027-03-24", events=events)["4.1-intern-rapport"]
    assert before.deadline_window == (D("2027-03-17"), D("2027-04-14")) and before.status == "open"
    assert after.deadline == D("2027-03-24") and after.deadline_window is None


def test_minutes_that_never_come_make_the_report_overdue_after_the_outer_limit(rulebook):
    events = [{"event": "facts_learned", "date": "2027-03-04", "facts": {"official_minutes_expected": True}}]
    assert status_of(rulebook, "2027-04-14", events=events)["4.1-intern-rapport"].status == "open"
    late = status_of(rulebook, "2027-04-15", events=events)["4.1-intern-rapport"]
    assert (late.status, late.deadline) == ("overdue", D("2027-04-14"))


def test_when_udi_withdrew_no_report_is_due(rulebook):
    duties = status_of(rulebook, "2027-04-30", events=[{"event": "udi_withdrew", "date": "2027-02-20"}])
    assert duties["4.1-intern-rapport"].status == "no_longer_applies"
    assert all(d.status == "no_longer_applies" for d in duties.values())


def test_a_duty_that_depends_on_an_unknown_fact_may_become_due(rulebook):
    duty = status_of(rulebook, "2027-03-10")["4.1-intern-rapport-vedlegg"]
    assert duty.status == "may_become_due" and duty.questions == ["official_minutes_exist"]
    assert "referat" in duty.condition.nb


def test_events_after_the_date_asked_about_are_not_known_yet(rulebook):
    events = [{"event": "report_filed", "date": "2027-03-12"}]
    assert status_of(rulebook, "2027-03-11", events=events)["4.1-intern-rapport"].status == "open"
    assert status_of(rulebook, "2027-03-12", events=events)["4.1-intern-rapport"].status == "done_on_time"


def test_a_deadline_across_the_new_year_counts_into_january(rulebook):
    events = [{"event": "facts_learned", "date": "2027-12-21", "facts": {"official_minutes_expected": False}}]
    duty = status_of(rulebook, "2027-12-31", first_day="2027-12-20", last_day="2027-12-20",
                     events=events)["4.1-intern-rapport"]
    assert (duty.deadline, duty.days_left) == (D("2028-01-03"), 3)


def test_a_pre_meeting_deadline_on_the_first_of_the_month_falls_in_the_previous_month(rulebook):
    duty = status_of(rulebook, "2027-02-26", first_day="2027-03-01", last_day="2027-03-01")["3.1-klarering"]
    assert duty.deadline == D("2027-02-26") and duty.status == "open" and duty.days_left == 0


# --- form findings ------------------------------------------------------------------------------------

GOOD_REPORT = {"event": "report_filed", "date": "2027-03-10",
               "title": "Intern rapportering fra møte – EMN – Nasjonale kontaktpunkter",
               "document_type": "Internt notat (X)", "template": "Intern rapportering fra møte – internasjonale fora",
               "recipients": ["AUA ved Internasjonal enhet", "ASA"], "copies": ["Kari Nordmann"],
               "minutes_attached": True}
GOOD_LETTER = {"event": "letter_sent", "date": "2027-03-10", "sender": "avdelingsdirektør", "document_type": "Brev ut",
               "template": "UDIs rapportering fra møte – internasjonale fora", "recipients": ["JD"], "copies": ["IGS"],
               "attachments": ["offisielt referat"]}
AFTER = [{"event": "facts_learned", "date": "2027-03-04",
          "facts": {"official_minutes_expected": True, "principled_questions_discussed": True}},
         {"event": "minutes_received", "date": "2027-03-08"}]


def findings(rulebook, rule: str, event: dict) -> list:
    return status_of(rulebook, "2027-03-20", events=[*AFTER, event])[rule].findings


def test_a_report_in_the_memos_form_has_no_findings(rulebook):
    assert findings(rulebook, "4.1-intern-rapport", GOOD_REPORT) == []
    assert findings(rulebook, "4.1-brev-til-departementet", GOOD_LETTER) == []


@pytest.mark.parametrize("change, code, provision", [
    ({"title": "Referat EMN mars"}, "title", "4.1-5"),
    ({"recipients": ["ASA"]}, "missing-recipient", "4.1-7"),
    ({"minutes_attached": False}, "minutes-not-attached", "4.1-8"),
    ({"template": "Notat"}, "template", "4.1-6"),
    ({"document_type": "Notat"}, "document_type", "4.1-6"),
])
def test_each_deviation_of_the_report_is_its_own_finding_quoting_the_memo(rulebook, change, code, provision):
    [finding] = findings(rulebook, "4.1-intern-rapport", {**GOOD_REPORT, **change})
    assert (finding.code, finding.provision) == (code, provision)
    assert finding.quote == rulebook.catalogue.provisions[provision].quote


@pytest.mark.parametrize("change, code", [
    ({"document_type": "Internt notat (X)"}, "document_type"),
    ({"sender": "seniorrådgiver"}, "sender"),
    ({"copies": []}, "missing-copy"),
    ({"attachments": []}, "minutes-not-attached"),
])
def test_each_deviation_of_the_letter_is_its_own_finding(rulebook, change, code):
    [finding] = findings(rulebook, "4.1-brev-til-departementet", {**GOOD_LETTER, **change})
    assert finding.code == code and finding.section == "4.1"


def test_a_title_that_differs_only_in_dashes_and_spaces_follows_the_pattern(rulebook):
    event = {**GOOD_REPORT, "title": "Intern rapportering fra møte - EMN -  Nasjonale kontaktpunkter"}
    assert findings(rulebook, "4.1-intern-rapport", event) == []


def test_minutes_that_came_after_the_report_are_not_a_finding(rulebook):
    events = [{"event": "facts_learned", "date": "2027-03-04", "facts": {"official_minutes_expected": True}},
              {**GOOD_REPORT, "date": "2027-03-09", "minutes_attached": False},
              {"event": "minutes_received", "date": "2027-03-12"}]
    assert status_of(rulebook, "2027-03-20", events=events)["4.1-intern-rapport"].findings == []


# --- the year ---------------------------------------------------------------------------------------------

def year(events: list[dict], coordinators=("Schengen", "EMN")) -> YearRecord:
    record = read_case(json.dumps({"year": 2027, "coordinators": list(coordinators), "events": events}), "aar.json")
    assert isinstance(record, YearRecord)
    return record


def test_the_half_yearly_meetings_count_for_the_half_they_were_held_in(rulebook):
    record = year([{"event": "jd_meeting_held", "date": "2027-07-01"}])
    duties = {d.duty_id: d for d in year_status(record, D("2027-07-02"), rulebook).duties}
    assert duties["moj_meeting_first_half"].status == "overdue"
    assert duties["moj_meeting_second_half"].status == "done_on_time"
    assert duties["mfa_meeting_second_half"].status == "open"
    assert year_status(record, D("2027-06-30"), rulebook).duties  # the first half still open on 30 June
    early = {d.duty_id: d for d in year_status(record, D("2027-06-30"), rulebook).duties}
    assert early["moj_meeting_first_half"].status == "open"
    assert early["mfa_meeting_second_half"].status == "not_yet_due"


def test_the_coordinators_notes_are_done_when_the_last_one_is_filed(rulebook):
    record = year([{"event": "coordinator_note_filed", "date": "2027-04-10", "by": "Schengen"},
                   {"event": "coordinator_note_filed", "date": "2027-05-03", "by": "emn"}])
    note = lambda day: next(d for d in year_status(record, D(day), rulebook).duties if d.duty_id == "annual_field_note")
    assert note("2027-04-20").status == "open" and note("2027-04-20").missing == ["EMN"]
    assert note("2027-05-02").status == "overdue"
    assert (note("2027-05-03").status, note("2027-05-03").done_on) == ("done_late", D("2027-05-03"))


def test_an_account_not_given_by_new_year_is_overdue(rulebook):
    record = year([])
    by = lambda day: {d.duty_id: d.status for d in year_status(record, D(day), rulebook).duties}
    assert by("2027-12-31")["combined_account"] == "open"
    assert by("2028-01-01")["combined_account"] == "overdue"


def test_a_year_event_outside_its_year_is_an_error():
    with pytest.raises(CaseError) as caught:
        year([{"event": "jd_meeting_held", "date": "2028-01-02"}])
    assert caught.value.diagnostics[0].code == "event-outside-year"


# --- the register -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def big_register(tmp_path_factory, rulebook):
    folder = tmp_path_factory.mktemp("register")
    write_register(folder, 60)
    (folder / "odelagt.yaml").write_text(case_text(events=[{"event": "report_filed", "date": "2027-13-01"}]),
                                         encoding="utf-8")
    return folder, load_register(folder, D("2027-07-01"), rulebook)


def test_a_register_of_sixty_cases_is_one_table_sorted_by_deadline(big_register):
    _, register = big_register
    assert len(register.cases) == 60
    deadlines = [d.deadline for d in register.duties if d.deadline]
    assert deadlines == sorted(deadlines) and len(deadlines) > 300


def test_one_broken_case_file_is_reported_with_file_and_field_and_the_rest_still_evaluated(big_register):
    folder, register = big_register
    [problem] = register.problems
    assert problem.location.file == str(folder / "odelagt.yaml") and problem.location.line > 0
    assert "events.0.date" in problem.nb
    assert len(register.cases) == 60


def test_the_register_filters_by_holder_department_forum_and_status(big_register):
    _, register = big_register
    overdue = register.select(status=["overdue"])
    assert overdue and all(d.status == "overdue" for d in overdue)
    opa = register.select(department="opa", forum="EMN")
    assert opa and all(d.department == "OPA" and d.forum == "EMN" for d in opa)
    director = register.select(holder="avdelingsdirektøren")
    assert director and all("avdelingsdirektøren" in d.holder.name.nb for d in director)
    with pytest.raises(ValueError):
        register.select(status=["forfalt"])


def test_the_register_gives_text_json_and_csv(big_register):
    _, register = big_register
    duties = register.select(status=["overdue"])
    assert len(as_text(duties).splitlines()) == len(duties)
    assert json.loads(as_json(register, duties))["duties"][0]["status"] == "overdue"
    rows = list(csv.DictReader(io.StringIO(as_csv(duties))))
    assert len(rows) == len(duties) and rows[0]["status"] == "overdue"


def test_a_register_from_csv_reads_lists_booleans_and_event_dates(tmp_path, rulebook):
    path = tmp_path / "saker.csv"
    path.write_text(
        "id,forum,topic,first_day,last_day,responsible_department,delegation,udi_leader_attends,report_filed\n"
        "a,EMN,Tema,2027-03-02,2027-03-03,ASA,ASA;JD,nei,2027-03-10\n"
        "b,EMN,Tema,2027-03-02,2027-03-03,ASA,ASA,ja,2027-02-31\n", encoding="utf-8")
    register = load_register(path, D("2027-03-20"), rulebook)
    assert [c.case_id for c in register.cases] == ["a"]
    assert {d.rule_id: d.status for d in register.cases[0].duties}["4.1-intern-rapport"] == "done_on_time"
    [problem] = register.problems
    assert (problem.location.line, problem.location.col) == (3, 9) and "report_filed" in problem.nb


def test_a_csv_row_with_a_report_before_its_meeting_names_row_and_column(tmp_path, rulebook):
    path = tmp_path / "saker.csv"
    path.write_text("id,forum,topic,first_day,last_day,responsible_department,report_filed\n"
                    "a,EMN,Tema,2027-03-02,2027-03-03,ASA,2027-02-10\n", encoding="utf-8")
    [problem] = load_register(path, D("2027-03-20"), rulebook).problems
    assert (problem.code, problem.location.line, problem.location.col) == ("event-order", 2, 7)
    assert "`report_filed`" in problem.nb and "før møtet begynte" in problem.nb


def test_a_csv_cell_that_is_not_yes_or_no_names_row_and_column(tmp_path, rulebook):
    path = tmp_path / "saker.csv"
    path.write_text("id,forum,topic,first_day,last_day,responsible_department,udi_leader_attends\n"
                    "a,EMN,Tema,2027-03-02,2027-03-03,ASA,kanskje\n", encoding="utf-8")
    [problem] = load_register(path, D("2027-03-20"), rulebook).problems
    assert (problem.location.line, problem.location.col) == (2, 7) and "ja eller nei" in problem.nb


def test_an_unknown_csv_column_suggests_the_column_meant(tmp_path, rulebook):
    path = tmp_path / "saker.csv"
    path.write_text("id,forum,topic,first_day,last_day,responsible_departmnt\n", encoding="utf-8")
    [problem] = load_register(path, D("2027-03-20"), rulebook).problems
    assert problem.code == "unknown-column" and "`responsible_department`" in problem.hint_nb


def test_the_examples_make_a_register_without_problems(rulebook):
    register = load_register(EXAMPLES, D("2027-10-20"), rulebook)
    assert register.problems == [] and len(register.cases) == 8
    statuses = {d.status for d in register.duties}
    assert {"overdue", "open", "done_on_time", "done_late", "no_longer_applies"} <= statuses


# --- HTML and calendar ------------------------------------------------------------------------------------------

def test_the_html_page_lists_overdue_first_and_every_link_has_a_target(big_register):
    import re

    _, register = big_register
    page = render_html(register, register.duties)
    statuses = re.findall(r'<tr class="(\w+)" data-status', page)
    assert statuses[0] == "overdue" and statuses.index("open") > statuses.count("overdue") - 1
    ids = set(re.findall(r'id="([^"]+)"', page))
    targets = set(re.findall(r'href="#([^"]+)"', page))
    assert targets and targets <= ids
    assert "<script" not in page and 'src="http' not in page and "stylesheet" not in page


def test_the_calendar_parses_back_with_stable_uids_and_norwegian_text(tmp_path, rulebook):
    register = load_register(EXAMPLES, D("2027-03-20"), rulebook)
    first = icalendar.Calendar.from_ical(to_ical(register.duties))
    events = first.walk("VEVENT")
    assert events and all(str(e["summary"]).startswith("Frist: ") for e in events)
    assert any("Hvem: " in str(e["description"]) for e in events)
    later = load_register(EXAMPLES, D("2027-11-01"), rulebook)  # the minutes came: deadlines moved
    second = icalendar.Calendar.from_ical(to_ical(later.duties, stamp=datetime(2027, 11, 1, tzinfo=timezone.utc)))
    uids_first = {str(e["uid"]) for e in events}
    uids_second = {str(e["uid"]) for e in second.walk("VEVENT")}
    assert len(uids_first) == len(events)
    assert uids_first & uids_second
    again = icalendar.Calendar.from_ical(to_ical(register.duties))
    assert [str(e["uid"]) for e in again.walk("VEVENT")] == [str(e["uid"]) for e in events]


# --- layers -----------------------------------------------------------------------------------------------------

def test_the_core_never_imports_followup_and_followup_never_imports_the_tools():
    from test_layers import PACKAGE, imports

    def reaches(name: str, roots: tuple[str, ...]) -> bool:
        return any(name == r or name.startswith(r + ".") for r in roots)

    core = {p.name: [n for n in imports(p.read_text(encoding="utf-8")) if reaches(n, (".followup", "udi_rules.followup"))]
            for p in PACKAGE.glob("*.py")}
    above = {p.name: [n for n in imports(p.read_text(encoding="utf-8"))
                      if reaches(n, ("..tools", ".tools", "udi_rules.tools"))]
             for p in (PACKAGE / "followup").glob("*.py")}
    assert not {k: v for k, v in core.items() if v}
    assert not {k: v for k, v in above.items() if v}
    assert (PACKAGE / "followup" / "templates" / "register.html.j2").is_file()


def test_duties_share_one_set_of_field_names_and_still_copy_and_dump_correctly(rulebook):
    duties = list(status_of(rulebook, "2027-03-10").values())
    assert duties[0].__pydantic_fields_set__ is duties[1].__pydantic_fields_set__
    duty = next(d for d in duties if d.status == "open")
    changed = duty.model_copy(update={"status": "overdue"})
    assert (changed.status, duty.status) == ("overdue", "open")
    assert changed.__pydantic_fields_set__ is not duty.__pydantic_fields_set__
    assert duties[0].model_dump(exclude_unset=True) == duties[0].model_dump()


def test_a_case_built_in_code_is_held_to_the_same_order_of_events():
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="før møtet begynte"):
        Case.model_validate(case_data(events=[{"event": "letter_sent", "date": "2027-02-01"}]))
    with pytest.raises(ValidationError, match="enten `meeting` eller `request`"):
        Case.model_validate({"events": []})
