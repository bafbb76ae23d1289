"""The Images page: the form (:mod:`.form`) on the left, the result large on the right
above the gallery (:mod:`.gallery`).

Generation runs in the image worker process; this page only sends jobs and paints what
comes back. Dropping a picture on the page starts img2img from it.
"""

from __future__ import annotations

from desktop.bridge import ImageBridge
from desktop.engine_text import engine_text
from desktop.pages.images.form import IMAGE_SUFFIXES, ImageForm
from desktop.pages.images.gallery import GalleryPanel
from desktop.qt import (QDragEnterEvent, QDropEvent, QEvent, QFrame, QImage, QLabel, QPixmap, QSplitter, Qt,
                        QVBoxLayout, QWidget, Signal)
from engine import jobs
from engine.errors import BadInput
from engine.image import settings as image_settings
from engine.image.runner import ImageOutcome
from engine.workspace import Workspace
from engine.trust.install import png_parameters_allowed


class ImagesPage(QWidget):
    status = Signal(str, str, str)  # model, device, fallback reason

    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.bridge = ImageBridge(ws, self)
        self.last_outcome: ImageOutcome | None = None
        self._hint_shown = False  # the message line shows "no image model yet"
        self._starting = False  # ... or "Starting…", until the first progress
        self.setAcceptDrops(True)
        self._build()
        self._connect()
        self.retranslate()
        self.reload_models()

    def _build(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.form = ImageForm()
        if not png_parameters_allowed(self.ws):  # Settings → Privacy, the policy, PII history mode
            self.form.write_parameters.setChecked(False)
            self.form.write_parameters.setEnabled(False)
        right = QSplitter(Qt.Orientation.Vertical)
        self.result = QLabel()
        self.result.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result.setMinimumSize(256, 256)
        self.result.setFrameShape(QFrame.Shape.StyledPanel)
        right.addWidget(self.result)
        self.gallery_panel = GalleryPanel(self.ws.history)
        right.addWidget(self.gallery_panel)
        right.setSizes([420, 300])
        self.right_splitter = right
        self.splitter.addWidget(self.form)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    @property
    def gallery_model(self):
        """The gallery's rows (the main window stops its thumbnail loader on close)."""
        return self.gallery_panel.gallery_model

    def _connect(self) -> None:
        self.form.generate_button.clicked.connect(self.generate)
        self.form.cancel_button.clicked.connect(self.bridge.cancel)
        self.form.model_combo.currentIndexChanged.connect(self._model_changed)
        self.bridge.busy_changed.connect(self._on_busy)
        self.bridge.started.connect(self._on_started)
        self.bridge.progress.connect(self._on_progress)
        self.bridge.finished.connect(self._on_finished)
        self.gallery_panel.picked.connect(lambda path: self._show_image(QImage(path)))
        self.gallery_panel.reuse_requested.connect(self.reuse)
        self.gallery_panel.message.connect(self.form.show_message)
        self.gallery_panel.deleted.connect(self.result.clear)

    def retranslate(self) -> None:
        self.form.retranslate()
        self.gallery_panel.retranslate()
        if self.form.model_combo.currentData() is None:
            self._model_changed()  # the "no image model yet" hint, in the new language (or gone)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        self.gallery_panel.apply_filters()
        super().showEvent(event)

    def start_with(self, prompt: str, negative: str) -> None:
        """A prompt sent from elsewhere (an image template): fill it in, ready to generate."""
        self.form.prompt.setPlainText(prompt)
        self.form.negative.setPlainText(negative)
        self.form.prompt.setFocus()

    # models --------------------------------------------------------------------------

    def reload_models(self) -> None:
        names = [r.name for r in self.ws.registry.list() if r.kind == "image"]
        self.form.set_models(names)
        self.gallery_panel.set_models(names)
        self._model_changed()

    def _model_changed(self, *_args) -> None:
        name = self.form.model_combo.currentData()
        has_model = name is not None
        self.form.generate_button.setEnabled(has_model and not self.bridge.busy)
        if not has_model:
            self.form.show_message(self.form.no_model_hint())
            self._hint_shown = True
            return
        if self._hint_shown:
            self.form.show_message("")  # a model is chosen now: the hint would be stale
            self._hint_shown = False
        record = self.ws.registry.find(name)
        self.form.set_native_sizes(image_settings.native_sizes(record.metadata.get("family") if record else None))

    # generating ----------------------------------------------------------------------

    def generate(self) -> None:
        if self.bridge.busy:
            return
        try:
            self.bridge.generate(self.form.request())
        except BadInput as exc:
            self.form.show_message(engine_text(exc), error=True)
            return
        self.form.show_message(self.tr("Starting…"))
        self._starting = True
        self._hint_shown = False
        self.form.progress.setVisible(True)
        self.form.progress.setMaximum(0)

    def reuse(self, record: dict) -> None:
        self.form.reuse(record)
        self.form.show_message(self.tr("Settings of image #{id} loaded: same seed, same picture.").format(
            id=record["id"]))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile() and urls[0].toLocalFile().lower().endswith(IMAGE_SUFFIXES):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile() and urls[0].toLocalFile().lower().endswith(IMAGE_SUFFIXES):
            self.form.set_init_image(urls[0].toLocalFile())
            event.acceptProposedAction()

    # engine events -------------------------------------------------------------------

    def _on_busy(self, busy: bool) -> None:
        self.form.generate_button.setEnabled(not busy and self.form.model_combo.currentData() is not None)
        self.form.cancel_button.setEnabled(busy)
        self.form.model_combo.setEnabled(not busy)
        if not busy:
            self.form.progress.setVisible(False)

    def _on_started(self, event: jobs.Started) -> None:
        self.status.emit(self.form.model_combo.currentData() or "", event.device, event.fallback_reason or "")

    def _on_progress(self, event: jobs.Progress) -> None:
        if self._starting:
            self._starting = False
            self.form.show_message("")  # the bar says what is happening now
        progress = self.form.progress
        progress.setVisible(True)
        progress.setMaximum(max(event.total, 1))
        progress.setValue(event.step)
        if event.stage == "denoise":
            eta = getattr(event, "eta_seconds", None)
            text = self.tr("Step {step} of {total}").format(step=event.step, total=event.total)
            if eta is not None:
                text += " · " + self.tr("about {s:.0f} s left").format(s=eta)
            progress.setFormat(text)
            if event.preview:
                self._show_image(QImage.fromData(event.preview))
        elif event.stage == "verify":
            progress.setFormat(self.tr("Verifying the model %p%"))
        elif event.stage == "convert":  # the first OpenVINO run of a model: minutes, once
            progress.setFormat(self.tr("Preparing the faster CPU engine (once for this model) %p%"))
        else:
            progress.setFormat(self.tr("Loading the model…"))
            progress.setMaximum(0)

    def _on_finished(self, outcome: ImageOutcome) -> None:
        self.last_outcome = outcome
        event = outcome.event
        paths = outcome.paths
        if paths:
            self._show_image(QImage(paths[-1]))
        if isinstance(event, jobs.Done):
            seconds = sum(r["seconds"] or 0 for r in outcome.records)
            self.form.show_message(self.tr("{n} image(s) in {s:.1f} s, seed {seed}.").format(
                n=len(paths), s=seconds, seed=outcome.records[0]["seed"]) + "".join(
                    f" {engine_text(n)}" for n in outcome.notes))
        elif isinstance(event, jobs.Cancelled):
            self.form.show_message(self.tr("Cancelled; {n} finished image(s) were kept.").format(n=len(paths)))
        else:
            message = event.message
            if event.kind == "crashed":
                message = self.tr("generation stopped: {reason}").format(reason=engine_text(event.message))
            self.form.show_message(message, error=True)
        self.gallery_panel.apply_filters()

    def _show_image(self, image: QImage) -> None:
        if image.isNull():
            return
        pixmap = QPixmap.fromImage(image)
        self.result.setPixmap(pixmap.scaled(self.result.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))
