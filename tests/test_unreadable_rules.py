"""A rules folder with something that cannot be read says so with its place, and never skips it.

The machine runs these tests as root, who may read anything, so a file or
folder that cannot be read is made by failing the read itself.
"""

from __future__ import annotations

import errno
import os
import shutil
import time
from pathlib import Path

import pytest

import udi_rules.rule_files as rule_files
import udi_rules.validate as validate
from udi_rules import Rulebook, RulebookError

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the shipped rules, the memo included."""
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


def diagnostics(path: Path) -> list[tuple[str, str]]:
    with pytest.raises(RulebookError) as caught:
        Rulebook.load(path)
    return [(d.code, str(d.location)) for d in caught.value.diagnostics]


def test_a_folder_that_cannot_be_read_is_reported_not_skipped(folder, monkeypatch):
    (folder / "more").mkdir()
    shutil.move(folder / "4.1-rapportering.yaml", folder / "more" / "4.1-rapportering.yaml")
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("more"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)

    found = diagnostics(folder)

    assert [code for code, _ in found] == ["unreadable-file"]
    assert found[0][1].endswith("more:1:1")


def test_a_rule_file_that_cannot_be_read_is_reported_and_hides_no_other_file(folder, monkeypatch):
    real_open = open

    def refusing_open(file, *args, **kwargs):
        if str(file).endswith("4.1-rapportering.yaml"):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(rule_files, "open", refusing_open, raising=False)

    found = diagnostics(folder)

    assert found == [("unreadable-file", f"{rule_files._display(folder / '4.1-rapportering.yaml')}:1:1")]


def test_a_memo_that_cannot_be_read_is_reported(folder, monkeypatch):
    real_open = open

    def refusing_open(file, *args, **kwargs):
        if str(file).endswith("IM-2011-013.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(rule_files, "open", refusing_open, raising=False)

    assert [code for code, _ in diagnostics(folder)] == ["unreadable-file"]


def test_a_link_to_a_file_that_is_gone_is_reported_under_its_own_name(folder):
    (folder / "ny-regel.yaml").symlink_to(folder / "finnes-ikke.yaml")

    found = diagnostics(folder)

    assert [code for code, _ in found] == ["unreadable-file"]
    assert found[0][1].endswith("ny-regel.yaml:1:1")


def test_a_pipe_named_like_a_rule_file_is_reported_and_not_waited_on(folder):
    os.mkfifo(folder / "ror.yaml")

    assert [code for code, _ in diagnostics(folder)] == ["unreadable-file"]


def test_a_folder_that_links_back_to_itself_is_read_once(folder):
    (folder / "loop").symlink_to(folder)

    book = Rulebook.load(folder)

    assert len(book.rule_ids) == len(Rulebook.load(RULES).rule_ids)


def test_a_latin_1_file_points_at_the_first_letter_that_is_not_utf8(folder):
    (folder / "latin.yaml").write_bytes("rules:\n  - id: blåbær\n".encode("latin-1"))

    found = diagnostics(folder)

    assert found == [("not-utf8", f"{rule_files._display(folder / 'latin.yaml')}:2:11")]


def test_a_long_quote_with_one_wrong_word_is_checked_quickly_and_gets_its_passage():
    memo = validate._normalise((RULES / "IM-2011-013.txt").read_text(encoding="utf-8"))
    words = memo.split(" ")
    quote = words[200:1000]
    quote[400] += "x"

    started = time.perf_counter()
    passage = validate._nearest_passage(" ".join(quote), memo)
    took = time.perf_counter() - started

    assert passage == " ".join(words[200:1000])
    assert took < 2, f"the nearest passage of an 800-word quote took {took:.1f} s"


def test_ten_long_quotes_that_are_not_in_the_memo_are_checked_quickly():
    memo = validate._normalise((RULES / "IM-2011-013.txt").read_text(encoding="utf-8"))
    words = memo.split(" ")

    started = time.perf_counter()
    for i in range(10):
        shuffled = " ".join(words[(i * 37 + j * 11) % len(words)] for j in range(400))
        validate._nearest_passage(shuffled, memo)
    took = time.perf_counter() - started

    assert took < 5, f"ten 400-word quotes took {took:.1f} s"


def test_a_huge_file_of_letters_beyond_ascii_is_reported_as_too_large_not_as_another_encoding(folder):
    (folder / "stor.yaml").write_text("rules: " + "æøå" * 1_000_000, encoding="utf-8")

    found = diagnostics(folder)

    assert [code for code, _ in found] == ["yaml-too-large"]
