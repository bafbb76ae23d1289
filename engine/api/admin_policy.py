"""What the company's admin policy says about the API and the network, in one small seam.

The trust area owns the policy file (engine/trust/policy.py: ``api_enabled``, ``api_lan``,
``allowed_remote_hosts``). Where no policy is installed the answers are the safe
defaults: the API may run on loopback only, and connections reach exactly the hosts the
user configured. A policy that cannot be read fails closed (the policy loader itself
raises BadInput with one sentence, which the caller shows).
"""

from __future__ import annotations

from typing import Any


class _NoPolicy:
    """Where the trust package is absent (a reduced build): nothing is locked."""

    def get(self, key: str, default: Any = None) -> Any:
        return default

    def host_allowed(self, host: str) -> bool:
        return True


def _policy(home: Any) -> Any:
    try:
        from engine.trust.policy import load_policy
    except ImportError:
        return _NoPolicy()
    return load_policy(getattr(home, "root", home))


def api_allowed(home: Any) -> bool:
    """May the local API run at all? Yes unless the policy says ``"api_enabled": false``."""
    return bool(_policy(home).get("api_enabled", True))


def lan_api_allowed(home: Any) -> bool:
    """May `airlock serve` listen on a non-loopback address? Only when the policy says
    ``"api_lan": true``."""
    policy = _policy(home)
    return bool(policy.get("api_enabled", True)) and bool(policy.get("api_lan", False))


def network_allowlist(home: Any) -> list[str] | None:
    """Remote hosts the policy lets connections reach (None: no list, the user's
    connections stand; an empty list: none at all)."""
    hosts = _policy(home).get("allowed_remote_hosts")
    return None if hosts is None else [str(h).lower() for h in hosts]


def host_allowed(home: Any, host: str) -> bool:
    return bool(_policy(home).host_allowed(host.lower()))
