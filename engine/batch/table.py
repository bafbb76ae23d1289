"""Reading a CRM export (CSV or XLSX) into a table of text cells, with stated limits.

CSV files arrive in whatever encoding the exporting tool used: UTF-8 (with or without
the BOM Excel adds), UTF-16 (Excel's "Unicode text"), Big5/CP950 (what Excel in Taiwan
writes by default) or GB18030. The encoding is detected with charset-normalizer, the
delimiter sniffed with the csv module, and the person sees a preview decoded with the
detected encoding and can pick another (:data:`ENCODINGS`). XLSX is read with
openpyxl in read-only mode. Every refusal is one sentence that says what to do, and it
happens before a job exists, so a refused file creates nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from engine.errors import BadInput

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
PREVIEW_ROWS = 20
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp950", "big5", "gb18030", "cp1252")
"""Encodings a person can pick in the preview (what CRM and Excel exports use)."""
DELIMITERS = ",;\t|"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx and old .xls files


@dataclass(frozen=True)
class Table:
    """A header row and data rows of text cells (every row as long as the header)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    source_name: str
    encoding: str | None = None  # CSV only: how the bytes were decoded
    delimiter: str | None = None  # CSV only
    sheet: str | None = None  # XLSX only

    def records(self) -> list[dict[str, str]]:
        return [dict(zip(self.columns, row)) for row in self.rows]

    def preview(self, count: int = PREVIEW_ROWS) -> list[dict[str, str]]:
        return self.records()[:count]


def read_table(path: Path | str, *, encoding: str | None = None, sheet: str | None = None,
               header_row: int = 1) -> Table:
    """Read ``path`` (.csv/.txt/.tsv or .xlsx); ``encoding`` overrides the detected one.

    ``header_row`` is the 1-based line (or sheet row) holding the column names; rows
    above it are skipped (titles some exports put first).
    """
    path = Path(path)
    if not path.is_file():
        raise BadInput(f"There is no file {path}.")
    size = path.stat().st_size
    if size == 0:
        raise BadInput(f"{path.name} is empty; export the data again with a header row and at least one row.")
    if size > MAX_FILE_BYTES:
        raise BadInput(f"{path.name} is {size / 1e6:.0f} MB; a batch file may be at most "
                       f"{MAX_FILE_BYTES // (1024 * 1024)} MB. Split it into smaller files.")
    if header_row < 1:
        raise BadInput("The header row number starts at 1.")
    data = path.read_bytes()
    if path.suffix.lower() in (".xlsx", ".xlsm") or data[:4] == b"PK\x03\x04" or data[:8] == OLE2_MAGIC:
        cells = _xlsx_cells(path, data, sheet)
        return _to_table(cells, path.name, header_row, sheet=sheet or "")
    text, used = decode(data, encoding, name=path.name)
    delimiter = sniff_delimiter(text)
    cells = _csv_cells(text, delimiter, path.name)
    return _to_table(cells, path.name, header_row, encoding=used, delimiter=delimiter)


def detect_encoding(data: bytes) -> str | None:
    """The most likely encoding of ``data`` as a Python codec name, or None for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    name = best.encoding.lower().replace("-", "_")
    # Big5 files from Taiwan use Microsoft's extensions (cp950 is the superset);
    # GB2312/GBK text is read by its superset GB18030.
    return {"big5": "cp950", "big5hkscs": "cp950", "gb2312": "gb18030", "gbk": "gb18030",
            "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}.get(name, name)


def decode(data: bytes, encoding: str | None = None, *, name: str = "The file") -> tuple[str, str]:
    """(text, encoding used). Refuses binary data and bytes the chosen encoding cannot read."""
    chosen = encoding or detect_encoding(data)
    if chosen is None or (b"\x00" in data[:4096] and not chosen.startswith("utf-16") and not encoding):
        raise BadInput(f"{name} is not a text file (it looks binary); export it from the CRM as CSV or XLSX.")
    try:
        text = data.decode(chosen)
    except LookupError:
        raise BadInput(f"Unknown encoding '{chosen}' (choose one of {', '.join(ENCODINGS)}).") from None
    except UnicodeDecodeError as exc:
        raise BadInput(f"{name} cannot be read as {chosen} (byte {exc.start}); pick another encoding "
                       "in the preview.") from None
    if "\x00" in text:
        raise BadInput(f"{name} is not a text file (it contains NUL characters); export it as CSV or XLSX.")
    return text.lstrip("\ufeff"), chosen


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text (comma, semicolon, tab or bar), comma when unsure."""
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return "\t" if "\t" in sample.split("\n", 1)[0] else ","


def _csv_cells(text: str, delimiter: str, name: str) -> list[list[str]]:
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            rows.append(row)
            if len(rows) > MAX_ROWS + 1:
                break
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise BadInput(f"{name} has a cell longer than {MAX_CELL_CHARS} characters near line "
                           f"{reader.line_num}; shorten it or leave that column out.") from None
        raise BadInput(f"{name} is not a valid CSV file near line {reader.line_num} ({exc}).") from None
    return rows


def _xlsx_cells(path: Path, data: bytes, sheet: str | None) -> list[list[str]]:
    if data[:8] == OLE2_MAGIC:
        raise BadInput(f"{path.name} is password-protected or an old .xls workbook; open it in Excel, "
                       "remove the password and save it as .xlsx (or export CSV).")
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise BadInput(f"{path.name} is damaged or not an Excel workbook ({type(exc).__name__}); "
                       "save it again from Excel or export CSV.") from None
    except Exception as exc:  # openpyxl raises assorted errors for broken XML inside the zip
        raise BadInput(f"{path.name} cannot be read as an Excel workbook ({exc}); save it again "
                       "from Excel or export CSV.") from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise BadInput(f"{path.name} has no sheet '{sheet}' (its sheets: {', '.join(book.sheetnames)}).")
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        rows: list[list[str]] = []
        try:
            for values in ws.iter_rows(values_only=True):
                rows.append([_cell_text(v) for v in values])
                if len(rows) > MAX_ROWS + 1:
                    break
        except Exception as exc:
            raise BadInput(f"{path.name} is damaged ({exc}); save it again from Excel or export CSV.") from None
        return rows
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _to_table(cells: list[list[str]], name: str, header_row: int, **where: str | None) -> Table:
    cells = cells[header_row - 1:]
    while cells and not any(c.strip() for c in cells[0]):  # blank lines before the header
        cells.pop(0)
    if not cells:
        raise BadInput(f"{name} has no header row; the first row must name the columns.")
    header = [c.strip() for c in cells[0]]
    while header and not header[-1]:
        header.pop()
    if not header:
        raise BadInput(f"{name} has an empty header row; the first row must name the columns.")
    if len(header) > MAX_COLUMNS:
        raise BadInput(f"{name} has {len(header)} columns; at most {MAX_COLUMNS} are allowed.")
    header = [h or f"column {i + 1}" for i, h in enumerate(header)]
    seen: set[str] = set()
    duplicates = sorted({h for h in header if h.casefold() in seen or seen.add(h.casefold())})
    if duplicates:
        raise BadInput(f"{name} has the column name {', '.join(repr(d) for d in duplicates)} more than "
                       "once; rename the columns so each name is unique.")
    body = [row for row in cells[1:] if any(c.strip() for c in row)]
    if not body:
        raise BadInput(f"{name} has a header row but no data rows.")
    if len(body) > MAX_ROWS:
        raise BadInput(f"{name} has more than {MAX_ROWS:,} rows; split it into smaller files.")
    width = len(header)
    ragged, too_long = [], []
    rows: list[tuple[str, ...]] = []
    for number, row in enumerate(body, start=1):
        if len(row) > width and any(c.strip() for c in row[width:]):
            ragged.append(number)
        for column, cell in zip(header, row):
            if len(cell) > MAX_CELL_CHARS:
                too_long.append(f"{number} ({column})")
        rows.append(tuple((row + [""] * width)[:width]))
    if ragged:
        raise BadInput(f"{name}: {_rows_phrase(ragged)} more cells than the header has columns; "
                       "check the delimiter or quote cells that contain it.")
    if too_long:
        raise BadInput(f"{name}: cells longer than {MAX_CELL_CHARS} characters in row "
                       f"{_list_phrase(too_long)}; shorten them or leave that column out.")
    return Table(columns=tuple(header), rows=tuple(rows), source_name=name, **where)


def _list_phrase(items: list, limit: int = 20) -> str:
    shown = ", ".join(str(i) for i in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _rows_phrase(numbers: list[int]) -> str:
    return f"row {numbers[0]} has" if len(numbers) == 1 else f"rows {_list_phrase(numbers)} have"
