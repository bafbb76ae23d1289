"""Retention: history kept N days (or forever), and "delete everything".

A purge deletes the generations older than the cut-off, the image files they made
inside the data home's ``outputs/`` (a file the user wrote elsewhere with ``--out`` is
theirs and stays; the count says how many), conversations left empty, and batch jobs
(their rows and decisions cascade) not touched since the cut-off when the batch tables
exist. The FTS index follows through its delete triggers, but an FTS5 index keeps a
deleted row's terms in its segments until they are merged: the purge merges them
(``optimize``) and drops the words of the search-word list (``search_words``) no
remaining generation has. ``secure_delete`` is on for the purge, so freed pages are
zeroed, then VACUUM rebuilds the file and a WAL checkpoint truncates the log, so no
deleted text stays in the database files. The audit log keeps its entries (it is
append-only) and records the purge: counts, never content.

The window never runs this on its UI thread: at start it runs on a thread of its own,
on its own connection (engine/trust/install.start_cleanup).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CONFIRMATION = "delete everything"
"""What a person types to confirm deleting all history (the GUI and the CLI ask for it)."""


@dataclass
class PurgeResult:
    generations: int = 0
    conversations: int = 0
    images: int = 0
    images_outside_home: int = 0
    batch_jobs: int = 0
    cutoff: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def cutoff_for(days: int, now: datetime | None = None) -> str:
    moment = (now or datetime.now(timezone.utc)) - timedelta(days=days)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _tables(db: Any) -> set[str]:
    return {r[0] for r in db.conn.execute("select name from sqlite_master where type = 'table'")}


def purge(db: Any, outputs_dir: Path, *, before: str | None, where: str = "", params: list[Any] | None = None,
          vacuum: bool = True) -> PurgeResult:
    """Delete generations created before ``before`` (every one when None), or those
    matching the extra SQL ``where``; then what hangs on them. Returns the counts."""
    clauses, args = [], []
    if before is not None:
        clauses.append("created_at < ?")
        args.append(before)
    if where:
        clauses.append(f"({where})")
        args += params or []
    condition = " and ".join(clauses) or "1 = 1"
    result = PurgeResult(cutoff=before)
    conn = db.conn
    outputs = Path(outputs_dir).resolve()
    paths = [Path(r[0]) for r in conn.execute(
        f"select output_path from generations where {condition} and output_path is not null", args)]
    words = _words_of(db, condition, args)
    conn.execute("pragma secure_delete = on")
    with _write(db):
        result.generations = conn.execute(f"delete from generations where {condition}", args).rowcount
        if result.generations:
            _forget_words(db, words)
        result.conversations = conn.execute(
            "delete from conversations where id not in "
            "(select distinct conversation_id from generations where conversation_id is not null)").rowcount
        if "batch_jobs" in _tables(db) and where == "":
            if before is None:
                result.batch_jobs = conn.execute("delete from batch_jobs").rowcount
            else:
                result.batch_jobs = conn.execute("delete from batch_jobs where updated_at < ?",
                                                 [before]).rowcount
    for path in paths:
        resolved = path.resolve()
        if not resolved.is_relative_to(outputs):
            result.images_outside_home += int(resolved.exists())
            continue
        try:
            resolved.unlink()
            result.images += 1
        except FileNotFoundError:
            pass
        except OSError:
            log.warning("could not delete %s", resolved, exc_info=True)
    if vacuum and (result.generations or result.batch_jobs):
        compact(db)
    return result


@contextmanager
def _write(db: Any) -> Iterator[None]:
    """A write transaction holding the write lock from its start (``BEGIN IMMEDIATE``, which
    the store's connections wait for): a deferred one that first reads could find its
    snapshot stale when the window writes meanwhile, and fail however long it waited.
    Inside a caller's transaction it is a savepoint of it."""
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield
        return
    conn.execute("begin immediate")
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


WORDS_FUNCTION = "airlock_search_words"
"""engine/store/cjk.WORDS_FUNCTION (the store registers it on every connection; this
package sits below the store, so it names it rather than importing it)."""


def _words_of(db: Any, condition: str, args: list[Any]) -> list[str]:
    """The search words (engine/store/cjk.latin_words) of the generations about to go."""
    if "search_words" not in _tables(db):
        return []
    return [r[0] for r in db.conn.execute(
        f"select distinct j.value from generations g, json_each({WORDS_FUNCTION}(g.prompt, g.output)) j "
        f"where {condition}", args)]


def _forget_words(db: Any, words: list[str]) -> None:
    """Drop the words no remaining generation holds (the list only ever grows otherwise)."""
    conn = db.conn
    for word in words:
        phrase = '"' + word.replace('"', '""') + '"'
        if conn.execute("select 1 from generations_fts where generations_fts match ? limit 1",
                        [phrase]).fetchone() is None:
            conn.execute("delete from search_words where word = ?", [word])


def compact(db: Any) -> None:
    """Merge the search index (a deleted row's terms leave its segments), VACUUM, then
    truncate the WAL: what was deleted leaves the files on disk too."""
    conn = db.conn
    if conn.in_transaction:
        conn.commit()
    if "generations_fts" in _tables(db):
        conn.execute("insert into generations_fts (generations_fts) values ('optimize')")
        conn.commit()
    conn.execute("vacuum")
    conn.execute("pragma wal_checkpoint(truncate)")


def purge_expired(db: Any, outputs_dir: Path, days: int | None, *, now: datetime | None = None) -> PurgeResult | None:
    """Apply a retention of ``days`` (None: keep forever, nothing happens)."""
    if days is None:
        return None
    return purge(db, outputs_dir, before=cutoff_for(days, now))


def delete_everything(db: Any, outputs_dir: Path, confirmation: str) -> PurgeResult:
    """Every generation, conversation and batch job, and the images in ``outputs/``;
    ``confirmation`` must be :data:`CONFIRMATION` (the caller asked the person)."""
    from engine.errors import BadInput

    if confirmation.strip().lower() != CONFIRMATION:
        raise BadInput(f"To delete all history, confirm by typing '{CONFIRMATION}'.")
    return purge(db, outputs_dir, before=None)
