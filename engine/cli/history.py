"""``airlock history …``: find, show and export past generations."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engine import serialize
from engine.cli.output import Output, Parser, UsageError, _json_option, printable, whole_number
from engine.errors import BadInput
from engine.trust import install as trust


def add_parsers(command: Callable[..., argparse.ArgumentParser]) -> None:
    history = command("history", "find, show and export past generations").add_subparsers(
        dest="action", required=True, parser_class=Parser)
    sub = command("list", "newest generations first", history)
    sub.add_argument("--limit", type=whole_number(), default=20)
    sub.add_argument("--model", default=None)
    _json_option(sub)
    sub = command("search", "full-text search (Chinese and English)", history)
    sub.add_argument("query")
    sub.add_argument("--limit", type=whole_number(), default=20)
    sub.add_argument("--order", choices=("newest", "relevance"), default="newest",
                     help="newest first, or best match first within each 100 newest matches")
    _json_option(sub)
    sub = command("show", "one generation with all its parameters", history)
    sub.add_argument("id", type=whole_number())
    _json_option(sub)
    sub = command("delete", "delete generations and the image files they made", history)
    sub.add_argument("ids", type=whole_number(), nargs="+", metavar="ID")
    _json_option(sub)
    sub = command("export", "write history as JSON Lines or Markdown", history)
    sub.add_argument("--format", choices=("jsonl", "md"), default="jsonl")
    sub.add_argument("--redact", action="store_true",
                     help="mask personal data in every field (e-mails, phones, IDs, cards, IBANs, IPs, protected terms)")
    sub.add_argument("--out", default=None, help="file to write (default: standard output)")
    sub.add_argument("--force", action="store_true", help="replace the --out file if it exists")
    _json_option(sub)


def _history_line(record: dict[str, Any]) -> str:
    prompt = " ".join(record["prompt"].split())
    return (f"{record['id']:>6}  {record['created_at'][:19].replace('T', ' ')}  "
            f"{printable((record.get('model') or '?')[:20], newlines=False):<20} {record['status']:<9} "
            f"{printable(prompt[:70], newlines=False)}")


def cmd_history(ws: Any, args: argparse.Namespace) -> Output | None:
    history = ws.history
    if args.action in ("list", "search"):
        if args.limit < 1:
            raise BadInput("--limit must be at least 1.")
        if args.action == "search" and not args.query.strip():
            raise UsageError("history search needs words to look for; 'airlock history list' shows everything.")
        if args.action == "list":
            rows = history.list(limit=args.limit, model=args.model)
        else:
            rows = history.search(args.query, limit=args.limit, order=args.order)
        if not rows:
            text = "Nothing found." if args.action == "search" else "No history yet."
        else:
            text = "\n".join(_history_line(row) for row in rows)
        return Output([serialize.generation(r) for r in rows], text)
    if args.action == "show":
        from engine.store.export import markdown

        record = history.get(args.id)
        if record is None:
            raise BadInput(f"There is no generation {args.id}.")
        return Output(serialize.generation(record), markdown(record))
    if args.action == "delete":
        missing = [i for i in args.ids if history.get(i) is None]
        if missing:
            raise BadInput(f"There is no generation {missing[0]}.")
        count = ws.delete_generations(args.ids)  # engine rule: the files go with the rows; audited
        return Output({"deleted": list(args.ids)}, f"Deleted {count} generation(s).")
    if args.action == "export":
        from engine.store.export import export_history

        if not args.out:
            if args.json:
                raise UsageError("--json needs --out (the export itself goes to standard output)")
            rules = trust.export_rules(ws, args.redact)
            count = export_history(history, sys.stdout, fmt=args.format, redact=rules or False)
            trust.exported(ws, "history", path=None, count=count, redacted=rules is not None, fmt=args.format)
            return None
        from engine.files import atomic_write

        target = Path(args.out)
        rules = trust.export_rules(ws, args.redact)  # the PII mode may require masking
        with atomic_write(target, replace=args.force) as out:
            count = export_history(history, out, fmt=args.format, redact=rules or False)
        trust.exported(ws, "history", path=str(target), count=count, redacted=rules is not None, fmt=args.format)
        return Output({"path": str(target), "records": count, "format": args.format},
                      f"Wrote {count} generations to {target}.", stderr=True)
    raise UsageError(f"unknown history action {args.action}")


COMMANDS = {"history": cmd_history}
