"""The organization's policy: read from its file, locks settings, gates model files."""

from __future__ import annotations

import json

import pytest

from engine.errors import BadInput
from engine.trust import policy as policy_module
from engine.trust.chat_templates import inspect_template
from engine.trust.policy import Locked, load_policy, parse
from engine.workspace import Workspace


def write_policy(home, **values) -> None:
    (home.root / "policy.json").write_text(json.dumps(values), encoding="utf-8")


def test_nothing_is_locked_without_a_file(home):
    assert load_policy(home.root).values == {}


def test_unknown_keys_and_wrong_types_are_refused():
    with pytest.raises(BadInput, match="unknown setting 'pii'"):
        parse('{"pii": true}', "p.json")
    with pytest.raises(BadInput, match="wrong value for 'retention_days'"):
        parse('{"retention_days": "30"}', "p.json")
    with pytest.raises(BadInput, match="wrong value for 'retention_days'"):
        parse('{"retention_days": true}', "p.json")
    with pytest.raises(BadInput, match="not valid JSON"):
        parse("{", "p.json")


def test_the_variable_wins_over_the_home_file(home, tmp_path, monkeypatch):
    write_policy(home, retention_days=10)
    assert load_policy(home.root).get("retention_days") == 10
    other = tmp_path / "machine-policy.json"
    other.write_text('{"retention_days": 5, "reason": "IT-SEC 4.2"}', encoding="utf-8")
    monkeypatch.setenv(policy_module.POLICY_VARIABLE, str(other))
    loaded = load_policy(home.root)
    assert loaded.get("retention_days") == 5 and loaded.source == str(other)


def test_machine_locations():
    path = policy_module.machine_policy_path()
    assert path.name == "policy.json" and "irlock" in str(path)


def test_locked_settings_are_refused_with_the_reason(home):
    write_policy(home, retention_days=30, pii_mode=["warn", "exports"], reason="Bank standard 4.2",
                 reasons={"pii_mode": "Customer data rule 7"})
    with Workspace(home) as ws:
        assert ws.trust.get("retention_days") == 30 and ws.trust.locked("retention_days")
        with pytest.raises(Locked, match=r"History retention is managed by your organization \(Bank standard 4.2\)"):
            ws.trust.set("retention_days", None)
        with pytest.raises(Locked, match="Customer data rule 7"):
            ws.trust.set("pii_mode", [])
        ws.trust.set("keep_no_history", True)  # what the policy leaves open stays open
        entry = ws.audit_log.entries(event="policy.changed")[-1]["details"]
        assert entry["locked"] == ["pii_mode", "retention_days"]


def test_policy_only_keys_cannot_be_set_by_a_user(workspace):
    with pytest.raises(BadInput, match="policy file"):
        workspace.trust.set("allowed_models", [])


def test_a_changed_policy_is_audited_once(home):
    with Workspace(home) as ws:
        assert ws.audit_log.entries(event="policy.changed") == []
    write_policy(home, png_metadata=False)
    with Workspace(home):
        pass
    with Workspace(home) as ws:
        entries = ws.audit_log.entries(event="policy.changed")
        assert len(entries) == 1 and entries[0]["details"]["locked"] == ["png_metadata"]
        assert ws.trust.get("png_metadata") is False


def test_a_model_off_the_allowlist_is_refused_on_load_and_import(home, smollm2):
    write_policy(home, allowed_models=["00" * 32], reason="Approved models only")
    with Workspace(home) as ws:
        with pytest.raises(BadInput, match="not on your organization's list of allowed models"):
            ws.registry.get("smollm2-135m")
        ws.registry.remove("smollm2-135m")  # else the import stops early as a duplicate
        with pytest.raises(BadInput, match="Approved models only"):
            ws.registry.import_model(smollm2, name="copy")
        assert ws.registry.find("copy") is None
        assert list(ws.home.models_dir.iterdir()) == []  # the copy was removed
        refused = ws.audit_log.entries(event="model.refused")
        assert [e["details"]["action"] for e in refused] == ["import", "load"]


def test_a_model_on_the_allowlist_loads_and_its_import_is_audited(home, smollm2):
    from engine.registry.hashing import sha256_file

    write_policy(home, allowed_models=[sha256_file(smollm2).upper()])
    with Workspace(home) as ws:
        ws.registry.remove("smollm2-135m")
        record = ws.registry.import_model(smollm2, name="small", link=True)
        assert ws.registry.get("small").sha256 == record.sha256
        imported = ws.audit_log.entries(event="model.imported")[0]["details"]
        assert imported["name"] == "small" and len(imported["chat_template_sha256"]) == 64
        assert imported["chat_template_flags"] == []  # SmolLM2's own template is plain
        assert ws.registry.find("small").metadata["chat_template_flags"] == []
        assert ws.audit_log.entries(event="model.loaded")[0]["details"]["name"] == "small"


@pytest.mark.parametrize("template, flag", [
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "Python internals"),
    ("{% include 'x' %}", "loads other templates"),
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "process or file"),
    ("{% for i in range(100000000) %}x{% endfor %}", "very large range"),
    ("{{ 'a' * 1000000 }}", "very large number"),
])
def test_suspicious_chat_templates_are_flagged(template, flag):
    report = inspect_template(template)
    assert any(flag in f for f in report.flags), report.flags


def test_a_plain_chat_template_is_not_flagged():
    template = ("{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + "
                "'<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}"
                "{% endif %}")
    assert inspect_template(template).flags == []
