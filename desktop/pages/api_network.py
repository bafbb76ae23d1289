"""Settings > Local API > Network: where the API listens, its TLS files, the Host names it
answers to and the web origins it lets call, the same settings `airlock serve` takes.

A network address is offered only when the admin policy says ``"api_lan": true``; the
rules themselves (TLS and a Host allowlist on the network, an exact CORS origin, a
certificate that loads with its key) are the engine's (engine/api/config.py), so the
window and the command line refuse the same things with the same sentence.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from desktop.qt import (QCheckBox, QEvent, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                        QPushButton, QWidget, Signal)
from desktop.engine_text import engine_text
from engine.errors import AirlockError
from engine.workspace import Workspace

ANY_ADDRESS = "0.0.0.0"


def _names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.replace(",", " ").split() if part.strip())


class ApiNetwork(QGroupBox):
    """The network half of the API settings; ``applied`` after a change was saved."""

    applied = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        from engine.api import admin_policy, config

        self.ws = ws
        self.lan_allowed = admin_policy.lan_api_allowed(ws.home)
        saved = config.load(ws.db)
        form = QFormLayout(self)
        self.policy_note = QLabel()
        self.policy_note.setObjectName("meta")
        self.policy_note.setWordWrap(True)
        self.lan = QCheckBox()
        self.listen = QLineEdit()
        self.tls_cert, self.tls_key = QLineEdit(), QLineEdit()
        self.browse_cert, self.browse_key = QPushButton(), QPushButton()
        self.hosts = QLineEdit()
        self.origins = QLineEdit()
        self.apply = QPushButton()
        self.status = QLabel()
        self.status.setObjectName("meta")
        self.status.setWordWrap(True)
        self.labels = [QLabel() for _ in range(5)]
        form.addRow(self.policy_note)
        form.addRow(self.lan)
        form.addRow(self.labels[0], self.listen)
        for label, line, button in ((self.labels[1], self.tls_cert, self.browse_cert),
                                    (self.labels[2], self.tls_key, self.browse_key)):
            row = QHBoxLayout()
            row.addWidget(line, 1)
            row.addWidget(button)
            form.addRow(label, row)
        form.addRow(self.labels[3], self.hosts)
        form.addRow(self.labels[4], self.origins)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply)
        buttons.addStretch()
        form.addRow(buttons)
        form.addRow(self.status)

        on_network = not saved.loopback
        self.lan.setChecked(on_network and self.lan_allowed)
        self.lan.setEnabled(self.lan_allowed)
        self.listen.setText(saved.host if on_network else ANY_ADDRESS)
        self.tls_cert.setText(saved.tls_cert or "")
        self.tls_key.setText(saved.tls_key or "")
        self.hosts.setText(", ".join(saved.allowed_hosts))
        self.origins.setText(", ".join(saved.cors_origins))
        self.lan.toggled.connect(self._show_state)
        self.browse_cert.clicked.connect(lambda: self._browse(self.tls_cert))
        self.browse_key.clicked.connect(lambda: self._browse(self.tls_key))
        self.apply.clicked.connect(self.save)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Network and TLS"))
        if self.lan_allowed:
            self.policy_note.setText(self.tr(
                "Your organization allows the API on the network: it then needs TLS (a certificate and its key) "
                "and the names clients use to reach this computer."))
        else:
            self.policy_note.setText(self.tr(
                "The API listens on this computer only: your organization's policy does not allow it on the "
                "network."))
        self.lan.setText(self.tr("Listen on the network"))
        for label, text in zip(self.labels, (self.tr("Listen address"), self.tr("TLS certificate"),
                                             self.tr("TLS private key"), self.tr("Allowed host names"),
                                             self.tr("Allowed web origins"))):
            label.setText(text)
        self.listen.setPlaceholderText(self.tr("0.0.0.0 (every network card) or this computer's address"))
        self.tls_cert.setPlaceholderText(self.tr("PEM file; optional on this computer only"))
        self.tls_key.setPlaceholderText(self.tr("PEM file without a passphrase"))
        self.hosts.setPlaceholderText(self.tr("e.g. ai-server, 10.0.0.5 (no port)"))
        self.origins.setPlaceholderText(self.tr("none; e.g. https://crm.example.com"))
        for button in (self.browse_cert, self.browse_key):
            button.setText(self.tr("Browse…"))
        self.apply.setText(self.tr("Apply network settings"))
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_state(self) -> None:
        self.listen.setEnabled(self.lan.isChecked())

    def _browse(self, line: QLineEdit) -> None:
        start = str(Path(line.text()).parent) if line.text() else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a PEM file"), start,
                                              self.tr("PEM files (*.pem *.crt *.key);;All files (*)"))
        if path:
            line.setText(path)

    def save(self) -> bool:
        """Check the settings with the engine's rules and keep them; ``applied`` tells the
        page to restart a running server. False (and the reason shown) when refused."""
        from engine.api import config

        host = (self.listen.text().strip() or ANY_ADDRESS) if self.lan.isChecked() else "127.0.0.1"
        candidate = replace(config.load(self.ws.db), host=host, tls_cert=self.tls_cert.text().strip() or None,
                            tls_key=self.tls_key.text().strip() or None, allowed_hosts=_names(self.hosts.text()),
                            cors_origins=_names(self.origins.text()))
        try:
            candidate.check(lan_allowed=self.lan_allowed)
        except AirlockError as exc:
            self.status.setText(engine_text(exc))
            return False
        config.save(self.ws.db, candidate)
        self.status.setText(self.tr("Saved: clients reach the API at {0}/v1.").format(candidate.public_url))
        self.applied.emit()
        return True
