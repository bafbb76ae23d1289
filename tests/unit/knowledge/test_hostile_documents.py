"""Documents built to hurt: a .docx whose body unpacks to 100 MB, text with no breaks at
all (chunking stays linear), UTF-16 without a byte-order mark."""

from __future__ import annotations

import time
import zipfile

import pytest

from engine.errors import BadInput
from engine.knowledge.base import chunk_text
from engine.knowledge.documents import read_document
from tests.helpers.documents import write_docx


def test_a_docx_whose_body_unpacks_to_100_mb_is_refused_before_parsing(tmp_path):
    plain = write_docx(tmp_path / "plain.docx", ["Tea sets are hand-made."])
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b" " * 100_000_000)
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    assert bomb.stat().st_size < 1_000_000
    started = time.monotonic()
    with pytest.raises(BadInput, match=r"word/document.xml\) that unpacks to 100 MB"):
        read_document(bomb)
    assert time.monotonic() - started < 10  # refused from the zip's directory, not after parsing
    assert "Tea sets" in read_document(plain).text


def test_chunking_text_without_breaks_is_linear():
    def seconds(size: int) -> float:
        text = "x" * size
        started = time.perf_counter()
        chunks = list(chunk_text(text))
        elapsed = time.perf_counter() - started
        assert "".join(chunks) == text and max(map(len, chunks)) <= 800
        return elapsed

    seconds(100_000)  # warm up
    small, large = seconds(1_000_000), seconds(8_000_000)
    assert large / max(small, 1e-3) < 24  # 8x the text: ~8x the time (slicing off the head was ~64x)


def test_utf16_without_a_bom_is_read(tmp_path):
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.csv"
        path.write_bytes("name,price\nTea set 茶具,1200\n".encode(encoding))
        assert "茶具" in read_document(path).text and "price: 1200" in read_document(path).text
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(BadInput, match="not a text file"):
        read_document(binary)
