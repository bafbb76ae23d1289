"""``airlock batch …``: personalised drafts from a CSV/XLSX, reviewed, then exported.

``batch run`` imports the file, creates the job and generates in the foreground (Ctrl+C
pauses it; ``batch resume`` goes on where it stopped, also after a crash or kill).
``approve`` is for scripted pilots; review normally happens on the Batch page.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

from engine.batch import export as exports, review
from engine.batch.plan import DRY_RUN_ROWS, create_job
from engine.batch.runner import BatchProgress, BatchRunner
from engine.batch.table import ENCODINGS, read_table
from engine.cli.output import Output, note
from engine.errors import BadInput


def add_parsers(command: Callable[..., argparse.ArgumentParser]) -> None:
    from engine.cli.output import Parser, _json_option

    batch = command("batch", "one draft per row of a CSV/XLSX file, reviewed before export")
    actions = batch.add_subparsers(dest="action", required=True, parser_class=Parser)
    sub = command("run", "import a file, create a batch job and generate its drafts (Ctrl+C pauses)", actions)
    sub.add_argument("--template", required=True, metavar="NAME")
    sub.add_argument("--csv", required=True, metavar="FILE", help="a .csv, .tsv or .xlsx file with a header row")
    sub.add_argument("--model", default=None, metavar="NAME")
    sub.add_argument("--encoding", default=None, choices=ENCODINGS, help="override the detected encoding")
    sub.add_argument("--sheet", default=None, help="XLSX: the sheet to read (default: the first)")
    sub.add_argument("--map", action="append", default=[], metavar="VARIABLE=COLUMN",
                     help="fill a template variable from a column (default: matched by name)")
    sub.add_argument("--seed", type=int, default=None)
    sub.add_argument("--seed-policy", choices=("per_row", "fixed"), default="per_row")
    sub.add_argument("--max-tokens", type=int, default=None)
    sub.add_argument("--temperature", type=float, default=None)
    sub.add_argument("--dry-run", action="store_true", help=f"generate only the first {DRY_RUN_ROWS} rows")
    sub.add_argument("--no-run", action="store_true", help="create the job without generating")
    _json_option(sub)
    sub = command("list", "batch jobs, newest first", actions)
    _json_option(sub)
    sub = command("resume", "go on generating a paused, stopped or interrupted job", actions)
    sub.add_argument("job")
    sub.add_argument("--retry-failed", action="store_true", help="also try failed rows again")
    _json_option(sub)
    sub = command("status", "row counts of a job", actions)
    sub.add_argument("job")
    sub.add_argument("--rows", action="store_true", help="also list every row")
    _json_option(sub)
    sub = command("approve", "approve drafted rows (for scripted pilots)", actions)
    sub.add_argument("job")
    which = sub.add_mutually_exclusive_group(required=True)
    which.add_argument("--rows", default=None, metavar="1,2,...")
    which.add_argument("--all", action="store_true", help="every drafted row not yet reviewed")
    sub.add_argument("--reviewer", default=None, help="who approves (default: the login name)")
    _json_option(sub)
    sub = command("export", "write the approved rows: csv, xlsx, eml (a folder) or mbox", actions)
    sub.add_argument("job")
    sub.add_argument("--out", required=True, metavar="FILE")
    sub.add_argument("--format", choices=exports.FORMATS, default="csv")
    sub.add_argument("--to-column", default=None, help="eml/mbox: the column with the addresses")
    sub.add_argument("--from", dest="sender", default=None, help="eml/mbox: the From address")
    sub.add_argument("--force", action="store_true", help="replace files that exist")
    sub.add_argument("--redact", action="store_true",
                     help="mask personal data in every cell (csv/xlsx) or subject and body (eml/mbox)")
    _json_option(sub)


def _reviewer(given: str | None) -> str:
    if given:
        return given
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def _row_numbers(text: str) -> list[int]:
    try:
        numbers = [int(p) for p in text.replace(" ", "").split(",") if p]
    except ValueError:
        raise BadInput(f"--rows takes row numbers separated by commas (got {text!r}).") from None
    if not numbers or min(numbers) < 1:
        raise BadInput("--rows takes row numbers from 1, separated by commas.")
    return numbers


@contextlib.contextmanager
def _ctrl_c_pauses(runner: BatchRunner) -> Iterator[None]:
    """Ctrl+C (SIGINT) pauses the job instead of killing the command.

    The handler runs on the main thread between two of its bytecodes, possibly while that
    thread holds a lock pause() needs (the runner's, the router's, the worker pipe's): so
    the pause itself runs on a thread of its own, or it could wait on its own thread forever."""
    def pause() -> None:
        note("pausing; 'airlock batch resume' goes on from here")
        runner.pause()

    def handler(signum: int, frame: Any) -> None:
        threading.Thread(target=pause, name="batch-pause", daemon=True).start()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _progress(enabled: bool) -> Callable[[BatchProgress], None] | None:
    if not enabled:
        return None

    def show(p: BatchProgress) -> None:
        rate = f"{p.rows_per_minute:.1f} rows/min" if p.rows_per_minute else "-"
        eta = f", about {p.eta_seconds / 60:.0f} min left" if p.eta_seconds else ""
        sys.stderr.write(f"\rrow {p.row_number}: {p.row_status:<8} {p.finished}/{p.total} done, "
                         f"{p.failed} failed, {rate}{eta}   ")
        sys.stderr.flush()

    return show


def _run(ws: Any, job_id: int, *, upto: int | None, quiet: bool) -> Any:
    runner = ws.batch_runner(job_id, on_progress=_progress(not quiet and sys.stderr.isatty()))
    with _ctrl_c_pauses(runner):
        summary = runner.run(upto=upto)
    if not quiet and sys.stderr.isatty():
        sys.stderr.write("\n")
    return summary


def _summary_text(summary: Any) -> str:
    c = summary.counts
    head = {"finished": "Finished", "paused": "Paused", "cancelled": "Cancelled",
            "stopped": "Stopped"}[summary.state]
    return (f"{head}: batch job {summary.job_id}, {sum(c.values())} rows: {c['done']} drafted, {c['failed']} failed, "
            f"{c['pending'] + c['running']} pending, {c['approved'] + c['edited']} approved, {c['rejected']} rejected.")


def cmd_batch(ws: Any, args: argparse.Namespace) -> Output:
    store = ws.batches
    action = args.action
    if action == "run":
        table = read_table(args.csv, encoding=args.encoding, sheet=args.sheet)
        mapping: dict[str, str | None] = {}
        for item in args.map:
            variable, sep, column = item.partition("=")
            if not sep or not variable.strip():
                raise BadInput(f"--map takes VARIABLE=COLUMN (got {item!r}).")
            mapping[variable.strip()] = column.strip() or None
        params = {k: v for k, v in (("max_tokens", args.max_tokens), ("temperature", args.temperature))
                  if v is not None}
        job_id = create_job(ws, args.template, table, mapping=mapping, model=args.model, params=params,
                            seed=args.seed, seed_policy=args.seed_policy, dry_run=args.dry_run)
        if args.no_run:
            counts = store.counts(job_id)
            return Output({"job_id": job_id, "rows": sum(counts.values()), "counts": counts, "state": "ready"},
                          f"Created batch job {job_id} with {sum(counts.values())} rows.")
        summary = _run(ws, job_id, upto=DRY_RUN_ROWS if args.dry_run else None, quiet=args.json)
        return Output(summary.as_dict(), _summary_text(summary), status=0)
    if action == "list":
        jobs = store.jobs()
        text = "\n".join(f"{j['job_id']:>4}  {j['created_at'][:19]}  {j['status']:<9} {j['rows']:>6} rows  "
                         f"{j['template']}  ({j['source']})" for j in jobs)
        return Output(jobs, text or "No batch jobs yet. Start one with: airlock batch run --template NAME --csv FILE")
    job = store.job(args.job)
    if action == "resume":
        if args.retry_failed:
            store.retry_failed(job.id)
        summary = _run(ws, job.id, upto=None, quiet=args.json)
        return Output(summary.as_dict(), _summary_text(summary))
    if action == "status":
        store.recover(job.id)
        counts = store.counts(job.id)
        value: dict[str, Any] = {"job_id": job.id, "rows": sum(counts.values()), "counts": counts,
                                 "status": job.status, "template": job.template_name, "model": job.model}
        lines = [f"Batch job {job.id} ({job.template_name}, {job.status}): {value['rows']} rows",
                 *(f"  {k:<9} {v}" for k, v in counts.items())]
        if args.rows:
            rows = store.rows(job.id)
            value["row_list"] = [r.as_dict() for r in rows]
            lines += [f"  row {r.row_number}: {r.status}{f' ({r.error})' if r.error else ''}" for r in rows]
        return Output(value, "\n".join(lines))
    if action == "approve":
        if args.all:
            numbers = [r.row_number for r in store.rows(job.id, statuses=["done"])]
            if not numbers:
                raise BadInput(f"Batch job {job.id} has no drafted rows waiting for review.")
        else:
            numbers = _row_numbers(args.rows)
        count = review.decide(ws, job.id, numbers, "approved", _reviewer(args.reviewer))  # audited
        return Output({"job_id": job.id, "approved": count, "rows": numbers},
                      f"Approved {count} row{'s' if count != 1 else ''} of batch job {job.id}.")
    if action == "export":
        result = exports.export_approved(ws, job.id, args.out, args.format, replace=args.force,
                                         to_column=args.to_column, sender=args.sender,
                                         redact=args.redact)  # --redact or the PII mode; audited
        skipped = f" ({result.skipped} approved rows had no address)" if result.skipped else ""
        return Output({"job_id": job.id, **result.as_dict()},
                      f"Wrote {result.written} approved row{'s' if result.written != 1 else ''} to "
                      f"{result.path}{skipped}.")
    raise BadInput(f"Unknown batch command '{action}'.")


COMMANDS = {"batch": cmd_batch}
