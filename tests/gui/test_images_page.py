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
    images.form.size.addItem("64 × 64", (64, 64))
    images.form.size.setCurrentIndex(images.form.size.count() - 1)
    images.form.steps.setValue(3)
    images.form.guidance.setValue(5.0)
    return images


def generate(qtbot, page, timeout=120_000) -> None:
    qtbot.mouseClick(page.form.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.bridge.busy, timeout=timeout)


def test_generate_shows_progress_result_and_gallery_then_reuse_reproduces_it(qtbot, page):
    page.form.prompt.setPlainText("a ceramic tea set, product photo")
    page.form.negative.setPlainText("blurry")
    page.form.seed.setValue(5)
    steps_seen = []
    page.bridge.progress.connect(lambda e: steps_seen.append((e.stage, e.step, e.total)))
    generate(qtbot, page)
    assert page.last_outcome.ok, page.form.message.text()
    assert ("denoise", 3, 3) in steps_seen
    assert page.result.pixmap() is not None and not page.result.pixmap().isNull()
    assert page.gallery_model.rowCount() == 1
    first = page.gallery_model.record(0)
    assert Path(first["output_path"]).is_file() and first["seed"] == 5

    page.form.prompt.clear()
    page.form.seed.setValue(-1)
    page.gallery_panel.gallery.setCurrentIndex(page.gallery_model.index(0))
    page.gallery_panel.reuse_button.click()
    assert page.form.prompt.toPlainText() == "a ceramic tea set, product photo"
    assert page.form.negative.toPlainText() == "blurry" and page.form.seed.value() == 5
    page.gallery_panel.copy_button.click()
    copied = QApplication.clipboard().text()
    assert "Seed: 5" in copied and "Negative prompt: blurry" in copied
    generate(qtbot, page)
    second = page.last_outcome.records[0]
    assert Path(second["output_path"]).read_bytes() == Path(first["output_path"]).read_bytes()
    assert page.gallery_model.rowCount() == 2


def test_cancel_stops_within_a_step(qtbot, page):
    page.form.prompt.setPlainText("a long run")
    page.form.steps.setValue(60)
    page.form.seed.setValue(1)
    page.form.generate_button.click()
    qtbot.waitUntil(lambda: page.form.progress.value() >= 1 and "Step" in page.form.progress.format(), timeout=60_000)
    page.form.cancel_button.click()
    qtbot.waitUntil(lambda: not page.bridge.busy, timeout=10_000)
    assert "Cancelled" in page.form.message.text()
    record = page.ws.history.get(page.last_outcome.generation_ids[-1])
    assert record["status"] == "stopped"


def test_drop_a_picture_for_img2img_and_delete_from_the_gallery(qtbot, page, monkeypatch):
    page.form.prompt.setPlainText("first")
    page.form.seed.setValue(2)
    generate(qtbot, page)
    source = page.last_outcome.paths[0]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(source)])
    page.dropEvent(QDropEvent(QPoint(5, 5).toPointF(), Qt.DropAction.CopyAction, mime,
                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    assert page.form.init_image == source and page.form.strength.isEnabled()
    page.form.prompt.setPlainText("second, from the first")
    generate(qtbot, page)
    assert page.last_outcome.ok, page.form.message.text()
    record = page.last_outcome.records[0]
    assert record["params"]["init_image"] == source and record["params"]["strength"] == pytest.approx(0.6)

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.gallery_panel.gallery.selectAll()
    page.gallery_panel.delete_selected()
    assert page.gallery_model.rowCount() == 0
    assert not Path(source).exists()


def test_bad_input_is_one_clear_message(qtbot, page):
    page.form.prompt.setPlainText("   ")
    page.form.generate_button.click()
    assert "prompt is empty" in page.form.message.text()
    assert page.form.message.objectName() == "warning" and not page.bridge.busy


def test_gallery_seed_filter_pages_past_hidden_rows(qtbot, page):
    ws = page.ws
    for i in range(450):  # many images of other seeds, then the one asked for, oldest
        ws.history.add({"kind": "image", "prompt": f"p{i}", "model": "tiny", "seed": 1000 + i,
                        "output_path": f"/nowhere/{i}.png"})
    target = ws.history.add({"kind": "image", "prompt": "old one", "model": "tiny", "seed": 7,
                             "output_path": "/nowhere/old.png"})
    with ws.db.atomic():
        ws.db.execute("update generations set id = 0 where id = ?", [target])
    page.gallery_panel.seed_filter.setText("7")
    page.gallery_panel.apply_filters()
    assert [r["prompt"] for r in page.gallery_model.rows] == ["old one"]
    page.gallery_panel.seed_filter.clear()
    page.gallery_panel.apply_filters()
    while page.gallery_model.canFetchMore():
        page.gallery_model.fetchMore()
    assert page.gallery_model.rowCount() == 451
    assert len({r["id"] for r in page.gallery_model.rows}) == 451


def test_gallery_date_filter(qtbot, page):
    from datetime import datetime, timedelta, timezone

    from desktop.pages.images import PERIODS, period_start

    ws = page.ws
    now = datetime.now(timezone.utc)
    ages = {"now": 0, "three days": 3, "twenty days": 20, "half a year": 180, "two years": 730}
    for prompt, days in ages.items():
        stamp = (now - timedelta(days=days, minutes=1)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        ws.history.add({"kind": "image", "prompt": f"dated {prompt}", "model": "tiny", "seed": 1,
                        "output_path": f"/nowhere/{days}.png", "created_at": stamp})
    seen = {}
    for index in [1, 2, 3, 4, 0]:  # each a change of the filter, which applies it at once
        days = PERIODS[index]
        page.gallery_panel.date_filter.setCurrentIndex(index)
        seen[days] = {r["prompt"].removeprefix("dated ") for r in page.gallery_model.rows
                      if r["prompt"].startswith("dated")}
    assert seen[None] == set(ages)
    assert seen[7] == {"now", "three days"} and seen[30] == seen[7] | {"twenty days"}
    assert seen[365] == seen[30] | {"half a year"}
    assert seen[0] <= {"now"}  # "now" minus a minute may fall before local midnight
    assert page.gallery_panel.date_filter.itemText(2) == "Last 7 days"
    # "today" starts at local midnight, whatever the time zone
    noon = datetime(2026, 3, 10, 12, 0).astimezone()
    midnight = datetime.fromisoformat(period_start(0, noon).replace("Z", "+00:00")).astimezone(noon.tzinfo)
    assert (midnight.year, midnight.month, midnight.day, midnight.hour, midnight.minute) == (2026, 3, 10, 0, 0)


def test_bfloat16_is_offered_where_the_cpu_has_it_and_reuse_brings_it_back(qtbot, page):
    from engine.machine import cpu_has_native_bf16

    if not cpu_has_native_bf16():
        assert not page.form.cpu_bf16.isVisible()
        pytest.skip("this CPU has no native bfloat16: the option is hidden (checked above)")
    assert page.form.cpu_bf16.isVisibleTo(page) and not page.form.cpu_bf16.isChecked()
    page.form.prompt.setPlainText("a paper lantern")
    page.form.seed.setValue(9)
    page.form.cpu_bf16.setChecked(True)
    generate(qtbot, page)
    record = page.last_outcome.records[0]
    assert record["params"]["cpu_bf16"] is True and record["params"]["dtype"] == "bfloat16 autocast"
    page.form.cpu_bf16.setChecked(False)
    page.gallery_panel.gallery.setCurrentIndex(page.gallery_model.index(0))
    page.gallery_panel.reuse_button.click()
    assert page.form.cpu_bf16.isChecked()  # the same picture needs the same precision
    generate(qtbot, page)
    again = page.last_outcome.records[0]
    assert Path(again["output_path"]).read_bytes() == Path(record["output_path"]).read_bytes()
