"""The window never shows an engine error in English: where a page catches an engine
error, it shows ``engine_text(exc)`` (desktop/engine_text.py), never ``str(exc)``.

Read from the source with ``ast``: inside an ``except ... as exc`` block, ``str(exc)`` or
``f"{exc}"`` is an untranslated message. A site that is not shown to a person (a
comparison, the command line's stderr, a failure passed on to a sink that translates)
is listed in ALLOWED with why.
"""

from __future__ import annotations

import ast
from pathlib import Path

DESKTOP = Path(__file__).resolve().parents[3] / "desktop"
ALLOWED = {
    "app.py": "compares the unlock error and prints the command line's one stderr line",
    "bridge.py": "builds a worker Failed event; every page shows it through engine_text",
}



def raw_sites() -> list[str]:
    found = []
    for path in sorted(DESKTOP.rglob("*.py")):
        rel = str(path.relative_to(DESKTOP))
        if rel in ALLOWED:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for handler in ast.walk(tree):
            if not isinstance(handler, ast.ExceptHandler) or not handler.name:
                continue
            for node in ast.walk(handler):
                raw = (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str"
                       and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id == handler.name) or \
                      (isinstance(node, ast.FormattedValue) and isinstance(node.value, ast.Name)
                       and node.value.id == handler.name)
                if raw:
                    found.append(f"desktop/{rel}:{node.lineno}")
    return found


def test_pages_show_engine_errors_through_engine_text():
    assert raw_sites() == [], "show the error with engine_text(exc) (desktop/engine_text.py), not str(exc)"
