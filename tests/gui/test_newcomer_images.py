"""Issue 11 on the Images page: its state says the truth (a model chosen, sizes of its
family and a custom one, steps against the preset, the starting picture shown or refused,
Open without a viewer), in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import i18n
from desktop.pages.images.form import CUSTOM
from desktop.qt import QApplication, QDesktopServices, QImage, QColor
from tests.helpers.tiny_sd import build_tiny_folder

pytestmark = [pytest.mark.slow, pytest.mark.image]


@pytest.fixture(scope="module")
def tiny_folder(tmp_path_factory) -> Path:
    return build_tiny_folder(tmp_path_factory.mktemp("tiny") / "tiny-sd")


def test_the_images_page_tells_the_truth_about_its_state(qtbot, window, tiny_folder, tmp_path, monkeypatch):
    images, form = window.images, window.images.form
    assert form.message.text().startswith("No image model yet")
    window.ws.registry.import_model(tiny_folder, name="tiny")
    window.models.models_changed.emit()
    assert form.model_combo.currentData() == "tiny"
    assert not form.message.text().startswith("No image model yet")  # a model is selected now
    sizes = [form.size.itemData(i) for i in range(form.size.count())]
    assert sizes[0] is None and sizes[1] == (512, 512) and sizes[-1] == CUSTOM  # the family's, then custom
    form.size.setCurrentIndex(form.size.findData(CUSTOM))
    assert form.custom_size.isVisibleTo(form)
    form.custom_width.setValue(320)
    form.custom_height.setValue(192)
    form.prompt.setPlainText("a lantern")
    request = form.request()
    assert (request.width, request.height) == (320, 192)

    form.preset.setCurrentIndex(form.preset.findData("standard"))
    form.steps.setValue(2)  # what Reuse settings brought back from a quick test image
    assert form.steps_note.isVisibleTo(form) and "2 steps" in form.steps_note.text()
    form.steps.setValue(25)
    assert not form.steps_note.isVisibleTo(form)

    picture = tmp_path / "start.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    image.save(str(picture))
    assert form.set_init_image(str(picture))
    assert form.init_thumb.isVisibleTo(form) and not form.init_thumb.pixmap().isNull()
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a picture")
    assert not form.set_init_image(str(broken))  # refused when chosen, not at Generate
    assert form.init_image == str(picture) and "broken.png cannot be read" in form.message.text()

    record_id = window.ws.history.add({"kind": "image", "prompt": "kept", "model": "tiny", "seed": 3,
                                       "output_path": str(picture), "width": 64, "height": 48})
    images.gallery_panel.apply_filters()
    images.gallery_panel.gallery.setCurrentIndex(images.gallery_model.index(0))
    assert images.gallery_model.record(0)["id"] == record_id
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)  # a machine with no viewer
    images.gallery_panel.open_button.click()
    assert form.message.text().startswith("No program to show pictures") and str(picture) in form.message.text()
    images.gallery_panel.reveal_button.click()
    assert form.message.text().startswith("No file manager")

    i18n.apply_language(QApplication.instance(), "zh_TW")
    qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "對話", timeout=2000)
    assert form.size.itemText(form.size.findData(CUSTOM)) == "自訂大小…"
    assert not form.message.text().startswith("還沒有圖片模型")
    images.gallery_panel.open_button.click()
    assert form.message.text().startswith("這台電腦沒有設定看圖程式")
