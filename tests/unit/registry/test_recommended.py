"""Catalog recommended settings are an engine rule: the CLI and the chat page both start
from catalog.recommended / runner.recommended_params (issue 9 item 5)."""

from __future__ import annotations

from engine.registry import catalog
from engine.text.runner import TextRequest, build_job, recommended_params
from tests.helpers.files import changed_copy


def test_a_recognized_file_gets_its_catalog_settings(workspace, smollm2, tmp_path):
    # taide-8b: recommended context 8192 and temperature 0.6, recognized by file name
    entry = next(e for e in catalog.entries() if e.file_name == "taide-8b-a.3-q4_k_m.gguf")
    assert (entry.recommended_context, entry.recommended_temperature) == (8192, 0.6)
    renamed = changed_copy(smollm2, tmp_path / entry.file_name)  # another hash: known by its name only
    record = workspace.registry.import_model(renamed, name="taide", link=True)

    assert catalog.recommended(record) == catalog.Recommended(context=8192, temperature=0.6)
    assert recommended_params(workspace, "taide").temperature == 0.6
    assert recommended_params(workspace, "taide", temperature=1.1, top_k=7).temperature == 1.1
    job, _, _ = build_job(workspace, TextRequest(model="taide", prompt="hi",
                                                 params=recommended_params(workspace, "taide")))
    assert job.n_ctx == 8192 and job.params.temperature == 0.6  # not the 4096 default


def test_an_unknown_file_keeps_the_defaults(workspace, smollm2, tmp_path):
    plain = changed_copy(smollm2, tmp_path / "my-own-model.gguf")
    record = workspace.registry.import_model(plain, name="mine", link=True)
    assert catalog.recommended(record) == catalog.Recommended(context=record.default_context(), temperature=None)
    assert recommended_params(workspace, "mine").temperature == 0.7
    assert recommended_params(workspace, "no-such-model", max_tokens=5).max_tokens == 5
