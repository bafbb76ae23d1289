"""The History page's detail pane: one generation, in the person's language and local time,
its text as written; and what to do when nothing is picked."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from desktop.engine_text import engine_text
from desktop.qt import QEvent, QTextBrowser, QUrl, QWidget
from engine.localtime import local_text


def _text(value: str) -> str:
    return escape(value or "").replace("\n", "<br>")


class HistoryDetail(QTextBrowser):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.record: dict[str, Any] | None = None
        self.show_record(None)

    def status_text(self, status: str) -> str:
        return {"running": self.tr("running"), "done": self.tr("done"), "stopped": self.tr("stopped"),
                "failed": self.tr("failed"), "interrupted": self.tr("interrupted")}.get(status, status)

    def show_record(self, record: dict[str, Any] | None) -> None:
        """Show ``record`` (None: say how to pick one)."""
        self.record = record
        if record is None:
            self.setHtml("<p style='color: gray'>" + _text(self.tr(
                "Pick a generation in the list to see its prompt, answer and settings here. Double-click a chat "
                "turn, or use Open in chat, to continue that conversation.")) + "</p>")
            return
        params = record.get("params") or {}
        kind = self.tr("Image") if record.get("kind") == "image" else self.tr("Text")
        head = f"#{record['id']} · {local_text(record.get('created_at'))} · {record.get('model') or '?'} · {kind}"
        facts = [self.tr("Status: {status}").format(status=self.status_text(record.get("status", ""))),
                 self.tr("seed {seed}").format(seed=record.get("seed"))]
        sections: list[tuple[str, str]] = []
        if record.get("kind") == "image":
            facts += [self.tr("{steps} steps").format(steps=params.get("steps")),
                      self.tr("guidance {g}").format(g=params.get("guidance")),
                      str(params.get("scheduler") or ""), f"{record.get('width')} × {record.get('height')}"]
            sections.append((self.tr("Prompt"), record.get("prompt", "")))
            if params.get("negative"):
                sections.append((self.tr("Negative prompt"), params["negative"]))
        else:
            facts += [self.tr("temperature {t}").format(t=params.get("temperature")),
                      self.tr("{n} tokens in, {m} out").format(n=record.get("prompt_tokens"),
                                                               m=record.get("completion_tokens"))]
            if record.get("system"):
                sections.append((self.tr("System instructions"), record["system"]))
            sections += [(self.tr("Prompt"), record.get("prompt", "")), (self.tr("Answer"), record.get("output") or "")]
        html = [f"<h3>{escape(head)}</h3>", f"<p style='color: gray'>{escape(' · '.join(f for f in facts if f))}</p>"]
        for title, body in sections:
            html.append(f"<p><b>{escape(title)}</b><br>{_text(body)}</p>")
        if record.get("output_path") and Path(record["output_path"]).is_file():
            url = QUrl.fromLocalFile(record["output_path"]).toString()
            html.append(f"<p><img src='{escape(url)}' width='256'></p>")
        if record.get("error"):
            html.append(f"<p style='color: #c0392b'>{_text(engine_text(record['error']))}</p>")
        self.setHtml("".join(html))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_record(self.record)
        super().changeEvent(event)
