"""The build compiles the extractor for wheels only; development runs the source.

``setup.py`` compiles ``orgmodel/extract`` with mypyc in a wheel build. An
extension module built next to the sources would be imported instead of the
``.py`` file beside it, so every later edit would go unseen: these tests fail
if that ever happens in a checkout, and check what the build leaves out.
"""

from __future__ import annotations

import ast
import importlib
import pickle
import pkgutil
from pathlib import Path

import orgmodel.extract
from orgmodel.extract import compiled, extract

ROOT = Path(__file__).resolve().parents[2]


def test_a_checkout_runs_every_extractor_module_from_its_source() -> None:
    names = [info.name for info in pkgutil.iter_modules(orgmodel.extract.__path__)]
    assert {"core", "frames", "phrases", "candidates", "scorer"} <= set(names)
    for name in names:
        module = importlib.import_module(f"orgmodel.extract.{name}")
        assert str(module.__file__).endswith(".py"), f"{module.__file__} shadows {name}.py"
    assert compiled() is False


def _not_compiled() -> set[str]:
    """The NOT_COMPILED set as setup.py writes it (read, not imported: importing runs setup)."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "NOT_COMPILED" for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert isinstance(value, set)
            return {str(v) for v in value}
    raise AssertionError("setup.py has no NOT_COMPILED")


def test_the_build_leaves_the_pickled_results_and_the_package_as_python() -> None:
    # mypyc-compiled classes do not pickle, and ingest --jobs sends Extraction objects
    # between processes: result.py must stay plain Python
    skipped = _not_compiled()
    assert {"__init__.py", "result.py"} <= skipped
    assert all((ROOT / "orgmodel" / "extract" / name).is_file() for name in skipped)
    ex = extract("Job Title: Deputy Clerk\nReports To: City Clerk\n", source="p.txt")
    assert type(ex).__module__ == "orgmodel.extract.result"
    assert pickle.loads(pickle.dumps(ex)) == ex
