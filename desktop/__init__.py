"""Airlock's PySide6 desktop app. Never imports torch, diffusers or llama_cpp: inference
lives in worker processes, so the window opens in about a second."""
