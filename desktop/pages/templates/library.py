"""The template library list: search, category filter, the templates, and the buttons that
create, copy, delete, import and export them.

The panel only shows and asks; :class:`~desktop.pages.templates.page.TemplatesPage`
decides what a click does (it owns the engine objects and the unsaved-changes question).
"""

from __future__ import annotations

from desktop.qt import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMenu,
                        QPushButton, Qt, QToolButton, QVBoxLayout, QWidget)
from desktop.engine_text import engine_text
from engine.prompts.templates import CATEGORIES, Template


class TemplateList(QWidget):
    """Search box, category filter and the list of templates (by name)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.category_filter = QComboBox()
        layout.addWidget(self.category_filter)
        self.list = QListWidget()
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton()
        self.duplicate_button = QPushButton()
        self.delete_button = QPushButton()
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            row.addWidget(button)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.import_button = QPushButton()
        self.export_button = QToolButton()
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self)
        self.export_selected_action = self.export_menu.addAction("")
        self.export_all_action = self.export_menu.addAction("")
        self.export_button.setMenu(self.export_menu)
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        self.list_message = QLabel()
        self.list_message.setWordWrap(True)
        self.list_message.setVisible(False)
        layout.addWidget(self.list_message)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search templates (Chinese or English)…"))
        self.new_button.setText(self.tr("New"))
        self.duplicate_button.setText(self.tr("Duplicate"))
        self.delete_button.setText(self.tr("Delete…"))
        self.import_button.setText(self.tr("Import pack…"))
        self.export_button.setText(self.tr("Export pack"))
        self.export_selected_action.setText(self.tr("This template (with its brand voice and framework)…"))
        self.export_all_action.setText(self.tr("Everything: all templates, voices and frameworks…"))

    def category_name(self, key: str) -> str:
        """A category key (``customer_service``) as the user reads it."""
        names = {"social_post": self.tr("Social post"), "edm": self.tr("EDM / e-mail"),
                 "product_copy": self.tr("Product copy"), "press_release": self.tr("Press release"),
                 "customer_service": self.tr("Customer service"), "job_post": self.tr("Job post"),
                 "image_prompt": self.tr("Image prompt"), "other": self.tr("Other")}
        return names.get(key, key)

    def fill_categories(self, used: list[str]) -> None:
        """The filter: all categories, the built-in ones and those templates use."""
        current = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("All categories"), None)
        for key in dict.fromkeys([*CATEGORIES, *used]):
            self.category_filter.addItem(self.category_name(key), key)
        self.category_filter.setCurrentIndex(max(self.category_filter.findData(current), 0))
        self.category_filter.blockSignals(False)

    def show_templates(self, templates: list[Template], selected: str | None) -> None:
        """Fill the list (signals blocked), keeping ``selected`` current."""
        self.list.blockSignals(True)
        self.list.clear()
        for template in templates:
            suffix = self.tr("  (image)") if template.kind == "image" else ""
            item = QListWidgetItem(template.name + suffix)
            item.setData(Qt.ItemDataRole.UserRole, template.name)
            item.setToolTip(f"{self.category_name(template.category)} · {template.language}\n{template.description}")
            self.list.addItem(item)
            if template.name == selected:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def names(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def set_has_current(self, has: bool) -> None:
        self.delete_button.setEnabled(has)
        self.duplicate_button.setEnabled(has)

    def show_message(self, text: str, warning: bool = True) -> None:
        self.list_message.setObjectName("warning" if warning else "meta")
        self.list_message.setText(engine_text(text))
        self.list_message.setVisible(True)
        self.list_message.style().unpolish(self.list_message)
        self.list_message.style().polish(self.list_message)
