"""The rulebook's catalogue: forums, departments, roles, duties, derived facts, provisions.

Rules refer to these by id; facts name forums and departments by id, alias
or name. The catalogue resolves those names once, in one place; a name it
does not know is not an error in the facts (any international forum is a
forum), but the decision warns about it with the nearest known name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import did_you_mean

if TYPE_CHECKING:
    from .model import DerivedFact, Department, Duty, Forum, Memo, Provision, Role


@dataclass
class Catalogue:
    forums: dict[str, Forum] = field(default_factory=dict)
    departments: dict[str, Department] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    duties: dict[str, Duty] = field(default_factory=dict)
    derived_facts: dict[str, DerivedFact] = field(default_factory=dict)
    provisions: dict[str, Provision] = field(default_factory=dict)
    memo: dict[str, Memo] = field(default_factory=dict)
    _forum_names: dict[str, str] = field(default_factory=dict, repr=False)

    def index_forums(self) -> None:
        """Build the name lookup; call after the forums are all in."""
        self._forum_names = {}
        for forum in self.forums.values():
            for name in (forum.id, forum.name.nb, forum.name.en, *forum.aliases):
                self._forum_names.setdefault(name.casefold(), forum.id)

    def find_forum(self, name: str) -> str | None:
        """The forum id for an id, alias or name (any case), or None."""
        return self._forum_names.get(name.casefold())

    def covered_by(self, forum_id: str) -> list[str]:
        """The forum and every forum that counts as it (`counts_as`), e.g. a Schengen working party for Schengen."""
        return [forum_id] + [f.id for f in self.forums.values() if forum_id in f.counts_as and f.id != forum_id]

    def forum_hint(self, name: str) -> tuple[str, str]:
        """A did-you-mean for a forum name the catalogue does not know, in bokmål and English."""
        return did_you_mean(name, [f.id for f in self.forums.values()] + self.forum_aliases())

    def department_hint(self, name: str) -> tuple[str, str]:
        return did_you_mean(name, self.departments)

    def forum_aliases(self) -> list[str]:
        return [alias for forum in self.forums.values() for alias in forum.aliases]

    def find_department(self, name: str) -> str | None:
        found = self.departments.get(name.upper())
        return found.id if found is not None else None  # the catalogue's own string, shared by every fact
