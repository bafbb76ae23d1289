"""The worker loads the file it hashed: a linked model swapped between the hash and the
load is refused, so history can never record the good sha256 for other bytes."""

from __future__ import annotations

import shutil

import pytest

from engine import jobs
from engine.errors import BadInput
from engine.registry.hashing import sha256_file
from engine.text.worker import TextWorker
from tests.helpers.files import changed_copy

pytestmark = pytest.mark.slow


def job_for(path, sha256) -> jobs.TextJob:
    return jobs.TextJob(job_id="j", model_name="m", model_path=str(path), model_sha256=sha256,
                        messages=(), n_ctx=256, gpu_layers="cpu")


def test_a_model_swapped_during_the_load_is_refused(smollm2, tmp_path, monkeypatch):
    good = tmp_path / "good.gguf"
    shutil.copyfile(smollm2, good)
    bad = changed_copy(smollm2, tmp_path / "bad.gguf")
    link = tmp_path / "model.gguf"
    link.symlink_to(good)
    worker = TextWorker()
    real_load = TextWorker._load

    def swap_then_load(job, layers, threads):
        link.unlink()
        link.symlink_to(bad)  # the attacker's moment: after the hash, before llama.cpp opens it
        return real_load(job, layers, threads)

    monkeypatch.setattr(TextWorker, "_load", staticmethod(swap_then_load))
    with pytest.raises(BadInput, match="replaced while it was loading"):
        worker.ensure_loaded(job_for(link, sha256_file(good)), lambda event: None, lambda: False)
    assert worker.llm is None


def test_an_unchanged_model_loads(smollm2):
    worker = TextWorker()
    try:
        assert worker.ensure_loaded(job_for(smollm2, sha256_file(smollm2)), lambda e: None, lambda: False) is not None
        assert worker.llm is not None
    finally:
        worker.unload()
