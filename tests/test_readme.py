"""The README shows real output: every ``$ orgmodel …`` example is run and compared.

A ``console`` block in README.md is a list of commands (lines starting with
``$ ``; a line ending in a backslash goes on) each followed by the output it
prints -- stdout and stderr together, as a terminal 100 columns wide shows
them. The test runs each ``orgmodel`` command in a copy of this repository's
data (so commands that write files write there) and compares; ``$ cat FILE``
followed by its lines creates that file first, so an example can show the
broken input it is about; ``> FILE`` at the end of a command sends its output
there, and ``| orgmodel ...`` feeds one command's output to the next. A
block that cannot run here (it reads data we may not ship) is marked
``<!-- not run: why -->`` on the line before it, and skipped.

Exit codes are promises too: ``$ echo $?`` after a command, followed by a
number, is the exit code that command must give; a command without one must
exit 2 when it prints an ``error:`` line and 0 otherwise.

When the output changes on purpose, refresh the README from real runs::

    .venv/bin/python -m tests.test_readme --update
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
WIDTH = "100"
_BLOCK = re.compile(r"(?P<before>[^\n]*)\n```console\n(?P<body>.*?)```", re.S)
_COPIED = ("data", "diagrams", "orgmodel.toml")


@dataclass(frozen=True)
class Example:
    """One command of a console block, the output the README gives, and where it stands.

    ``exit_code`` is the code a ``$ echo $?`` after it shows, if any.
    """

    command: str
    expected: str
    line: int
    exit_code: int | None = None

    def __str__(self) -> str:
        return f"README.md:{self.line}: $ {self.command}"

    def expected_code(self) -> int:
        """The code shown by ``echo $?``, else 2 for an example showing an error, else 0."""
        if self.exit_code is not None:
            return self.exit_code
        return 2 if re.search(r"^error:", self.expected, re.M) else 0


_ECHO_STATUS = "echo $?"


def _join_continued(lines: list[str]) -> list[str]:
    out: list[str] = []
    for text in lines:
        if out and out[-1].startswith("$ ") and out[-1].endswith("\\"):
            out[-1] = out[-1][:-1].rstrip() + " " + text.strip()
        else:
            out.append(text)
    return out


def _split(body: str, first_line: int) -> Iterator[Example]:
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
        found.append(Example(current, shown, first_line + start))

    for i, text in enumerate(lines):
        if text.startswith("$ "):
            close()
            current, start, output = text[2:], i, []
        elif current is not None:
            output.append(text)
    close()
    yield from found


def examples(text: str) -> Iterator[Example]:
    """The ``orgmodel`` commands of every console block not marked ``not run``."""
    for match in _BLOCK.finditer(text):
        if match.group("before").startswith("<!-- not run"):
            continue
        first_line = text.count("\n", 0, match.start("body")) + 1
        for example in _split(match.group("body"), first_line):
            if example.command.startswith(("orgmodel ", "cat ")):
                yield example


def _normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))


def run(command: str, cwd: Path, shown: str = "") -> tuple[str, int]:
    """Run one README command as a user would: stdout and stderr in the order printed,
    and the exit code.

    ``cat FILE`` writes the lines the README shows (``shown``) to FILE instead.
    """
    args = shlex.split(command)
    if args[0] == "cat":
        (cwd / args[1]).write_text(shown.strip("\n") + "\n", encoding="utf-8")
        return _normalise(shown), 0
    target = None
    if len(args) > 2 and args[-2] == ">":
        target, args = cwd / args[-1], args[:-2]
    env = {**os.environ, "COLUMNS": WIDTH, "NO_COLOR": "1", "TERM": "dumb"}
    if "|" in args:  # orgmodel ... | orgmodel ...: earlier commands' stderr shows first
        cut = args.index("|")
        first = subprocess.run(
            [sys.executable, "-m", "orgmodel", *args[1:cut]],
            cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        rest = shlex.join(args[cut + 1 :])
        output, code = _run_fed(rest, cwd, env, first.stdout)
        return _normalise(first.stderr + output), code
    proc = subprocess.run(
        [sys.executable, "-m", "orgmodel", *args[1:]],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE if target is None else target.open("w", encoding="utf-8"),
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
    )
    return _normalise(proc.stdout or ""), proc.returncode


def _run_fed(command: str, cwd: Path, env: dict[str, str], stdin: str) -> tuple[str, int]:
    """The last command of a pipe, its standard input what the one before printed."""
    args = shlex.split(command)
    proc = subprocess.run(
        [sys.executable, "-m", "orgmodel", *args[1:]],
        cwd=cwd, env=env, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, timeout=300,
    )  # fmt: skip
    return proc.stdout or "", proc.returncode


def workspace() -> Path:
    """A copy of the repository's data, where examples may write what they write."""
    where = Path(tempfile.mkdtemp(prefix="orgmodel-readme-"))
    for name in _COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, where / name)
        elif source.exists():
            shutil.copy(source, where / name)
    return where


EXAMPLES = list(examples(README.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def cwd() -> Iterator[Path]:
    where = workspace()
    yield where
    shutil.rmtree(where, ignore_errors=True)


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_readme_example_prints_what_the_readme_says(example: Example, cwd: Path) -> None:
    output, code = run(example.command, cwd, example.expected)
    assert output == _normalise(example.expected), (
        f"{example} prints something else; if that is intended, run "
        "'python -m tests.test_readme --update'"
    )
    assert code == example.expected_code(), (
        f"{example} exits {code}, the README promises {example.expected_code()} "
        f"(show another with '$ {_ECHO_STATUS}' and the code after the command)"
    )


def test_echo_status_sets_the_exit_code_of_the_command_before() -> None:
    body = (
        "$ orgmodel common a b\nno common superior\n$ echo $?\n1\n$ orgmodel chain x\nerror: no\n"
    )
    found = [e for e in _split(body, 1) if e.command.startswith("orgmodel ")]
    assert [e.expected_code() for e in found] == [1, 2]
    assert [e.exit_code for e in found] == [1, None]


def test_the_readme_runs_many_examples() -> None:
    assert len(EXAMPLES) >= 20  # the check is real: most of the README is run


def update() -> int:
    """Rewrite each checked example's output in README.md from a real run."""
    text = README.read_text(encoding="utf-8")
    where = workspace()
    try:
        out: list[str] = []
        last = 0
        for match in _BLOCK.finditer(text):
            out.append(text[last : match.start("body")])
            body = match.group("body")
            if not match.group("before").startswith("<!-- not run"):
                body = _rewrite(body, where)
            out.append(body)
            last = match.end("body")
        out.append(text[last:])
        new = "".join(out)
    finally:
        shutil.rmtree(where, ignore_errors=True)
    if new != text:
        README.write_text(new, encoding="utf-8")
        print("README.md updated")
    return 0


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
    """Commands written over several lines, joined -> as written (kept so in the README)."""
    out: dict[str, str] = {}
    lines = body.split("\n")
    for i, text in enumerate(lines):
        if text.startswith("$ ") and text.endswith("\\"):
            j = i
            while lines[j].endswith("\\") and j + 1 < len(lines):
                j += 1
            written = "\n".join(lines[i : j + 1])
            out[_join_continued(lines[i : j + 1])[0][2:]] = written
    return out


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
