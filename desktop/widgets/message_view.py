"""The conversation view: one bubble per message, shown as written (line breaks kept,
only unambiguous Markdown rendered: desktop/widgets/rich_text.py) as it streams."""

from __future__ import annotations

from desktop.qt import (QApplication, QFrame, QHBoxLayout, QLabel, QScrollArea, Qt, QTimer, QToolButton,
                        QVBoxLayout, QWidget, Signal)
from desktop.widgets.rich_text import to_html

COPIED_MS = 1500
"""How long a Copy button says "Copied" after a click."""


class MessageWidget(QFrame):
    """One message. ``generation_id`` links it to its history record (None while streaming)."""

    copy_requested = Signal(str)
    edit_requested = Signal(int)
    regenerate_requested = Signal(int)

    def __init__(self, role: str, text: str = "", generation_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.role = role
        self.generation_id = generation_id
        self._text = text
        self._meta = ""
        self._error = ""
        self.setObjectName("message")
        self.setProperty("role", role)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        header = QHBoxLayout()
        self.role_label = QLabel()
        self.role_label.setObjectName("meta")
        header.addWidget(self.role_label)
        header.addStretch()
        self.copy_button = self._link_button(self.copy)
        self.edit_button = self._link_button(lambda: self.edit_requested.emit(self.generation_id))
        self.regenerate_button = self._link_button(
            lambda: self.regenerate_requested.emit(self.generation_id))
        for button in (self.copy_button, self.edit_button, self.regenerate_button):
            header.addWidget(button)
        layout.addLayout(header)
        self.body = QLabel()
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setOpenExternalLinks(False)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        layout.addWidget(self.body)
        self.meta_label = QLabel()
        self.meta_label.setObjectName("meta")
        self.meta_label.setWordWrap(True)
        layout.addWidget(self.meta_label)
        self.error_label = QLabel()
        self.error_label.setObjectName("warning")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        self.set_actions(edit=False, regenerate=False)
        self._copied = QTimer(self)
        self._copied.setSingleShot(True)
        self._copied.setInterval(COPIED_MS)
        self._copied.timeout.connect(self.retranslate)
        self.retranslate()
        self._render()

    def _link_button(self, slot) -> QToolButton:
        button = QToolButton()
        button.setObjectName("link")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(slot)
        return button

    def retranslate(self) -> None:
        self.role_label.setText(self.tr("You") if self.role == "user" else self.tr("Assistant"))
        self.copy_button.setText(self.tr("Copied") if self._copied.isActive() else self.tr("Copy"))
        self.edit_button.setText(self.tr("Edit"))
        self.regenerate_button.setText(self.tr("Regenerate"))

    def copy(self) -> None:
        """Put the raw text (as the model wrote it, not the rendering) on the clipboard."""
        QApplication.clipboard().setText(self._text)
        self.copy_requested.emit(self._text)
        self._copied.start()
        self.copy_button.setText(self.tr("Copied"))

    def set_actions(self, *, edit: bool, regenerate: bool) -> None:
        self.edit_button.setVisible(edit and self.generation_id is not None)
        self.regenerate_button.setVisible(regenerate and self.generation_id is not None)

    @property
    def text(self) -> str:
        return self._text

    def append(self, text: str) -> None:
        self._text += text
        self._render()

    def set_text(self, text: str) -> None:
        self._text = text
        self._render()

    def set_meta(self, text: str) -> None:
        self._meta = text
        self._render()

    def set_error(self, text: str) -> None:
        self._error = text
        self._render()

    def _render(self) -> None:
        shown = self._text or ("…" if self.role == "assistant" and not self._error else "")
        self.body.setText(to_html(shown) if shown else "")
        self.body.setVisible(bool(self._text) or not self._error)
        self.meta_label.setText(self._meta)
        self.meta_label.setVisible(bool(self._meta))
        self.error_label.setText(self._error)
        self.error_label.setVisible(bool(self._error))


class MessageView(QScrollArea):
    """A vertical list of message bubbles that keeps the newest in sight while streaming."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.container = QWidget()
        self.layout_ = QVBoxLayout(self.container)
        self.layout_.setContentsMargins(16, 16, 16, 16)
        self.layout_.setSpacing(10)
        self.layout_.addStretch()
        self.setWidget(self.container)
        # Follow the newest text only if the reader was at the bottom before it grew, so
        # scrolling up to reread is never undone by the stream.
        self._last_maximum = 0
        self._force_follow = 1
        self.verticalScrollBar().rangeChanged.connect(self._keep_bottom)

    def messages(self) -> list[MessageWidget]:
        return [self.layout_.itemAt(i).widget() for i in range(self.layout_.count() - 1)]

    def add(self, widget: MessageWidget) -> MessageWidget:
        self.layout_.insertWidget(self.layout_.count() - 1, widget)
        self._force_follow = 1
        return widget

    def clear(self) -> None:
        while self.layout_.count() > 1:
            widget = self.layout_.takeAt(0).widget()
            widget.deleteLater()

    def _keep_bottom(self, _minimum: int, maximum: int) -> None:
        bar = self.verticalScrollBar()
        if self._force_follow or bar.value() >= self._last_maximum - 24:
            bar.setValue(maximum)
        self._force_follow = 0
        self._last_maximum = maximum
