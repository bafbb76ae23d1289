"""Every generation, kept: conversations, their turns, search and export.

A *generation* is one prompt and its output, with everything needed to make it again
(model sha256, parameters, seed, library versions) and what it cost (tokens, timings).
A conversation is an ordered list of generations. Regenerating or editing a turn never
deletes the old answer: it marks it *superseded*, so it leaves the conversation's
context but stays in history.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from engine.records import RecordSteps
from engine.store import cjk, leases
from engine.store.db import utc_now
from engine.where import Where

log = logging.getLogger(__name__)

JSON_COLUMNS = ("params", "versions")
INTERRUPTED_MESSAGE = ("Airlock stopped before this generation finished (the process ended); "
                       "the text kept is what it had written.")
SEARCH_ORDERS = ("relevance", "newest")
RELEVANCE_WINDOW = 100
"""How many matches, newest first, are ranked together by relevance (see History.search)."""
NEXT_ID = ("(select max(coalesce((select max(id) from generations), 0), "
           "coalesce((select value from id_floor where name = 'generations'), 0)) + 1)")
"""The next generation's id: above the highest one stored and every one ever deleted."""


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    row.pop("search_text", None)
    for column in JSON_COLUMNS:
        if isinstance(row.get(column), str):
            try:
                row[column] = json.loads(row[column])
            except ValueError:
                row[column] = {}
    return row


class History:
    """The history API over an open database; the only code that writes generations."""

    def __init__(self, db: sqlite_utils.Database, steps: RecordSteps | None = None):
        self.db = db
        self.steps = steps if steps is not None else RecordSteps()
        """What every stored generation passes through before it is written
        (engine/records.py); the workspace fills it."""

    # conversations -------------------------------------------------------------------

    def new_conversation(self, title: str = "", kind: str = "text") -> int:
        now = utc_now()
        with self.db.atomic():
            cursor = self.db.execute(
                "insert into conversations (title, kind, created_at, updated_at) values (?, ?, ?, ?)",
                [self.steps.apply_text(title[:200]), kind, now, now],
            )
        return int(cursor.lastrowid)

    def conversation(self, conversation_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query("select * from conversations where id = ?", [conversation_id]))
        return rows[0] if rows else None

    def conversations(self, *, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
        """Conversations, most recently active first."""
        return list(
            self.db.query(
                "select * from conversations order by updated_at desc, id desc limit ? offset ?",
                [limit, offset],
            )
        )

    def rename_conversation(self, conversation_id: int, title: str) -> None:
        with self.db.atomic():
            self.db.execute(
                "update conversations set title = ? where id = ?",
                [self.steps.apply_text(title[:200]), conversation_id]
            )

    def delete_conversation(self, conversation_id: int) -> None:
        with self.db.atomic():
            self.db.execute("delete from conversations where id = ?", [conversation_id])

    def turns(self, conversation_id: int, *, include_superseded: bool = False) -> list[dict[str, Any]]:
        """The generations of a conversation in order (the live ones unless asked)."""
        sql = "select * from generations where conversation_id = ?"
        if not include_superseded:
            sql += " and superseded = 0"
        return [_decode(r) for r in self.db.query(sql + " order by id", [conversation_id])]

    def context_messages(self, conversation_id: int) -> list[dict[str, str]]:
        """The chat messages a model should see to continue this conversation.

        Failed turns are left out; a stopped turn keeps what it had written, as the user
        saw it.
        """
        messages: list[dict[str, str]] = []
        for turn in self.turns(conversation_id):
            if turn["status"] == "failed":
                continue
            messages.append({"role": "user", "content": turn["prompt"]})
            if turn["output"]:
                messages.append({"role": "assistant", "content": turn["output"]})
        return messages

    def supersede_from(self, conversation_id: int, generation_id: int) -> int:
        """Take ``generation_id`` and every later turn out of the conversation's context."""
        with self.db.atomic():
            cursor = self.db.execute(
                "update generations set superseded = 1 where conversation_id = ? and id >= ?",
                [conversation_id, generation_id],
            )
        return cursor.rowcount

    # generations ----------------------------------------------------------------------

    def add(self, record: dict[str, Any]) -> int:
        """Store one generation; ``record`` holds the generations columns (JSON ones as dicts).

        The record first passes through :attr:`steps` (brand-voice check, and whatever
        policy adds), so no front end can store a generation that skipped them."""
        row = self.steps.apply(dict(record))
        row.setdefault("created_at", utc_now())
        for column in JSON_COLUMNS:
            if column in row and not isinstance(row[column], str):
                row[column] = json.dumps(row[column], ensure_ascii=False, sort_keys=True)
        row.pop("search_text", None)  # the search index is filled by a trigger (migrations)
        row.pop("id", None)
        columns = list(row)
        with self.db.atomic():
            # Numbered above every id ever used, in the one statement that inserts (so under
            # the write lock): a purged generation's id is never reused (m_trust_002).
            cursor = self.db.execute(
                f"insert into generations (id, {', '.join(columns)}) values ({NEXT_ID}, "
                f"{', '.join('?' for _ in columns)})",
                [row[c] for c in columns],
            )
            if row.get("conversation_id") is not None:
                self.db.execute(
                    "update conversations set updated_at = ? where id = ?",
                    [row["created_at"], row["conversation_id"]],
                )
        return int(cursor.lastrowid)

    # a generation is stored when it starts ----------------------------------------------

    def start(self, record: dict[str, Any]) -> int:
        """Store a generation as it begins (status ``running``, no output yet), leased to
        this process: a kill -9 now still leaves the prompt and its parameters, and the
        next open turns the row ``interrupted`` (:meth:`interrupt_abandoned`)."""
        with self.db.atomic():
            generation_id = self.add({**record, "status": "running", "output": record.get("output", "")})
            leases.take(self.db, f"generation:{generation_id}")
        return generation_id

    def stream(self, generation_id: int, output: str) -> None:
        """Keep the text streamed so far (called every second or so while it runs). The
        record steps see the row when it starts and when it ends, not at every update (an
        interrupted row passes them when it is marked, on the next open); the text steps
        (PII masking in history mode) see every update."""
        output = self.steps.apply_text(output)
        with self.db.atomic():
            self.db.execute("update generations set output = ? where id = ? and status = 'running'",
                            [output, generation_id])
            leases.renew(self.db, f"generation:{generation_id}")

    def finish(self, generation_id: int, record: dict[str, Any]) -> None:
        """Write the finished (done, stopped, failed) generation over its running row."""
        row = self.steps.apply(dict(record))
        for column in JSON_COLUMNS:
            if column in row and not isinstance(row[column], str):
                row[column] = json.dumps(row[column], ensure_ascii=False, sort_keys=True)
        row.pop("search_text", None)
        row.pop("created_at", None)
        columns = [c for c in row if c != "id"]
        with self.db.atomic():
            self.db.execute(f"update generations set {', '.join(f'{c} = ?' for c in columns)} where id = ?",
                            [row[c] for c in columns] + [generation_id])
            leases.release(self.db, f"generation:{generation_id}")

    def interrupt_abandoned(self) -> int:
        """Rows left ``running`` by a process that is gone become ``interrupted``, keeping
        the text they had streamed; a generation another live process is running is left
        alone. Returns how many were interrupted."""
        running = [r["id"] for r in self.db.query("select id from generations where status = 'running'")]
        gone = leases.abandoned(self.db, [f"generation:{i}" for i in running])
        ids = [int(resource.split(":", 1)[1]) for resource in gone]
        try:
            for generation_id in ids:
                row = self.get(generation_id)
                if row is None or row["status"] != "running":
                    continue
                record = {k: v for k, v in row.items() if k not in ("id", "created_at", "rank")}
                self.finish(generation_id, {**record, "status": "interrupted", "error": INTERRUPTED_MESSAGE})
        except sqlite3.OperationalError as exc:  # a read-only home: the next writable open does it
            log.info("left %d interrupted generations as they were: %s", len(ids), exc)
        return len(ids)

    def get(self, generation_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query("select * from generations where id = ?", [generation_id]))
        return _decode(rows[0]) if rows else None

    def delete(self, generation_ids: Iterable[int]) -> int:
        """Delete generations and the files they made (an image's PNG, wherever it was
        written), so History, the gallery and the CLI leave no orphans behind. Returns how
        many rows went; a file already gone or not removable is logged, not an error."""
        ids = list(generation_ids)
        paths = [r["output_path"] for i in ids for r in self.db.query(
            "select output_path from generations where id = ? and output_path is not null", [i])]
        with self.db.atomic():
            cursor = self.db.conn.executemany(
                "delete from generations where id = ?", [(i,) for i in ids]
            )
        for path in paths:
            try:
                Path(path).unlink(missing_ok=True)
            except OSError:
                log.warning("could not delete %s", path, exc_info=True)
        return cursor.rowcount

    def export(self, out: Any, **options: Any) -> int:
        """Write generations to ``out`` as JSON Lines or Markdown (engine/store/export.py
        names the options); returns how many. Front ends call this, not the module."""
        from engine.store.export import export_history

        return export_history(self, out, **options)

    @staticmethod
    def markdown(record: dict[str, Any]) -> str:
        """One generation as Markdown: the History detail pane and ``history show``."""
        from engine.store.export import markdown

        return markdown(record)

    def models_used(self) -> list[str]:
        """Names of the models that appear in history (for filters)."""
        return [r["model"] for r in self.db.query(
            "select distinct model from generations where model is not null order by model")]

    def count(self) -> int:
        return self.db.execute("select count(*) from generations").fetchone()[0]

    def _filters(self, model: str | None, kind: str | None, since: str | None,
                 until: str | None) -> tuple[str, list[Any]]:
        where = (Where().add("g.model = ?", model).add("g.kind = ?", kind)
                 .add("g.created_at >= ?", since).add("g.created_at < ?", until))
        return where.and_sql(), where.params

    def list(self, *, limit: int = 50, before_id: int | None = None, model: str | None = None,
             kind: str | None = None, since: str | None = None,
             until: str | None = None) -> list[dict[str, Any]]:
        """Generations newest first. Paging is by ``before_id`` (keyset), which stays
        instant at any depth, unlike OFFSET."""
        where, params = self._filters(model, kind, since, until)
        if before_id is not None:
            where += " and g.id < ?"
            params.append(before_id)
        sql = f"select g.* from generations g where 1 = 1{where} order by g.id desc limit ?"
        return [_decode(r) for r in self.db.query(sql, params + [limit])]

    def search(self, query: str, *, limit: int = 50, offset: int = 0, order: str = "newest",
               before_id: int | None = None, model: str | None = None, kind: str | None = None,
               since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
        """Full-text search (Chinese and English), newest first unless asked otherwise.

        ``order="newest"`` (the default: it stays a few milliseconds for any query at
        100,000 generations): every match, newest first (page with ``before_id``, the last id
        of the previous page, or ``offset``). ``order="relevance"``: the matches are taken
        newest first in windows of :data:`RELEVANCE_WINDOW` (two pages), and each window is
        ranked best first by a BM25-style score (cjk.rank_scores); page with ``offset``. Ranking every match instead made a
        frequent word (a company's own brand, in most of its history) cost 200-600 ms at
        100,000 generations; ranking within windows bounds the work per page and every
        match still comes once, in some page (docs/benchmarks.md, "History search").
        """
        if order not in SEARCH_ORDERS:
            raise ValueError(f"order must be one of {SEARCH_ORDERS}, not {order!r}")
        match = cjk.fts_query(query, self._words_beginning)
        if match is None:
            return []
        where, params = self._filters(model, kind, since, until)
        if order == "newest":
            if before_id is not None:
                where += " and f.rowid < ?"
                params.append(before_id)
            sql = ("select g.* from generations_fts f join generations g on g.id = f.rowid "
                   f"where generations_fts match ?{where} order by f.rowid desc limit ? offset ?")
            return [_decode(r) for r in self.db.query(sql, [match, *params, limit, offset])]
        rows: list[dict[str, Any]] = []
        while len(rows) < limit:
            window, inner = divmod(offset + len(rows), RELEVANCE_WINDOW)
            wanted = min(limit - len(rows), RELEVANCE_WINDOW - inner)
            page = self._ranked_window(query, match, where, params, window, inner, wanted)
            rows.extend(page)
            if len(page) < wanted:
                break  # a window that ends early is the last one
        return rows

    def _words_beginning(self, prefix: str) -> list[str] | None:
        """The history's indexed words that start with ``prefix`` (a few more than
        cjk.fts_query will take, so that it can tell "too many")."""
        end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        return [r[0] for r in self.db.execute(
            "select word from search_words where word >= ? and word < ? limit ?",
            [prefix, end, cjk.EXPAND_AT_MOST + 1]).fetchall()]

    def _ranked_window(self, query: str, match: str, where: str, params: list[Any], window: int,
                       inner: int, count: int) -> list[dict[str, Any]]:
        """``count`` matches from the ``inner``-th on, of window number ``window`` ranked
        best first (cjk.rank_scores; ties newest first)."""
        sql = ("select g.* from generations_fts f join generations g on g.id = f.rowid "
               f"where generations_fts match ?{where} order by f.rowid desc limit ? offset ?")
        rows = list(self.db.query(sql, [match, *params, RELEVANCE_WINDOW, window * RELEVANCE_WINDOW]))
        scores = cjk.rank_scores(cjk.query_terms(query), [f"{r['prompt']}\n{r['output'] or ''}" for r in rows])
        ranked = sorted(zip(scores, rows), key=lambda pair: (-pair[0], -pair[1]["id"]))
        return [_decode(row) for _score, row in ranked[inner : inner + count]]

    def pages(self, query: str = "", *, size: int = 50, order: str = "newest",
              **filters: Any) -> Iterator[list[dict[str, Any]]]:
        """Generations a page at a time: for a query in ``order`` (see :meth:`search`), else
        newest first.

        The cursor follows the pages as the store returned them, so a caller that hides
        some rows of a page (a view filter) never shifts or repeats the next page.
        Newest-first pages are by keyset (``before_id``), which stays instant at any depth;
        relevance pages by offset.
        """
        before, offset = None, 0
        while True:
            if query.strip() and order == "relevance":
                page = self.search(query, limit=size, offset=offset, order="relevance", **filters)
            elif query.strip():
                page = self.search(query, limit=size, order="newest", before_id=before, **filters)
            else:
                page = self.list(limit=size, before_id=before, **filters)
            if not page:
                return
            yield page
            if len(page) < size:
                return
            offset += len(page)
            before = page[-1]["id"]

    def iter_all(self, ids: Iterable[int] | None = None, *, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every generation (or those in ``ids``), oldest first, read in batches."""
        if ids is not None:
            wanted = sorted(set(ids))
            for start in range(0, len(wanted), batch):
                chunk = wanted[start : start + batch]
                marks = ", ".join("?" for _ in chunk)
                yield from (
                    _decode(r)
                    for r in self.db.query(
                        f"select * from generations where id in ({marks}) order by id", chunk
                    )
                )
            return
        last = 0
        while True:
            rows = list(
                self.db.query(
                    "select * from generations where id > ? order by id limit ?", [last, batch]
                )
            )
            if not rows:
                return
            yield from (_decode(r) for r in rows)
            last = rows[-1]["id"]
