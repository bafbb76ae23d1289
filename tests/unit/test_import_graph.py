"""The engine stands on its own: it never imports the GUI or Qt, and its packages form
layers, not circles (docs/architecture.md draws them).

Read from the source with ``ast``, so an import hidden inside a function counts too: a
lazy import still couples two packages.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "engine"
FORBIDDEN = ("desktop", "PySide6", "shiboken6")


def unit_of(module: str) -> str:
    """engine.store.db -> store; engine.workspace -> workspace (a top-level module)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "engine"


def module_name(path: Path) -> str:
    rel = path.relative_to(ENGINE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@functools.lru_cache(maxsize=None)
def imports_of(path: Path) -> list[tuple[str, int]]:
    """(imported module, line) for every import in ``path``; parsed once for all three tests."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "engine":  # from engine import jobs -> engine.jobs
                found += [(f"engine.{alias.name}", node.lineno) for alias in node.names]
            else:
                found.append((target, node.lineno))
    return found


def engine_graph() -> dict[str, dict[str, str]]:
    """unit -> {imported unit: 'file:line' of one such import}."""
    graph: dict[str, dict[str, str]] = {}
    for path in sorted(ENGINE.rglob("*.py")):
        source = unit_of(module_name(path))
        edges = graph.setdefault(source, {})
        for target, line in imports_of(path):
            if target.startswith("engine.") and unit_of(target) != source:
                edges.setdefault(unit_of(target), f"{path.relative_to(ENGINE.parent)}:{line}")
    return graph


def test_engine_never_imports_the_gui_or_qt():
    offenders = [f"{path.relative_to(ENGINE.parent)}:{line} imports {target}"
                 for path in sorted(ENGINE.rglob("*.py"))
                 for target, line in imports_of(path)
                 if target.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_engine_packages_import_each_other_in_no_circle():
    graph = engine_graph()
    cycles: list[str] = []

    def visit(node: str, trail: list[str]) -> None:
        for nxt, where in graph.get(node, {}).items():
            if nxt in trail:
                loop = trail[trail.index(nxt):] + [nxt]
                cycles.append(" -> ".join(loop) + f" (closing import at {where})")
            elif len(trail) < len(graph):
                visit(nxt, trail + [nxt])

    for start in graph:
        visit(start, [start])
    assert not cycles, "import circles between engine packages:\n" + "\n".join(sorted(set(cycles))[:20])


def test_the_graph_sees_real_imports():
    """Guards the guard: a parser that found nothing would pass the tests above."""
    graph = engine_graph()
    assert "store" in graph["prompts"] and "registry" in graph["text"]
    assert "cli" in graph and "workspace" in graph["cli"]
