"""Issue 11 on the Models page: folder import said and done, one size and memory figure
(the CLI's), and a visible button that copies a catalog link."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import i18n
from desktop.pages.models import gib
from desktop.qt import QApplication, QFileDialog
from engine.cli.output import human_size
from engine.registry import catalog


def test_sizes_and_memory_are_the_clis_figures(qtbot, window):
    models = window.models
    record = window.ws.registry.list()[0]  # the bundled SmolLM2, about 100 MB
    assert models.table.item(0, 5).text() == human_size(record.size_bytes) and "MB" in models.table.item(0, 5).text()
    assert models.table.item(0, 7).text().startswith(f"~{gib(record.memory_needed())}")


def test_a_catalog_link_is_copied_by_a_visible_button(qtbot, window):
    models = window.models
    models.fits_only.setChecked(False)
    entry = catalog.entries()[0]
    button = models.catalog_table.cellWidget(0, 1)
    assert button.isVisibleTo(models) and button.text() == "Copy link"
    button.click()
    assert QApplication.clipboard().text() == entry.page
    assert models.message.text().startswith("Link copied: " + entry.page)
    i18n.apply_language(QApplication.instance(), "zh_TW")
    qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "對話", timeout=2000)
    assert models.catalog_table.cellWidget(0, 1).text() == "複製連結"
    assert models.import_folder_button.text() == "匯入資料夾…"


@pytest.mark.slow
@pytest.mark.image
def test_a_diffusers_folder_is_imported_with_the_folder_button(qtbot, window, tmp_path, monkeypatch):
    from tests.helpers.tiny_sd import build_tiny_folder

    folder = build_tiny_folder(tmp_path / "tiny-sd")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))  # what the user picks
    models = window.models
    models.import_folder_button.click()
    qtbot.waitUntil(lambda: not models.task.running, timeout=120_000)
    record = window.ws.registry.find("tiny-sd")
    assert record is not None and record.kind == "image", models.message.text()
    def row_of_tiny() -> int | None:
        return next((r for r in range(models.table.rowCount())
                     if models.table.item(r, 0).text().startswith(record.name)), None)

    qtbot.waitUntil(lambda: row_of_tiny() is not None, timeout=5000)  # the table reloads when the task ends
    row = row_of_tiny()
    assert models.table.item(row, 5).text() == human_size(record.size_bytes) != "0.0 GiB"
    assert models.table.item(row, 7).text().startswith(f"~{gib(record.memory_needed())}")
    assert Path(record.path).exists()


def test_an_import_error_is_in_the_persons_language(qtbot, window, tmp_path):
    bad = tmp_path / "notes.gguf"
    bad.write_bytes(b"this is not a model at all")
    i18n.apply_language(QApplication.instance(), "zh_TW")
    qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "對話", timeout=2000)
    models = window.models
    window.sidebar.setCurrentRow(window.pages.index(models))
    models.import_path(bad)
    qtbot.waitUntil(lambda: not models.task.running and models.message.isVisible(), timeout=30_000)
    assert models.message.text() == "notes.gguf 不是 GGUF 模型檔（檔案開頭不是「GGUF」）。"
