"""The monthly-meeting report: one A4 page of PDF (QTextDocument printed by QPdfWriter)
with the period's figures, and the CSV beside it. Prompts and outputs appear only when the
person ticks the box, and then only the first few, shortened, so the page stays one page."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from desktop.qt import (QBuffer, QCoreApplication, QIODevice, QMarginsF, QPageLayout, QPageSize, QPdfWriter, QSizeF,
                        QTextDocument)
from engine.files import atomic_write

CONTENT_ROWS = 4
CONTENT_CHARS = 100


def percent(r: dict[str, Any]) -> str:
    if r["rate"] is None:
        return QCoreApplication.translate("InsightsReport", "— (0 of 0)")
    return QCoreApplication.translate("InsightsReport", "{pct:.1f}% ({n} of {d})").format(pct=r["rate"] * 100, n=r["numerator"], d=r["denominator"])


def _table(headers: list[str], rows: list[list[Any]], raw_first: bool = False) -> str:
    """An HTML table; ``raw_first``: the even cells are already HTML (bold labels)."""
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in headers)

    def cell(i: int, c: Any) -> str:
        return str(c) if raw_first and i % 2 == 0 else html.escape(str(c))

    body = "".join("<tr>" + "".join(f"<td>{cell(i, c)}</td>" for i, c in enumerate(row)) + "</tr>" for row in rows)
    return (f"<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
            f"<tr style='background:#eef'>{head}</tr>{body}</table>")


def _pairs(items: list[tuple[str, Any]]) -> str:
    """Figures two to a row, so the key numbers take a third of the page."""
    rows = []
    for i in range(0, len(items), 2):
        row = []
        for label, value in items[i:i + 2]:
            row += [f"<b>{html.escape(label)}</b>", value]
        rows.append(row)
    return _table([QCoreApplication.translate("InsightsReport", "Figure"), QCoreApplication.translate("InsightsReport", "Value"), QCoreApplication.translate("InsightsReport", "Figure"), QCoreApplication.translate("InsightsReport", "Value")], rows, raw_first=True)


def report_html(insights: dict[str, Any], content: list[tuple[Any, ...]] | None = None,
                font_points: int = 9) -> str:
    p = insights["period"]
    kinds = insights["generations_by_kind"]
    review = insights["review"]
    saved = insights["time_saved"]
    users = insights["active_users"]
    out = insights["output"]
    median_review = review["median_review_seconds"]
    parts = [
        f"<h2>{html.escape(QCoreApplication.translate('InsightsReport', 'Airlock insights'))}: {p['since']} – {p['until']}</h2>",
        _pairs([
            (QCoreApplication.translate("InsightsReport", "Text generations"), kinds.get("text", 0)),
            (QCoreApplication.translate("InsightsReport", "Images generated"), out["images"]),
            (QCoreApplication.translate("InsightsReport", "Tokens written"), out["completion_tokens"]),
            (QCoreApplication.translate("InsightsReport", "Rows reviewed"), review["reviewed"]),
            (QCoreApplication.translate("InsightsReport", "Acceptance (kept / reviewed)"), percent(review["acceptance"])),
            (QCoreApplication.translate("InsightsReport", "Kept as generated"), percent(review["accepted_as_is"])),
            (QCoreApplication.translate("InsightsReport", "Kept after edits"), percent(review["accepted_after_edits"])),
            (QCoreApplication.translate("InsightsReport", "Median review time per row"),
             QCoreApplication.translate("InsightsReport", "{s:.0f} s").format(s=median_review) if median_review is not None else "—"),
            (QCoreApplication.translate("InsightsReport", "Active users (28 days)"), users["count"]),
            (QCoreApplication.translate("InsightsReport", "Estimated time saved"), QCoreApplication.translate("InsightsReport", "{h:.1f} hours, about TWD {v:,}").format(h=saved["hours"],
                                                                                 v=saved["value_twd"])),
        ]),
        "<p><i>" + html.escape(QCoreApplication.translate(
            "InsightsReport", "An estimate: items kept × the manual minutes per template, minus the measured "
            "review time. The baselines are assumptions an admin can edit; Airlock is not likely to be solely "
            "responsible for the time people save.")) + "</i></p>",
    ]
    templates = review["by_template"][:6]
    if templates:
        parts.append(f"<h3>{html.escape(QCoreApplication.translate('InsightsReport', 'Acceptance by template'))}</h3>")
        parts.append(_table([QCoreApplication.translate("InsightsReport", "Template"), QCoreApplication.translate("InsightsReport", "Reviewed"), QCoreApplication.translate("InsightsReport", "Acceptance")],
                            [[t["template"], t["reviewed"], percent(t["acceptance"])] for t in templates]))
    models = insights["latency_by_model"][:5]
    if models:
        parts.append(f"<h3>{html.escape(QCoreApplication.translate('InsightsReport', 'Speed by model'))}</h3>")
        parts.append(_table([QCoreApplication.translate("InsightsReport", "Model"), QCoreApplication.translate("InsightsReport", "Runs"), QCoreApplication.translate("InsightsReport", "Median s"), QCoreApplication.translate("InsightsReport", "p95 s"), QCoreApplication.translate("InsightsReport", "Median tokens/s")],
                            [[m["model"], m["runs"], f"{m['median_seconds']:.2f}", f"{m['p95_seconds']:.2f}",
                              f"{m['median_tokens_per_second']:.1f}" if m["median_tokens_per_second"] else "—"]
                             for m in models]))
    if content:
        parts.append(f"<h3>{html.escape(QCoreApplication.translate('InsightsReport', 'Examples (prompts and outputs)'))}</h3>")
        rows = []
        for _, created, _, model, template, prompt, output in content[:CONTENT_ROWS]:
            rows.append([created[:10], template or model or "", _short(prompt), _short(output)])
        parts.append(_table([QCoreApplication.translate("InsightsReport", "Date"), QCoreApplication.translate("InsightsReport", "Template or model"), QCoreApplication.translate("InsightsReport", "Prompt"), QCoreApplication.translate("InsightsReport", "Output")], rows))
    return f"<html><body style='font-size:{font_points}pt'>" + "".join(parts) + "</body></html>"


def _short(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= CONTENT_CHARS else text[:CONTENT_CHARS - 1] + "…"


def pdf_bytes(insights: dict[str, Any], content: list[tuple[Any, ...]] | None = None) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(QCoreApplication.translate("InsightsReport", "Airlock insights"))
    writer.setCreator("Airlock")
    document = QTextDocument()
    # A4 less the margins, in points: shrink the type until everything fits one page.
    document.setPageSize(QSizeF(595 - 2 * 42.5, 842 - 2 * 42.5))
    for size in (9, 8, 7, 6):
        document.setHtml(report_html(insights, content, size))
        if document.pageCount() <= 1:
            break
    document.print_(writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(buffer.data())


def write_pdf(path: Path, insights: dict[str, Any], content: list[tuple[Any, ...]] | None = None) -> None:
    data = pdf_bytes(insights, content)
    with atomic_write(path, replace=True, binary=True) as handle:
        handle.write(data)
