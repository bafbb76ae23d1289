"""The one sampling-parameter check (engine/jobs.py) every front end goes through."""

from __future__ import annotations

import math

import pytest

from engine import jobs
from engine.errors import BadInput


@pytest.mark.parametrize("name, value", [
    ("temperature", math.nan), ("temperature", math.inf), ("temperature", -3.0), ("top_p", 7.0),
    ("top_k", -5), ("min_p", math.nan), ("repeat_penalty", 0.0), ("max_tokens", 0),
    ("seed", -1), ("seed", 2**32 - 1), ("seed", 2**32), ("seed", 2**64), ("top_k", 2.5),
    ("temperature", "warm"), ("max_tokens", True),
])
def test_out_of_range_settings_are_bad_input_naming_the_setting(name, value):
    params = jobs.SamplingParams(**{name: value})
    with pytest.raises(BadInput, match=name.replace("_", "-")) as caught:
        params.validated()
    assert caught.value.exit_code == 2
    assert "\n" not in str(caught.value)


def test_good_settings_come_back_with_their_proper_types():
    params = jobs.SamplingParams(temperature=1, top_k=40.0, seed=jobs.SEED_MAX, top_p="0.5").validated()
    assert params == jobs.SamplingParams(temperature=1.0, top_k=40, seed=2**32 - 2, top_p=0.5)
    assert isinstance(params.temperature, float) and isinstance(params.top_k, int)
    assert jobs.SamplingParams().validated() == jobs.SamplingParams()
