"""The empty chat: a greeting, what the bundled model is for, and three ways to start.

Shown whenever the chat area has nothing in it (a first start, a new chat), so a new
user never faces a blank page.
"""

from __future__ import annotations

from desktop.qt import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget, Signal


class Welcome(QFrame):
    ask = Signal()
    use_template = Signal()
    import_model = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcome")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.body = QLabel()
        self.body.setWordWrap(True)
        layout.addWidget(self.body)
        self.model_note = QLabel()
        self.model_note.setObjectName("meta")
        self.model_note.setWordWrap(True)
        layout.addWidget(self.model_note)
        row = QHBoxLayout()
        self.ask_button = QPushButton()
        self.template_button = QPushButton()
        self.import_button = QPushButton()
        for button in (self.ask_button, self.template_button, self.import_button):
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        layout.addStretch(2)
        self.ask_button.clicked.connect(self.ask)
        self.template_button.clicked.connect(self.use_template)
        self.import_button.clicked.connect(self.import_model)
        self._bundled_only = True
        self.retranslate()

    def set_bundled_only(self, bundled_only: bool) -> None:
        """Whether the bundled test model is the only text model (then say what it is for)."""
        self._bundled_only = bundled_only
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to Airlock"))
        self.body.setText(self.tr("Everything here runs on this computer: your questions, documents and "
                                  "images never leave it. Start in one of three ways:"))
        self.model_note.setText(self.tr(
            "The bundled model is a small English model for trying Airlock out: quick, but not good at "
            "Chinese or long writing. Import a larger model on the Models page for real work.")
            if self._bundled_only else "")
        self.model_note.setVisible(self._bundled_only)
        self.ask_button.setText(self.tr("Ask a question"))
        self.template_button.setText(self.tr("Use a template"))
        self.import_button.setText(self.tr("Import a better model"))
