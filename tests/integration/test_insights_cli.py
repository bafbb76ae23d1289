"""``airlock insights`` end to end through the installed command (no model needed)."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timezone

from engine.store.db import open_db
from tests.conftest import assert_one_line_error
from tests.helpers.insights_seed import add_generation, add_job, add_row


def seed(home) -> None:
    home.mkdir(parents=True, exist_ok=True)
    db = open_db(home / "airlock.db")
    moment = datetime(2026, 11, 3, 2, tzinfo=timezone.utc)
    add_generation(db, at=moment, template="Instagram caption", prompt="PRIVATE PROMPT")
    add_generation(db, at=moment, kind="image", model="sd", output_path="/x.png")
    job = add_job(db, "Instagram caption", at=moment)
    add_row(db, job, 1, status="approved", decided=moment)
    add_row(db, job, 2, status="edited", decided=moment, edited="changed")
    db.conn.close()


def test_json_summary_csv_and_errors(cli, tmp_path):
    seed(cli.home)
    result = json.loads(cli("insights", "--since", "2026-11-01", "--until", "2026-11-30", "--json").stdout)
    assert result["generations_by_kind"] == {"text": 1, "image": 1}
    assert result["review"]["acceptance"] == {"numerator": 2, "denominator": 2, "rate": 1.0}
    assert result["time_saved_minutes"] > 0
    report = tmp_path / "report.csv"
    text = cli("insights", "--since", "2026-11-01", "--until", "2026-11-30", "--csv", str(report)).stdout
    assert "acceptance" in text and "estimate" in text
    with report.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert ["review", "acceptance", "rate", "1.0", "2", "2"] in rows
    assert "PRIVATE PROMPT" not in report.read_text(encoding="utf-8-sig")
    cli("insights", "--since", "2026-11-01", "--until", "2026-11-30", "--csv", str(report), "--with-content",
        "--force")  # the same file again: replacing it is asked for
    assert "PRIVATE PROMPT" in report.read_text(encoding="utf-8-sig")
    assert_one_line_error(cli("insights", "--since", "yesterday", check_exit=2), "YYYY-MM-DD")
    assert_one_line_error(cli("insights", "--with-content", check_exit=2), "--csv")


def test_export_merge_and_refusal(cli, tmp_path):
    seed(cli.home)
    out = tmp_path / "ws1.json"
    info = json.loads(cli("insights", "export", "--since", "2026-11-01", "--until", "2026-11-30",
                          "--out", str(out), "--json").stdout)
    assert info["key"] == cli("insights", "key").stdout.strip()
    team = json.loads(cli("insights", "merge", str(out), "--json").stdout)
    assert team["generations_by_kind"] == {"text": 1, "image": 1}
    assert_one_line_error(cli("insights", "merge", str(out), str(out), check_exit=2), "same export")
    tampered = tmp_path / "bad.json"
    tampered.write_text(out.read_text(encoding="utf-8-sig").replace('"image": 1', '"image": 9'), encoding="utf-8")
    assert_one_line_error(cli("insights", "merge", str(tampered), check_exit=2), "changed after it was signed")
    baselines = json.loads(cli("insights", "baselines", "--category", "social_post=25", "--rate", "500",
                               "--json").stdout)
    assert baselines["minutes_by_category"]["social_post"] == 25 and baselines["hourly_rate_twd"] == 500
    assert_one_line_error(cli("insights", "baselines", "--category", "oops", check_exit=2), "NAME=MINUTES")
