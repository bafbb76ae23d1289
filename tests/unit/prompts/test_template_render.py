"""Rendering templates in the sandbox: values, typed variables, and the refusals (syntax
errors with their line, known server-side template injection payloads, resource abuse)."""

from __future__ import annotations

import datetime as dt

import pytest

from engine.errors import BadInput
from engine.prompts.render import check_source, literal, render_source
from engine.prompts.variables import Variable, coerce, parse_assignments, parse_variables, resolve_values
from engine.prompts.templates import Template


def render(body: str, **values) -> str:
    check_source(body, set(values))
    return render_source(body, values)


def test_renders_values_conditions_and_loops():
    body = ("請為{{ product }}寫貼文。\n{% if promo %}\n優惠：{{ promo }}\n{% endif %}\n"
            "{% for t in tags.split(',') %}#{{ t }} {% endfor %}")
    assert render(body, product="保溫瓶", promo="第二件 6 折", tags="環保,露營") == \
        "請為保溫瓶寫貼文。\n優惠：第二件 6 折\n#環保 #露營 "
    assert render(body, product="保溫瓶", promo="", tags="a") == "請為保溫瓶寫貼文。\n#a "


def test_dates_and_filters_work_in_the_sandbox():
    day = dt.date(2026, 5, 1)
    assert render("{{ d.year }} 年 {{ d.month }} 月 {{ d.day }} 日", d=day) == "2026 年 5 月 1 日"
    assert render('{{ d.strftime("%B") }} {{ city | upper }}', d=day, city="taipei") == "May TAIPEI"


SSTI_PAYLOADS = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ self._TemplateReference__context.cycler.__init__.__globals__.os }}",
    "{{ self.__init__.__globals__ }}",
    "{{ self }}",
    "{{ config }}",
    "{{ config.items() }}",
    "{{ request.application.__globals__ }}",
    "{{ ''|attr('__class__') }}",
    "{{ x|attr('\\x5f\\x5fclass\\x5f\\x5f') }}",
    "{{ x['__class__'] }}",
    "{{ x.__class__.__base__.__subclasses__() }}",
    "{% include '/etc/passwd' %}",
    "{% import 'os' as os %}",
    "{% extends 'base.html' %}",
    "{% from 'x' import y %}",
]


@pytest.mark.parametrize("payload", SSTI_PAYLOADS)
def test_known_injection_payloads_are_refused_before_rendering(payload):
    with pytest.raises(BadInput) as error:
        check_source(payload, {"x"})
    message = str(error.value)
    assert "\n" not in message and message.endswith(".")


@pytest.mark.parametrize("payload", [
    "{{ '{0.__class__}'.format(x) }}",
    "{{ ('{0.__cl' ~ 'ass__}').format(x) }}",
    "{{ x.append(1) }}",
    "{{ x.pop() }}",
    "{% set k = '_' ~ '_class_' ~ '_' %}{{ x[k] }}",
])
def test_dynamic_escapes_are_stopped_by_the_sandbox_at_render_time(payload):
    check_source(payload, {"x"})  # nothing static gives these away
    with pytest.raises(BadInput, match="may not do|could not be rendered|no value"):
        render_source(payload, {"x": [1, 2]})


def test_resource_abuse_is_refused():
    with pytest.raises(BadInput, match="repeat text"):
        render("{{ 'a' * 10000000 }}")
    with pytest.raises(BadInput, match="Powers"):
        render("{{ 9 ** 999999 }}")
    with pytest.raises(BadInput, match="range"):
        render("{% for i in range(10000000) %}{% endfor %}")
    with pytest.raises(BadInput, match="more than 200,000 characters"):
        render("{% for i in range(300) %}{% for j in range(300) %}xxxx{% endfor %}{% endfor %}")
    silent = "{% for a in s %}{% for b in s %}{% for c in s %}{% endfor %}{% endfor %}{% endfor %}"
    with pytest.raises(BadInput, match="loops more than 200,000 times"):  # loops that print nothing end too
        render(silent, s="x" * 50_000)
    with pytest.raises(BadInput, match="nests too deeply"):
        render("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}")
    with pytest.raises(BadInput, match="recursive loop"):
        check_source("{% for x in s recursive %}{{ loop(x) }}{% endfor %}", {"s"})
    assert render("{% for i in range(3) %}{{ loop.index }}/{{ loop.length }} {% endfor %}") == "1/3 2/3 3/3 "


def test_syntax_errors_name_the_line():
    with pytest.raises(BadInput, match=r"syntax error on line 3") as error:
        check_source("第一行\n第二行 {{ ok }}\n{{ x }\n第四行", {"ok", "x"})
    assert "\n" not in str(error.value)
    with pytest.raises(BadInput, match=r"line 2"):
        Template.from_dict({"name": "壞", "body": "ok\n{{ product }", "variables": [{"name": "product"}]})


def test_undeclared_names_are_named():
    with pytest.raises(BadInput, match="'audience' on line 2, which is not one of its variables"):
        check_source("{{ product }}\n{{ audience }}", {"product"})
    assert check_source("{% set x = 1 %}{{ x }}{% for y in range(2) %}{{ y }}{% endfor %}{{ knowledge }}", set()) \
        == set()


def test_literal_text_renders_exactly():
    pasted = "價格 {{ 不是變數 }} 與 {% 也不是 %} {# 註解 #} }}"
    assert render_source(literal(pasted), {}) == pasted
    assert literal("plain text") == "plain text"


# variables --------------------------------------------------------------------------


def variables() -> tuple[Variable, ...]:
    return parse_variables([
        {"name": "product", "type": "short_text", "label": "產品", "required": True},
        {"name": "details", "type": "long_text"},
        {"name": "tone", "type": "choice", "options": ["活潑", "專業"], "default": "活潑"},
        {"name": "count", "type": "number", "default": 5, "minimum": 1, "maximum": 10},
        {"name": "launch", "type": "date"},
        {"name": "emoji", "type": "boolean", "default": True},
    ])


def test_values_are_typed_and_defaults_apply():
    values = resolve_values(variables(), {"product": " 保溫瓶\n旗艦款 ", "count": "7", "launch": "2026-05-01",
                                          "emoji": "否"})
    assert values == {"product": "保溫瓶 旗艦款", "details": "", "tone": "活潑", "count": 7,
                      "launch": dt.date(2026, 5, 1), "emoji": False}


def test_missing_required_variables_are_named_together():
    more = (*variables(), Variable(name="audience", required=True))
    # by the label a form shows, with the name a command line types; a variable without a label by its name
    with pytest.raises(BadInput, match=r"^Missing required variables: 產品 \(product\), audience\.$"):
        resolve_values(more, {"count": 3})
    with pytest.raises(BadInput, match=r"^Missing required variable: 產品 \(product\)\.$"):
        resolve_values(variables(), {"product": "   "})


@pytest.mark.parametrize("name, value, pattern", [
    ("tone", "憤怒", "must be one of: 活潑, 專業"),
    ("count", "many", "must be a number"),
    ("count", "11", "at most 10"),
    ("count", "nan", "finite"),
    ("launch", "5/1", "date like 2026-05-01"),
    ("emoji", "maybe", "yes or no"),
    ("nope", "x", "has no variable 'nope'"),
])
def test_bad_values_are_refused_with_the_reason(name, value, pattern):
    with pytest.raises(BadInput, match=pattern):
        resolve_values(variables(), {"product": "p", name: value})


@pytest.mark.parametrize("definition, pattern", [
    ({"name": "1abc"}, "letters, digits and underscores"),
    ({"name": "_hidden"}, "letters, digits and underscores"),
    ({"name": "knowledge"}, "reserved name"),
    ({"name": "x", "type": "colour"}, "unknown type 'colour'"),
    ({"name": "x", "type": "choice"}, "needs a list of options"),
    ({"name": "x", "type": "number", "default": "ten"}, "default that does not fit"),
    ({"name": "x", "colour": "red"}, "unknown field 'colour'"),
    ({"name": "x", "required": "yes"}, "true or false"),
])
def test_bad_variable_definitions_are_refused(definition, pattern):
    with pytest.raises(BadInput, match=pattern):
        parse_variables([definition])


def test_duplicate_variables_and_assignment_syntax():
    with pytest.raises(BadInput, match="declares the variable 'a' twice"):
        parse_variables([{"name": "a"}, {"name": "a"}])
    assert parse_assignments(["a=1", "b=x=y", "a=2"]) == {"a": "2", "b": "x=y"}
    with pytest.raises(BadInput, match="NAME=VALUE"):
        parse_assignments(["novalue"])
    assert coerce(Variable(name="n", type="number"), "1,200") == 1200
