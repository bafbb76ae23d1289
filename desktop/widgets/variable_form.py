"""A form generated from a template's variable definitions: one typed widget per variable.

short text → line edit, long text → text box, choice → drop-down, number → spin box,
date → date picker, boolean → check box. Optional numbers and dates without a default
start blank (the spin box's lowest value reads "—"). Values come back raw; the engine
(engine.prompts.variables) checks and types them, so the form and ``--var`` agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from desktop.qt import (QCheckBox, QComboBox, QDate, QDateEdit, QDoubleSpinBox, QFormLayout, QLabel,
                        QLineEdit, QPlainTextEdit, QWidget, Signal)
from engine.prompts.variables import Variable

BLANK_DATE = QDate(1900, 1, 1)
NUMBER_RANGE = 1e9


class VariableForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.variables: tuple[Variable, ...] = ()
        self.widgets: dict[str, QWidget] = {}
        self.empty_label = QLabel()
        self.empty_label.setObjectName("meta")
        self.empty_label.setWordWrap(True)
        self.layout_.addRow(self.empty_label)
        self.retranslate()

    def retranslate(self) -> None:
        self.empty_label.setText(self.tr("This template has no variables: it runs as it is."))

    def set_variables(self, variables: Sequence[Variable]) -> None:
        """Rebuild the form; values typed for variables that still exist (same type) are kept."""
        variables = tuple(variables)
        if variables == self.variables:
            return
        kept = {v.name: self._value(v) for v in self.variables
                if any(n.name == v.name and n.type == v.type for n in variables)}
        while self.layout_.rowCount() > 1:
            self.layout_.removeRow(1)
        self.widgets.clear()
        self.variables = variables
        self.empty_label.setVisible(not variables)
        for variable in variables:
            widget = self._widget(variable)
            self.widgets[variable.name] = widget
            label = QLabel(variable.display_label + (" *" if variable.required else ""))
            label.setToolTip(variable.help or variable.name)
            label.setWordWrap(True)
            widget.setToolTip(variable.help)
            widget.setObjectName(f"var_{variable.name}")
            self.layout_.addRow(label, widget)
        self.set_values({k: v for k, v in kept.items() if v not in (None, "")})

    def _widget(self, variable: Variable) -> QWidget:
        kind = variable.type
        if kind == "long_text":
            widget = QPlainTextEdit()
            widget.setMinimumHeight(60)
            widget.setMaximumHeight(110)
            widget.setTabChangesFocus(True)
            widget.setPlaceholderText(variable.help)
            widget.setPlainText(str(variable.default or ""))
            widget.textChanged.connect(self.changed)
        elif kind == "choice":
            widget = QComboBox()
            if not variable.required and variable.default in (None, ""):
                widget.addItem("—", "")
            for option in variable.options:
                widget.addItem(option, option)
            if variable.default not in (None, ""):
                widget.setCurrentIndex(max(widget.findData(variable.default), 0))
            widget.currentIndexChanged.connect(self.changed)
        elif kind == "number":
            widget = QDoubleSpinBox()
            integral = all(isinstance(x, int) or (isinstance(x, float) and x.is_integer())
                           for x in (variable.default, variable.minimum, variable.maximum) if x is not None)
            widget.setDecimals(0 if integral else 2)
            low = variable.minimum if variable.minimum is not None else -NUMBER_RANGE
            high = variable.maximum if variable.maximum is not None else NUMBER_RANGE
            blank = variable.default is None
            widget.setRange(low - 1 if blank else low, high)
            if blank:
                widget.setSpecialValueText("—")
                widget.setValue(widget.minimum())
            else:
                widget.setValue(float(variable.default))
            widget.valueChanged.connect(self.changed)
        elif kind == "date":
            widget = QDateEdit()
            widget.setCalendarPopup(True)
            widget.setDisplayFormat("yyyy-MM-dd")
            widget.setMinimumDate(BLANK_DATE)
            widget.setSpecialValueText("—")
            if variable.default:
                widget.setDate(QDate.fromString(str(variable.default), "yyyy-MM-dd"))
            else:
                widget.setDate(BLANK_DATE)
            widget.dateChanged.connect(self.changed)
        elif kind == "boolean":
            widget = QCheckBox()
            widget.setChecked(bool(variable.default))
            widget.toggled.connect(self.changed)
        else:
            widget = QLineEdit()
            widget.setPlaceholderText(variable.help)
            widget.setText(str(variable.default or ""))
            widget.textChanged.connect(self.changed)
        return widget

    def _value(self, variable: Variable) -> Any:
        widget = self.widgets.get(variable.name)
        if widget is None:
            return None
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return widget.currentData() or ""
        if isinstance(widget, QDoubleSpinBox):
            if widget.specialValueText() and widget.value() == widget.minimum():
                return None
            value = widget.value()
            return int(value) if widget.decimals() == 0 else value
        if isinstance(widget, QDateEdit):
            return None if widget.date() == BLANK_DATE else widget.date().toString("yyyy-MM-dd")
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        return widget.text()

    def values(self) -> dict[str, Any]:
        """The raw values, blank ones left out (so defaults and 'required' apply)."""
        values = {}
        for variable in self.variables:
            value = self._value(variable)
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            values[variable.name] = value
        return values

    def set_values(self, values: Mapping[str, Any]) -> None:
        for variable in self.variables:
            if variable.name not in values:
                continue
            widget, value = self.widgets[variable.name], values[variable.name]
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value))
            elif isinstance(widget, QComboBox):
                index = widget.findData(str(value))
                if index >= 0:
                    widget.setCurrentIndex(index)
            elif isinstance(widget, QDoubleSpinBox):
                widget.setValue(float(value))
            elif isinstance(widget, QDateEdit):
                widget.setDate(QDate.fromString(str(value), "yyyy-MM-dd"))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            else:
                widget.setText(str(value))
