"""``airlock audit verify|list|export``: the audit log from a terminal.

``verify --json`` prints ``{"ok", "entries", "first_bad", "reason"}`` and exits 0 when
the chain is intact, 1 when it is not (DESIGN's contract: a failure inside).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engine.cli.output import Output
from engine.errors import BadInput
from engine.trust.audit import log_for, write_csv
from engine.trust.install import export_audit, export_rules


def add_parsers(command: Callable[..., argparse.ArgumentParser]) -> None:
    from engine.cli.output import Parser, _json_option

    group = command("audit", "the tamper-evident audit log: verify the chain, list and export entries")
    actions = group.add_subparsers(dest="action", required=True, parser_class=Parser)
    sub = command("verify", "re-walk the hash chain; exit 1 and name the first bad entry when broken", actions)
    _json_option(sub)
    for name, help_text in (("list", "entries, newest first"), ("export", "entries as CSV")):
        sub = command(name, help_text, actions)
        sub.add_argument("--event", default=None,
                         help="only this event (or a prefix ending in '.', e.g. 'model.')")
        sub.add_argument("--since", default=None, metavar="DATE", help="from this date (YYYY-MM-DD)")
        sub.add_argument("--until", default=None, metavar="DATE", help="before this date (YYYY-MM-DD)")
        sub.add_argument("--search", default=None, help="text in the actor or the details")
        sub.add_argument("--limit", type=int, default=100 if name == "list" else 1_000_000)
        if name == "export":
            sub.add_argument("--out", default=None, metavar="FILE", help="CSV file (default: standard output)")
            sub.add_argument("--force", action="store_true", help="replace the --out file if it exists")
        _json_option(sub)


def _rows(ws: Any, args: argparse.Namespace) -> list[dict[str, Any]]:
    if args.limit < 1:
        raise BadInput("--limit must be at least 1.")
    return log_for(ws).entries(event=args.event, since=args.since, until=args.until, text=args.search,
                               limit=args.limit)


def cmd_audit(ws: Any, args: argparse.Namespace) -> Output | None:
    if args.action == "verify":
        result = log_for(ws).verify()
        if result.ok:
            return Output(result.as_dict(), f"The audit log is intact ({result.entries} entries).")
        return Output(result.as_dict(), f"error: the audit log is broken at entry {result.first_bad}: "
                                        f"{result.reason}.", stderr=True, status=1)
    rows = _rows(ws, args)
    if args.action == "list":
        lines = []
        for row in rows:
            details = ", ".join(f"{k}={v}" for k, v in row["details"].items())
            lines.append(f"{row['id']:>6}  {row['at'][:19].replace('T', ' ')}  {row['actor']:<24} "
                         f"{row['event']:<18} {details[:90]}")
        return Output(rows, "\n".join(lines) or "No audit entries.")
    if not args.out:
        if args.json:
            raise BadInput("--json needs --out (the CSV itself goes to standard output)")
        write_csv(rows, sys.stdout, redact=export_rules(ws, asked=False))  # the CSV is the output, masked by the PII mode "exports"
        return None
    path = Path(args.out)
    count = export_audit(ws, rows, path, replace=args.force)
    return Output({"path": str(path), "entries": count}, f"Wrote {count} audit entries to {path}.", stderr=True)


COMMANDS = {"audit": cmd_audit}
