"""History search as it is built for 100,000 generations (issue 12): the lean contentless
index stays correct for Chinese words of any length, follows deletes and edits, and every
match is reachable by paging in both orders."""

from __future__ import annotations

import pytest

from engine.store import history as history_module
from engine.store import migrations
from engine.store.db import integrity_ok, open_db
from engine.store.history import History


@pytest.fixture
def history(tmp_path) -> History:
    return History(open_db(tmp_path / "h.db"))


def add(history: History, prompt: str, output: str = "") -> int:
    return history.add({"prompt": prompt, "output": output, "model": "m"})


def ids(rows: list[dict]) -> list[int]:
    return [r["id"] for r in rows]


@pytest.mark.parametrize("order", ["relevance", "newest"])
def test_a_two_character_word_finds_the_longer_words_that_contain_it(history, order):
    a = add(history, "自有品牌的故事")
    b = add(history, "品牌調性說明")
    c = add(history, "新品上市", "牌子")  # 品 and 牌, never side by side
    assert sorted(ids(history.search("品牌", order=order))) == [a, b]
    assert ids(history.search("品牌調性", order=order)) == [b]
    assert ids(history.search("牌調", order=order)) == [b]
    assert ids(history.search("調品", order=order)) == []
    assert sorted(ids(history.search("品", order=order))) == [a, b, c]  # start of a run
    assert sorted(ids(history.search("事", order=order))) == [a]  # end of a run
    assert sorted(ids(history.search("牌", order=order))) == [a, b, c]  # alone in a run


def test_words_of_two_runs_never_join_into_one(history):
    add(history, "品牌 調性")  # two runs: 牌調 is not in the text
    assert history.search("品牌調性") == []
    assert len(history.search("品牌 調性")) == 1  # two terms, both present


def test_latin_prefixes_of_every_length_and_mixed_queries(history):
    a = add(history, "Airlock anniversary campaign", "品牌週年")
    add(history, "Ceramic mugs", "product copy")
    for typed in ("a", "ai", "air", "airl", "airlock", "ANNIV", "Ａｉｒ"):
        assert ids(history.search(typed)) == [a], typed
    assert ids(history.search("camp 週年")) == [a]
    assert history.search("campaigns") == []


def test_the_index_follows_deletes_edits_and_conversation_deletes(history):
    keep = add(history, "季節限定", "old words")
    gone = add(history, "季節折扣")
    history.delete([gone])
    assert ids(history.search("季節")) == [keep]
    history.db.execute("update generations set output = 'fresh words' where id = ?", [keep])
    assert ids(history.search("fresh")) == [keep] and history.search("old") == []
    conversation = history.new_conversation("c")
    history.add({"prompt": "會話裡的季節", "conversation_id": conversation})
    history.delete_conversation(conversation)
    assert ids(history.search("季節")) == [keep]
    history.db.execute("insert into generations_fts (generations_fts) values ('integrity-check')")
    assert integrity_ok(history.db)


def test_newest_order_is_newest_first_and_relevance_ranks_within_a_window(history, monkeypatch):
    once = add(history, "品牌 " + "filler " * 40)
    often = add(history, "品牌 品牌 品牌 品牌")
    newest = add(history, "其他 品牌 " + "filler " * 40)
    assert ids(history.search("品牌", order="newest")) == [newest, often, once]
    assert ids(history.search("品牌", order="relevance"))[0] == often  # more of the word, less text
    monkeypatch.setattr(history_module, "RELEVANCE_WINDOW", 1)  # each match its own window
    assert ids(history.search("品牌", order="relevance")) == [newest, often, once]


def test_unknown_order_is_refused(history):
    with pytest.raises(ValueError):
        history.search("x", order="oldest")


@pytest.mark.parametrize("order", ["relevance", "newest"])
@pytest.mark.parametrize("window", [7, 400])
def test_paging_reaches_every_match_once(history, monkeypatch, order, window):
    monkeypatch.setattr(history_module, "RELEVANCE_WINDOW", window)
    matches = [add(history, "品牌" * (1 + i % 5) + f" row {i}") for i in range(53)]
    for i in range(10):
        add(history, f"其他 {i}")
    pages = list(history.pages("品牌", size=10, order=order))
    found = [r["id"] for page in pages for r in page]
    assert sorted(found) == matches and len(found) == len(set(found))
    assert [len(p) for p in pages] == [10, 10, 10, 10, 10, 3]
    by_offset = [r["id"] for start in range(0, 60, 6)
                 for r in history.search("品牌", limit=6, offset=start, order=order)]
    assert by_offset == found


def test_filters_apply_in_both_orders(history):
    text = add(history, "品牌 text")
    history.add({"prompt": "品牌 image", "kind": "image", "model": "m"})
    for order in ("relevance", "newest"):
        assert ids(history.search("品牌", kind="text", order=order)) == [text]


def test_an_old_database_gets_the_lean_index_and_keeps_finding_everything(tmp_path):
    before = [m.__name__ for m in migrations.MIGRATIONS].index("m_speed_001_lean_search")
    db = open_db(tmp_path / "old.db", migrate=False)
    migrations.migrate(db, upto=before)
    # the row as the old History.add wrote it (today's numbers rows with a table this schema lacks)
    first = db.execute("insert into generations (prompt, output, created_at, search_text) values (?, ?, ?, ?)",
                       ["請寫品牌調性說明", "Our brand voice", "2026-11-01T00:00:00Z",
                        " 請寫 寫品 品牌 牌調 調性 性說 說明 \n Our brand voice\n請 寫 品 牌 調 性 說 明"]).lastrowid
    db.conn.commit()
    db.conn.close()

    upgraded = History(open_db(tmp_path / "old.db"))
    assert ids(upgraded.search("品牌")) == [first] == ids(upgraded.search("說", order="newest"))
    assert ids(upgraded.search("brand")) == [first]
    second = upgraded.add({"prompt": "新的品牌"})
    assert ids(upgraded.search("品牌", order="newest")) == [second, first]
    names = {r["name"] for r in upgraded.db.query("select name from sqlite_master where type = 'trigger'")}
    assert set(migrations.HISTORY_SEARCH_TRIGGERS) <= names
    assert not names & {"generations_ai", "generations_ad", "generations_au"}
    assert upgraded.db.execute("select max(length(search_text)) from generations").fetchone()[0] == 0


def test_long_prefixes_are_searched_as_the_words_they_begin(history):
    a = add(history, "Airlock launch", "Café naïve ＳＴＡＲＲＩＶＥＲ")
    b = add(history, "airlocks and airlocked doors")
    c = add(history, "A technology post")
    assert cjk_query(history, "airlock") == '("airlock" OR "airlocked" OR "airlocks")'
    assert sorted(ids(history.search("airlock"))) == [a, b]
    assert ids(history.search("airlocke")) == [b]
    assert ids(history.search("cafe")) == [a] == ids(history.search("CAFÉ")) == ids(history.search("naive"))
    assert ids(history.search("starriv")) == [a]
    assert ids(history.search("techn", order="relevance")) == [c]
    assert history.search("airlockz") == []
    for i in range(30):  # more words than the rewrite takes: the plain prefix query
        add(history, f"airlock{i:02d}x")
    assert cjk_query(history, "airlock") == '"airlock"*'
    assert len(history.search("airlock", limit=100)) == 32


def cjk_query(history: History, typed: str) -> str | None:
    from engine.store import cjk

    return cjk.fts_query(typed, history._words_beginning)


def test_relevance_counts_latin_word_starts_and_cjk_substrings(history):
    once = add(history, "our brand " + "filler " * 30)
    often = add(history, "brand branding Brands 品牌")
    inside = add(history, "rebrand rebrand rebrand brand " + "filler " * 30)  # "rebrand" is not a start
    assert ids(history.search("brand", order="relevance"))[0] == often
    assert set(ids(history.search("brand", order="relevance"))) == {once, often, inside}
    assert ids(history.search("品牌 brand", order="relevance")) == [often]
