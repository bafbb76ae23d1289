"""Engine errors reach the zh-TW window in Chinese: every declared engine message reads as
Chinese once translated, and real flows that make the engine refuse something (a bad
model file, a broken pack, a template using an unknown variable, an empty document, an
empty spreadsheet, a message too long for the context) show no English sentence.

English left inside a translation is only code a person types or reads as a name: quoted
names and values, commands, paths and file names, options (CODE below).
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from desktop import i18n
from desktop.engine_text import engine_text
from desktop.qt import QApplication
from engine import messages
from tests.gui.test_zh_tw_has_no_english import english_in

CJK = re.compile(r"[\u4e00-\u9fff]")
CODE = re.compile(r"「[^」\u4e00-\u9fff]*」|[(（][^)）\u4e00-\u9fff]*[)）]|\S*[/_=.-]\S*|Stable Diffusion")


def english_sentence(text: str) -> str | None:
    """``text`` when an English sentence (not a name or code) is left in it, or it has no Chinese."""
    return text if not CJK.search(text) or english_in(CODE.sub(" ", text)) else None


@pytest.fixture
def zh_tw(qtbot):
    app = QApplication.instance()
    i18n.apply_language(app, "zh_TW")
    yield
    i18n.apply_language(app, "en")


def test_every_declared_engine_message_reads_as_chinese(qtbot, zh_tw):
    left = []
    for message in messages.CATALOG.values():
        english = message(**{name: str(7 + i) for i, name in enumerate(message.fields)})
        shown = engine_text(english)
        if shown == english or english_sentence(shown):
            left.append(f"{message.id}: {shown}")
    assert not left, "\n".join(left)
    assert len(messages.CATALOG) > 450


def test_a_translated_message_keeps_its_values_and_translates_its_pieces(qtbot, zh_tw):
    from engine.errors import BadInput
    from engine.prompts.packs import parse_pack

    with pytest.raises(BadInput) as caught:  # "{what} holds the {kind} '{duplicate}' twice."
        parse_pack(b'{"airlock_pack": 1, "templates": [{"name": "A", "body": "x"}, {"name": "A", "body": "y"}]}')
    assert engine_text(caught.value) == "範本包重複包含範本「A」。"


def shown_after(qtbot, label, start) -> str:
    """What ``label`` says once the work ``start`` began has reported (its signals are queued)."""
    label.setText("")
    start()
    qtbot.waitUntil(lambda: label.text() != "", timeout=30_000)
    return label.text()


def test_model_import_refusals_are_chinese(qtbot, window, tmp_path, zh_tw):
    models = window.models
    window.sidebar.setCurrentRow(window.pages.index(models))
    shown = []
    for name, data in (("bad.ckpt", b"\x80\x04"),  # a pickle: refused before it is read
                       ("tiny.safetensors", b"\x10\x00\x00\x00\x00\x00\x00\x00{}"),  # too short
                       ("notes.gguf", b"this is not a model at all")):
        path = tmp_path / name
        path.write_bytes(data)
        shown.append(shown_after(qtbot, models.message, lambda: models.import_path(path)))
    assert shown[0].startswith("bad.ckpt 是 pickle 檔（.ckpt），載入時可能執行程式碼")
    assert not [text for text in shown if english_sentence(text)], shown


def test_broken_packs_are_chinese_down_to_their_pieces(qtbot, window, tmp_path, zh_tw):
    page = window.templates
    window.sidebar.setCurrentRow(window.pages.index(page))
    no_manifest = tmp_path / "team.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("pack.json", "{}")
    no_manifest.write_bytes(buffer.getvalue())
    empty_body = tmp_path / "empty-body.json"
    empty_body.write_text('{"airlock_pack": 1, "templates": [{"name": "Mail", "body": "  "}]}', encoding="utf-8")
    shown = []
    for path in (no_manifest, empty_body):
        shown.append(shown_after(qtbot, page.browser.list_message, lambda: page.import_file(str(path))))
        qtbot.waitUntil(lambda: not page.task.running)
    assert shown == ["這個 zip 沒有 manifest.json，所以不是 Airlock 範本包。",
                     "範本「Mail」的內文是空的。"]


def test_a_template_using_an_unknown_variable_is_refused_in_chinese(qtbot, window, zh_tw):
    page = window.templates
    window.sidebar.setCurrentRow(window.pages.index(page))
    page.new_template()
    page.editor.name.setText("新範本")
    page.editor.body.setPlainText("寫給 {{ customer }} 的信")
    assert not page.save()
    text = page.editor.editor_message.text()
    assert text.startswith("範本「新範本」在第 1 行使用了「customer」") and not english_sentence(text)


def test_a_document_without_text_is_skipped_in_chinese(qtbot, window, tmp_path, zh_tw):
    page = window.knowledge
    window.sidebar.setCurrentRow(window.pages.index(page))
    empty = tmp_path / "空白.txt"
    empty.write_text("   \n", encoding="utf-8")
    text = shown_after(qtbot, page.message, lambda: page.import_files([empty]))
    assert "空白.txt 不含任何文字。" in text and not english_sentence(text)


def test_a_spreadsheet_the_batch_cannot_use_is_refused_in_chinese(qtbot, window, tmp_path, zh_tw):
    from engine.batch.mapping import RowProblem
    from engine.errors import BadInput
    from engine.prompts.variables import Variable, resolve_values

    empty = tmp_path / "crm.csv"
    empty.write_bytes(b"")
    dialog = window.batch.new_batch(str(empty))
    try:
        text = dialog.problems.text()
        assert text.startswith("crm.csv 是空的") and not english_sentence(text)
        with pytest.raises(BadInput) as caught:
            resolve_values([Variable(name="n", label="人數", type="number", required=True)], {"n": "many"})
        rows = dialog.problems_text([RowProblem(3, str(caught.value))])
        assert rows == "有 1 列無法使用：\n第 3 列：「人數」必須是數字（目前是「many」）。"
        many = dialog.problems_text([RowProblem(n, str(caught.value)) for n in range(1, 14)])
        assert many.splitlines()[0] == "有 13 列無法使用：" and many.splitlines()[-1] == "另有 3 列。"
        assert not english_sentence(many)
    finally:
        dialog.close()


@pytest.mark.slow
def test_a_message_too_long_for_the_context_is_refused_in_chinese(qtbot, window, zh_tw):
    chat = window.chat
    qtbot.waitUntil(lambda: not chat.bridge.busy, timeout=30_000)  # the preload
    chat.new_chat()
    chat.settings.context.setValue(256)
    chat.input.setPlainText("請摘要這段文字。" + "tea " * 2000)
    chat.send()
    qtbot.waitUntil(lambda: not chat.bridge.busy, timeout=60_000)
    text = chat.view.messages()[-1].error_label.text()
    assert text.startswith("這則訊息超過 256 token 的上下文長度") and not english_sentence(text)


def test_a_new_template_shows_no_form_preview_or_pack_message_of_another(qtbot, window, tmp_path, zh_tw):
    page = window.templates
    window.sidebar.setCurrentRow(window.pages.index(page))
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    shown_after(qtbot, page.browser.list_message, lambda: page.import_file(str(broken)))
    assert page.select("EDM 行銷電子報") and page.runner.form.variables
    page.import_file(str(broken))
    qtbot.waitUntil(lambda: page.browser.list_message.isVisible() and not page.task.running, timeout=30_000)
    page.new_template()
    assert not page.browser.list_message.isVisible()  # the pack message belonged to its import
    assert page.runner.form.variables == ()  # not the EDM template's fields
    page.editor.body.setPlainText("寫給 {{ customer }} 的信")
    page.refresh_preview()
    assert page.runner.preview.toPlainText() == ""  # no preview of a draft that does not check
    assert page.runner.preview_message.text().startswith("範本") and page.editor.body_label.wordWrap()


def test_the_template_list_marks_image_templates_in_the_new_language(qtbot, window):
    page = window.templates
    marked = [page.browser.list.item(i).text() for i in range(page.browser.list.count())
              if page.browser.list.item(i).text().endswith("(image)")]
    assert marked  # the default pack has image templates
    i18n.apply_language(QApplication.instance(), "zh_TW")
    try:
        qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "對話", timeout=2000)
        texts = [page.browser.list.item(i).text() for i in range(page.browser.list.count())]
        assert not [t for t in texts if "(image)" in t] and any(t.endswith("（圖片）") for t in texts)
    finally:
        i18n.apply_language(QApplication.instance(), "en")


def test_the_operating_systems_own_words_are_translated_inside_a_message(qtbot, tmp_path, zh_tw):
    from engine.errors import AirlockError
    from engine.files import atomic_write

    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    with pytest.raises(AirlockError) as caught:  # the folder is a file: ENOTDIR, worded by the platform
        with atomic_write(blocker / "out.csv") as out:
            out.write("a")
    shown = engine_text(caught.value)
    assert "路徑中有一部分不是資料夾" in shown and not english_sentence(shown), shown

    with pytest.raises(OSError) as missing:
        (tmp_path / "crm.csv").read_bytes()
    shown = engine_text(f"crm.csv cannot be read: {missing.value}.")  # str(OSError): "[Errno 2] ...: 'path'"
    assert shown.startswith("無法讀取 crm.csv：找不到這個檔案或資料夾：'") and not english_sentence(shown), shown


def test_in_english_the_operating_systems_words_stay_as_the_platform_writes_them(qtbot, tmp_path):
    with pytest.raises(OSError) as missing:
        (tmp_path / "crm.csv").read_bytes()
    text = f"crm.csv cannot be read: {missing.value}."
    assert engine_text(text) == text
