"""Model import: what is accepted, every refusal, hashing, copies, and the default model."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from engine.registry import gguf
from engine.errors import BadInput, Cancelled
from engine.registry.registry import DEFAULT_TEXT_MODEL, Registry, check_unchanged
from engine.store.db import open_db
from tests.helpers.files import changed_copy, truncated_copy


@pytest.fixture
def registry(home, opened_home) -> Registry:
    """The registry of a home as a first open leaves it (the default model read, hashed and
    registered once per session, in ``opened_home``), on the test's own copy."""
    shutil.copy2(opened_home / "airlock.db", home.db_path)
    return Registry(open_db(home.db_path), home)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reads_the_default_models_metadata(smollm2):
    info = gguf.read_gguf(smollm2)
    assert info.architecture == "llama"
    assert info.quantization == "Q4_1"
    assert info.size_label == "135M"
    assert info.context_length == 8192
    assert "<|im_start|>" in info.chat_template
    assert info.data_end == smollm2.stat().st_size


def test_default_model_is_registered_from_its_package(registry, smollm2):
    record = registry.get(DEFAULT_TEXT_MODEL)
    assert record.source == "package" and record.path == str(smollm2)
    assert record.sha256 == sha256(smollm2)
    assert record.architecture == "llama" and record.context_length == 8192
    assert record.chat_template_sha256 and len(record.chat_template_sha256) == 64


def test_removed_default_model_stays_removed(registry, home):
    registry.remove(DEFAULT_TEXT_MODEL)
    again = Registry(registry.db, home)
    assert again.find(DEFAULT_TEXT_MODEL) is None


def test_import_copies_hashes_and_reports_progress(registry, smollm2, home):
    registry.remove(DEFAULT_TEXT_MODEL)
    seen = []
    record = registry.import_model(smollm2, name="my-smol", progress=lambda d, t: seen.append((d, t)))
    assert Path(record.path).parent == home.models_dir
    assert record.sha256 == sha256(smollm2) and record.source == "copied"
    assert seen[-1] == (smollm2.stat().st_size, smollm2.stat().st_size)
    assert not list(home.models_dir.glob("*.part"))


def test_import_refuses_the_same_file_twice(registry, smollm2, home):
    with pytest.raises(BadInput, match="already registered as 'smollm2-135m'"):
        registry.import_model(smollm2, name="copy")
    assert list(home.models_dir.iterdir()) == []  # the copy was cleaned up


def test_link_keeps_the_file_in_place(registry, smollm2, tmp_path, home):
    registry.remove(DEFAULT_TEXT_MODEL)
    record = registry.import_model(smollm2, link=True)
    assert record.path == str(smollm2.resolve()) and record.source == "linked"
    assert record.name == "smollm2-135m-instruct.q4_1"
    registry.remove(record.name)
    assert smollm2.exists()  # never delete a file Airlock did not copy


def test_name_conflicts_and_bad_names(registry, smollm2):
    with pytest.raises(BadInput, match="already registered"):
        registry.import_model(smollm2, name=DEFAULT_TEXT_MODEL)
    with pytest.raises(BadInput, match="not a usable model name"):
        registry.import_model(smollm2, name="../evil")


def test_cancelled_import_leaves_nothing(registry, smollm2, home):
    registry.remove(DEFAULT_TEXT_MODEL)
    with pytest.raises(Cancelled):
        registry.import_model(smollm2, cancel=lambda: True)
    assert list(home.models_dir.iterdir()) == []
    assert registry.list() == []


@pytest.mark.parametrize("suffix", [".ckpt", ".pt", ".pth", ".bin", ".CKPT"])
def test_pickle_formats_are_refused(registry, tmp_path, suffix):
    path = tmp_path / f"model{suffix}"
    path.write_bytes(b"\x80\x04\x95" + b"\x00" * 64)
    with pytest.raises(BadInput, match="pickle file"):
        registry.import_model(path)


def test_refusals(registry, tmp_path, smollm2):
    empty = tmp_path / "empty.gguf"
    empty.write_bytes(b"")
    wrong = tmp_path / "notes.gguf"
    wrong.write_text("just some text, not a model" * 10)
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "readme.txt").write_text("hi")
    header_cut = truncated_copy(smollm2, tmp_path / "header-cut.gguf", 5000)
    data_cut = truncated_copy(smollm2, tmp_path / "data-cut.gguf", smollm2.stat().st_size - 1000)
    cases = {
        empty: "is empty",
        wrong: "not a GGUF model file",
        folder: "folder without a model",
        header_cut: "truncated: the GGUF header ends early",
        data_cut: "truncated: 1,000 bytes of tensor data are missing",
        tmp_path / "missing.gguf": "does not exist",
    }
    for path, message in cases.items():
        with pytest.raises(BadInput, match=message):
            registry.import_model(path)
    assert [m.name for m in registry.list()] == [DEFAULT_TEXT_MODEL]


def test_changed_or_missing_files_are_refused(tmp_path, smollm2):
    changed = changed_copy(smollm2, tmp_path / "changed.gguf")
    with pytest.raises(BadInput, match="changed since it was imported"):
        check_unchanged(changed, sha256(smollm2))
    with pytest.raises(BadInput, match="is missing"):
        check_unchanged(tmp_path / "gone.gguf", sha256(smollm2))
    check_unchanged(smollm2, sha256(smollm2))
