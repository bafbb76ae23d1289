"""Conversation titles from the first question, and the input box's token estimate."""

from __future__ import annotations

from engine.text.estimate import estimate_tokens
from engine.text.runner import TextRequest, build_job
from engine.text.titles import title_from_prompt


def test_a_title_is_the_first_line_that_says_something():
    assert title_from_prompt("Write a   reply\nto this customer") == "Write a reply"
    swift = "## Scene\nI am the **marketing lead** of a tea shop.\n\n## Task\nWrite a post."
    assert title_from_prompt(swift) == "I am the marketing lead of a tea shop."
    assert title_from_prompt("## 情境\n我是茶行的行銷主管。") == "我是茶行的行銷主管。"
    assert title_from_prompt("# Only a heading") == "Only a heading"
    assert len(title_from_prompt("x" * 500)) == 80


def test_the_estimate_counts_cjk_characters_and_english_apart():
    assert estimate_tokens("") == 0
    assert estimate_tokens("a" * 20_000) == 5000
    assert estimate_tokens("山嵐冷泡烏龍") == 6
    assert estimate_tokens("tea 茶") == 2  # "tea " about one token, 茶 one


def test_a_new_conversation_from_the_command_line_is_a_one_off_question(workspace, smollm2):
    request = TextRequest(model=workspace.registry.list()[0].name, prompt="## Scene\nI sell tea.")
    workspace.process_name = "cli"
    _job, cli_id, _notes = build_job(workspace, request)
    workspace.process_name = "app"
    _job, app_id, _notes = build_job(workspace, request)
    assert workspace.history.conversation(cli_id)["kind"] == "oneoff"
    assert workspace.history.conversation(app_id)["kind"] == "text"
    assert workspace.history.conversation(app_id)["title"] == "I sell tea."


def test_a_swift_chat_is_titled_from_its_scene():
    from engine.prompts.swift import SwiftBrief, build_prompt

    prompt = build_prompt(SwiftBrief(scene="我是山嵐茶器的行銷主管，要寫母親節貼文。", want="三則貼文"))
    assert prompt.startswith("## 情境")
    assert title_from_prompt(prompt) == "我是山嵐茶器的行銷主管，要寫母親節貼文。"
