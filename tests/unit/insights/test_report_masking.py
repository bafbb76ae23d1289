"""An Insights report with content is an export: the PII mode "exports" masks the prompts
and answers in it (CSV from the CLI, CSV or PDF from the page), and it is audited."""

from __future__ import annotations

import pytest

from engine.home import Home
from engine.insights import report_csv
from engine.insights.period import Period
from engine.workspace import Workspace

PROMPT = "Call Amy on 0912-345-678 or amy@corp.com.tw"


def test_content_rows_are_masked_when_asked(workspace):
    workspace.history.add({"kind": "text", "prompt": PROMPT, "output": "ID A123456789", "status": "done",
                           "params": {"template": {"name": "Follow-up"}}})
    period = Period.build("2000-01-01", "2100-01-01")
    assert report_csv.content_rows(workspace.db, period)[0][5] == PROMPT
    workspace.trust.set("pii_mode", ["exports"])
    from engine.trust.install import export_rules

    row = report_csv.content_rows(workspace.db, period, redact=export_rules(workspace, asked=False))[0]
    assert row[4] == "Follow-up" and row[5] == "Call Amy on [phone] or [email]" and row[6] == "ID [id]"


@pytest.mark.slow  # runs the real airlock CLI in processes of its own
def test_the_cli_report_with_content_follows_the_exports_mode_and_is_audited(cli, tmp_path):
    with Workspace(Home(cli.home).ensure()) as ws:
        ws.history.add({"kind": "text", "prompt": PROMPT, "output": "ok", "status": "done"})
        ws.trust.set("pii_mode", ["exports"])
    report = tmp_path / "report.csv"
    cli("insights", "--since", "2000-01-01", "--until", "2100-01-01", "--csv", str(report), "--with-content")
    text = report.read_text(encoding="utf-8-sig")
    assert "0912-345-678" not in text and "amy@corp.com.tw" not in text and "[phone]" in text
    with Workspace(Home(cli.home).ensure()) as ws:
        entry = ws.audit_log.entries(event="export.written")[0]["details"]
        assert entry["what"] == "insights" and entry["redacted"] is True and entry["records"] == 1
