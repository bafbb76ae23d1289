"""Packs: export and import round trips (JSON and zip), conflict choices, every refusal
with nothing half-imported, and the default pack."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import zipfile

import pytest

from engine.prompts import packs
from engine.prompts.brand_voice import BrandVoice, BrandVoices
from engine.errors import BadInput
from engine.prompts.frameworks import Frameworks
from engine.prompts.packs import (build_pack, ensure_default_pack, import_pack, load_pack, pack_json, pack_zip, parse_pack,
                          preview, write_pack)
from engine.store.db import open_db
from engine.prompts.compose import compose
from engine.prompts.variables import resolve_values
from engine.prompts.templates import Template, TemplateLibrary


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "airlock.db")
    yield database
    database.conn.close()


def state(db) -> dict:
    """Everything a pack import may touch, to prove a refused import changed nothing."""
    return {table: list(db.query(f"select * from {table} order by id"))
            for table in ("templates", "template_versions", "brand_voices", "frameworks")}


def sample_pack() -> dict:
    return {
        "airlock_pack": 1, "name": "行銷部範本",
        "templates": [
            {"name": "客服回覆", "category": "customer_service", "body": "回覆{{ customer }}：{{ issue }}",
             "variables": [{"name": "customer", "default": "您好"}, {"name": "issue", "type": "long_text",
                                                                      "required": True}],
             "brand_voice": "暖心", "framework": "PAS", "version": 3},
            {"name": "商品照", "kind": "image", "category": "image_prompt", "body": "photo of {{ item }}",
             "negative": "blurry", "variables": [{"name": "item", "required": True}]},
        ],
        "brand_voices": [{"name": "暖心", "tone": "溫暖", "banned_words": ["最便宜"], "version": 2}],
        "frameworks": [{"key": "PAS", "name": "PAS", "instruction": "Use PAS.", "instruction_zh": "請用 PAS。"}],
    }


def as_bytes(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def test_json_and_zip_round_trip(db, tmp_path):
    result = import_pack(db, parse_pack(as_bytes(sample_pack())))
    assert sorted(result.added) == [("brand_voice", "暖心"), ("framework", "PAS"), ("template", "商品照"),
                                    ("template", "客服回覆")]
    assert TemplateLibrary(db).get("客服回覆").version == 3  # the pack's version is kept
    for name in ("out.json", "out.zip"):
        path = write_pack(build_pack(db), tmp_path / name)
        other = open_db(tmp_path / f"{name}.db")
        import_pack(other, load_pack(path))
        for table in ("templates", "brand_voices", "frameworks"):
            columns = "name, body, variables, version" if table == "templates" else "*"
            strip = (lambda rows: [{k: v for k, v in r.items() if k not in ("id", "created_at", "updated_at")}
                                   for r in rows])
            assert strip(list(other.query(f"select {columns} from {table} order by name" if table != "frameworks"
                                          else "select * from frameworks order by key"))) == \
                strip(list(db.query(f"select {columns} from {table} order by name" if table != "frameworks"
                                    else "select * from frameworks order by key")))
        again = import_pack(other, load_pack(path))
        assert len(again.unchanged) == 4 and not again.added
        other.conn.close()
    assert zipfile.ZipFile(tmp_path / "out.zip").namelist() == ["manifest.json", "pack.json"]


def test_export_of_one_template_brings_its_voice_and_framework(db):
    import_pack(db, parse_pack(as_bytes(sample_pack())))
    pack = build_pack(db, ["客服回覆"])
    assert [t.name for t in pack.templates] == ["客服回覆"]
    assert [v.name for v in pack.brand_voices] == ["暖心"] and [f.key for f in pack.frameworks] == ["PAS"]
    assert json.loads(pack_json(pack))["airlock_pack"] == 1
    with pytest.raises(BadInput, match="no template 'nope'"):
        build_pack(db, ["nope"])


def test_conflicts_keep_both_replace_or_skip(db):
    import_pack(db, parse_pack(as_bytes(sample_pack())))
    changed = sample_pack()
    changed["templates"][0]["body"] = "親愛的{{ customer }}：{{ issue }}"
    changed["brand_voices"][0]["tone"] = "更溫暖"
    pack = parse_pack(as_bytes(changed))
    items = {(i.kind, i.name): i for i in preview(db, pack)}
    assert items[("template", "客服回覆")].status == "conflict"
    assert items[("template", "商品照")].status == "same"
    assert (items[("brand_voice", "暖心")].existing_version, items[("brand_voice", "暖心")].incoming_version) == (2, 2)

    result = import_pack(db, pack, decisions={("template", "客服回覆"): "skip"}, default="keep_both")
    assert result.skipped == [("template", "客服回覆")]
    assert result.kept_both == [("brand_voice", "暖心", "暖心 (2)")]
    assert BrandVoices(db).get("暖心 (2)").tone == "更溫暖"

    changed["templates"][0]["body"] = "第三版 {{ customer }} {{ issue }}"
    result = import_pack(db, parse_pack(as_bytes(changed)), default="keep_both",
                         decisions={("template", "客服回覆"): "replace", ("brand_voice", "暖心"): "skip"})
    library = TemplateLibrary(db)
    replaced = library.get("客服回覆")
    assert replaced.body.startswith("第三版") and replaced.version == 4  # old content stays in history
    assert library.version("客服回覆", 3).body == "回覆{{ customer }}：{{ issue }}"

    changed["templates"][0]["body"] = "第四版 {{ customer }} {{ issue }}"
    changed["brand_voices"][0]["tone"] = "第三種語氣"
    result = import_pack(db, parse_pack(as_bytes(changed)), default="keep_both")
    copy_name = dict(((k, n), s) for k, n, s in result.kept_both)[("template", "客服回覆")]
    voice_copy = dict(((k, n), s) for k, n, s in result.kept_both)[("brand_voice", "暖心")]
    assert library.get(copy_name).brand_voice == voice_copy  # the copy points at the copied voice


def broken(**edits) -> bytes:
    data = copy.deepcopy(sample_pack())
    for path, value in edits.items():
        target = data
        keys = path.split(".")
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        if value is KeyError:
            del target[keys[-1]]
        else:
            target[int(keys[-1]) if keys[-1].isdigit() else keys[-1]] = value
    return as_bytes(data)


@pytest.mark.parametrize("data, pattern", [
    (b'{"airlock_pack": 1, "templates": [', r"not valid JSON \(line 1, column 35: Expecting value"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b"[1, 2]", "must be a JSON object"),
    (b'{"templates": []}', "not an Airlock pack"),
    (b'{"airlock_pack": 9}', "format version 9"),
    (broken(extra="x"), "unknown field 'extra'"),
    (broken(**{"templates.0.colour": "red"}), "Template '客服回覆' has an unknown field 'colour'"),
    (broken(**{"templates.0.body": "回覆{{ customer }"}), "syntax error on line 1"),
    (broken(**{"templates.0.body": "{{ ''.__class__.__mro__ }}"}), "underscore"),
    (broken(**{"templates.0.body": "{{ cycler.__init__.__globals__ }}"}), "underscore"),
    (broken(**{"templates.0.body": "{{ config }}"}), "'config'"),
    (broken(**{"templates.1.variables": [{"name": "item", "type": "colour"}]}), "unknown type 'colour'"),
    (broken(**{"brand_voices.0.wat": 1}), "Brand voice '暖心' has an unknown field 'wat'"),
    (broken(**{"frameworks.0.instruction": "", "frameworks.0.instruction_zh": ""}), "needs an instruction"),
    (broken(templates="nope"), "'templates' must be a list"),
    (as_bytes({"airlock_pack": 1}), "is empty"),
    (as_bytes({**sample_pack(), "templates": sample_pack()["templates"] * 2}), "holds the template '客服回覆' twice"),
])
def test_bad_packs_are_refused_with_one_clear_message(db, data, pattern):
    before = state(db)
    with pytest.raises(BadInput, match=pattern) as error:
        import_pack(db, parse_pack(data))
    assert "\n" not in str(error.value)
    assert state(db) == before


def test_dangling_references_are_refused_before_anything_is_written(db):
    data = sample_pack()
    data["brand_voices"] = []
    before = state(db)
    with pytest.raises(BadInput, match="brand voice '暖心', which is neither in the pack nor in this library"):
        import_pack(db, parse_pack(as_bytes(data)))
    assert state(db) == before


def test_a_failure_midway_rolls_everything_back(db, monkeypatch):
    before = state(db)
    original = TemplateLibrary.write

    def fail_on_second(self, template, **kwargs):
        if template.name == "商品照":
            raise BadInput("disk full (simulated)")
        return original(self, template, **kwargs)

    monkeypatch.setattr(TemplateLibrary, "write", fail_on_second)
    with pytest.raises(BadInput, match="simulated"):
        import_pack(db, parse_pack(as_bytes(sample_pack())))
    assert state(db) == before  # the voice, framework and first template were not kept


def test_oversize_and_tampered_files(db, tmp_path, monkeypatch):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (packs.MAX_PACK_BYTES + 1))
    with pytest.raises(BadInput, match="a pack may be at most 20 MB"):
        load_pack(big)
    pack = parse_pack(as_bytes(sample_pack()))
    archive = zipfile.ZipFile(io.BytesIO(pack_zip(pack)))
    manifest = json.loads(archive.read("manifest.json"))
    body = archive.read("pack.json").replace("溫暖".encode(), "冷漠".encode())
    tampered = io.BytesIO()
    with zipfile.ZipFile(tampered, "w") as out:
        out.writestr("manifest.json", json.dumps(manifest))
        out.writestr("pack.json", body)
    with pytest.raises(BadInput, match="does not match the sha256"):
        parse_pack(tampered.getvalue())
    sneaky = io.BytesIO()
    with zipfile.ZipFile(sneaky, "w") as out:
        out.writestr("manifest.json", json.dumps({**manifest, "files": {"pack.json": {
            "sha256": hashlib.sha256(body).hexdigest()}}}))
        out.writestr("pack.json", body)
        out.writestr("../../evil.sh", "rm -rf /")
    with pytest.raises(BadInput, match="which its manifest does not list"):
        parse_pack(sneaky.getvalue())
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("manifest.json", json.dumps(manifest))
        out.writestr("pack.json", b"{" + b" " * (packs.MAX_PACK_BYTES + 10) + b"}")
    with pytest.raises(BadInput, match="unpacks to more than 20 MB"):
        parse_pack(bomb.getvalue())
    with pytest.raises(BadInput, match="not a valid zip"):
        parse_pack(b"PK\x03\x04 broken")


# the default pack --------------------------------------------------------------------


def test_default_pack_installs_once_and_deletions_stick(db):
    assert ensure_default_pack(db) is True
    library = TemplateLibrary(db)
    names = [t.name for t in library.list()]
    assert len(names) >= 12
    library.delete("客服回覆")
    assert ensure_default_pack(db) is False
    assert library.find("客服回覆") is None


def test_default_pack_is_useful_in_both_languages_and_every_template_renders(db):
    pack = load_pack(packs.DEFAULT_PACK)
    by_language = {lang: [t for t in pack.templates if t.language == lang] for lang in ("zh-TW", "en")}
    assert len(by_language["zh-TW"]) >= 6 and len(by_language["en"]) >= 6
    categories = {t.category for t in pack.templates}
    assert {"social_post", "edm", "product_copy", "press_release", "customer_service", "job_post",
            "image_prompt"} <= categories
    names = " ".join(t.name for t in pack.templates)
    for needed in ("小紅書", "Instagram", "Facebook", "EDM", "新聞稿", "客服", "徵才", "兒童", "商品"):
        assert needed in names
    assert len(pack.brand_voices) == 2 and {"AIDA", "PAS", "FAB", "4P", "SWOT"} <= {f.key for f in pack.frameworks}
    zh_text = " ".join(t.body + t.description for t in by_language["zh-TW"])
    for simplified in ("视频", "质量", "网络", "信息", "软件", "用户"):  # mainland words and characters
        assert simplified not in zh_text
    import_pack(db, pack)
    for template in pack.templates:
        samples = {"short_text": "樣本", "long_text": "第一點\n第二點", "date": "2026-05-01", "number": 3}
        given = {v.name: samples[v.type] for v in template.variables if v.required}
        composed = compose(db, template, given)
        assert composed.prompt and "{{" not in composed.prompt and "{%" not in composed.prompt
        if template.kind == "image":
            assert composed.negative
        else:
            resolve_values(template.variables, given)


def test_frameworks_and_voices_from_the_default_pack(db):
    ensure_default_pack(db)
    aida = Frameworks(db).get("AIDA")
    assert "注意" in aida.summary_zh and aida.instruction_for("en").startswith("Structure the copy with AIDA")
    voices = BrandVoices(db).list()
    assert {v.language for v in voices} == {"zh-TW", "en"}
    assert all(isinstance(v, BrandVoice) and v.banned_words and v.required_phrases for v in voices)
    assert isinstance(TemplateLibrary(db).get("LINE 官方帳號推播"), Template)
