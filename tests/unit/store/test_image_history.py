"""Image generations in history: the new columns, Markdown export and redaction."""

from __future__ import annotations

import io

from engine.store.history import History
from engine.store.export import export_history
from engine.store.db import open_db


def test_image_rows_keep_their_file_and_size_and_export(tmp_path):
    history = History(open_db(tmp_path / "a.db"))
    generation_id = history.add({
        "kind": "image", "model": "sd15", "model_sha256": "f" * 64, "prompt": "poster for lin@example.com",
        "output": "", "seed": 7, "status": "done", "output_path": "/home/me/outputs/x.png", "width": 512,
        "height": 768, "params": {"negative": "call 0912-345-678", "steps": 20, "guidance": 7.0,
                                  "scheduler": "Euler a"},
        "versions": {"torch": "2.13.0"},
    })
    row = history.get(generation_id)
    assert (row["output_path"], row["width"], row["height"]) == ("/home/me/outputs/x.png", 512, 768)
    assert history.list(kind="image")[0]["id"] == generation_id
    out = io.StringIO()
    export_history(history, out, fmt="md", redact=True)
    text = out.getvalue()
    assert "(image)" in text and "steps: 20" in text and "size: 512x768" in text
    assert "![image](/home/me/outputs/x.png)" in text
    assert "lin@example.com" not in text and "0912-345-678" not in text
