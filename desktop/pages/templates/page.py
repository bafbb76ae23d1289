"""The Templates page: the template library (:mod:`.library`), the editor (:mod:`.editor`)
and the fill-in form with its live preview (:mod:`.form`), plus the brand-voice and SWIFT
tabs. The page owns the state that ties them together: which saved template is shown,
whether the editor has unsaved changes, and packs.

Use first, edit second: the page opens on the library and a roomy form with the preview
and Run; the editor appears only when asked for (Edit template, New, Duplicate).

Running a text template emits :attr:`TemplatesPage.send_to_chat` (for
``ChatPage.start_with``); an image template emits :attr:`TemplatesPage.send_to_images`.
Rendering happens only in the engine's sandbox (engine.prompts.render).
"""

from __future__ import annotations

import logging
from dataclasses import replace

from desktop.engine_text import engine_text
from desktop.pages.templates.editor import TemplateEditor
from desktop.pages.templates.form import TemplateRunPanel
from desktop.pages.templates.library import TemplateList
from desktop.qt import (QEvent, QFileDialog, QListWidgetItem, QMessageBox, QSplitter, Qt, QTabWidget,
                        QTimer, QVBoxLayout, QWidget, Signal)
from desktop.tasks import Task
from desktop.widgets.page_header import add_title
from desktop.widgets.brand_voice_editor import BrandVoiceEditor
from desktop.widgets.pack_dialogs import PackImportDialog, VersionsDialog
from desktop.widgets.swift_builder import SwiftBuilder
from engine.errors import BadInput
from engine.prompts.compose import ComposedPrompt, compose
from engine.prompts.packs import build_pack, import_pack, load_pack, preview, write_pack
from engine.prompts.templates import CATEGORIES, Template
from engine.prompts.variables import missing_required
from engine.trust.install import pack_imported
from engine.workspace import Workspace

log = logging.getLogger(__name__)


class TemplatesPage(QWidget):
    send_to_chat = Signal(str, str, object)  # prompt, system ("" for none), info for ChatPage.start_with
    send_to_images = Signal(str, str)  # prompt, negative prompt

    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws  # the workspace installed the default pack when it opened
        self.library = ws.templates
        self.voices = ws.voices
        self.frameworks = ws.frameworks
        self.current: Template | None = None  # the saved template being edited (None: a new one)
        self.dirty = False
        self.composed: ComposedPrompt | None = None
        self.task: Task | None = None
        self._build()
        self._connect()
        self.retranslate()
        self.reload()

    # construction --------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.title = add_title(layout)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        library_tab = QWidget()
        library_layout = QVBoxLayout(library_tab)
        library_layout.setContentsMargins(0, 4, 0, 0)
        self.browser = TemplateList()
        self.editor = TemplateEditor(self.frameworks)
        self.runner = TemplateRunPanel(self.ws.knowledge)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for panel in (self.browser, self.editor, self.runner):
            self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(2, 1)
        self.editing = False
        self.editor.setVisible(False)
        library_layout.addWidget(self.splitter)
        self.tabs.addTab(library_tab, "")

        self.voice_editor = BrandVoiceEditor(self.voices)
        self.tabs.addTab(self.voice_editor, "")
        self.swift = SwiftBuilder(self.ws)
        self.tabs.addTab(self.swift, "")

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(250)

    def _connect(self) -> None:
        b, e, r = self.browser, self.editor, self.runner
        b.search.textChanged.connect(lambda _t: self.reload_list())
        b.category_filter.currentIndexChanged.connect(lambda _i: self.reload_list())
        b.list.currentItemChanged.connect(self._template_selected)
        b.new_button.clicked.connect(self.new_template)
        b.duplicate_button.clicked.connect(self.duplicate_template)
        b.delete_button.clicked.connect(self.delete_template)
        b.import_button.clicked.connect(self.choose_and_import)
        b.export_selected_action.triggered.connect(lambda: self.choose_and_export(selected_only=True))
        b.export_all_action.triggered.connect(lambda: self.choose_and_export(selected_only=False))
        e.edited.connect(self._edited)
        e.kind_changed.connect(r.set_kind)
        e.save_button.clicked.connect(self.save)
        e.revert_button.clicked.connect(self.revert)
        e.history_button.clicked.connect(self.show_versions)
        r.form.changed.connect(self._preview_timer.start)
        r.snippets.changed.connect(self._preview_timer.start)
        self._preview_timer.timeout.connect(self.refresh_preview)
        r.run_button.clicked.connect(self.run)
        r.edit_button.toggled.connect(self.set_editing)
        self.voice_editor.voices_changed.connect(self._voices_changed)
        self.swift.send_to_chat.connect(self.send_to_chat)
        self.swift.template_saved.connect(self._swift_saved)
        self.tabs.currentChanged.connect(self._tab_changed)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Templates"))
        self.tabs.setTabText(0, self.tr("Library"))
        self.tabs.setTabText(1, self.tr("Brand voices"))
        self.tabs.setTabText(2, self.tr("SWIFT builder"))
        self.browser.retranslate()
        self.editor.retranslate()
        self.runner.retranslate()
        self.voice_editor.retranslate()
        self.swift.retranslate()
        self._fill_category_filter()
        self._fill_reference_combos()
        self.reload_list()  # the "(image)" mark in the new language
        self.runner.set_kind(self.editor.kind.currentData())
        self._update_version_label()
        self.browser.list_message.setVisible(False)  # a message belongs to the action that caused it
        if hasattr(self, "_shown"):
            self.refresh_preview()  # its messages in the new language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_editing(self, editing: bool) -> None:
        """Show or hide the editor beside the form (the form and preview stay)."""
        self.editing = editing
        self.editor.setVisible(editing)
        self.runner.edit_button.blockSignals(True)
        self.runner.edit_button.setChecked(editing)
        self.runner.edit_button.blockSignals(False)
        width = max(self.splitter.width(), 900)
        self.splitter.setSizes([220, (width - 220) // 2, (width - 220) // 2] if editing else
                               [240, 0, width - 240])

    def category_name(self, key: str) -> str:
        return self.browser.category_name(key)

    # the list ------------------------------------------------------------------------

    def reload(self) -> None:
        self._fill_category_filter()
        self._fill_reference_combos()
        self.reload_list()
        if self.current is None and self.browser.list.count() and not self.dirty:
            self.browser.list.setCurrentRow(0)

    def _fill_category_filter(self) -> None:
        used = self.library.categories()
        self.browser.fill_categories(used)
        self.editor.fill_categories(dict.fromkeys([*CATEGORIES, *used]), self.category_name)

    def _fill_reference_combos(self) -> None:
        self.editor.fill_reference_combos([v.name for v in self.voices.list()],
                                          [m.name for m in self.ws.registry.list()])

    def reload_list(self) -> None:
        templates = self.library.list(query=self.browser.search.text(),
                                      category=self.browser.category_filter.currentData())
        self.browser.show_templates(templates, self.current.name if self.current else None)

    def template_names(self) -> list[str]:
        """The names the list shows, in order (for tests and the main window)."""
        return self.browser.names()

    def select(self, name: str) -> bool:
        for i in range(self.browser.list.count()):
            if self.browser.list.item(i).data(Qt.ItemDataRole.UserRole) == name:
                if self.browser.list.currentRow() == i:
                    self._template_selected(self.browser.list.item(i), self.browser.list.item(i))
                else:
                    self.browser.list.setCurrentRow(i)
                return self.current is not None and self.current.name == name
        return False

    def _template_selected(self, item: QListWidgetItem | None, previous: QListWidgetItem | None = None) -> None:
        if item is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        if self.current is not None and name == self.current.name:
            return
        if not self.maybe_keep_changes():
            self.browser.list.blockSignals(True)
            self.browser.list.setCurrentItem(previous)
            self.browser.list.blockSignals(False)
            return
        template = self.library.find(name)
        if template is not None:
            self.browser.list_message.setVisible(False)  # a pack message belongs to the import
            self.show_template(template)

    def maybe_keep_changes(self) -> bool:
        """Ask what to do with unsaved edits; False means stay where we are."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save the changes to this template first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # the editor ----------------------------------------------------------------------

    def show_template(self, template: Template | None) -> None:
        """Load a template (None: an empty new one) into the editor."""
        self.current = template if template is not None and template.id is not None else None
        shown = self.current.name if self.current else None
        if shown is None or shown != getattr(self, "_shown", None):
            self.runner.snippets.clear()  # snippets picked for one template never follow to the next
        self._shown = shown
        self.editor.load(template)
        self.runner.show_template(template.name if template else "", template.description if template else "")
        self.runner.form.set_variables(template.variables if template is not None else ())  # never the last one's
        self.dirty = False
        self._update_version_label()
        has = self.current is not None
        self.browser.set_has_current(has)
        self.editor.history_button.setEnabled(has)
        self.editor.revert_button.setEnabled(False)
        self.refresh_preview()

    def _update_version_label(self) -> None:
        self.editor.show_version(self.current, self.dirty)

    def draft(self) -> Template:
        """The editor's content as a checked template; BadInput says what is wrong."""
        return self.editor.draft(self.current.version if self.current else 1)

    def _edited(self) -> None:
        self.dirty = True
        self.editor.revert_button.setEnabled(self.current is not None)
        self._update_version_label()
        self._preview_timer.start()

    def new_template(self) -> None:
        if not self.maybe_keep_changes():
            return
        self.browser.list.blockSignals(True)
        self.browser.list.setCurrentRow(-1)
        self.browser.list.blockSignals(False)
        self.browser.list_message.setVisible(False)  # a pack message belongs to its import
        self.show_template(None)
        self.set_editing(True)
        self.editor.name.setFocus()

    def duplicate_template(self) -> None:
        if self.current is None or not self.maybe_keep_changes():
            return
        base = self.current
        name = self.tr("{name} (copy)").format(name=base.name)
        n = 2
        while self.library.find(name) is not None:
            name = self.tr("{name} (copy {n})").format(name=base.name, n=n)
            n += 1
        copy = self.library.save(replace(base, name=name, id=None, version=1), note="duplicated", create=True)
        self.current = copy
        self.reload_list()
        self.select(copy.name)
        self.show_template(copy)
        self.set_editing(True)

    def delete_template(self) -> None:
        if self.current is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete template"), self.tr(
            "Delete the template '{name}' and all its versions? Packs you exported keep their copy.").format(
            name=self.current.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.library.delete(self.current.name)
        self.current = None
        self.dirty = False
        self.reload()
        if not self.browser.list.count():
            self.show_template(None)

    def save(self) -> bool:
        try:
            template = self.draft()
            if not self.editor.name.text().strip():
                raise BadInput(self.tr("Give the template a name."))
            saved = self.library.save(template, previous_name=self.current.name if self.current else None,
                                      create=self.current is None)
        except BadInput as exc:
            self.editor.editor_message.setText(engine_text(exc))
            return False
        self.editor.editor_message.clear()
        self.current = saved
        self.dirty = False
        self.editor.revert_button.setEnabled(False)
        self._fill_category_filter()
        self.reload_list()
        self.browser.set_has_current(True)
        self.editor.history_button.setEnabled(True)
        self._update_version_label()
        return True

    def revert(self) -> None:
        if self.current is not None:
            self.show_template(self.library.get(self.current.name))

    def show_versions(self) -> None:
        if self.current is None or not self.maybe_keep_changes():
            return
        dialog = VersionsDialog(self.library, self.current.name, self)
        dialog.exec()
        if dialog.restored_version is not None:
            self.show_template(self.library.get(self.current.name))

    # preview and run -----------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Render the editor's draft with the form's values, live; say what is missing."""
        self._preview_timer.stop()
        self.composed = None
        self.editor.highlight({d["name"] for d in self.editor.variable_definitions()})
        try:
            template = self.draft()
        except BadInput as exc:
            self.editor.editor_message.setText(engine_text(exc))
            self.runner.show_problem(engine_text(exc), None)  # no preview of a draft that does not check
            return
        self.editor.editor_message.clear()
        self.runner.form.set_variables(template.variables)
        values = self.runner.form.values()
        registered = [m.name for m in self.ws.registry.list()]
        snippets = self.runner.snippets
        try:
            self.composed = compose(self.ws.db, template, values, snippet_ids=snippets.picked_ids(),
                                    retrieval=snippets.retrieval(), registered_models=registered)
        except BadInput as exc:
            missing = missing_required(template.variables, values)
            message = (self.tr("Fill in the required fields: {labels}.").format(
                labels=self.tr(", ").join(v.display_label for v in missing)) if missing else engine_text(exc))
            placeholders = {v.name: f"[{v.display_label}]" for v in template.variables
                            if v.required and v.name not in values and v.type in ("short_text", "long_text")}
            try:  # still show the shape of the prompt, with the blanks marked
                sketch = compose(self.ws.db, template, {**values, **placeholders}, registered_models=registered)
                self.runner.show_problem(message, sketch.prompt)
            except BadInput:
                self.runner.show_problem(message, None)
            return
        self.runner.show_composed(self.composed, template.framework)

    def run(self) -> None:
        """Send the rendered prompt to Chat (text) or to Images (image prompts)."""
        self.refresh_preview()
        composed = self.composed
        if composed is None:
            return
        if composed.kind == "image":
            self.send_to_images.emit(composed.prompt, composed.negative)
            return
        annotations = dict(composed.annotations)
        if self.dirty:
            annotations["template"] = {**annotations["template"], "unsaved_changes": True}
        info = {"template": composed.template, "annotations": annotations, "model": composed.model,
                "params": dict(composed.params)}
        self.send_to_chat.emit(composed.prompt, composed.system or "", info)

    # packs ---------------------------------------------------------------------------

    def choose_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a template pack"), "",
                                              self.tr("Airlock packs (*.json *.zip);;All files (*)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Read and validate the pack off the UI thread, then show what importing would do."""
        if self.task is not None and self.task.running:
            return
        self.task = Task(lambda _progress, _cancelled: load_pack(path), self)
        self.task.succeeded.connect(self._pack_loaded)
        self.task.failed.connect(self.browser.show_message)
        self.browser.import_button.setEnabled(False)
        self.task.finished.connect(lambda: self.browser.import_button.setEnabled(True))
        self.task.start()

    def _pack_loaded(self, pack) -> None:
        try:
            items = preview(self.ws.db, pack)
        except BadInput as exc:
            self.browser.show_message(engine_text(exc))
            return
        dialog = PackImportDialog(pack, items, self)
        if not self.confirm_import(dialog):
            return
        try:
            result = import_pack(self.ws.db, pack, decisions=dialog.decisions())
        except BadInput as exc:
            self.browser.show_message(engine_text(exc))
            return
        pack_imported(self.ws, pack.name, result)  # the audit log (engine/trust/install.py)
        self.browser.show_message(self.tr("Imported '{name}': {added} added, {replaced} replaced, {copies} kept "
                                          "as copies, {skipped} skipped.").format(
            name=pack.name, added=len(result.added), replaced=len(result.replaced), copies=len(result.kept_both),
            skipped=len(result.skipped)), warning=False)
        self.voice_editor.reload()
        self.swift.reload_frameworks()
        self.reload()
        if self.current is not None:
            fresh = self.library.find(self.current.name)
            if fresh is not None and not self.dirty:
                self.show_template(fresh)

    def confirm_import(self, dialog: PackImportDialog) -> bool:
        """Show the import preview; tests replace this to choose for the user."""
        return dialog.exec() == PackImportDialog.DialogCode.Accepted

    def choose_and_export(self, *, selected_only: bool) -> None:
        if selected_only and self.current is None:
            return
        suggested = (self.current.name if selected_only else "airlock-templates") + ".json"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export a template pack"), suggested,
                                              self.tr("Pack (*.json);;Zipped pack with manifest (*.zip)"))
        if path:
            self.export_to(path, selected_only=selected_only)

    def export_to(self, path: str, *, selected_only: bool) -> None:
        try:
            pack = build_pack(self.ws.db, [self.current.name] if selected_only and self.current else None)
            written = write_pack(pack, path, replace=True)  # the save dialog asked before replacing
        except BadInput as exc:
            self.browser.show_message(engine_text(exc))
            return
        self.browser.show_message(self.tr("Exported {n} templates to {path}.").format(
            n=len(pack.templates), path=written), warning=False)

    # other tabs ----------------------------------------------------------------------

    def _voices_changed(self) -> None:
        self._fill_reference_combos()
        self.refresh_preview()

    def _swift_saved(self, name: str) -> None:
        self.reload()
        self.tabs.setCurrentIndex(0)
        if self.maybe_keep_changes():
            self.dirty = False
            self.select(name)

    def _tab_changed(self, index: int) -> None:
        if index == 2:
            self.swift.reload_knowledge()
            self.swift.reload_frameworks()

    def showEvent(self, event) -> None:
        """Collections and models may have changed on other pages."""
        self.runner.snippets.reload_collections()
        was_dirty = self.dirty
        self._fill_reference_combos()
        self.dirty = was_dirty
        super().showEvent(event)

    def shutdown(self) -> None:
        """Stop background reads (called by the main window when it closes)."""
        for task in (self.task, self.swift.task):
            if task is not None and task.running:
                task.cancel()
