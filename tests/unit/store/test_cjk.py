from engine.store import cjk


def test_index_text_writes_bigrams_and_the_last_character():
    assert cjk.index_text("品牌調性").split() == ["品牌", "牌調", "調性", "性"]
    assert cjk.index_text("好").split() == ["好"]


def test_every_character_starts_a_token_so_a_prefix_query_finds_it():
    tokens = cjk.index_text("請寫品牌調性說明 and 好").split()
    for char in "請寫品牌調性說明好":
        assert any(token.startswith(char) for token in tokens), char
    assert cjk.fts_query("調") == '"調"*'


def test_latin_text_passes_through():
    assert cjk.index_text("Brand voice guide").strip() == "Brand voice guide"


def test_full_width_letters_are_normalised():
    assert "AI 2026" in cjk.index_text("ＡＩ ２０２６")


def test_query_builds_phrases_and_prefixes():
    assert cjk.fts_query("品牌調性") == '"品牌 牌調 調性"'
    assert cjk.fts_query("品牌") == '"品牌"'
    assert cjk.fts_query("brand 品牌") == '"brand"* AND "品牌"'


def test_query_never_passes_fts_syntax_through():
    assert cjk.fts_query('" * ( ) :') is None
    assert cjk.fts_query("cats OR dogs") == '"cats"* AND "OR"* AND "dogs"*'
    assert cjk.fts_query("name:foo") == '"name"* AND "foo"*'
    assert cjk.fts_query("   ") is None
    assert cjk.fts_query("，。") is None
