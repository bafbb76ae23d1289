"""``airlock serve``: the OpenAI-compatible API on this workstation, in the foreground.

It listens on 127.0.0.1 unless told otherwise (and a LAN address needs the admin policy,
TLS and a Host allowlist: engine/api/config.py); every call needs a key from
``airlock api keys create``. Ctrl+C stops it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from engine.cli.output import Output, present


def add_parsers(command: Callable[..., argparse.ArgumentParser]) -> None:
    sub = command("serve", "serve the OpenAI-compatible API (127.0.0.1 by default; every call needs a key)")
    sub.add_argument("--host", default=None, help="address to listen on (default: the saved setting, 127.0.0.1)")
    sub.add_argument("--port", type=int, default=None, help="port (default: the saved setting, 8765)")
    sub.add_argument("--tls-cert", default=None, metavar="FILE", help="TLS certificate (PEM)")
    sub.add_argument("--tls-key", default=None, metavar="FILE", help="TLS private key (PEM)")
    sub.add_argument("--allow-host", action="append", default=None, metavar="NAME",
                     help="a Host name clients use to reach this machine (repeat; needed off loopback)")
    sub.add_argument("--cors-origin", action="append", default=None, metavar="ORIGIN",
                     help="a web origin allowed to call from a browser, e.g. https://crm.example.com (repeat)")
    sub.add_argument("--queue", type=int, default=None, help="requests that may wait for a busy model (default 8)")
    sub.add_argument("--json", action="store_true", help="print {url} as JSON once listening")


def cmd_serve(ws: Any, args: argparse.Namespace) -> int:
    from engine.api import config as api_config
    from engine.api.server import ApiServer

    config = api_config.override(
        api_config.load(ws.db), host=args.host, port=args.port, tls_cert=args.tls_cert, tls_key=args.tls_key,
        allowed_hosts=tuple(args.allow_host) if args.allow_host else None,
        cors_origins=tuple(args.cors_origin) if args.cors_origin else None, queue_limit=args.queue)
    server = ApiServer(ws, config).start()
    keys = [k for k in server.service.keys.list() if k.active]
    notes = () if keys else (
        "No API key exists yet: every call will be refused until you run 'airlock api keys create --name NAME'.",)
    # Said once it listens, while it keeps running: {url} is the one JSON value of --json.
    present(Output({"url": server.url}, f"Airlock API on {server.url}/v1 (Ctrl+C to stop)", notes=notes), args.json)
    sys.stdout.flush()
    try:
        server.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


COMMANDS = {"serve": cmd_serve}
