"""Settings → Privacy & security and Settings → Audit: the trust settings (engine/trust/)
a person may change, the ones the organization's policy locks (shown as "Managed by your
organization" with the reason), encryption, retention, and the audit log's entries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.engine_text import engine_text
from desktop.qt import (QCheckBox, QCoreApplication, QComboBox, QDate, QDateEdit, QEvent, QFileDialog, QFormLayout, QGroupBox,
                        QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
                        QPushButton, QScrollArea, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)
from desktop.tasks import Task
from desktop.widgets.pii_preview import PiiPreview, names_note
from engine.errors import AirlockError
from engine.trust import audit, encryption, install, retention
from engine.trust.keys import keyring_available
from engine.workspace import Workspace


def locked_text(widget: QWidget, ws: Workspace, key: str) -> str:
    """"Managed by your organization", with the policy's reason when it gives one."""
    reason = ws.policy.reason_for(key)
    text = QCoreApplication.translate("Policy", "Managed by your organization")
    return f"{text}: {reason}" if reason else text


class PrivacyPanel(QWidget):
    """PII modes and protected terms, retention, keep-no-history, PNG metadata, content in
    the audit log, encryption and "delete everything"."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        self.lock_labels: dict[str, QLabel] = {}

        self.pii_box = QGroupBox()
        pii_form = QFormLayout(self.pii_box)
        self.mode_checks = {mode: QCheckBox() for mode in ("warn", "history", "exports")}
        modes = QVBoxLayout()
        for check in self.mode_checks.values():
            modes.addWidget(check)
        modes.addWidget(self._lock_label("pii_mode"))
        self.mode_label = QLabel()
        pii_form.addRow(self.mode_label, modes)
        self.terms = QPlainTextEdit()
        self.terms.setMaximumHeight(80)
        self.patterns = QPlainTextEdit()
        self.patterns.setMaximumHeight(60)
        self.terms_label, self.patterns_label = QLabel(), QLabel()
        pii_form.addRow(self.terms_label, self._with_lock(self.terms, "pii_terms"))
        pii_form.addRow(self.patterns_label, self._with_lock(self.patterns, "pii_patterns"))
        self.save_terms = QPushButton()
        pii_form.addRow("", self.save_terms)
        self.try_label = QLabel()
        self.try_input = QPlainTextEdit()
        self.try_input.setMaximumHeight(70)
        self.preview = PiiPreview(ws.trust.pii_rules())
        self.preview.setMinimumHeight(220)
        pii_form.addRow(self.try_label, self.try_input)
        pii_form.addRow("", self.preview)
        layout.addWidget(self.pii_box)

        self.history_box = QGroupBox()
        history_form = QFormLayout(self.history_box)
        self.retention = QSpinBox()
        self.retention.setRange(0, 3650)
        self.retention_label = QLabel()
        history_form.addRow(self.retention_label, self._with_lock(self.retention, "retention_days"))
        self.no_history = QCheckBox()
        history_form.addRow("", self._with_lock(self.no_history, "keep_no_history"))
        self.png_metadata = QCheckBox()
        history_form.addRow("", self._with_lock(self.png_metadata, "png_metadata"))
        self.audit_content = QCheckBox()
        history_form.addRow("", self._with_lock(self.audit_content, "audit_content"))
        self.delete_all = QPushButton()
        history_form.addRow("", self.delete_all)
        layout.addWidget(self.history_box)

        self.encryption_box = QGroupBox()
        enc = QVBoxLayout(self.encryption_box)
        self.encryption_status = QLabel()
        self.encryption_status.setWordWrap(True)
        self.encrypt_button = QPushButton()
        enc.addWidget(self.encryption_status)
        enc.addWidget(self.encrypt_button)
        layout.addWidget(self.encryption_box)

        self.policy_label = QLabel()
        self.policy_label.setObjectName("meta")
        self.policy_label.setWordWrap(True)
        layout.addWidget(self.policy_label)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch()

        self.load()
        for mode, check in self.mode_checks.items():
            check.toggled.connect(self._modes_changed)
        self.save_terms.clicked.connect(self._save_terms)
        self.try_input.textChanged.connect(lambda: self.preview.show_text(self.try_input.toPlainText()))
        self.retention.valueChanged.connect(
            lambda days: self._set("retention_days", days or None))
        self.no_history.toggled.connect(lambda on: self._set("keep_no_history", on))
        self.png_metadata.toggled.connect(lambda on: self._set("png_metadata", on))
        self.audit_content.toggled.connect(lambda on: self._set("audit_content", on))
        self.delete_all.clicked.connect(self.delete_everything)
        self.encrypt_button.clicked.connect(self.turn_on_encryption)
        self.retranslate()

    # building --------------------------------------------------------------------------

    def _lock_label(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName("meta")
        label.setWordWrap(True)
        label.setVisible(self.ws.trust.locked(key))
        self.lock_labels[key] = label
        return label

    def _with_lock(self, widget: QWidget, key: str) -> QWidget:
        box = QWidget()
        row = QVBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget)
        row.addWidget(self._lock_label(key))
        widget.setEnabled(not self.ws.trust.locked(key))
        return box

    def load(self) -> None:
        trust = self.ws.trust
        for widget in (*self.mode_checks.values(), self.terms, self.patterns, self.retention, self.no_history,
                       self.png_metadata, self.audit_content):
            widget.blockSignals(True)
        mode = trust.pii_mode()
        for name, check in self.mode_checks.items():
            check.setChecked(name in mode)
            check.setEnabled(not trust.locked("pii_mode"))
        self.terms.setPlainText("\n".join(trust.get("pii_terms")))
        self.patterns.setPlainText("\n".join(trust.get("pii_patterns")))
        self.save_terms.setEnabled(not (trust.locked("pii_terms") and trust.locked("pii_patterns")))
        self.retention.setValue(trust.get("retention_days") or 0)
        self.no_history.setChecked(bool(trust.get("keep_no_history")))
        self.png_metadata.setChecked(bool(trust.get("png_metadata")))
        self.audit_content.setChecked(bool(trust.get("audit_content")))
        for widget in (*self.mode_checks.values(), self.terms, self.patterns, self.retention, self.no_history,
                       self.png_metadata, self.audit_content):
            widget.blockSignals(False)
        self.preview.rules = trust.pii_rules()

    def retranslate(self) -> None:
        self.pii_box.setTitle(self.tr("Personal data"))
        self.mode_label.setText(self.tr("Protection"))
        self.mode_checks["warn"].setText(self.tr("Warn before a prompt with personal data is sent"))
        self.mode_checks["history"].setText(self.tr("Mask personal data in stored history"))
        self.mode_checks["exports"].setText(self.tr("Mask personal data in every export"))
        self.terms_label.setText(self.tr("Protected terms"))
        self.terms.setPlaceholderText(self.tr("One per line: client names, project code names…"))
        self.patterns_label.setText(self.tr("Protected patterns"))
        self.patterns.setPlaceholderText(self.tr("Regular expressions, one per line, e.g. PRJ-\\d{4}"))
        self.save_terms.setText(self.tr("Save terms and patterns"))
        self.try_label.setText(self.tr("Try it"))
        self.try_input.setPlaceholderText(self.tr("Paste a text to see what would be masked"))
        self.history_box.setTitle(self.tr("History"))
        self.retention_label.setText(self.tr("Keep history"))
        self.retention.setSpecialValueText(self.tr("forever"))
        self.retention.setSuffix(self.tr(" days"))
        self.no_history.setText(self.tr("Keep no history (delete this session's work when Airlock closes)"))
        self.png_metadata.setText(self.tr("Write generation settings into PNG files"))
        self.audit_content.setText(self.tr("Write prompts and answers into the audit log"))
        self.delete_all.setText(self.tr("Delete all history…"))
        self.encryption_box.setTitle(self.tr("Encryption at rest"))
        self.encrypt_button.setText(self.tr("Encrypt the database…"))
        for key, label in self.lock_labels.items():
            label.setText(locked_text(self, self.ws, key))
        self._show_encryption()
        source = self.ws.policy.source
        self.policy_label.setText(
            self.tr("Policy file: {path}").format(path=source) if source else
            self.tr("No organization policy is installed; every setting here is yours to change.")
            + " " + names_note(self))
        self.preview.retranslate()

    def _show_encryption(self) -> None:
        state = encryption.read_state(self.ws.home)
        required = bool(self.ws.policy.get("encryption_required"))
        if state.migrating:
            text = self.tr("The database will be encrypted the next time Airlock starts.")
        elif state.enabled:
            text = (self.tr("The database is encrypted; its key is in this computer's keyring.")
                    if state.method == "keyring" else
                    self.tr("The database is encrypted with a passphrase, asked for at every start."))
        else:
            text = self.tr("The database is not encrypted.")
        text += " " + self.tr("Images in the outputs folder and exported files are not encrypted "
                              "(see docs/privacy.md).")
        if required:
            text += " " + locked_text(self, self.ws, "encryption_required")
        self.encryption_status.setText(text)
        self.encrypt_button.setVisible(not state.enabled)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # changing --------------------------------------------------------------------------

    def _set(self, key: str, value: Any) -> bool:
        try:
            self.ws.trust.set(key, value)
        except AirlockError as exc:
            self.message.setText(engine_text(exc))
            self.load()
            return False
        self.message.setText(self.tr("Saved."))
        self.preview.rules = self.ws.trust.pii_rules()
        return True

    def _modes_changed(self) -> None:
        self._set("pii_mode", [m for m, check in self.mode_checks.items() if check.isChecked()])

    def _save_terms(self) -> None:
        terms = [t.strip() for t in self.terms.toPlainText().splitlines() if t.strip()]
        patterns = [p.strip() for p in self.patterns.toPlainText().splitlines() if p.strip()]
        if not self.ws.trust.locked("pii_terms") and not self._set("pii_terms", terms):
            return
        if not self.ws.trust.locked("pii_patterns"):
            self._set("pii_patterns", patterns)
        self.preview.show_text(self.try_input.toPlainText())

    def delete_everything(self) -> None:
        words = retention.CONFIRMATION
        text, ok = QInputDialog.getText(
            self, self.tr("Delete all history"),
            self.tr("Every generation, conversation, batch job and image in the outputs folder will be "
                    "deleted. This cannot be undone. Type '{words}' to confirm:").format(words=words))
        if not ok:
            return

        def work(_progress: Any, _cancelled: Any) -> Any:  # off the UI thread, on a connection of its own
            with self.ws.connection() as conn:
                return install.purge_all(self.ws, text, db=conn.db)

        self.purge_task = Task(work, self)
        self.purge_task.succeeded.connect(lambda result: self.message.setText(
            self.tr("Deleted {n} generations and {images} images.").format(n=result.generations,
                                                                            images=result.images)))
        self.purge_task.failed.connect(self.message.setText)
        self.message.setText(self.tr("Deleting all history…"))
        self.purge_task.start()

    def turn_on_encryption(self) -> None:
        if keyring_available():
            answer = QMessageBox.question(
                self, self.tr("Encrypt the database"),
                self.tr("The key will be kept in this computer's keyring. Airlock encrypts the database the "
                        "next time it starts. Continue?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
            method, phrase = "keyring", None
        else:
            phrase, ok = QInputDialog.getText(
                self, self.tr("Encrypt the database"),
                self.tr("This computer has no keyring, so a passphrase protects the key. It is asked for at "
                        "every start and cannot be recovered if lost. Passphrase (8 characters or more):"),
                QLineEdit.EchoMode.Password)
            if not ok:
                return
            again, ok = QInputDialog.getText(self, self.tr("Encrypt the database"),
                                             self.tr("The same passphrase again:"), QLineEdit.EchoMode.Password)
            if not ok:
                return
            if again != phrase:
                self.message.setText(self.tr("The two passphrases differ; nothing was changed."))
                return
            method = "passphrase"
        try:
            self.ws.request_encryption(method, phrase)
        except AirlockError as exc:
            self.message.setText(engine_text(exc))
            return
        self._show_encryption()
        self.message.setText(self.tr("Restart Airlock to encrypt the database."))


EVENT_FILTERS = ("", "model.", "generation.made", "export.written", "pack.imported", "batch.reviewed",
                 "settings.changed", "policy.changed", "data.purged", "api_key.", "encryption.enabled")


def event_label(event: str) -> str:
    """An audit event's name for people, translated (the log and its CSV keep the id)."""
    names = {
        "model.": QCoreApplication.translate("AuditEvents", "Models"),
        "model.imported": QCoreApplication.translate("AuditEvents", "Model imported"),
        "model.loaded": QCoreApplication.translate("AuditEvents", "Model loaded"),
        "model.refused": QCoreApplication.translate("AuditEvents", "Model refused"),
        "generation.made": QCoreApplication.translate("AuditEvents", "Generation made"),
        "export.written": QCoreApplication.translate("AuditEvents", "Export written"),
        "pack.imported": QCoreApplication.translate("AuditEvents", "Template pack imported"),
        "batch.reviewed": QCoreApplication.translate("AuditEvents", "Batch reviewed"),
        "settings.changed": QCoreApplication.translate("AuditEvents", "Setting changed"),
        "policy.changed": QCoreApplication.translate("AuditEvents", "Policy changed"),
        "data.purged": QCoreApplication.translate("AuditEvents", "History deleted"),
        "api_key.": QCoreApplication.translate("AuditEvents", "API keys"),
        "api_key.issued": QCoreApplication.translate("AuditEvents", "API key issued"),
        "api_key.used": QCoreApplication.translate("AuditEvents", "API key used"),
        "api_key.revoked": QCoreApplication.translate("AuditEvents", "API key revoked"),
        "encryption.enabled": QCoreApplication.translate("AuditEvents", "Encryption turned on"),
        "audit.exported": QCoreApplication.translate("AuditEvents", "Audit log exported"),
    }
    return names.get(event, event)


class AuditView(QWidget):
    """The audit log's entries, newest first, with filters, a chain check and CSV export."""

    LIMIT = 1000

    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.event_filter = QComboBox()
        for event in EVENT_FILTERS:
            self.event_filter.addItem(event_label(event) if event else "", event)
        self.search = QLineEdit()
        self.since_check = QCheckBox()
        self.since = QDateEdit(QDate.currentDate().addDays(-30))
        self.since.setCalendarPopup(True)
        self.since.setEnabled(False)
        self.verify_button = QPushButton()
        self.export_button = QPushButton()
        for widget in (self.event_filter, self.search, self.since_check, self.since, self.verify_button,
                       self.export_button):
            bar.addWidget(widget)
        layout.addLayout(bar)
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.rows: list[dict[str, Any]] = []
        self.event_filter.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.since_check.toggled.connect(lambda on: (self.since.setEnabled(on), self.refresh()))
        self.since.dateChanged.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.event_filter.setItemText(0, self.tr("All events"))
        for index, event in enumerate(EVENT_FILTERS[1:], start=1):
            self.event_filter.setItemText(index, event_label(event))
        if self.rows:
            self.refresh()
        self.search.setPlaceholderText(self.tr("Search who or details…"))
        self.since_check.setText(self.tr("Since"))
        self.verify_button.setText(self.tr("Verify the chain"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.table.setHorizontalHeaderLabels([self.tr("Time (UTC)"), self.tr("Who"), self.tr("Event"),
                                              self.tr("Details")])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: Any) -> None:
        self.refresh()
        super().showEvent(event)

    def filters(self) -> dict[str, Any]:
        since = self.since.date().toString("yyyy-MM-dd") if self.since_check.isChecked() else None
        return {"event": self.event_filter.currentData() or None, "text": self.search.text().strip() or None,
                "since": since}

    def refresh(self) -> None:
        self.rows = audit.log_for(self.ws).entries(limit=self.LIMIT, **self.filters())
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            details = ", ".join(f"{k}={v}" for k, v in row["details"].items())
            for column, value in enumerate((row["at"][:19].replace("T", " "), row["actor"],
                                            event_label(row["event"]), details)):
                item = QTableWidgetItem(value)
                if column == 2:
                    item.setToolTip(row["event"])  # the id the CSV export and `airlock audit` use
                self.table.setItem(i, column, item)
        self.table.resizeColumnsToContents()

    def verify(self) -> bool:
        result = audit.log_for(self.ws).verify()
        if result.ok:
            self.status.setText(self.tr("The audit log is intact ({n} entries).").format(n=result.entries))
        else:
            self.status.setText(self.tr("The audit log is broken at entry {id}: it was changed, removed or "
                                        "reordered outside Airlock.").format(id=result.first_bad))
        return result.ok

    def export_csv(self, path: str | None = None) -> Path | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"),
                                                  str(Path.home() / "airlock-audit.csv"), self.tr("CSV (*.csv)"))
            if not path:
                return None
        target = Path(path)
        try:
            count = install.export_audit(self.ws, self.rows, target, replace=True)  # the save dialog asked first
        except AirlockError as exc:
            self.status.setText(engine_text(exc))
            return None
        self.status.setText(self.tr("Wrote {n} entries to {path}.").format(n=count, path=target))
        return target
