"""``airlock insights``: usage, acceptance and time saved for a period, the CSV report, the
admin's baselines, and the signed team roll-up (``export`` / ``merge`` / ``key``).

``airlock insights --json`` prints :func:`engine.insights.metrics.compute`'s result; it
has at least ``generations_by_kind``, ``review`` and ``time_saved_minutes``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engine.cli.output import Output
from engine.errors import BadInput
from engine.insights import baselines as baseline_store
from engine.insights import metrics, report_csv, rollup
from engine.insights.period import Period
from engine.trust import install as trust


def _period_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--since", default=None, metavar="DATE", help="first day, YYYY-MM-DD (default: 27 days ago)")
    sub.add_argument("--until", default=None, metavar="DATE", help="last day, included (default: today)")


def add_parsers(command: Callable[..., argparse.ArgumentParser]) -> None:
    from engine.cli.output import Parser, _json_option

    group = command("insights", "usage, acceptance and estimated time saved for a period")
    _period_options(group)
    group.add_argument("--csv", default=None, metavar="FILE", help="also write the figures as CSV")
    group.add_argument("--with-content", action="store_true",
                       help="with --csv: add the period's prompts and outputs (left out by default)")
    group.add_argument("--force", action="store_true", help="replace the --csv file if it exists")
    _json_option(group)
    actions = group.add_subparsers(dest="action", required=False, parser_class=Parser)
    sub = command("export", "write this workstation's counts for the period as a signed roll-up file", actions)
    _period_options(sub)
    sub.add_argument("--out", default=None, metavar="FILE", help="file to write (default: standard output)")
    sub.add_argument("--force", action="store_true", help="replace the --out file if it exists")
    _json_option(sub)
    sub = command("merge", "check and add up roll-up files from several workstations into one team view",
                  actions)
    sub.add_argument("files", nargs="+", metavar="FILE")
    sub.add_argument("--trusted", default=None, metavar="FILE",
                     help="accept only workstations whose key fingerprint is a line of this file")
    _json_option(sub)
    sub = command("key", "this workstation's roll-up signing key fingerprint (for the trusted list)", actions)
    _json_option(sub)
    sub = command("baselines", "show or change the manual-minutes baselines and the hourly rate", actions)
    sub.add_argument("--category", action="append", default=[], metavar="CATEGORY=MINUTES")
    sub.add_argument("--template", action="append", default=[], metavar="NAME=MINUTES")
    sub.add_argument("--rate", type=float, default=None, metavar="TWD", help="value of an hour, in TWD")
    _json_option(sub)


def _period(args: argparse.Namespace) -> Period:
    return Period.build(args.since, args.until)


def _pct(r: dict[str, Any]) -> str:
    if r["rate"] is None:
        return f"- ({r['numerator']} of {r['denominator']})"
    return f"{r['rate'] * 100:.1f}% ({r['numerator']} of {r['denominator']})"


def summary_text(result: dict[str, Any]) -> str:
    p = result["period"]
    kinds = result["generations_by_kind"]
    out = result["output"]
    lines = [f"Insights {p['since']} .. {p['until']} ({p['days']} days)",
             f"  generations      {kinds.get('text', 0)} text, {kinds.get('image', 0)} image",
             f"  produced         {out['completion_tokens']} tokens, {out['images']} images"]
    for m in result["latency_by_model"][:5]:
        speed = (f", {m['median_tokens_per_second']:.1f} tok/s median"
                 if m["median_tokens_per_second"] is not None else "")
        lines.append(f"  {m['model'][:16]:<16} {m['runs']} runs, median {m['median_seconds']:.2f} s, "
                     f"p95 {m['p95_seconds']:.2f} s{speed}")
    review = result["review"]
    users = result["active_users"]
    saved = result["time_saved"]
    lines += [f"  reviewed rows    {review['reviewed']}",
              f"  acceptance       {_pct(review['acceptance'])}: as-is {_pct(review['accepted_as_is'])}, "
              f"after edits {_pct(review['accepted_after_edits'])}",
              f"  active users     {users['count']} (28 days to {users['until']})",
              f"  time saved       about {saved['hours']:.1f} h, TWD {saved['value_twd']:,} at "
              f"{saved['hourly_rate_twd']:,.0f}/h (estimate)"]
    return "\n".join(lines)


def cmd_insights(ws: Any, args: argparse.Namespace) -> Output | None:
    action = getattr(args, "action", None)
    if action == "key":
        fingerprint = rollup.key_fingerprint(ws.home.root)
        return Output({"key": fingerprint}, fingerprint)
    if action == "merge":
        return _merge(args)
    if action == "baselines":
        return _baselines(ws, args)
    period = _period(args)
    result = metrics.compute(ws.db, period)
    if action == "export":
        document = rollup.export(ws.home.root, result)
        text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
        if not args.out:
            sys.stdout.write(text)  # the signed document is the output: written as it is
            return None
        report_csv.write(Path(args.out), text, encoding="utf-8", replace=args.force)
        return Output({"path": str(Path(args.out).resolve()), "key": document["payload"]["workstation"]["key"],
                       "export_id": document["payload"]["export_id"]})
    if args.with_content and not args.csv:
        raise BadInput("--with-content only goes with --csv FILE.")
    if args.csv:
        rules = trust.export_rules(ws, asked=False)  # the PII mode "exports" masks the content
        content = report_csv.content_rows(ws.db, period, redact=rules) if args.with_content else None
        report_csv.write(Path(args.csv), report_csv.to_text(result, content), replace=args.force)
        trust.exported(ws, "insights", path=str(Path(args.csv).resolve()), count=len(content or []),
                       redacted=rules is not None and content is not None, fmt="csv")
    return Output(result, summary_text(result), notes=(result["time_saved"]["caveat"],))


def _merge(args: argparse.Namespace) -> Output:
    trusted = None
    if args.trusted:
        try:
            lines = Path(args.trusted).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise BadInput(f"Cannot read the trusted list {args.trusted}: {exc.strerror or exc}.") from None
        trusted = {line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()}
    payloads = [(f, rollup.load(Path(f))) for f in args.files]
    team = rollup.merge(payloads, trusted)
    kinds = team["generations_by_kind"]
    review = team["review"]
    return Output(team, "\n".join([
        f"Team view {team['period']['since']} .. {team['period']['until']}, {len(team['workstations'])} workstations",
        f"  generations      {kinds.get('text', 0)} text, {kinds.get('image', 0)} image",
        f"  acceptance       {_pct(review['acceptance'])}",
        f"  time saved       about {team['time_saved_minutes'] / 60:.1f} h (estimate)",
        f"  active users     {team['active_users_sum']} (summed over workstations)"]))


def _assignments(items: list[str], what: str) -> dict[str, float]:
    out = {}
    for item in items:
        name, sep, value = item.rpartition("=")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            name = ""
        if not sep or not name.strip():
            raise BadInput(f"Write the {what} baseline as NAME=MINUTES, e.g. social_post=20 (got '{item}').")
    return out


def _baselines(ws: Any, args: argparse.Namespace) -> Output:
    current = baseline_store.load(ws.db)
    if args.category or args.template or args.rate is not None:
        data = current.as_dict()
        data["minutes_by_category"].update(_assignments(args.category, "category"))
        data["minutes_by_template"].update(_assignments(args.template, "template"))
        if args.rate is not None:
            data["hourly_rate_twd"] = args.rate
        current = baseline_store.Baselines.from_dict(data)
        baseline_store.save(ws.db, current)
    lines = [*(f"  {category:<18} {minutes:g} min" for category, minutes in current.minutes_by_category.items()),
             *(f"  {template:<18} {minutes:g} min (template)"
               for template, minutes in current.minutes_by_template.items()),
             f"  hourly rate        TWD {current.hourly_rate_twd:,.0f}"]
    return Output(current.as_dict(), "\n".join(lines))


COMMANDS = {"insights": cmd_insights}
