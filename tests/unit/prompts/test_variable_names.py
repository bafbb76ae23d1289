"""One reading of a body's variable names: the renderer's check, the editor's "add
missing variables" and the highlighter's underlines all come from variable_names."""

from __future__ import annotations

import pytest

from engine.errors import BadInput
from engine.prompts.render import check_source, variable_names


def test_names_used_assigned_and_undeclared():
    body = ("{% set tone = 'warm' %}{{ product }} for {{ audience }}\n"
            "{% for item, note in pairs %}{{ item }}{{ note }}{% endfor %}{{ loop_free | upper }}{{ knowledge }}")
    names = variable_names(body)
    assert list(names.used) == ["product", "audience", "pairs", "item", "note", "loop_free", "knowledge"]
    assert names.used["pairs"] == 2 and {"tone", "item", "note"} <= names.assigned
    assert names.undeclared({"product", "pairs"}) == ["audience", "loop_free"]  # knowledge is built in


def test_the_renderer_refuses_exactly_the_undeclared_names():
    body = "{{ product }}\n{{ audince }}"
    assert variable_names(body).undeclared({"product", "audience"}) == ["audince"]
    with pytest.raises(BadInput, match="'audince' on line 2"):
        check_source(body, {"product", "audience"})
    assert check_source(body, {"product", "audince"}) == {"product", "audince"}


def test_a_syntax_error_is_bad_input_with_its_line():
    with pytest.raises(BadInput, match="syntax error on line 2"):
        variable_names("ok\n{% if x %}")
