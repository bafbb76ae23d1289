"""Who made a generation: the OS user name, stamped on every record so "active users over
28 days" can count people without any sign-in. It stays in the local record; the team
roll-up exports only the count."""

from __future__ import annotations

import getpass
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers), no USER variable
        return "unknown"


def stamp_user(record: dict[str, Any]) -> dict[str, Any]:
    """A record step (engine/records.py): put the OS user in ``params.user`` unless set."""
    params = record.get("params")
    if isinstance(params, dict) and "user" not in params:
        record["params"] = {**params, "user": os_user()}
    return record
