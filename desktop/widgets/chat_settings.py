"""The chat's generation settings: system prompt, sampling, seed, context and overflow."""

from __future__ import annotations

from desktop.qt import (QComboBox, QDoubleSpinBox, QFormLayout, QFrame, QLabel, QPlainTextEdit,
                        QSpinBox, QVBoxLayout, QWidget)
from engine.jobs import SamplingParams


class ChatSettings(QFrame):
    RANDOM_SEED = -1

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(250)
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        layout.addWidget(self.title)
        self.system_label = QLabel()
        layout.addWidget(self.system_label)
        self.system = QPlainTextEdit()
        self.system.setMaximumHeight(110)
        layout.addWidget(self.system)
        form = QFormLayout()
        defaults = SamplingParams()
        self.temperature = self._double(0.0, 2.0, 0.05, defaults.temperature)
        self.top_p = self._double(0.0, 1.0, 0.01, defaults.top_p)
        self.top_k = self._int(0, 1000, defaults.top_k)
        self.min_p = self._double(0.0, 1.0, 0.01, defaults.min_p)
        self.repeat_penalty = self._double(1.0, 2.0, 0.05, defaults.repeat_penalty)
        self.max_tokens = self._int(1, 32768, defaults.max_tokens)
        self.seed = self._int(self.RANDOM_SEED, 2**31 - 1, self.RANDOM_SEED)
        self.context = self._int(256, 131072, 4096)
        self.context.setSingleStep(256)
        self.overflow = QComboBox()
        self.overflow.addItem("", "truncate")
        self.overflow.addItem("", "refuse")
        self.labels = {}
        for key, widget in (("temperature", self.temperature), ("top_p", self.top_p),
                            ("top_k", self.top_k), ("min_p", self.min_p),
                            ("repeat_penalty", self.repeat_penalty), ("max_tokens", self.max_tokens),
                            ("seed", self.seed), ("context", self.context), ("overflow", self.overflow)):
            self.labels[key] = QLabel()
            form.addRow(self.labels[key], widget)
        layout.addLayout(form)
        self.overflow_help = QLabel()
        self.overflow_help.setObjectName("meta")
        self.overflow_help.setWordWrap(True)
        layout.addWidget(self.overflow_help)
        layout.addStretch()
        self.retranslate()

    @staticmethod
    def _double(low: float, high: float, step: float, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(low, high)
        box.setSingleStep(step)
        box.setDecimals(2)
        box.setValue(value)
        return box

    @staticmethod
    def _int(low: int, high: int, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(low, high)
        box.setValue(value)
        return box

    def retranslate(self) -> None:
        self.title.setText(self.tr("Answer settings"))  # the app's own page is "Settings"
        self.system_label.setText(self.tr("System prompt"))
        self.system.setPlaceholderText(self.tr("e.g. You are a copywriter for our brand. Answer in Traditional Chinese."))
        texts = {"temperature": self.tr("Temperature"), "top_p": self.tr("Top P"),
                 "top_k": self.tr("Top K"), "min_p": self.tr("Min P"),
                 "repeat_penalty": self.tr("Repeat penalty"), "max_tokens": self.tr("Max tokens"),
                 "seed": self.tr("Seed"), "context": self.tr("Context size"),
                 "overflow": self.tr("When full")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.seed.setSpecialValueText(self.tr("random"))
        self.seed.setToolTip(self.tr("The same seed and settings give the same answer."))
        self.overflow.setItemText(0, self.tr("Drop oldest turns"))
        self.overflow.setItemText(1, self.tr("Ask me"))
        self.overflow_help.setText(self.tr("When a conversation outgrows the context, Airlock can "
                                           "drop the oldest turns (and says so) or ask you first."))

    def params(self) -> SamplingParams:
        return SamplingParams(temperature=self.temperature.value(), top_p=self.top_p.value(),
                              top_k=self.top_k.value(), min_p=self.min_p.value(),
                              repeat_penalty=self.repeat_penalty.value(),
                              max_tokens=self.max_tokens.value())

    def chosen_seed(self) -> int | None:
        value = self.seed.value()
        return None if value == self.RANDOM_SEED else value

    def system_prompt(self) -> str | None:
        text = self.system.toPlainText().strip()
        return text or None
