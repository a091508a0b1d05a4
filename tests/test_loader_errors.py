"""What a policy adviser is told about each mistake in a rule file.

Each file in tests/fixtures/broken/ holds one realistic mistake. The table
says the one diagnostic it must give: its code, line and column, words of
the message, and words of the hint. The fixtures are checked together with
the real forum and organisation catalogues and the memo, as in `rules/`.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from udi_rules import Diagnostic, Rulebook, RulebookError
from udi_rules.validate import check_texts

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
BROKEN = Path(__file__).resolve().parent / "fixtures" / "broken"
CATALOGUE = ("forums.yaml", "organisation.yaml")
MEMO = (RULES / "IM-2011-013.txt").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Expected:
    code: str
    line: int
    col: int
    words: tuple[str, ...]  # each must be in the message (bokmål [English])
    hint: tuple[str, ...] = ()  # each must be in the hint; empty means no hint is needed
    file: str = ""  # when the diagnostic is in another file than the fixture's own name


CASES = {
    "null-paa-apent-felt.yaml": Expected(
        "wrong-type", 11, 27, ("`udi_leader_attends`", "tom verdi", "ukjent"), ("test på en kjent verdi",)
    ),
    "ukjent-counts-as.yaml": Expected("unknown-forum", 4, 17, ("ukjent forum", "`schengn`"), ("mente du `schengen`?",)),
    "ukjent-felt.yaml": Expected("unknown-field", 4, 5, ("ukjent felt", "`titel`"), ("mente du `title`?",)),
    "sant-usant-ja.yaml": Expected(
        "wrong-type", 17, 27, ("`udi_leader_attends`", "true eller false", "`ja`"), ("`true` for ja", "`false`")
    ),
    "punkt-uten-anforselstegn.yaml": Expected(
        "wrong-type", 14, 16, ("`section`", "tekst", "`4.1`"), ('anførselstegn: "4.1"', 'quotes: "4.1"')
    ),
    "ukjent-forum.yaml": Expected("unknown-forum", 17, 14, ("ukjent forum", "`EMM`"), ("mente du `EMN`?",)),
    "ukjent-plikt.yaml": Expected(
        "unknown-duty", 16, 32, ("ukjent plikt", "`informer_i_egne_moeter`"), ("`informer_i_egne_moter`",)
    ),
    "dobbel-regel-id": Expected(
        "duplicate-id",
        9,
        9,
        ("`4.1-rapport`", "dobbel-regel-id/a-rapportering.yaml:9:9"),
        ("annen id",),
        file="dobbel-regel-id/b-vedlegg.yaml",
    ),
    "feil-faktatype.yaml": Expected(
        "wrong-fact-kind", 17, 11, ("`year`", "et planleggingsår", "et møte"), ("`applies_to: year`",)
    ),
    "all-og-felt-sammen.yaml": Expected(
        "bad-condition", 15, 7, ("`all` og `meeting_level`", "samme mapping"), ("`- meeting_level: ...`",)
    ),
    "ukjent-test-ne.yaml": Expected(
        "unknown-operator", 15, 15, ("ukjent test `ne` på `forum`",), ("«ikke lik»", "`not: {forum: NU}`")
    ),
    "liste-som-verdi.yaml": Expected(
        "bad-test", 15, 14, ("`forum`", "liste"), ("`forum: {in: [Schengen, EASO, EMN]}`",)
    ),
    "in-uten-liste.yaml": Expected("wrong-type", 15, 19, ("`in`", "liste", "`EASO`"), ("`forum: {in: [EASO]}`",)),
    "not-med-liste.yaml": Expected("bad-condition", 16, 9, ("`not`", "én betingelse"), ("`not: {any: [...]}`",)),
    "tom-betingelse.yaml": Expected("empty-condition", 14, 10, ("`when` er tom", "alltid"), ("fjern `when:`",)),
    "test-pa-sant-usant.yaml": Expected(
        "bad-operator", 15, 35, ("`in`", "`official_minutes_expected`"), ("`official_minutes_expected: true`",)
    ),
    "ukjent-betingelsesfelt.yaml": Expected(
        "unknown-field", 15, 7, ("`udi_leader_atends`", "et møte"), ("`udi_leader_attends`",)
    ),
    "ukjent-rolle.yaml": Expected("unknown-role", 5, 13, ("ukjent rolle", "`partisipant`"), ("`participant`",)),
    "ukjent-avledet-faktum.yaml": Expected(
        "unknown-derived", 19, 16, ("`referat_til_departmentet`",), ("`referat_til_departementet`",)
    ),
    "ikke-over-avledet.yaml": Expected(
        "negated-derived", 20, 18, ("`not`", "`referat_sendes_departementet`"), ("feltene det avledes fra",)
    ),
    "mangler-sitat.yaml": Expected("missing-field", 11, 5, ("`citation` mangler feltet `quote`",), ("`quote:`",)),
    "mangler-henvisning.yaml": Expected(
        "missing-field", 9, 5, ("regelen mangler feltet `citation`",), ("`citation:`", "internmeldingen")
    ),
    "tekst-uten-engelsk.yaml": Expected(
        "missing-field", 4, 5, ("`title` mangler feltet `en`",), ("bokmål og engelsk", "`{nb: ..., en: ...}`")
    ),
    "ugyldig-id.yaml": Expected(
        "bad-format", 9, 9, ("`4.1 Intern Rapport`", "`id`"), ("små bokstaver", "`4.1-intern-rapport`")
    ),
    "norsk-kind.yaml": Expected(
        "unknown-value", 14, 18, ("`plikt`", "`kind`", "duty, assess"), ("mente du `duty`?",)
    ),
    "tabulator.yaml": Expected("yaml-syntax", 7, 1, ("tabulator", "tab character"), ("mellomrom", "spaces")),
    "kolon-i-tekst.yaml": Expected("yaml-syntax", 7, 15, ("kolon (`:`)",), ("«: »", "anførselstegn")),
    "dobbel-nokkel.yaml": Expected(
        "yaml-duplicate-key", 17, 5, ("`when`", "to ganger", "linje 14"), ("slett den ene",)
    ),
    "flere-dokumenter.yaml": Expected("yaml-documents", 7, 1, ("`---`", "bare ett"), ("fjern `---`",)),
    "python-tagg.yaml": Expected("yaml-tag", 5, 13, ("`!!python/object:builtins.str`",), ("fjern taggen",)),
    "komma-i-tekst.yaml": Expected(
        "unknown-field", 4, 36, ("`kort og enkelt`",), ("tekst med komma", "anførselstegn")
    ),
    "sitat-ikke-i-meldingen.yaml": Expected(
        "quote-not-in-memo",
        13,
        14,
        ("«Det skal skrives en lang rapportering.»", "ordrett"),
        ("«Det skal skrives en kort rapportering.»",),
    ),
    "frist-for-motet.yaml": Expected("out-of-range", 8, 19, ("`days_after`", "`-7`", "minst 0")),
    "tom-fil.yaml": Expected("empty-file", 1, 1, ("filen er tom",), ("`rules:`",)),
    "ukjent-seksjon.yaml": Expected(
        "unknown-section", 8, 1, ("ukjent seksjon `regler`", "rules"), ("mente du `rules`?",)
    ),
}


def catalogue_texts() -> dict[str, str]:
    return {name: (RULES / name).read_text(encoding="utf-8") for name in CATALOGUE}


def fixture_texts(name: str) -> dict[str, str]:
    path = BROKEN / name
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    return {f.relative_to(BROKEN).as_posix(): f.read_text(encoding="utf-8") for f in files}


def diagnostics_for(texts: dict[str, str], memo: str | None = MEMO) -> list[Diagnostic]:
    with pytest.raises(RulebookError) as caught:
        check_texts({**catalogue_texts(), **texts}, memo=memo)
    return caught.value.diagnostics


def test_the_catalogues_the_fixtures_lean_on_load_cleanly():
    check_texts(catalogue_texts(), memo=MEMO)


def test_every_broken_fixture_has_its_expected_diagnostic_in_the_table():
    fixtures = {p.name for p in BROKEN.iterdir() if p.suffix == ".yaml" or p.is_dir()}
    assert fixtures == set(CASES)


@pytest.mark.parametrize("name", CASES)
def test_each_mistake_gives_one_diagnostic_at_its_place_in_plain_words(name: str):
    expected = CASES[name]
    diagnostics = diagnostics_for(fixture_texts(name))

    assert len(diagnostics) == 1, "\n".join(map(str, diagnostics))
    found = diagnostics[0]
    assert (found.code, found.location.file, found.location.line, found.location.col) == (
        expected.code,
        expected.file or name,
        expected.line,
        expected.col,
    ), str(found)
    message = f"{found.nb} [{found.en}]"
    for word in expected.words:
        assert word in message, str(found)
    hint = f"{found.hint_nb} [{found.hint_en}]"
    for word in expected.hint:
        assert word in hint, str(found)
    if expected.hint:
        assert found.hint_nb and found.hint_en, "a hint needs both languages"


@pytest.mark.parametrize("name", CASES)
def test_messages_speak_to_a_person_not_a_programmer(name: str):
    for found in diagnostics_for(fixture_texts(name)):
        for text in (found.nb, found.en, found.hint_nb, found.hint_en):
            for jargon in ("Input should", "pydantic", "Extra inputs", "Traceback", "MarkedYAMLError", "None"):
                assert jargon not in text, str(found)
        assert found.nb[:1] == found.nb[:1].lower() or found.nb.startswith("`"), "messages start in lower case"


def test_a_diagnostic_reads_file_line_col_then_bokmal_then_english_then_the_hint():
    found = diagnostics_for(fixture_texts("ukjent-felt.yaml"))[0]

    assert str(found) == (
        "ukjent-felt.yaml:4:5: ukjent felt `titel` [unknown field `titel`]"
        " — mente du `title`? [did you mean `title`?]"
    )


def test_a_duplicate_id_points_at_the_second_and_names_the_first_whatever_order_the_files_come_in():
    texts = fixture_texts("dobbel-regel-id")
    backwards = dict(reversed(list(texts.items())))

    for given in (texts, backwards):
        (found,) = diagnostics_for(given)
        assert found.location.file == "dobbel-regel-id/b-vedlegg.yaml"
        assert "dobbel-regel-id/a-rapportering.yaml:9:9" in found.nb


def test_quotes_are_checked_against_the_memo_when_it_is_in_the_folder(tmp_path: Path):
    for name in CATALOGUE:
        shutil.copy(RULES / name, tmp_path / name)
    shutil.copy(BROKEN / "sitat-ikke-i-meldingen.yaml", tmp_path)
    shutil.copy(RULES / "IM-2011-013.txt", tmp_path)

    with pytest.raises(RulebookError) as caught:
        Rulebook.load(tmp_path)

    assert [d.code for d in caught.value.diagnostics] == ["quote-not-in-memo"]


def test_without_the_memo_beside_them_quotes_are_not_checked():
    check_texts({**catalogue_texts(), **fixture_texts("sitat-ikke-i-meldingen.yaml")}, memo=None)


INDEPENDENT = (
    "ukjent-felt.yaml",
    "punkt-uten-anforselstegn.yaml",
    "tabulator.yaml",
    "dobbel-nokkel.yaml",
    "ukjent-seksjon.yaml",
    "all-og-felt-sammen.yaml",
    "sant-usant-ja.yaml",
    "mangler-sitat.yaml",
    "tom-fil.yaml",
)


def test_several_broken_files_give_all_their_diagnostics_at_once_sorted_by_place(tmp_path: Path):
    for name in CATALOGUE:
        shutil.copy(RULES / name, tmp_path / name)
    shutil.copy(RULES / "IM-2011-013.txt", tmp_path)
    for name in INDEPENDENT:
        shutil.copy(BROKEN / name, tmp_path / name)

    with pytest.raises(RulebookError) as caught:
        Rulebook.load(tmp_path)

    found = caught.value.diagnostics
    places = [(d.location.file, d.location.line, d.location.col) for d in found]
    assert places == sorted(places)
    assert {(Path(d.location.file).name, d.code, d.location.line, d.location.col) for d in found} == {
        (name, CASES[name].code, CASES[name].line, CASES[name].col) for name in INDEPENDENT
    }
    lines = str(caught.value).splitlines()
    assert lines[0].startswith(f"{len(INDEPENDENT)} feil i regelfilene")
    assert lines[1:] == [str(d) for d in found]


def test_a_broken_rule_does_not_hide_the_mistakes_in_the_rules_after_it():
    text = """\
duties:
  - id: kort_rapport
    title: {nb: Kort rapport, en: Short report}
    holder: participant
    action: {nb: Skriv en kort rapport., en: Write a short report.}
rules:
  - id: 4.1-en
    titel: {nb: Kort rapport, en: Short report}
    citation: {section: "4.1", quote: Det skal skrives en kort rapportering.}
    then: {kind: duty, duty: kort_rapport}
  - id: 4.1-to
    title: {nb: Kort rapport, en: Short report}
    citation: {section: "4.1", quote: Det skal skrives en kort rapportering.}
    when: {forum: EMM}
    then: {kind: duty, duty: kort_rapport}
  - id: 4.1-tre
    title: {nb: Kort rapport, en: Short report}
    citation: {section: 4.1, quote: Det skal skrives en kort rapportering.}
    then: {kind: duty, duty: kort_rapprt}
"""
    found = diagnostics_for({"tre-regler.yaml": text})

    assert [(d.code, d.location.line) for d in found] == [
        ("unknown-field", 8),
        ("unknown-forum", 14),
        ("wrong-type", 18),
    ]


def test_a_file_that_cannot_be_read_does_not_make_every_name_in_it_unknown_elsewhere():
    organisation = (RULES / "organisation.yaml").read_text(encoding="utf-8").replace("  - id: udi", "\t- id: udi")
    rule_file = (BROKEN / "ukjent-felt.yaml").read_text(encoding="utf-8").replace("titel:", "title:")

    with pytest.raises(RulebookError) as caught:
        check_texts({"forums.yaml": "", "organisation.yaml": organisation, "rapport.yaml": rule_file})

    assert [(d.location.file, d.code) for d in caught.value.diagnostics] == [
        ("forums.yaml", "empty-file"),
        ("organisation.yaml", "yaml-syntax"),
    ]


def test_a_duty_broken_in_its_definition_is_not_reported_again_where_rules_use_it():
    found = diagnostics_for(fixture_texts("ukjent-felt.yaml"))

    assert [d.code for d in found] == ["unknown-field"]  # not also "unknown duty `kort_rapport`" at the rule


def test_an_unknown_section_that_names_a_catalogue_excuses_only_the_names_it_holds():
    text = """\
plikter:
  - id: kort_rapport
    title: {nb: Kort rapport, en: Short report}
    holder: participant
    action: {nb: Skriv en kort rapport., en: Write a short report.}
rules:
  - id: 4.1-en
    title: {nb: Kort rapport, en: Short report}
    citation: {section: "4.1", quote: Det skal skrives en kort rapportering.}
    then: {kind: duty, duty: kort_rapport}
  - id: 4.1-to
    title: {nb: Kort rapport, en: Short report}
    citation: {section: "4.1", quote: Det skal skrives en kort rapportering.}
    then: {kind: duty, duty: lang_rapport}
"""
    found = diagnostics_for({"plikter.yaml": text})

    assert [(d.code, d.location.line, d.hint_en) for d in found] == [
        ("unknown-section", 1, "did you mean `duties`?"),
        ("unknown-duty", 14, ""),
    ]


def test_every_section_has_the_words_a_diagnostic_names_its_entries_with():
    from udi_rules.model import SECTION_MODELS
    from udi_rules.schema_errors import ENTRY_WORDS

    assert set(ENTRY_WORDS) == set(SECTION_MODELS)


@pytest.mark.parametrize(
    ("extra", "code", "said"),
    [
        # Found by `make fuzz`: a provision pasted under `memo:` raised KeyError('memo') instead of a diagnostic.
        ('  - id: "1-1"\n    section: "1"\n    quote: Noe\n', "missing-field", "meldingen mangler feltet `title`"),
        (
            '  - id: IM 2011-013\n    title: T\n    version: v\n    version_date: "2013-03-11"\n',
            "duplicate-id",
            "meldingen på",
        ),
    ],
    ids=["provision-under-memo", "memo-twice"],
)
def test_a_mistake_in_the_memo_section_is_a_located_diagnostic(extra: str, code: str, said: str):
    provisions = (RULES / "provisions.yaml").read_text(encoding="utf-8")
    head, marker, rest = provisions.partition("memo:\n")
    memo_entry, _, after = rest.partition("\n\n")
    text = f"{head}{marker}{memo_entry}\n{extra}\n{after}"

    found = diagnostics_for({"provisions.yaml": text})

    hit = [d for d in found if d.code == code]
    assert hit and said in hit[0].nb and hit[0].location.file == "provisions.yaml", found
