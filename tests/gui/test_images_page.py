"""The Images page with a tiny random-weight pipeline in the real image worker process."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.qt import QApplication, QDropEvent, QMessageBox, QMimeData, QPoint, Qt, QUrl
from tests.helpers.tiny_sd import build_tiny_folder

pytestmark = [pytest.mark.slow, pytest.mark.image]


@pytest.fixture(scope="module")
def tiny_folder(tmp_path_factory) -> Path:
    return build_tiny_folder(tmp_path_factory.mktemp("tiny") / "tiny-sd")


@pytest.fixture
def page(qtbot, window, tiny_folder):
    window.ws.registry.import_model(tiny_folder, name="tiny")
    window.models.models_changed.emit()
    window.sidebar.setCurrentRow(window.pages.index(window.images))
    images = window.images
    images.size.addItem("64 × 64", (64, 64))
    images.size.setCurrentIndex(images.size.count() - 1)
    images.steps.setValue(3)
    images.guidance.setValue(5.0)
    return images


def generate(qtbot, page, timeout=120_000) -> None:
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.bridge.busy, timeout=timeout)


def test_generate_shows_progress_result_and_gallery_then_reuse_reproduces_it(qtbot, page):
    page.prompt.setPlainText("a ceramic tea set, product photo")
    page.negative.setPlainText("blurry")
    page.seed.setValue(5)
    steps_seen = []
    page.bridge.progress.connect(lambda e: steps_seen.append((e.stage, e.step, e.total)))
    generate(qtbot, page)
    assert page.last_outcome.ok, page.message.text()
    assert ("denoise", 3, 3) in steps_seen
    assert page.result.pixmap() is not None and not page.result.pixmap().isNull()
    assert page.gallery_model.rowCount() == 1
    first = page.gallery_model.record(0)
    assert Path(first["output_path"]).is_file() and first["seed"] == 5

    page.prompt.clear()
    page.seed.setValue(-1)
    page.gallery.setCurrentIndex(page.gallery_model.index(0))
    page.reuse_button.click()
    assert page.prompt.toPlainText() == "a ceramic tea set, product photo"
    assert page.negative.toPlainText() == "blurry" and page.seed.value() == 5
    page.copy_button.click()
    copied = QApplication.clipboard().text()
    assert "Seed: 5" in copied and "Negative prompt: blurry" in copied
    generate(qtbot, page)
    second = page.last_outcome.records[0]
    assert Path(second["output_path"]).read_bytes() == Path(first["output_path"]).read_bytes()
    assert page.gallery_model.rowCount() == 2


def test_cancel_stops_within_a_step(qtbot, page):
    page.prompt.setPlainText("a long run")
    page.steps.setValue(60)
    page.seed.setValue(1)
    page.generate_button.click()
    qtbot.waitUntil(lambda: page.progress.value() >= 1 and "Step" in page.progress.format(), timeout=60_000)
    page.cancel_button.click()
    qtbot.waitUntil(lambda: not page.bridge.busy, timeout=10_000)
    assert "Cancelled" in page.message.text()
    record = page.ws.history.get(page.last_outcome.generation_ids[-1])
    assert record["status"] == "cancelled"


def test_drop_a_picture_for_img2img_and_delete_from_the_gallery(qtbot, page, monkeypatch):
    page.prompt.setPlainText("first")
    page.seed.setValue(2)
    generate(qtbot, page)
    source = page.last_outcome.paths[0]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(source)])
    page.dropEvent(QDropEvent(QPoint(5, 5).toPointF(), Qt.DropAction.CopyAction, mime,
                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    assert page.init_image == source and page.strength.isEnabled()
    page.prompt.setPlainText("second, from the first")
    generate(qtbot, page)
    assert page.last_outcome.ok, page.message.text()
    record = page.last_outcome.records[0]
    assert record["params"]["init_image"] == source and record["params"]["strength"] == pytest.approx(0.6)

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.gallery.selectAll()
    page.delete_selected()
    assert page.gallery_model.rowCount() == 0
    assert not Path(source).exists()


def test_bad_input_is_one_clear_message(qtbot, page):
    page.prompt.setPlainText("   ")
    page.generate_button.click()
    assert "prompt is empty" in page.message.text()
    assert page.message.objectName() == "warning" and not page.bridge.busy


def test_gallery_seed_filter_pages_past_hidden_rows(qtbot, page):
    ws = page.ws
    for i in range(450):  # many images of other seeds, then the one asked for, oldest
        ws.history.add({"kind": "image", "prompt": f"p{i}", "model": "tiny", "seed": 1000 + i,
                        "output_path": f"/nowhere/{i}.png"})
    target = ws.history.add({"kind": "image", "prompt": "old one", "model": "tiny", "seed": 7,
                             "output_path": "/nowhere/old.png"})
    with ws.db.atomic():
        ws.db.execute("update generations set id = 0 where id = ?", [target])
    page.seed_filter.setText("7")
    page.apply_filters()
    assert [r["prompt"] for r in page.gallery_model.rows] == ["old one"]
    page.seed_filter.clear()
    page.apply_filters()
    while page.gallery_model.canFetchMore():
        page.gallery_model.fetchMore()
    assert page.gallery_model.rowCount() == 451
    assert len({r["id"] for r in page.gallery_model.rows}) == 451
