"""Commands that keep a project file safe: ``check`` (damage) and ``backups``.

Both work on a damaged or missing file, so neither opens the project."""

from __future__ import annotations

import argparse
from typing import TextIO

from annotator.cli.parser import CliError
from annotator.core.wording import count
from annotator.storage.location import resolve_project_path


def cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.storage.backups import damage_hint
    from annotator.storage.safety import check_file

    path = resolve_project_path(args.db)
    report = check_file(path)
    for problem in report.problems:
        print(f"{path}: {problem}", file=out)
    if report.ok:
        print(f"{path}: no damage ({count(report.spans_checked, 'span')} checked)", file=err)
        return 0
    print(f"{path}: damaged; {damage_hint(path)}", file=err)
    return 1


def cmd_backups(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.storage.backups import backup_folder, list_backups, restore

    path = resolve_project_path(args.db)
    if not path.exists() and not backup_folder(path).is_dir():
        raise CliError(f"no project at {path}")  # a lost project with backups can be restored
    if args.restore is not None:
        chosen, aside = restore(path, args.restore)
        print(f"restored {chosen.path.name} ({chosen.made}) to {path}", file=err)
        if aside.exists():
            print(f"the file it replaced is kept as {aside}", file=err)
        return 0
    copies = list_backups(path)
    for number, copy in enumerate(copies, start=1):
        size = f"{copy.size / 1e6:.1f} MB"
        print(f"{number:>3}  {copy.made}  {size:>10}  {copy.checked:<9}  {copy.path}", file=out)
    print(f"{count(len(copies), 'backup')} in {backup_folder(path)}", file=err)
    return 0
