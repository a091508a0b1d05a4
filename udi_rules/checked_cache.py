"""Checked rulebooks kept on disk between processes, so a service starts without parsing and checking its rules again.

Reading YAML and checking every reference is the larger part of loading a rulebook (about a sixth of what
`import udi_rules` plus `Rulebook.default()` costs, PyYAML's own import another fourteenth). The outcome depends
only on what the check reads, so it is kept under a key made of all of it, as Python keeps bytecode:

* every rule file's name and text, and the memo's text (the files are always read; only the check is saved);
* the library's own modules (their size and modification time, so an edited checker never meets an old entry);
* the Python version, the pydantic version (the entry is a pickle of pydantic models) and PyYAML's installed
  package (found, not imported; a new PyYAML may read a file differently).

Only a rulebook that checked clean is kept, so a broken file is always parsed and reported afresh. Anything
wrong with an entry (cut short, from another version, not ours) is a miss: the rules are checked and the entry
written again. Writing is best effort (a read-only disk means no cache, never an error) and atomic (a temporary
file renamed into place, so processes that load at once never read half an entry).

Where: `UDI_RULES_CACHE` names the folder; `off` (or `0`, `false`, `no`, empty) turns the cache off.
Without it, `$XDG_CACHE_HOME/udi-rules`, or `~/.cache/udi-rules` (no home, no cache). The folder is made
private to the user (mode 700), and an entry is read only if the user owns it and nobody else may write it or
its folder: a pickle can run code, so it is trusted exactly as much as the user's own files. Only classes of
`udi_rules` may be unpickled, which keeps a foreign pickle from reaching anything else. At most `KEEP` entries
are kept; the ones read longest ago go first.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import os
import pickle
import stat
import sys
import threading
from pathlib import Path
from typing import Callable, TypeVar

import pydantic

T = TypeVar("T")

#: Entries kept in the folder; a service loads one rulebook, a test run many.
KEEP = 16
_OFF = frozenset({"off", "0", "false", "no", ""})
_PACKAGE = Path(__file__).resolve().parent
_SUFFIX = ".checked.pickle"


def cache_folder() -> Path | None:
    """The folder entries are kept in, or None when `UDI_RULES_CACHE` turns the cache off (or there is no home)."""
    chosen = os.environ.get("UDI_RULES_CACHE")
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF else Path(chosen).expanduser()
    xdg, home = os.environ.get("XDG_CACHE_HOME", ""), os.path.expanduser("~")
    if os.path.isabs(xdg):  # the XDG rule: a relative value is ignored
        return Path(xdg) / "udi-rules"
    return Path(home) / ".cache" / "udi-rules" if os.path.isabs(home) else None  # no home: no cache


def checked_once(inputs: dict[str, str], kind: type[T], check: Callable[[], T]) -> T:
    """`check()`, or what it returned before for the same `inputs` (name → text) and the same library.

    `kind` is the type of what `check` returns; an entry holding anything else is a miss.
    """
    folder = cache_folder()
    if folder is None:
        return check()
    try:
        entry = folder / (_key(inputs) + _SUFFIX)
    except Exception:  # the library's modules cannot be listed (imported from a zip, say): no cache
        return check()
    found = _read(entry, kind)
    if found is not None:
        return found
    checked = check()
    _write(folder, entry, checked)
    return checked


def _key(inputs: dict[str, str]) -> str:
    digest = hashlib.sha256()
    digest.update(f"{sys.implementation.cache_tag}\0{sys.version}\0{pydantic.VERSION}\0".encode())
    stamps = []  # name, size and modification time of each file the check runs, as Python's bytecode cache keeps
    with os.scandir(_PACKAGE) as modules:
        stamps += [(m.name, m.stat()) for m in modules if m.name.endswith(".py")]
    parser = importlib.util.find_spec("yaml")  # found, not imported: PyYAML's own import costs more than a hit
    if parser is not None and parser.origin:
        stamps.append((parser.origin, os.stat(parser.origin)))
    for name, info in sorted(stamps, key=lambda stamp: stamp[0]):
        digest.update(f"{name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    for name in sorted(inputs):
        text = inputs[name].encode("utf-8", "surrogatepass")
        digest.update(f"{name}\0{len(text)}\0".encode() + text)
    return digest.hexdigest()[:32]


class _OwnClasses(pickle.Unpickler):
    """Unpickles nothing but classes of udi_rules: rule models, conditions, places."""

    def find_class(self, module: str, name: str) -> type:
        if module == "udi_rules" or module.startswith("udi_rules."):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a udi_rules class")


def _read(entry: Path, kind: type[T]) -> T | None:
    try:
        with open(entry, "rb") as file:
            if not (_private(os.fstat(file.fileno())) and _private(os.stat(entry.parent))):
                return None
            found = _OwnClasses(io.BytesIO(file.read())).load()
    except Exception:  # missing, cut short, from another version: a miss, never an error
        return None
    if type(found) is not kind:
        return None
    try:
        os.utime(entry)  # read recently: kept longest
    except OSError:  # a cache on a read-only disk (filled when an image was built) is still read
        pass
    return found


def _private(info: os.stat_result) -> bool:
    """Owned by this user, and nobody else may write to it."""
    owner = getattr(os, "getuid", None)
    return (owner is None or info.st_uid == owner()) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _write(folder: Path, entry: Path, checked: object) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = pickle.dumps(checked, protocol=5)
        temporary = entry.with_name(f"{entry.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
        _forget_old(folder)
    except Exception:  # a read-only or full disk: no cache, the rulebook is fine
        return


def _forget_old(folder: Path) -> None:
    entries = []
    for path in folder.glob("*" + _SUFFIX):
        try:
            entries.append((path.stat().st_mtime_ns, path))
        except OSError:
            continue
    for _, path in sorted(entries, reverse=True)[KEEP:]:
        try:
            path.unlink()
        except OSError:
            continue
