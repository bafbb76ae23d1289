"""Handing approved drafts over: CSV for Excel, XLSX, .eml files or one mbox. Never unapproved rows.

Airlock sends nothing itself; these are the formats mail and CRM tools take. Every cell
that a spreadsheet would read as a formula (starting with ``= + - @``, a tab or a carriage
return) is written with a leading apostrophe, in CSV and XLSX alike: a customer's note
``=HYPERLINK(...)`` must not become a live formula on the reviewer's machine (OWASP's
CSV-injection advice). Mails are RFC 5322 messages built with the ``email`` package
(non-ASCII headers encoded as RFC 2047 words, UTF-8 bodies), marked ``X-Unsent: 1`` so
Outlook opens them as drafts; To comes from the mapped address column and Subject
from the draft's ``subject`` field. Files go through engine/files.atomic_write, so a
failure leaves no half-written export.
"""

from __future__ import annotations

import csv
import email.policy
import email.utils
import io
import mailbox
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.batch.mapping import email_column
from engine.batch.store import APPROVED, BatchJob, BatchRow, BatchStore
from engine.errors import BadInput, Cancelled
from engine.files import atomic_write
from engine.trust import pii

FORMATS = ("csv", "xlsx", "eml", "mbox")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MESSAGE_DOMAIN = "airlock.invalid"  # Message-IDs never look up this machine's name (offline)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    written: int  # rows (or messages) written
    skipped: int  # approved rows left out (eml/mbox: no address)

    def as_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "format": self.format, "written": self.written, "skipped": self.skipped}


def neutralise(value: Any) -> str:
    """A cell as text that no spreadsheet evaluates as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(value: Any) -> str:
    return "\n".join(str(v) for v in value) if isinstance(value, list) else ("" if value is None else str(value))


def table_rows(job: BatchJob, rows: Sequence[BatchRow],
               step: Callable[[], None] | None = None) -> tuple[list[str], list[list[str]]]:
    """Header and rows for CSV/XLSX: the source columns, then each output field, then the review."""
    fields = [f.name for f in job.outputs] or ["text"]
    header = ["row", *job.columns, *fields, "status", "reviewer", "decided_at"]
    body = []
    for r in rows:
        if step:
            step()
        final = r.final_fields
        body.append([str(r.row_number), *(r.input.get(c, "") for c in job.columns),
                     *(_cell(final.get(f)) for f in fields), r.status, r.reviewer or "", r.decided_at or ""])
    return header, body


def export_job(store: BatchStore, job_id: int, out: Path | str, fmt: str = "csv", *, replace: bool = False,
               to_column: str | None = None, subject_field: str = "subject", body_field: str = "body",
               sender: str | None = None, redact: pii.Rules | None = None,
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> ExportResult:
    """Write the job's approved rows to ``out`` in ``fmt``; eml writes one file per row into
    the folder ``out``. Refuses when no row is approved, so an empty export never looks done.

    ``redact`` masks personal data in every cell of a CSV/XLSX export and in the subject
    and body of every mail (the PII mode "exports", engine/trust/install.export_rules); a
    mail keeps its recipient's address, which it cannot be delivered without (docs/privacy.md).

    ``progress(done, total)`` is told after each row is prepared; ``cancelled()`` turning
    true stops the export (engine.errors.Cancelled) before anything is written: the file
    appears whole or not at all (engine/files.atomic_write), so the desktop app can run
    an export on a background thread with a Cancel button."""
    if fmt not in FORMATS:
        raise BadInput(f"Unknown export format '{fmt}' (use {', '.join(FORMATS)}).")
    job = store.job(job_id)
    rows = store.rows(job.id, statuses=APPROVED)
    if not rows:
        raise BadInput(f"Batch job {job.id} has no approved rows yet; approve drafts before exporting.")
    out = Path(out)
    done = 0

    def step() -> None:
        nonlocal done
        if cancelled and cancelled():
            raise Cancelled("The export was cancelled; nothing was written.")
        if progress and done:
            progress(done, len(rows))
        done += 1

    if fmt in ("csv", "xlsx"):
        header, body = table_rows(job, rows, step)
        step()
        if redact is not None:
            body = [[pii.redact(cell, redact) or "" for cell in row] for row in body]
        cells = [[neutralise(c) for c in header], *([neutralise(c) for c in row] for row in body)]
        (_write_csv if fmt == "csv" else _write_xlsx)(out, cells, replace)
        return ExportResult(out, fmt, len(rows), 0)
    column = to_column or email_column(job.columns)
    if column is None or column not in job.columns:
        raise BadInput("No column holds the recipients' addresses; name one (e.g. --to-column email).")
    messages = []
    for r in rows:
        step()
        messages.append((r, message(job, r, column, subject_field, body_field, sender, redact=redact)))
    step()
    usable = [(r, m) for r, m in messages if m is not None]
    if not usable:
        if any((r.input.get(column) or "").strip() == pii.LABELS["email"] for r in rows):
            raise BadInput(f"The addresses in the column '{column}' were masked when the drafts were stored "
                           "(PII protection in stored history); export CSV instead and merge it with your "
                           "original list by row number.")
        raise BadInput(f"None of the approved rows has an address in the column '{column}'.")
    if fmt == "mbox":
        _write_mbox(out, [m for _, m in usable], replace)
    else:
        _write_eml_folder(out, usable, replace)
    return ExportResult(out, fmt, len(usable), len(rows) - len(usable))


def export_approved(ws: Any, job_id: int, out: Path | str, fmt: str = "csv", *, replace: bool = False,
                    to_column: str | None = None, sender: str | None = None, redact: bool = False) -> ExportResult:
    """What every front end does to export a job (the CLI, the Batch page): CSV/XLSX cells
    and mail subjects and bodies are masked when ``redact`` asks it or the PII mode
    requires it, and the export is recorded in the audit log (what, where, how many, never
    the content). The Batch page does the same three steps with the writing on a
    background thread."""
    rules = redaction(ws, asked=redact)
    result = export_job(ws.batches, job_id, out, fmt, replace=replace, to_column=to_column, sender=sender,
                        redact=rules)
    record_export(ws, job_id, result, redacted=rules is not None)
    return result


def redaction(ws: Any, *, asked: bool = False) -> pii.Rules | None:
    """The masking an export gets: the person asked for it, or the PII mode requires it
    (None: none)."""
    from engine.trust.install import export_rules

    return export_rules(ws, asked=asked)


def record_export(ws: Any, job_id: int, result: ExportResult, *, redacted: bool) -> None:
    """The audit entry of a written export."""
    from engine.trust.audit import audit

    audit(ws, "export.written", what="batch", job_id=job_id, path=str(result.path), records=result.written,
          format=result.format, redacted=redacted)


def _write_csv(out: Path, cells: list[list[str]], replace: bool) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(cells)
    with atomic_write(out, replace=replace, encoding="utf-8-sig", newline="") as handle:
        handle.write(buffer.getvalue())


def _write_xlsx(out: Path, cells: list[list[str]], replace: bool) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Approved")
    for row in cells:
        sheet.append(row)
    with atomic_write(out, replace=replace, binary=True) as handle:
        book.save(handle)


def message(job: BatchJob, row: BatchRow, to_column: str, subject_field: str, body_field: str,
            sender: str | None, *, redact: pii.Rules | None = None) -> Any:
    """One approved draft as an RFC 5322 message, or None when the row has no address;
    ``redact``: subject and body masked (the To address is kept)."""
    from email.message import EmailMessage

    address = (row.input.get(to_column) or "").strip()
    if not address or "@" not in address:
        return None
    final = row.final_fields
    subject = _cell(final.get(subject_field, "")).replace("\r", " ").replace("\n", " ").strip()
    body = _cell(final.get(body_field)) if body_field in final else \
        "\n\n".join(_cell(v) for k, v in final.items() if k != subject_field)
    if redact is not None:
        subject, body = pii.redact(subject, redact) or "", pii.redact(body, redact) or ""
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["To"] = address
    if sender:
        msg["From"] = sender
    msg["Subject"] = subject
    msg["Date"] = email.utils.formatdate(localtime=True)
    msg["Message-ID"] = email.utils.make_msgid(idstring=f"batch{job.id}.row{row.row_number}", domain=MESSAGE_DOMAIN)
    msg["X-Unsent"] = "1"
    msg.set_content(body, charset="utf-8")
    return msg


def _write_eml_folder(out: Path, messages: list[tuple[BatchRow, Any]], replace: bool) -> None:
    if out.exists() and not out.is_dir():
        raise BadInput(f"{out} is a file; .eml export writes one file per draft into a folder.")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BadInput(f"Cannot create the folder {out} ({exc.strerror}).") from None
    for row, msg in messages:
        with atomic_write(out / f"row-{row.row_number:05d}.eml", replace=replace, binary=True) as handle:
            handle.write(msg.as_bytes())


def _write_mbox(out: Path, messages: list[Any], replace: bool) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        staging = Path(folder) / "out.mbox"
        box = mailbox.mbox(staging, create=True)
        try:
            for msg in messages:
                box.add(msg)
            box.flush()
        finally:
            box.close()
        data = staging.read_bytes()
    with atomic_write(out, replace=replace, binary=True) as handle:
        handle.write(data)
