"""``airlock templates …`` and ``airlock knowledge …``: the template library and local
knowledge from a terminal, on the same engine modules the desktop app uses.

engine/cli/main.py registers these; the contract is its own (``--json`` prints one value,
exit 2 for bad input, one ``error:`` line).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engine import jobs, serialize
from engine.cli.output import Output, note, printable, whole_number
from engine.errors import BadInput
from engine.prompts.compose import Retrieval, compose, sampling_params
from engine.prompts.packs import build_pack, import_pack, load_pack, pack_json, preview, write_pack
from engine.prompts.variables import parse_assignments
from engine.text.runner import text_request

CONFLICT_CHOICES = ("keep-both", "replace", "skip")


def add_parsers(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``templates`` and ``knowledge`` commands; ``command`` is build_parser's helper."""
    from engine.cli.output import Parser, _json_option

    templates = command("templates", "company templates: list, show, render, run, import and export packs")
    actions = templates.add_subparsers(dest="action", required=True, parser_class=Parser)
    sub = command("list", "templates by name (or best match first with --search)", actions)
    sub.add_argument("--category", default=None)
    sub.add_argument("--search", default=None, help="full-text search (Chinese and English)")
    _json_option(sub)
    sub = command("show", "one template: variables, body, brand voice, versions", actions)
    sub.add_argument("name")
    sub.add_argument("--version", type=whole_number(), default=None, help="an older version")
    _json_option(sub)
    sub = command("import", "import a pack (JSON or zip) of templates, brand voices and frameworks", actions)
    sub.add_argument("file")
    sub.add_argument("--on-conflict", choices=CONFLICT_CHOICES, default="keep-both",
                     help="when an item of that name exists and differs (default: keep both)")
    sub.add_argument("--dry-run", action="store_true", help="only show what would happen")
    _json_option(sub)
    sub = command("export", "write templates (with their brand voices and frameworks) as a pack", actions)
    sub.add_argument("names", nargs="*", metavar="NAME")
    sub.add_argument("--all", action="store_true", help="every template, brand voice and framework")
    sub.add_argument("--out", default=None, metavar="FILE",
                     help="file to write, .json or .zip (default: JSON on standard output)")
    sub.add_argument("--force", action="store_true", help="replace the --out file if it exists")
    _json_option(sub)
    for name, help_text in (("render", "fill in a template and print the prompt"),
                            ("run", "fill in a text template and generate with a local model")):
        sub = command(name, help_text, actions)
        sub.add_argument("name")
        sub.add_argument("--var", action="append", default=[], metavar="NAME=VALUE",
                         help="a variable's value (repeat for each)")
        sub.add_argument("--knowledge", default=None, metavar="COLLECTION",
                         help="add the best-matching snippets from this knowledge collection")
        sub.add_argument("--top-k", type=int, default=3, help="how many snippets with --knowledge (default 3)")
        sub.add_argument("--snippet", type=whole_number(), action="append", default=[], metavar="CHUNK_ID",
                         help="add this knowledge snippet (id from 'airlock knowledge search')")
        if name == "run":
            sub.add_argument("--model", default=None, help="model name (default: the template's, else smollm2-135m)")
            sub.add_argument("--seed", type=int, default=None)
            sub.add_argument("--max-tokens", type=int, default=None, help="default: the template's")
            sub.add_argument("--temperature", type=float, default=None, help="default: the template's")
        _json_option(sub)
    sub = command("versions", "the saved versions of a template, newest first", actions)
    sub.add_argument("name")
    _json_option(sub)
    sub = command("diff", "what changed between two versions", actions)
    sub.add_argument("name")
    sub.add_argument("old", type=whole_number())
    sub.add_argument("new", type=whole_number(), nargs="?", default=None)
    _json_option(sub)
    sub = command("restore", "make an old version current again (as a new version)", actions)
    sub.add_argument("name")
    sub.add_argument("version", type=whole_number())
    _json_option(sub)
    sub = command("delete", "remove a template and its versions", actions)
    sub.add_argument("name")
    _json_option(sub)

    knowledge = command("knowledge", "local documents for prompts: import, list, search")
    actions = knowledge.add_subparsers(dest="action", required=True, parser_class=Parser)
    sub = command("import", "read documents (txt, md, docx, pdf, xlsx, csv) into a collection", actions)
    sub.add_argument("files", nargs="+", metavar="FILE")
    sub.add_argument("--collection", required=True)
    _json_option(sub)
    sub = command("list", "collections, or the documents of one", actions)
    sub.add_argument("collection", nargs="?", default=None)
    _json_option(sub)
    sub = command("search", "full-text search of the chunks (Chinese and English)", actions)
    sub.add_argument("query")
    sub.add_argument("--collection", default=None)
    sub.add_argument("--limit", type=whole_number(), default=10)
    _json_option(sub)
    sub = command("remove", "delete a collection and its documents", actions)
    sub.add_argument("collection")
    _json_option(sub)


def _pad(text: str, width: int) -> str:
    """Left-align in a terminal, where a Chinese character takes two columns."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - used, 0)


def _composed(ws: Any, args: argparse.Namespace) -> Any:
    template = ws.templates.get(args.name)
    if args.knowledge is None and args.top_k != 3:
        raise BadInput("--top-k needs --knowledge COLLECTION.")
    retrieval = Retrieval(k=args.top_k, collection=args.knowledge) if args.knowledge else None
    return compose(ws.db, template, parse_assignments(args.var), snippet_ids=args.snippet, retrieval=retrieval,
                   registered_models=[m.name for m in ws.registry.list()])


def _show_text(template: Any) -> str:
    lines = [f"{template.name}  (v{template.version}, {template.kind}, {template.category}, {template.language})"]
    if template.description:
        lines.append(template.description)
    for label, value in (("brand voice", template.brand_voice), ("framework", template.framework),
                         ("model", template.model), ("params", template.params or None)):
        if value:
            lines.append(f"{label}: {value}")
    lines.append("variables:")
    for v in template.variables:
        extra = f" [{' | '.join(v.options)}]" if v.options else ""
        default = f" = {v.default}" if v.default not in (None, "") else ""
        lines.append(f"  {v.name:<16} {v.type:<10} {'required' if v.required else 'optional':<8} "
                     f"{v.display_label}{extra}{default}")
    lines.append("\n" + template.body.rstrip())
    if template.negative:
        lines.append("\nnegative: " + template.negative.strip())
    return "\n".join(lines)


def cmd_templates(ws: Any, args: argparse.Namespace) -> Output | None:
    library = ws.templates
    action = args.action
    if action == "list":
        rows = library.list(query=args.search or "", category=args.category)
        text = "\n".join(f"{_pad(printable(t.name, newlines=False), 28)} {t.category:<17} {t.kind:<5} {t.language:<5} v{t.version:<3} "
                         f"{t.description[:60]}" for t in rows)
        return Output([serialize.template_summary(t) for t in rows], text or (
            "Nothing found." if args.search else "No templates yet. Import a pack with: airlock templates import FILE"))
    if action == "show":
        template = library.version(args.name, args.version) if args.version else library.get(args.name)
        return Output(serialize.template(template, library.versions(args.name)), _show_text(template))
    if action == "import":
        pack = load_pack(args.file)
        choice = args.on_conflict.replace("-", "_")
        if args.dry_run:
            items = preview(ws.db, pack)
            return Output([{"kind": i.kind, "name": i.name, "status": i.status, "incoming_version": i.incoming_version,
                            "existing_version": i.existing_version} for i in items],
                          "\n".join(f"{i.status:<9} {i.kind:<12} {i.name}"
                                    + (f" (here v{i.existing_version}, pack v{i.incoming_version})"
                                       if i.existing_version else "") for i in items))
        result = import_pack(ws.db, pack, default=choice)
        from engine.trust.install import pack_imported

        pack_imported(ws, pack.name, result)
        return Output({"pack": pack.name, **result.as_dict()},
                      f"Imported pack '{pack.name}': {len(result.added)} added, {len(result.replaced)} replaced, "
                      f"{len(result.kept_both)} kept as copies, {len(result.skipped)} skipped, "
                      f"{len(result.unchanged)} already here.",
                      notes=tuple(f"{kind.replace('_', ' ')} '{name}' already existed; the pack's one is '{saved_as}'."
                                  for kind, name, saved_as in result.kept_both))
    if action == "export":
        if args.all == bool(args.names):
            raise BadInput("Name the templates to export, or use --all.")
        pack = build_pack(ws.db, None if args.all else args.names)
        if not args.out:
            if args.json:
                raise BadInput("--json needs --out (the pack itself goes to standard output).")
            sys.stdout.write(pack_json(pack))
            return None
        path = write_pack(pack, args.out, replace=args.force)
        return Output({"path": str(path), "templates": len(pack.templates), "brand_voices": len(pack.brand_voices),
                       "frameworks": len(pack.frameworks)},
                      f"Wrote {len(pack.templates)} templates, {len(pack.brand_voices)} brand voices and "
                      f"{len(pack.frameworks)} frameworks to {path}.", stderr=True)
    if action == "render":
        composed = _composed(ws, args)
        if not args.json:
            for message in composed.notes:
                note(message)
        return Output(serialize.composed(composed), composed.prompt)
    if action == "run":
        return _run(ws, args)
    if action == "versions":
        rows = library.versions(args.name)
        return Output(rows, "\n".join(f"v{row['version']:<4} {row['created_at'][:19].replace('T', ' ')}  {row['note']}"
                                      for row in rows))
    if action == "diff":
        text = library.diff(args.name, args.old, args.new)
        return Output({"name": args.name, "old": args.old, "new": args.new, "changed": bool(text), "diff": text},
                      text or "No differences.")
    if action == "restore":
        template = library.restore(args.name, args.version)
        return Output({"name": template.name, "version": template.version},
                      f"Restored version {args.version} of '{template.name}' as version {template.version}.")
    if action == "delete":
        library.delete(args.name)
        return Output({"deleted": args.name}, f"Deleted '{args.name}'.")
    raise BadInput(f"Unknown templates action {action}.")


def _run(ws: Any, args: argparse.Namespace) -> Output:
    from engine.prompts.brand_voice import describe_flags
    from engine.registry.registry import DEFAULT_TEXT_MODEL
    from engine.cli.output import stream_text

    composed = _composed(ws, args)
    if composed.kind != "text":
        raise BadInput(f"'{composed.template}' is an image template; render it and pass the prompt to "
                       "'airlock image'.")
    if args.max_tokens is not None and args.max_tokens < 1:
        raise BadInput("--max-tokens must be at least 1.")
    params = sampling_params(composed.params)
    overrides = {k: v for k, v in (("max_tokens", args.max_tokens), ("temperature", args.temperature))
                 if v is not None}
    params = jobs.SamplingParams(**{**params.as_dict(), **overrides})
    request = text_request(composed, model=args.model or composed.model or DEFAULT_TEXT_MODEL, seed=args.seed,
                           params=params)
    for message in composed.notes:
        note(message)
    outcome = stream_text(ws, request, quiet=args.json)
    answer = serialize.text_result(outcome, composed)  # the same shape as ``airlock text --json``
    flags = answer["brand_voice_flags"]
    return Output(answer, notes=(describe_flags(flags),) if flags else ())


def cmd_knowledge(ws: Any, args: argparse.Namespace) -> Output:
    knowledge = ws.knowledge
    knowledge.discard_unfinished()
    if args.action == "import":
        from engine.cli.output import progress_printer

        report = knowledge.import_files(args.collection, [Path(f) for f in args.files],
                                        progress=progress_printer("indexing", not args.json))
        if not report.imported and report.skipped:
            more = len(report.skipped) - 1
            raise BadInput(f"Nothing was imported: {report.skipped[0][1]}"
                           + (f" ({more} more files were skipped too.)" if more else ""))
        return Output({"collection": args.collection, **report.as_dict()},
                      "\n".join(f"{printable(item['name'], newlines=False)}: {item['chunks']} chunks ({item['chars']:,} characters)"
                                for item in report.imported),
                      notes=tuple(f"skipped {name}: {reason}" for name, reason in report.skipped))
    if args.action == "list":
        if args.collection:
            knowledge.collection(args.collection)
            rows = knowledge.documents(args.collection)
            return Output(rows, "\n".join(f"{row['id']:>5}  {printable(row['name'], newlines=False):<40} {row['format']:<5} "
                                          f"{row['chunks']:>6} chunks" for row in rows))
        rows = knowledge.collections()
        return Output(rows, "\n".join(f"{printable(row['name'], newlines=False):<30} {row['documents']:>5} documents {row['chunks']:>7} chunks"
                                      for row in rows)
                      or "No knowledge yet. Import documents with: airlock knowledge import FILE --collection NAME")
    if args.action == "search":
        if args.limit < 1:
            raise BadInput("--limit must be at least 1.")
        if args.collection:
            knowledge.collection(args.collection)
        snippets = knowledge.search(args.query, collection=args.collection, limit=args.limit)
        return Output([{**s.citation(), "text": s.text} for s in snippets],
                      "\n".join(f"[{s.chunk_id}] {s.collection} / {s.label()}: {' '.join(s.text.split())[:160]}"
                                for s in snippets) or "Nothing found.")
    if args.action == "remove":
        knowledge.delete_collection(args.collection)
        return Output({"removed": args.collection}, f"Removed the collection '{args.collection}'.")
    raise BadInput(f"Unknown knowledge action {args.action}.")


COMMANDS = {"templates": cmd_templates, "knowledge": cmd_knowledge}
