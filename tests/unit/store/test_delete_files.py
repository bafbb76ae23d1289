"""Deleting a generation takes the files it made, whichever front end asks (issue 9 item 5)."""

from __future__ import annotations

from engine.store.db import open_db
from engine.store.history import History


def image_record(path) -> dict:
    return {"kind": "image", "model": "sd", "prompt": "a cat", "output": "", "output_path": str(path),
            "status": "done", "seed": 1, "params": {}}


def test_delete_removes_the_rows_and_their_files(tmp_path):
    history = History(open_db(tmp_path / "a.db"))
    kept_png, gone_png, already_gone = (tmp_path / n for n in ("kept.png", "gone.png", "missing.png"))
    kept_png.write_bytes(b"png")
    gone_png.write_bytes(b"png")
    kept = history.add(image_record(kept_png))
    gone = history.add(image_record(gone_png))
    missing = history.add(image_record(already_gone))
    text = history.add({"kind": "text", "model": "m", "prompt": "hi", "output": "hello", "status": "done"})

    assert history.delete([gone, missing, text]) == 3
    assert not gone_png.exists() and kept_png.exists()
    assert history.get(gone) is None and history.get(text) is None and history.get(kept) is not None
