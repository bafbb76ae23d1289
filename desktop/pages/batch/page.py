"""The Batch page: import a CRM export, run the job with progress, review every draft.

The job runs on a background thread with its own database connection (engine/batch/
runner.py), so the reviewer works through drafts while later rows are still being
generated. Review is keyboard-first: J/K move, A approves, E edits, R rejects (a reason
is asked for), G regenerates; the reviewer's name and the time go with every decision,
and an edit is shown as a diff against the original draft.
"""

from __future__ import annotations

import difflib
import getpass
import html
import threading
from typing import Any

from desktop.engine_text import engine_text
from desktop.pages.batch.importer import ImportDialog
from desktop.tasks import Task
from desktop.qt import (QAbstractItemView, QComboBox, QEvent, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                        QKeySequence, QLineEdit, QMessageBox, QObject, QPlainTextEdit, QProgressBar, QPushButton,
                        QShortcut, QSplitter, Qt, QTableWidget, QTableWidgetItem, QTextBrowser, QTimer,
                        QVBoxLayout, QWidget, Signal)
from desktop.widgets.page_header import add_page_header
from desktop.qt import QCheckBox  # the export's "Mask personal data"
from desktop.widgets.pii_preview import names_note
from engine.batch import export as exports, review
from engine.batch.plan import DRY_RUN_ROWS, create_job
from engine.batch.runner import BatchRunner
from engine.batch.store import ROW_STATUSES, BatchRow
from engine.errors import AirlockError, BadInput
from engine.workspace import Workspace


class RunBridge(QObject):
    """Carries the runner's progress and end from its thread to the UI thread."""

    progress = Signal(object)
    ended = Signal(object)
    failed = Signal(str)


def diff_html(before: str, after: str) -> str:
    """Character-level diff (works for Chinese, which has no spaces): removed struck through
    in red, added underlined in green."""
    out = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(html.escape(before[a1:a2]))
            continue
        if a2 > a1:
            out.append(f'<span style="color:#b3261e;text-decoration:line-through">{html.escape(before[a1:a2])}</span>')
        if b2 > b1:
            out.append(f'<span style="color:#1b7f3b;text-decoration:underline">{html.escape(after[b1:b2])}</span>')
    return "".join(out).replace("\n", "<br>")


def _text(value: Any) -> str:
    return "\n".join(str(v) for v in value) if isinstance(value, list) else ("" if value is None else str(value))


class BatchPage(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.store = ws.batches
        self.job_id: int | None = None
        self.runner: BatchRunner | None = None
        self.rows: list[BatchRow] = []
        self.editing = False
        self.requeued: set[int] = set()  # rows regenerated while a run was going: drafted by it or next
        self.regenerating: int | None = None  # the row the run going now drafts again (G)
        self.export_task: Task | None = None
        self.bridge = RunBridge(self)
        self.bridge.progress.connect(self._on_progress)
        self.bridge.ended.connect(self._on_ended)
        self.bridge.failed.connect(self._on_failed)
        self._build()
        self._shortcuts()
        self.retranslate()
        self.reload_jobs()

    # layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.title, self.hint = add_page_header(layout)
        bar = QHBoxLayout()
        self.jobs = QComboBox()
        self.jobs.setMinimumWidth(320)
        self.new_button = QPushButton()
        self.dry_button = QPushButton()
        self.run_button = QPushButton()
        self.pause_button = QPushButton()
        self.cancel_button = QPushButton()
        self.retry_button = QPushButton()
        self.export_button = QPushButton()
        self.mask_check = QCheckBox()  # masks the export; forced on by the PII mode "exports"
        for w in (self.jobs, self.new_button, self.dry_button, self.run_button, self.pause_button,
                  self.cancel_button, self.retry_button, self.export_button, self.mask_check):
            bar.addWidget(w)
        bar.addStretch()
        layout.addLayout(bar)
        status = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setMinimumWidth(260)
        self.run_status = QLabel()
        status.addWidget(self.progress)
        status.addWidget(self.run_status, 1)
        layout.addLayout(status)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.filter = QComboBox()
        filters.addWidget(self.filter, 1)
        self.bulk_button = QPushButton()
        filters.addWidget(self.bulk_button)
        left_layout.addLayout(filters)
        self.table = QTableWidget(0, 3)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        left_layout.addWidget(self.table)
        self.splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.source_title = QLabel()
        self.source = QTextBrowser()
        self.source.setMaximumHeight(150)
        self.draft_title = QLabel()
        self.fields_box = QVBoxLayout()
        self.field_editors: dict[str, QPlainTextEdit] = {}
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.flags.setObjectName("error")
        self.diff_title = QLabel()
        self.diff = QTextBrowser()
        self.diff.setMaximumHeight(120)
        self.earlier_title = QLabel()
        self.earlier_title.setObjectName("meta")
        self.earlier = QTextBrowser()
        self.earlier.setMaximumHeight(120)
        self.decision = QLabel()
        self.decision.setObjectName("meta")
        self.decision.setWordWrap(True)
        reviewer_row = QHBoxLayout()
        self.reviewer_label = QLabel()
        self.reviewer = QLineEdit(self._login())
        reviewer_row.addWidget(self.reviewer_label)
        reviewer_row.addWidget(self.reviewer, 1)
        self.reason = QLineEdit()
        buttons = QHBoxLayout()
        self.approve_button = QPushButton()
        self.edit_button = QPushButton()
        self.save_edit_button = QPushButton()
        self.reject_button = QPushButton()
        self.regenerate_button = QPushButton()
        for b in (self.approve_button, self.edit_button, self.save_edit_button, self.reject_button,
                  self.regenerate_button):
            buttons.addWidget(b)
        for w in (self.source_title, self.source, self.draft_title):
            right_layout.addWidget(w)
        right_layout.addLayout(self.fields_box, 1)
        for w in (self.flags, self.diff_title, self.diff, self.earlier_title, self.earlier, self.decision):
            right_layout.addWidget(w)
        right_layout.addLayout(reviewer_row)
        right_layout.addWidget(self.reason)
        right_layout.addLayout(buttons)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout.addWidget(self.splitter, 1)

        self.new_button.clicked.connect(self.new_batch)
        self.dry_button.clicked.connect(lambda: self.start(DRY_RUN_ROWS))
        self.run_button.clicked.connect(lambda: self.start(None))
        self.pause_button.clicked.connect(self.pause)
        self.cancel_button.clicked.connect(self.cancel)
        self.retry_button.clicked.connect(self.retry_failed)
        self.export_button.clicked.connect(self.export)
        self.jobs.currentIndexChanged.connect(self._job_chosen)
        self.filter.currentIndexChanged.connect(self.reload_rows)
        self.table.currentCellChanged.connect(lambda *_: self.show_row())
        self.bulk_button.clicked.connect(self.approve_selected)
        self.approve_button.clicked.connect(self.approve)
        self.edit_button.clicked.connect(self.start_edit)
        self.save_edit_button.clicked.connect(self.save_edit)
        self.reject_button.clicked.connect(self.reject)
        self.reason.returnPressed.connect(self.reject)
        self.regenerate_button.clicked.connect(self.regenerate)

    def _shortcuts(self) -> None:
        """J/K/A/E/R/G act on the review queue; they stay out of the way while typing."""
        self.keys: dict[str, QShortcut] = {}
        for key, action in (("J", lambda: self.move(1)), ("K", lambda: self.move(-1)), ("A", self.approve),
                            ("E", self.start_edit), ("R", self.reject), ("G", self.regenerate),
                            ("Ctrl+Return", self.save_edit)):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(action)
            self.keys[key] = shortcut
        save = QShortcut(QKeySequence("Ctrl+Return"), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save_edit)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Batch"))
        self.hint.setText(self.tr("One draft per row of a CRM export. Nothing is sent: a person approves each "
                                  "draft, then approved rows are exported. Keys: J/K move, A approve, E edit, "
                                  "R reject, G regenerate."))
        self.new_button.setText(self.tr("New batch…"))
        self.dry_button.setText(self.tr("Dry run ({n} rows)").format(n=DRY_RUN_ROWS))
        self.run_button.setText(self.tr("Run all"))
        self.pause_button.setText(self.tr("Pause"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.retry_button.setText(self.tr("Retry failed"))
        self.export_button.setText(self.tr("Export approved…"))
        self.mask_check.setText(self.tr("Mask personal data"))
        self.mask_check.setToolTip(names_note(self))
        self.bulk_button.setText(self.tr("Approve selected"))
        self.source_title.setText(self.tr("Source row"))
        self.draft_title.setText(self.tr("Draft"))
        self.diff_title.setText(self.tr("Changes by the reviewer"))
        self.reviewer_label.setText(self.tr("Reviewer"))
        self.reason.setPlaceholderText(self.tr("Reason for rejecting (R, then Enter)"))
        self.approve_button.setText(self.tr("Approve (A)"))
        self.edit_button.setText(self.tr("Edit (E)"))
        self.save_edit_button.setText(self.tr("Save edit (Ctrl+Enter)"))
        self.reject_button.setText(self.tr("Reject (R)"))
        self.regenerate_button.setText(self.tr("Regenerate (G)"))
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Status"), self.tr("Draft")])
        current = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(self.tr("All rows"), None)
        for status in ROW_STATUSES:
            self.filter.addItem(self.status_name(status), status)
        self.filter.setCurrentIndex(max(0, self.filter.findData(current)))
        self.filter.blockSignals(False)
        self._update_buttons()
        self.reload_rows()

    def status_name(self, status: str) -> str:
        return {"pending": self.tr("pending"), "running": self.tr("running"), "done": self.tr("to review"),
                "failed": self.tr("failed"), "approved": self.tr("approved"), "edited": self.tr("edited"),
                "rejected": self.tr("rejected")}.get(status, status)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @staticmethod
    def _login() -> str:
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return ""

    # jobs -----------------------------------------------------------------------------

    def reload_jobs(self, select: int | None = None) -> None:
        select = select if select is not None else self.job_id
        self.jobs.blockSignals(True)
        self.jobs.clear()
        for job in self.store.jobs():
            self.jobs.addItem(f"#{job['job_id']} {job['template']} ({job['rows']}) · {job['source']}", job["job_id"])
        index = self.jobs.findData(select) if select is not None else 0
        self.jobs.setCurrentIndex(max(index, 0) if self.jobs.count() else -1)
        self.jobs.blockSignals(False)
        self._job_chosen()

    def _job_chosen(self) -> None:
        self.job_id = self.jobs.currentData()
        if self.job_id is not None and self.runner is None:
            self.store.recover(self.job_id)  # rows a crashed run left go back to pending
        self._show_counts()
        self.reload_rows()
        self._update_buttons()

    def new_batch(self, path: str | None = None) -> ImportDialog:
        dialog = ImportDialog(self.ws, self, path=path)
        dialog.accepted.connect(lambda: self._create_from(dialog))
        dialog.open()
        return dialog

    def _create_from(self, dialog: ImportDialog) -> None:
        name, table, mapping = dialog.choice()
        try:
            job_id = create_job(self.ws, name, table, mapping=mapping)
        except AirlockError as exc:
            QMessageBox.warning(self, self.tr("Batch"), engine_text(exc))
            return
        self.reload_jobs(select=job_id)

    # running --------------------------------------------------------------------------

    def start(self, upto: int | None, only: list[int] | None = None) -> None:
        if self.job_id is None or self.runner is not None:
            return
        try:  # the runner's own connection (WAL), opened with the home's key
            runner = self.ws.batch_runner(self.job_id, on_progress=self.bridge.progress.emit, own_connection=True)
        except AirlockError as exc:
            self._on_failed(engine_text(exc))
            return
        self.runner = runner

        def work() -> None:
            try:
                self.bridge.ended.emit(runner.run(upto=upto, only=only))
            except AirlockError as exc:
                self.bridge.failed.emit(engine_text(exc))
            finally:
                runner.close()

        threading.Thread(target=work, name="airlock-batch", daemon=True).start()
        self.run_status.setText(self.tr("Starting…"))
        self._update_buttons()

    def pause(self) -> None:
        if self.runner:
            self.runner.pause()
            self.run_status.setText(self.tr("Pausing…"))

    def cancel(self) -> None:
        if self.runner:
            self.runner.cancel()
            self.run_status.setText(self.tr("Cancelling…"))

    def retry_failed(self) -> None:
        if self.job_id is not None and self.runner is None:
            self.store.retry_failed(self.job_id)
            self._show_counts()
            self.reload_rows()

    def _on_progress(self, p: Any) -> None:
        self.progress.setRange(0, max(p.total, 1))
        self.progress.setValue(p.finished + p.failed)
        rate = self.tr("{rate:.1f} rows/min").format(rate=p.rows_per_minute) if p.rows_per_minute else ""
        eta = self.tr("about {minutes:.0f} min left").format(minutes=p.eta_seconds / 60) if p.eta_seconds else ""
        self.run_status.setText(" · ".join(x for x in (
            self.tr("{done} of {total} rows done, {failed} failed").format(
                done=p.finished, total=p.total, failed=p.failed), rate, eta) if x))
        self.reload_rows()  # review goes on while later rows are generated

    def _on_ended(self, summary: Any) -> None:
        self.runner = None
        ended_well = summary.state in ("finished", "stopped") and self.job_id is not None
        again = sorted(n for n in self.requeued if ended_well and self.store.row(self.job_id, n).status == "pending")
        self.requeued.clear()
        if again and summary.job_id == self.job_id:  # regenerated after that run took its last row
            self.start(None, only=again)
            return
        states = {"finished": self.tr("Finished."), "paused": self.tr("Paused."),
                  "cancelled": self.tr("Cancelled."), "stopped": self.tr("Stopped; run again to go on.")}
        regenerated, self.regenerating = self.regenerating, None
        if regenerated is not None and summary.state in ("finished", "stopped"):
            self.run_status.setText(self.tr("Row {n} has a new draft.").format(n=regenerated) if summary.generated
                                    else self.tr("Row {n} could not be drafted again.").format(n=regenerated))
        else:
            self.run_status.setText(states.get(summary.state, summary.state))
        self._show_counts()
        self.reload_rows()
        self._update_buttons()

    def _on_failed(self, message: str) -> None:
        self.runner = None
        self.run_status.setText(message)
        self._update_buttons()

    def _show_counts(self) -> None:
        if self.job_id is None:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            return
        counts = self.store.counts(self.job_id)
        total = sum(counts.values())
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(total - counts["pending"] - counts["running"])

    def _update_buttons(self) -> None:
        running = self.runner is not None
        has_job = self.job_id is not None
        for b in (self.dry_button, self.run_button, self.retry_button):
            b.setEnabled(has_job and not running)
        self.pause_button.setEnabled(running)
        self.cancel_button.setEnabled(running)
        forced = "exports" in self.ws.trust.pii_mode()  # the user's or the policy's mode masks every export
        if forced:
            self.mask_check.setChecked(True)
        self.mask_check.setEnabled(has_job and not forced)
        self.export_button.setEnabled(has_job or self.export_task is not None)
        self.save_edit_button.setVisible(self.editing)
        self.edit_button.setVisible(not self.editing)

    # review queue ---------------------------------------------------------------------

    def reload_rows(self) -> None:
        current = self.current_row()
        keep = current.row_number if current else None
        self.rows = self.store.rows(self.job_id, statuses=[self.filter.currentData()] if self.filter.currentData()
                                    else None) if self.job_id is not None else []
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            fields = row.final_fields if row.status not in ("pending", "running") else {}
            preview = engine_text(row.error or "") if row.status == "failed" else " / ".join(
                _text(fields[n]) for n in (self.field_editors or fields) if n in fields)
            for c, value in enumerate((str(row.row_number), self.status_name(row.status),
                                       (preview or "").replace("\n", " ")[:120])):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row.row_number)
                self.table.setItem(i, c, item)
        self.table.blockSignals(False)
        if self.rows and not self.editing:
            index = next((i for i, r in enumerate(self.rows) if r.row_number == keep), 0)
            self.table.setCurrentCell(index, 0)
        self.show_row()

    def current_row(self) -> BatchRow | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def move(self, step: int) -> None:
        if self.rows and not self.editing:
            self.table.setCurrentCell(max(0, min(len(self.rows) - 1, self.table.currentRow() + step)), 0)

    def show_row(self) -> None:
        if self.editing:
            return
        row = self.current_row()
        self.source.setHtml("".join(f"<b>{html.escape(k)}</b>: {html.escape(v)}<br>" for k, v in row.input.items())
                            if row else "")
        job = self.store.find_job(self.job_id) if self.job_id is not None else None
        labels = {f.name: f.display_label for f in job.outputs} if job else {}
        self._ensure_editors(list(labels.items()) or [("text", "")])
        drafted = row is not None and row.status not in ("pending", "running", "failed")
        fields = row.final_fields if drafted else {}
        for name, editor in self.field_editors.items():
            editor.setPlainText(_text(fields.get(name, "")))
            editor.setReadOnly(True)
            editor.setEnabled(drafted)
        self.draft_title.setText(self.tr("Draft") if row is None or not row.error
                                 else self.tr("Draft: {error}").format(error=engine_text(row.error)))
        flags = (row.brand_voice_flags or []) if row else []
        self.flags.setText("; ".join(
            self.tr("Banned word: {phrase}").format(phrase=f["phrase"]) if f.get("kind") == "banned"
            else self.tr("Missing phrase: {phrase}").format(phrase=f["phrase"]) for f in flags))
        if row is not None and row.edited_fields is not None and row.output_fields is not None:
            self.diff.setHtml("<br><br>".join(
                f"<b>{html.escape(labels.get(k, k))}</b>: " + diff_html(_text(row.output_fields.get(k)),
                                                                      _text(row.edited_fields[k]))
                for k in (labels or row.edited_fields) if k in row.edited_fields))
        else:
            self.diff.setHtml("")
        self.diff.setVisible(bool(row and row.edited_fields))
        self.diff_title.setVisible(self.diff.isVisible())
        self._show_earlier(row, labels)
        if row is not None and row.reviewer:
            self.decision.setText(self.tr("{status} by {reviewer} at {time}").format(
                status=self.status_name(row.status), reviewer=row.reviewer, time=(row.decided_at or "")[:19].replace("T", " ") + " UTC")
                + (f" — {row.reason}" if row.reason else ""))
        else:
            self.decision.setText("")

    def _show_earlier(self, row: BatchRow | None, labels: dict[str, str]) -> None:
        """The draft a regenerated row had before (the latest one; how many there were)."""
        earlier = self.store.earlier_drafts(self.job_id, row.row_number) if row and self.job_id is not None else []
        shown = next((e for e in earlier if e["fields"] is not None or e["error"]), None)
        if shown is None:
            self.earlier.setHtml("")
        else:
            stored = shown["fields"] or {}
            fields = {**{k: stored[k] for k in labels if k in stored}, **stored}  # the template's order
            self.earlier.setHtml("<br>".join(
                f"<b>{html.escape(labels.get(k, k) or k)}</b>: {html.escape(_text(v))}".replace("\n", "<br>")
                for k, v in fields.items()) or html.escape(shown["error"] or ""))
            self.earlier_title.setText(self.tr("Earlier draft, replaced by {reviewer} at {time} ({n} in all)").format(
                reviewer=shown["reviewer"] or "?", time=(shown["at"] or "")[:19].replace("T", " ") + " UTC",
                n=len(earlier)))
        self.earlier.setVisible(shown is not None)
        self.earlier_title.setVisible(shown is not None)

    def _ensure_editors(self, fields: list[tuple[str, str]]) -> None:
        """One labelled editor per output field of the job, in the template's order."""
        if [name for name, _ in fields] == list(self.field_editors):
            return
        while self.fields_box.count():
            widget = self.fields_box.takeAt(0).widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.field_editors = {}
        for name, label in fields:
            title = QLabel(label)  # a plain draft (no output fields) needs no field title
            title.setObjectName("meta")
            editor = QPlainTextEdit()
            editor.setObjectName(f"field_{name}")
            editor.setReadOnly(True)
            self.fields_box.addWidget(title)
            self.fields_box.addWidget(editor, 1)
            title.setVisible(bool(label))
            editor.show()  # now, not at the layout's next pass, so E can focus it at once
            self.field_editors[name] = editor

    def _decide(self, rows: list[int], decision: str, **extra: Any) -> bool:
        if self.job_id is None or not rows:
            return False
        try:
            review.decide(self.ws, self.job_id, rows, decision, self.reviewer.text(), **extra)  # audited
        except BadInput as exc:
            self.run_status.setText(engine_text(exc))
            return False
        return True

    def _advance(self) -> None:
        """After a decision: the next row, or the list refreshed under the filter."""
        index = self.table.currentRow()
        self.reload_rows()
        if self.filter.currentData() is None and index + 1 < len(self.rows):
            self.table.setCurrentCell(index + 1, 0)
        self.table.setFocus()

    def approve(self) -> None:
        row = self.current_row()
        if row and self._decide([row.row_number], "approved"):
            self._advance()

    def approve_selected(self) -> None:
        numbers = sorted({self.rows[i.row()].row_number for i in self.table.selectionModel().selectedRows()})
        if self._decide(numbers, "approved"):
            self.run_status.setText(self.tr("Approved {n} rows.").format(n=len(numbers)))
            self.reload_rows()

    def reject(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if not self.reason.text().strip():
            self.reason.setFocus()
            self.run_status.setText(self.tr("Type the reason for rejecting, then press Enter."))
            return
        if self._decide([row.row_number], "rejected", reason=self.reason.text().strip()):
            self.reason.clear()
            self._advance()

    def start_edit(self) -> None:
        row = self.current_row()
        if row is None or row.status in ("pending", "running", "failed") or not self.field_editors:
            return
        self.editing = True
        for editor in self.field_editors.values():
            editor.setReadOnly(False)
        next(iter(self.field_editors.values())).setFocus()
        self._update_buttons()

    def save_edit(self) -> None:
        row = self.current_row()
        if not self.editing or row is None:
            return
        edited: dict[str, Any] = {}
        original = row.output_fields or {"text": row.output_text or ""}
        for name, editor in self.field_editors.items():
            text = editor.toPlainText()
            if isinstance(original.get(name), list):
                edited[name] = [line.removeprefix("- ").strip() for line in text.splitlines() if line.strip()]
            else:
                edited[name] = text
        self.editing = False
        if self._decide([row.row_number], "edited", edited_fields=edited):
            self.reload_rows()
            self.table.setFocus()
        self._update_buttons()

    def regenerate(self) -> None:
        """G: draft the row again now (a new seed; the draft it replaces stays shown as the
        earlier draft). A run already going drafts it next; otherwise a run of that row starts."""
        row = self.current_row()
        if row is None or self.job_id is None or self.editing:
            return
        try:
            review.regenerate(self.ws, self.job_id, row.row_number, self.reviewer.text())  # audited
        except BadInput as exc:
            self.run_status.setText(engine_text(exc))
            return
        self.reload_rows()
        if self.runner is not None:
            self.requeued.add(row.row_number)
            self.run_status.setText(self.tr("Row {n} is drafted again next.").format(n=row.row_number))
            return
        self.start(None, only=[row.row_number])
        if self.runner is not None:
            self.regenerating = row.row_number
            self.run_status.setText(self.tr("Drafting row {n} again…").format(n=row.row_number))

    # export ---------------------------------------------------------------------------

    def export(self, path: str | None = None, fmt: str | None = None) -> None:
        """Write the approved rows on a background thread, with progress; pressed again while
        it runs, the button cancels (the file is written whole or not at all)."""
        if self.export_task is not None:
            self.export_task.cancel()
            self.run_status.setText(self.tr("Cancelling the export…"))
            return
        if self.job_id is None:
            return
        if path is None:
            path, chosen = QFileDialog.getSaveFileName(
                self, self.tr("Export approved rows"), "",
                self.tr("CSV for Excel (*.csv);;Excel workbook (*.xlsx);;Mailbox (*.mbox)"))
            if not path:
                return
            fmt = "xlsx" if path.endswith(".xlsx") or "xlsx" in chosen else \
                "mbox" if path.endswith(".mbox") or "mbox" in chosen else "csv"
        job_id, fmt = self.job_id, fmt or "csv"
        try:
            rules = exports.redaction(self.ws, asked=self.mask_check.isChecked())  # read on the window's connection
        except AirlockError as exc:
            self.run_status.setText(engine_text(exc))
            return

        def work(progress: Any, cancelled: Any) -> Any:
            with self.ws.connection() as conn:  # a connection of the export's own thread
                return exports.export_job(conn.batches, job_id, path, fmt, replace=True, redact=rules,
                                          progress=progress, cancelled=cancelled)

        task = Task(work, self)
        task.progress.connect(lambda done, total: self.run_status.setText(
            self.tr("Exporting: {done} of {total} rows…").format(done=done, total=total)))
        task.succeeded.connect(lambda result: self._exported(job_id, result, rules is not None))
        task.failed.connect(self.run_status.setText)
        task.cancelled.connect(lambda: self.run_status.setText(self.tr("Export cancelled; nothing was written.")))
        task.finished.connect(self._export_ended)
        self.export_task = task
        self.export_button.setText(self.tr("Cancel export"))
        self.run_status.setText(self.tr("Exporting…"))
        QTimer.singleShot(0, task.start)  # from the event loop: a Cancel pressed at once stops it first

    def _exported(self, job_id: int, result: Any, redacted: bool) -> None:
        exports.record_export(self.ws, job_id, result, redacted=redacted)  # the audit entry, on this thread
        self.run_status.setText(self.tr("Wrote {n} approved rows to {path}.").format(n=result.written,
                                                                                   path=result.path))

    def _export_ended(self) -> None:
        self.export_task = None
        self.export_button.setText(self.tr("Export approved…"))
        self._update_buttons()
