"""The same meeting rules written for the engines a user would pick instead of udi_rules.

Each peer module has `DISTRIBUTION` (its name on PyPI) and `build()`, which
returns a function from `meetings.plain_facts` to the concluding rule ids in
rulebook order. The 3.1, 3.2 and 4.1 meeting rules that conclude something
are written in each engine's own form, with the derived facts (UDI attends
alone, the Ministry of Justice does not take part, minutes go to the ministry)
folded into the conditions that use them. The peers are not dependencies of
the project: `make bench` installs them into `.venv-bench`.
"""

from __future__ import annotations

import importlib
from importlib import metadata
from typing import Any, Callable

Peer = Callable[[dict[str, Any]], list[str]]

#: label in the table → module in this package
PEERS = {
    "zen-engine": "zen_peer",
    "business-rules": "business_rules_peer",
    "rule-engine": "rule_engine_peer",
}


def load(label: str) -> tuple[str, Peer]:
    """(version, conclude) for one peer.

    Raises:
        ImportError: the peer's package is not installed here.
    """
    module = importlib.import_module(f"{__name__}.{PEERS[label]}")
    return metadata.version(module.DISTRIBUTION), module.build()
