"""Offline by construction: the guard that keeps every Airlock process off the network.

Two layers, both installed by :func:`install` (which ``import engine`` calls, so every
process that runs Airlock code is covered, spawned workers included):

1. The Hugging Face libraries are told to stay offline through their environment
   variables. They read these once at import, so they must be set before any of them
   is imported; ``engine/__init__.py`` runs first in every Airlock process. Telemetry
   packages that no setting turns off (:data:`TELEMETRY_MODULES`) are made unimportable,
   so the libraries that use them fall back to their own no-op stubs.
2. A :func:`sys.addaudithook` hook refuses every socket operation that would reach a
   non-loopback address (connect, sendto, name lookups). Python cannot remove an audit
   hook once added, which is the point: no library can switch it off.

Every refusal is remembered in :data:`blocked` and, when ``AIRLOCK_NETWORK_LOG`` names a
file, appended there, so a test (or an auditor) can prove that nothing tried to leave.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
import threading
import time

OFFLINE_ENVIRONMENT = {
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "HF_DATASETS_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "DIFFUSERS_OFFLINE": "1",
    "DO_NOT_TRACK": "1",
}

TELEMETRY_MODULES = ("openvino_telemetry",)
"""OpenVINO's ``convert_model`` reports usage to Google Analytics through this package (a
dependency of the ``openvino`` wheel); without it OpenVINO uses its no-op stub."""

NETWORK_LOG_VARIABLE = "AIRLOCK_NETWORK_LOG"

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})

blocked: list[str] = []
"""Every refused attempt in this process, as a readable line (newest last)."""

_allowed_names: frozenset[str] = frozenset()
_allowed_addresses: frozenset[str] = frozenset()
"""The inference servers the user configured (Settings > Connections), filtered by the
admin policy's allowlist (engine/backends/router.py): exactly these may be reached."""


def allow_hosts(hosts: list[str]) -> None:
    """Let this process reach exactly ``hosts`` (names or IP literals) besides loopback;
    replaces the previous list. Everything else is still refused and logged."""
    global _allowed_names, _allowed_addresses
    names = {h.strip().rstrip(".").lower().strip("[]") for h in hosts if h and h.strip()}
    literals = set()
    for name in names:
        try:
            literals.add(str(ipaddress.ip_address(name)))
        except ValueError:
            pass
    with _lock:
        _allowed_names = frozenset(names)
        _allowed_addresses = frozenset(literals | (set(_allowed_addresses) & literals))


def allow_resolved(host: str, addresses: list[str]) -> None:
    """The addresses an allowed host name resolved to may be connected to as well."""
    global _allowed_addresses
    if host.strip().rstrip(".").lower() not in _allowed_names:
        return
    with _lock:
        _allowed_addresses = _allowed_addresses | {a.split("%", 1)[0] for a in addresses}


def allowed_hosts() -> list[str]:
    return sorted(_allowed_names)

_installed = False
_lock = threading.Lock()


class NetworkBlocked(ConnectionRefusedError):
    """Raised instead of letting a socket reach a non-loopback address.

    A subclass of ``ConnectionRefusedError`` (an ``OSError``) so that libraries which
    already handle "no network" (the Hugging Face hub client, urllib) take their
    offline path instead of crashing.
    """


def is_loopback_host(host: object) -> bool:
    """True when ``host`` (a name, an IP literal, or None for "any") stays on this machine."""
    if host is None or host == "" or host == b"":
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    name = host.strip().rstrip(".").lower()
    if name in LOOPBACK_NAMES:
        return True
    name = name.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def address_is_allowed(family: int, address: object) -> bool:
    """Decide whether a socket may talk to ``address``: Unix sockets and loopback only."""
    if family == getattr(socket, "AF_UNIX", object()) or isinstance(address, (str, bytes)):
        return True
    if family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple) and address:
        return is_loopback_host(address[0])
    # Netlink, packet and other families have no business in Airlock.
    return False


def refusal_for(event: str, args: tuple) -> str | None:
    """Return a description of why ``event`` must be refused, or None to let it pass.

    Kept free of side effects so tests can check the guard's decisions directly without
    ever sending a packet.
    """
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        sock, address = args[0], args[-1]
        family = getattr(sock, "family", socket.AF_INET)
        if address is None or address_is_allowed(family, address):
            return None
        if isinstance(address, tuple) and address and str(address[0]).split("%", 1)[0] in _allowed_addresses:
            return None
        return f"{event} to {address!r}"
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
                 "socket.gethostbyaddr", "socket.getnameinfo"):
        host = args[0]
        if event == "socket.getnameinfo" and isinstance(host, tuple):
            host = host[0]
        if is_loopback_host(host):
            return None
        if isinstance(host, (str, bytes)) and (host.decode() if isinstance(host, bytes) else host) \
                .strip().rstrip(".").lower().strip("[]") in _allowed_names:
            return None
        return f"{event} for {host!r}"
    return None


def _record(description: str) -> None:
    line = f"{time.strftime('%Y-%m-%dT%H:%M:%S')} pid={os.getpid()} blocked {description}"
    with _lock:
        blocked.append(line)
    path = os.environ.get(NETWORK_LOG_VARIABLE)
    if path:
        try:
            with open(path, "a", encoding="utf-8") as log:
                log.write(line + "\n")
        except OSError:
            pass


def _audit_hook(event: str, args: tuple) -> None:
    if not event.startswith("socket."):
        return
    description = refusal_for(event, args)
    if description is None:
        return
    _record(description)
    raise NetworkBlocked(
        f"Airlock works offline and refused a network connection ({description})."
    )


def set_offline_environment() -> None:
    """Tell the Hugging Face stack to stay offline and keep telemetry packages out; must
    run before those libraries are imported."""
    for name, value in OFFLINE_ENVIRONMENT.items():
        os.environ[name] = value
    for module in TELEMETRY_MODULES:
        sys.modules.setdefault(module, None)  # type: ignore[arg-type]  # import now raises ImportError


def install() -> None:
    """Switch this process to offline mode. Safe to call more than once."""
    global _installed
    set_offline_environment()
    with _lock:
        if _installed:
            return
        _installed = True
    sys.addaudithook(_audit_hook)


def is_installed() -> bool:
    return _installed
