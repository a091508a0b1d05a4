"""A checked rulebook is kept between processes under a key of everything the check reads, and only then.

Each test has a cache folder of its own (`UDI_RULES_CACHE`), and counts the
checks that really ran by wrapping `validate.check_texts`.
"""

from __future__ import annotations

import importlib.util
import os
import pickle
import shutil
import stat
from pathlib import Path

import pytest

import udi_rules.checked_cache as checked_cache
import udi_rules.rule_files as rule_files
import udi_rules.validate as validate
from engine_support import ROOT, at_once, sample_meetings
from udi_rules import Rulebook, RulebookError
from udi_rules.rule_files import CheckedRulebook, load_rulebook

RULES = ROOT / "rules"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("UDI_RULES_CACHE", str(folder))
    return folder


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """One item for each check that ran (rather than coming from the cache)."""
    ran: list[str] = []
    check_texts = validate.check_texts

    def counted(*args, **kwargs):
        ran.append("checked")
        return check_texts(*args, **kwargs)

    monkeypatch.setattr(validate, "check_texts", counted)
    return ran


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*" + checked_cache._SUFFIX))


def same(a: CheckedRulebook, b: CheckedRulebook) -> bool:
    return (a.digest, a.files, a.catalogue, a.rules) == (b.digest, b.files, b.catalogue, b.rules)


def test_a_second_load_of_the_same_files_is_not_checked_again_and_is_the_same_rulebook(cache, checks):
    first = load_rulebook(RULES)
    second = load_rulebook(RULES)

    assert checks == ["checked"]
    assert len(entries(cache)) == 1
    assert same(first, second)
    assert second is not first


def test_decisions_of_a_rulebook_from_the_cache_are_those_of_a_checked_one(cache, checks, monkeypatch):
    load_rulebook(RULES)
    from_cache = Rulebook.load(RULES)
    monkeypatch.setenv("UDI_RULES_CACHE", "off")
    checked = Rulebook.load(RULES)

    assert checks == ["checked", "checked"]
    for facts in sample_meetings(200, seed=31):
        assert from_cache.evaluate(facts).model_dump(mode="json") == checked.evaluate(facts).model_dump(mode="json")


def test_an_edited_rule_file_is_checked_again(cache, checks, folder):
    first = load_rulebook(folder)
    rule_file = folder / "4.1-rapportering.yaml"
    rule_file.write_text(rule_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again = load_rulebook(folder)

    assert checks == ["checked", "checked"]
    assert again.digest != first.digest


def test_an_edited_memo_is_checked_again(cache, checks, folder):
    load_rulebook(folder)
    memo = folder / rule_files.MEMO_FILE
    memo.write_text(memo.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    load_rulebook(folder)

    assert checks == ["checked", "checked"]


def test_a_broken_rulebook_is_never_kept_and_says_the_same_each_time(cache, checks, folder):
    rule_file = folder / "4.1-rapportering.yaml"
    rule_file.write_text(rule_file.read_text(encoding="utf-8").replace("forum:", "forumm:", 1), encoding="utf-8")
    found = []
    for _ in range(2):
        with pytest.raises(RulebookError) as caught:
            load_rulebook(folder)
        found.append([str(d) for d in caught.value.diagnostics])

    assert checks == ["checked", "checked"]
    assert found[0] == found[1] and found[0]
    assert entries(cache) == []


def test_a_changed_library_module_is_a_new_key(cache, tmp_path, monkeypatch):
    package = tmp_path / "package"
    package.mkdir()
    module = package / "validate.py"
    module.write_text("x = 1\n")
    monkeypatch.setattr(checked_cache, "_PACKAGE", package)
    inputs = {"rule file": "rules: []\n"}
    before = checked_cache._key(inputs)
    module.write_text("x = 22\n")

    assert checked_cache._key(inputs) != before
    assert checked_cache._key({"rule file": "rules: [] \n"}) != checked_cache._key(inputs)


def test_another_pyyaml_is_a_new_key_and_pyyaml_is_not_imported_for_it(tmp_path, monkeypatch):
    parser = tmp_path / "yaml" / "__init__.py"
    parser.parent.mkdir()
    parser.write_text("__version__ = '6.0.1'\n")
    spec = importlib.util.spec_from_file_location("yaml", parser)
    monkeypatch.setattr(checked_cache.importlib.util, "find_spec", lambda name: spec if name == "yaml" else None)
    inputs = {"rule file": "rules: []\n"}
    before = checked_cache._key(inputs)
    parser.write_text("__version__ = '6.0.22'\n")

    assert checked_cache._key(inputs) != before


@pytest.mark.parametrize("setting", ["off", "0", "false", "no", ""])
def test_the_cache_can_be_turned_off(setting, tmp_path, monkeypatch, checks):
    monkeypatch.setenv("UDI_RULES_CACHE", setting)
    monkeypatch.chdir(tmp_path)
    load_rulebook(RULES)
    load_rulebook(RULES)

    assert checks == ["checked", "checked"]
    assert checked_cache.cache_folder() is None
    assert list(tmp_path.iterdir()) == []


def test_without_a_setting_the_cache_is_in_the_users_cache_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("UDI_RULES_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert checked_cache.cache_folder() == tmp_path / "xdg" / "udi-rules"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/xdg")  # ignored, as the XDG rules say
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert checked_cache.cache_folder() == tmp_path / "home" / ".cache" / "udi-rules"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(checked_cache.os.path, "expanduser", lambda path: path)  # no home to be found
    assert checked_cache.cache_folder() is None


def test_the_folder_is_the_users_own(cache):
    load_rulebook(RULES)

    assert stat.S_IMODE(cache.stat().st_mode) & 0o077 == 0
    assert all(stat.S_IMODE(entry.stat().st_mode) & 0o077 == 0 for entry in entries(cache))


@pytest.mark.parametrize("damage", ["cut short", "empty", "not a pickle", "another class"])
def test_a_damaged_entry_is_a_miss_and_is_written_again(damage, cache, checks):
    first = load_rulebook(RULES)
    (entry,) = entries(cache)
    data = entry.read_bytes()
    entry.write_bytes(
        {
            "cut short": data[: len(data) // 2],
            "empty": b"",
            "not a pickle": b"rules: []\n",
            "another class": pickle.dumps(first.catalogue),
        }[damage]
    )
    again = load_rulebook(RULES)
    third = load_rulebook(RULES)

    assert checks == ["checked", "checked"]
    assert same(first, again) and same(first, third)


class _Boom:
    def __reduce__(self):
        return (Path.touch, (Path(os.environ["UDI_RULES_CACHE"]).parent / "ran",))


def test_an_entry_that_would_run_code_is_refused_unopened(cache, checks):
    load_rulebook(RULES)
    (entry,) = entries(cache)
    entry.write_bytes(pickle.dumps(_Boom()))
    load_rulebook(RULES)

    assert checks == ["checked", "checked"]
    assert not (cache.parent / "ran").exists()
    with pytest.raises(pickle.UnpicklingError, match="not a udi_rules class"):
        checked_cache._OwnClasses(__import__("io").BytesIO(pickle.dumps(_Boom()))).load()


def test_an_entry_others_may_write_is_not_read(cache, checks):
    load_rulebook(RULES)
    (entry,) = entries(cache)
    entry.chmod(0o666)
    load_rulebook(RULES)
    cache.chmod(0o777)
    load_rulebook(RULES)

    assert checks == ["checked", "checked", "checked"]


def test_a_folder_that_cannot_be_written_means_no_cache_and_no_error(tmp_path, monkeypatch, checks):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    monkeypatch.setenv("UDI_RULES_CACHE", str(blocked / "cache"))
    first, second = load_rulebook(RULES), load_rulebook(RULES)

    assert checks == ["checked", "checked"]
    assert same(first, second)


def test_the_folder_keeps_the_entries_read_last(cache, tmp_path, monkeypatch):
    monkeypatch.setattr(checked_cache, "KEEP", 3)
    files = []
    for number in range(5):
        rule_file = tmp_path / f"rules{number}" / "forums.yaml"
        rule_file.parent.mkdir()
        rule_file.write_text((RULES / "forums.yaml").read_text(encoding="utf-8") + f"# {number}\n", encoding="utf-8")
        files.append(rule_file)
        load_rulebook(rule_file.parent)
        assert len(entries(cache)) == min(number + 1, 3)
    assert not list(cache.glob("*.tmp"))


def test_threads_loading_at_once_get_equal_rulebooks(cache):
    found = at_once([lambda: load_rulebook(RULES)] * 8)

    assert all(same(found[0], other) for other in found[1:])
    assert len(entries(cache)) == 1
    assert not list(cache.glob("*.tmp"))


def test_a_library_whose_modules_cannot_be_listed_has_no_cache_and_no_error(cache, checks, tmp_path, monkeypatch):
    monkeypatch.setattr(checked_cache, "_PACKAGE", tmp_path / "inside.zip" / "udi_rules")
    first, second = load_rulebook(RULES), load_rulebook(RULES)

    assert checks == ["checked", "checked"]
    assert same(first, second)
    assert entries(cache) == []


def test_an_entry_that_cannot_be_marked_read_is_still_used(cache, checks, monkeypatch):
    first = load_rulebook(RULES)

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(checked_cache.os, "utime", read_only)
    again = load_rulebook(RULES)

    assert checks == ["checked"]
    assert same(first, again)
