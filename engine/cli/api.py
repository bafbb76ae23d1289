"""``airlock api keys create|list|revoke``: the keys that callers of `airlock serve` present.

A new key is printed once (on standard output, or as ``key`` in ``--json``) and only its
hash is kept, so a lost key is revoked and replaced, never recovered.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from engine.api.keys import parse_scopes
from engine.cli.output import Output, Parser, UsageError, _json_option


def add_parsers(command: Callable[..., argparse.ArgumentParser]) -> None:
    api = command("api", "the local API: keys for its callers")
    groups = api.add_subparsers(dest="group", required=True, parser_class=Parser)
    keys = command("keys", "create, list and revoke API keys", groups)
    actions = keys.add_subparsers(dest="action", required=True, parser_class=Parser)
    sub = command("create", "make a key (shown once, stored hashed)", actions)
    sub.add_argument("--name", required=True, help="who uses it, e.g. crm (recorded with every call)")
    sub.add_argument("--scope", default="text,image", help="text, image or both (default: text,image)")
    _json_option(sub)
    sub = command("list", "keys by name, with when they were last used", actions)
    _json_option(sub)
    sub = command("revoke", "stop a key working at once", actions)
    sub.add_argument("name")
    _json_option(sub)


def cmd_api(ws: Any, args: argparse.Namespace) -> Output:
    if args.action == "create":
        key, secret = ws.issue_api_key(args.name, parse_scopes(args.scope))
        return Output({**key.as_dict(), "key": secret}, secret, notes=(
            f"Key '{key.name}' ({', '.join(key.scopes)}) created. It is shown only now: store it in the "
            "caller's secret settings.",))
    if args.action == "list":
        listed = ws.api_keys.list()
        lines = []
        for k in listed:
            state = "active" if k.active else f"revoked {k.revoked_at[:10]}"
            used = (k.last_used_at or "never")[:19].replace("T", " ")
            lines.append(f"{k.name:<20} {k.prefix}…  {','.join(k.scopes):<11} {state:<18} last used {used}")
        return Output([k.as_dict() for k in listed],
                      "\n".join(lines) or "No API keys yet; create one with 'airlock api keys create --name NAME'.")
    if args.action == "revoke":
        key = ws.revoke_api_key(args.name)  # audited
        return Output(key.as_dict(), f"Revoked '{key.name}'.")
    raise UsageError(f"unknown api keys action {args.action}")


COMMANDS = {"api": cmd_api}
