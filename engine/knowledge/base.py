"""Local knowledge: company documents, cut into chunks and searchable in Chinese and English.

Documents are imported into named collections. Each is read to text
(engine.knowledge.documents), cut into chunks of about :data:`CHUNK_CHARS` characters at paragraph
and sentence boundaries, and indexed with the same CJK-aware FTS5 index as history
(engine.store.cjk), so a two-character Chinese word finds the chunks that contain it.

Snippets reach a prompt in two ways: a person picks them from a search, or
:meth:`KnowledgeBase.retrieve` chooses the top-k chunks for the prompt's own words.
Either way each snippet carries its citation (document, chunk number), which goes
into the prompt and into the generation's record.

An import writes its chunks in short batches (the window's own writes never wait long)
under a document marked ``importing``, which searches never see; a cancelled or failed
import deletes it again, so nothing half-imported is ever found.

In PII mode "history" each chunk (and the document's name) is masked before it is
stored (``mask``, the workspace's text steps): the snippets a prompt later gets are the
masked ones, and the search index never sees the values.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from engine.store import cjk, leases
from engine.store.locking import immediate
from engine.files import DiskFull
from engine.knowledge.documents import DocumentText, read_document
from engine.errors import BadInput, Cancelled
from engine.store.db import utc_now

CHUNK_CHARS = 800
BATCH_CHUNKS = 500
MAX_SNIPPETS = 20
Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|(?<=\.)(?=\s)")
_STOPWORDS = frozenset(
    "a an and are as at be by for from has have in is it its of on or that the this to was were will "
    "with you your we our write please about into than then them they their can should would".split())


@dataclass(frozen=True)
class Snippet:
    chunk_id: int
    document_id: int
    document: str
    collection: str
    seq: int  # chunk number within its document, from 1
    text: str

    def citation(self) -> dict[str, Any]:
        return {"document": self.document, "chunk": self.seq, "document_id": self.document_id,
                "chunk_id": self.chunk_id, "collection": self.collection}

    def label(self) -> str:
        return f"{self.document} #{self.seq}"


@dataclass
class ImportReport:
    imported: list[dict[str, Any]] = field(default_factory=list)  # {document_id, name, chunks, chars}
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)

    def as_dict(self) -> dict[str, Any]:
        return {"imported": self.imported, "skipped": [{"name": n, "reason": r} for n, r in self.skipped]}


# chunking --------------------------------------------------------------------------------


def _pieces(paragraph: str, limit: int) -> Iterator[str]:
    """A paragraph longer than ``limit`` split at sentence ends, and hard-split if it must."""
    sentences = [s for s in _SENTENCE_END.split(paragraph) if s]
    current = ""
    for sentence in sentences:
        if len(sentence) > limit:  # hard-split by offsets: slicing off the head each time was quadratic
            if current:
                yield current
                current = ""
            whole = len(sentence) - len(sentence) % limit or len(sentence) - limit
            for start in range(0, whole, limit):
                yield sentence[start:start + limit]
            sentence = sentence[whole:]
        if len(current) + len(sentence) > limit and current:
            yield current
            current = ""
        current += sentence
    if current:
        yield current


def chunk_text(text: str, limit: int = CHUNK_CHARS) -> Iterator[str]:
    """Chunks of at most ``limit`` characters that keep paragraphs (and then sentences)
    whole when they can."""
    current: list[str] = []
    size = 0
    for paragraph in re.split(r"\n\s*\n|(?<=\n)(?=#)", text):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        for piece in (_pieces(paragraph, limit) if len(paragraph) > limit else (paragraph,)):
            if size + len(piece) + 2 > limit and current:
                yield "\n\n".join(current)
                current, size = [], 0
            current.append(piece)
            size += len(piece) + 2
    if current:
        yield "\n\n".join(current)


def retrieval_query(text: str, *, max_terms: int = 48) -> str | None:
    """An FTS5 query that matches chunks sharing *any* of ``text``'s words (ranked by bm25),
    for choosing snippets for a whole prompt rather than finding an exact phrase."""
    terms: dict[str, None] = {}
    for token in cjk.index_text(text).split():
        token = token.strip(".,:;!?()[]{}<>\"'`*_~#|/\\-")
        if not token or '"' in token:
            continue
        is_cjk = bool(re.match(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]", token))
        if is_cjk and len(token) < 2:
            continue  # single characters are too common to choose by
        if not is_cjk and (len(token) < 3 or token.lower() in _STOPWORDS or not any(c.isalnum() for c in token)):
            continue
        terms[token.lower()] = None
        if len(terms) >= max_terms:
            break
    if not terms:
        return None
    return " OR ".join(f'"{t}"' for t in terms)


SPACE_PER_TEXT_BYTE = 4
"""Disk an import takes per byte of text: the chunk, its search text, the full-text index
and the write-ahead log (measured about 3.2 on mixed Chinese and English documents)."""
SPACE_MARGIN = 2_000_000

# the store --------------------------------------------------------------------------------


class KnowledgeBase:
    """Collections, documents and chunks of one data home."""

    def __init__(self, db: sqlite_utils.Database, mask: Callable[[Any], Any] | None = None):
        self.db = db
        self.mask: Callable[[Any], Any] = mask or (lambda value: value)
        """What stored text passes (``ws.record_steps.apply_text``: PII masking in history mode)."""

    # collections -----------------------------------------------------------------------

    def collections(self) -> list[dict[str, Any]]:
        """``[{id, name, description, documents, chunks, created_at}]`` by name."""
        return list(self.db.query(
            "select c.*, count(d.id) as documents, coalesce(sum(d.chunks), 0) as chunks "
            "from knowledge_collections c left join knowledge_documents d "
            "on d.collection_id = c.id and d.status = 'ready' group by c.id order by c.name"))

    def collection(self, name: str) -> dict[str, Any]:
        rows = list(self.db.query("select * from knowledge_collections where name = ?", [name]))
        if not rows:
            known = ", ".join(c["name"] for c in self.collections()) or "none yet"
            raise BadInput(f"There is no knowledge collection '{name}' (known: {known}).")
        return rows[0]

    def create_collection(self, name: str, description: str = "") -> dict[str, Any]:
        name = " ".join(name.split())
        if not name or len(name) > 100:
            raise BadInput("A collection needs a name of 1 to 100 characters.")
        if list(self.db.query("select 1 from knowledge_collections where name = ?", [name])):
            raise BadInput(f"A collection named '{name}' already exists.")
        with self.db.atomic():
            self.db.execute("insert into knowledge_collections (name, description, created_at) values (?, ?, ?)",
                            [name, description, utc_now()])
        return self.collection(name)

    def ensure_collection(self, name: str) -> dict[str, Any]:
        rows = list(self.db.query("select * from knowledge_collections where name = ?", [name]))
        return rows[0] if rows else self.create_collection(name)

    def delete_collection(self, name: str) -> None:
        collection = self.collection(name)
        with immediate(self.db):  # waits (and says so) while another process writes
            self.db.execute("delete from knowledge_collections where id = ?", [collection["id"]])

    # documents -------------------------------------------------------------------------

    def documents(self, collection: str | None = None) -> list[dict[str, Any]]:
        sql = ("select d.id, d.name, d.path, d.format, d.sha256, d.size_bytes, d.chars, d.chunks, d.imported_at, "
               "c.name as collection from knowledge_documents d join knowledge_collections c "
               "on c.id = d.collection_id where d.status = 'ready'")
        params: list[Any] = []
        if collection:
            sql += " and c.name = ?"
            params.append(collection)
        return list(self.db.query(sql + " order by c.name, d.name", params))

    def delete_document(self, document_id: int) -> None:
        with immediate(self.db):
            self.db.execute("delete from knowledge_documents where id = ?", [document_id])

    def discard_unfinished(self) -> int:
        """Remove documents left ``importing`` by a process that is gone (killed, crashed).

        An import another live process is running right now holds a lease
        (engine/store/leases.py) and is left alone."""
        with immediate(self.db):
            importing = [r["id"] for r in self.db.query(
                "select id from knowledge_documents where status = 'importing'")]
            gone = leases.abandoned(self.db, [f"knowledge_document:{i}" for i in importing])
            for resource in gone:
                self.db.execute("delete from knowledge_documents where id = ? and status = 'importing'",
                                [int(resource.split(":", 1)[1])])
                self.db.execute("delete from leases where resource = ?", [resource])
        return len(gone)

    def import_files(self, collection: str, paths: Iterable[Path | str], *, progress: Progress | None = None,
                     cancel: CancelCheck | None = None) -> ImportReport:
        """Import every file it can; the others are skipped with their reason.

        ``progress(done, total)`` counts characters indexed over all files (files are
        read first so the total is known). Cancel stops at the next batch and removes
        the document being imported; documents already finished stay.
        """
        report = ImportReport()
        texts: list[DocumentText] = []
        for path in paths:
            if cancel and cancel():
                raise Cancelled("The import was stopped.")
            try:
                texts.append(read_document(path, cancel=cancel))
            except BadInput as exc:
                report.skipped.append((Path(path).name, str(exc)))
        if not texts:
            return report
        self._check_space(sum(len(t.text.encode("utf-8")) for t in texts))
        target = self.ensure_collection(collection)
        total = sum(len(t.text) for t in texts) or 1
        done = [0]

        def step(chars: int) -> None:
            done[0] += chars
            if progress:
                progress(min(done[0], total), total)

        for document in texts:
            duplicate = list(self.db.query(
                "select name from knowledge_documents where collection_id = ? and sha256 = ?",
                [target["id"], document.sha256]))
            if duplicate:
                report.skipped.append((document.name, f"{document.name} is already in this collection "
                                                      f"(as {duplicate[0]['name']})."))
                step(len(document.text))
                continue
            report.imported.append(self._import_text(target["id"], document, step, cancel))
        if progress:
            progress(total, total)
        return report

    def _check_space(self, text_bytes: int) -> None:
        """Refuse an import the disk cannot hold before writing any of it: a database that
        fills the disk half-way keeps the space in its write-ahead log (a checkpoint would
        need more room), and every later command fails until space is freed."""
        import shutil

        row = next(iter(self.db.query("select file from pragma_database_list where name = 'main'")), None)
        if not row or not row["file"]:
            return
        free = shutil.disk_usage(Path(row["file"]).parent).free
        needed = text_bytes * SPACE_PER_TEXT_BYTE + SPACE_MARGIN
        if needed > free:
            raise DiskFull(f"Not enough free disk space to import this: it needs about {needed / 1e6:.0f} MB "
                           f"and {free / 1e6:.0f} MB are free; free some space and try again.")

    def import_text(self, collection: str, name: str, text: str) -> dict[str, Any]:
        """Import text that is not in a file (pasted material, tests)."""
        import hashlib

        target = self.ensure_collection(collection)
        data = text.encode("utf-8")
        document = DocumentText(name=name, path="", format="txt", text=text,
                                sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data))
        return self._import_text(target["id"], document, lambda _n: None, None)

    def _import_text(self, collection_id: int, document: DocumentText, step: Callable[[int], None],
                     cancel: CancelCheck | None) -> dict[str, Any]:
        with self.db.atomic():
            cursor = self.db.execute(
                "insert into knowledge_documents (collection_id, name, path, format, sha256, size_bytes, chars, "
                "status, imported_at) values (?, ?, ?, ?, ?, ?, ?, 'importing', ?)",
                [collection_id, self.mask(document.name), self.mask(document.path), document.format,
                 document.sha256,
                 document.size_bytes, len(document.text), utc_now()])
            document_id = int(cursor.lastrowid)
            lease = f"knowledge_document:{document_id}"
            leases.take(self.db, lease)  # in the same transaction: never an unleased import
        seq = 0
        try:
            batch: list[tuple[int, int, str, str]] = []
            name = self.mask(document.name)
            for raw in chunk_text(document.text):
                seq += 1
                chunk = self.mask(raw)
                batch.append((document_id, seq, chunk, cjk.index_text(name, chunk)))
                if len(batch) >= BATCH_CHUNKS:
                    self._write_batch(batch, cancel)
                    leases.renew(self.db, lease)
                    step(sum(len(b[2]) for b in batch))
                    batch = []
            self._write_batch(batch, cancel)
            step(sum(len(b[2]) for b in batch))
            with self.db.atomic():
                self.db.execute("update knowledge_documents set status = 'ready', chunks = ? where id = ?",
                                [seq, document_id])
                leases.release(self.db, lease)
        except BaseException:
            with self.db.atomic():
                self.db.execute("delete from knowledge_documents where id = ?", [document_id])
                leases.release(self.db, lease)
            raise
        return {"document_id": document_id, "name": document.name, "chunks": seq, "chars": len(document.text)}

    def _write_batch(self, batch: list[tuple[int, int, str, str]], cancel: CancelCheck | None) -> None:
        if cancel and cancel():
            raise Cancelled("The import was stopped; the unfinished document was removed.")
        if batch:
            with self.db.atomic():
                self.db.conn.executemany(
                    "insert into knowledge_chunks (document_id, seq, text, search_text) values (?, ?, ?, ?)", batch)

    # finding ---------------------------------------------------------------------------

    def _query(self, match: str, collection: str | None, limit: int) -> list[Snippet]:
        sql = ("select k.id, k.document_id, k.seq, k.text, d.name as document, c.name as collection "
               "from knowledge_chunks_fts join knowledge_chunks k on k.id = knowledge_chunks_fts.rowid "
               "join knowledge_documents d on d.id = k.document_id and d.status = 'ready' "
               "join knowledge_collections c on c.id = d.collection_id "
               "where knowledge_chunks_fts match ?")
        params: list[Any] = [match]
        if collection:
            sql += " and c.name = ?"
            params.append(collection)
        sql += " order by bm25(knowledge_chunks_fts), k.id limit ?"
        return [Snippet(chunk_id=r["id"], document_id=r["document_id"], document=r["document"],
                        collection=r["collection"], seq=r["seq"], text=r["text"])
                for r in self.db.query(sql, [*params, max(1, min(limit, 200))])]

    def search(self, query: str, *, collection: str | None = None, limit: int = 20) -> list[Snippet]:
        """Chunks containing every word of ``query`` (Chinese words of any length), best first."""
        match = cjk.fts_query(query)
        return self._query(match, collection, limit) if match else []

    def retrieve(self, text: str, *, collection: str | None = None, k: int = 3) -> list[Snippet]:
        """The ``k`` chunks that best share ``text``'s words, for a prompt."""
        if not 1 <= k <= MAX_SNIPPETS:
            raise BadInput(f"Choose between 1 and {MAX_SNIPPETS} snippets.")
        match = retrieval_query(text)
        return self._query(match, collection, k) if match else []

    def snippets(self, chunk_ids: Iterable[int]) -> list[Snippet]:
        """The chunks a person picked, in the order given."""
        ids = list(dict.fromkeys(chunk_ids))
        if not ids:
            return []
        rows = {r["id"]: r for r in self.db.query(
            "select k.id, k.document_id, k.seq, k.text, d.name as document, c.name as collection "
            "from knowledge_chunks k join knowledge_documents d on d.id = k.document_id "
            "join knowledge_collections c on c.id = d.collection_id "
            f"where k.id in ({', '.join('?' for _ in ids)})", ids)}
        missing = [i for i in ids if i not in rows]
        if missing:
            raise BadInput(f"Knowledge snippet {missing[0]} no longer exists.")
        return [Snippet(chunk_id=i, document_id=rows[i]["document_id"], document=rows[i]["document"],
                        collection=rows[i]["collection"], seq=rows[i]["seq"], text=rows[i]["text"]) for i in ids]


def snippets_block(snippets: list[Snippet], language: str = "en") -> str:
    """The snippets as a numbered reference section of a prompt, each with its citation."""
    if not snippets:
        return ""
    zh = language == "zh-TW"
    lines = ["參考資料（請只根據以下內容陳述事實，並以 [編號] 標註出處）：" if zh else
             "Reference material (state facts only from these, and cite them as [number]):"]
    for number, snippet in enumerate(snippets, 1):
        text = unicodedata.normalize("NFC", snippet.text.strip())
        lines.append(f"[{number}] {snippet.document}（第 {snippet.seq} 段）\n{text}" if zh else
                     f"[{number}] {snippet.document}, chunk {snippet.seq}\n{text}")
    return "\n\n".join(lines)
