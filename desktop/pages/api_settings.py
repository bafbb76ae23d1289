"""Settings > Local API and Settings > Connections.

Local API: the switch that serves the OpenAI-compatible API from this window, its
address, the keys callers present (created here, shown once, revocable), and its network
settings (desktop/pages/api_network.py: a LAN address only when the policy allows it,
then with TLS and a Host allowlist).
Connections: inference servers (vLLM, llama-server) whose models then appear beside the
local ones; the health check runs on a background thread.
"""

from __future__ import annotations

import threading
from typing import Any

from desktop.api_host import ApiHost
from desktop.engine_text import engine_text
from desktop.pages.api_network import ApiNetwork
from desktop.qt import (QApplication, QCheckBox, QDoubleSpinBox, QEvent, QFormLayout, QGroupBox, QHBoxLayout,
                        QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QSpinBox, Qt, QTimer,
                        QVBoxLayout, QWidget, Signal)
from engine.api.keys import SCOPES
from engine.errors import AirlockError
from engine.workspace import Workspace


class ApiSettings(QWidget):
    models_changed = Signal()
    _checked = Signal(str, object)  # connection name, report dict or an error sentence

    def __init__(self, ws: Workspace, host: ApiHost, parent: QWidget | None = None):
        super().__init__(parent)
        from engine.api import config

        self.ws, self.host = ws, host
        self.keys = ws.api_keys
        self.connections = ws.connections
        self.config = config.load(ws.db)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.api_box = QGroupBox()
        api = QFormLayout(self.api_box)
        self.enabled = QCheckBox()
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(self.config.port)
        self.address = QLabel()
        self.address.setObjectName("meta")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_list = QListWidget()
        self.key_list.setMaximumHeight(90)
        key_row = QHBoxLayout()
        self.key_name = QLineEdit()
        self.create_key = QPushButton()
        self.revoke_key = QPushButton()
        # what the key may call: a CRM plug-in that only drafts text gets no image scope
        self.key_scopes = {scope: QCheckBox() for scope in SCOPES}
        key_row.addWidget(self.key_name, 1)
        for box in self.key_scopes.values():
            box.setChecked(True)
            key_row.addWidget(box)
        key_row.addWidget(self.create_key)
        key_row.addWidget(self.revoke_key)
        self.api_labels = [QLabel() for _ in range(3)]
        api.addRow(self.enabled)
        api.addRow(self.api_labels[0], self.port)
        api.addRow("", self.address)
        api.addRow(self.api_labels[1], self.key_list)
        api.addRow(self.api_labels[2], key_row)
        layout.addWidget(self.api_box)
        self.network = ApiNetwork(ws)
        layout.addWidget(self.network)

        self.conn_box = QGroupBox()
        conn = QFormLayout(self.conn_box)
        self.conn_list = QListWidget()
        self.conn_list.setMaximumHeight(90)
        self.conn_name = QLineEdit()
        self.conn_url = QLineEdit()
        self.conn_key = QLineEdit()
        self.conn_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.conn_ca = QLineEdit()
        # connect, list models, first token: separate, since a busy server queues prompts
        self.conn_timeouts = [QDoubleSpinBox() for _ in range(3)]
        for spin, (default, top) in zip(self.conn_timeouts, ((5.0, 600.0), (10.0, 600.0), (120.0, 3600.0))):
            spin.setRange(0.5, top)
            spin.setDecimals(1)
            spin.setValue(default)
        self.conn_concurrency = QSpinBox()
        self.conn_concurrency.setRange(1, 64)
        self.conn_concurrency.setValue(4)
        timeouts = QHBoxLayout()
        self.timeout_labels = [QLabel() for _ in range(3)]
        for label, spin in zip(self.timeout_labels, self.conn_timeouts):
            timeouts.addWidget(label)
            timeouts.addWidget(spin)
        timeouts.addStretch()
        buttons = QHBoxLayout()
        self.save_conn = QPushButton()
        self.check_conn = QPushButton()
        self.remove_conn = QPushButton()
        for button in (self.save_conn, self.check_conn, self.remove_conn):
            buttons.addWidget(button)
        buttons.addStretch()
        self.conn_status = QLabel()
        self.conn_status.setObjectName("meta")
        self.conn_status.setWordWrap(True)
        self.conn_labels = [QLabel() for _ in range(6)]
        conn.addRow(self.conn_list)
        conn.addRow(self.conn_labels[0], self.conn_name)
        conn.addRow(self.conn_labels[1], self.conn_url)
        conn.addRow(self.conn_labels[2], self.conn_key)
        conn.addRow(self.conn_labels[3], self.conn_ca)
        conn.addRow(self.conn_labels[4], timeouts)
        conn.addRow(self.conn_labels[5], self.conn_concurrency)
        conn.addRow(buttons)
        conn.addRow(self.conn_status)
        layout.addWidget(self.conn_box)

        self.enabled.setChecked(self.config.enabled)
        self.enabled.toggled.connect(self._switch)
        self.port.valueChanged.connect(self._port_changed)
        self.create_key.clicked.connect(self._create_key)
        self.revoke_key.clicked.connect(self._revoke_key)
        self.conn_list.currentItemChanged.connect(self._pick_connection)
        self.save_conn.clicked.connect(self._save_connection)
        self.check_conn.clicked.connect(self._check_connection)
        self.remove_conn.clicked.connect(self._remove_connection)
        self._checked.connect(self._on_checked)
        self.network.applied.connect(self._network_applied)
        host.state_changed.connect(lambda *_: self._show_address())
        self.retranslate()
        self._reload()
        if self.config.enabled:  # switched on last time: serve again once the window is up
            QTimer.singleShot(0, lambda: self._switch(True))

    # text ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.api_box.setTitle(self.tr("Local API"))
        self.enabled.setText(self.tr("Serve the OpenAI-compatible API while Airlock runs (this computer only)")
                             if self.config.loopback else
                             self.tr("Serve the OpenAI-compatible API while Airlock runs (on the network)"))
        for label, text in zip(self.api_labels, (self.tr("Port"), self.tr("API keys"), self.tr("New key"))):
            label.setText(text)
        self.key_name.setPlaceholderText(self.tr("who uses it, e.g. crm"))
        for scope, box in self.key_scopes.items():
            box.setText(self.scope_name(scope))
            box.setToolTip(self.tr("The key may call {0}").format(
                "`/v1/chat/completions`, `/v1/completions`, `/v1/models`" if scope == "text"
                else "`/v1/images/generations`"))
        self.create_key.setText(self.tr("Create key"))
        self.revoke_key.setText(self.tr("Revoke"))
        self.conn_box.setTitle(self.tr("Connections"))
        for label, text in zip(self.conn_labels, (self.tr("Name"), self.tr("Server address"), self.tr("Key"),
                                                  self.tr("Company CA file"), self.tr("Timeouts"),
                                                  self.tr("Batch rows at once"))):
            label.setText(text)
        for label, text in zip(self.timeout_labels, (self.tr("connect"), self.tr("list models"),
                                                     self.tr("first token"))):
            label.setText(text)
        for spin in self.conn_timeouts:
            spin.setSuffix(self.tr(" s"))
        self.conn_concurrency.setToolTip(self.tr(
            "How many batch rows are sent to this server at once; a server that batches (vLLM) answers "
            "several as fast as one."))
        self.conn_name.setPlaceholderText(self.tr("e.g. team-gpu"))
        self.conn_url.setPlaceholderText("https://llm.example.local/v1")
        self.conn_key.setPlaceholderText(self.tr("kept in the system keyring"))
        self.conn_ca.setPlaceholderText(self.tr("optional: PEM file; empty uses the system's certificates"))
        self.save_conn.setText(self.tr("Save"))
        self.check_conn.setText(self.tr("Check connection"))
        self.remove_conn.setText(self.tr("Remove"))
        self._show_address()
        if hasattr(self, "_keys"):
            self._render()
        else:
            self._reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_address(self) -> None:
        if self.host.running:
            self.address.setText(self.tr("Listening on {0}/v1. Every call needs a key.").format(
                self.host.server.config.public_url))
        else:
            self.address.setText(self.tr("Off. `airlock serve` runs the same API without the window."))

    def _reload(self) -> None:
        """Read keys and connections again (after a change), then show them."""
        self._keys = self.keys.list()
        self._connections = self.connections.list()
        self._render()

    def _render(self) -> None:
        """Show what was last read, in the current language: a language switch redraws
        without touching the database."""
        self.key_list.clear()
        for key in getattr(self, "_keys", []):
            state = self.tr("active") if key.active else self.tr("revoked")
            used = (key.last_used_at or "")[:16].replace("T", " ") or self.tr("never")
            item = QListWidgetItem(self.tr("{0} ({1}…, {2}) {3}, last used {4}").format(
                key.name, key.prefix, self.tr(", ").join(self.scope_name(s) for s in key.scopes), state, used))
            item.setData(256, key.name)
            self.key_list.addItem(item)
        current = self.conn_list.currentItem().data(256) if self.conn_list.currentItem() else None
        self.conn_list.blockSignals(True)
        self.conn_list.clear()
        for connection in getattr(self, "_connections", []):
            item = QListWidgetItem(self.tr("{0}: {1} ({2} models)").format(
                connection.name, connection.base_url, len(connection.models)))
            item.setData(256, connection.name)
            self.conn_list.addItem(item)
            if connection.name == current:
                self.conn_list.setCurrentItem(item)
        self.conn_list.blockSignals(False)

    # the API ---------------------------------------------------------------------------

    def _save_config(self, **changes: Any) -> bool:
        from dataclasses import replace

        from engine.api import admin_policy, config

        try:
            candidate = replace(self.config, **changes).check(lan_allowed=admin_policy.lan_api_allowed(self.ws.home))
        except AirlockError as exc:
            QMessageBox.warning(self, self.tr("Local API"), engine_text(exc))
            return False
        self.config = candidate
        config.save(self.ws.db, candidate)
        return True

    def _switch(self, on: bool) -> None:
        if not self._save_config(enabled=on):
            return
        if on:
            try:
                self.host.start()
            except AirlockError as exc:
                self.enabled.blockSignals(True)
                self.enabled.setChecked(False)
                self.enabled.blockSignals(False)
                self._save_config(enabled=False)
                QMessageBox.warning(self, self.tr("Local API"), engine_text(exc))
        else:
            self.host.stop()
        self._show_address()

    def _network_applied(self) -> None:
        """The network settings were saved: use them, and serve with them at once."""
        from engine.api import config

        self.config = config.load(self.ws.db)
        self.retranslate()
        if self.host.running:
            self.host.stop()
            self._switch(True)

    def _port_changed(self, port: int) -> None:
        if self._save_config(port=port) and self.host.running:
            self.host.stop()
            self._switch(True)

    def scope_name(self, scope: str) -> str:
        return {"text": self.tr("Text"), "image": self.tr("Images")}.get(scope, scope)

    def _create_key(self) -> None:
        scopes = tuple(scope for scope, box in self.key_scopes.items() if box.isChecked())
        if not scopes:
            QMessageBox.warning(self, self.tr("API keys"), self.tr(
                "A key needs at least one of Text and Images; tick what the caller may use."))
            return
        try:
            key, secret = self.ws.issue_api_key(self.key_name.text().strip(), scopes)  # audited
        except AirlockError as exc:
            QMessageBox.warning(self, self.tr("API keys"), engine_text(exc))
            return
        self.key_name.clear()
        self._reload()
        QApplication.clipboard().setText(secret)
        QMessageBox.information(self, self.tr("API keys"), self.tr(
            "The new key is below and on the clipboard. It is shown only now; store it in the caller's "
            "secret settings.\n\n{0}").format(secret))

    def _revoke_key(self) -> None:
        item = self.key_list.currentItem()
        if item is not None:
            self.ws.revoke_api_key(item.data(256))  # audited
            self._reload()

    # connections -----------------------------------------------------------------------

    def _pick_connection(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        connection = self.connections.get(item.data(256))
        self.conn_name.setText(connection.name)
        self.conn_url.setText(connection.base_url)
        self.conn_ca.setText(connection.ca_file or "")
        for spin, value in zip(self.conn_timeouts, (connection.connect_timeout, connection.list_timeout,
                                                    connection.first_token_timeout)):
            spin.setValue(value)
        self.conn_concurrency.setValue(connection.concurrency)
        self.conn_key.clear()

    def _save_connection(self) -> bool:
        from dataclasses import replace

        from engine.backends.connections import Connection

        name = self.conn_name.text().strip()
        try:
            existing = next((c for c in self.connections.list() if c.name == name), None)
            base = existing or Connection(name, "")
            # saved with its key; the offline guard then lets exactly the saved servers through
            connect, listing, first_token = (spin.value() for spin in self.conn_timeouts)
            self.ws.save_connection(replace(base, base_url=self.conn_url.text().strip(),
                                            ca_file=self.conn_ca.text().strip() or None,
                                            connect_timeout=connect, list_timeout=listing,
                                            first_token_timeout=first_token,
                                            concurrency=self.conn_concurrency.value()),
                                    key=self.conn_key.text() or None)
            self.conn_key.clear()
        except AirlockError as exc:
            self.conn_status.setText(engine_text(exc))
            return False
        self.conn_status.setText(self.tr("Saved. Check the connection to list its models."))
        self._reload()
        return True

    def _check_connection(self) -> None:
        if not self._save_connection():
            return
        name = self.conn_name.text().strip()
        connection = self.connections.get(name)
        key = self.connections.key(name)
        self.check_conn.setEnabled(False)
        self.conn_status.setText(self.tr("Checking {0}…").format(connection.base_url))

        def work() -> None:
            from engine.backends.remote import ServerError, health_check

            try:
                result: Any = health_check(connection, key)
            except ServerError as exc:
                result = engine_text(exc)
            except Exception as exc:  # never leave the button disabled
                result = engine_text(exc)
            try:
                self._checked.emit(name, result)
            except RuntimeError:
                pass

        threading.Thread(target=work, name="connection-check", daemon=True).start()

    def _on_checked(self, name: str, result: Any) -> None:
        self.check_conn.setEnabled(True)
        if isinstance(result, str):
            self.conn_status.setText(result[0].upper() + result[1:] + ".")
            return
        self.connections.remember_models(name, result["models"], schema_form=result["schema_form"])
        lines = [self.tr("Connected: {0} models ({1}).").format(len(result["models"]), ", ".join(result["models"][:5]))]
        if not result["schema_enforced"]:
            lines.append(self.tr("This server does not enforce JSON schemas; structured drafts may fail more often."))
        self.conn_status.setText(" ".join(lines))
        self._reload()
        self.models_changed.emit()

    def _remove_connection(self) -> None:
        item = self.conn_list.currentItem()
        if item is not None:
            self.connections.remove(item.data(256))
            self.conn_status.clear()
            self._reload()
            self.models_changed.emit()
