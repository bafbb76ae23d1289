"""The Images page: prompt and settings, Generate / Cancel with progress and live preview,
the result large, and a gallery of past images to search, reuse, reveal and delete.

Generation runs in the image worker process; this page only sends jobs and paints what
comes back. Dropping a picture on the page starts img2img from it.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from desktop.bridge import ImageBridge
from desktop.qt import (QAbstractItemView, QApplication, QCheckBox, QComboBox, QDesktopServices,
                        QDoubleSpinBox, QDragEnterEvent, QDropEvent, QEvent, QFileDialog,
                        QFormLayout, QFrame, QHBoxLayout, QImage, QLabel, QLineEdit, QListView,
                        QMenu, QMessageBox, QPixmap, QPlainTextEdit, QProgressBar, QPushButton,
                        QSize, QSpinBox, QSplitter, Qt, QTimer, QUrl, QVBoxLayout, QWidget, Signal)
from desktop.widgets.gallery import THUMB, GalleryModel
from engine import jobs, machine
from engine.image import settings as image_settings
from engine.image import png_parameters
from engine.errors import BadInput
from engine.image.runner import ImageOutcome, ImageRequest
from engine.workspace import Workspace

SIZES = ((512, 512), (768, 768), (1024, 1024), (512, 768), (768, 512), (832, 1216), (1216, 832))
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp")
PERIODS = (None, 0, 7, 30, 365)
"""The gallery's date filter: days back from the start of today (None: any time)."""


def period_start(days: int | None, now: datetime | None = None) -> str | None:
    """The UTC time stamp (as the history stores them) of local midnight ``days`` days ago."""
    if days is None:
        return None
    local = (now or datetime.now()).astimezone()
    start = local.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=days)
    return start.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class ImagesPage(QWidget):
    status = Signal(str, str, str)  # model, device, fallback reason

    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.bridge = ImageBridge(ws, self)
        self.init_image: str | None = None
        self.last_outcome: ImageOutcome | None = None
        self.setAcceptDrops(True)
        self._build()
        self._connect()
        self.retranslate()
        self.reload_models()

    # construction --------------------------------------------------------------------

    def _build(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        form_panel = QWidget()
        left = QVBoxLayout(form_panel)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        left.addWidget(self.title)
        self.prompt_label = QLabel()
        left.addWidget(self.prompt_label)
        self.prompt = QPlainTextEdit()
        self.prompt.setMaximumHeight(100)
        left.addWidget(self.prompt)
        self.negative_label = QLabel()
        left.addWidget(self.negative_label)
        self.negative = QPlainTextEdit()
        self.negative.setMaximumHeight(60)
        left.addWidget(self.negative)
        form = QFormLayout()
        self.model_combo = QComboBox()
        self.preset = QComboBox()
        self.preset.addItem("", None)
        for name in image_settings.PRESETS:
            self.preset.addItem("", name)
        self.steps = QSpinBox()
        self.steps.setRange(0, image_settings.MAX_STEPS)
        self.guidance = QDoubleSpinBox()
        self.guidance.setRange(-0.5, 30.0)
        self.guidance.setSingleStep(0.5)
        self.guidance.setValue(-0.5)  # the minimum shows "preset": the preset's guidance
        self.size = QComboBox()
        self.size.addItem("", None)
        for width, height in SIZES:
            self.size.addItem(f"{width} × {height}", (width, height))
        self.scheduler = QComboBox()
        self.scheduler.addItem("", None)
        for name in image_settings.SCHEDULERS:
            self.scheduler.addItem(name, name)
        self.seed = QSpinBox()
        self.seed.setRange(-1, 2**31 - 1)
        self.seed.setValue(-1)
        self.count = QSpinBox()
        self.count.setRange(1, 16)
        self.strength = QDoubleSpinBox()
        self.strength.setRange(0.05, 1.0)
        self.strength.setSingleStep(0.05)
        self.strength.setValue(0.6)
        self.write_parameters = QCheckBox()
        self.write_parameters.setChecked(True)
        self.cpu_bf16 = QCheckBox()  # bfloat16 on CPUs that run it natively: about 1.9x faster
        self.form_labels = [QLabel() for _ in range(11)]
        for label, widget in zip(self.form_labels, (self.model_combo, self.preset, self.steps, self.guidance,
                                                    self.size, self.scheduler, self.seed, self.count,
                                                    self.strength, self.write_parameters, self.cpu_bf16)):
            form.addRow(label, widget)
        if not machine.cpu_has_native_bf16():
            form.setRowVisible(self.cpu_bf16, False)
        left.addLayout(form)
        init_row = QHBoxLayout()
        self.init_label = QLabel()
        self.init_label.setObjectName("meta")
        self.init_label.setWordWrap(True)
        init_row.addWidget(self.init_label, 1)
        self.choose_init = QPushButton()
        self.clear_init = QPushButton()
        init_row.addWidget(self.choose_init)
        init_row.addWidget(self.clear_init)
        left.addLayout(init_row)
        buttons = QHBoxLayout()
        self.generate_button = QPushButton()
        self.generate_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.cancel_button)
        left.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        left.addWidget(self.progress)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("meta")
        left.addWidget(self.message)
        left.addStretch()

        right = QSplitter(Qt.Orientation.Vertical)
        self.result = QLabel()
        self.result.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result.setMinimumSize(256, 256)
        self.result.setFrameShape(QFrame.Shape.StyledPanel)
        right.addWidget(self.result)
        gallery_panel = QWidget()
        gallery_layout = QVBoxLayout(gallery_panel)
        gallery_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.gallery_title = QLabel()
        self.gallery_title.setObjectName("pageTitle")
        bar.addWidget(self.gallery_title)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 1)
        self.gallery_model_filter = QComboBox()
        bar.addWidget(self.gallery_model_filter)
        self.date_filter = QComboBox()
        for days in PERIODS:
            self.date_filter.addItem("", days)
        bar.addWidget(self.date_filter)
        self.seed_filter = QLineEdit()
        self.seed_filter.setMaximumWidth(110)
        bar.addWidget(self.seed_filter)
        gallery_layout.addLayout(bar)
        self.gallery_model = GalleryModel(self.ws.history, self)
        self.gallery = QListView()
        self.gallery.setModel(self.gallery_model)
        self.gallery.setViewMode(QListView.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(THUMB, THUMB))
        self.gallery.setGridSize(QSize(THUMB + 16, THUMB + 16))
        self.gallery.setResizeMode(QListView.ResizeMode.Adjust)
        self.gallery.setUniformItemSizes(True)
        self.gallery.setLayoutMode(QListView.LayoutMode.Batched)
        self.gallery.setBatchSize(100)
        self.gallery.setMovement(QListView.Movement.Static)
        self.gallery.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.gallery.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        gallery_layout.addWidget(self.gallery, 1)
        actions = QHBoxLayout()
        self.open_button = QPushButton()
        self.copy_button = QPushButton()
        self.reuse_button = QPushButton()
        self.reveal_button = QPushButton()
        self.delete_button = QPushButton()
        for button in (self.open_button, self.copy_button, self.reuse_button, self.reveal_button,
                       self.delete_button):
            actions.addWidget(button)
        actions.addStretch()
        gallery_layout.addLayout(actions)
        right.addWidget(gallery_panel)
        right.setSizes([420, 300])
        self.right_splitter = right

        self.splitter.addWidget(form_panel)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)

    def _connect(self) -> None:
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button.clicked.connect(self.bridge.cancel)
        self.choose_init.clicked.connect(self._choose_init)
        self.clear_init.clicked.connect(lambda: self.set_init_image(None))
        self.model_combo.currentIndexChanged.connect(self._model_changed)
        self.bridge.busy_changed.connect(self._on_busy)
        self.bridge.started.connect(self._on_started)
        self.bridge.progress.connect(self._on_progress)
        self.bridge.finished.connect(self._on_finished)
        self.search.textChanged.connect(self._debounce.start)
        self.seed_filter.textChanged.connect(self._debounce.start)
        self._debounce.timeout.connect(self.apply_filters)
        self.gallery_model_filter.currentIndexChanged.connect(self.apply_filters)
        self.date_filter.currentIndexChanged.connect(self.apply_filters)
        self.gallery.selectionModel().selectionChanged.connect(self._selection_changed)
        self.gallery.doubleClicked.connect(lambda _i: self.open_selected())
        self.gallery.customContextMenuRequested.connect(self._gallery_menu)
        self.open_button.clicked.connect(self.open_selected)
        self.copy_button.clicked.connect(self.copy_parameters)
        self.reuse_button.clicked.connect(self.reuse_selected)
        self.reveal_button.clicked.connect(self.reveal_selected)
        self.delete_button.clicked.connect(self.delete_selected)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Images"))
        self.prompt_label.setText(self.tr("Prompt"))
        self.prompt.setPlaceholderText(self.tr("e.g. a ceramic tea set on a wooden table, soft morning light, product photo"))
        self.negative_label.setText(self.tr("Negative prompt"))
        self.negative.setPlaceholderText(self.tr("what to avoid, e.g. blurry, text, watermark"))
        for label, text in zip(self.form_labels, (
                self.tr("Model"), self.tr("Preset"), self.tr("Steps"), self.tr("Guidance"), self.tr("Size"),
                self.tr("Sampler"), self.tr("Seed"), self.tr("How many"), self.tr("Strength"),
                self.tr("Parameters in PNG"), self.tr("CPU speed"))):
            label.setText(text)
        self.cpu_bf16.setText(self.tr("Faster with bfloat16 (pixels differ slightly)"))
        self.cpu_bf16.setToolTip(self.tr("This CPU computes bfloat16 natively: images come about twice as fast, "
                                         "with tiny differences from full precision. Only used on the CPU."))
        self.preset.setItemText(0, self.tr("what suits the model"))
        self.preset.setItemText(1, self.tr("Standard (20–30 steps)"))
        self.preset.setItemText(2, self.tr("Turbo (1–4 steps, no guidance)"))
        self.preset.setItemText(3, self.tr("LCM (2–8 steps)"))
        self.steps.setSpecialValueText(self.tr("preset"))
        self.guidance.setSpecialValueText(self.tr("preset"))
        self.size.setItemText(0, self.tr("the model's size"))
        self.scheduler.setItemText(0, self.tr("preset"))
        self.seed.setSpecialValueText(self.tr("random"))
        self.strength.setToolTip(self.tr("img2img: how far to move away from the starting picture"))
        self.write_parameters.setText(self.tr("Write prompt and settings into the PNG"))
        self.write_parameters.setToolTip(self.tr("Other tools can read them; switch off for sensitive work."))
        self.choose_init.setText(self.tr("Start from a picture…"))
        self.clear_init.setText(self.tr("Clear"))
        self._update_init_label()
        self.generate_button.setText(self.tr("Generate"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.gallery_title.setText(self.tr("Gallery"))
        self.search.setPlaceholderText(self.tr("Search prompts…"))
        self.seed_filter.setPlaceholderText(self.tr("Seed"))
        periods = (self.tr("Any time"), self.tr("Today"), self.tr("Last 7 days"), self.tr("Last 30 days"),
                   self.tr("Last 12 months"))
        for index, text in enumerate(periods):
            self.date_filter.setItemText(index, text)
        if self.gallery_model_filter.count():
            self.gallery_model_filter.setItemText(0, self.tr("All models"))
        self.open_button.setText(self.tr("Open"))
        self.copy_button.setText(self.tr("Copy parameters"))
        self.reuse_button.setText(self.tr("Reuse settings"))
        self.reveal_button.setText(self.tr("Show in folder"))
        self.delete_button.setText(self.tr("Delete…"))
        self._selection_changed()
        if self.model_combo.currentData() is None:
            self._model_changed()  # the "no image model yet" hint, in the new language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        self.apply_filters()
        super().showEvent(event)

    # models --------------------------------------------------------------------------

    def reload_models(self) -> None:
        current = self.model_combo.currentData()
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        names = [r.name for r in self.ws.registry.list() if r.kind == "image"]
        for name in names:
            self.model_combo.addItem(name, name)
        self.model_combo.setCurrentIndex(max(0, self.model_combo.findData(current)))
        self.model_combo.blockSignals(False)
        self.gallery_model_filter.blockSignals(True)
        selected = self.gallery_model_filter.currentData()
        self.gallery_model_filter.clear()
        self.gallery_model_filter.addItem(self.tr("All models"), None)
        for name in names:
            self.gallery_model_filter.addItem(name, name)
        self.gallery_model_filter.setCurrentIndex(max(0, self.gallery_model_filter.findData(selected)))
        self.gallery_model_filter.blockSignals(False)
        self._model_changed()

    def _model_changed(self, *_args) -> None:
        has_model = self.model_combo.currentData() is not None
        self.generate_button.setEnabled(has_model and not self.bridge.busy)
        if not has_model:
            self.show_message(self.tr("No image model yet: import a .safetensors checkpoint or a "
                                      "diffusers folder on the Models page."))

    # requests ------------------------------------------------------------------------

    def request(self) -> ImageRequest:
        size = self.size.currentData()
        seed = self.seed.value()
        return ImageRequest(
            model=self.model_combo.currentData() or "", prompt=self.prompt.toPlainText().strip(),
            negative=self.negative.toPlainText().strip(), steps=self.steps.value() or None,
            guidance=None if self.guidance.value() < 0 else self.guidance.value(),
            width=size[0] if size else None, height=size[1] if size else None,
            seed=None if seed < 0 else seed, scheduler=self.scheduler.currentData(),
            count=self.count.value(), init_image=self.init_image,
            strength=self.strength.value() if self.init_image else None,
            preset=self.preset.currentData(), write_parameters=self.write_parameters.isChecked(),
            cpu_bf16=self.cpu_bf16.isChecked() and machine.cpu_has_native_bf16())

    def generate(self) -> None:
        if self.bridge.busy:
            return
        try:
            self.bridge.generate(self.request())
        except BadInput as exc:
            self.show_message(str(exc), error=True)
            return
        self.show_message(self.tr("Starting…"))
        self.progress.setVisible(True)
        self.progress.setMaximum(0)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setObjectName("warning" if error else "meta")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    # img2img -------------------------------------------------------------------------

    def set_init_image(self, path: str | None) -> None:
        self.init_image = path
        self._update_init_label()

    def _update_init_label(self) -> None:
        if self.init_image:
            self.init_label.setText(self.tr("Starting from {name} (img2img)").format(name=Path(self.init_image).name))
        else:
            self.init_label.setText(self.tr("Drop a picture here to start from it (img2img)."))
        self.clear_init.setEnabled(self.init_image is not None)
        self.strength.setEnabled(self.init_image is not None)

    def _choose_init(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Start from a picture"), str(Path.home()),
                                              self.tr("Images (*.png *.jpg *.jpeg *.webp *.bmp)"))
        if path:
            self.set_init_image(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile() and urls[0].toLocalFile().lower().endswith(IMAGE_SUFFIXES):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile() and urls[0].toLocalFile().lower().endswith(IMAGE_SUFFIXES):
            self.set_init_image(urls[0].toLocalFile())
            event.acceptProposedAction()

    # engine events -------------------------------------------------------------------

    def _on_busy(self, busy: bool) -> None:
        self.generate_button.setEnabled(not busy and self.model_combo.currentData() is not None)
        self.cancel_button.setEnabled(busy)
        self.model_combo.setEnabled(not busy)
        if not busy:
            self.progress.setVisible(False)

    def _on_started(self, event: jobs.Started) -> None:
        self.status.emit(self.model_combo.currentData() or "", event.device, event.fallback_reason or "")

    def _on_progress(self, event: jobs.Progress) -> None:
        self.progress.setVisible(True)
        self.progress.setMaximum(max(event.total, 1))
        self.progress.setValue(event.step)
        if event.stage == "denoise":
            eta = getattr(event, "eta_seconds", None)
            text = self.tr("Step {step} of {total}").format(step=event.step, total=event.total)
            if eta is not None:
                text += " · " + self.tr("about {s:.0f} s left").format(s=eta)
            self.progress.setFormat(text)
            if event.preview:
                self._show_image(QImage.fromData(event.preview))
        elif event.stage == "verify":
            self.progress.setFormat(self.tr("Verifying the model %p%"))
        else:
            self.progress.setFormat(self.tr("Loading the model…"))
            self.progress.setMaximum(0)

    def _on_finished(self, outcome: ImageOutcome) -> None:
        self.last_outcome = outcome
        event = outcome.event
        paths = outcome.paths
        if paths:
            self._show_image(QImage(paths[-1]))
        if isinstance(event, jobs.Done):
            seconds = sum(r["seconds"] or 0 for r in outcome.records)
            self.show_message(self.tr("{n} image(s) in {s:.1f} s, seed {seed}.").format(
                n=len(paths), s=seconds, seed=outcome.records[0]["seed"]) + "".join(f" {n}" for n in outcome.notes))
        elif isinstance(event, jobs.Cancelled):
            self.show_message(self.tr("Cancelled; {n} finished image(s) were kept.").format(n=len(paths)))
        else:
            message = event.message
            if event.kind == "crashed":
                message = self.tr("generation stopped: {reason}").format(reason=event.message)
            self.show_message(message, error=True)
        self.apply_filters()

    def _show_image(self, image: QImage) -> None:
        if image.isNull():
            return
        pixmap = QPixmap.fromImage(image)
        self.result.setPixmap(pixmap.scaled(self.result.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))

    # gallery -------------------------------------------------------------------------

    def apply_filters(self) -> None:
        seed_text = self.seed_filter.text().strip()
        seed = int(seed_text) if seed_text.isdigit() else None
        self.gallery_model.set_query(self.search.text(), model=self.gallery_model_filter.currentData(),
                                     seed=seed, since=period_start(self.date_filter.currentData()))
        self._selection_changed()

    def selected_records(self) -> list[dict[str, Any]]:
        rows = sorted({i.row() for i in self.gallery.selectionModel().selectedIndexes()})
        return [self.gallery_model.record(r) for r in rows]

    def _selection_changed(self, *_args) -> None:
        records = self.selected_records()
        one = len(records) == 1
        for button in (self.open_button, self.copy_button, self.reuse_button, self.reveal_button):
            button.setEnabled(one)
        self.delete_button.setEnabled(bool(records))
        if one:
            self._show_image(QImage(records[0]["output_path"]))

    def _gallery_menu(self, position) -> None:
        if not self.selected_records():
            return
        menu = QMenu(self)
        for button in (self.open_button, self.copy_button, self.reuse_button, self.reveal_button,
                       self.delete_button):
            if button.isEnabled():
                menu.addAction(button.text(), button.click)
        menu.exec(self.gallery.mapToGlobal(position))

    def open_selected(self) -> None:
        records = self.selected_records()
        if len(records) == 1:
            QDesktopServices.openUrl(QUrl.fromLocalFile(records[0]["output_path"]))

    def reveal_selected(self) -> None:
        records = self.selected_records()
        if len(records) == 1:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(records[0]["output_path"]).parent)))

    @staticmethod
    def parameters_text(record: dict[str, Any]) -> str:
        """The record as AUTOMATIC1111 writes parameters, so other tools can paste it."""
        params = record.get("params") or {}
        settings = png_parameters.a1111_settings(
            steps=params.get("steps"), sampler=params.get("scheduler"), guidance=params.get("guidance", 0),
            seed=record.get("seed"), width=record.get("width"), height=record.get("height"),
            model_sha256=record.get("model_sha256") or "", model_name=record.get("model") or "",
            strength=params.get("strength"))
        return png_parameters.format_parameters(record["prompt"], params.get("negative") or "", settings)

    def copy_parameters(self) -> None:
        records = self.selected_records()
        if len(records) == 1:
            QApplication.clipboard().setText(self.parameters_text(records[0]))
            self.show_message(self.tr("Parameters copied."))

    def reuse_selected(self) -> None:
        records = self.selected_records()
        if len(records) != 1:
            return
        record = records[0]
        params = record.get("params") or {}
        self.prompt.setPlainText(record["prompt"])
        self.negative.setPlainText(params.get("negative", "") or "")
        index = self.model_combo.findData(record.get("model"))
        if index >= 0:
            self.model_combo.setCurrentIndex(index)
        self.preset.setCurrentIndex(max(0, self.preset.findData(params.get("preset"))))
        self.steps.setValue(int(params.get("steps") or 0))
        self.guidance.setValue(float(params.get("guidance", -0.5)))
        size = (record.get("width"), record.get("height"))
        self.size.setCurrentIndex(max(0, self.size.findData(size)))
        if self.size.currentData() != size and None not in size:
            self.size.addItem(f"{size[0]} × {size[1]}", size)
            self.size.setCurrentIndex(self.size.count() - 1)
        self.scheduler.setCurrentIndex(max(0, self.scheduler.findData(params.get("scheduler"))))
        self.seed.setValue(int(record.get("seed") or 0))
        self.count.setValue(1)
        self.cpu_bf16.setChecked(bool(params.get("cpu_bf16")))  # bfloat16 changes the pixels
        self.show_message(self.tr("Settings of image #{id} loaded: same seed, same picture.").format(id=record["id"]))

    def delete_selected(self) -> None:
        records = self.selected_records()
        if not records:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete images"),
            self.tr("Delete {n} image(s) and their files? This cannot be undone.").format(n=len(records)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ws.history.delete(r["id"] for r in records)
        for record in records:
            Path(record["output_path"]).unlink(missing_ok=True)
        self.apply_filters()
        self.result.clear()
