"""The database schema, as an ordered list of migrations applied on every open.

Each migration is a plain function registered with :func:`migration`, applied once, in
order, and recorded by name in ``_migrations``. A migration never changes once it has
shipped: a new need is a new function at the bottom. Each one is defensive (it checks
before it alters) so that a half-migrated database from a crash is repaired, not broken.
Migrations run inside one transaction each, so a failure leaves the previous schema.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

import sqlite_utils

from engine.store import cjk, locking

Migration = Callable[[sqlite_utils.Database], None]
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append(fn)
    return fn


def applied(db: sqlite_utils.Database) -> list[str]:
    if "_migrations" not in db.table_names():
        return []
    return [row["name"] for row in db.query("select name from _migrations order by rowid")]


def migrate(db: sqlite_utils.Database, *, upto: int | None = None) -> list[str]:
    """Apply every migration not yet recorded (or only the first ``upto``, for tests).

    Returns the names applied now.
    """
    if "_migrations" not in db.table_names():  # a write even when it exists: only when missing
        locking.begin(db)
        db.execute("create table if not exists _migrations (name text primary key, applied_at text not null)")
        db.conn.commit()
    done = set(applied(db))
    now_applied = []
    for fn in MIGRATIONS[:upto]:
        if fn.__name__ in done:
            continue
        locking.begin(db)  # BEGIN IMMEDIATE, waiting (and saying so) while another process migrates
        try:
            if fn.__name__ in applied(db):  # another process applied it while we waited for the lock
                db.conn.commit()
                continue
            fn(db)
            db.execute(
                "insert into _migrations (name, applied_at) values (?, ?)",
                [fn.__name__, datetime.now(timezone.utc).isoformat(timespec="seconds")],
            )
        except BaseException:
            db.conn.rollback()
            raise
        db.conn.commit()
        now_applied.append(fn.__name__)
    return now_applied


@migration
def m001_models_conversations_generations(db: sqlite_utils.Database) -> None:
    db.execute(
        """
        create table if not exists models (
            name text primary key,
            kind text not null check (kind in ('text', 'image')),
            format text not null,
            path text not null,
            size_bytes integer not null,
            sha256 text not null,
            source text not null check (source in ('copied', 'linked', 'package')),
            architecture text,
            size_label text,
            quantization text,
            context_length integer,
            chat_template_sha256 text,
            metadata text not null default '{}',
            file_mtime_ns integer,
            added_at text not null
        )
        """
    )
    db.execute(
        "create table if not exists settings (key text primary key, value text not null)"
    )
    db.execute(
        """
        create table if not exists conversations (
            id integer primary key,
            title text not null default '',
            kind text not null default 'text',
            created_at text not null,
            updated_at text not null
        )
        """
    )
    db.execute(
        """
        create table if not exists generations (
            id integer primary key,
            conversation_id integer references conversations(id) on delete cascade,
            kind text not null default 'text',
            model text,
            model_sha256 text,
            system text,
            prompt text not null,
            output text not null default '',
            params text not null default '{}',
            seed integer,
            prompt_tokens integer,
            completion_tokens integer,
            first_token_s real,
            seconds real,
            tokens_per_second real,
            device text,
            versions text not null default '{}',
            status text not null default 'ok' check (status in ('ok', 'cancelled', 'failed')),
            error text,
            superseded integer not null default 0,
            created_at text not null
        )
        """
    )
    db.execute(
        "create index if not exists generations_conversation on generations(conversation_id, id)"
    )
    db.execute("create index if not exists generations_created on generations(created_at)")


@migration
def m002_generation_search(db: sqlite_utils.Database) -> None:
    """Add the CJK-aware search text and its FTS5 index (kept in step by triggers)."""
    table = db["generations"]
    if "search_text" not in table.columns_dict:
        table.add_column("search_text", str, not_null_default="")
    for row in list(db.query("select id, prompt, output from generations")):
        db.execute(
            "update generations set search_text = ? where id = ?",
            [cjk.index_text(row["prompt"], row["output"]), row["id"]],
        )
    create_fts_index(db, "generations", "search_text")


def create_fts_index(db: sqlite_utils.Database, table: str, column: str) -> None:
    """An external-content FTS5 index on ``table.column`` kept in step by triggers.

    The same shape as sqlite-utils' ``enable_fts(create_triggers=True)``, written out
    because that helper uses ``executescript``, which commits and would break the
    migration's transaction.
    """
    fts = f"{table}_fts"
    db.execute(
        f"create virtual table if not exists [{fts}] using fts5 ([{column}], "
        f"content=[{table}], tokenize='unicode61 remove_diacritics 2')"
    )
    db.execute(f"insert into [{fts}] ([{fts}]) values ('rebuild')")
    db.execute(
        f"""create trigger if not exists [{table}_ai] after insert on [{table}] begin
          insert into [{fts}] (rowid, [{column}]) values (new.rowid, new.[{column}]);
        end"""
    )
    db.execute(
        f"""create trigger if not exists [{table}_ad] after delete on [{table}] begin
          insert into [{fts}] ([{fts}], rowid, [{column}]) values ('delete', old.rowid, old.[{column}]);
        end"""
    )
    db.execute(
        f"""create trigger if not exists [{table}_au] after update of [{column}] on [{table}] begin
          insert into [{fts}] ([{fts}], rowid, [{column}]) values ('delete', old.rowid, old.[{column}]);
          insert into [{fts}] (rowid, [{column}]) values (new.rowid, new.[{column}]);
        end"""
    )


@migration
def m003_generation_images(db: sqlite_utils.Database) -> None:
    """Image generations: the PNG each row produced and its size in pixels."""
    table = db["generations"]
    columns = table.columns_dict
    if "output_path" not in columns:
        table.add_column("output_path", str)
    if "width" not in columns:
        table.add_column("width", int)
    if "height" not in columns:
        table.add_column("height", int)
    db.execute("create index if not exists generations_kind on generations(kind, id)")


@migration
def m004_templates_knowledge(db: sqlite_utils.Database) -> None:
    """Company templates and their version history, brand voices, thinking frameworks, and
    local knowledge (collections, documents, chunks) with the same CJK-aware search as
    history."""
    db.execute(
        """
        create table if not exists brand_voices (
            id integer primary key,
            name text not null unique,
            tone text not null default '',
            audience text not null default '',
            language text not null default 'zh-TW',
            required_phrases text not null default '[]',
            banned_words text not null default '[]',
            examples text not null default '[]',
            version integer not null default 1,
            created_at text not null,
            updated_at text not null
        )
        """
    )
    db.execute(
        """
        create table if not exists frameworks (
            id integer primary key,
            key text not null unique,
            name text not null,
            name_zh text not null default '',
            summary text not null default '',
            summary_zh text not null default '',
            instruction text not null default '',
            instruction_zh text not null default '',
            version integer not null default 1,
            created_at text not null,
            updated_at text not null
        )
        """
    )
    db.execute(
        """
        create table if not exists templates (
            id integer primary key,
            name text not null unique,
            description text not null default '',
            category text not null default 'other',
            kind text not null default 'text' check (kind in ('text', 'image')),
            language text not null default 'zh-TW',
            body text not null,
            negative text not null default '',
            system text not null default '',
            variables text not null default '[]',
            brand_voice text,
            framework text,
            model text,
            params text not null default '{}',
            version integer not null default 1,
            search_text text not null default '',
            created_at text not null,
            updated_at text not null
        )
        """
    )
    db.execute(
        """
        create table if not exists template_versions (
            id integer primary key,
            template_id integer not null references templates(id) on delete cascade,
            version integer not null,
            snapshot text not null,
            note text not null default '',
            created_at text not null,
            unique (template_id, version)
        )
        """
    )
    create_fts_index(db, "templates", "search_text")
    db.execute(
        """
        create table if not exists knowledge_collections (
            id integer primary key,
            name text not null unique,
            description text not null default '',
            created_at text not null
        )
        """
    )
    db.execute(
        """
        create table if not exists knowledge_documents (
            id integer primary key,
            collection_id integer not null references knowledge_collections(id) on delete cascade,
            name text not null,
            path text not null default '',
            format text not null,
            sha256 text not null,
            size_bytes integer not null,
            chars integer not null default 0,
            chunks integer not null default 0,
            status text not null default 'ready' check (status in ('importing', 'ready')),
            imported_at text not null
        )
        """
    )
    db.execute("create unique index if not exists knowledge_documents_unique "
               "on knowledge_documents(collection_id, sha256)")
    db.execute(
        """
        create table if not exists knowledge_chunks (
            id integer primary key,
            document_id integer not null references knowledge_documents(id) on delete cascade,
            seq integer not null,
            text text not null,
            search_text text not null default ''
        )
        """
    )
    db.execute("create index if not exists knowledge_chunks_document on knowledge_chunks(document_id, seq)")
    create_fts_index(db, "knowledge_chunks", "search_text")


@migration
def m_api_001_keys(db: sqlite_utils.Database) -> None:
    """API keys for `airlock serve`: only a hash of each key is kept (it is shown once)."""
    db.execute(
        """
        create table if not exists api_keys (
            id integer primary key,
            name text not null unique,
            prefix text not null,
            key_hash text not null unique,
            scopes text not null default 'text,image',
            created_at text not null,
            last_used_at text,
            revoked_at text
        )
        """
    )


@migration
def m_trust_001_audit_log(db: sqlite_utils.Database) -> None:
    """The append-only audit log (engine/trust/audit.py): triggers refuse UPDATE and DELETE,
    so only a raw connection that drops them can change a row, and the hash chain shows it."""
    db.execute(
        """
        create table if not exists audit_log (
            id integer primary key,
            at text not null,
            actor text not null,
            event text not null,
            details text not null,
            prev_hash text not null,
            hash text not null,
            hmac text not null
        )
        """
    )
    db.execute("create index if not exists audit_log_event on audit_log(event, id)")
    db.execute("create index if not exists audit_log_at on audit_log(at)")
    for verb in ("update", "delete"):
        db.execute(
            f"create trigger if not exists audit_log_no_{verb} before {verb} on audit_log "
            "begin select raise(abort, 'the audit log is append-only'); end"
        )


@migration
def m_batch_001_jobs(db: sqlite_utils.Database) -> None:
    """Batch jobs (engine/batch/): one draft per row of an imported CSV/XLSX, each row
    claimed in a transaction before it is generated, and every review decision kept."""
    if "templates" in db.table_names() and "outputs" not in db["templates"].columns_dict:
        db.execute("alter table templates add column outputs text not null default '[]'")
    db.execute(
        """
        create table if not exists batch_jobs (
            id integer primary key,
            template_name text not null,
            template_version integer not null,
            template_snapshot text not null,
            brand_voice text,
            knowledge text not null default '[]',
            model text not null,
            model_sha256 text not null,
            params text not null,
            seed_policy text not null,
            seed integer not null,
            outputs text not null default '[]',
            json_schema text,
            mapping text not null,
            columns text not null,
            source_name text not null,
            source_encoding text,
            status text not null,
            dry_run integer not null default 0,
            owner text,
            message text,
            created_at text not null,
            updated_at text not null
        )
        """
    )
    db.execute(
        """
        create table if not exists batch_rows (
            id integer primary key,
            job_id integer not null references batch_jobs(id) on delete cascade,
            row_number integer not null,
            input text not null,
            prompt text not null,
            system text,
            status text not null default 'pending',
            output_text text,
            output_fields text,
            edited_fields text,
            error text,
            attempts integer not null default 0,
            seed integer,
            owner text,
            claimed_at text,
            finished_at text,
            seconds real,
            prompt_tokens integer,
            cached_tokens integer,
            completion_tokens integer,
            generation_id integer,
            brand_voice_flags text,
            reviewer text,
            decided_at text,
            reason text,
            unique (job_id, row_number)
        )
        """
    )
    db.execute("create index if not exists batch_rows_status on batch_rows(job_id, status, row_number)")
    db.execute(
        """
        create table if not exists batch_decisions (
            id integer primary key,
            row_id integer not null references batch_rows(id) on delete cascade,
            decision text not null,
            reviewer text not null,
            reason text,
            at text not null
        )
        """
    )


GENERATION_STATUSES = ("running", "done", "stopped", "failed", "interrupted")
"""The one vocabulary of a generation's status, stored, in the CLI, JSON and the GUI:
``running`` while it generates (the row is written when it starts), ``done``, ``stopped``
(by the user), ``failed``, ``interrupted`` (the process died; the row keeps what streamed)."""


@migration
def m_reliability_001_status_words(db: sqlite_utils.Database) -> None:
    """``ok``/``cancelled`` become ``done``/``stopped``, and ``running``/``interrupted`` are
    allowed. SQLite cannot alter a CHECK constraint, and rebuilding the table would need
    foreign keys off (impossible inside this transaction), so the constraint text is
    changed in the schema as the SQLite documentation describes (ALTER TABLE, "making other
    kinds of table schema changes"): the data on disk does not change shape."""
    sql = db.execute("select sql from sqlite_master where type = 'table' and name = 'generations'").fetchone()[0]
    old = "default 'ok' check (status in ('ok', 'cancelled', 'failed'))"
    new = ("default 'done' check (status in ("
           + ", ".join(f"'{word}'" for word in GENERATION_STATUSES) + "))")
    if old in sql:
        version = db.execute("pragma schema_version").fetchone()[0]
        db.execute("pragma writable_schema = on")
        try:
            db.execute("update sqlite_master set sql = ? where type = 'table' and name = 'generations'",
                       [sql.replace(old, new)])
            db.execute(f"pragma schema_version = {int(version) + 1}")
        finally:
            db.execute("pragma writable_schema = off")
    db.execute("update generations set status = case status when 'ok' then 'done' "
               "when 'cancelled' then 'stopped' else status end where status in ('ok', 'cancelled')")


HISTORY_SEARCH_TRIGGERS = ("generations_search_ai", "generations_search_ad", "generations_search_au")


def create_history_search(db: sqlite_utils.Database) -> None:
    """The history's search index: a contentless FTS5 table over the lean CJK text of each
    generation's prompt and output, kept in step by triggers that compute that text with
    the ``airlock_search_text`` SQL function (engine/store/cjk.py).

    Contentless, so the text is not stored twice (it was: a ``search_text`` column, and
    the index's own copy of it); ``prefix='1 2 3'`` so that what a person types first (one
    Chinese character, one to three letters) is a single index lookup instead of a merge of
    every matching term. A contentless table deletes a row by being given the same text
    again, which the deterministic function recomputes from the old prompt and output. A
    migration that rebuilds the generations table must call this again afterwards (the
    triggers go with the old table; the index itself survives, keyed by rowid).
    """
    db.execute(
        "create virtual table if not exists generations_fts using fts5 (search_text, content='', "
        "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    )
    text = f"{cjk.SQL_FUNCTION}({{row}}.prompt, {{row}}.output)"
    db.execute(
        "create trigger if not exists generations_search_ai after insert on generations begin "
        f"insert into generations_fts (rowid, search_text) values (new.id, {text.format(row='new')}); end"
    )
    delete = ("insert into generations_fts (generations_fts, rowid, search_text) "
              f"values ('delete', old.id, {text.format(row='old')});")
    db.execute(
        f"create trigger if not exists generations_search_ad after delete on generations begin {delete} end"
    )
    db.execute(
        "create trigger if not exists generations_search_au after update of prompt, output on generations "
        f"begin {delete} insert into generations_fts (rowid, search_text) "
        f"values (new.id, {text.format(row='new')}); end"
    )


@migration
def m_speed_001_lean_search(db: sqlite_utils.Database) -> None:
    """History search at 100,000 generations (issue 12): replace the external-content index
    of the stored ``search_text`` column (bigrams plus every single character: 3 KB per
    row with a 300-character text) with :func:`create_history_search` (1.7 KB per row), and
    empty that column (kept only so that older code reading it still finds it)."""
    for trigger in ("generations_ai", "generations_ad", "generations_au", *HISTORY_SEARCH_TRIGGERS):
        db.execute(f"drop trigger if exists [{trigger}]")
    db.execute("drop table if exists generations_fts")
    create_history_search(db)
    db.execute(
        f"insert into generations_fts (rowid, search_text) "
        f"select id, {cjk.SQL_FUNCTION}(prompt, output) from generations"
    )
    if "search_text" in db["generations"].columns_dict:
        db.execute("update generations set search_text = '' where search_text != ''")


INSIGHTS_DIMENSIONS = {
    "template_name": "json_extract({row}.params, '$.template.name')",
    "backend_name": "coalesce(json_extract({row}.params, '$.backend'), 'local')",
    "user_name": "json_extract({row}.params, '$.user')",
}
"""What insights group generations by, read out of ``params`` into plain columns (filled
by triggers, so no writer has to know) so one covering index answers every count."""


@migration
def m_insights_001_dimensions(db: sqlite_utils.Database) -> None:
    """Insights (issue 16) over a year of history in well under a second: the template,
    backend and OS user of each generation as columns kept in step with ``params`` by
    triggers, a covering index for the counts by period, and one per model for the
    latency percentiles. SQLite 3.40 does not read indexed expressions back from an
    index, hence real columns rather than an index on json_extract."""
    columns = db["generations"].columns_dict
    for name in INSIGHTS_DIMENSIONS:
        if name not in columns:
            db.execute(f"alter table generations add column {name} text")
    assignments = ", ".join(f"{name} = {expr.format(row='generations')}" for name, expr in INSIGHTS_DIMENSIONS.items())
    db.execute(f"update generations set {assignments}")
    new_assignments = ", ".join(f"{name} = {expr.format(row='new')}" for name, expr in INSIGHTS_DIMENSIONS.items())
    for event in ("insert", "update of params"):
        suffix = "ai" if event == "insert" else "au"
        db.execute(
            f"create trigger if not exists generations_insights_{suffix} after {event} on generations begin "
            f"update generations set {new_assignments} where id = new.id; end"
        )
    db.execute(
        "create index if not exists generations_insights on generations (created_at, kind, model, status, "
        "template_name, backend_name, user_name, seconds, tokens_per_second, prompt_tokens, completion_tokens, "
        "output_path)"
    )
    db.execute("create index if not exists generations_insights_seconds "
               "on generations (model, status, seconds, created_at)")
    db.execute("create index if not exists generations_insights_speed "
               "on generations (model, status, tokens_per_second, created_at)")
    if "batch_rows" in db.table_names():
        db.execute("create index if not exists batch_rows_decided on batch_rows "
                   "(decided_at, status, reviewer, job_id)")


@migration
def m_reliability_002_leases(db: sqlite_utils.Database) -> None:
    """Leases (engine/store/leases.py): which live process owns a running generation or a
    knowledge import, so cleanup never touches another process's work; and a small index
    to find the generations left running."""
    db.execute(
        """
        create table if not exists leases (
            resource text primary key,
            pid integer not null,
            started real not null,
            host text not null,
            heartbeat real not null
        )
        """
    )
    db.execute("create index if not exists generations_running on generations(id) where status = 'running'")


@migration
def m_insights_002_group_index(db: sqlite_utils.Database) -> None:
    """The insights counts by kind, model, status, template and backend read this index in
    its own order, so SQLite groups them without sorting a year of rows."""
    db.execute("create index if not exists generations_insights_groups on generations "
               "(kind, model, status, template_name, backend_name, created_at)")


@migration
def m_speed_002_search_words(db: sqlite_utils.Database) -> None:
    """The words of the history's non-CJK text (four characters and longer), so that a
    prefix a person types is looked up in a B-tree and searched as the words it begins
    (engine/store/cjk.py, ``fts_query``): FTS5 materialises a prefix's whole doclist first,
    tens of milliseconds for a word in most rows. Only ever grows: a word no longer in any
    row just matches nothing."""
    db.execute("create table if not exists search_words (word text primary key) without rowid")
    words = f"json_each({cjk.WORDS_FUNCTION}(new.prompt, new.output))"
    for event, name in (("insert", "generations_words_ai"), ("update of prompt, output", "generations_words_au")):
        db.execute(
            f"create trigger if not exists {name} after {event} on generations begin "
            f"insert or ignore into search_words (word) select value from {words}; end"
        )
    db.execute(
        "insert or ignore into search_words (word) select j.value from generations g, "
        f"json_each({cjk.WORDS_FUNCTION}(g.prompt, g.output)) j"
    )


@migration
def m_insights_003_single_pass(db: sqlite_utils.Database) -> None:
    """Insights for a year in one pass over the generations (issue 16 item 6): the grouped
    index also carries tokens, durations, speeds and output paths, so counts, tokens,
    images and the latency run counts come from one GROUP BY (it replaces the narrower
    m_insights_002 index); a small partial index per kind for the per-day counts; and on
    batch rows, one index in each reviewer's decision order (the review times need no
    window sort) and partial ones for the edited and rejected rows."""
    db.execute("drop index if exists generations_insights_groups")
    db.execute("create index if not exists generations_insights_totals on generations "
               "(kind, model, status, template_name, backend_name, created_at, prompt_tokens, completion_tokens, "
               "seconds, tokens_per_second, output_path)")
    for kind in ("text", "image"):
        db.execute(f"create index if not exists generations_insights_{kind}_days on generations (created_at) "
                   f"where kind = '{kind}'")
    # batch_rows exists: m_batch_001_jobs comes earlier in the list
    db.execute("create index if not exists batch_rows_review_order on batch_rows "
               "(reviewer, decided_at, id, status, job_id)")
    db.execute("create index if not exists batch_rows_edited on batch_rows (decided_at) where status = 'edited'")
    db.execute("create index if not exists batch_rows_rejected on batch_rows (decided_at, reason) "
               "where status = 'rejected'")


@migration
def m_batch_002_earlier_drafts(db: sqlite_utils.Database) -> None:
    """A regenerated batch row keeps the draft it replaced: the 'regenerated' decision
    holds that draft's fields and its generation, so the review shows what came before;
    decisions are read per row (an index for that)."""
    columns = db["batch_decisions"].columns_dict
    if "draft" not in columns:
        db.execute("alter table batch_decisions add column draft text")
    if "generation_id" not in columns:
        db.execute("alter table batch_decisions add column generation_id integer")
    db.execute("create index if not exists batch_decisions_row on batch_decisions (row_id, id)")


@migration
def m_insights_004_review_counts(db: sqlite_utils.Database) -> None:
    """The review decisions per job and status for a period, counted on one index without
    touching the rows or sorting them (the acceptance by template of issue 16)."""
    db.execute("create index if not exists batch_rows_job_decisions on batch_rows (job_id, status, decided_at)")


@migration
def m_trust_002_generation_id_floor(db: sqlite_utils.Database) -> None:
    """A generation's id is never given to another one. ``generations.id`` is a plain
    INTEGER PRIMARY KEY, so once the newest rows are purged SQLite hands their ids out again,
    and an audit entry or an API response that names an old id would then name a newer
    generation. Rebuilding the table for AUTOINCREMENT would mean rebuilding its search
    index and triggers; instead the highest id ever deleted is kept here, and
    ``History.add`` numbers new rows above it."""
    db.execute("create table if not exists id_floor (name text primary key, value integer not null)")
    db.execute(
        "create trigger if not exists generations_id_floor after delete on generations begin "
        "insert into id_floor (name, value) values ('generations', old.id) "
        "on conflict (name) do update set value = max(value, excluded.value); end"
    )
