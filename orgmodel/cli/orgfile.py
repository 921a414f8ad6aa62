"""Commands about the native org file itself."""

from __future__ import annotations

import json

from orgmodel.cli.app import app
from orgmodel.cli.options import write_out

__all__ = ["schema"]


@app.command()
def schema() -> None:
    """Print the JSON Schema of the org file.

    Example: [bold]orgmodel schema > orgfile.schema.json[/]
    """
    from orgmodel.orgfile.schema import json_schema

    write_out(json.dumps(json_schema(), indent=2) + "\n")
