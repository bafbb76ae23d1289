"""The local OpenAI-compatible API (`airlock serve`): keys, settings, the HTTP app and the server thread.

FastAPI/uvicorn/sse-starlette are imported only by :mod:`engine.api.app` and
:mod:`engine.api.server`, so the rest of the engine (and the GUI's start-up) never pays
for them.
"""
