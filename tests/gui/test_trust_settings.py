"""Settings → Privacy & security and Audit, and the History page's masked export, on a
real workspace (and a policy file that locks settings)."""

from __future__ import annotations

import csv
import json

import pytest

from desktop import i18n
from desktop.pages.history import HistoryPage
from desktop.pages.trust_settings import AuditView, PrivacyPanel
from desktop.qt import QApplication
from engine.workspace import Workspace

POLICY = {"retention_days": 30, "pii_mode": ["warn", "exports"], "reason": "IT-SEC 4.2"}


@pytest.fixture
def managed(home):
    (home.root / "policy.json").write_text(json.dumps(POLICY), encoding="utf-8")
    ws = Workspace(home)
    yield ws
    ws.close()


def test_locked_settings_show_as_managed_with_the_reason(qtbot, managed):
    panel = PrivacyPanel(managed)
    qtbot.addWidget(panel)
    assert not panel.retention.isEnabled() and panel.retention.value() == 30
    assert not panel.mode_checks["exports"].isEnabled() and panel.mode_checks["exports"].isChecked()
    assert panel.lock_labels["retention_days"].text() == "Managed by your organization: IT-SEC 4.2"
    assert not panel.lock_labels["keep_no_history"].isVisibleTo(panel)
    assert panel.no_history.isEnabled()  # what the policy leaves open stays open
    app = QApplication.instance()
    try:
        i18n.apply_language(app, "zh_TW")  # the language change arrives as a posted event
        qtbot.waitUntil(lambda: panel.lock_labels["retention_days"].text() == "由貴組織管理: IT-SEC 4.2")
        assert panel.retention.specialValueText() == "永久"
    finally:
        i18n.apply_language(app, "en")


def test_changes_are_saved_and_audited(qtbot, workspace):
    panel = PrivacyPanel(workspace)
    qtbot.addWidget(panel)
    panel.mode_checks["history"].setChecked(True)
    assert workspace.trust.pii_mode() == ["warn", "history"]
    panel.terms.setPlainText("Acme Corp\n藍鯨計畫\n")
    panel.patterns.setPlainText("(unclosed")
    panel.save_terms.click()
    assert workspace.trust.get("pii_terms") == ["Acme Corp", "藍鯨計畫"]
    assert "not a valid regular expression" in panel.message.text()
    panel.retention.setValue(90)
    assert workspace.trust.get("retention_days") == 90
    panel.try_input.setPlainText("寄給 Acme Corp 的 amy@corp.com.tw")
    assert panel.preview.masked.toPlainText() == "寄給 [redacted] 的 [email]"
    assert panel.preview.table.rowCount() == 2
    events = [e["details"]["key"] for e in workspace.audit_log.entries(event="settings.changed")]
    assert events == ["retention_days", "pii_terms", "pii_mode"]


def test_the_audit_view_filters_verifies_and_exports(qtbot, workspace, tmp_path):
    workspace.trust.set("retention_days", 7)
    workspace.history.add({"kind": "text", "prompt": "hello", "output": "hi", "status": "done"})
    view = AuditView(workspace)
    qtbot.addWidget(view)
    assert view.table.rowCount() == 2
    view.event_filter.setCurrentIndex(view.event_filter.findData("settings.changed"))
    assert view.table.rowCount() == 1 and view.table.item(0, 2).text() == "Setting changed"
    assert view.table.item(0, 2).toolTip() == "settings.changed"
    app = QApplication.instance()
    try:
        i18n.apply_language(app, "zh_TW")
        qtbot.waitUntil(lambda: view.table.item(0, 2).text() == "設定已變更")
        assert view.event_filter.currentText() == "設定已變更"
    finally:
        i18n.apply_language(app, "en")
    assert view.verify() and "intact" in view.status.text()
    path = view.export_csv(str(tmp_path / "audit.csv"))
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["id", "at", "actor", "event", "details"] and rows[1][3] == "settings.changed"
    assert workspace.audit_log.entries(limit=1)[0]["event"] == "audit.exported"


def test_history_export_is_masked_when_the_policy_says_so(qtbot, managed, tmp_path):
    managed.history.add({"kind": "text", "prompt": "mail amy@corp.com.tw", "output": "ok", "status": "done",
                         "params": {"variables": {"mail": "amy@corp.com.tw"}}})
    page = HistoryPage(managed)
    qtbot.addWidget(page)
    assert page.redact_check.isChecked() and not page.redact_check.isEnabled()
    task = page.export(selected_only=False, path=str(tmp_path / "out.jsonl"), fmt="jsonl")
    qtbot.waitUntil(lambda: not task.running, timeout=30_000)
    qtbot.waitUntil(lambda: bool(managed.audit_log.entries(event="export.written")), timeout=10_000)
    text = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    assert "amy@corp.com.tw" not in text and "[email]" in text
    assert managed.audit_log.entries(event="export.written")[0]["details"]["redacted"] is True


def test_the_app_asks_for_the_passphrase_until_it_is_right(qtbot, home, monkeypatch):
    from desktop import app as desktop_app
    from engine.trust import encryption

    monkeypatch.delenv(encryption.PASSPHRASE_VARIABLE, raising=False)
    Workspace(home).close()
    encryption.enable(home, method="passphrase", passphrase="correct horse battery")
    answers = iter([("wrong one", True), ("correct horse battery", True)])
    prompts = []

    def person(parent, title, label, echo):  # stands in for the person typing into the dialog
        prompts.append(label)
        return next(answers)

    monkeypatch.setattr(desktop_app.QInputDialog, "getText", person)
    ws = desktop_app.open_workspace(str(home.root), QApplication.instance())
    try:
        assert ws is not None and ws.audit_log.verify().ok
        assert prompts == ["Airlock's history is encrypted. Enter its passphrase:",
                           "The passphrase is wrong. Try again:"]
    finally:
        ws.close()
    monkeypatch.setattr(desktop_app.QInputDialog, "getText", lambda *a: ("", False))
    assert desktop_app.open_workspace(str(home.root), QApplication.instance()) is None  # the person gave up


def test_png_metadata_off_by_policy_greys_out_the_images_option(qtbot, home):
    from desktop.pages.images.page import ImagesPage

    (home.root / "policy.json").write_text('{"png_metadata": false}', encoding="utf-8")
    with Workspace(home) as ws:
        page = ImagesPage(ws)
        qtbot.addWidget(page)
        assert not page.form.write_parameters.isChecked() and not page.form.write_parameters.isEnabled()


def test_pii_history_mode_greys_out_the_png_settings_option(qtbot, workspace):
    from desktop.pages.images.page import ImagesPage

    workspace.trust.set("pii_mode", ["history"])
    page = ImagesPage(workspace)
    qtbot.addWidget(page)
    assert not page.form.write_parameters.isChecked() and not page.form.write_parameters.isEnabled()


def test_delete_everything_runs_off_the_ui_thread_and_reports(qtbot, workspace, monkeypatch):
    from desktop.pages import trust_settings

    for i in range(3):
        workspace.history.add({"kind": "text", "prompt": f"draft {i}", "status": "done"})
    panel = PrivacyPanel(workspace)
    qtbot.addWidget(panel)
    monkeypatch.setattr(trust_settings.QInputDialog, "getText", lambda *a: ("delete everything", True))
    panel.delete_all.click()
    assert panel.message.text() == "Deleting all history…"  # the click returned before the purge ended
    qtbot.waitUntil(lambda: panel.message.text().startswith("Deleted"), timeout=30000)
    assert panel.message.text() == "Deleted 3 generations and 0 images."
    assert workspace.history.count() == 0
    assert workspace.audit_log.entries(event="data.purged")[0]["details"]["reason"] == "delete everything"
    assert workspace.audit_log.verify().ok


def test_the_window_says_old_history_is_being_removed_until_it_is(qtbot, home, monkeypatch):
    import threading

    from desktop import app as desktop_app
    from engine.trust import retention

    with Workspace(home) as ws:
        ws.history.add({"kind": "text", "prompt": "old", "status": "done", "created_at": "2020-01-01T00:00:00.000Z"})
        ws.trust.set("retention_days", 30)
    release = threading.Event()
    compact = retention.compact
    monkeypatch.setattr(retention, "compact", lambda db: (release.wait(30), compact(db)))
    ws = Workspace(home, process_name="app")
    try:
        window = desktop_app.create_window(ws, QApplication.instance())
        qtbot.addWidget(window)
        assert window.statusBar().currentMessage() == "Removing old history in the background…"
        i18n.apply_language(QApplication.instance(), "zh_TW")
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "正在背景中移除舊的歷史紀錄…")
        i18n.apply_language(QApplication.instance(), "en")
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Removing old history in the background…")
        release.set()
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=30000)
        assert ws.cleanup.result.generations == 1
    finally:
        i18n.apply_language(QApplication.instance(), "en")
        QApplication.processEvents()
        release.set()
        window.close()
        ws.close()


def test_a_suspicious_chat_template_is_flagged_on_import_in_chinese(qtbot, workspace, smollm2, tmp_path):
    """Issue 14 item 6: the template's hash and what looks wrong in it, in the person's
    language (a template that reaches Python internals is refused at import outright)."""
    from desktop.pages.models import ModelsPage
    from tests.helpers.gguf_files import with_chat_template

    template = "{# " + "notes " * 12_000 + "#}{% for m in messages %}{{ m['content'] }}{% endfor %}"
    path = with_chat_template(smollm2, tmp_path / "odd.gguf", template)
    page = ModelsPage(workspace)
    qtbot.addWidget(page)
    app = QApplication.instance()
    try:
        i18n.apply_language(app, "zh_TW")
        page.message.setText("")
        page.import_path(path)
        qtbot.waitUntil(lambda: page.message.text() != "", timeout=60000)
        text = page.message.text()
        assert f"異常地長（{len(template):,} 個字元）" in text, text
        assert "unusually" not in text and "suspicious" not in text
        flagged = workspace.audit_log.entries(event="model.imported")[0]["details"]
        assert flagged["chat_template_flags"] == [f"is unusually long ({len(template):,} characters)"]
    finally:
        i18n.apply_language(app, "en")


def test_the_batch_page_offers_a_masked_export(qtbot, workspace, tmp_path):
    """Issue 14 item 3: the GUI's exports offer redaction too (the PII mode "exports"
    forces it, and the box says so by being checked and greyed out)."""
    from desktop.pages.batch.page import BatchPage
    from engine.batch.plan import create_job
    from engine.prompts.templates import TemplateLibrary
    from tests.helpers.batch import MAIL, TABLE, draft_all

    TemplateLibrary(workspace.db).save(MAIL)
    job_id = create_job(workspace, MAIL.name, TABLE, seed=5)
    draft_all(workspace.batches, job_id)
    workspace.batches.decide(job_id, [1, 2], "approved", "Mei")
    page = BatchPage(workspace)
    qtbot.addWidget(page)
    page.reload_jobs(select=job_id)
    assert page.mask_check.isEnabled() and not page.mask_check.isChecked()
    page.mask_check.setChecked(True)
    target = tmp_path / "approved.csv"
    page.export(str(target), "csv")
    qtbot.waitUntil(lambda: page.run_status.text().startswith("Wrote"), timeout=30000)
    text = target.read_text(encoding="utf-8-sig")
    assert "ada@example.com" not in text and "[email]" in text
    assert workspace.audit_log.entries(event="export.written")[0]["details"]["redacted"] is True
    workspace.trust.set("pii_mode", ["exports"])
    page.reload_jobs(select=job_id)
    assert page.mask_check.isChecked() and not page.mask_check.isEnabled()
