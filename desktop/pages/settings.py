"""The Settings page: language (applied at once), theme, data home, default model,
threads and the GPU policy; the Privacy & security and Audit tabs (trust_settings.py)."""

from __future__ import annotations

from desktop import i18n
from desktop.preferences import Preferences
from desktop.qt import (QApplication, QComboBox, QDesktopServices, QEvent, QFormLayout, QHBoxLayout,
                        QLabel, QLineEdit, QPushButton, QScrollArea, QSpinBox, QTabWidget, QUrl, QVBoxLayout,
                        QWidget, Signal)
from desktop.pages.trust_settings import AuditView, PrivacyPanel
from desktop.theme import apply_theme
from engine.jobs import GPU_POLICIES
from engine.workspace import Workspace


class SettingsPage(QWidget):
    theme_changed = Signal(str)
    engine_settings_changed = Signal()

    def __init__(self, ws: Workspace, prefs: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.prefs = prefs
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        layout.addWidget(self.title)
        form = QFormLayout()
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language_note = QLabel()
        self.language_note.setObjectName("meta")
        self.theme = QComboBox()
        self.theme.addItem("", "light")
        self.theme.addItem("", "dark")
        home_row = QHBoxLayout()
        self.home_path = QLineEdit(str(ws.home.root))
        self.home_path.setReadOnly(True)
        self.open_home = QPushButton()
        home_row.addWidget(self.home_path, 1)
        home_row.addWidget(self.open_home)
        self.home_note = QLabel()
        self.home_note.setObjectName("meta")
        self.home_note.setWordWrap(True)
        self.default_model = QComboBox()
        self.threads = QSpinBox()
        self.threads.setRange(0, 256)
        self.gpu_policy = QComboBox()
        for policy in GPU_POLICIES:
            self.gpu_policy.addItem("", policy)
        self.gpu_note = QLabel()
        self.gpu_note.setObjectName("meta")
        self.gpu_note.setWordWrap(True)
        self.labels = [QLabel() for _ in range(6)]
        form.addRow(self.labels[0], self.language)
        form.addRow("", self.language_note)
        form.addRow(self.labels[1], self.theme)
        form.addRow(self.labels[2], home_row)
        form.addRow("", self.home_note)
        form.addRow(self.labels[3], self.default_model)
        form.addRow(self.labels[4], self.threads)
        form.addRow(self.labels[5], self.gpu_policy)
        form.addRow("", self.gpu_note)
        # Three tabs: General (what follows), Privacy & security and Audit (trust_settings.py).
        self.tabs = QTabWidget()
        general = QScrollArea()
        general.setWidgetResizable(True)
        general.setWidget(QWidget())
        page_layout, layout = layout, QVBoxLayout(general.widget())
        layout.addLayout(form)
        from desktop.api_host import ApiHost
        from desktop.pages.api_settings import ApiSettings

        self.api_host = ApiHost(ws, self)  # the local API and the inference-server connections
        self.api = ApiSettings(ws, self.api_host)
        self.api.models_changed.connect(self.reload_models)
        layout.addWidget(self.api)
        layout.addStretch()
        self.privacy = PrivacyPanel(ws)
        self.audit = AuditView(ws)
        for tab in (general, self.privacy, self.audit):
            self.tabs.addTab(tab, "")
        page_layout.addWidget(self.tabs, 1)

        self._load()
        self.language.currentIndexChanged.connect(self._language_changed)
        self.theme.currentIndexChanged.connect(self._theme_changed)
        self.open_home.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ws.home.root))))
        self.default_model.currentIndexChanged.connect(
            lambda: self.prefs.set("default_model", self.default_model.currentData()))
        self.threads.valueChanged.connect(self._threads_changed)
        self.gpu_policy.currentIndexChanged.connect(self._gpu_changed)
        self.retranslate()

    def _load(self) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(self.prefs.get("language"))))
        self.theme.setCurrentIndex(max(0, self.theme.findData(self.prefs.get("theme"))))
        self.threads.setValue(int(self.prefs.get("threads") or 0))
        self.gpu_policy.setCurrentIndex(max(0, self.gpu_policy.findData(str(self.prefs.get("gpu_policy")))))
        self.reload_models()

    def reload_models(self) -> None:
        current = self.prefs.get("default_model")
        self.default_model.blockSignals(True)
        self.default_model.clear()
        for record in self.ws.registry.list():
            if record.kind == "text":
                self.default_model.addItem(record.name, record.name)
        self.default_model.setCurrentIndex(max(0, self.default_model.findData(current)))
        self.default_model.blockSignals(False)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        for index, text in enumerate((self.tr("General"), self.tr("Privacy and security"), self.tr("Audit"))):
            self.tabs.setTabText(index, text)
        for label, text in zip(self.labels, (self.tr("Language"), self.tr("Theme"), self.tr("Data folder"),
                                             self.tr("Default model"), self.tr("Threads"),
                                             self.tr("GPU"))):
            label.setText(text)
        self.language_note.setText(self.tr("Applied at once, no restart needed."))
        self.theme.setItemText(0, self.tr("Light"))
        self.theme.setItemText(1, self.tr("Dark"))
        self.open_home.setText(self.tr("Open folder"))
        self.home_note.setText(self.tr("Database, models, outputs and logs live here. Start Airlock "
                                       "with --home DIR or set AIRLOCK_HOME to use another folder."))
        self.threads.setSpecialValueText(self.tr("automatic (one per core)"))
        self.gpu_policy.setItemText(0, self.tr("Automatic: use a GPU when there is one"))
        self.gpu_policy.setItemText(1, self.tr("CPU only"))
        self.gpu_note.setText(self.tr("When a GPU cannot be used, the status bar says why. "
                                      "Changes apply to the next model load."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self) -> None:
        code = self.language.currentData()
        self.prefs.set("language", code)
        i18n.apply_language(QApplication.instance(), code)

    def _theme_changed(self) -> None:
        theme = self.theme.currentData()
        self.prefs.set("theme", theme)
        apply_theme(QApplication.instance(), theme)
        self.theme_changed.emit(theme)

    def _threads_changed(self, value: int) -> None:
        self.prefs.set("threads", value)
        self.engine_settings_changed.emit()

    def _gpu_changed(self) -> None:
        self.prefs.set("gpu_policy", self.gpu_policy.currentData())
        self.engine_settings_changed.emit()
