"""Find every English sentence the engine can show a person, straight from the source.

A sentence is found where the engine raises one of its own errors (``AirlockError`` and
its subclasses, found by walking the class definitions) with a literal or f-string
message, and where a worker reports a failure (``jobs.Failed(job_id, "...")``). An
f-string becomes a template: each ``{expression}`` becomes a plain ``{name}`` placeholder
named after the expression (``{path.name}`` -> ``{name}``), so the sentence the engine
builds matches the declared message (engine/messages.py) and the window can translate it.

The command line's own modules (engine/cli/) and the benchmarks (engine/bench/) are left
out: the CLI stays English and a window never shows their messages.

Run as a script to bring engine/message_catalog.py in step with the source:

    .venv/bin/python -m tests.helpers.engine_messages

(then ``make translations`` and translate the new ``EngineMessages`` entries in
resources/translations/airlock_zh_TW.ts).
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ENGINE = REPO / "engine"
CATALOG_FILE = ENGINE / "message_catalog.py"
LEFT_OUT = ("engine/cli/", "engine/bench/", "engine/store/migrations.py")  # the CLI, benchmarks, SQL
ROOT_ERRORS = {"AirlockError", "BadInput", "Cancelled"}


@dataclass(frozen=True)
class Found:
    where: str  # file:line
    template: str  # English text with {name} placeholders


def engine_files() -> list[Path]:
    return [path for path in sorted(ENGINE.rglob("*.py"))
            if not str(path.relative_to(REPO)).startswith(LEFT_OUT) and path != CATALOG_FILE]


def error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """The names of AirlockError and every class that derives from it, in any engine module."""
    bases: dict[str, set[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {_last_name(base) for base in node.bases}
    found = set(ROOT_ERRORS)
    grew = True
    while grew:
        grew = False
        for name, parents in bases.items():
            if name not in found and parents & found:
                found.add(name)
                grew = True
    return found


def _last_name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return _last_name(node.func)
    return ""


def _placeholder(expr: ast.AST) -> str:
    """A readable placeholder name for ``expr``: the last plain name in it."""
    if isinstance(expr, ast.Name):
        return expr.id.lower().strip("_") or "value"
    if isinstance(expr, ast.Attribute):
        if expr.attr in ("name", "stem", "suffix", "kind", "path", "id", "title") and isinstance(expr.value, ast.Name) \
                and expr.value.id not in ("path", "self", "exc"):
            return f"{expr.value.id}_{expr.attr}".lower().strip("_")
        return expr.attr.lower().strip("_")
    if isinstance(expr, ast.Call):
        if expr.args and _last_name(expr.func) in ("len", "str", "repr", "int", "float", "round", "sorted", "list",
                                                   "max", "min", "abs", "human_size", "format_size"):
            return _placeholder(expr.args[0])
        return _last_name(expr.func).lower().strip("_") or "value"
    if isinstance(expr, ast.BinOp):
        return _placeholder(expr.left)
    if isinstance(expr, ast.BoolOp):
        return _placeholder(expr.values[-1])
    if isinstance(expr, ast.Subscript):
        return _placeholder(expr.value)
    if isinstance(expr, ast.IfExp):
        return _placeholder(expr.body)
    return "value"


def template_of(node: ast.AST) -> str | None:
    """The message template a string expression builds, or None if it is not a literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("{", "{{").replace("}", "}}")
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = template_of(node.left), template_of(node.right)
        return None if left is None or right is None else _join(left, right)
    if not isinstance(node, ast.JoinedStr):
        return None
    text, used = "", set()
    for part in node.values:
        if isinstance(part, ast.Constant):
            text += str(part.value).replace("{", "{{").replace("}", "}}")
        elif isinstance(part, ast.FormattedValue):
            name = _placeholder(part.value)
            if not name.isidentifier():
                name = "value"
            base, n = name, 2
            while name in used:
                name, n = f"{base}{n}", n + 1
            used.add(name)
            text += "{" + name + "}"
    return text


def _join(left: str, right: str) -> str:
    names = set(re.findall(r"(?<!\{)\{(\w+)\}", left))
    for name in re.findall(r"(?<!\{)\{(\w+)\}", right):
        if name in names:
            right = right.replace("{" + name + "}", "{" + name + "2}", 1)
    return left + right


def worth_translating(template: str, words: int = 2) -> bool:
    """A sentence has words of its own, not only placeholders and punctuation (a piece
    of one, such as "Template '{name}'", may have a single word)."""
    literal = re.sub(r"\{\w*\}", "", template.replace("{{", "").replace("}}", ""))
    return len(re.findall(r"[A-Za-z]{2,}", literal)) >= words


def _trees() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in engine_files()}


def _message_args(node: ast.AST, errors: set[str]) -> list[ast.AST]:
    """The message argument of an engine error built here, or of a worker's ``Failed``."""
    if not isinstance(node, ast.Call):
        return []
    name = _last_name(node.func)
    if name == "Failed" and len(node.args) >= 2:
        return node.args[1:2]
    if name == "Cancelled" and len(node.args) >= 2:  # jobs.Cancelled(job_id, result): an event, no text
        return []
    if name in errors and node.args:
        return node.args[:1]  # raised here, or built and raised later
    return []


def _own_messages(tree: ast.Module, errors: set[str]) -> list[ast.Call]:
    """``super().__init__(f"{path} already exists; ...")`` inside an engine error class: a
    message the class builds from its arguments (``TargetExists(path)``)."""
    return [call for cls in ast.walk(tree) if isinstance(cls, ast.ClassDef) and cls.name in errors
            for call in ast.walk(cls) if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            and call.func.attr == "__init__" and isinstance(call.func.value, ast.Call)
            and _last_name(call.func.value.func) == "super" and call.args]


def _builds_own_message(node: ast.AST, classes: set[str]) -> bool:
    return isinstance(node, ast.Call) and _last_name(node.func) in classes


def _functions(tree: ast.Module) -> dict[ast.AST, ast.AST]:
    """Each node's innermost enclosing function (or the module)."""
    owner: dict[ast.AST, ast.AST] = {}

    def visit(node: ast.AST, function: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            owner[child] = function
            visit(child, child if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function)

    visit(tree, tree)
    return owner


def _assigned(name: str, function: ast.AST) -> list[ast.AST]:
    """What ``name`` is set to inside ``function`` (``finish = "the GPU ran out of ..."``
    and later ``Failed(job_id, finish, ...)``): the sentence a variable carries."""
    values: list[ast.AST] = []
    for node in ast.walk(function):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None and any(
                isinstance(t, ast.Name) and t.id == name for t in _targets(node)):
            values.append(node.value)
    return values


def _alternatives(node: ast.AST) -> list[ast.AST]:
    return [part for branch in ([node.body, node.orelse] if isinstance(node, ast.IfExp) else [node])
            for part in (_alternatives(branch) if isinstance(branch, ast.IfExp) else [branch])]


def scan() -> list[Found]:
    trees = _trees()
    errors = error_classes(trees)
    found: list[Found] = []
    for path, tree in trees.items():
        rel = path.relative_to(REPO)
        owner = _functions(tree)
        own = {id(call) for call in _own_messages(tree, errors)}
        for node in ast.walk(tree):
            args = node.args[:1] if id(node) in own else _message_args(node, errors)
            args = [value for arg in args
                    for value in (_assigned(arg.id, owner[node]) if isinstance(arg, ast.Name) else [arg])]
            pieces = _fragments(node)
            args = [part for arg in args for part in _alternatives(arg)]
            pieces = [part for arg in pieces
                      for part in ([arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg])]
            for arg in args + pieces:
                template = template_of(arg)
                if template and worth_translating(template, words=1 if arg in pieces else 2) \
                        and not template.startswith(SQL):
                    found.append(Found(f"{rel}:{arg.lineno}", template))
    return found


def _passed_on(node: ast.AST, function: ast.AST) -> bool:
    """A message the scan need not read here: a declared message built by its constructor
    (``messages.PATH_MISSING(path=...)``), a sentence helper the scan reads where it is
    defined (``fit.message``, ``_syntax_message(...)``), or the text of an error caught
    here (``str(exc)``), which was declared where it was raised."""
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and func.value.id in ("messages", "engine_messages"):
            return True
        name = _last_name(func)
        if name == "message" or name.endswith("_message"):
            return True
        if name == "str" and node.args:
            return _passed_on(node.args[0], function)
    if isinstance(node, ast.Attribute) and node.attr == "message":
        return True
    if isinstance(node, ast.Name) and (node.id in CONSTANT_NAMES or node.id.endswith(("_MESSAGE", "_ADVICE"))):
        return True  # read where the constant is defined
    if isinstance(node, ast.Constant) and node.value is None:
        return True  # ``message = None`` before the branches that set it
    if isinstance(node, ast.Name):
        caught = {h.name for h in ast.walk(function) if isinstance(h, ast.ExceptHandler) and h.name}
        return node.id in caught
    return False


def unread() -> list[Found]:
    """Message arguments the scan can neither read nor trace to a declared message: each
    one is a sentence that could reach the window untranslated, so tests/unit/test_messages.py
    lists the known ones with the reason they are safe, and fails on a new one."""
    trees = _trees()
    errors = error_classes(trees)
    # TargetExists(path): the class writes the sentence itself (read by the scan in the class)
    self_worded = {cls.name for tree in trees.values() for cls in ast.walk(tree)
                   if isinstance(cls, ast.ClassDef) and any(c in ast.walk(cls) for c in _own_messages(tree, errors))
                   and any(isinstance(f, ast.FunctionDef) and f.name == "__init__"
                           and [a.arg for a in f.args.args[1:2]] != ["message"] for f in cls.body)}
    left: list[Found] = []
    for path, tree in trees.items():
        rel = path.relative_to(REPO)
        owner = _functions(tree)
        for node in ast.walk(tree):
            if _builds_own_message(node, self_worded):
                continue
            for arg in _message_args(node, errors):
                values = _assigned(arg.id, owner[node]) if isinstance(arg, ast.Name) else []
                for value in (values or [arg]):
                    for part in _alternatives(value):
                        if template_of(part) is None and not _passed_on(part, owner[node]):
                            left.append(Found(f"{rel}:{node.lineno}", ast.unparse(part)))
    return left


FRAGMENT_NAMES = {"where", "what", "allowed", "noun"}
SENTENCE_NAMES = {"message", "error", "reason", "text", "doing"}  # a sentence built first, shown later
CONSTANT_NAMES = {"WRONG_KEY", "WHERE", "CAVEAT"}  # module constants that are sentences a person reads
LIST_NAMES = {"flags", "SUSPICIOUS", "problems", "reasons", "warnings", "notes"}  # lists shown to a person
SQL = (" and ", " where ")


def _targets(node: ast.Assign | ast.AnnAssign) -> list[ast.AST]:
    return node.targets if isinstance(node, ast.Assign) else [node.target]


def _fragments(node: ast.AST) -> list[ast.AST]:
    """English pieces that become a placeholder's value in a message ("Template 'x'" in
    "{where} has an empty body."): names the messages use for such pieces, assigned,
    passed or defaulted, and what a ``_..._phrase`` helper returns. The window
    translates a value that is itself a declared message."""
    if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in FRAGMENT_NAMES | SENTENCE_NAMES
                                            for t in _targets(node)):
        return [node.value.body, node.value.orelse] if isinstance(node.value, ast.IfExp) else [node.value]
    if isinstance(node, ast.arguments):
        named = node.args[len(node.args) - len(node.defaults):] + node.kwonlyargs
        defaults = list(node.defaults) + list(node.kw_defaults)
        return [d for a, d in zip(named, defaults) if d is not None and a.arg in FRAGMENT_NAMES]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "append" \
            and isinstance(node.func.value, ast.Name) and node.func.value.id in LIST_NAMES:
        return node.args[:1]  # flags.append(f"is unusually long ...")
    # SUSPICIOUS = (("reaches Python internals", ...), ...): the first text of each entry
    if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, (ast.Tuple, ast.List)) \
            and any(isinstance(t, ast.Name) and t.id in LIST_NAMES for t in _targets(node)):
        return [item.elts[0] if isinstance(item, ast.Tuple) else item for item in node.value.elts]
    if isinstance(node, ast.Call) and _last_name(node.func) != "audit":  # audit details are not shown
        return [k.value for k in node.keywords if k.arg in FRAGMENT_NAMES]
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple):  # layers, device, reason = 0, "CPU", f"..."
        return [value for target in node.targets if isinstance(target, ast.Tuple)
                for name, value in zip(target.elts, node.value.elts)
                if isinstance(name, ast.Name) and name.id in SENTENCE_NAMES]
    if isinstance(node, ast.FunctionDef) and node.name.startswith("choose_"):  # (device, label, why it is the CPU)
        return [value for r in ast.walk(node) if isinstance(r, ast.Return) and isinstance(r.value, ast.Tuple)
                for value in r.value.elts[2:]]
    if isinstance(node, (ast.Assign, ast.AnnAssign)) and any(  # WRONG_KEY = "The database could not ..."
            isinstance(t, ast.Name) and (t.id in CONSTANT_NAMES or t.id.endswith(("_MESSAGE", "_ADVICE")))
            for t in _targets(node)) and node.value is not None:
        return [node.value]
    if isinstance(node, ast.FunctionDef) and (node.name == "message" or node.name.endswith("_message")):
        # a sentence built by a helper (MemoryFit.message)
        return [r.value for r in ast.walk(node) if isinstance(r, ast.Return) and r.value is not None]
    if isinstance(node, ast.FunctionDef) and node.name.endswith("_phrase"):
        returns = [r.value for r in ast.walk(node) if isinstance(r, ast.Return) and r.value is not None]
        return [part for r in returns for part in ([r.body, r.orelse] if isinstance(r, ast.IfExp) else [r])]
    return []


def shape(template: str) -> str:
    """The sentence with its placeholders unnamed: two sites that build the same English
    sentence from differently named values share one declared message."""
    return re.sub(r"(?<!\{)\{\w+\}", "{}", template)


def undeclared(found: list[Found]) -> list[Found]:
    """The scanned sentences no declared message has the shape of."""
    from engine import messages

    declared = {shape(m.text) for m in messages.CATALOG.values()}
    return [item for item in found if shape(item.template) not in declared]


def _slug(template: str) -> str:
    words = re.findall(r"[a-z0-9]+", re.sub(r"\{\w+\}", " ", template.lower()))
    return "_".join(words[:6]) or "message"


def _quoted(text: str) -> str:
    """A double-quoted Python literal (the form lupdate reads most reliably)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_catalog(found: list[Found]) -> int:
    """Rewrite engine/message_catalog.py from ``found``; returns how many entries."""
    text, count = catalog_text(found)
    CATALOG_FILE.write_text(text, encoding="utf-8")
    return count


def catalog_text(found: list[Found]) -> tuple[str, int]:
    """engine/message_catalog.py as it should read: every scanned template not declared by
    hand in engine/messages.py, in source order, one entry per sentence shape."""
    from engine import messages

    by_hand = {shape(m.text) for m in messages.CATALOG.values() if not m.id.startswith("engine.")}
    entries: dict[str, str] = {}
    shapes: set[str] = set()
    ids: set[str] = set()
    for item in found:
        if shape(item.template) in by_hand | shapes:
            continue
        shapes.add(shape(item.template))
        module = item.where.split(":")[0].removesuffix(".py").replace("/", ".")
        base = f"{module}.{_slug(item.template)}"
        message_id, n = base, 2
        while message_id in ids:
            message_id, n = f"{base}_{n}", n + 1
        ids.add(message_id)
        entries[item.template] = message_id
    lines = [
        '"""Every other sentence the engine raises or reports, declared from its source (generated).',
        "",
        "Written by ``python -m tests.helpers.engine_messages`` from the ``raise ...Error(\"...\")``",
        "and ``Failed(..., \"...\")`` sites in engine/ (the CLI and benchmarks left out); do not edit",
        "by hand. engine/messages.py declares each entry; its ``{name}`` placeholders come from the",
        "f-string's expressions. tests/unit/test_messages.py fails when the source and this file differ.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "",
        "def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)",
        '    """Marks ``text`` for extraction by lupdate; returns it unchanged."""',
        "    return text",
        "",
        "",
        "MESSAGES: tuple[tuple[str, str], ...] = (",
    ]
    for template, message_id in entries.items():
        lines.append(f"    ({_quoted(message_id)}, QT_TRANSLATE_NOOP(\"EngineMessages\", {_quoted(template)})),")
    lines.append(")")
    return "\n".join(lines) + "\n", len(entries)


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    print(f"{write_catalog(scan())} messages written to {CATALOG_FILE.relative_to(REPO)}")
