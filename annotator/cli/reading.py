"""Commands that read a project and print it: ``list``, ``stats``, ``show``, ``claims``,
``search``. Each opens the project for reading (see ``open_project``)."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from annotator.cli.parser import CliError, open_project
from annotator.core.models import Status
from annotator.core.wording import count


def cmd_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core.terminal import for_terminal
    from annotator.storage.doc_attrs import doc_attr_filters

    with open_project(args, reading=True) as project:
        rows = project.documents(
            Status(args.status) if args.status else None,
            external_id=args.external_id,
            uid=args.uid,
            doc_attrs=doc_attr_filters(project.schema, args.doc_attr or ()),
        )
    print(f"{'ID':>5}  {'STATUS':<11}  {'SPANS':>5}  TITLE", file=out)
    for row in rows:
        title = for_terminal(row.title, visual=args.bidi)
        print(f"{row.id:>5}  {row.status:<11}  {row.span_count:>5}  {title}", file=out)
    return 0


def cmd_stats(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with open_project(args, reading=True) as project:
        stats = project.stats()
        classes = project.doc_attrs.counts()
    if args.json:
        data = {
            "format_version": 1,
            "documents": stats.documents,
            "by_status": dict(stats.by_status),
            "spans": dict(stats.spans_by_label),
            "relations": dict(stats.relations_by_label),
            "document_attributes": classes,
        }
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
        return 0
    print(f"documents  {stats.documents}", file=out)
    for status, n in stats.by_status.items():
        print(f"  {status:<11} {n}", file=out)
    print(f"spans      {sum(stats.spans_by_label.values())}", file=out)
    for label, n in stats.spans_by_label.items():
        print(f"  {label:<11} {n}", file=out)
    print(f"relations  {sum(stats.relations_by_label.values())}", file=out)
    for label, n in stats.relations_by_label.items():
        print(f"  {label:<11} {n}", file=out)
    for name, values in classes.items():  # documents per value of each document attribute
        print(f"{name:<10} {sum(values.values())}", file=out)
        for value, n in values.items():
            print(f"  {value:<11} {n}", file=out)
    return 0


def cmd_show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core.doc_categories import categories
    from annotator.core.terminal import for_terminal, mark_spans

    with open_project(args, reading=True) as project:
        doc = project.document(args.doc)
        spans = project.spans(args.doc)
        relations = project.relations(args.doc)
        classes = categories(project.doc_attrs.of(args.doc))
    print(f"# {args.doc}  [{doc.status}]  {len(spans)} spans, {len(relations)} relations", file=out)
    source = f"  source id {doc.external_id}" if doc.external_id else ""
    print(f"# uid {doc.uid}{source}", file=out)
    if classes:
        print(f"# {'  '.join(classes)}", file=out)
    print(for_terminal(mark_spans(doc.text, spans), visual=args.bidi), file=out)
    if spans:
        print("", file=out)
    for span in spans:
        text = for_terminal(span.text, visual=args.bidi)
        print(f"  span {span.id:>5}  {span.label:<10} {span.start}-{span.end}  {text}", file=out)
    for rel in relations:
        print(f"  rel  {rel.id:>5}  {rel.label:<10} {rel.head} -> {rel.tail}", file=out)
    return 0


def cmd_claims(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core.terminal import for_terminal
    from annotator.storage.claims import claims

    with open_project(args, reading=True) as project:
        if args.doc is not None:
            project.document(args.doc)  # a clear error for an unknown id
        found = claims(project, args.doc)
    if args.json:
        print(json.dumps([c.to_json() for c in found], ensure_ascii=False, indent=2), file=out)
        return 0

    def show(text: str) -> str:
        return for_terminal(text, visual=args.bidi)

    for claim in found:
        factuality = claim.span.attrs.get("factuality")
        mark = f" [{factuality}]" if factuality else ""
        print(f"#{claim.doc_id}  claim {claim.span.id}{mark}: {show(claim.span.text)}", file=out)
        for source in claim.sources:
            entity = f" = {show(source.entity.name)}" if source.entity else ""
            stance = source.stance or "no stance"
            print(f"    source ({stance}): {show(source.span.text)}{entity}", file=out)
        for cue in claim.cues:
            print(f"    cue: {show(cue.text)}", file=out)
    print(f"{count(len(found), 'claim')}", file=err)
    return 0


def cmd_search(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core.arabic import normalize
    from annotator.core.terminal import for_terminal
    from annotator.storage.search import search

    if not normalize(args.query).strip():
        # Nothing to look for (an unset shell variable, only harakat): a mistake, not "0 hits".
        raise CliError("the query has nothing to search for (empty, or only spaces and marks)")
    with open_project(args, reading=True) as project:
        entity = None
        if args.entity:
            found = project.entities.candidates(args.entity)
            if not found:
                raise CliError(f"no entity like {args.entity!r} in the registry")
            entity = found[0].id
        hits = search(
            project,
            args.query,
            statuses=[Status(s) for s in args.status or ()],
            label=args.label,
            entity=entity,
            annotator=args.annotator,
            limit=args.limit,
        )
    if args.json:
        print(json.dumps([h.to_json() for h in hits], ensure_ascii=False, indent=2), file=out)
    else:
        for hit in hits:  # the snippet marks the hit ⟦like this⟧
            shown = for_terminal(hit.snippet, visual=args.bidi)
            print(f"#{hit.doc} {hit.start}-{hit.end}  {shown}", file=out)
    print(count(len(hits), "hit"), file=err)
    return 0
