"""The ``schema`` command: print the label schema, or replace it with a file's."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from annotator.cli.parser import CliError, open_project
from annotator.core.errors import AnnotatorError


def cmd_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core.schema import load_schema_text, schema_to_json

    with open_project(args, reading=args.schema_command == "show") as project:
        if args.schema_command == "load":
            try:
                text = Path(args.file).read_text(encoding="utf-8-sig")
            except OSError as exc:
                raise CliError(f"{args.file}: cannot read: {exc.strerror}") from None
            except UnicodeDecodeError:
                raise CliError(f"{args.file}: not UTF-8 text") from None
            try:
                schema = load_schema_text(text)
            except AnnotatorError as exc:
                raise CliError(f"{args.file}: {exc}") from None
            project.set_schema(schema)
            print(f"schema loaded: {len(schema.labels)} labels", file=err)
        else:
            print(
                json.dumps(schema_to_json(project.schema), ensure_ascii=False, indent=2), file=out
            )
    return 0
