"""The rulebook digest names the rules and nothing else: not the folder they lie in, not the working directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from udi_rules.rule_files import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"


def digest_from(folder: Path, cwd: Path) -> str:
    """Loads the rules in a fresh interpreter, so nothing is shared but the files."""
    result = subprocess.run(
        [sys.executable, "-c",
         "import sys; from udi_rules.rule_files import load_rulebook; print(load_rulebook(sys.argv[1]).digest)",
         os.path.relpath(folder, cwd)],
        capture_output=True, text=True, cwd=cwd, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def two_copies(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "a" / "rules", tmp_path / "b" / "c" / "andre-regler"
    for folder in (first, second):
        shutil.copytree(RULES, folder)
    return first, second


def test_the_same_rules_in_two_folders_from_two_working_directories_have_one_digest(two_copies, tmp_path):
    first, second = two_copies

    digests = {
        digest_from(first, cwd=tmp_path),
        digest_from(second, cwd=second),
        digest_from(first, cwd=first.parent),
        digest_from(RULES, cwd=ROOT),
    }

    assert len(digests) == 1, digests


def test_editing_one_byte_of_a_rule_file_changes_the_digest(two_copies):
    first, second = two_copies
    rules = second / "4.1-rapportering.yaml"
    text = rules.read_text(encoding="utf-8")
    rules.write_text(text.replace("days_after: 14", "days_after: 15", 1), encoding="utf-8")
    assert rules.read_text(encoding="utf-8") != text

    assert load_rulebook(first).digest != load_rulebook(second).digest


def test_renaming_a_rule_file_changes_the_digest(two_copies):
    first, second = two_copies
    (second / "forums.yaml").rename(second / "fora.yaml")

    assert load_rulebook(first).digest != load_rulebook(second).digest


def test_the_memo_beside_the_rules_does_not_enter_the_digest(two_copies):
    first, second = two_copies
    with (second / "IM-2011-013.txt").open("a", encoding="utf-8") as memo:
        memo.write("\n")

    assert load_rulebook(first).digest == load_rulebook(second).digest
