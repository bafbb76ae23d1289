"""The official `openai` client against the real `airlock serve` on 127.0.0.1."""

from __future__ import annotations

import concurrent.futures
import json

import httpx
import openai
import pytest

from tests.helpers.api_server import airlock, create_key, serve

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("api")
    home = root / "home"
    key = create_key(home, "crm", "text")
    image_key = create_key(home, "designer", "image")
    with serve(home, "--queue", "1", "--cors-origin", "https://crm.example.com",
               network_log=root / "network.log") as served:
        served.key, served.image_key, served.home = key, image_key, home
        yield served


@pytest.fixture
def client(server):
    return openai.OpenAI(base_url=server.base, api_key=server.key, max_retries=0, timeout=120)


def test_models_lists_local_models_and_templates(client):
    ids = [m.id for m in client.models.list()]
    assert "smollm2-135m" in ids
    assert any(i.startswith("airlock/tpl-") for i in ids), ids  # the default pack's templates


def test_chat_streaming_completions_and_history(server, client):
    reply = client.chat.completions.create(model="smollm2-135m", max_tokens=8, seed=1, temperature=0,
                                           messages=[{"role": "user", "content": "Say hello."}])
    assert reply.choices[0].message.content and reply.usage.completion_tokens >= 1
    assert reply.choices[0].finish_reason in ("stop", "length")

    pieces = []
    stream = client.chat.completions.create(model="smollm2-135m", max_tokens=8, seed=1, temperature=0, stream=True,
                                            stream_options={"include_usage": True},
                                            messages=[{"role": "user", "content": "Say hello."}])
    usage = None
    for chunk in stream:
        if chunk.usage:
            usage = chunk.usage
        for choice in chunk.choices:
            pieces.append(choice.delta.content or "")
    assert "".join(pieces) == reply.choices[0].message.content  # same seed, same words, streamed
    assert usage is not None and usage.completion_tokens == reply.usage.completion_tokens

    completion = client.completions.create(model="smollm2-135m", prompt="The capital of France is", max_tokens=4,
                                           seed=2, temperature=0)
    assert completion.choices[0].text

    rows = json.loads(airlock(server.home, "history", "list", "--json").stdout)
    assert [r["params"]["api"]["key"] for r in rows[:3]] == ["crm", "crm", "crm"]
    assert {r["params"]["api"]["endpoint"] for r in rows[:3]} == {"chat", "completions"}
    assert rows[0]["params"]["api"]["backend"] == "local"


def test_completions_complete_the_raw_prompt_with_no_chat_template(server, client, smollm2):
    import llama_cpp

    prompt = "The capital of France is"
    completion = client.completions.create(model="smollm2-135m", prompt=prompt, max_tokens=8, seed=2,
                                           temperature=0)
    raw = llama_cpp.Llama(model_path=str(smollm2), n_ctx=512, verbose=False)
    try:
        tokens = raw.tokenize(prompt.encode(), add_bos=True, special=False)
        greedy: list[int] = []
        for token in raw.generate(tokens, temp=0, top_k=40, top_p=0.95, min_p=0.05, repeat_penalty=1.1):
            if llama_cpp.llama_vocab_is_eog(raw._model.vocab, token) or len(greedy) == 8:
                break
            greedy.append(token)
        expected = raw.detokenize(greedy).decode("utf-8", "replace")
    finally:
        raw.close()
    # the prompt's own tokens only: a chat template would add a system turn and role markers
    assert completion.usage.prompt_tokens == len(tokens)
    assert completion.choices[0].text == expected  # what llama.cpp itself continues the text with

    streamed = "".join(c.choices[0].text for c in client.completions.create(
        model="smollm2-135m", prompt=prompt, max_tokens=8, seed=2, temperature=0, stream=True) if c.choices)
    assert streamed == expected
    row = json.loads(airlock(server.home, "history", "list", "--limit", "1", "--json").stdout)[0]
    assert row["prompt"] == prompt and row["params"]["raw_prompt"] is True
    assert row["params"]["api"]["endpoint"] == "completions"
    marker = client.completions.create(model="smollm2-135m", prompt="<|im_start|>user", max_tokens=1, temperature=0)
    assert marker.usage.prompt_tokens > 1  # typed control-token text stays text


def test_a_template_model_brings_its_brand_voice(server, client):
    ids = [m.id for m in client.models.list()]
    assert "airlock/tpl-customer-service-reply" in ids and "airlock/tpl-新聞稿" in ids
    reply = client.chat.completions.create(
        model="airlock/tpl-customer-service-reply", max_tokens=16, seed=5, temperature=0,
        messages=[{"role": "user", "content": "My tent pole arrived bent."}],
        extra_body={"template_variables": {"facts": "Replacement poles ship in two days."}})
    assert reply.choices[0].message.content
    row = json.loads(airlock(server.home, "history", "list", "--limit", "1", "--json").stdout)[0]
    assert row["params"]["template"]["name"] == "Customer service reply"
    assert row["params"]["template"]["variables"]["issue"] == "My tent pole arrived bent."
    assert row["params"]["brand_voice"] and row["params"]["api"]["key"] == "crm"
    assert "Northwind" in (row["system"] or "")
    with pytest.raises(openai.BadRequestError, match="facts"):  # a required variable left out
        client.chat.completions.create(model="airlock/tpl-customer-service-reply", max_tokens=4,
                                       messages=[{"role": "user", "content": "Hello"}])


def test_json_schema_is_enforced_and_validated(client):
    schema = {"type": "object", "properties": {"name": {"type": "string", "maxLength": 20},
                                               "age": {"type": "integer"}},
              "required": ["name", "age"], "additionalProperties": False}
    reply = client.chat.completions.create(
        model="smollm2-135m", max_tokens=60, seed=3, temperature=0,
        messages=[{"role": "user", "content": "Invent a person."}],
        response_format={"type": "json_schema", "json_schema": {"name": "person", "schema": schema}})
    value = json.loads(reply.choices[0].message.content)
    assert set(value) == {"name", "age"} and isinstance(value["age"], int)
    # llama.cpp's own form: json_object with a schema
    reply = client.chat.completions.create(
        model="smollm2-135m", max_tokens=60, seed=3, temperature=0,
        messages=[{"role": "user", "content": "Invent a person."}],
        response_format={"type": "json_object", "schema": schema})
    assert set(json.loads(reply.choices[0].message.content)) == {"name", "age"}


def test_refusals(server, client):
    wrong = openai.OpenAI(base_url=server.base, api_key="ak-not-a-real-key", max_retries=0)
    with pytest.raises(openai.AuthenticationError):
        wrong.models.list()
    assert httpx.get(server.base + "/models").status_code == 401  # loopback is no excuse
    with pytest.raises(openai.BadRequestError, match="does not support the parameter 'logit_bias'"):
        client.chat.completions.create(model="smollm2-135m", messages=[{"role": "user", "content": "hi"}],
                                       logit_bias={"1": 5})
    with pytest.raises(openai.NotFoundError):
        client.chat.completions.create(model="no-such-model", messages=[{"role": "user", "content": "hi"}])
    with pytest.raises(openai.PermissionDeniedError):  # a text-only key cannot make images
        client.images.generate(prompt="a kite")
    headers = {"Authorization": f"Bearer {server.key}"}
    evil = httpx.get(server.base + "/models", headers={**headers, "Origin": "https://evil.example"})
    assert evil.status_code == 403 and "access-control-allow-origin" not in evil.headers
    good = httpx.get(server.base + "/models", headers={**headers, "Origin": "https://crm.example.com"})
    assert good.status_code == 200 and good.headers["access-control-allow-origin"] == "https://crm.example.com"
    rebound = httpx.get(server.base + "/models", headers={**headers, "Host": "attacker.example"})
    assert rebound.status_code == 400  # DNS rebinding: a foreign Host name is refused
    big = httpx.post(server.base + "/chat/completions", headers=headers, content=b"{" + b" " * (2 << 20) + b"}")
    assert big.status_code == 413


def test_flood_gets_429_with_retry_after(server):
    # queue limit 1: one running, one waiting, the rest refused at once
    def call(_):
        return httpx.post(server.base + "/chat/completions", timeout=120,
                          headers={"Authorization": f"Bearer {server.key}"},
                          json={"model": "smollm2-135m", "max_tokens": 24, "seed": 4,
                                "messages": [{"role": "user", "content": "Count to ten."}]})

    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(call, range(6)))
    codes = sorted(a.status_code for a in answers)
    assert codes.count(200) >= 2 and 429 in codes, codes
    refused = next(a for a in answers if a.status_code == 429)
    assert int(refused.headers["retry-after"]) >= 1
    assert refused.json()["error"]["code"] == "queue_full"
