"""Airlock's template sandbox stops abuse while it runs: self-calling macros, values that
double, huge widths, with one sentence and within the time limit, not after gigabytes."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from engine.errors import BadInput
from engine.prompts.render import render_source

DOUBLING = "{% set ns = namespace(s=START) %}{% for i in range(40) %}{% set ns.s = STEP %}{% endfor %}{{ 1 }}"


@pytest.mark.parametrize("source, reason", [
    ("{% macro f(n) %}{{ f(n-1) }}{{ f(n-1) }}{% endmacro %}{{ f(40) }}", "nests too deeply|calls"),
    ("{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(30) }}",
     "more than 100,000 calls|longer than 2 seconds"),
    (DOUBLING.replace("START", "'x'").replace("STEP", "ns.s ~ ns.s"), "more than 1,000,000"),
    (DOUBLING.replace("START", "'x'").replace("STEP", "ns.s + ns.s"), "more than 1,000,000"),
    (DOUBLING.replace("START", "[1]").replace("STEP", "ns.s + ns.s"), "more than 1,000,000"),
    (DOUBLING.replace("START", "'x'").replace("STEP", "ns.s|replace('x', 'xx')"), "more than 1,000,000"),
    ("{{ 'x'|center(3000000000) }}", "'center' filter for a size of 3e\\+09"),
    ("{{ 'x'.center(3000000000) }}", "size of 3e\\+09"),
    ("{{ [[1]]|tojson(indent=200000000) }}", "'tojson' filter"),
    ("{{ '{:>999999999}'.format('x') }}", "field wider than"),
    ("{{ '%999999999s' % 'x' }}", "field wider than"),
])
def test_abuse_stops_early_with_one_sentence(source, reason):
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(BadInput, match=reason) as caught:
            render_source(source, {})
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 8
    assert peak < 200_000_000  # stopped while building, not at the output cap
    assert str(caught.value) and "\n" not in str(caught.value)


def test_ordinary_templates_are_untouched():
    source = ("{% macro item(x) %}- {{ x|title }}{% endmacro %}{% for p in products %}{{ item(p) }}\n{% endfor %}"
              "{{ '%-10s|' % 'tea' }}{{ 'x'.center(9, '*') }}{{ products|join(', ') }}")
    assert render_source(source, {"products": ["tea set", "cups"]}) == (
        "- Tea Set\n- Cups\ntea       |****x****tea set, cups")
