"""The template library on a real SQLite store: save, versions, diff, restore, search;
brand voices and their checks; composing a run; the SWIFT builder."""

from __future__ import annotations

from dataclasses import replace

import pytest

from engine.prompts.brand_voice import BrandVoice, BrandVoices, check_text, describe_flags, instructions
from engine.errors import BadInput
from engine.prompts.frameworks import Framework, Frameworks
from engine.knowledge.base import KnowledgeBase
from engine.store.db import open_db
from engine.prompts.swift import Attachment, SwiftBrief, build_prompt, template_body, to_template
from engine.prompts.render import render_source
from engine.prompts.compose import Retrieval, compose, sampling_params
from engine.prompts.templates import Template, TemplateLibrary


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "airlock.db")
    yield database
    database.conn.close()


def post_template(**changes) -> Template:
    data = {"name": "IG 新品貼文", "category": "social_post", "description": "新品上市的 Instagram 貼文",
            "body": "請為{{ product }}寫一則 Instagram 貼文，語氣{{ tone }}。",
            "variables": [{"name": "product", "label": "產品", "required": True},
                          {"name": "tone", "type": "choice", "options": ["活潑", "專業"], "default": "活潑"}],
            "params": {"temperature": 0.8, "max_tokens": 300}}
    return Template.from_dict({**data, **changes})


def test_every_save_is_a_version_with_diff_and_restore(db):
    library = TemplateLibrary(db)
    first = library.save(post_template())
    assert first.version == 1 and first.id is not None
    assert library.save(post_template()).version == 1  # unchanged: no new version
    second = library.save(post_template(body="請為{{ product }}寫一則貼文，加上 hashtag。"))
    assert second.version == 2
    assert [v["version"] for v in library.versions("IG 新品貼文")] == [2, 1]
    diff = library.diff("IG 新品貼文", 1)
    assert "-  請為{{ product }}寫一則 Instagram 貼文，語氣{{ tone }}。" in diff
    assert "+  請為{{ product }}寫一則貼文，加上 hashtag。" in diff
    restored = library.restore("IG 新品貼文", 1)
    assert restored.version == 3 and restored.body == first.body
    assert library.versions("IG 新品貼文")[0]["note"] == "restored version 1"
    assert library.version("IG 新品貼文", 2).body.endswith("hashtag。")
    with pytest.raises(BadInput, match="no version 9"):
        library.version("IG 新品貼文", 9)


def test_rename_delete_and_name_clashes(db):
    library = TemplateLibrary(db)
    library.save(post_template())
    library.save(post_template(name="Other"))
    renamed = library.save(post_template(name="IG 貼文"), previous_name="IG 新品貼文")
    assert renamed.version == 2 and library.find("IG 新品貼文") is None
    with pytest.raises(BadInput, match="already exists"):
        library.save(post_template(name="Other"), previous_name="IG 貼文")
    with pytest.raises(BadInput, match="already exists"):
        library.save(post_template(name="Other", body="a new body"), create=True)
    library.delete("IG 貼文")
    assert [t.name for t in library.list()] == ["Other"]
    assert db.execute("select count(*) from template_versions").fetchone()[0] == 1
    with pytest.raises(BadInput, match="There is no template 'IG 貼文'"):
        library.get("IG 貼文")


def test_search_finds_two_character_chinese_words_and_filters_by_category(db):
    library = TemplateLibrary(db)
    library.save(post_template())
    library.save(post_template(name="Press release", category="press_release", description="News for media",
                               body="Write a press release about {{ product }}.", variables=[{"name": "product"}]))
    assert [t.name for t in library.list(query="新品")] == ["IG 新品貼文"]
    assert [t.name for t in library.list(query="貼文")] == ["IG 新品貼文"]
    assert [t.name for t in library.list(query="media")] == ["Press release"]
    assert [t.name for t in library.list(category="press_release")] == ["Press release"]
    assert library.list(query="新品", category="press_release") == []
    assert library.categories() == ["press_release", "social_post"]


@pytest.mark.parametrize("changes, pattern", [
    ({"kind": "video"}, "kind 'video'"),
    ({"language": "fr"}, "language 'fr'"),
    ({"params": {"temperature": 5}}, "temperature' must be a number from 0 to 2"),
    ({"params": {"steps": 20}}, "unknown text parameter 'steps'"),
    ({"body": "  "}, "empty body"),
    ({"colour": "red"}, "unknown field 'colour'"),
    ({"body": "{{ product }}{{ config }}"}, "'config'"),
])
def test_bad_templates_are_refused(changes, pattern):
    with pytest.raises(BadInput, match=pattern):
        post_template(**changes)


# brand voices -----------------------------------------------------------------------


def voice() -> BrandVoice:
    return BrandVoice.from_dict({"name": "暖心", "language": "zh-TW", "tone": "溫暖、真誠", "audience": "上班族",
                                 "required_phrases": ["#暖心生活"], "banned_words": ["最便宜", "FREE"],
                                 "examples": ["下班後，泡一杯茶吧。"]})


def test_brand_voice_checks_flag_banned_and_missing():
    flags = check_text(voice(), "全台最便宜！最便宜的茶，ｆｒｅｅ 試喝")
    assert {"kind": "banned", "phrase": "最便宜", "count": 2} in flags
    assert {"kind": "banned", "phrase": "FREE", "count": 1} in flags  # full-width and case folded
    assert {"kind": "missing", "phrase": "#暖心生活"} in flags
    assert check_text(voice(), "下班後的一杯好茶 #暖心生活") == []
    assert describe_flags(flags) == "brand voice: uses banned words: 最便宜, FREE; misses required phrases: #暖心生活"


def test_brand_voice_instructions_and_store(db):
    text = instructions(voice())
    assert "品牌語氣：暖心" in text and "「#暖心生活」" in text and "最便宜、FREE" in text and "台灣" in text
    english = instructions(replace(voice(), language="en"))
    assert 'Every piece must include, word for word: "#暖心生活"' in english
    voices = BrandVoices(db)
    voices.save(voice())
    library = TemplateLibrary(db)
    library.save(post_template(brand_voice="暖心"))
    saved = voices.save(replace(voice(), name="暖心2"), previous_name="暖心")
    assert saved.version == 2 and library.get("IG 新品貼文").brand_voice == "暖心2"  # templates follow a rename
    with pytest.raises(BadInput, match="no brand voice 'x'"):
        voices.get("x")
    with pytest.raises(BadInput, match="language 'jp'"):
        BrandVoice.from_dict({"name": "a", "language": "jp"})


# composing a run --------------------------------------------------------------------


def test_compose_applies_voice_framework_and_cites_knowledge(db):
    BrandVoices(db).save(voice())
    Frameworks(db).save(Framework(key="AIDA", name="AIDA", instruction="Use AIDA.", instruction_zh="請用 AIDA 架構。"))
    knowledge = KnowledgeBase(db)
    knowledge.import_text("產品", "型錄.txt", "山嵐保溫瓶採用 316 不鏽鋼，保冷 24 小時。")
    knowledge.import_text("產品", "FAQ.txt", "退貨須在七天內申請。")
    template = TemplateLibrary(db).save(post_template(brand_voice="暖心", framework="AIDA"))
    composed = compose(db, template, {"product": "保溫瓶"}, retrieval=Retrieval(k=2))
    assert composed.prompt.startswith("請為保溫瓶寫一則 Instagram 貼文，語氣活潑。")
    assert "[1] 型錄.txt（第 1 段）\n山嵐保溫瓶採用 316 不鏽鋼" in composed.prompt
    assert "退貨" not in composed.prompt  # it shares no word with the prompt
    assert "請用 AIDA 架構。" in composed.system and "品牌語氣：暖心" in composed.system
    assert composed.annotations["knowledge"] == [{"document": "型錄.txt", "chunk": 1, "document_id": 1,
                                                  "chunk_id": 1, "collection": "產品"}]
    assert composed.annotations["brand_voice"]["banned"] == ["最便宜", "FREE"]
    assert composed.annotations["template"] == {"name": "IG 新品貼文", "version": 1,
                                                "variables": {"product": "保溫瓶", "tone": "活潑"}}
    assert sampling_params(composed.params).temperature == 0.8


def test_compose_places_knowledge_where_the_body_asks_and_notes_what_is_missing(db):
    knowledge = KnowledgeBase(db)
    chunk = knowledge.import_text("c", "doc.md", "Return within 7 days.")
    template = post_template(body="Facts:\n{{ knowledge }}\nWrite about {{ product }}.", brand_voice="gone",
                             framework="NOPE", model="big-model")
    composed = compose(db, template, {"product": "bottle"}, snippet_ids=[chunk["document_id"]],
                       registered_models=["smollm2-135m"])
    assert composed.prompt.index("Return within 7 days.") < composed.prompt.index("Write about bottle.")
    assert composed.prompt.count("Return within 7 days.") == 1
    assert composed.model is None and len(composed.notes) == 3
    with pytest.raises(BadInput, match="no knowledge collection 'nope'"):
        compose(db, template, {"product": "x"}, retrieval=Retrieval(collection="nope"))


# the SWIFT builder -------------------------------------------------------------------


def swift_brief(**changes) -> SwiftBrief:
    framework = Framework(key="PAS", name="PAS", name_zh="PAS 痛點－放大－解方",
                          instruction="Use PAS.", instruction_zh="請用 PAS 架構組織內容。")
    data = dict(scene="我是台中茶飲品牌的行銷，要發 Instagram。", want="寫一則 150 字的{{ product }}上市貼文。",
                interact="動筆前先問我 3 個問題。", feed="售價 NT$350，7/1 上市。",
                attachments=(Attachment(name="規格.txt", text="容量 500ml {{ 不是變數 }}"),),
                framework=framework, language="zh-TW")
    return SwiftBrief(**{**data, **changes})


def test_swift_builder_produces_the_expected_prompt():
    assert build_prompt(swift_brief()) == (
        "## 情境（Scene）\n我是台中茶飲品牌的行銷，要發 Instagram。\n\n"
        "## 需求（Want）\n寫一則 150 字的{{ product }}上市貼文。\n\n"
        "## 互動方式（Interact）\n動筆前先問我 3 個問題。\n\n"
        "## 參考素材（Feed）\n售價 NT$350，7/1 上市。\n\n附件：規格.txt\n容量 500ml {{ 不是變數 }}\n\n"
        "## 思考框架（Thinking framework）：PAS 痛點－放大－解方\n請用 PAS 架構組織內容。\n")
    english = build_prompt(swift_brief(language="en", attachments=(), interact=""))
    assert english.startswith("## Scene\n") and "## Thinking framework: PAS\nUse PAS.\n" in english
    assert "Interact" not in english
    assert build_prompt(SwiftBrief()) == ""


def test_swift_brief_saves_as_a_template_with_its_placeholders(db):
    template = to_template(swift_brief(), "茶飲上市貼文")
    assert [v.name for v in template.variables] == ["product"] and template.variables[0].required
    saved = TemplateLibrary(db).save(template)
    rendered = render_source(saved.body, {"product": "冷泡烏龍"})
    assert "寫一則 150 字的冷泡烏龍上市貼文。" in rendered
    assert "容量 500ml {{ 不是變數 }}" in rendered  # pasted material stays literal
    with pytest.raises(BadInput, match="brief is empty"):
        template_body(SwiftBrief())
