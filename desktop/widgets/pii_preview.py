"""A preview of what PII redaction will mask: the personal data found, and the text as it
will be written. Used by History exports and the Privacy settings' "try it" box."""

from __future__ import annotations

from typing import Any

from desktop.qt import (QCoreApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QTableWidget, QTableWidgetItem,
                        QVBoxLayout, QWidget, QHeaderView)
from engine.trust import pii


def kind_label(widget: QWidget, kind: str) -> str:
    """A detector's name for people, translated (``widget`` is kept for callers' symmetry)."""
    names = {
        "email": QCoreApplication.translate("PiiLabels", "E-mail"),
        "phone": QCoreApplication.translate("PiiLabels", "Phone number"),
        "tw_id": QCoreApplication.translate("PiiLabels", "ID number"),
        "tw_business_id": QCoreApplication.translate("PiiLabels", "Business ID"),
        "card": QCoreApplication.translate("PiiLabels", "Payment card"),
        "iban": QCoreApplication.translate("PiiLabels", "IBAN"),
        "ip": QCoreApplication.translate("PiiLabels", "IP address"),
        "term": QCoreApplication.translate("PiiLabels", "Protected term"),
        "pattern": QCoreApplication.translate("PiiLabels", "Protected pattern"),
    }
    return names.get(kind, kind)


def names_note(widget: QWidget) -> str:
    return QCoreApplication.translate(
        "PiiLabels", "Patterns find e-mails, phone numbers, ID and business numbers, cards, IBANs and IP "
        "addresses. Names of people and addresses in Chinese text are out of reach of patterns: "
        "add client names as protected terms, and read what you share.")


class PiiPreview(QWidget):
    """Findings table over the masked text, for one text at a time (``show_text``)."""

    def __init__(self, rules: pii.Rules | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.rules = rules
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setMaximumHeight(180)
        self.masked = QPlainTextEdit()
        self.masked.setReadOnly(True)
        self.masked.setMaximumHeight(140)
        self.note = QLabel()
        self.note.setObjectName("meta")
        self.note.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.masked, 2)
        layout.addWidget(self.note)
        self._text = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Found")])
        self.note.setText(names_note(self))
        self.show_text(self._text)

    def show_text(self, text: str) -> list[pii.Finding]:
        self._text = text
        findings = pii.find(text, self.rules)
        self.table.setRowCount(len(findings))
        for row, finding in enumerate(findings):
            self.table.setItem(row, 0, QTableWidgetItem(kind_label(self, finding.kind)))
            self.table.setItem(row, 1, QTableWidgetItem(finding.text))
        self.summary.setText(self.tr("{n} item(s) will be masked.").format(n=len(findings)) if findings
                             else self.tr("Nothing to mask was found."))
        self.masked.setPlainText(pii.redact(text, self.rules) or "")
        return findings


class PiiPreviewDialog(QDialog):
    """What an export of ``records`` will mask (every field, params included)."""

    def __init__(self, records: list[dict[str, Any]], rules: pii.Rules | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("What will be masked"))
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        self.preview = PiiPreview(rules, self)
        layout.addWidget(self.preview, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.preview.show_text("\n\n".join(record_text(r) for r in records))


def record_text(record: dict[str, Any]) -> str:
    """Every stored field of a generation as text, the way redaction sees it."""
    parts = [record.get(k) or "" for k in ("system", "prompt", "output", "error")]

    def strings(value: Any) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for k, v in value.items() if k not in pii.NOT_CONTENT_PARAMS for s in strings(v)]
        if isinstance(value, (list, tuple)):
            return [s for v in value for s in strings(v)]
        return []

    parts += strings(record.get("params") or {})
    return "\n".join(p for p in parts if p)
