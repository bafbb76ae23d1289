"""Importing CRM exports: every encoding Excel and CRMs write, and every hostile file."""

from __future__ import annotations

import datetime as dt
import os

import openpyxl
import pytest

from engine.batch import table as tables
from engine.batch.table import read_table
from engine.errors import BadInput

ROWS = [["客戶姓名", "email", "備註"], ["林怡君", "yijun@example.com", "冷泡烏龍茶包、企業禮盒"],
        ["陳志明", "chen@example.com", "除濕機保固"], ["王雅婷", "wang@example.com", "手沖咖啡組"]]
GB_ROWS = [["客户姓名", "email", "备注"], ["林怡君", "a@example.com", "冷泡乌龙茶包，企业礼盒，欢迎询问价格"],
           ["陈志明", "b@example.com", "除湿机保修即将到期，请联系我们"],
           ["王雅婷", "c@example.com", "手冲咖啡组，包装已经改小了"]]


def write_csv(path, rows, encoding, delimiter=","):
    text = "\r\n".join(delimiter.join(r) for r in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"),
    ("cp950", "cp950"), ("gb18030", "gb18030"),
])
def test_each_encoding_is_detected_and_read(tmp_path, encoding, expected):
    rows = GB_ROWS if encoding == "gb18030" else ROWS
    table = read_table(write_csv(tmp_path / "crm.csv", rows, encoding))
    assert table.encoding == expected
    assert table.columns == tuple(rows[0]) and table.rows[0] == tuple(rows[1]) and len(table.rows) == 3


def test_big5_text_from_excel_in_taiwan(tmp_path):
    """Longer Big5 text, as a real export has it, still comes back as CP950."""
    rows = [ROWS[0]] + [[f"客戶{i}", f"c{i}@example.com", "感謝您上個月購買除濕機，保固即將到期，歡迎預約保養。"] for i in range(30)]
    table = read_table(write_csv(tmp_path / "big5.csv", rows, "big5"))
    assert table.encoding == "cp950" and table.rows[29][2].startswith("感謝您")


def test_a_wrong_guess_can_be_overridden_in_the_preview(tmp_path):
    path = write_csv(tmp_path / "crm.csv", ROWS, "cp950")
    as_gb = read_table(path, encoding="gb18030")  # decodes, but to the wrong characters
    assert as_gb.columns != tuple(ROWS[0])
    assert read_table(path, encoding="cp950").columns == tuple(ROWS[0])
    with pytest.raises(BadInput, match="cannot be read as utf-8.*pick another encoding"):
        read_table(path, encoding="utf-8")


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_is_sniffed(tmp_path, delimiter):
    table = read_table(write_csv(tmp_path / "crm.csv", ROWS, "utf-8", delimiter))
    assert table.delimiter == delimiter and table.columns == tuple(ROWS[0])


def test_quoted_cells_with_delimiters_and_newlines(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('name,note\n"Wu, James","line one\nline two"\n', encoding="utf-8")
    table = read_table(path)
    assert table.rows == (("Wu, James", "line one\nline two"),)


def test_header_row_can_be_lower_and_short_rows_are_padded(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Customer export 2026-12\n\nname,email,note\nAda,ada@example.com\n", encoding="utf-8")
    table = read_table(path, header_row=2)
    assert table.columns == ("name", "email", "note") and table.rows == (("Ada", "ada@example.com", ""),)


@pytest.mark.parametrize("content, reason", [
    (b"", "is empty"),
    (b"name,email\r\n", "header row but no data rows"),
    (b"\r\n\r\n", "no header row"),
    (b"name,Name\r\nA,B\r\n", "column name 'Name' more than once"),
    (b"name,email\r\nA,a@example.com,extra,more\r\nB,b@example.com\r\nC,c,d\r\n", "rows 1, 3 have more cells"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 20, "not a text file"),
])
def test_hostile_files_are_refused_with_one_sentence(tmp_path, content, reason):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(BadInput, match=reason):
        read_table(path)


def test_a_one_megabyte_cell_is_refused(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("name,note\nAda," + "x" * 1_000_000 + "\n", encoding="utf-8")
    with pytest.raises(BadInput, match="longer than 32767 characters"):
        read_table(path)
    path.write_text('name,note\nAda,"' + "y" * 40_000 + '"\n', encoding="utf-8")
    with pytest.raises(BadInput, match=r"row 1 \(note\)"):
        read_table(path)


def test_limits_are_stated_and_enforced(tmp_path, monkeypatch):
    path = write_csv(tmp_path / "crm.csv", ROWS, "utf-8")
    monkeypatch.setattr(tables, "MAX_ROWS", 2)
    with pytest.raises(BadInput, match="more than 2 rows"):
        read_table(path)
    monkeypatch.setattr(tables, "MAX_FILE_BYTES", 10)
    with pytest.raises(BadInput, match="at most 0 MB"):
        read_table(path)


def test_xlsx_with_dates_numbers_and_a_chosen_sheet(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    sheet = book.create_sheet("Customers")
    for row in [["name", "visit", "amount"], ["Ada", dt.datetime(2026, 12, 24), 1200.0], ["Bo", None, 3.5]]:
        sheet.append(row)
    book.active.append(["ignored"])
    book.save(tmp_path / "crm.xlsx")
    table = read_table(tmp_path / "crm.xlsx", sheet="Customers")
    assert table.rows == (("Ada", "2026-12-24", "1200"), ("Bo", "", "3.5")) and table.sheet == "Customers"
    with pytest.raises(BadInput, match="no sheet 'Nope'"):
        read_table(tmp_path / "crm.xlsx", sheet="Nope")


def test_corrupt_and_password_protected_xlsx(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["name"])
    book.save(tmp_path / "ok.xlsx")
    data = (tmp_path / "ok.xlsx").read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    with pytest.raises(BadInput, match="damaged or not an Excel workbook"):
        read_table(tmp_path / "cut.xlsx")
    # Excel saves an encrypted workbook as an OLE2 compound file, whatever its extension.
    (tmp_path / "locked.xlsx").write_bytes(tables.OLE2_MAGIC + os.urandom(4096))
    with pytest.raises(BadInput, match="password-protected"):
        read_table(tmp_path / "locked.xlsx")
    (tmp_path / "text.xlsx").write_text("name\nAda\n")
    with pytest.raises(BadInput, match="Excel workbook"):
        read_table(tmp_path / "text.xlsx")
