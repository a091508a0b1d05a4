"""Rule files are read as strict YAML 1.2, and every value remembers where it stood."""

from __future__ import annotations

import pytest

from udi_rules.errors import Location
from udi_rules.source_map import YamlProblems
from udi_rules.yaml_source import load_yaml


def value_of(text: str) -> object:
    return load_yaml(f"value: {text}\n", "f.yaml").data["value"]


def problems_in(text: str) -> list[tuple[str, int, int]]:
    with pytest.raises(YamlProblems) as caught:
        load_yaml(text, "f.yaml")
    return [(d.code, d.location.line, d.location.col) for d in caught.value.diagnostics]


@pytest.mark.parametrize("word", ["NO", "No", "no", "yes", "Yes", "YES", "on", "On", "off", "OFF", "y", "Y", "n", "N"])
def test_yaml_1_1_yes_and_no_words_stay_text(word: str):
    assert value_of(word) == word


def test_norway_stays_norway_in_a_list_of_country_codes():
    assert value_of("[SE, NO, DK]") == ["SE", "NO", "DK"]


@pytest.mark.parametrize(("text", "expected"), [("true", True), ("false", False), ("True", True), ("FALSE", False)])
def test_true_and_false_are_booleans(text: str, expected: bool):
    assert value_of(text) is expected


@pytest.mark.parametrize("text", ["2027-03-03", "2027-03-03T10:00:00", "05-01"])
def test_dates_stay_text_for_the_field_type_to_read(text: str):
    assert value_of(text) == text


def test_a_section_number_without_quotes_is_a_number_and_with_quotes_is_text():
    assert value_of("4.1") == 4.1 and isinstance(value_of("4.1"), float)
    assert value_of('"4.1"') == "4.1"
    assert value_of("'4.1'") == "4.1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("14", 14), ("-3", -3), ("0o17", 15), ("0x1F", 31), ("1e3", 1000.0), (".5", 0.5), ("1_000", "1_000")],
)
def test_numbers_follow_the_yaml_1_2_core_schema(text: str, expected: object):
    assert value_of(text) == expected
    assert type(value_of(text)) is type(expected)


@pytest.mark.parametrize("text", ["~", "null", "Null", ""])
def test_tilde_null_and_nothing_are_none(text: str):
    assert value_of(text) is None


def test_the_text_of_a_number_is_kept_so_a_hint_can_repeat_it_as_written():
    loaded = load_yaml("citation:\n  section: 3.10\n", "f.yaml")

    assert loaded.data["citation"]["section"] == 3.1
    assert loaded.source.texts[("citation", "section")] == "3.10"


def test_a_file_with_only_comments_is_none():
    assert load_yaml("# ingen regler ennå\n", "f.yaml").data is None


def test_a_duplicate_key_is_an_error_at_the_second_key():
    text = "rules:\n  - id: a\n    when: {x: 1}\n    then: {}\n    when: {y: 2}\n"

    assert problems_in(text) == [("yaml-duplicate-key", 5, 5)]


def test_every_duplicate_key_in_a_file_is_reported():
    text = "a: 1\na: 2\nb:\n  c: 1\n  c: 2\n"

    assert problems_in(text) == [("yaml-duplicate-key", 2, 1), ("yaml-duplicate-key", 5, 3)]


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['echo hei']",
        "!!python/object:builtins.dict {}",
        "!!python/name:os.system",
        "!!binary aGVp",
        "!!timestamp 2027-03-03",
        "!lokal x",
    ],
)
def test_custom_tags_are_errors_and_never_build_objects(tagged: str):
    with pytest.raises(YamlProblems) as caught:
        load_yaml(f"rules:\n  - id: {tagged}\n", "f.yaml")

    (found,) = caught.value.diagnostics
    assert (found.code, found.location) == ("yaml-tag", Location("f.yaml", 2, 9))
    assert tagged.split()[0] in found.nb


def test_a_standard_tag_is_allowed_and_does_what_it_says():
    assert value_of("!!str 4.1") == "4.1"


@pytest.mark.parametrize("tagged", ["!!int fjorten", "!!float x", "!!bool ja", "!!map [a]", "!!seq {a: 1}"])
def test_a_standard_tag_that_does_not_fit_its_value_is_an_error_not_a_crash(tagged: str):
    assert problems_in(f"value: {tagged}\n") == [("yaml-tag", 1, 8)]


def test_a_tagged_key_is_an_error_not_a_crash():
    assert problems_in("!!int fjorten: 14\n") == [("yaml-key", 1, 1)]


def test_several_documents_are_an_error_at_the_second_document():
    assert problems_in("rules: []\n---\nduties: []\n") == [("yaml-documents", 2, 1)]


def test_a_single_document_may_start_with_three_dashes():
    assert load_yaml("---\nrules: []\n", "f.yaml").data == {"rules": []}


def test_a_line_indented_out_of_step_is_a_syntax_error_where_the_line_starts():
    with pytest.raises(YamlProblems) as caught:
        load_yaml("rules:\n  - id: a\n   title: b\n", "f.yaml")

    (found,) = caught.value.diagnostics
    assert (found.code, found.location) == ("yaml-syntax", Location("f.yaml", 3, 4))
    assert "innrykket" in found.nb


def test_a_tab_in_the_indentation_is_named_with_its_fix():
    with pytest.raises(YamlProblems) as caught:
        load_yaml("rules:\n\t- id: a\n", "f.yaml")

    (found,) = caught.value.diagnostics
    assert found.location == Location("f.yaml", 2, 1)
    assert "tabulator" in found.nb and "mellomrom" in found.hint_nb


def test_an_unclosed_quote_points_where_it_opens():
    assert problems_in("rules:\n  - id: 'a\n    title: b\n") == [("yaml-syntax", 2, 9)]


def test_an_invisible_control_character_is_pointed_at():
    assert problems_in("rules:\n  - id: a\x07b\n") == [("yaml-syntax", 2, 10)]


def test_an_alias_that_loops_back_is_an_error_not_a_crash():
    assert problems_in("a: &sirkel\n  - *sirkel\n") == [("yaml-alias-loop", 1, 4)]


def test_an_alias_repeats_its_anchor_as_plain_data():
    data = load_yaml("a: &felles {forum: EMN}\nb: *felles\n", "f.yaml").data

    assert data == {"a": {"forum": "EMN"}, "b": {"forum": "EMN"}}


def test_a_merge_key_is_refused_because_yaml_1_2_has_none():
    assert problems_in("a: &x {b: 1}\nc:\n  <<: *x\n") == [("yaml-merge-key", 3, 3)]


def test_a_key_that_is_a_list_is_an_error():
    assert problems_in("? [a, b]\n: 1\n") == [("yaml-key", 1, 3)]


NESTED = """\
rules:
  - id: 4.1-rapport
    title:
      nb: Kort rapport
      en: Short report
    when:
      all:
        - forum: {in: [EMN, EASO]}
        - meeting_level: leader
"""


@pytest.mark.parametrize(
    ("path", "key", "place"),
    [
        (("rules",), True, (1, 1)),
        (("rules", 0), False, (2, 5)),
        (("rules", 0, "id"), True, (2, 5)),
        (("rules", 0, "id"), False, (2, 9)),
        (("rules", 0, "title"), True, (3, 5)),
        (("rules", 0, "title"), False, (4, 7)),
        (("rules", 0, "title", "en"), True, (5, 7)),
        (("rules", 0, "title", "en"), False, (5, 11)),
        (("rules", 0, "when", "all", 0), False, (8, 11)),
        (("rules", 0, "when", "all", 0, "forum"), False, (8, 18)),
        (("rules", 0, "when", "all", 0, "forum", "in"), True, (8, 19)),
        (("rules", 0, "when", "all", 0, "forum", "in", 1), False, (8, 29)),
        (("rules", 0, "when", "all", 1, "meeting_level"), True, (9, 11)),
        (("rules", 0, "when", "all", 1, "meeting_level"), False, (9, 26)),
    ],
)
def test_the_source_map_places_keys_and_values_in_nested_mappings_and_lists(
    path: tuple[str | int, ...], key: bool, place: tuple[int, int]
):
    source = load_yaml(NESTED, "rules/4.1.yaml").source

    assert source.location(path, key=key) == Location("rules/4.1.yaml", *place)


def test_a_place_that_is_not_in_the_file_falls_back_to_its_nearest_ancestor():
    source = load_yaml(NESTED, "f.yaml").source

    assert source.location(("rules", 0, "citation", "quote"), key=True) == Location("f.yaml", 2, 5)
    assert source.location(("rules", 0, "title", "de")) == Location("f.yaml", 4, 7)
