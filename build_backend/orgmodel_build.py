"""The build backend: setuptools, asking for mypy (whose mypyc compiles the extractor) only
when a compiled wheel can be built.

A pure-Python wheel -- no C compiler, ``ORGMODEL_PURE_PYTHON=1``, an
editable install, an sdist -- needs nothing but setuptools; ``setup.py``
compiles ``orgmodel/extract`` when mypyc is importable and says so when it
is not. Only a wheel build on a machine with a C compiler adds mypy to the
build requirements (PEP 517's ``get_requires_for_build_wheel``), so
``pip install .`` there gives the compiled extractor as before.
"""

from __future__ import annotations

import os
import shutil
import sysconfig
from typing import Any

from setuptools import build_meta
from setuptools.build_meta import *  # noqa: F403  (the PEP 517 hooks, passed through)

MYPYC = "mypy>=1.10"


def c_compiler() -> str | None:
    """The C compiler Python was built with (or $CC), if it is on this machine."""
    command = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    return shutil.which(command.split()[0])


def wants_compiled() -> bool:
    """Whether a wheel built here can and should compile the extractor."""
    return not os.environ.get("ORGMODEL_PURE_PYTHON") and c_compiler() is not None


def compiler_requires() -> list[str]:
    """What a wheel build needs beyond setuptools: mypy, when the extractor will be compiled."""
    return [MYPYC] if wants_compiled() else []


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    requires: list[str] = build_meta.get_requires_for_build_wheel(config_settings)
    return [*requires, *compiler_requires()]
