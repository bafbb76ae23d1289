"""History: recording, conversations, and full-text search in Chinese and English."""

from __future__ import annotations

import io
import json

import pytest

from engine.store.history import History
from engine.store.export import export_history
from engine.store.db import integrity_ok, open_db


@pytest.fixture
def history(tmp_path) -> History:
    return History(open_db(tmp_path / "h.db"))


def add(history: History, prompt: str, output: str = "", **extra) -> int:
    return history.add({"prompt": prompt, "output": output, "model": "m", **extra})


def test_two_character_chinese_words_are_found_inside_longer_words(history):
    target = add(history, "請說明我們的品牌調性", "溫暖、專業、值得信賴")
    add(history, "寫一篇新品上市的貼文", "限時優惠")
    assert [r["id"] for r in history.search("品牌")] == [target]
    assert [r["id"] for r in history.search("品牌調性")] == [target]
    assert [r["id"] for r in history.search("信賴")] == [target]
    assert [r["id"] for r in history.search("調")] == [target]
    assert history.search("調品") == []  # not adjacent in that order anywhere


def test_mixed_and_english_queries(history):
    a = add(history, "Draft an EDM about our 品牌 anniversary", "Dear customers")
    b = add(history, "Product copy for the tea set", "Hand-made ceramics")
    assert [r["id"] for r in history.search("anniversary 品牌")] == [a]
    assert [r["id"] for r in history.search("ceramic")] == [b]  # prefix match
    assert [r["id"] for r in history.search("CERAMICS")] == [b]
    assert history.search('"unbalanced (quote') == []


def test_search_follows_deletes(history):
    gid = add(history, "季節限定", "")
    history.delete([gid])
    assert history.search("季節") == []
    assert integrity_ok(history.db)


def test_conversation_context_skips_failed_and_superseded_turns(history):
    conversation = history.new_conversation("c")
    first = add(history, "hello", "hi!", conversation_id=conversation)
    add(history, "broken", "", conversation_id=conversation, status="failed", error="x")
    third = add(history, "again", "partial", conversation_id=conversation, status="stopped")
    assert history.context_messages(conversation) == [
        {"role": "user", "content": "hello"}, {"role": "assistant", "content": "hi!"},
        {"role": "user", "content": "again"}, {"role": "assistant", "content": "partial"},
    ]
    history.supersede_from(conversation, third)
    assert [t["id"] for t in history.turns(conversation)] == [first, third - 1]
    assert history.get(third)["superseded"] == 1  # kept in history


def test_list_pages_by_keyset_newest_first(history):
    ids = [add(history, f"p{i}") for i in range(25)]
    page1 = history.list(limit=10)
    page2 = history.list(limit=10, before_id=page1[-1]["id"])
    assert [r["id"] for r in page1 + page2] == list(reversed(ids))[:20]


def test_params_round_trip_as_json(history):
    gid = add(history, "p", params={"temperature": 0.2}, versions={"llama-cpp-python": "0.3.36"})
    record = history.get(gid)
    assert record["params"] == {"temperature": 0.2}
    assert record["versions"]["llama-cpp-python"] == "0.3.36"
    assert "search_text" not in record


def test_export_jsonl_and_markdown_with_redaction(history):
    add(history, "Mail amy@corp.com.tw about 品牌", "Call 0912-345-678")
    out = io.StringIO()
    assert export_history(history, out, fmt="jsonl", redact=True) == 1
    record = json.loads(out.getvalue())
    assert record["prompt"] == "Mail [email] about 品牌" and record["output"] == "Call [phone]"
    md = io.StringIO()
    export_history(history, md, fmt="md")
    assert "amy@corp.com.tw" in md.getvalue() and md.getvalue().startswith("# Airlock history")


def test_pages_follow_the_stores_cursor_even_when_a_view_hides_rows(history):
    ids = [add(history, f"p{i}") for i in range(25)]
    pages = list(history.pages(size=10))
    assert [len(p) for p in pages] == [10, 10, 5]
    assert [r["id"] for p in pages for r in p] == list(reversed(ids))
    found = [r["id"] for p in history.pages("p", size=10) for r in p]
    assert sorted(found) == ids  # search pages by offset: no repeats, nothing missed


def test_a_deleted_generations_id_is_never_given_to_another(history):
    """An audit entry or an API header naming generation 3 must never come to name a newer one."""
    ids = [add(history, f"prompt {n}") for n in range(3)]
    history.delete(ids[1:])  # the newest two: a plain INTEGER PRIMARY KEY would hand out ids[1] again
    again = add(history, "after the delete")
    assert again == ids[-1] + 1
    history.db.execute("delete from generations")  # everything, as a purge of all history does
    assert add(history, "after everything") == again + 1


def test_a_database_reopened_keeps_the_floor(tmp_path):
    path = tmp_path / "h.db"
    history = History(open_db(path))
    newest = [add(history, f"p{n}") for n in range(4)][-1]
    history.delete([newest])
    history.db.conn.close()
    assert add(History(open_db(path)), "reopened") == newest + 1
