"""A model's own chat template is untrusted code: written into a copy of the real default
GGUF with the gguf package, a runaway template is refused at import and, in a file that
got past import, stopped in the worker within its limits. One step too big or too slow for
the sandbox's counts (a 2.5 GB string.replace, a power that runs for minutes) is stopped
by the rendering child's memory cap and wall clock (engine/registry/template_child.py)."""

from __future__ import annotations

import re
import time
from typing import Any

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


POWER = "(((10 ** 100) ** 100) ** 100) ** 10"  # one '**' step of half a minute or more: no count sees it
REPLACE = "('x' * 50000).replace('x', 'x' * 50000) | length"  # one step building 2.5 GB


@pytest.mark.parametrize("body, reason", [
    ("{{ 'x' * 3e9 }}", "failed to render"),
    ("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}", LIMIT_HIT),
    ("{{ " + POWER + " }}", "took longer than 2 seconds"),
    ("{{ " + REPLACE + " }}", "needed more memory than a template may use"),
], ids=["x-times-3e9", "nested-loops", "one-slow-step", "one-huge-step"])
def test_import_refuses_what_the_child_cannot_finish_in_time_or_memory(cli, smollm2, tmp_path, body, reason):
    hostile = with_chat_template(smollm2, tmp_path / "hostile.gguf", body + "{{ messages[0]['content'] }}")
    started = time.monotonic()
    result = cli("models", "import", str(hostile), "--link", check_exit=2)
    assert time.monotonic() - started < 60
    assert_one_line_error(result, reason)
    assert "hostile" not in cli("models", "list", "--json").stdout


def test_the_worker_survives_a_template_that_bombs_only_on_a_real_chat(workspace, smollm2, tmp_path):
    """Past import (the sample conversation renders), then a slow step and a huge step on
    real messages, in the real worker process: each fails its job within seconds with one
    sentence, the worker's memory does not grow, and the next message is answered by the
    same worker (the rendering child is started again)."""
    import psutil

    from engine.text.runner import TextRequest, run_text

    # The worker renders the messages' roles around placeholders (the text itself is never
    # template input: engine/text/prompt_tokens.py), so the triggers are the shape of the chat.
    template = ("{% if messages|length == 2 and messages[0]['role'] == 'system' %}{{ " + POWER + " }}{% endif %}"
                "{% if messages|length == 3 %}{{ " + REPLACE + " }}{% endif %}"
                "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
                "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}")
    path = with_chat_template(smollm2, tmp_path / "sleeper.gguf", template)
    workspace.registry.import_model(path, name="sleeper", link=True)  # import's check passes it

    def ask(text: str, **options) -> tuple[Any, float]:
        started = time.monotonic()
        outcome = run_text(workspace, TextRequest(model="sleeper", prompt=text, seed=1,
                                                  params=jobs.SamplingParams(max_tokens=4), **options))
        return outcome, time.monotonic() - started

    first, _ = ask("hello")  # loads the model, starts the rendering child
    assert isinstance(first.event, jobs.Done), first.event
    worker = psutil.Process(workspace.text_worker.pid)
    before = worker.memory_info().rss
    for options, reason in (({"system": "Be brief."}, "took longer than 2 seconds"),
                            ({"conversation_id": first.conversation_id}, "needed more memory")):
        outcome, seconds = ask("and now?", **options)
        assert isinstance(outcome.event, jobs.Failed) and outcome.event.kind == "bad_input", outcome.event
        assert reason in outcome.event.message and seconds < 30, (outcome.event.message, seconds)
    assert worker.memory_info().rss - before < 200 * 1024 * 1024
    last, _ = ask("hello again")
    assert isinstance(last.event, jobs.Done), last.event
    assert workspace.text_worker.pid == worker.pid  # the same worker answered
    statuses = [r["status"] for r in workspace.history.list()]
    assert sorted(statuses) == ["done", "done", "failed", "failed"]
