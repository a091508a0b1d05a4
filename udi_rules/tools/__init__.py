"""Tools for the people who own the rules, built on top of the core.

Nothing in the core (`udi_rules/*.py`) imports from here; everything here
imports the core. `cli.py` is the `udi-rules` command, `steps.py` the
Norwegian sentences a scenario may use, `scenarios.py` reads `features/`,
`words.py` says a rule's condition in words.
"""
