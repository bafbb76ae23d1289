"""The Insights page: what Airlock produced in a period, how much of it people kept and the
time that saved (an estimate, and it says so), as tiles, charts and the tables under them;
a one-page PDF and a CSV for the monthly meeting.

Every figure comes from engine/insights/metrics.py, computed on a background thread over
its own database connection; this page only shows it.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from desktop.engine_text import engine_text
from desktop.insights_report import percent, write_pdf
from desktop.qt import (QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QCheckBox, QComboBox, QDate,
                        QDateEdit, QEvent, QFileDialog, QFrame, QGridLayout, QHBoxLayout, QHeaderView,
                        QHorizontalBarSeries, QLabel, QPainter, QPushButton, QStackedBarSeries, Qt,
                        QTableWidget, QTableWidgetItem, QTabWidget, QValueAxis, QVBoxLayout, QWidget)
from desktop.tasks import Task
from engine.files import atomic_write
from engine.insights import metrics, report_csv
from engine.insights.period import Period
from engine.trust import install as trust
from engine.workspace import Workspace

PRESETS = ("last_7", "last_28", "this_month", "last_month", "custom")


def preset_range(preset: str, today: date) -> tuple[date, date]:
    if preset == "last_7":
        return today - timedelta(days=6), today
    if preset == "this_month":
        return today.replace(day=1), today
    if preset == "last_month":
        end = today.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    return today - timedelta(days=27), today


class Tile(QFrame):
    """One KPI: a caption, a big number and the line that says what it counts."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("kpiTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.caption, self.value, self.detail = QLabel(), QLabel(), QLabel()
        font = self.value.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.value.setFont(font)
        self.detail.setWordWrap(True)
        for label in (self.caption, self.value, self.detail):
            layout.addWidget(label)

    def show_value(self, caption: str, value: str, detail: str) -> None:
        self.caption.setText(caption)
        self.value.setText(value)
        self.detail.setText(detail)


class ChartPanel(QWidget):
    """A chart with the same numbers in a table under it (readable, copyable, accessible)."""

    def __init__(self) -> None:
        super().__init__()
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(220)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.table, 2)

    def set_table(self, headers: list[str], rows: list[list[Any]]) -> None:
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(str(value))
                if isinstance(value, (int, float)):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)

    def set_bars(self, series: Any, categories: list[str], sets: list[tuple[str, list[float]]],
                 horizontal: bool = False) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        for name, values in sets:
            bar_set = QBarSet(name)
            bar_set.append([float(v) for v in values])
            series.append(bar_set)
        self.chart.addSeries(series)
        category_axis, value_axis = QBarCategoryAxis(), QValueAxis()
        category_axis.append(categories or [""])
        if not horizontal and len(categories) > 12:
            category_axis.setLabelsAngle(-90)
        if isinstance(series, QStackedBarSeries):  # the bars' height is the sum of their sets
            highest = max((sum(column) for column in zip(*(v for _, v in sets))), default=0)
        else:
            highest = max((max(v) for _, v in sets if v), default=0)
        value_axis.setRange(0, max(highest * 1.1, 1))
        value_axis.setLabelFormat("%.0f" if highest >= 10 else "%.1f")
        self.chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(category_axis)
        series.attachAxis(value_axis)


class InsightsPage(QWidget):
    def __init__(self, ws: Workspace):
        super().__init__()
        self.ws = ws
        self.result: dict[str, Any] | None = None
        self._task: Task | None = None

        self.preset = QComboBox()
        for key in PRESETS:
            self.preset.addItem("", key)
        self.preset.setCurrentIndex(PRESETS.index("last_28"))
        self.since, self.until = QDateEdit(), QDateEdit()
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.refresh_button = QPushButton()
        self.pdf_button, self.csv_button = QPushButton(), QPushButton()
        self.with_content = QCheckBox()
        self.status = QLabel()
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        self.period_label = QLabel()
        for widget in (self.period_label, self.preset, self.since, self.until, self.refresh_button):
            top.addWidget(widget)
        top.addStretch(1)
        for widget in (self.with_content, self.pdf_button, self.csv_button):
            top.addWidget(widget)

        self.tiles = [Tile() for _ in range(5)]
        tiles = QGridLayout()
        for i, tile in enumerate(self.tiles):
            tiles.addWidget(tile, 0, i)

        self.activity, self.acceptance, self.latency = ChartPanel(), ChartPanel(), ChartPanel()
        self.tabs = QTabWidget()
        for panel in (self.activity, self.acceptance, self.latency):
            self.tabs.addTab(panel, "")
        self.caveat = QLabel()
        self.caveat.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.caveat)
        layout.addWidget(self.status)

        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.refresh_button.clicked.connect(self.refresh)
        self.since.dateChanged.connect(self._dates_edited)
        self.until.dateChanged.connect(self._dates_edited)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self._setting_dates = False
        self._preset_changed()
        self.retranslate()

    # period --------------------------------------------------------------------------

    def _preset_changed(self) -> None:
        preset = self.preset.currentData()
        if preset == "custom":
            return
        start, end = preset_range(preset, date.today())
        self._setting_dates = True
        self.since.setDate(QDate(start.year, start.month, start.day))
        self.until.setDate(QDate(end.year, end.month, end.day))
        self._setting_dates = False

    def _dates_edited(self) -> None:
        if not self._setting_dates:
            self.preset.setCurrentIndex(PRESETS.index("custom"))

    def period(self) -> Period:
        return Period.build(self.since.date().toPython(), self.until.date().toPython())

    # computing -----------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.result is None:
            self.refresh()

    def refresh(self) -> None:
        """Compute the period's metrics on a background thread (its own connection)."""
        if self._task is not None and self._task.running:
            return
        try:
            period = self.period()
        except Exception as exc:  # BadInput: the dates are the wrong way round
            self.status.setText(engine_text(exc))
            return
        ws = self.ws

        def work(progress: Any, cancelled: Any) -> dict[str, Any]:
            with ws.connection() as connection:
                return metrics.compute(connection.db, period)

        self.status.setText(self.tr("Counting…"))
        self.refresh_button.setEnabled(False)
        self._task = Task(work, self)
        self._task.succeeded.connect(self.show_result)
        self._task.failed.connect(self.status.setText)
        self._task.finished.connect(lambda: self.refresh_button.setEnabled(True))
        self._task.start()

    def show_result(self, result: dict[str, Any]) -> None:
        self.result = result
        self.status.setText("")
        self._render()

    def _render(self) -> None:
        result = self.result
        if result is None:
            return
        kinds = result["generations_by_kind"]
        review = result["review"]
        saved = result["time_saved"]
        users = result["active_users"]
        median = review["median_review_seconds"]
        self.tiles[0].show_value(self.tr("Generations"), f"{result['generations']['total']:,}",
                                 self.tr("{text} text, {image} images").format(text=kinds.get("text", 0),
                                                                               image=kinds.get("image", 0)))
        acceptance = review["acceptance"]
        self.tiles[1].show_value(self.tr("Acceptance"),
                                 f"{acceptance['rate'] * 100:.0f}%" if acceptance["rate"] is not None else "—",
                                 self.tr("{kept} kept of {reviewed} reviewed").format(
                                     kept=acceptance["numerator"], reviewed=acceptance["denominator"]))
        self.tiles[2].show_value(self.tr("Review time"),
                                 self.tr("{s:.0f} s").format(s=median) if median is not None else "—",
                                 self.tr("median per row"))
        self.tiles[3].show_value(self.tr("Active users"), str(users["count"]),
                                 self.tr("in the 28 days to {day}").format(day=users["until"]))
        self.tiles[4].show_value(self.tr("Time saved (estimate)"), self.tr("{h:.1f} h").format(h=saved["hours"]),
                                 self.tr("about TWD {value:,} at {rate:,.0f}/h").format(
                                     value=saved["value_twd"], rate=saved["hourly_rate_twd"]))
        self.caveat.setText(self.tr("Time saved is an estimate: items kept × the manual minutes per template "
                                    "(editable with 'airlock insights baselines'), minus the measured review time. "
                                    "Airlock is not likely to be solely responsible for the time people save."))
        self._render_activity(result)
        self._render_acceptance(review)
        self._render_latency(result["latency_by_model"])

    def _render_activity(self, result: dict[str, Any]) -> None:
        weekly = len(result["generations"]["by_day"]) > 31
        entries = result["generations"]["by_week"] if weekly else result["generations"]["by_day"]
        key = "week" if weekly else "day"
        labels = [e[key][5:] for e in entries]
        self.activity.set_bars(QStackedBarSeries(), labels,
                               [(self.tr("Text"), [e.get("text", 0) for e in entries]),
                                (self.tr("Images"), [e.get("image", 0) for e in entries])])
        self.activity.chart.setTitle(self.tr("Generations per week") if weekly else self.tr("Generations per day"))
        self.activity.set_table([self.tr("Week of") if weekly else self.tr("Day"), self.tr("Text"), self.tr("Images")],
                                [[e[key], e.get("text", 0), e.get("image", 0)] for e in entries])

    def _render_acceptance(self, review: dict[str, Any]) -> None:
        templates = review["by_template"][:10]
        upward = templates[::-1]  # a horizontal chart draws its first category at the bottom
        self.acceptance.set_bars(QHorizontalBarSeries(), [t["template"] for t in upward],
                                 [(self.tr("Kept as generated"), [t["approved"] for t in upward]),
                                  (self.tr("Kept after edits"), [t["edited"] for t in upward]),
                                  (self.tr("Rejected"), [t["rejected"] for t in upward])], horizontal=True)
        self.acceptance.chart.setTitle(self.tr("Review decisions by template"))
        self.acceptance.set_table([self.tr("Template"), self.tr("Reviewed"), self.tr("Kept as generated"),
                                   self.tr("Kept after edits"), self.tr("Rejected"), self.tr("Acceptance")],
                                  [[t["template"], t["reviewed"], t["approved"], t["edited"], t["rejected"],
                                    percent(t["acceptance"])] for t in templates])

    def _render_latency(self, models: list[dict[str, Any]]) -> None:
        models = models[:8]
        self.latency.set_bars(QBarSeries(), [m["model"] for m in models],
                              [(self.tr("Median seconds"), [m["median_seconds"] or 0 for m in models]),
                               (self.tr("p95 seconds"), [m["p95_seconds"] or 0 for m in models])])
        self.latency.chart.setTitle(self.tr("Seconds per generation by model"))

        def speed(value: float | None) -> str:
            return f"{value:.1f}" if value is not None else "—"

        self.latency.set_table([self.tr("Model"), self.tr("Runs"), self.tr("Median seconds"), self.tr("p95 seconds"),
                                self.tr("Median tokens/s")],
                               [[m["model"], m["runs"], f"{m['median_seconds']:.2f}", f"{m['p95_seconds']:.2f}",
                                 speed(m["median_tokens_per_second"])] for m in models])

    # report --------------------------------------------------------------------------

    def export(self, kind: str, path: str | None = None) -> None:
        """Write the one-page PDF or the CSV of what is on screen (no prompts or outputs
        unless the box is ticked)."""
        if self.result is None:
            return
        p = self.result["period"]
        if path is None:
            suggested = f"airlock-insights-{p['since']}-{p['until']}.{kind}"
            filters = self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("CSV (*.csv)")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"), suggested, filters)
            if not path:
                return
        content = None
        rules = trust.export_rules(self.ws, asked=False)  # the PII mode "exports" masks the content
        if self.with_content.isChecked():
            content = report_csv.content_rows(self.ws.db, Period.build(p["since"], p["until"],
                                                                       offset_minutes=p["utc_offset_minutes"]),
                                              redact=rules)
        try:
            if kind == "pdf":
                write_pdf(Path(path), self.result, content)
            else:
                with atomic_write(path, replace=True, encoding="utf-8-sig", newline="") as handle:
                    handle.write(report_csv.to_text(self.result, content))
        except Exception as exc:  # BadInput / OSError: one sentence, the page stays usable
            self.status.setText(self.tr("The report was not saved: {error}").format(error=exc))
            return
        trust.exported(self.ws, "insights", path=str(path), count=len(content or []),
                       redacted=rules is not None and content is not None, fmt=kind)
        self.status.setText(self.tr("Saved {path}.").format(path=path))

    # language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.period_label.setText(self.tr("Period:"))
        names = {"last_7": self.tr("Last 7 days"), "last_28": self.tr("Last 28 days"),
                 "this_month": self.tr("This month"), "last_month": self.tr("Last month"),
                 "custom": self.tr("Custom")}
        for i, key in enumerate(PRESETS):
            self.preset.setItemText(i, names[key])
        self.refresh_button.setText(self.tr("Refresh"))
        self.pdf_button.setText(self.tr("Save PDF report…"))
        self.csv_button.setText(self.tr("Save CSV…"))
        self.with_content.setText(self.tr("Include prompts and outputs"))
        self.with_content.setToolTip(self.tr("Off: the report has counts only, no text anyone wrote."))
        for i, name in enumerate((self.tr("Activity"), self.tr("Acceptance by template"), self.tr("Speed by model"))):
            self.tabs.setTabText(i, name)
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
