"""MkDocs hooks: the pages made from the code, and the charts in diagrams/.

* ``cli.md`` -- the command-line reference, from the commands ``--help`` prints
  (:func:`orgmodel.cli.reference.reference`);
* ``rules.md`` -- every validation rule, from the registry and the rules' docstrings
  (:func:`orgmodel.rules.reference.reference`);
* ``changelog.md`` -- CHANGELOG.md as it is;
* ``diagrams/*`` -- the charts of the sample data the pages show, from the repository's
  ``diagrams/`` folder (one copy of each, where ``make diagrams`` writes them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[1]
_PICTURES = (".png", ".svg")


def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    from orgmodel.cli.reference import reference as cli_reference
    from orgmodel.rules.reference import reference as rules_reference

    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    for name, content in (
        ("cli.md", cli_reference()),
        ("rules.md", rules_reference()),
        ("changelog.md", changelog),
    ):
        files.append(File.generated(config, name, content=content))
    for picture in sorted((ROOT / "diagrams").iterdir()):
        if picture.suffix in _PICTURES:
            files.append(
                File(
                    f"diagrams/{picture.name}",
                    src_dir=str(ROOT),
                    dest_dir=config.site_dir,
                    use_directory_urls=config.use_directory_urls,
                )
            )
    return files
