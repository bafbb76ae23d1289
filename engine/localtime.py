"""Dates as a person means them (this computer's time zone) turned into the UTC stamps
history stores.

History keeps ``created_at`` in UTC (engine/store/db.utc_now); a person filtering by
"today" or "1 to 3 March" means local days. Comparing a local date string with UTC
stamps shifts every filter by the UTC offset (eight hours in Taipei), so every front end
converts here.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone


def utc_stamp(moment: datetime) -> str:
    """``moment`` (aware) as history writes stamps: UTC ISO-8601, milliseconds, ``Z``."""
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def local_midnight(day: date) -> datetime:
    """The start of ``day`` in this computer's time zone, as an aware datetime."""
    return datetime.combine(day, time()).astimezone()


def day_range(first: date, last: date) -> tuple[str, str]:
    """UTC stamps (since, until) covering local days ``first`` to ``last``, both included:
    ``since <= created_at < until``."""
    return utc_stamp(local_midnight(first)), utc_stamp(local_midnight(last + timedelta(days=1)))


def period_start(days: int | None, now: datetime | None = None) -> str | None:
    """The UTC stamp of local midnight ``days`` days before today (0: today; None: no limit)."""
    if days is None:
        return None
    local = (now or datetime.now()).astimezone()
    start = local.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=days)
    return utc_stamp(start)


def local_text(stamp: str | None) -> str:
    """A stored UTC stamp as this computer's local time, "YYYY-MM-DD HH:MM" (the History
    list and its detail show the same)."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp[:16].replace("T", " ")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
