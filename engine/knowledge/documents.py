"""Plain text out of the documents people keep: txt, md, docx, pdf, xlsx and csv.

Each reader returns the document's text (a spreadsheet row becomes one line of
``header: value`` pairs). Anything that cannot be read raises BadInput with the reason
in one sentence (encrypted PDF, old .doc format, a damaged file, not text at all), so an
import of many files can skip it, say why, and carry on.

Text files in Taiwan are often Big5/CP950 rather than UTF-8: UTF-8 is tried first and
charset-normalizer detects anything else.
"""

from __future__ import annotations

import csv
import io
import logging
import warnings
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from engine.errors import BadInput, Cancelled
from engine.registry.hashing import sha256_file

log = logging.getLogger(__name__)

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf",
           ".xlsx": "xlsx", ".xlsm": "xlsx", ".csv": "csv", ".tsv": "csv"}
OLD_FORMATS = {".doc": ".docx", ".xls": ".xlsx", ".ppt": ".pdf", ".pptx": ".pdf", ".rtf": ".docx",
               ".pages": ".docx", ".numbers": ".xlsx"}
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO_BYTES = 1024 * 1024 * 1024  # an office file that unpacks to more is refused
MAX_XML_PART_BYTES = 64 * 1024 * 1024
"""An XML part parsed whole (a .docx body, an .xlsx's shared strings) above this is refused:
a 1,000-page report's document.xml is about 20 MB."""
MAX_STREAMED_XML_BYTES = 512 * 1024 * 1024  # an .xlsx worksheet, read row by row

CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class DocumentText:
    name: str
    path: str
    format: str
    text: str
    sha256: str
    size_bytes: int


def document_format(path: Path) -> str:
    """The reader for ``path``, from its extension; BadInput for what Airlock cannot read."""
    suffix = path.suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    if suffix in OLD_FORMATS:
        raise BadInput(f"{path.name} is in the {suffix} format; save it as {OLD_FORMATS[suffix]} and import that.")
    raise BadInput(f"{path.name} is not a document Airlock can read (use .txt, .md, .docx, .pdf, .xlsx or .csv).")


def read_document(path: Path | str, *, cancel: CancelCheck | None = None) -> DocumentText:
    """Read one file into text; raises BadInput (with the reason) when it cannot be used."""
    path = Path(path)
    if path.is_symlink():  # a .txt that is really /etc/shadow: only what the user chose is read
        target = Path(os.path.realpath(path))
        if not target.is_relative_to(path.parent.resolve()):
            raise BadInput(f"{path.name} is a link to {target}, outside the folder it is in; Airlock does "
                           "not follow it (import that file itself if you mean to).")
    if not path.exists():
        raise BadInput(f"{path} does not exist.")
    if path.is_dir():
        raise BadInput(f"{path.name} is a folder; choose the files inside it.")
    fmt = document_format(path)
    try:
        size = path.stat().st_size
        if size == 0:
            raise BadInput(f"{path.name} is empty.")
        if size > MAX_DOCUMENT_BYTES:
            raise BadInput(f"{path.name} is larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB; split it first.")
        digest = sha256_file(path, cancel=cancel)
        reader = {"txt": _read_text_file, "md": _read_text_file, "docx": _read_docx, "pdf": _read_pdf,
                  "xlsx": _read_xlsx, "csv": _read_csv}[fmt]
        with warnings.catch_warnings():  # library warnings about odd files are not the user's problem
            warnings.simplefilter("ignore")
            text = reader(path, cancel)
    except (BadInput, Cancelled):
        raise
    except PermissionError:
        raise BadInput(f"{path.name} cannot be opened: permission denied.") from None
    except OSError as exc:
        raise BadInput(f"{path.name} cannot be read: {exc.strerror or exc}.") from None
    except Exception as exc:  # the parsers raise many kinds of error for damaged files
        log.info("could not read %s", path, exc_info=True)
        raise BadInput(f"{path.name} looks damaged and could not be read ({type(exc).__name__}).") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        if fmt == "pdf":  # whole sentences, so each one is translated whole (engine/messages.py)
            raise BadInput(f"{path.name} has no text layer (a scanned PDF needs OCR first).")
        raise BadInput(f"{path.name} contains no text.")
    return DocumentText(name=path.name, path=str(path), format=fmt, text=text, sha256=digest, size_bytes=size)


def decode_text(data: bytes, name: str = "The file") -> str:
    """Bytes to text: UTF-8 (with or without BOM), else what charset-normalizer finds."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise BadInput(f"{name} is not a text file.")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BadInput(f"{name} is not text in any encoding Airlock recognises.")
    return str(best)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark (Excel's "Unicode text" from some tools): most
    characters of Latin text then have a zero byte on one side. None when it is not."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 2:
        return None
    odd_zeros = sample[1::2].count(0) / (len(sample) // 2)
    even_zeros = sample[0::2].count(0) / (len(sample) // 2)
    encoding = "utf-16-le" if odd_zeros > 0.3 > even_zeros else "utf-16-be" if even_zeros > 0.3 > odd_zeros else None
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if "\x00" not in text else None


def _read_text_file(path: Path, cancel: CancelCheck | None) -> str:
    return decode_text(path.read_bytes(), path.name)


def _check_zip(path: Path) -> None:
    """Office files are zips: refuse damaged ones and zip bombs before a parser sees them."""
    if not zipfile.is_zipfile(path):
        raise BadInput(f"{path.name} is not a valid {path.suffix} file (it may be damaged or renamed).")
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        if sum(info.file_size for info in members) > MAX_ZIP_RATIO_BYTES:
            raise BadInput(f"{path.name} unpacks to more than 1 GB; Airlock will not open it.")
        # The parsers build each XML part in memory (python-docx: about 5 bytes per byte of
        # XML, so a 900 MB document.xml took 4.8 GB); zipfile never unpacks a member past
        # the size its header declares, so checking the declared sizes is enough.
        for info in members:
            limit = MAX_STREAMED_XML_BYTES if _streamed(path, info.filename) else MAX_XML_PART_BYTES
            if info.filename.lower().endswith((".xml", ".rels")) and info.file_size > limit:
                raise BadInput(f"{path.name} holds a part ({info.filename}) that unpacks to "
                               f"{info.file_size / 1e6:.0f} MB, more than a real document has; "
                               "Airlock will not open it.")


def _streamed(path: Path, member: str) -> bool:
    """Worksheets are read row by row (openpyxl read-only), not built in memory."""
    return path.suffix.lower() == ".xlsx" and member.startswith("xl/worksheets/")


def _read_docx(path: Path, cancel: CancelCheck | None) -> str:
    _check_zip(path)
    import docx

    document = docx.Document(str(path))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if cancel and cancel():
            raise Cancelled("Stopped while reading the document.")
        if hasattr(block, "rows"):  # a table: one line per row
            lines.append("")
            for row in block.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                lines.append(" | ".join(dict.fromkeys(c for c in cells if c)))
            lines.append("")
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _read_pdf(path: Path, cancel: CancelCheck | None) -> str:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
                pages = reader.pages
                _ = len(pages)
            except Exception:
                raise BadInput(f"{path.name} is password-protected; save an unprotected copy first.") from None
        pages_text = []
        for page in reader.pages:
            if cancel and cancel():
                raise Cancelled("Stopped while reading the PDF.")
            pages_text.append(page.extract_text() or "")
    except FileNotDecryptedError:
        raise BadInput(f"{path.name} is password-protected; save an unprotected copy first.") from None
    except PdfReadError as exc:
        raise BadInput(f"{path.name} is not a readable PDF ({exc}).") from None
    return "\n\n".join(pages_text)


def _row_lines(rows, cancel: CancelCheck | None) -> list[str]:
    """Spreadsheet rows as text: the first non-empty row names the columns."""
    header: list[str] | None = None
    lines: list[str] = []
    for i, row in enumerate(rows):
        if cancel and i % 1000 == 0 and cancel():
            raise Cancelled("Stopped while reading the spreadsheet.")
        cells = ["" if c is None else " ".join(str(c).split()) for c in row]
        if not any(cells):
            continue
        if header is None:
            header = [c or f"column {j + 1}" for j, c in enumerate(cells)]
            continue
        pairs = [f"{header[j] if j < len(header) else f'column {j + 1}'}: {c}"
                 for j, c in enumerate(cells) if c]
        lines.append("; ".join(pairs))
    if header is not None and not lines:
        lines.append("; ".join(header))
    return lines


def _read_xlsx(path: Path, cancel: CancelCheck | None) -> str:
    _check_zip(path)
    import openpyxl

    workbook = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    try:
        parts = []
        for sheet in workbook.worksheets:
            lines = _row_lines(sheet.iter_rows(values_only=True), cancel)
            if lines:
                parts.append(f"# {sheet.title}\n\n" + "\n".join(lines))
        return "\n\n".join(parts)
    finally:
        workbook.close()


def _read_csv(path: Path, cancel: CancelCheck | None) -> str:
    text = decode_text(path.read_bytes(), path.name)
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    try:
        return "\n".join(_row_lines(csv.reader(io.StringIO(text), dialect), cancel))
    except csv.Error as exc:
        raise BadInput(f"{path.name} is not a readable CSV file ({exc}).") from None
