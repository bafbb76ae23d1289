"""The Images page's left column: prompt, negative prompt, model and settings, the
starting picture for img2img, Generate / Cancel, progress and the message line.

The form turns what is on screen into an :class:`ImageRequest` (:meth:`ImageForm.request`)
and puts a stored generation's settings back (:meth:`ImageForm.reuse`); sending and
painting is the page's job.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from desktop.qt import (QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout, QImageReader,
                        QLabel, QPixmap, QPlainTextEdit, QProgressBar, QPushButton, QSpinBox, Qt, QVBoxLayout,
                        QWidget)
from engine import machine
from engine.image import settings as image_settings
from engine.image.runner import ImageRequest
from desktop.engine_text import engine_text

CUSTOM = "custom"
"""The size list's last entry: width and height typed in (64-2048, as the CLI takes)."""
THUMB = 96
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp")


class ImageForm(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.init_image: str | None = None
        self._build()
        self.choose_init.clicked.connect(self._choose_init)
        self.clear_init.clicked.connect(lambda: self.set_init_image(None))
        self.size.currentIndexChanged.connect(self._size_changed)
        self.preset.currentIndexChanged.connect(self._steps_changed)
        self.steps.valueChanged.connect(self._steps_changed)

    def _build(self) -> None:
        left = QVBoxLayout(self)
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
        self.size.addItem("", CUSTOM)
        self.custom_size = QWidget()
        custom_row = QHBoxLayout(self.custom_size)
        custom_row.setContentsMargins(0, 0, 0, 0)
        self.custom_width, self.custom_height = QSpinBox(), QSpinBox()
        for box in (self.custom_width, self.custom_height):
            box.setRange(image_settings.MIN_SIDE, image_settings.MAX_SIDE)
            box.setSingleStep(64)
            box.setValue(512)
        self.times_label = QLabel("×")
        custom_row.addWidget(self.custom_width)
        custom_row.addWidget(self.times_label)
        custom_row.addWidget(self.custom_height)
        custom_row.addStretch()
        self.set_native_sizes(image_settings.native_sizes(None))
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
        self.cpu_openvino = QCheckBox()  # the UNet by OpenVINO (engine/image/openvino_unet.py)
        self.steps_note = QLabel()
        self.steps_note.setObjectName("meta")
        self.steps_note.setWordWrap(True)
        self.form_labels = [QLabel() for _ in range(12)]
        for label, widget in zip(self.form_labels, (self.model_combo, self.preset, self.steps, self.guidance,
                                                    self.size, self.scheduler, self.seed, self.count,
                                                    self.strength, self.write_parameters, self.cpu_bf16,
                                                    self.cpu_openvino)):
            form.addRow(label, widget)
            if widget is self.steps:
                form.addRow("", self.steps_note)
            if widget is self.size:
                form.addRow("", self.custom_size)
        self.form_layout = form
        form.setRowVisible(self.custom_size, False)
        self.steps_note.setVisible(False)
        if not machine.cpu_has_native_bf16():
            form.setRowVisible(self.cpu_bf16, False)
        self.openvino_installed = importlib.util.find_spec("openvino") is not None  # not imported here
        form.setRowVisible(self.cpu_openvino, self.openvino_installed)
        left.addLayout(form)
        init_row = QHBoxLayout()
        self.init_thumb = QLabel()  # the chosen starting picture, small
        self.init_thumb.setFixedSize(THUMB, THUMB)
        self.init_thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.init_thumb.setVisible(False)
        init_row.addWidget(self.init_thumb)
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

    def retranslate(self) -> None:
        self.title.setText(self.tr("Images"))
        self.prompt_label.setText(self.tr("Prompt"))
        self.prompt.setPlaceholderText(self.tr("e.g. a ceramic tea set on a wooden table, soft morning light, product photo"))
        self.negative_label.setText(self.tr("Negative prompt"))
        self.negative.setPlaceholderText(self.tr("what to avoid, e.g. blurry, text, watermark"))
        for label, text in zip(self.form_labels, (
                self.tr("Model"), self.tr("Preset"), self.tr("Steps"), self.tr("Guidance"), self.tr("Size"),
                self.tr("Sampler"), self.tr("Seed"), self.tr("How many"), self.tr("Strength"),
                self.tr("Parameters in PNG"), self.tr("CPU speed"), self.tr("CPU engine"))):
            label.setText(text)
        self.cpu_bf16.setText(self.tr("Faster with bfloat16 (pixels differ slightly)"))
        self.cpu_bf16.setToolTip(self.tr("This CPU computes bfloat16 natively: images come about twice as fast, "
                                         "with tiny differences from full precision. Only used on the CPU."))
        self.cpu_openvino.setText(self.tr("Faster with OpenVINO"))
        self.cpu_openvino.setToolTip(self.tr("Runs the model's main network with OpenVINO on the CPU. The first "
                                             "image of each model prepares it (minutes, once); later images "
                                             "are faster. Pixels differ slightly."))
        self.preset.setItemText(0, self.tr("what suits the model"))
        self.preset.setItemText(1, self.tr("Standard (usually 20–30 steps)"))
        self.preset.setItemText(2, self.tr("Turbo (1–4 steps, no guidance)"))
        self.preset.setItemText(3, self.tr("LCM (2–8 steps)"))
        self.steps.setSpecialValueText(self.tr("preset"))
        self.guidance.setSpecialValueText(self.tr("preset"))
        self.size.setItemText(0, self.tr("the model's size"))
        self.size.setItemText(self.size.findData(CUSTOM), self.tr("Custom size…"))
        self._steps_changed()
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

    # models --------------------------------------------------------------------------

    def set_models(self, names: list[str]) -> None:
        """The image models to choose from, keeping the current one (signals blocked)."""
        current = self.model_combo.currentData()
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        for name in names:
            self.model_combo.addItem(name, name)
        self.model_combo.setCurrentIndex(max(0, self.model_combo.findData(current)))
        self.model_combo.blockSignals(False)

    def set_native_sizes(self, sizes: list[tuple[int, int]]) -> None:
        """The sizes the chosen model's family was trained for, between "the model's size" and
        "Custom size…" (the current choice kept when it is still offered)."""
        current = self.size.currentData()
        self.size.blockSignals(True)
        for index in reversed(range(self.size.count())):
            if isinstance(self.size.itemData(index), (tuple, list)):
                self.size.removeItem(index)
        for index, (width, height) in enumerate(sizes, 1):
            self.size.insertItem(index, f"{width} × {height}", (width, height))
        if isinstance(current, (tuple, list)) and tuple(current) not in sizes:  # keep a size chosen before
            self.custom_width.setValue(int(current[0]))
            self.custom_height.setValue(int(current[1]))
            current = CUSTOM
        self.size.setCurrentIndex(max(0, self.size.findData(current)))
        self.size.blockSignals(False)
        self._size_changed()

    def _size_changed(self, *_args) -> None:
        if hasattr(self, "form_layout"):
            self.form_layout.setRowVisible(self.custom_size, self.size.currentData() == CUSTOM)

    def chosen_size(self) -> tuple[int, int] | None:
        data = self.size.currentData()
        if data == CUSTOM:
            return self.custom_width.value(), self.custom_height.value()
        return tuple(data) if data else None

    def _steps_changed(self, *_args) -> None:
        """Say so when the steps asked for are outside what the chosen preset usually runs."""
        name = self.preset.currentData()
        steps = self.steps.value()
        preset = image_settings.PRESETS.get(name) if name else None
        usual = {"standard": (15, 50)}.get(name or "", (preset.min_steps, preset.max_steps) if preset else (0, 0))
        outside = preset is not None and steps and not usual[0] <= steps <= usual[1]
        self.steps_note.setText(self.tr("{steps} steps is outside what this preset usually runs "
                                        "({low}–{high}); the picture may come out rough or slow.").format(
            steps=steps, low=usual[0], high=usual[1]) if outside else "")
        self.steps_note.setVisible(bool(outside))

    def no_model_hint(self) -> str:
        return self.tr("No image model yet: import a .safetensors checkpoint or a diffusers folder on the "
                       "Models page.")

    # requests ------------------------------------------------------------------------

    def request(self) -> ImageRequest:
        size = self.chosen_size()
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
            cpu_bf16=self.cpu_bf16.isChecked() and machine.cpu_has_native_bf16(),
            cpu_engine="openvino" if self.cpu_openvino.isChecked() and self.openvino_installed else "pytorch")

    def reuse(self, record: dict[str, Any]) -> None:
        """Put a stored generation's prompt and settings back: same seed, same picture."""
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
        if self.size.currentData() != size and None not in size:  # not a native size: a custom one
            self.size.setCurrentIndex(self.size.findData(CUSTOM))
            self.custom_width.setValue(int(size[0]))
            self.custom_height.setValue(int(size[1]))
        self.scheduler.setCurrentIndex(max(0, self.scheduler.findData(params.get("scheduler"))))
        self.seed.setValue(int(record.get("seed") or 0))
        self.count.setValue(1)
        self.cpu_bf16.setChecked(bool(params.get("cpu_bf16")))  # bfloat16 changes the pixels
        self.cpu_openvino.setChecked(params.get("cpu_engine") == "openvino")  # so does OpenVINO

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setObjectName("warning" if error else "meta")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(engine_text(text))

    # img2img -------------------------------------------------------------------------

    def set_init_image(self, path: str | None) -> bool:
        """Start from ``path`` (None: from nothing); an unreadable picture is refused now,
        not at Generate. Returns whether it was taken."""
        thumb = None
        if path is not None:
            reader = QImageReader(path)
            size = reader.size()
            if size.isValid():
                reader.setScaledSize(size.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio))
            image = reader.read()
            if image.isNull():
                self.show_message(self.tr("{name} cannot be read as a picture; choose a PNG, JPEG, WebP or BMP "
                                          "file.").format(name=Path(path).name), error=True)
                return False
            thumb = QPixmap.fromImage(image)
        self.init_image = path
        self.init_thumb.setPixmap(thumb if thumb is not None else QPixmap())
        self.init_thumb.setVisible(thumb is not None)
        self._update_init_label()
        return True

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
