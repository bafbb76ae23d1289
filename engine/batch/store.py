"""Batch jobs and their rows in SQLite: what was asked, what came out, who decided what.

A job keeps everything needed to reproduce its drafts (template version and snapshot,
brand voice rules, knowledge snippets, model and its sha256, parameters, seed policy);
each row keeps its input, the prompt rendered from it, the output per field, timings,
attempts and the reviewer's decision (and every decision in ``batch_decisions``).

Exactly once: a row is *claimed* (pending -> running, with the owner process and an
attempt counted) in its own transaction before it is generated, and *finished* in the
same transaction that records its output. A row still ``running`` whose owner process is
gone (kill -9, crash, power cut) goes back to ``pending`` on the next open
(:meth:`BatchStore.recover`), so nothing is lost and nothing finished runs again.

Personal data (PII mode "history", engine/trust/install.mask_stored): a row's input,
prompt and system prompt are what the model needs, so they stay as imported while the
row waits to be drafted (pending, running, failed and waiting for a retry); the moment a
row is drafted they are masked together with its draft, in the same update. Reviewers'
edits and reasons, the job's knowledge snippets and its source file name are masked as
they are stored. ``mask`` is that rule (identity when the mode is off).
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import psutil
import sqlite_utils

from engine.errors import BadInput
from engine.prompts.outputs import OutputField
from engine.store.db import utc_now

ROW_STATUSES = ("pending", "running", "done", "failed", "approved", "edited", "rejected")
FINISHED = ("done", "approved", "edited", "rejected")
APPROVED = ("approved", "edited")
"""Rows an export includes: approved as drafted, or approved with the reviewer's edits."""
JOB_STATUSES = ("ready", "running", "paused", "cancelled", "finished")
DECISIONS = ("approved", "edited", "rejected", "reopened")
SEED_POLICIES = ("per_row", "fixed")
"""per_row: row N uses seed + N (drafts differ, each reproducible); fixed: one seed for all."""
MAX_REASON_CHARS = 2000
MAX_REVIEWER_CHARS = 100


def process_owner(pid: int | None = None) -> str:
    """This process as a row owner: pid and start time (a reused pid is not the same owner)."""
    proc = psutil.Process(pid or os.getpid())
    return f"{proc.pid}:{proc.create_time():.3f}"


def owner_alive(owner: str | None) -> bool:
    if not owner:
        return False
    pid_text, _, started = owner.partition(":")
    try:
        proc = psutil.Process(int(pid_text))
        return f"{proc.create_time():.3f}" == started and proc.status() != psutil.STATUS_ZOMBIE
    except (ValueError, psutil.Error):
        return False


@dataclass(frozen=True)
class BatchJob:
    id: int
    template_name: str
    template_version: int
    model: str
    model_sha256: str
    params: dict[str, Any]
    seed_policy: str
    seed: int
    outputs: tuple[OutputField, ...]
    json_schema: str | None
    mapping: dict[str, str | None]
    columns: tuple[str, ...]
    source_name: str
    source_encoding: str | None
    status: str
    dry_run: bool
    created_at: str
    updated_at: str
    message: str | None = None
    brand_voice: dict[str, Any] | None = None
    knowledge: tuple[Any, ...] = ()
    template_snapshot: dict[str, Any] = field(default_factory=dict)
    owner: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"job_id": self.id, "template": self.template_name, "template_version": self.template_version,
                "model": self.model, "status": self.status, "dry_run": self.dry_run,
                "source": self.source_name, "encoding": self.source_encoding, "seed_policy": self.seed_policy,
                "seed": self.seed, "outputs": [f.name for f in self.outputs], "created_at": self.created_at,
                "updated_at": self.updated_at, "message": self.message}


@dataclass(frozen=True)
class BatchRow:
    id: int
    job_id: int
    row_number: int
    input: dict[str, str]
    prompt: str
    system: str | None
    status: str
    output_text: str | None
    output_fields: dict[str, Any] | None
    edited_fields: dict[str, Any] | None
    error: str | None
    attempts: int
    seed: int | None
    seconds: float | None
    prompt_tokens: int | None
    cached_tokens: int | None
    completion_tokens: int | None
    generation_id: int | None
    brand_voice_flags: dict[str, Any] | None
    reviewer: str | None
    decided_at: str | None
    reason: str | None
    finished_at: str | None
    owner: str | None = None

    @property
    def final_fields(self) -> dict[str, Any]:
        """What an export writes: the reviewer's edit where there is one, else the draft."""
        if self.edited_fields is not None:
            return dict(self.edited_fields)
        if self.output_fields is not None:
            return dict(self.output_fields)
        return {"text": self.output_text or ""}

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row_number, "status": self.status, "input": self.input,
                "output": self.output_fields if self.output_fields is not None else self.output_text,
                "edited": self.edited_fields, "error": self.error, "attempts": self.attempts,
                "seconds": self.seconds, "reviewer": self.reviewer, "decided_at": self.decided_at,
                "reason": self.reason, "brand_voice_flags": self.brand_voice_flags}


def _loads(value: str | None) -> Any:
    return json.loads(value) if value else None


def _dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _job(row: Mapping[str, Any]) -> BatchJob:
    return BatchJob(
        id=row["id"], template_name=row["template_name"], template_version=row["template_version"],
        model=row["model"], model_sha256=row["model_sha256"], params=json.loads(row["params"]),
        seed_policy=row["seed_policy"], seed=row["seed"],
        outputs=tuple(OutputField.from_dict(f) for f in json.loads(row["outputs"])),
        json_schema=row["json_schema"], mapping=json.loads(row["mapping"]),
        columns=tuple(json.loads(row["columns"])), source_name=row["source_name"],
        source_encoding=row["source_encoding"], status=row["status"], dry_run=bool(row["dry_run"]),
        created_at=row["created_at"], updated_at=row["updated_at"], message=row["message"],
        brand_voice=_loads(row["brand_voice"]), knowledge=tuple(json.loads(row["knowledge"])),
        template_snapshot=json.loads(row["template_snapshot"]), owner=row["owner"])


def _row(row: Mapping[str, Any]) -> BatchRow:
    return BatchRow(
        id=row["id"], job_id=row["job_id"], row_number=row["row_number"], input=json.loads(row["input"]),
        prompt=row["prompt"], system=row["system"], status=row["status"], output_text=row["output_text"],
        output_fields=_loads(row["output_fields"]), edited_fields=_loads(row["edited_fields"]),
        error=row["error"], attempts=row["attempts"], seed=row["seed"], seconds=row["seconds"],
        prompt_tokens=row["prompt_tokens"], cached_tokens=row["cached_tokens"],
        completion_tokens=row["completion_tokens"], generation_id=row["generation_id"],
        brand_voice_flags=_loads(row["brand_voice_flags"]), reviewer=row["reviewer"],
        decided_at=row["decided_at"], reason=row["reason"], finished_at=row["finished_at"], owner=row["owner"])


class BatchStore:
    """The batch tables of one database connection."""

    def __init__(self, db: sqlite_utils.Database, mask: Callable[[Any], Any] | None = None):
        self.db = db
        self.mask: Callable[[Any], Any] = mask or (lambda value: value)
        """What stored content passes (the workspace's text steps: ``ws.record_steps.apply_text``)."""

    # jobs ----------------------------------------------------------------------------

    def create(self, job: Mapping[str, Any], rows: Sequence[Mapping[str, Any]]) -> int:
        """Insert a job and all its rows in one transaction (a failure leaves no job)."""
        now = utc_now()
        record = {**job, "created_at": now, "updated_at": now, "status": "ready"}
        record["knowledge"] = self.mask(record.get("knowledge") or [])
        record["source_name"] = self.mask(record.get("source_name") or "")
        for key in ("params", "mapping", "columns", "outputs", "knowledge", "template_snapshot"):
            record[key] = json.dumps(record.get(key) or ([] if key in ("columns", "outputs", "knowledge") else {}),
                                     ensure_ascii=False, sort_keys=True)
        record["brand_voice"] = _dumps(record.get("brand_voice"))
        with self.db.atomic():
            cursor = self.db.execute(
                f"insert into batch_jobs ({', '.join(record)}) values ({', '.join('?' for _ in record)})",
                list(record.values()))
            job_id = int(cursor.lastrowid)
            self.db.conn.executemany(
                "insert into batch_rows (job_id, row_number, input, prompt, system, seed) values (?, ?, ?, ?, ?, ?)",
                [(job_id, r["row_number"], json.dumps(r["input"], ensure_ascii=False), r["prompt"], r.get("system"),
                  r.get("seed")) for r in rows])
        return job_id

    def find_job(self, job_id: int) -> BatchJob | None:
        rows = list(self.db.query("select * from batch_jobs where id = ?", [job_id]))
        return _job(rows[0]) if rows else None

    def job(self, job_id: int | str) -> BatchJob:
        try:
            number = int(job_id)
        except (TypeError, ValueError):
            raise BadInput(f"'{job_id}' is not a batch job number; 'airlock batch list' shows them.") from None
        found = self.find_job(number)
        if found is None:
            raise BadInput(f"There is no batch job {job_id}; 'airlock batch list' shows them.")
        return found

    def jobs(self) -> list[dict[str, Any]]:
        """Every job, newest first, with its row count and status counts."""
        out = []
        for row in self.db.query("select * from batch_jobs order by created_at desc, id desc"):
            job = _job(row)
            counts = self.counts(job.id)
            out.append({**job.as_dict(), "rows": sum(counts.values()), "counts": counts})
        return out

    def set_job(self, job_id: int, **values: Any) -> None:
        values["updated_at"] = utc_now()
        self.db.execute(f"update batch_jobs set {', '.join(f'{k} = ?' for k in values)} where id = ?",
                        [*values.values(), job_id])

    def delete_job(self, job_id: int) -> None:
        with self.db.atomic():
            self.db.execute("delete from batch_jobs where id = ?", [job_id])

    # rows ----------------------------------------------------------------------------

    def counts(self, job_id: int) -> dict[str, int]:
        counts = dict.fromkeys(ROW_STATUSES, 0)
        for row in self.db.query("select status, count(*) n from batch_rows where job_id = ? group by status",
                                 [job_id]):
            counts[row["status"]] = row["n"]
        return counts

    def rows(self, job_id: int, *, statuses: Iterable[str] | None = None) -> list[BatchRow]:
        statuses = list(statuses or [])
        where = f" and status in ({', '.join('?' for _ in statuses)})" if statuses else ""
        return [_row(r) for r in self.db.query(
            f"select * from batch_rows where job_id = ?{where} order by row_number", [job_id, *statuses])]

    def row(self, job_id: int, row_number: int) -> BatchRow:
        rows = list(self.db.query("select * from batch_rows where job_id = ? and row_number = ?",
                                  [job_id, row_number]))
        if not rows:
            raise BadInput(f"Batch job {job_id} has no row {row_number}.")
        return _row(rows[0])

    def claim_next(self, job_id: int, owner: str, *, upto: int | None = None,
                   only: Sequence[int] | None = None) -> BatchRow | None:
        """Take the next pending row for ``owner``, in one transaction: rows tried before
        first, then in row order; up to row ``upto`` (a dry run; rows tried before count
        too), or only rows ``only``."""
        limit = " and (row_number <= ? or claimed_at is not null)" if upto else ""
        args: list[Any] = [job_id, *([upto] if upto else [])]
        if only is not None:
            limit += f" and row_number in ({', '.join('?' for _ in only) or 'null'})"
            args += list(only)
        with self.db.atomic():  # rows tried before (regenerated, released) first: a reviewer waits on them
            found = list(self.db.query(
                f"select id from batch_rows where job_id = ? and status = 'pending'{limit} "
                "order by claimed_at is null, row_number limit 1", args))
            if not found:
                return None
            self.db.execute("update batch_rows set status = 'running', owner = ?, claimed_at = ?, "
                            "attempts = attempts + 1, error = null where id = ? and status = 'pending'",
                            [owner, utc_now(), found[0]["id"]])
        return _row(next(iter(self.db.query("select * from batch_rows where id = ?", [found[0]["id"]]))))

    def finish(self, row_id: int, owner: str, status: str, **values: Any) -> bool:
        """Record a claimed row's outcome (``done`` or ``failed``); False if ``owner`` no longer
        holds it (it was recovered meanwhile), so an outcome is never written twice."""
        if status not in ("done", "failed"):
            raise ValueError(status)
        for key in ("output_text", "output_fields", "error"):
            if key in values:
                values[key] = self.mask(values[key])
        if status == "done":  # drafted: what the model needed is masked with the draft
            row = next(iter(self.db.query("select input, prompt, system from batch_rows where id = ?", [row_id])),
                       None)
            if row is not None:
                values.update(input=json.dumps(self.mask(json.loads(row["input"])), ensure_ascii=False),
                              prompt=self.mask(row["prompt"]), system=self.mask(row["system"]))
        for key in ("output_fields", "brand_voice_flags"):
            if key in values:
                values[key] = _dumps(values[key])
        values.update(status=status, finished_at=utc_now(), owner=None)
        cursor = self.db.execute(
            f"update batch_rows set {', '.join(f'{k} = ?' for k in values)} "
            "where id = ? and status = 'running' and owner = ?", [*values.values(), row_id, owner])
        return cursor.rowcount == 1

    def release(self, row_id: int, owner: str, *, error: str | None = None) -> None:
        """Give a claimed row back (paused, cancelled, worker crashed): pending again."""
        self.db.execute("update batch_rows set status = 'pending', owner = null, error = ? "
                        "where id = ? and status = 'running' and owner = ?", [error, row_id, owner])

    def recover(self, job_id: int) -> int:
        """Rows left running by an owner that no longer exists go back to pending."""
        stale = [r for r in self.db.query("select id, owner from batch_rows where job_id = ? and status = 'running'",
                                          [job_id]) if not owner_alive(r["owner"])]
        with self.db.atomic():
            for r in stale:
                self.db.execute("update batch_rows set status = 'pending', owner = null "
                                "where id = ? and status = 'running'", [r["id"]])
            job = self.find_job(job_id)
            if job and job.status == "running" and not owner_alive(job.owner):
                self.set_job(job_id, status="paused", owner=None,
                             message="The job stopped unexpectedly; resume it to go on where it stopped.")
        return len(stale)

    def retry_failed(self, job_id: int, row_numbers: Iterable[int] | None = None) -> int:
        """Failed rows (or those of ``row_numbers`` that failed) back to pending."""
        numbers = list(row_numbers or [])
        where = f" and row_number in ({', '.join('?' for _ in numbers)})" if numbers else ""
        with self.db.atomic():
            cursor = self.db.execute(
                f"update batch_rows set status = 'pending', error = null where job_id = ? and status = 'failed'{where}",
                [job_id, *numbers])
        return cursor.rowcount

    def regenerate(self, job_id: int, row_number: int, reviewer: str | None = None) -> BatchRow:
        """Put a drafted, reviewed or failed row back in the queue to be drafted again, at
        the front (:meth:`claim_next` takes rows tried before first) and with a new seed
        (the same seed would give the same draft). The draft it replaces, with the
        reviewer's edit if there was one, is kept in a ``regenerated`` decision
        (:meth:`earlier_drafts`); History keeps its generation too."""
        row = self.row(job_id, row_number)
        if row.status == "running":
            raise BadInput(f"Row {row_number} is being generated right now.")
        if row.status == "pending":
            return row
        drafted = row.output_fields is not None or row.output_text is not None
        with self.db.atomic():
            self.db.execute("update batch_rows set status = 'pending', output_text = null, output_fields = null, "
                            "edited_fields = null, error = null, reviewer = null, decided_at = null, reason = null, "
                            "brand_voice_flags = null, attempts = 0, seed = ? where id = ?",
                            [random.randrange(2**31), row.id])
            self.db.execute("insert into batch_decisions (row_id, decision, reviewer, reason, at, draft, "
                            "generation_id) values (?, 'regenerated', ?, ?, ?, ?, ?)",
                            [row.id, (reviewer or "").strip()[:MAX_REVIEWER_CHARS], row.error, utc_now(),
                             _dumps(row.final_fields) if drafted else None, row.generation_id])
        return self.row(job_id, row_number)

    def earlier_drafts(self, job_id: int, row_number: int) -> list[dict[str, Any]]:
        """The drafts a row had before it was regenerated, newest first: ``fields`` (what
        the review showed then), ``generation_id``, who asked (``reviewer``) and when (``at``)."""
        row = self.row(job_id, row_number)
        return [{"fields": _loads(r["draft"]), "generation_id": r["generation_id"], "reviewer": r["reviewer"],
                 "at": r["at"], "error": r["reason"]}
                for r in self.db.query("select draft, generation_id, reviewer, reason, at from batch_decisions "
                                       "where row_id = ? and decision = 'regenerated' order by id desc", [row.id])]

    def decide(self, job_id: int, row_numbers: Sequence[int], decision: str, reviewer: str, *,
               reason: str | None = None, edited_fields: Mapping[str, Any] | None = None) -> int:
        """Approve, edit, reject or reopen rows; each decision is logged with who and when.

        Only drafted rows (done or already reviewed) can be decided; a row still pending,
        running or failed is refused with its number.
        """
        if decision not in DECISIONS:
            raise BadInput(f"Unknown decision '{decision}'.")
        reviewer = (reviewer or "").strip()
        if not reviewer or len(reviewer) > MAX_REVIEWER_CHARS:
            raise BadInput("Say who is reviewing (a name of 1 to 100 characters).")
        if decision == "rejected" and not (reason or "").strip():
            raise BadInput("Give a reason for rejecting the draft.")
        if reason and len(reason) > MAX_REASON_CHARS:
            raise BadInput(f"The reason may be at most {MAX_REASON_CHARS} characters.")
        if decision == "edited" and not edited_fields:
            raise BadInput("An edit needs the edited text.")
        rows = [self.row(job_id, n) for n in row_numbers]
        not_ready = [r.row_number for r in rows if r.status not in FINISHED]
        if not_ready:
            listed = ", ".join(map(str, not_ready[:20]))
            raise BadInput(f"Row {listed} has no draft to review yet." if len(not_ready) == 1
                           else f"Rows {listed} have no draft to review yet.")
        now = utc_now()
        status = "done" if decision == "reopened" else decision
        with self.db.atomic():
            for r in rows:
                values: dict[str, Any] = {"status": status, "reviewer": reviewer, "decided_at": now,
                                          "reason": self.mask(reason) if decision == "rejected" else None}
                if decision == "edited":
                    values["edited_fields"] = _dumps(self.mask(dict(edited_fields or {})))
                self.db.execute(f"update batch_rows set {', '.join(f'{k} = ?' for k in values)} where id = ?",
                                [*values.values(), r.id])
                self.db.execute("insert into batch_decisions (row_id, decision, reviewer, reason, at) "
                                "values (?, ?, ?, ?, ?)", [r.id, decision, reviewer, self.mask(reason), now])
        return len(rows)

    def decisions(self, job_id: int, row_number: int) -> list[dict[str, Any]]:
        row = self.row(job_id, row_number)
        return list(self.db.query("select decision, reviewer, reason, at from batch_decisions where row_id = ? "
                                  "order by id", [row.id]))
