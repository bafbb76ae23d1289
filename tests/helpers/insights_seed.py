"""Build histories for the insights tests and benchmark: generations and batch review rows
written straight into a real store (the schema of engine/store/migrations.py), fast enough
to seed a year of 100k generations in seconds."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlite_utils


OLD_WORDS = {"done": "ok", "stopped": "cancelled"}


def status_word(db: sqlite_utils.Database, word: str) -> str:
    """``word`` as this schema stores it: until the reliability migration lands the table's
    CHECK only allows the old ``ok`` / ``cancelled`` (metrics read both)."""
    sql = db.execute("select sql from sqlite_master where name = 'generations'").fetchone()[0]
    return word if "'done'" in sql or word not in OLD_WORDS else OLD_WORDS[word]


def stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def add_generation(db: sqlite_utils.Database, *, at: datetime, kind: str = "text", model: str = "m1",
                   status: str = "done", seconds: float | None = 1.0, tps: float | None = None,
                   prompt_tokens: int | None = 10, completion_tokens: int | None = 20,
                   template: str | None = None, user: str | None = "ann", backend: str | None = None,
                   output_path: str | None = None, prompt: str = "p", output: str = "o") -> int:
    params: dict[str, Any] = {}
    if template:
        params["template"] = {"name": template, "version": 1, "variables": {}}
    if user:
        params["user"] = user
    if backend:
        params["backend"] = backend
    cursor = db.execute(
        "insert into generations (kind, model, prompt, output, params, status, seconds, tokens_per_second, "
        "prompt_tokens, completion_tokens, output_path, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?)",
        [kind, model, prompt, output, json.dumps(params), status_word(db, status), seconds, tps, prompt_tokens,
         completion_tokens, output_path, stamp(at)])
    return int(cursor.lastrowid)


def add_job(db: sqlite_utils.Database, template: str, *, at: datetime) -> int:
    cursor = db.execute(
        "insert into batch_jobs (template_name, template_version, template_snapshot, model, model_sha256, "
        "params, seed_policy, seed, mapping, columns, source_name, status, created_at, updated_at) "
        "values (?, 1, '{}', 'm1', 'x', '{}', 'fixed', 1, '{}', '[]', 'customers.csv', 'done', ?, ?)",
        [template, stamp(at), stamp(at)])
    return int(cursor.lastrowid)


def add_row(db: sqlite_utils.Database, job_id: int, number: int, *, status: str, decided: datetime | None,
            reviewer: str | None = "rita", draft: str = "hello world", edited: str | None = None,
            reason: str | None = None) -> int:
    cursor = db.execute(
        "insert into batch_rows (job_id, row_number, input, prompt, status, output_text, output_fields, "
        "edited_fields, reviewer, decided_at, reason) values (?, ?, '{}', 'p', ?, ?, ?, ?, ?, ?, ?)",
        [job_id, number, status, draft, json.dumps({"body": draft}),
         json.dumps({"body": edited}) if edited is not None else None, reviewer,
         stamp(decided) if decided else None, reason])
    return int(cursor.lastrowid)


def seed_year(db: sqlite_utils.Database, *, generations: int = 100_000, reviewed: int = 20_000,
              end: datetime | None = None, seed: int = 7) -> dict[str, int]:
    """A year of work ending at ``end``: ``generations`` rows over 6 models, 12 templates,
    5 users, 3 statuses; ``reviewed`` decided batch rows over 200 jobs and 4 reviewers."""
    rng = random.Random(seed)
    end = end or datetime(2026, 12, 1, tzinfo=timezone.utc)
    start = end - timedelta(days=365)
    span = (end - start).total_seconds()
    models = [("smollm2-135m", "text"), ("qwen2.5-7b", "text"), ("gemma-3-4b", "text"),
              ("llama-3.2-3b", "text"), ("sd15", "image"), ("sdxl-turbo", "image")]
    templates = [f"template-{i}" for i in range(12)]
    text = "社群貼文 draft about the autumn tea launch " * 6
    words = {w: status_word(db, w) for w in ("done", "stopped", "failed")}
    gen_rows = []
    for i in range(generations):
        model, kind = models[rng.randrange(len(models))]
        params = {"user": f"user{rng.randrange(5)}", "seed": i}
        if rng.random() < 0.6:
            params["template"] = {"name": rng.choice(templates), "version": 1, "variables": {"brand": "x"}}
        status = rng.choices(["done", "stopped", "failed"], [90, 7, 3])[0]
        gen_rows.append((kind, model, text, text if kind == "text" else "", json.dumps(params), words[status],
                         rng.uniform(0.5, 30.0), rng.uniform(20, 90) if kind == "text" else None,
                         rng.randrange(20, 400), rng.randrange(20, 600) if kind == "text" else None,
                         f"/outputs/{i}.png" if kind == "image" else None,
                         stamp(start + timedelta(seconds=rng.uniform(0, span)))))
    with db.atomic():
        db.conn.executemany(
            "insert into generations (kind, model, prompt, output, params, status, seconds, tokens_per_second, "
            "prompt_tokens, completion_tokens, output_path, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?)", gen_rows)
        jobs = [add_job(db, rng.choice(templates), at=start + timedelta(days=d * 365 / 200)) for d in range(200)]
        rows = []
        for i in range(reviewed):
            job = jobs[i * len(jobs) // reviewed]
            status = rng.choices(["approved", "edited", "rejected"], [60, 25, 15])[0]
            draft = text
            edited = draft.replace("autumn", "spring") + " 限時優惠" if status == "edited" else None
            # reviewers work in sessions of 25 rows, 20-90 s apart
            session, within = divmod(i, 25)
            decided = start + timedelta(seconds=span * session * 25 / reviewed + within * 55 + rng.uniform(-35, 35))
            decided = min(max(decided, start), end - timedelta(seconds=1))
            rows.append((job, i, status, draft, json.dumps({"body": draft}),
                         json.dumps({"body": edited}) if edited else None, f"reviewer{session % 4}",
                         stamp(decided), rng.choice(["off-brand", "wrong price", ""]) if status == "rejected"
                         else None))
        db.conn.executemany(
            "insert into batch_rows (job_id, row_number, input, prompt, status, output_text, output_fields, "
            "edited_fields, reviewer, decided_at, reason) values (?, ?, '{}', 'p', ?, ?, ?, ?, ?, ?, ?)", rows)
    return {"generations": generations, "reviewed": reviewed}
