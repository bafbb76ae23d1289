"""A separate program that streams one chat completion with the official ``openai`` client
and prints when each piece arrived, as JSON: what a CRM plug-in on the same workstation
does. The API benchmark runs it as its own process, so the client's parsing does not share
the server process's interpreter lock, as a real caller's never would.

    python -m tests.helpers.api_stream_client URL KEY MODEL MAX_TOKENS SEED PROMPT
"""

from __future__ import annotations

import json
import sys
import time


def main(url: str, key: str, model: str, max_tokens: int, seed: int, prompt: str) -> dict:
    import openai

    client = openai.OpenAI(base_url=url + "/v1", api_key=key, max_retries=0, timeout=600)
    # A caller that has been running a while: the client's lazy imports done and its
    # connection open. A cold first call costs this program, not the API, ~0.5 s, and the
    # first use of ``client.chat.completions`` alone imports for 30-50 ms, so one short
    # streamed call (another prompt, one token) goes first.
    client.models.list()
    for _chunk in client.chat.completions.create(model=model, max_tokens=1, temperature=0, seed=seed, stream=True,
                                                 messages=[{"role": "user", "content": "Hi"}]):
        pass
    times: list[float] = []
    usage = None
    start = time.perf_counter()
    for chunk in client.chat.completions.create(model=model, max_tokens=max_tokens, temperature=0, seed=seed,
                                                stream=True, stream_options={"include_usage": True},
                                                messages=[{"role": "user", "content": prompt}]):
        if chunk.usage:
            usage = chunk.usage
        if chunk.choices and chunk.choices[0].delta.content:
            times.append(time.perf_counter() - start)
    return {"first_token_s": times[0], "last_token_s": times[-1], "chunks": len(times),
            "completion_tokens": usage.completion_tokens if usage else None}


if __name__ == "__main__":
    url, key, model, max_tokens, seed, prompt = sys.argv[1:7]
    print(json.dumps(main(url, key, model, int(max_tokens), int(seed), prompt)))
