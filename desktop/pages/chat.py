"""The Chat page: conversations, streaming answers, stop / regenerate / edit, settings."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from desktop.bridge import TextBridge
from desktop.engine_text import engine_text
from desktop.preferences import Preferences
from desktop.qt import (QComboBox, QEvent, QFrame, QHBoxLayout, QKeySequence, QLabel,
                        QListWidget, QListWidgetItem, QMenu, QMessageBox, QPlainTextEdit,
                        QProgressBar, QPushButton, QShortcut, QSplitter, Qt, QTimer, QToolButton,
                        QVBoxLayout, QWidget, Signal)
from desktop.widgets.chat_settings import ChatSettings
from desktop.widgets.message_view import MessageView, MessageWidget
from desktop.widgets.welcome import Welcome
from engine import jobs
from engine.registry import memory
from engine.errors import BadInput
from engine.jobs import SamplingParams
from engine.text.estimate import estimate_tokens
from engine.text.runner import TextOutcome, TextRequest
from engine.text.titles import title_from_prompt
from engine.workspace import Workspace
from engine.trust import install as trust
from desktop.widgets.pii_preview import kind_label
from engine.registry import catalog
from engine.registry.registry import DEFAULT_PACKAGE_FILE

log = logging.getLogger(__name__)


class ChatPage(QWidget):
    model_status = Signal(str, str, str)  # model name, device, fallback reason ("" if none)
    speed = Signal(float)  # tokens per second of the last answer
    go_to = Signal(str)  # a page the welcome panel sends the user to ("templates", "models")

    def __init__(self, ws: Workspace, prefs: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.prefs = prefs
        self.bridge = TextBridge(ws, self)
        self.conversation_id: int | None = None
        self.editing_turn: int | None = None
        self.streaming: MessageWidget | None = None
        self.last_request: TextRequest | None = None
        self.context_used = 0
        self.context_total = 0  # the loaded context size, once a job has reported it
        self._loaded_key: tuple | None = None
        # A conversation started from a template or the SWIFT builder keeps its system
        # instructions and annotations (template, brand voice rules, cited knowledge) for
        # every follow-up, so the refine loop stays in one conversation and is checked too.
        self._session_system: str | None = None
        self._session_annotations: dict | None = None
        # ...and its template's sampling settings: they apply to that conversation only and
        # never change the chat's own settings (issue 11: settings leaked into later chats).
        self._session_params: dict | None = None
        self._build()
        self._connect()
        self.retranslate()
        self.reload_models()
        self.reload_conversations()

    # construction --------------------------------------------------------------------

    def _build(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 8)
        self.new_button = QPushButton()
        left_layout.addWidget(self.new_button)
        self.conversations = QListWidget()
        self.conversations.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.conversations.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.conversations.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        left_layout.addWidget(self.conversations)

        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(8, 8, 8, 8)
        header = QHBoxLayout()
        self.model_label = QLabel()
        header.addWidget(self.model_label)
        self.model_combo = QComboBox()
        self.model_combo.setMinimumWidth(220)
        header.addWidget(self.model_combo)
        self.fit_label = QLabel()
        self.fit_label.setObjectName("meta")
        header.addWidget(self.fit_label, 1)
        self.load_bar = QProgressBar()
        self.load_bar.setMaximumWidth(160)
        self.load_bar.setVisible(False)
        header.addWidget(self.load_bar)
        self.settings_button = QToolButton()
        self.settings_button.setCheckable(True)
        header.addWidget(self.settings_button)
        center_layout.addLayout(header)

        self.banner = QLabel()
        self.banner.setObjectName("warning")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        center_layout.addWidget(self.banner)

        self.view = MessageView()
        center_layout.addWidget(self.view, 1)
        self.welcome = Welcome()
        center_layout.addWidget(self.welcome, 1)

        self.edit_bar = QFrame()
        self.edit_bar.setObjectName("banner")
        edit_layout = QHBoxLayout(self.edit_bar)
        edit_layout.setContentsMargins(8, 4, 8, 4)
        self.edit_label = QLabel()
        edit_layout.addWidget(self.edit_label, 1)
        self.cancel_edit_button = QToolButton()
        self.cancel_edit_button.setObjectName("link")
        edit_layout.addWidget(self.cancel_edit_button)
        self.edit_bar.setVisible(False)
        center_layout.addWidget(self.edit_bar)

        composer = QHBoxLayout()
        self.input = QPlainTextEdit()
        self.input.setMaximumHeight(110)
        composer.addWidget(self.input, 1)
        buttons = QVBoxLayout()
        self.send_button = QPushButton()
        self.send_button.setDefault(True)
        self.stop_button = QPushButton()
        self.stop_button.setEnabled(False)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        composer.addLayout(buttons)
        center_layout.addLayout(composer)
        self.context_meter = QProgressBar()
        self.context_meter.setTextVisible(True)
        self.context_meter.setMaximumHeight(16)
        center_layout.addWidget(self.context_meter)

        self.settings = ChatSettings()
        self.settings.setVisible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.settings)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 700, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.send_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.send_shortcut_enter = QShortcut(QKeySequence("Ctrl+Enter"), self)
        self.stop_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._meter_timer = QTimer(self)  # the meter follows the input box as the person types
        self._meter_timer.setSingleShot(True)
        self._meter_timer.setInterval(150)

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new_chat)
        self.conversations.currentItemChanged.connect(self._conversation_selected)
        self.conversations.customContextMenuRequested.connect(self._conversation_menu)
        self.model_combo.currentIndexChanged.connect(self._model_changed)
        self.settings_button.toggled.connect(self.settings.setVisible)
        self.settings.context.valueChanged.connect(self._context_changed)
        self.send_button.clicked.connect(self.send)
        self.stop_button.clicked.connect(self.stop)
        self.send_shortcut.activated.connect(self.send)
        self.send_shortcut_enter.activated.connect(self.send)
        self.stop_shortcut.activated.connect(self.stop)
        self.cancel_edit_button.clicked.connect(self.cancel_edit)
        self.bridge.tokens.connect(self._on_tokens)
        self.bridge.started.connect(self._on_started)
        self.bridge.progress.connect(self._on_progress)
        self.bridge.finished.connect(self._on_finished)
        self.bridge.loaded.connect(self._on_loaded)
        self.bridge.busy_changed.connect(self._on_busy)
        self.input.textChanged.connect(self._meter_timer.start)
        self._meter_timer.timeout.connect(self._update_context_meter)
        self.welcome.ask.connect(self.input.setFocus)
        self.welcome.use_template.connect(lambda: self.go_to.emit("templates"))
        self.welcome.import_model.connect(lambda: self.go_to.emit("models"))

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New chat"))
        self.new_button.setToolTip(self.tr("Start a new conversation (Ctrl+N)"))
        self.model_label.setText(self.tr("Model"))
        self.settings_button.setText(self.tr("Answer settings"))
        self.send_button.setText(self.tr("Send"))
        self.send_button.setToolTip(self.tr("Send (Ctrl+Enter)"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the answer (Esc)"))
        self.input.setPlaceholderText(self.tr("Type a message. Ctrl+Enter sends."))
        self.edit_label.setText(self.tr("Editing an earlier message: sending replaces it and "
                                        "every message after it (the old ones stay in History)."))
        self.cancel_edit_button.setText(self.tr("Cancel edit"))
        self.settings.retranslate()
        self.welcome.retranslate()
        self.reload_conversations()  # the one-off heading, in the new language
        for widget in self.view.messages():
            widget.retranslate()
        if self.conversation_id is not None and not self.bridge.busy:
            self.open_conversation_view_only()  # speeds and states, in the new language
        self._update_fit()
        self._update_context_meter()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # models --------------------------------------------------------------------------

    def reload_models(self) -> None:
        current = self.current_model() or self.prefs.get("default_model")
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        for record in self.ws.registry.list():
            if record.kind == "text":
                self.model_combo.addItem(record.name, record.name)
        index = self.model_combo.findData(current)
        self.model_combo.setCurrentIndex(max(index, 0))
        self.model_combo.blockSignals(False)
        self._model_changed()

    def current_model(self) -> str | None:
        return self.model_combo.currentData()

    def _model_changed(self, *_args) -> None:
        name = self.current_model()
        record = self.ws.registry.find(name) if name else None
        if record is not None:
            recommended = catalog.recommended(record)  # the engine's rule, the CLI's too
            self.settings.context.blockSignals(True)
            self.settings.context.setMaximum(max(256, record.context_length or 131072))
            self.settings.context.setValue(min(recommended.context, self.settings.context.maximum()))
            self.settings.context.blockSignals(False)
            if recommended.temperature is not None:
                self.settings.temperature.setValue(recommended.temperature)
        self._update_fit()
        self.send_button.setEnabled(record is not None and not self.bridge.busy)

    def _context_changed(self, _value: int) -> None:
        self.context_total = 0  # the next job loads with the new size
        self._update_fit()
        self._update_context_meter()

    def _update_fit(self, *_args) -> None:
        name = self.current_model()
        record = self.ws.registry.find(name) if name else None
        if record is None:
            self.fit_label.setText(self.tr("No text model yet: import one on the Models page."))
            return
        fit = memory.memory_fit(record.memory_needed(self.settings.context.value()))
        gib = memory.GiB
        text = {
            "fits": self.tr("Needs about {need:.1f} GiB of memory; {free:.1f} GiB free."),
            "tight": self.tr("Needs about {need:.1f} GiB but only {free:.1f} GiB is free: it may be slow."),
            "too_big": self.tr("Needs about {need:.1f} GiB: more than this machine has ({total:.1f} GiB)."),
        }[fit.verdict]
        self.fit_label.setText(text.format(need=fit.needed_bytes / gib, free=fit.available_bytes / gib,
                                           total=fit.total_bytes / gib))
        self.fit_label.setObjectName("meta" if fit.verdict == "fits" else "warning")
        self.fit_label.style().unpolish(self.fit_label)
        self.fit_label.style().polish(self.fit_label)

    def _engine_options(self) -> dict:
        threads = int(self.prefs.get("threads") or 0) or None
        return {"n_ctx": self.settings.context.value(), "gpu_layers": str(self.prefs.get("gpu_policy")),
                "n_threads": threads}

    def preload(self) -> None:
        """Load the selected model in the worker so the first answer starts at once."""
        name = self.current_model()
        if not name or self.bridge.busy:
            return
        options = self._engine_options()
        key = (name, tuple(sorted(options.items())))
        if key == self._loaded_key:
            return
        try:
            self.bridge.preload(name, **options)
        except BadInput as exc:
            self.show_banner(engine_text(exc))

    # conversations -------------------------------------------------------------------

    def reload_conversations(self) -> None:
        self.conversations.blockSignals(True)
        self.conversations.clear()
        conversations = self.ws.history.conversations(limit=500)
        chats = [c for c in conversations if c.get("kind") != "oneoff"]
        oneoff = [c for c in conversations if c.get("kind") == "oneoff"]
        for group, heading in ((chats, None), (oneoff, self.tr("One-off questions (command line)"))):
            if group and heading:
                header = QListWidgetItem(heading)
                header.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading, not a conversation
                header.setData(Qt.ItemDataRole.UserRole, None)
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                self.conversations.addItem(header)
            for conversation in group:
                item = QListWidgetItem(conversation["title"] or self.tr("(untitled)"))
                item.setData(Qt.ItemDataRole.UserRole, conversation["id"])
                item.setToolTip(conversation["updated_at"][:16].replace("T", " "))
                self.conversations.addItem(item)
                if conversation["id"] == self.conversation_id:
                    self.conversations.setCurrentItem(item)
        self.conversations.blockSignals(False)
        self._update_welcome()

    def _update_welcome(self) -> None:
        """The greeting fills an empty chat area (first start, new chat)."""
        empty = self.conversation_id is None and not self.view.messages()
        self.welcome.setVisible(empty)
        self.view.setVisible(not empty)
        if empty:
            texts = [r for r in self.ws.registry.list() if r.kind == "text"]
            self.welcome.set_bundled_only(all(Path(r.path).name == DEFAULT_PACKAGE_FILE for r in texts))

    def new_chat(self) -> None:
        if self.bridge.busy:
            return
        self.conversation_id = None
        self._session_system, self._session_annotations, self._session_params = None, None, None
        self.cancel_edit()
        self.view.clear()
        self.conversations.clearSelection()
        self.context_used = 0
        self._update_context_meter()
        self.hide_banner()
        self._update_welcome()
        self.input.setFocus()

    def open_conversation(self, conversation_id: int) -> None:
        if self.bridge.busy:
            return
        self.conversation_id = conversation_id
        self._session_params = None
        self.cancel_edit()
        self.hide_banner()
        self.view.clear()
        turns = self.ws.history.turns(conversation_id)
        self._restore_session(turns)
        for turn in turns:
            user = self.view.add(self._message("user", turn["prompt"], turn["id"]))
            assistant = self.view.add(self._message("assistant", turn["output"], turn["id"]))
            self._describe(assistant, turn)
            user.set_actions(edit=True, regenerate=False)
        self._refresh_actions()
        last = turns[-1] if turns else None
        self.context_used = ((last["prompt_tokens"] or 0) + (last["completion_tokens"] or 0)) if last else 0
        self._update_context_meter()
        self.reload_conversations()

    def _conversation_selected(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole) is not None:
            self.open_conversation(item.data(Qt.ItemDataRole.UserRole))

    def _conversation_menu(self, position) -> None:
        item = self.conversations.itemAt(position)
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return
        menu = QMenu(self)
        delete = menu.addAction(self.tr("Delete conversation…"))
        chosen = menu.exec(self.conversations.mapToGlobal(position))
        if chosen is delete:
            self.delete_conversation(item.data(Qt.ItemDataRole.UserRole))

    def delete_conversation(self, conversation_id: int) -> None:
        answer = QMessageBox.question(
            self, self.tr("Delete conversation"),
            self.tr("Delete this conversation and all its messages from history? This cannot be undone."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ws.history.delete_conversation(conversation_id)
        if conversation_id == self.conversation_id:
            self.new_chat()
        self.reload_conversations()

    # sending -------------------------------------------------------------------------

    def send(self) -> None:
        prompt = self.input.toPlainText().strip()
        if not prompt or self.bridge.busy:
            return
        if not self._pii_confirmed(prompt):
            return
        if self.editing_turn is not None and self.conversation_id is not None:
            turns = self.ws.history.turns(self.conversation_id)
            if turns and turns[0]["id"] == self.editing_turn:  # the title follows the first question
                self.ws.history.rename_conversation(self.conversation_id, title_from_prompt(prompt))
            self.ws.history.supersede_from(self.conversation_id, self.editing_turn)
        self._submit(prompt, overflow=self.settings.overflow.currentData())

    def _pii_confirmed(self, prompt: str) -> bool:
        """In the "warn" PII mode, ask before a prompt holding personal data is sent."""
        findings = trust.prompt_findings(self.ws, prompt)
        if not findings:
            return True
        kinds = ", ".join(sorted({kind_label(self, f.kind) for f in findings}))
        masked = "history" in self.ws.trust.pii_mode()
        text = (self.tr("This prompt holds personal data ({kinds}). It stays on this computer; history keeps "
                        "it masked. Send it?") if masked else
                self.tr("This prompt holds personal data ({kinds}). It stays on this computer and is kept "
                        "in history. Send it?")).format(kinds=kinds)
        answer = QMessageBox.question(self, self.tr("Personal data in the prompt"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _submit(self, prompt: str, *, overflow: str, conversation_id: int | None = -1) -> None:
        name = self.current_model()
        if not name:
            self.show_banner(self.tr("No text model yet: import one on the Models page."))
            return
        options = self._engine_options()
        request = TextRequest(
            model=name, prompt=prompt, annotations=self._session_annotations,
            system=self._session_system if self._session_system is not None else self.settings.system_prompt(),
            conversation_id=self.conversation_id if conversation_id == -1 else conversation_id,
            params=self._run_params(), seed=self.settings.chosen_seed(), overflow=overflow,
            **options,
        )
        if self.editing_turn is not None:
            # Redraw the kept turns first: sending stores the new turn at once (as running),
            # and it is drawn below as it streams, not as a stored turn.
            self.open_conversation_view_only()
        try:
            self.conversation_id = self.bridge.send(request)
        except BadInput as exc:
            self.show_banner(engine_text(exc))
            return
        self._loaded_key = (name, tuple(sorted(options.items())))
        self.last_request = request
        self.hide_banner()
        self.cancel_edit()
        self.input.clear()
        self.welcome.setVisible(False)
        self.view.setVisible(True)
        self.view.add(self._message("user", prompt))
        self.streaming = self.view.add(self._message("assistant", ""))
        self.stop_button.setEnabled(True)

    def start_with(self, prompt: str, system: str | None = None, template_info: dict | None = None) -> bool:
        """Open a new chat and send ``prompt`` at once (a template run or a SWIFT prompt).

        ``system`` is used instead of the settings' system prompt for this conversation.
        ``template_info`` may hold ``annotations`` (kept in each turn's history record;
        a ``brand_voice`` entry makes every answer checked and flagged), ``model`` (used
        when registered) and ``params`` (recommended temperature, max_tokens, ...).
        Returns False when it could not start (an answer is still being written, or
        there is no text model; the banner says which).
        """
        if self.bridge.busy:
            self.show_banner(self.tr("Wait for the current answer to finish (or stop it), then run again."))
            return False
        info = template_info or {}
        self.new_chat()
        model = info.get("model")
        if model and self.model_combo.findData(model) >= 0:
            self.model_combo.setCurrentIndex(self.model_combo.findData(model))
        params = info.get("params") or {}
        sampling = set(SamplingParams.__dataclass_fields__) - {"seed"}
        self._session_params = {k: v for k, v in params.items() if k in sampling} or None
        self._session_system = system or None
        self._session_annotations = dict(info.get("annotations") or {}) or None
        self._submit(prompt, overflow=self.settings.overflow.currentData(), conversation_id=None)
        return self.bridge.busy  # False when it could not start (no model; the banner says why)

    def _run_params(self) -> SamplingParams:
        """The chat's own settings, or its template's for a conversation started from one."""
        params = self.settings.params()
        return replace(params, **self._session_params) if self._session_params else params

    def _restore_session(self, turns: list[dict]) -> None:
        """Reopening a templated conversation keeps checking follow-ups against its brand voice."""
        params = (turns[-1].get("params") or {}) if turns else {}
        kept = {k: params[k] for k in ("template", "brand_voice", "framework", "knowledge") if k in params}
        self._session_annotations = kept or None
        self._session_system = turns[-1].get("system") if kept else None

    def open_conversation_view_only(self) -> None:
        """Redraw the live turns (after an edit superseded some) without touching the job."""
        self.view.clear()
        for turn in self.ws.history.turns(self.conversation_id):
            self.view.add(self._message("user", turn["prompt"], turn["id"]))
            self._describe(self.view.add(self._message("assistant", turn["output"], turn["id"])), turn)
        self._refresh_actions()

    def stop(self) -> None:
        self.bridge.cancel()

    def regenerate(self, generation_id: int) -> None:
        record = self.ws.history.get(generation_id)
        if record is None or self.bridge.busy or self.conversation_id is None:
            return
        self.ws.history.supersede_from(self.conversation_id, generation_id)
        self.open_conversation_view_only()
        self._submit(record["prompt"], overflow=self.settings.overflow.currentData())

    def edit(self, generation_id: int) -> None:
        record = self.ws.history.get(generation_id)
        if record is None or self.bridge.busy:
            return
        self.editing_turn = generation_id
        self.input.setPlainText(record["prompt"])
        self.edit_bar.setVisible(True)
        self.input.setFocus()

    def cancel_edit(self) -> None:
        self.editing_turn = None
        self.edit_bar.setVisible(False)

    # engine events -------------------------------------------------------------------

    def _on_busy(self, busy: bool) -> None:
        self.send_button.setEnabled(not busy and self.current_model() is not None)
        self.stop_button.setEnabled(busy and self.streaming is not None)
        self.new_button.setEnabled(not busy)
        self.model_combo.setEnabled(not busy)
        if not busy:
            self.load_bar.setVisible(False)

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        self.load_bar.setVisible(True)
        self.load_bar.setMaximum(max(total, 1))
        self.load_bar.setValue(done)
        if stage == "prompt":  # a long prompt: minutes on a busy CPU before the first word
            self.load_bar.setFormat(self.tr("Reading the prompt %p%"))
            self.load_bar.setToolTip(self.tr("{done} of {total} prompt tokens read").format(
                done=done, total=total))
            return
        self.load_bar.setFormat(self.tr("Verifying %p%") if stage == "verify" else self.tr("Loading…"))
        if stage == "load" and done == 0:
            self.load_bar.setMaximum(0)  # busy indicator: llama.cpp gives no load progress here

    def _on_started(self, event: jobs.Started) -> None:
        self.load_bar.setVisible(False)
        self.context_used = event.prompt_tokens
        self.context_total = event.n_ctx
        self._update_context_meter()
        self.model_status.emit(self.current_model() or "", event.device, event.fallback_reason or "")
        if event.dropped_messages:
            self.show_banner(self.tr("{n} oldest messages were left out so the conversation fits the "
                                     "{ctx}-token context.").format(n=event.dropped_messages, ctx=event.n_ctx))

    def _on_tokens(self, text: str) -> None:
        self.load_bar.setVisible(False)  # the prompt has been read
        if self.streaming is not None:
            self.streaming.append(text)

    def _on_loaded(self, event) -> None:
        if isinstance(event, jobs.Done):
            result = event.result
            self._loaded_key = (self.current_model(), tuple(sorted(self._engine_options().items())))
            self.model_status.emit(self.current_model() or "", result.get("device", "CPU"),
                                   result.get("fallback_reason") or "")
        elif isinstance(event, jobs.Failed):
            self.show_banner(self._failure_text(event))

    def _on_finished(self, outcome: TextOutcome) -> None:
        widget, self.streaming = self.streaming, None
        self.stop_button.setEnabled(False)
        record = self.ws.history.get(outcome.generation_id)
        if widget is not None:
            widget.generation_id = outcome.generation_id
            widget.set_text(record["output"])
            self._describe(widget, record)
        messages = self.view.messages()
        if len(messages) >= 2 and messages[-2].role == "user":
            messages[-2].generation_id = outcome.generation_id
        self._refresh_actions()
        if outcome.ok:
            self.context_used = (record["prompt_tokens"] or 0) + (record["completion_tokens"] or 0)
            self._update_context_meter()
            if record["tokens_per_second"]:
                self.speed.emit(record["tokens_per_second"])
        event = outcome.event
        if isinstance(event, jobs.Failed) and event.kind == "bad_input" and "no longer fits" in event.message:
            self._offer_overflow_choice(record["prompt"])
        elif (isinstance(event, jobs.Failed) and event.kind == "bad_input" and "too long" in event.message
              and not self.input.toPlainText().strip()):
            self.input.setPlainText(record["prompt"])  # refused as too long: keep it to shorten
        self.reload_conversations()

    def _describe(self, widget: MessageWidget, record: dict) -> None:
        status = record["status"]
        parts = []
        if record.get("tokens_per_second"):
            parts.append(self.tr("{tps:.1f} tokens/s").format(tps=record["tokens_per_second"]))
        if record.get("first_token_s") is not None:
            parts.append(self.tr("first token {s:.2f} s").format(s=record["first_token_s"]))
        if record.get("completion_tokens") is not None:
            parts.append(self.tr("{n} tokens").format(n=record["completion_tokens"]))
        if record.get("model"):
            parts.append(record["model"])
        if status == "stopped":
            parts.append(self.tr("stopped"))
        elif status == "interrupted":
            parts.append(self.tr("interrupted"))
        params = record.get("params") or {}
        if params.get("template"):
            parts.append(self.tr("template: {name}").format(name=params["template"].get("name", "")))
        if params.get("knowledge"):
            sources = ", ".join(f"[{i}] {c.get('document')} #{c.get('chunk')}"
                                for i, c in enumerate(params["knowledge"], 1))
            parts.append(self.tr("sources: {list}").format(list=sources))
        widget.set_meta(" · ".join(parts))
        flags = params.get("brand_voice_flags") or []
        if flags and status != "failed":
            widget.set_error(self._flags_text(flags))
        if status == "failed":
            kind = (record.get("params") or {}).get("failure", "internal")
            widget.set_error(self._failure_text(jobs.Failed("", record.get("error") or "", kind)))

    def _flags_text(self, flags: list[dict]) -> str:
        banned = [f["phrase"] for f in flags if f.get("kind") == "banned"]
        missing = [f["phrase"] for f in flags if f.get("kind") == "missing"]
        lines = []
        if banned:
            lines.append(self.tr("Brand voice: uses banned words: {words}").format(words=", ".join(banned)))
        if missing:
            lines.append(self.tr("Brand voice: missing required phrases: {phrases}").format(
                phrases=", ".join(missing)))
        return "\n".join(lines)

    def _failure_text(self, event: jobs.Failed) -> str:
        if event.kind == "crashed":
            return self.tr("generation stopped: {reason}").format(reason=engine_text(event.message))
        return engine_text(event.message)

    def _message(self, role: str, text: str, generation_id: int | None = None) -> MessageWidget:
        widget = MessageWidget(role, text, generation_id)
        widget.edit_requested.connect(self.edit)
        widget.regenerate_requested.connect(self.regenerate)
        return widget

    def _refresh_actions(self) -> None:
        messages = self.view.messages()
        for i, widget in enumerate(messages):
            is_last_answer = widget.role == "assistant" and i == len(messages) - 1
            widget.set_actions(edit=widget.role == "user", regenerate=is_last_answer)

    def _offer_overflow_choice(self, prompt: str) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("The conversation is full"))
        box.setText(self.tr("This conversation no longer fits the model's context window. "
                            "Start a new chat with your message, or drop the oldest turns and continue?"))
        new_chat = box.addButton(self.tr("Start a new chat"), QMessageBox.ButtonRole.AcceptRole)
        drop = box.addButton(self.tr("Drop the oldest turns"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is new_chat:
            self.new_chat()
            self._submit(prompt, overflow="refuse", conversation_id=None)
        elif box.clickedButton() is drop:
            self._submit(prompt, overflow="truncate")

    def _update_context_meter(self) -> None:
        """Tokens the conversation holds, plus about how many the input box would add."""
        maximum = self.context_total or self.settings.context.value()
        typed = estimate_tokens(self.input.toPlainText()) if not self.bridge.busy else 0
        used = self.context_used + typed
        self.context_meter.setMaximum(maximum)
        self.context_meter.setValue(min(used, maximum))
        if typed:
            text = self.tr("Context: about {used} / {total} tokens, with the message being typed")
        else:
            text = self.tr("Context: {used} / {total} tokens")
        self.context_meter.setFormat(text.format(used=used, total=maximum))

    # banners -------------------------------------------------------------------------

    def show_banner(self, text: str) -> None:
        self.banner.setText(engine_text(text))
        self.banner.setVisible(True)

    def hide_banner(self) -> None:
        self.banner.setVisible(False)
