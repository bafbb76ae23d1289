"""The Insights page in the real main window: tiles, a chart with its table, the period
picker, both languages, and the one-page PDF whose text pypdf reads back."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone

import pypdf

from desktop import i18n
from desktop.insights_report import pdf_bytes
from desktop.qt import QApplication, QChartView, QDate
from tests.helpers.insights_seed import add_generation, add_job, add_row


def wait_result(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page._task is not None and not page._task.running, timeout=30_000)
    QApplication.processEvents()


def seed(ws) -> None:
    now = datetime.now(timezone.utc) - timedelta(hours=1)
    for i in range(3):
        add_generation(ws.db, at=now, model="smol", template="Instagram caption", seconds=1.0 + i, tps=40.0,
                       prompt="SECRET PROMPT 秘密", output="SECRET OUTPUT")
    add_generation(ws.db, at=now, kind="image", model="sd15", seconds=9.0, output_path="/x.png")
    job = add_job(ws.db, "Instagram caption", at=now)
    add_row(ws.db, job, 1, status="approved", decided=now)
    add_row(ws.db, job, 2, status="edited", decided=now + timedelta(seconds=40), edited="hello there")
    add_row(ws.db, job, 3, status="rejected", decided=now + timedelta(seconds=70), reason="off-brand")
    ws.db.conn.commit()


def test_page_shows_tiles_charts_and_tables(qtbot, window, tmp_path):
    seed(window.ws)
    page = window.insights
    window.sidebar.setCurrentRow(window.pages.index(page))
    wait_result(qtbot, page)
    assert page.tiles[0].value.text() == "4"
    assert page.tiles[1].value.text() == "67%" and "2 kept of 3 reviewed" in page.tiles[1].detail.text()
    assert page.tiles[2].value.text() == "30 s"  # gaps of 40 s and 30 s: nearest rank 1 of 2
    assert "estimate" in page.tiles[4].caption.text()
    activity = page.activity
    assert activity.chart.series() and activity.table.rowCount() == 28
    assert page.latency.table.item(0, 0).text() == "smol" and page.latency.table.item(0, 2).text() == "2.00"
    assert page.acceptance.table.item(0, 5).text() == "66.7% (2 of 3)"
    assert not page.findChild(QChartView).grab().isNull()
    # a custom period with nothing in it
    page.since.setDate(QDate(2020, 1, 1))
    page.until.setDate(QDate(2020, 1, 31))
    assert page.preset.currentData() == "custom"
    page.refresh()
    wait_result(qtbot, page)
    assert page.tiles[0].value.text() == "0" and page.tiles[1].value.text() == "—"
    # the other language
    i18n.apply_language(QApplication.instance(), "zh_TW")
    qtbot.waitUntil(lambda: page.tabs.tabText(0) == "活動", timeout=2000)
    assert page.tiles[0].caption.text() == "生成次數"
    assert page.tiles[1].detail.text() == "已審 0 筆，採用 0 筆"


def test_report_pdf_is_one_page_without_content_unless_asked(qtbot, window, tmp_path):
    seed(window.ws)
    page = window.insights
    window.sidebar.setCurrentRow(window.pages.index(page))
    wait_result(qtbot, page)
    target = tmp_path / "report.pdf"
    page.export("pdf", str(target))
    reader = pypdf.PdfReader(target)
    text = " ".join(reader.pages[0].extract_text().split())  # pypdf puts tabs between words
    assert len(reader.pages) == 1
    assert "Acceptance (kept / reviewed)" in text and "66.7% (2 of 3)" in text and "estimate" in text
    assert "SECRET" not in text
    page.with_content.setChecked(True)
    page.export("csv", str(tmp_path / "report.csv"))
    assert "SECRET PROMPT" in (tmp_path / "report.csv").read_text(encoding="utf-8-sig")
    with_content = pypdf.PdfReader(io.BytesIO(pdf_bytes(page.result, [(1, "2026-11-01", "text", "smol", None,
                                                                       "SECRET PROMPT " * 40, "out")] * 9)))
    assert len(with_content.pages) == 1 and "SECRET\tPROMPT" in with_content.pages[0].extract_text()
