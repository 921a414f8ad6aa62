"""Build: the postings extractor compiled to C with mypyc when a wheel is built.

The extractor's time is spread over thousands of small Python steps per
posting (no single hot spot left), which is exactly what mypyc -- the
compiler that ships with mypy and builds mypy and black -- speeds up: the
same typed source becomes C extension modules, with identical results.

* ``pip install .`` (a wheel) compiles ``orgmodel/extract`` when mypyc and a
  C compiler are there; when they are not, or compiling fails, it says so and
  installs the same modules as pure Python.
* ``pip install -e .`` (what ``make`` does for development) never compiles:
  extension modules built next to the sources would shadow every later edit
  of a ``.py`` file. Development and the test suite run the source itself.
* ``ORGMODEL_PURE_PYTHON=1`` skips compiling in any build, and then mypy is
  not even fetched: ``build_backend/orgmodel_build.py`` asks for it only for
  a wheel that can be compiled.

``orgmodel.extract.compiled()`` tells which one is running.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import BaseError, CCompilerError
from setuptools.extension import Extension

sys.path.insert(0, str(Path(__file__).parent / "build_backend"))
from orgmodel_build import c_compiler

EXTRACT = Path("orgmodel", "extract")
NOT_COMPILED = {
    "__init__.py",  # the package stays importable as plain Python
    "result.py",  # facts are pickled between processes (ingest --jobs): plain dataclasses
    "text.py",  # file reading and HTML: not on the hot path
}
_BUILDING = {"bdist_wheel", "build", "build_ext", "install"}


def _note(message: str) -> None:
    print(f"orgmodel build: {message}", file=sys.stderr)


def _extensions() -> list[Extension]:
    if not _BUILDING & set(sys.argv[1:]):
        return []  # metadata, sdist and editable installs: pure Python
    if os.environ.get("ORGMODEL_PURE_PYTHON"):
        _note("ORGMODEL_PURE_PYTHON is set: the extractor stays pure Python")
        return []
    if c_compiler() is None:
        _note("no C compiler found: the extractor stays pure Python (same results, slower)")
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _note("mypyc is not installed: the extractor stays pure Python (same results, slower)")
        return []
    paths = sorted(str(p) for p in EXTRACT.glob("*.py") if p.name not in NOT_COMPILED)
    # no config file: the project's strict mypy settings and plugins are for checking, not
    # for compiling, and the build environment has none of the third-party stubs
    options = ["--config-file=", "--ignore-missing-imports", "--follow-imports=silent"]
    return list(mypycify([*options, *paths], opt_level="3", group_name="orgmodel_extract"))


class _BuildExt(build_ext):
    """Compile the extractor; if any module fails, drop them all and keep pure Python."""

    def run(self) -> None:
        try:
            super().run()
        except (CCompilerError, BaseError, OSError) as exc:
            for output in self.get_outputs():
                Path(output).unlink(missing_ok=True)
            self.extensions = []
            _note(f"compiling failed ({type(exc).__name__}): the extractor stays pure Python")


setup(ext_modules=_extensions(), cmdclass={"build_ext": _BuildExt})
