"""Modules imported on first use, so that ``logistics --help`` does not load pandas.

The command line names its jobs at the top of the file, as usual; each is loaded by
``importlib.util.LazyLoader`` the first time one of its attributes is used, i.e. when a
command runs. Type checkers and the architecture test see ordinary imports
(``if TYPE_CHECKING``).
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """The module ``name`` (absolute), executed on its first attribute access.

    Raises ``ModuleNotFoundError`` at once when there is no such module.
    """
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
