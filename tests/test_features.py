"""Runs every scenario in features/ with the Norwegian step vocabulary.

The steps live in `step_defs.py` and any `steps_*.py` beside it; pytest-bdd
finds step fixtures in this module's namespace, so they are brought in here.
"""

import importlib
from pathlib import Path

from pytest_bdd import scenarios

from step_defs import *  # noqa: F401,F403

for _path in sorted(Path(__file__).parent.glob("steps_*.py")):
    globals().update({k: v for k, v in vars(importlib.import_module(_path.stem)).items() if not k.startswith("__")})

scenarios(".")
