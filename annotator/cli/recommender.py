"""The recommender's commands: ``train`` it on the analysts' spans, ``recommend`` for a
document."""

from __future__ import annotations

import argparse
import json
import os
from typing import TextIO

from annotator.cli.parser import open_project
from annotator.core.wording import count


def cmd_train(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.storage.recommender import ProjectRecommender, train_project

    if args.background and hasattr(os, "nice"):
        os.nice(10)  # POSIX; elsewhere the child runs at normal priority
    with open_project(args) as project:  # it stores the model
        result = train_project(project, force=args.force)
        ranked = ProjectRecommender(project).ranking(args.rank) if args.rank > 0 else []
    if args.json:
        report = result.as_json()
        if args.rank > 0:
            report["most_useful"] = [{"doc": d, "uncertainty": round(u, 4)} for d, u in ranked]
        print(json.dumps(report, ensure_ascii=False, indent=2), file=out)
        return 0
    report = result.as_json()
    for label, s in report["labels"].items():
        print(
            f"{label:<10} P {s['precision']:.2f}  R {s['recall']:.2f}  F1 {s['f1']:.2f}"
            f"  ({s['gold']} spans)",
            file=out,
        )
    if report["learning_curve"]:
        curve = ", ".join(f"{float(f):.0%}: {v:.2f}" for f, v in report["learning_curve"].items())
        print(f"learning curve (F1 by share of training documents): {curve}", file=out)
    for label, why in result.withheld.items():
        print(f"{label}: not proposed: {why}", file=err)
    if not result.stored:
        state = "nothing to learn from yet (spans in documents in progress or done); no model"
    elif result.unchanged:
        state = "model unchanged"
    else:
        state = "model stored in the project"
    print(
        f"{count(result.documents, 'document')}, {count(result.spans, 'span')}; {state}",
        file=err,
    )
    for doc_id, uncertainty in ranked:
        print(f"#{doc_id}  uncertainty {uncertainty:.4f}", file=out)
    return 0


def cmd_recommend(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core.terminal import for_terminal
    from annotator.storage.recommender import ProjectRecommender

    with open_project(args, reading=True) as project:
        project.document(args.doc)  # a missing document is a clear error
        recommender = ProjectRecommender(project)
        proposals = recommender.proposals(args.doc) if recommender.trained else []
    if not recommender.trained:
        print("no trained model in this project: run 'annotator train' first", file=err)
    if args.json:
        rows = [
            {
                "start": p.start,
                "end": p.end,
                "label": p.label,
                "text": p.text,
                "score": round(p.score, 4),
            }
            for p in proposals
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2), file=out)
    else:
        for p in proposals:
            shown = for_terminal(p.text, visual=args.bidi)
            print(f"{p.start}-{p.end}  {p.label:<10} {p.score:.2f}  {shown}", file=out)
    print(count(len(proposals), "proposal"), file=err)
    return 0
