"""Importing image models into the registry: checkpoints, diffusers folders, hashes, refusals."""

from __future__ import annotations

import hashlib

import pytest

from engine.errors import BadInput, Cancelled
from engine.registry.hashing import sha256_tree, tree_digest
from engine.registry.registry import DEFAULT_TEXT_MODEL, Registry, check_unchanged
from engine.store.db import open_db
from tests.helpers.safetensors_files import SD1, write_safetensors
from tests.unit.registry.test_image_models import fake_folder


@pytest.fixture
def registry(home) -> Registry:
    return Registry(open_db(home.db_path), home, register_default=False)


def test_checkpoint_import_copies_hashes_and_lists_as_image(registry, tmp_path, home):
    source = write_safetensors(tmp_path / "Dream Shaper 8.safetensors", SD1)
    record = registry.import_model(source)
    assert record.name == "dream-shaper-8" and record.kind == "image" and record.format == "safetensors"
    assert record.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert record.path == str(home.models_dir / "Dream Shaper 8.safetensors") and record.source == "copied"
    listed = registry.list()[0].as_dict()
    assert listed["family"] == "sd15" and listed["prediction"] == "epsilon" and listed["kind"] == "image"
    assert listed["size_label"] == "Stable Diffusion 1.x" and listed["ram_estimate_bytes"] > record.size_bytes
    check_unchanged(home.models_dir / "Dream Shaper 8.safetensors", record.sha256)


def test_folder_import_copies_the_tree_with_a_stable_hash(registry, tmp_path, home):
    source = fake_folder(tmp_path / "my-sd15")
    progress = []
    record = registry.import_model(source, progress=lambda d, t: progress.append((d, t)))
    copy = home.models_dir / "my-sd15"
    assert record.format == "diffusers" and record.path == str(copy) and copy.is_dir()
    assert record.sha256 == sha256_tree(source) == sha256_tree(copy)
    assert progress[-1][0] == progress[-1][1] == record.size_bytes
    assert not list(home.models_dir.glob("*.part"))
    check_unchanged(copy, record.sha256)
    (copy / "unet" / "config.json").write_text('{"cross_attention_dim": 769}')
    with pytest.raises(BadInput, match="model folder my-sd15 changed since it was imported"):
        check_unchanged(copy, record.sha256)
    registry.remove(record.name)
    assert not copy.exists() and source.is_dir()


def test_folder_hash_depends_on_names_and_contents_only():
    base = tree_digest([("a.json", "1" * 64), ("unet/w.safetensors", "2" * 64)])
    assert base == tree_digest([("unet/w.safetensors", "2" * 64), ("a.json", "1" * 64)])
    assert base != tree_digest([("b.json", "1" * 64), ("unet/w.safetensors", "2" * 64)])
    assert base != tree_digest([("a.json", "3" * 64), ("unet/w.safetensors", "2" * 64)])


def test_linked_folder_and_duplicates(registry, tmp_path):
    source = fake_folder(tmp_path / "linked")
    record = registry.import_model(source, link=True, name="linked")
    assert record.source == "linked" and record.path == str(source.resolve())
    with pytest.raises(BadInput, match="already registered as 'linked'"):
        registry.import_model(source, name="again")
    registry.remove("linked")
    assert source.is_dir()  # never delete what Airlock did not copy


def test_refusals_leave_nothing_behind(registry, tmp_path, home):
    pickled = fake_folder(tmp_path / "pickled", extra={"unet/diffusion_pytorch_model.bin": b"\x80\x04"})
    cut = write_safetensors(tmp_path / "cut.safetensors", SD1)
    cut.write_bytes(cut.read_bytes()[:-1000])
    empty = tmp_path / "empty.safetensors"
    empty.write_bytes(b"")
    cases = {
        pickled: "pickle weights",
        cut: "truncated: 1,000 bytes of tensor data are missing",
        empty: "is empty",
        tmp_path / "model.ckpt": "pickle file",
    }
    (tmp_path / "model.ckpt").write_bytes(b"\x80\x04")
    for path, message in cases.items():
        with pytest.raises(BadInput, match=message):
            registry.import_model(path)
    with pytest.raises(BadInput, match="apply to image models only"):
        registry.import_model(write_safetensors(tmp_path / "x.gguf", SD1), family="sd15")
    with pytest.raises(BadInput, match="a diffusers folder brings its own configs"):
        registry.import_model(fake_folder(tmp_path / "f"), config_dir=tmp_path)
    with pytest.raises(BadInput, match="not a diffusers config folder"):
        registry.import_model(write_safetensors(tmp_path / "y.safetensors", SD1), config_dir=tmp_path / "nope")
    assert registry.list() == [] and list(home.models_dir.iterdir()) == []


def test_cancelled_folder_copy_leaves_nothing(registry, tmp_path, home):
    with pytest.raises(Cancelled):
        registry.import_model(fake_folder(tmp_path / "big"), cancel=lambda: True)
    assert list(home.models_dir.iterdir()) == [] and registry.list() == []


def test_text_models_are_untouched(home, smollm2):
    registry = Registry(open_db(home.db_path), home)
    record = registry.get(DEFAULT_TEXT_MODEL)
    assert record.kind == "text" and "family" not in record.as_dict()
