"""``airlock connections add|list|check|remove``: inference servers this workstation may use.

``add`` saves the address and keeps the key in the OS keyring (or a 0600 file where there
is none; the answer says which); ``check`` runs the health check (an authenticated model
list, then a tiny schema probe) and remembers the models, which then appear as
``<connection>/<model>`` beside the local ones.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from engine.cli.output import Output, Parser, UsageError, _json_option
from engine.errors import AirlockError


def add_parsers(command: Callable[..., argparse.ArgumentParser]) -> None:
    group = command("connections", "OpenAI-compatible inference servers (vLLM, llama-server) to run models on")
    actions = group.add_subparsers(dest="action", required=True, parser_class=Parser)
    sub = command("add", "save a server (or change a saved one)", actions)
    sub.add_argument("name", help="short name, e.g. team-gpu (models appear as team-gpu/<model>)")
    sub.add_argument("url", help="base URL up to /v1, e.g. https://llm.corp.local/v1")
    sub.add_argument("--key-stdin", action="store_true", help="read the server's API key from standard input")
    sub.add_argument("--ca-file", default=None, help="company CA bundle (PEM) instead of the OS trust store")
    sub.add_argument("--connect-timeout", type=float, default=5.0)
    sub.add_argument("--list-timeout", type=float, default=10.0)
    sub.add_argument("--first-token-timeout", type=float, default=120.0)
    sub.add_argument("--concurrency", type=int, default=4, help="batch rows sent at once (default 4)")
    _json_option(sub)
    sub = command("list", "saved servers and their models", actions)
    _json_option(sub)
    sub = command("check", "health check: list the models, probe schema support, remember the models", actions)
    sub.add_argument("name")
    _json_option(sub)
    sub = command("remove", "forget a server and its key", actions)
    sub.add_argument("name")
    _json_option(sub)


def cmd_connections(ws: Any, args: argparse.Namespace) -> Output:
    from engine.backends.connections import Connection
    from engine.backends.remote import ServerError, health_check

    connections = ws.connections
    if args.action == "add":
        connection, where = ws.save_connection(Connection(
            args.name, args.url, ca_file=args.ca_file, connect_timeout=args.connect_timeout,
            list_timeout=args.list_timeout, first_token_timeout=args.first_token_timeout,
            concurrency=args.concurrency), key=sys.stdin.read().strip() if args.key_stdin else None)
        notes = (f"The key is kept in {'the OS keyring' if where == 'keyring' else where}.",) if where else ()
        return Output({**connection.as_dict(), "key_location": where},
                      f"Saved '{connection.name}' ({connection.base_url}).", notes=notes)
    if args.action == "list":
        listed = connections.list()
        text = "\n".join(f"{c.name:<16} {c.base_url:<40} {len(c.models)} models" for c in listed)
        return Output([{**c.as_dict(), "key_location": connections.key_location(c.name)} for c in listed],
                      text or "No connections yet; add one with 'airlock connections add NAME URL --key-stdin'.")
    if args.action == "check":
        connection = connections.get(args.name)
        try:
            report = health_check(connection, connections.key(connection.name))
        except ServerError as exc:
            raise AirlockError(str(exc)[0].upper() + str(exc)[1:] + ".") from exc
        connections.remember_models(connection.name, report["models"], schema_form=report["schema_form"])
        return Output(report, f"'{connection.name}' answers: {', '.join(report['models']) or 'no models'}.",
                      notes=tuple(report["notes"]))
    if args.action == "remove":
        connections.remove(args.name)
        return Output({"removed": args.name}, f"Removed '{args.name}'.")
    raise UsageError(f"unknown connections action {args.action}")


COMMANDS = {"connections": cmd_connections}
