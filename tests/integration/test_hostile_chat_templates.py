"""A model's own chat template is untrusted code: written into a copy of the real default
GGUF with the gguf package, a runaway template is refused at import and, in a file that
got past import, stopped in the worker within its limits."""

from __future__ import annotations

import re
import time

import pytest

from engine import jobs
from engine.errors import BadInput
from engine.registry import chat_template
from engine.registry.hashing import sha256_file
from engine.text.worker import TextWorker
from tests.conftest import assert_one_line_error
from tests.helpers.gguf_files import with_chat_template

pytestmark = pytest.mark.slow

LIMIT_HIT = r"chat template (loops more than 200,000 times|makes more than 100,000 calls|took longer than 2 seconds)"
RUNAWAY = ("{% for a in range(100000) %}{% for b in range(100000) %}{% for m in messages %}"
           "{% endfor %}{% endfor %}{% endfor %}{{ messages[0]['content'] }}")


@pytest.fixture(scope="module")
def runaway_gguf(smollm2, tmp_path_factory):
    return with_chat_template(smollm2, tmp_path_factory.mktemp("gguf") / "runaway.gguf", RUNAWAY)


def test_import_refuses_a_runaway_template_with_one_line(cli, runaway_gguf):
    started = time.monotonic()
    result = cli("models", "import", str(runaway_gguf), "--link", check_exit=2)
    assert time.monotonic() - started < 120
    assert_one_line_error(result, LIMIT_HIT)
    assert cli("models", "list", "--json").stdout.count("runaway") == 0


def test_the_worker_stops_a_runaway_template_that_got_past_import(runaway_gguf):
    worker = TextWorker()
    events: list = []
    job = jobs.TextJob(job_id="j", model_name="runaway", model_path=str(runaway_gguf),
                       model_sha256=sha256_file(runaway_gguf), messages=({"role": "user", "content": "hi"},),
                       n_ctx=256, gpu_layers="cpu", params=jobs.SamplingParams(max_tokens=4))
    started = time.monotonic()
    try:
        worker.handle(job, events.append, lambda: False)
    finally:
        worker.unload()
    assert time.monotonic() - started < 60
    failed = events[-1]
    assert isinstance(failed, jobs.Failed) and failed.kind == "bad_input"
    assert re.search(LIMIT_HIT, failed.message), failed.message


@pytest.mark.parametrize("template, reason", [
    ("{% for m in messages %}{{ m.content ", "does not parse"),
    ("{{ 'x' * 3000000000 }}", "repeat text"),
    ("{{ messages|tojson(indent=200000000) }}", "size of 2e\\+08"),
    ("{% macro f(n) %}{{ f(n) }}{{ f(n) }}{% endmacro %}{{ f(1) }}", "nests too deeply|more than 100,000 calls"),
    ("{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}",
     "more than 1,000,000 characters"),
    ("{{ raise_exception('no system role') }}", "failed to render \\(no system role\\)"),
])
def test_validation_names_the_reason(template, reason):
    started = time.monotonic()
    with pytest.raises(BadInput, match=reason):
        chat_template.validate(template)
    assert time.monotonic() - started < 10


def test_the_default_models_own_template_passes(smollm2):
    from engine.registry import gguf

    chat_template.validate(gguf.read_gguf(smollm2).chat_template)
