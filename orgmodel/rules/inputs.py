"""What the readers met while loading: rows skipped, values that are not what they claim.

Readers do not stop at a bad row; they note it (a
:class:`~orgmodel.records.LoadIssue` with a code) and go on. These rules
turn the notes into findings, so `orgmodel validate` shows them once, with
everything else, where other commands print them as warnings. A junior row
that names no senior post is an orphan and is reported by R002. Codes that
no rule here knows (a new reader's) are reported by F009, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgmodel.records import LoadIssue
from orgmodel.rules.context import Check
from orgmodel.rules.report import Finding, Severity
from orgmodel.rules.rule import rule

__all__ = [
    "ISSUE_CODES",
    "RULES",
    "bad_value",
    "extra_cells",
    "extraction_note",
    "file_skipped",
    "needs_review",
    "other_load_issue",
    "row_skipped",
    "untitled_posting",
]

ISSUE_CODES = {
    "row-skipped": "F001",
    "bad-value": "F002",
    "extraction": "F003",
    "untitled-posting": "F004",
    "needs-review": "F010",
    "extra-cells": "F005",
    "skipped-file": "F006",
    "missing-reference": "R002",  # the row's post has no superior: an orphan
}
"""Which rule reports each reader's issue code; any other code goes to F009."""


def _issues(check: Check) -> Iterator[LoadIssue]:
    code = check.rule.code
    for issue in check.graph.issues:
        if ISSUE_CODES.get(issue.code, "F009") == code:
            yield issue


def _message(check: Check, issue: LoadIssue, text: str) -> str:
    named = [check.name(check.graph.index[s]) for s in issue.subjects if s in check.graph.index]
    return f"{', '.join(named)}: {text}" if named else text


def _findings(check: Check, suffix: str = "") -> Iterator[Finding]:
    for issue in _issues(check):
        text = issue.message + (f" ({issue.code})" if suffix else "")
        yield check.finding(_message(check, issue, text), issue.subjects, [issue.prov])


@rule("F001", "row-skipped", Severity.WARNING)
def row_skipped(check: Check) -> Iterator[Finding]:
    """A row of a table that was skipped because it names no post (no id, no post reference).

    Whatever the row said is missing from the structure. Give it an id, or
    delete it if it is a stray line.

    Fails::

        # hr.csv
        id,title,manager
        1,City Clerk,
        ,Deputy City Clerk,1

    Passes::

        # hr.csv
        id,title,manager
        1,City Clerk,
        2,Deputy City Clerk,1
    """
    return _findings(check)


@rule("F002", "bad-value", Severity.WARNING)
def bad_value(check: Check) -> Iterator[Finding]:
    """A cell that does not hold what its column promises (an FTE that is not a number).

    The value is ignored, so totals such as FTE come out short.

    Fails::

        # hr.csv
        id,title,manager,fte
        1,City Clerk,,1
        2,Deputy City Clerk,1,half

    Passes::

        # hr.csv
        id,title,manager,fte
        1,City Clerk,,1
        2,Deputy City Clerk,1,0.5
    """
    return _findings(check)


@rule("F003", "extraction-note", Severity.INFO)
def extraction_note(check: Check) -> Iterator[Finding]:
    """Something a posting says that the extractor read but did not turn into a line.

    For example "manage vendors" (not staff, so not an org-chart relation)
    or "under executive direction" with no superior named. Worth a glance
    when a posting's lines look incomplete.

    Fails::

        # posting.md
        Job Title: Contracts Manager
        Reports To: Chief Operating Officer
        The Contracts Manager will manage vendors.

    Passes::

        # posting.md
        Job Title: Contracts Manager
        Reports To: Chief Operating Officer
        The Contracts Manager negotiates and tracks service contracts.
    """
    return _findings(check)


@rule("F004", "untitled-posting", Severity.WARNING)
def untitled_posting(check: Check) -> Iterator[Finding]:
    """A posting that states no title, so the post it describes is unnamed.

    The post is kept as "Post described in FILE"; add a `title:` front
    matter field or a "Job Title:" line.

    Fails::

        # posting.md
        We are hiring for our operations team.
        Reports To: Chief Operating Officer

    Passes::

        # posting.md
        Job Title: Operations Analyst
        Reports To: Chief Operating Officer
    """
    return _findings(check)


@rule("F005", "extra-cells", Severity.WARNING)
def extra_cells(check: Check) -> Iterator[Finding]:
    """A table row with more cells than the header has columns.

    Almost always a value with a comma that is not quoted (``Smith, John``):
    every cell after it moves one column to the right, so the title, the
    manager and the rest may be read from the wrong cells, and what is past
    the last column is ignored. Quote the value. (Empty cells past the last
    column, as some spreadsheets export, lose nothing and are not reported.)

    Fails::

        # hr.csv
        id,name,title,manager
        1,Ana Ruiz,City Clerk,
        2,Smith, John,Deputy City Clerk,1

    Passes::

        # hr.csv
        id,name,title,manager
        1,Ana Ruiz,City Clerk,
        2,"Smith, John",Deputy City Clerk,1
    """
    return _findings(check)


@rule("F006", "file-skipped", Severity.INFO)
def file_skipped(check: Check) -> Iterator[Finding]:
    """A file in a source folder that was not read, because it holds no org data.

    A folder of org data may keep other files beside it: a JSON file that
    is neither an org file nor an org tree (a ``package.json``), a text
    that states no title and no reporting line (a ``notes.txt``). Such a
    file is skipped, not turned into a post, and noted here. Move it out
    of the folder to silence the note; named directly with ``-s``, the
    same file is an error (JSON) or an untitled posting (text).

    Fails::

        # hr/org.csv
        id,title,manager
        1,City Clerk,
        2,Deputy City Clerk,1
        ---
        # hr/notes.txt
        Update the chart after the budget vote in June.

    Passes::

        # hr/org.csv
        id,title,manager
        1,City Clerk,
        2,Deputy City Clerk,1
    """
    return _findings(check)


@rule("F010", "needs-review", Severity.WARNING)
def needs_review(check: Check) -> Iterator[Finding]:
    """A line read from a posting with low confidence: check it against the posting.

    The extractor gives every line it reads a confidence (how sure its
    scorer is that the text states the line); a line under 0.6 is kept and
    drawn, and reported here until someone checks it. The message names the
    cue and the confidence; fix the posting's wording, or write the line in
    the org file by hand (a line with no confidence is not reported).

    Fails::

        # saved.yaml
        organizations:
          - name: Lakeview Schools
            posts:
              - id: coo
                title: Chief Operating Officer
                reports_to:
                  - to: Superintendent
                    source: {file: coo.md, start: 40, end: 54, cue: works closely with,
                             confidence: 0.42}

    Passes::

        # saved.yaml
        organizations:
          - name: Lakeview Schools
            posts:
              - id: coo
                title: Chief Operating Officer
                reports_to:
                  - to: Superintendent
                    source: {file: coo.md, start: 40, end: 54, cue: reports to,
                             confidence: 0.97}
    """
    return _findings(check)


@rule("F009", "other-load-issue", Severity.WARNING)
def other_load_issue(check: Check) -> Iterator[Finding]:
    """Any other problem a reader noted while loading (its own code is in the message).

    Readers added later may note problems of new kinds; they are reported
    here until a rule of their own takes them, so none is ever dropped.
    No example: every kind today's readers note has its own rule above.
    """
    return _findings(check, suffix="code")


RULES = (
    row_skipped,
    bad_value,
    extraction_note,
    untitled_posting,
    extra_cells,
    file_skipped,
    other_load_issue,
    needs_review,
)
