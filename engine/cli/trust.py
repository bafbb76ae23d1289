"""``airlock settings|policy|pii|purge|encryption``: the trust settings from a terminal.

A setting the organization's policy locks is refused with one line that names the
reason (exit 2). Values are JSON or plain words: ``on``/``off``, ``forever``, a list
separated by commas.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import Any

from engine.cli.output import Output
from engine.errors import BadInput
from engine.trust import encryption, install, pii, retention
from engine.trust.settings import DEFAULTS, parse_value


def add_parsers(command: Callable[..., argparse.ArgumentParser]) -> None:
    from engine.cli.output import Parser, _json_option

    settings = command("settings", "privacy and retention settings (those the policy locks are refused)")
    actions = settings.add_subparsers(dest="action", required=True, parser_class=Parser)
    sub = command("show", "every trust setting, its value and whether the policy locks it", actions)
    _json_option(sub)
    sub = command("set", "change a setting", actions)
    sub.add_argument("key", choices=sorted(DEFAULTS))
    sub.add_argument("value", help="JSON or on/off, forever, a,b,c")
    _json_option(sub)

    sub = command("policy", "the organization's policy in force (file, locked settings, reason)")
    _json_option(sub)

    sub = command("pii", "show what would be masked in a text (a preview of redaction)")
    sub.add_argument("text", nargs="?", default=None, help="the text (default: standard input)")
    _json_option(sub)

    sub = command("purge", "delete history older than the retention period, or everything")
    sub.add_argument("--older-than", type=int, default=None, metavar="DAYS",
                     help="delete generations older than DAYS (default: the retention setting)")
    sub.add_argument("--everything", action="store_true", help="delete all history, images and batch jobs")
    sub.add_argument("--confirm", default="", help=f"with --everything: the words '{retention.CONFIRMATION}'")
    _json_option(sub)

    encrypt = command("encryption", "encrypt the database at rest (SQLCipher)")
    actions = encrypt.add_subparsers(dest="action", required=True, parser_class=Parser)
    sub = command("status", "whether the database is encrypted, and how its key is kept", actions)
    _json_option(sub)
    sub = command("on", "encrypt the database now (a plain copy is never left half-done)", actions)
    sub.add_argument("--method", choices=encryption.METHODS, default=None,
                     help="where the key lives (default: keyring where there is one, else passphrase "
                          f"from {encryption.PASSPHRASE_VARIABLE})")
    _json_option(sub)


def cmd_settings(ws: Any, args: argparse.Namespace) -> Output:
    if args.action == "show":
        values = ws.trust.all()
        lines = []
        for key, item in values.items():
            lock = f"  [managed by your organization{': ' + item['reason'] if item['reason'] else ''}]" \
                if item["locked"] else ""
            shown = "forever" if key == "retention_days" and item["value"] is None else item["value"]
            lines.append(f"{key:<22} {shown}{lock}")
        return Output(values, "\n".join(lines))
    value = ws.trust.set(args.key, parse_value(args.key, args.value))
    return Output({"key": args.key, "value": value}, f"{args.key} = {value}")


def cmd_policy(ws: Any, args: argparse.Namespace) -> Output:
    data = ws.policy.as_dict()
    if not data["source"]:
        return Output(data, "No policy file: nothing is locked.")
    lines = [f"Policy from {data['source']}" + (f" ({data['reason']})" if data["reason"] else ""),
             *(f"  {key} = {data['values'][key]}" for key in data["locked"])]
    return Output(data, "\n".join(lines))


def cmd_pii(ws: Any, args: argparse.Namespace) -> Output:
    text = args.text if args.text is not None else sys.stdin.read()
    findings = pii.find(text, ws.trust.pii_rules())
    redacted = pii.redact(text, ws.trust.pii_rules())
    lines = [*(f"{f.kind:<15} {f.start:>6}-{f.end:<6} {f.text}" for f in findings), redacted]
    return Output({"findings": [f.as_dict() for f in findings], "redacted": redacted,
                   "counts": pii.summary(findings)}, "\n".join(lines))


def cmd_purge(ws: Any, args: argparse.Namespace) -> Output:
    if args.everything:
        if args.older_than is not None:
            raise BadInput("Use --everything or --older-than, not both.")
        result = install.purge_all(ws, args.confirm)
    else:
        days = args.older_than if args.older_than is not None else ws.trust.get("retention_days")
        if days is None:
            raise BadInput("History is kept forever: give --older-than DAYS, or --everything.")
        if days < 1:
            raise BadInput("--older-than must be at least 1 day.")
        result = ws.purge_older_than(days)
    notes = ((f"{result.images_outside_home} images written outside the data home were left in place.",)
             if result.images_outside_home else ())
    return Output(result.as_dict(), f"Deleted {result.generations} generations, {result.conversations} "
                  f"conversations, {result.images} images and {result.batch_jobs} batch jobs.", notes=notes)


def cmd_encryption(ws: Any, args: argparse.Namespace) -> Output:
    if args.action == "status":
        state = encryption.read_state(ws.home).as_dict()
        state["required"] = bool(ws.policy.get("encryption_required"))
        if state["enabled"]:
            return Output(state, f"The database is encrypted (key: {state['method']}).")
        return Output(state, "The database is not encrypted." + (" Your organization requires it."
                                                                  if state["required"] else ""))
    from engine.trust.keys import keyring_available

    method = args.method or ("keyring" if keyring_available() else "passphrase")
    phrase = os.environ.get(encryption.PASSPHRASE_VARIABLE) if method == "passphrase" else None
    if method == "passphrase" and not phrase:
        raise BadInput(f"Set the passphrase in {encryption.PASSPHRASE_VARIABLE} (this machine has no keyring "
                       "to keep a key in).")
    ws.request_encryption(method, phrase, now=True)
    return Output({"enabled": True, "method": method}, f"The database is encrypted now (key: {method}).")


COMMANDS = {"settings": cmd_settings, "policy": cmd_policy, "pii": cmd_pii, "purge": cmd_purge,
            "encryption": cmd_encryption}
