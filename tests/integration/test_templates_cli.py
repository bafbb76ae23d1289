"""``airlock templates`` and ``airlock knowledge`` through the installed console script:
the JSON output, exit codes and one-line errors of the command line contract."""

from __future__ import annotations

import json

import pytest

from tests.conftest import assert_one_line_error
from tests.helpers.documents import write_pdf


def test_list_show_render_and_export_import(cli, tmp_path):
    listed = json.loads(cli("templates", "list", "--json").stdout)  # the default pack is installed
    assert len(listed) >= 12 and {"小紅書種草筆記", "Press release"} <= {t["name"] for t in listed}
    found = json.loads(cli("templates", "list", "--search", "新聞", "--json").stdout)
    assert [t["name"] for t in found] == ["新聞稿"]
    shown = json.loads(cli("templates", "show", "Instagram caption", "--json").stdout)
    assert shown["version"] == 1 and shown["versions"][0]["version"] == 1
    rendered = json.loads(cli("templates", "render", "Instagram caption", "--var", "brand=Northwind",
                              "--var", "topic=Autumn blend", "--var", "key_points=Oct 1-14, 20% off",
                              "--var", "emoji=no", "--json").stdout)
    assert rendered["prompt"].startswith("You are the social media editor of Northwind.")
    assert "- No emoji." in rendered["prompt"] and rendered["kind"] == "text"
    image = json.loads(cli("templates", "render", "Product shot image prompt", "--var", "product=steel bottle",
                           "--json").stdout)
    assert "steel bottle" in image["prompt"] and "watermark" in image["negative"]

    pack = cli("templates", "export", "客服回覆").stdout
    assert json.loads(pack)["templates"][0]["name"] == "客服回覆"
    out = tmp_path / "cs.zip"
    written = json.loads(cli("templates", "export", "Customer service reply", "--out", str(out), "--json").stdout)
    assert written["templates"] == 1 and written["brand_voices"] == 1 and out.exists()
    cli("templates", "delete", "Customer service reply")
    dry = json.loads(cli("templates", "import", str(out), "--dry-run", "--json").stdout)
    assert {(i["kind"], i["status"]) for i in dry} == {("template", "new"), ("brand_voice", "same")}
    result = json.loads(cli("templates", "import", str(out), "--json").stdout)
    assert result["added"] == [{"kind": "template", "name": "Customer service reply"}]


def test_errors_are_one_line_with_the_right_exit_code(cli, tmp_path):
    assert_one_line_error(cli("templates", "render", "客服回覆", check_exit=2), r"Missing required variables: 顧客的問題或抱怨 \(issue\), 查證後的事實與可提供的方案 \(facts\)\.")
    assert_one_line_error(cli("templates", "show", "沒有這個", check_exit=2), "There is no template '沒有這個'")
    assert_one_line_error(cli("templates", "render", "EDM 行銷電子報", "--var", "deadline=明天", "--var", "brand=b",
                       "--var", "campaign=c", "--var", "offer=o", check_exit=2), "date like 2026-05-01")
    bad = tmp_path / "bad.json"
    bad.write_text('{"airlock_pack": 1, "templates": [{"name": "x", "body": "{{ \'\'.__class__ }}"}]}')
    assert_one_line_error(cli("templates", "import", str(bad), check_exit=2), "underscore")
    bad.write_text('{"airlock_pack": 1, "templates": [{"name": "x", "body": "line1\\n{% if %}"}]}')
    assert_one_line_error(cli("templates", "import", str(bad), check_exit=2), "syntax error on line 2")
    bad.write_text("{not json")
    assert_one_line_error(cli("templates", "import", str(bad), check_exit=2), "not valid JSON")
    assert_one_line_error(cli("templates", "export", check_exit=2), "Name the templates to export, or use --all")
    assert_one_line_error(cli("templates", "run", "商品情境照提示詞", "--var", "product_en=bottle", check_exit=2),
                   "image template")


def test_knowledge_import_list_search_and_render_with_citations(cli, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "茶葉.md").write_text("山嵐冷泡烏龍使用南投鹿谷的茶葉，冷水浸泡八小時。", encoding="utf-8")
    write_pdf(docs / "tent.pdf", ["The Ridge 2 tent weighs 1.8 kg."])
    (docs / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    imported = cli("knowledge", "import", *map(str, sorted(docs.iterdir())), "--collection", "產品", "--json")
    report = json.loads(imported.stdout)
    assert [d["name"] for d in report["imported"]] == ["tent.pdf", "茶葉.md"]
    assert report["skipped"][0]["name"] == "old.doc" and "save it as .docx" in report["skipped"][0]["reason"]
    assert json.loads(cli("knowledge", "list", "--json").stdout)[0]["documents"] == 2
    hits = json.loads(cli("knowledge", "search", "鹿谷", "--json").stdout)
    assert [h["document"] for h in hits] == ["茶葉.md"]
    rendered = json.loads(cli("templates", "render", "小紅書種草筆記", "--var", "product=冷泡烏龍",
                              "--var", "highlights=鹿谷茶葉，冷水浸泡", "--knowledge", "產品", "--json").stdout)
    assert rendered["citations"][0]["document"] == "茶葉.md" and "[1] 茶葉.md（第 1 段）" in rendered["prompt"]
    assert_one_line_error(cli("knowledge", "import", str(docs / "old.doc"), "--collection", "x", check_exit=2),
                   "Nothing was imported")
    assert_one_line_error(cli("templates", "render", "小紅書種草筆記", "--var", "product=p", "--var", "highlights=h",
                       "--knowledge", "沒有", check_exit=2), "no knowledge collection '沒有'")


@pytest.mark.slow
def test_run_generates_with_the_default_model_and_records_the_template(cli):
    result = cli("templates", "run", "Instagram caption", "--var", "brand=Northwind", "--var", "topic=New tent",
                 "--var", "key_points=Weighs 1.8 kg; pitches in five minutes", "--seed", "3", "--max-tokens", "40",
                 "--json")
    answer = json.loads(result.stdout)
    assert answer["text"] and answer["model"] == "smollm2-135m" and answer["template"] == "Instagram caption"
    record = json.loads(cli("history", "show", str(answer["id"]), "--json").stdout)
    assert record["params"]["template"]["name"] == "Instagram caption"
    assert record["params"]["temperature"] == 0.8 and record["params"]["max_tokens"] == 40
