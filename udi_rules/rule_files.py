"""Rule files on disk → their texts → a checked rulebook (from the cache, or checked by `validate`).

What a service needs to load the rules: finding the rule files under a folder,
reading them (a file that cannot be read is a located diagnostic, never
skipped), and the checked rulebook they make. The checker itself, with the
YAML parser and the schema's error messages, is imported only when the rules
are not in the checked-rulebook cache (`checked_cache`): most processes never
load it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .checked_cache import checked_once
from .errors import Diagnostic, Location, RulebookError

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .conditions import Expr
    from .model import Rule

MEMO_FILE = "IM-2011-013.txt"
#: Files in the rules folder that are not rule files: what `udi-rules verify` has been told to accept.
NOT_RULE_FILES = frozenset({"verify-accepted.yaml"})
#: Characters one rule file may hold. The shipped files hold about 25,000; PyYAML reads
#: about 120 KB a second, so this keeps the slowest possible file to a few seconds.
MAX_CHARS = 256 * 1024


@dataclass(frozen=True)
class CheckedRule:
    """A rule that passed every check, with its condition as a typed tree."""

    rule: Rule
    expr: Expr | None
    location: Location
    order: int


@dataclass
class CheckedRulebook:
    catalogue: Catalogue
    rules: list[CheckedRule]
    files: list[str]
    digest: str


def load_rulebook(path: str | Path) -> CheckedRulebook:
    """Read and check every `*.yaml` under `path` (a folder or one file).

    A file or folder that cannot be read, a link that leads nowhere and a
    file that is not UTF-8 are diagnostics like any other, never skipped.

    Raises:
        RulebookError: with every diagnostic, sorted by place.
    """
    root = Path(path)
    unread: list[Diagnostic] = []
    if root.is_dir():
        files = [p for p in _rule_files(root, unread) if p.name not in NOT_RULE_FILES]
        memo_path = root / MEMO_FILE
    else:
        files = [root] if root.exists() or root.is_symlink() else []
        memo_path = root.with_name(MEMO_FILE)
    if not files and not unread:
        raise RulebookError(
            [Diagnostic("no-rule-files", "fant ingen regelfiler (*.yaml)", "found no rule files (*.yaml)", Location(str(root)))]
        )
    texts: dict[str, str] = {}
    for file in files:
        text = _read_text(file, unread)
        if text is not None:
            texts[_display(file)] = text
    memo = _read_text(memo_path, unread) if memo_path.exists() or memo_path.is_symlink() else None
    # The digest names a file as the rules folder does, so it is the same from any working directory.
    names = {_display(p): (p.relative_to(root) if root.is_dir() else Path(p.name)).as_posix() for p in files}
    if unread:
        return _check(texts, memo=memo, unread=unread, digest_names=names)
    inputs = {f"rule file\0{name}\0{names[name]}": text for name, text in texts.items()}
    if memo is not None:
        inputs["memo"] = memo
    return checked_once(inputs, CheckedRulebook, lambda: _check(texts, memo=memo, digest_names=names))


def _check(texts: dict[str, str], **options: Any) -> CheckedRulebook:
    """`validate.check_texts`, imported when the rules are checked: a rulebook from the cache never needs it."""
    from .validate import check_texts

    return check_texts(texts, **options)


#: Bytes read from one file at most; `yaml_source` reports a file past `MAX_CHARS` with its place.
_MAX_READ = MAX_CHARS * 4 + 4


def _rule_files(root: Path, unread: list[Diagnostic]) -> list[Path]:
    """Every `*.yaml`/`*.yml` under `root`, following links to folders once."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def refused(error: OSError) -> None:
        unread.append(_unreadable(Path(error.filename or root), error, folder=True))

    for folder, dirs, names in os.walk(root, onerror=refused, followlinks=True):
        try:
            info = os.stat(folder)
        except OSError as error:
            refused(error)
            dirs.clear()
            continue
        if (info.st_dev, info.st_ino) in seen:  # a link back up the tree
            dirs.clear()
            continue
        seen.add((info.st_dev, info.st_ino))
        dirs.sort()
        for name in names:
            if name.endswith((".yaml", ".yml")):
                found.append(Path(folder) / name)
    return sorted(found)


def _read_text(file: Path, unread: list[Diagnostic]) -> str | None:
    """The file's text, or None with a diagnostic saying why it cannot be read."""
    name = _display(file)
    try:
        if file.is_symlink() and not file.exists():
            name = str(Path(_display(file.parent)) / file.name)  # the link's own name, not where it leads
            target = os.readlink(file)
            unread.append(
                Diagnostic(
                    "unreadable-file",
                    f"filen er en lenke til `{target}`, som ikke finnes",
                    f"the file is a link to `{target}`, which does not exist",
                    Location(name, 1, 1),
                    "rett lenken, eller slett den",
                    "fix the link, or delete it",
                )
            )
            return None
        if not stat.S_ISREG(file.stat().st_mode):
            unread.append(
                Diagnostic(
                    "unreadable-file",
                    "dette er ikke en vanlig fil, så den kan ikke leses som regler",
                    "this is not a regular file, so it cannot be read as rules",
                    Location(name, 1, 1),
                    "gi den et navn som ikke slutter på .yaml, eller flytt den",
                    "give it a name that does not end in .yaml, or move it",
                )
            )
            return None
        with open(file, "rb") as stream:
            data = stream.read(_MAX_READ)
    except OSError as error:
        unread.append(_unreadable(file, error))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if len(data) == _MAX_READ and error.start >= len(data) - 3:  # a letter cut where reading stopped
            return data[: error.start].decode("utf-8")  # long enough for `yaml_source` to report its size
        unread.append(_not_utf8(name, data, error))
        return None


def _unreadable(file: Path, error: OSError, *, folder: bool = False) -> Diagnostic:
    reason = error.strerror or type(error).__name__
    what_nb, what_en = ("mappen", "the folder") if folder else ("filen", "the file")
    return Diagnostic(
        "unreadable-file",
        f"{what_nb} kan ikke leses: {reason}",
        f"{what_en} cannot be read: {reason}",
        Location(_display(file), 1, 1),
        f"gi lesetilgang til {what_nb}, eller flytt den ut av regelmappen",
        f"make {what_en} readable, or move it out of the rules folder",
    )


def _not_utf8(name: str, data: bytes, error: UnicodeDecodeError) -> Diagnostic:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        where = Location(name, 1, 1)
        nb, en = "filen er lagret som UTF-16", "the file is saved as UTF-16"
    else:
        before = data[: error.start].decode("utf-8", errors="replace")
        line = before.count("\n") + 1
        where = Location(name, line, len(before) - (before.rfind("\n") + 1) + 1)
        byte = data[error.start]
        nb = f"filen er ikke UTF-8: byten 0x{byte:02X} her hører til en annen tegnkoding (kanskje latin-1 eller Windows-1252)"
        en = f"the file is not UTF-8: the byte 0x{byte:02X} here belongs to another encoding (perhaps latin-1 or Windows-1252)"
    return Diagnostic(
        "not-utf8",
        nb,
        en,
        where,
        "lagre filen på nytt med tegnkodingen UTF-8",
        "save the file again with the encoding UTF-8",
    )


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
