"""Demo mode: a throw-away home with everything a trainer needs to show Airlock in a room
with no network: the default model, the default template pack (with its example brand
voices), two invented brands' product facts as knowledge and a sample customer CSV for the
batch review. Leaving the demo deletes the home.

The home carries a marker file (:data:`MARKER`): only a folder with it is ever deleted
(:func:`remove`), so a mistyped path can never take real data with it.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from engine.errors import BadInput
from engine.paths import RESOURCES

MARKER = ".airlock-demo"
PREFIX = "airlock-demo-"
KNOWLEDGE_COLLECTION = "Demo product facts / 示範產品資料"
CUSTOMERS = RESOURCES / "batch" / "sample-customers.csv"
KNOWLEDGE_FILES = ("knowledge-tea-products.md", "knowledge-northwind-faq.md")


def is_demo(home_root: Path) -> bool:
    return (Path(home_root) / MARKER).is_file()


def create(parent: Path | None = None) -> Path:
    """Make and fill a new demo home (under ``parent``, default the system temp folder)."""
    from engine.home import Home
    from engine.workspace import Workspace

    if parent is not None:
        Path(parent).mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix=PREFIX, dir=parent))
    (root / MARKER).write_text(json.dumps({"pid": os.getpid()}), encoding="utf-8")
    try:
        ws = Workspace(Home(root).ensure(), process_name="demo")
        try:
            fill(ws)
        finally:
            ws.close()
    except BaseException:
        remove(root)
        raise
    return root


def fill(ws: object) -> None:
    """The sample knowledge and the customer CSV (the model and the template pack come with
    every new home)."""
    from engine.knowledge.base import KnowledgeBase

    knowledge = KnowledgeBase(ws.db)  # type: ignore[attr-defined]
    knowledge.ensure_collection(KNOWLEDGE_COLLECTION)
    for name in KNOWLEDGE_FILES:
        text = (RESOURCES / "demo" / name).read_text(encoding="utf-8")
        knowledge.import_text(KNOWLEDGE_COLLECTION, name, text)
    samples = ws.home.root / "samples"  # type: ignore[attr-defined]
    samples.mkdir(exist_ok=True)
    if CUSTOMERS.is_file():
        shutil.copy2(CUSTOMERS, samples / CUSTOMERS.name)


def remove(root: Path) -> None:
    """Delete a demo home; refuses any folder that is not one."""
    root = Path(root)
    if not root.exists():
        return
    if not is_demo(root):
        raise BadInput(f"{root} is not a demo home; it was left alone.")
    shutil.rmtree(root, ignore_errors=True)
    if root.exists():  # a file still open on Windows: one more try after the handles close
        shutil.rmtree(root)


def remove_stale(parent: Path | None = None) -> int:
    """Demo homes whose process died without cleaning up (a crash, a power cut)."""
    import psutil

    base = Path(parent or tempfile.gettempdir())
    removed = 0
    for folder in base.glob(f"{PREFIX}*"):
        try:
            pid = json.loads((folder / MARKER).read_text(encoding="utf-8")).get("pid")
        except (OSError, ValueError):
            continue
        if pid != os.getpid() and not psutil.pid_exists(int(pid)):
            remove(folder)
            removed += 1
    return removed
