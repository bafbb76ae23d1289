"""Exports of approved rows, read back with the csv module, openpyxl and the email package."""

from __future__ import annotations

import csv
import email
import email.policy
import mailbox

import openpyxl
import pytest

from engine.batch.export import export_job, neutralise
from engine.batch.store import BatchStore
from engine.errors import BadInput


@pytest.fixture
def reviewed(workspace, drafted_job):
    store = BatchStore(workspace.db)
    store.decide(drafted_job, [1, 3], "approved", "Mei")
    store.decide(drafted_job, [2], "edited", "Jun", edited_fields={"subject": "致 林怡君：感謝您", "body": "=1+1 改過"})
    store.decide(drafted_job, [4], "rejected", "Mei", reason="tone")
    return store, drafted_job


@pytest.mark.parametrize("value, safe", [("=SUM(A1)", "'=SUM(A1)"), ("+33", "'+33"), ("-x", "'-x"),
                                         ("@a", "'@a"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("ok=1", "ok=1"),
                                         ("", ""), (None, "")])
def test_neutralise(value, safe):
    assert neutralise(value) == safe


def test_csv_has_a_bom_only_approved_rows_and_no_live_formulas(tmp_path, reviewed):
    store, job_id = reviewed
    result = export_job(store, job_id, tmp_path / "out.csv")
    assert result.written == 3
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert [r["row"] for r in rows] == ["1", "2", "3"]  # row 4 was rejected
    assert rows[0]["product"] == "'=SUM(A1:A9)" and rows[0]["body"] == "'-=SUM(A1:A9) for you"
    assert rows[1]["subject"] == "致 林怡君：感謝您" and rows[1]["body"] == "'=1+1 改過"  # the edit, not the draft
    assert rows[1]["reviewer"] == "Jun" and rows[2]["product"] == "'+33 kettle"
    with pytest.raises(BadInput, match="already exists"):
        export_job(store, job_id, tmp_path / "out.csv")
    assert export_job(store, job_id, tmp_path / "out.csv", replace=True).written == 3


def test_xlsx_cells_are_text_not_formulas(tmp_path, reviewed):
    store, job_id = reviewed
    export_job(store, job_id, tmp_path / "out.xlsx", "xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    values = list(sheet.values)
    assert values[0][:4] == ("row", "Customer", "email", "product") and len(values) == 4
    cell = sheet.cell(row=2, column=4)
    assert cell.value == "'=SUM(A1:A9)" and cell.data_type == "s"


def test_eml_files_parse_back_with_encoded_headers(tmp_path, reviewed):
    store, job_id = reviewed
    result = export_job(store, job_id, tmp_path / "mails", "eml", sender="Sales <sales@example.com>")
    assert result.written == 2 and result.skipped == 1  # row 3 has no address
    files = sorted((tmp_path / "mails").iterdir())
    assert [f.name for f in files] == ["row-00001.eml", "row-00002.eml"]
    raw = files[1].read_bytes()
    assert b"=?utf-8?" in raw.split(b"\r\n\r\n", 1)[0]  # the Chinese subject is an RFC 2047 word
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["To"] == "lin@example.com" and msg["Subject"] == "致 林怡君：感謝您"
    assert msg["From"] == "Sales <sales@example.com>" and msg["X-Unsent"] == "1"
    assert msg.get_content().strip() == "=1+1 改過" and msg["Message-ID"].endswith("@airlock.invalid>")


def test_mbox_holds_every_approved_mail(tmp_path, reviewed):
    store, job_id = reviewed
    assert export_job(store, job_id, tmp_path / "out.mbox", "mbox").written == 2
    box = mailbox.mbox(tmp_path / "out.mbox")
    assert sorted(m["To"] for m in box) == ["ada@example.com", "lin@example.com"]
    box.close()


def test_nothing_approved_means_no_file(tmp_path, workspace, drafted_job):
    with pytest.raises(BadInput, match="no approved rows"):
        export_job(BatchStore(workspace.db), drafted_job, tmp_path / "out.csv")
    assert not (tmp_path / "out.csv").exists()
