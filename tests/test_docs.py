"""The README and the documentation show real output: every example is run and compared.

A ``console`` block in README.md or a page of docs/ is a list of commands
(lines starting with ``$ ``; a line ending in a backslash goes on) each
followed by the output it prints -- stdout and stderr together, as a terminal
100 columns wide shows them. The test runs each ``orgmodel`` command, in this
process through the real entry point (:func:`orgmodel.cli.main`), in a copy of
this repository's data (so commands that write files write there) and
compares; ``$ cat FILE`` followed by its lines creates that file first, so an
example can show the broken input it is about; ``> FILE`` at the end of a
command sends its output there, and ``| orgmodel ...`` feeds one command's
output to the next. A block that cannot run here (it reads data we may not
ship) is marked ``<!-- not run: why -->`` on the line before it, and skipped.

Exit codes are promises too: ``$ echo $?`` after a command, followed by a
number, is the exit code that command must give; a command without one must
exit 2 when it prints an ``error:`` line and 0 otherwise.

A ``pycon`` block (``>>>`` lines) is a doctest: the blocks of one page run in
order, sharing their names, in the repository's folder.

When the output changes on purpose, refresh the pages from real runs::

    .venv/bin/python -m tests.test_docs --update
"""

from __future__ import annotations

import doctest
import io
import re
import shlex
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from tests.inprocess import invoke

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
"""Every page whose examples run: the README and the documentation's hand-written pages."""
WIDTH = 100
_BLOCK = re.compile(r"(?P<before>[^\n]*)\n```console\n(?P<body>.*?)```", re.S)
_PYCON = re.compile(r"\n```pycon\n(?P<body>.*?)```", re.S)
_COPIED = ("data", "diagrams", "orgmodel.toml")


@dataclass(frozen=True)
class Example:
    """One command of a console block, the output the page gives, and where it stands.

    ``exit_code`` is the code a ``$ echo $?`` after it shows, if any.
    """

    command: str
    expected: str
    line: int
    exit_code: int | None = None
    page: str = "README.md"

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: $ {self.command}"

    def expected_code(self) -> int:
        """The code shown by ``echo $?``, else 2 for an example showing an error, else 0."""
        if self.exit_code is not None:
            return self.exit_code
        return 2 if re.search(r"^error:", self.expected, re.M) else 0


_ECHO_STATUS = "echo $?"


def _join_continued(lines: list[str]) -> list[str]:
    joined: list[str] = []
    for text in lines:
        if joined and joined[-1].startswith("$ ") and joined[-1].endswith("\\"):
            joined[-1] = joined[-1][:-1].rstrip() + " " + text.strip()
        else:
            joined.append(text)
    return joined


def _split(body: str, first_line: int, page: str = "README.md") -> Iterator[Example]:
    lines = _join_continued(body.split("\n"))
    found: list[Example] = []
    current: str | None = None
    start = 0
    output: list[str] = []

    def close() -> None:
        if current is None:
            return
        shown = "\n".join(output).rstrip("\n")
        if current == _ECHO_STATUS and found and shown.strip().isdigit():
            found[-1] = replace(found[-1], exit_code=int(shown.strip()))
        found.append(Example(current, shown, first_line + start, page=page))

    for i, text in enumerate(lines):
        if text.startswith("$ "):
            close()
            current, start, output = text[2:], i, []
        elif current is not None:
            output.append(text)
    close()
    yield from found


def examples(text: str, page: str = "README.md") -> Iterator[Example]:
    """The ``orgmodel`` commands of every console block not marked ``not run``."""
    for match in _BLOCK.finditer(text):
        if match.group("before").startswith("<!-- not run"):
            continue
        first_line = text.count("\n", 0, match.start("body")) + 1
        for example in _split(match.group("body"), first_line, page):
            if example.command.startswith(("orgmodel ", "cat ")):
                yield example


def _normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))


def run(command: str, cwd: Path, shown: str = "") -> tuple[str, int]:
    """Run one example command as a user would: stdout and stderr in the order printed,
    and the exit code.

    ``cat FILE`` writes the lines the page shows (``shown``) to FILE instead.
    """
    args = shlex.split(command)
    if args[0] == "cat":
        (cwd / args[1]).write_text(shown.strip("\n") + "\n", encoding="utf-8")
        return _normalise(shown), 0
    if "|" in args:  # orgmodel ... | orgmodel ...: the first command's stderr shows first
        cut = args.index("|")
        pipe = cwd / ".pipe"  # what the first command writes, the second reads
        first = invoke(*args[1:cut], cwd=cwd, width=WIDTH, stdout_to=pipe)
        fed = pipe.read_bytes()
        pipe.unlink()
        last = invoke(*args[cut + 2 :], cwd=cwd, stdin=fed, width=WIDTH, combined=True)
        return _normalise(first.stderr + last.stdout), last.code
    if len(args) > 2 and args[-2] == ">":
        done = invoke(*args[1:-2], cwd=cwd, width=WIDTH, stdout_to=cwd / args[-1])
        return _normalise(done.stderr), done.code
    done = invoke(*args[1:], cwd=cwd, width=WIDTH, combined=True)
    return _normalise(done.stdout), done.code


def workspace() -> Path:
    """A copy of the repository's data, where examples may write what they write."""
    where = Path(tempfile.mkdtemp(prefix="orgmodel-docs-"))
    for name in _COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, where / name)
        elif source.exists():
            shutil.copy(source, where / name)
    return where


def _page_name(page: Path) -> str:
    return str(page.relative_to(ROOT))


EXAMPLES = [
    e for page in PAGES for e in examples(page.read_text(encoding="utf-8"), _page_name(page))
]


@pytest.fixture(scope="module")
def cwd() -> Iterator[Path]:
    where = workspace()
    yield where
    shutil.rmtree(where, ignore_errors=True)


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_example_prints_what_the_page_says(example: Example, cwd: Path) -> None:
    output, code = run(example.command, cwd, example.expected)
    assert output == _normalise(example.expected), (
        f"{example} prints something else; if that is intended, run "
        "'python -m tests.test_docs --update'"
    )
    assert code == example.expected_code(), (
        f"{example} exits {code}, the page promises {example.expected_code()} "
        f"(show another with '$ {_ECHO_STATUS}' and the code after the command)"
    )


def test_echo_status_sets_the_exit_code_of_the_command_before() -> None:
    body = (
        "$ orgmodel common a b\nno common superior\n$ echo $?\n1\n$ orgmodel chain x\nerror: no\n"
    )
    found = [e for e in _split(body, 1) if e.command.startswith("orgmodel ")]
    assert [e.expected_code() for e in found] == [1, 2]
    assert [e.exit_code for e in found] == [1, None]


def test_the_pages_run_many_examples() -> None:
    readme = [e for e in EXAMPLES if e.page == "README.md"]
    assert len(readme) >= 5 and len(EXAMPLES) >= 40  # the check is real: most examples run
    assert {e.page for e in EXAMPLES} >= {"README.md", "docs/queries.md", "docs/validation.md"}


def test_an_example_that_prints_something_else_fails(cwd: Path) -> None:
    wrong = Example("orgmodel stats", " posts               999", 1)
    output, code = run(wrong.command, cwd)
    assert code == 0 and output != _normalise(wrong.expected) and "posts" in output


def _pycon_pages() -> list[Path]:
    return [p for p in PAGES if "```pycon" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("page", _pycon_pages(), ids=_page_name)
def test_python_examples_run_as_doctests(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = page.read_text(encoding="utf-8")
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    globs: dict[str, object] = {}
    report = io.StringIO()
    for match in _PYCON.finditer(text):
        line = text.count("\n", 0, match.start("body")) + 1
        test = parser.get_doctest(match.group("body"), globs, _page_name(page), str(page), line)
        runner.run(test, out=report.write, clear_globs=False)
        globs = test.globs  # the next block goes on with the names this one made
    assert runner.failures == 0, report.getvalue()
    assert runner.tries > 0


def update() -> int:
    """Rewrite each checked example's output in the pages from a real run."""
    where = workspace()
    try:
        for page in PAGES:
            text = page.read_text(encoding="utf-8")
            new = _updated(text, where)
            if new != text:
                page.write_text(new, encoding="utf-8")
                print(f"{_page_name(page)} updated")
    finally:
        shutil.rmtree(where, ignore_errors=True)
    return 0


def _updated(text: str, where: Path) -> str:
    parts: list[str] = []
    last = 0
    for match in _BLOCK.finditer(text):
        parts.append(text[last : match.start("body")])
        body = match.group("body")
        if not match.group("before").startswith("<!-- not run"):
            body = _rewrite(body, where)
        parts.append(body)
        last = match.end("body")
    parts.append(text[last:])
    return "".join(parts)


def _rewrite(body: str, where: Path) -> str:
    continued = _continued_commands(body)
    result: list[str] = []
    for example_or_text in _pieces(body):
        if isinstance(example_or_text, str):
            result.append(example_or_text)
            continue
        result.append(continued.get(example_or_text.command, "$ " + example_or_text.command))
        output, _ = run(example_or_text.command, where, example_or_text.expected)
        if example_or_text.command.startswith("cat "):
            output = example_or_text.expected
        if output:
            result.append(output)
    return "\n".join(result).rstrip("\n") + "\n"


def _continued_commands(body: str) -> dict[str, str]:
    """Commands written over several lines, joined -> as written (kept so on the page)."""
    found: dict[str, str] = {}
    lines = body.split("\n")
    for i, text in enumerate(lines):
        if text.startswith("$ ") and text.endswith("\\"):
            j = i
            while lines[j].endswith("\\") and j + 1 < len(lines):
                j += 1
            written = "\n".join(lines[i : j + 1])
            found[_join_continued(lines[i : j + 1])[0][2:]] = written
    return found


def _pieces(body: str) -> Iterator[Example | str]:
    """Text before the first command as is, then each command with its shown output."""
    lines = _join_continued(body.split("\n"))
    head = []
    for text in lines:
        if text.startswith("$ "):
            break
        head.append(text)
    if head:
        yield "\n".join(head)
    for example in _split(body, 0):
        if example.command.startswith(("orgmodel ", "cat ")):
            yield example
        else:
            yield "$ " + example.command + ("\n" + example.expected if example.expected else "")


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        sys.exit(update())
    print(__doc__)
