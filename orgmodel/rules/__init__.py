"""Validation rules, one module per family, in an explicit registry (yamllint style).

======================  ==================================================
module                  what its rules find
======================  ==================================================
``cycles``              loops of primary lines; posts reporting to themselves
``lines``               several primary superiors; dotted lines that repeat
                        or stand alone
``roots``               several tops; posts with no superior; abolished posts
                        left as tops; references that match nothing or many
``identity``            duplicate ids; one post described twice
``units``               units with no head or several; units part of themselves
``shape``               span of control, single-report layers, too many layers
``sources``             sources that disagree on who a post reports to
``organizations``       reporting lines across organizations
``inputs``              what the readers noted while loading
======================  ==================================================

Each rule is declared with :func:`~orgmodel.rules.rule.rule` (code, name,
severity, options) and documented by its docstring, with a failing and a
passing example that the tests run. :mod:`~orgmodel.rules.registry` lists
them; :func:`orgmodel.rules.validate.validate` runs them and returns a
:class:`~orgmodel.rules.report.Report`. To add a rule: write it in its
family's module, add it to that module's ``RULES`` and add a test; the
documentation's rules page is generated from the registry
(:mod:`~orgmodel.rules.reference`).
"""

from __future__ import annotations

from orgmodel.rules.report import Finding, Report, Severity
from orgmodel.rules.rule import Rule

__all__ = ["Finding", "Report", "Rule", "Severity"]
