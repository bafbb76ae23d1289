"""The desktop asks the workspace (engine/workspace.py) for its stores and engine objects;
it never opens the database or builds a store itself, so every front end shares the same
objects and rules (issue 9: rules out of pages). Read from the source with ``ast``."""

from __future__ import annotations

import ast
from pathlib import Path

DESKTOP = Path(__file__).resolve().parents[3] / "desktop"
CONSTRUCTED_BY_THE_WORKSPACE = {
    "TemplateLibrary", "Registry", "History", "BatchStore", "BatchRunner", "ApiKeys", "Connections",
    "KnowledgeBase", "BrandVoices", "Frameworks", "AuditLog", "TrustSettings", "open_db",
}
"""(sqlite3.connect and sqlite_utils.Database need an import of sqlite3 / sqlite_utils, caught as such.)"""


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """ids of nodes under ``if TYPE_CHECKING:`` (annotations only, nothing runs)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            inside |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return inside


def offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_nodes(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(("engine.store", "sqlite")):
            found.append(f"{path.name}:{node.lineno} imports {node.module}")
        if isinstance(node, ast.Import) and any(a.name.startswith(("engine.store", "sqlite")) for a in node.names):
            found.append(f"{path.name}:{node.lineno} imports {node.names[0].name}")
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in CONSTRUCTED_BY_THE_WORKSPACE:
                found.append(f"{path.name}:{node.lineno} calls {name}(...)")
    return found


def test_no_page_or_widget_opens_the_database_or_builds_a_store():
    found = [o for path in sorted(DESKTOP.rglob("*.py")) for o in offences(path)]
    assert found == [], "ask the workspace instead (ws.history, ws.batches, ws.connection() ...):\n" + "\n".join(found)


def test_the_scan_sees_a_constructor_call(tmp_path):
    """Guards the guard: a scan that found nothing would pass the test above."""
    page = tmp_path / "page.py"
    page.write_text("from engine.batch.store import BatchStore\nstore = BatchStore(ws.db)\n"
                    "from engine.store.db import open_db\n"
                    "if TYPE_CHECKING:\n    from engine.store.history import History\n")
    assert sorted(offences(page)) == ["page.py:2 calls BatchStore(...)", "page.py:3 imports engine.store.db"]
