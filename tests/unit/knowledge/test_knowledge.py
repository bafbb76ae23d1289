"""Local knowledge on real files and a real store: reading every supported format,
chunking, CJK-aware search and retrieval, cancel, and files that cannot be read."""

from __future__ import annotations

import threading

import pytest

from engine.knowledge.documents import read_document
from engine.errors import BadInput, Cancelled
from engine.knowledge.base import KnowledgeBase, chunk_text, retrieval_query, snippets_block
from engine.store.db import open_db
from tests.helpers.documents import write_docx, write_encrypted_pdf, write_pdf, write_xlsx


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "airlock.db")
    yield database
    database.conn.close()


@pytest.fixture
def documents(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "品牌故事.md").write_text("# 品牌故事\n\n山嵐茶飲來自台中，堅持使用南投鹿谷的茶葉。\n\n"
                                    "我們相信一杯好茶能讓忙碌的上班族慢下來。", encoding="utf-8")
    (folder / "faq-big5.txt").write_bytes("退貨政策：商品到貨七天內可申請退貨，請保留完整包裝。".encode("cp950"))
    write_pdf(folder / "spec.pdf", ["Northwind Ridge 2 tent weighs 1.8 kg.", "It pitches in under five minutes."])
    write_docx(folder / "新品企劃.docx", ["夏季新品：冷泡烏龍茶包，建議售價 NT$350。"],
               table=[["通路", "上市日"], ["官網", "7/1"], ["門市", "7/8"]])
    write_xlsx(folder / "價目表.xlsx", [["品名", "價格", "產地"], ["冷泡烏龍", 350, "南投鹿谷"],
                                        ["東方美人", 520, "新竹北埔"]])
    (folder / "stores.csv").write_text("city,store\nTaipei,Xinyi flagship\nTaichung,Park Lane\n", encoding="utf-8")
    return folder


def test_every_format_is_read_to_text(documents):
    assert "南投鹿谷" in read_document(documents / "品牌故事.md").text
    assert read_document(documents / "faq-big5.txt").text.startswith("退貨政策")  # Big5 detected
    assert "weighs 1.8 kg" in read_document(documents / "spec.pdf").text
    docx = read_document(documents / "新品企劃.docx").text
    assert "冷泡烏龍茶包" in docx and "官網 | 7/1" in docx
    assert "品名: 東方美人; 價格: 520; 產地: 新竹北埔" in read_document(documents / "價目表.xlsx").text
    assert "city: Taichung; store: Park Lane" in read_document(documents / "stores.csv").text


@pytest.mark.parametrize("name, content, reason", [
    ("old.doc", b"\xd0\xcf\x11\xe0", "save it as .docx"),
    ("movie.mp4", b"\x00\x00", "not a document Airlock can read"),
    ("empty.txt", b"", "is empty"),
    ("binary.txt", bytes(range(256)) * 4, "not a text file"),
    ("broken.docx", b"PK\x03\x04broken", "not a valid .docx"),
    ("broken.xlsx", b"not a zip at all", "not a valid .xlsx"),
    ("broken.pdf", b"%PDF-1.4 nothing", "not a readable PDF"),
    ("blank.md", b"   \n\n  ", "contains no text"),
])
def test_unreadable_files_give_one_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BadInput, match=reason) as error:
        read_document(path)
    assert "\n" not in str(error.value)


def test_protected_and_missing_files(tmp_path, documents):
    locked = write_encrypted_pdf(tmp_path / "locked.pdf", documents / "spec.pdf")
    with pytest.raises(BadInput, match="password-protected"):
        read_document(locked)
    with pytest.raises(BadInput, match="does not exist"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(BadInput, match="is a folder"):
        read_document(documents)


def test_chunks_keep_paragraphs_and_sentences_within_the_limit():
    text = "第一段。" * 10 + "\n\n" + "長句子，" * 400 + "結束。\n\nShort tail."
    chunks = list(chunk_text(text, limit=200))
    assert all(len(c) <= 200 for c in chunks)
    assert chunks[0] == "第一段。" * 10
    assert "".join(c.replace("\n\n", "") for c in chunks) == text.replace("\n\n", "")


def test_import_search_and_retrieve_in_chinese_and_english(db, documents, tmp_path):
    knowledge = KnowledgeBase(db)
    bad = tmp_path / "notes.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0")
    progress = []
    report = knowledge.import_files("公司資料", [*sorted(documents.iterdir()), bad],
                                    progress=lambda done, total: progress.append((done, total)))
    assert len(report.imported) == 6 and report.skipped == [("notes.doc", "notes.doc is in the .doc format; "
                                                                          "save it as .docx and import that.")]
    assert progress[-1][0] == progress[-1][1]
    # Two-character Chinese words match inside longer runs, as in history search.
    assert {s.document for s in knowledge.search("鹿谷")} == {"品牌故事.md", "價目表.xlsx"}
    assert [s.document for s in knowledge.search("退貨")] == ["faq-big5.txt"]
    assert [s.document for s in knowledge.search("tent weighs")] == ["spec.pdf"]
    assert knowledge.search("鹿谷", collection="其他") == []
    chosen = knowledge.retrieve("請介紹我們的帳篷 tent 有多重", k=2)
    assert chosen and chosen[0].document == "spec.pdf"
    assert knowledge.collections()[0]["documents"] == 6
    again = knowledge.import_files("公司資料", [documents / "spec.pdf"])
    assert again.imported == [] and "already in this collection" in again.skipped[0][1]


def test_retrieval_query_uses_words_not_single_characters():
    query = retrieval_query("請寫鹿谷烏龍 the tent!")
    assert '"鹿谷"' in query and '"tent"' in query and '"the"' not in query and '"請"' not in query
    assert retrieval_query("的 a") is None


def test_a_cancelled_import_leaves_nothing(db, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(("山嵐冷泡烏龍，清爽回甘。" * 60 + "\n\n") * 3000, encoding="utf-8")
    knowledge = KnowledgeBase(db)
    stop = threading.Event()

    def progress(done, total):
        if done > total // 3:
            stop.set()

    with pytest.raises(Cancelled):
        knowledge.import_files("big", [big], progress=progress, cancel=stop.is_set)
    assert knowledge.documents() == [] and knowledge.search("烏龍") == []
    assert db.execute("select count(*) from knowledge_chunks").fetchone()[0] == 0
    left = "select count(*) from knowledge_chunks_fts where knowledge_chunks_fts match '\"烏龍\"'"
    assert db.execute(left).fetchone()[0] == 0


def test_unfinished_documents_from_a_crash_are_discarded(db):
    knowledge = KnowledgeBase(db)
    collection = knowledge.create_collection("c")
    with db.conn:
        db.execute("insert into knowledge_documents (collection_id, name, format, sha256, size_bytes, status, "
                   "imported_at) values (?, 'half.txt', 'txt', 'x', 1, 'importing', 'now')", [collection["id"]])
    assert knowledge.documents() == []
    assert knowledge.discard_unfinished() == 1


def test_snippet_blocks_cite_document_and_chunk(db):
    knowledge = KnowledgeBase(db)
    knowledge.import_text("c", "型錄.pdf", "保冷 24 小時。")
    snippets = knowledge.search("保冷")
    assert snippets_block(snippets, "zh-TW").endswith("[1] 型錄.pdf（第 1 段）\n保冷 24 小時。")
    assert "[1] 型錄.pdf, chunk 1\n" in snippets_block(snippets, "en")
    with pytest.raises(BadInput, match="no longer exists"):
        knowledge.snippets([999])
    with pytest.raises(BadInput, match="already exists"):
        knowledge.create_collection("c")
