"""The period a set of metrics covers, and how local calendar days map onto stored times.

Stored times are UTC ISO-8601 text (engine/store/db.py ``utc_now``). People think in local
days, so a period is a pair of local dates (both included) and days and weeks are grouped
by local date: the UTC offset is added in SQL (``date(created_at, '+480 minutes')`` in
Taipei), which keeps the query on plain text columns and its index.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from engine.errors import BadInput

DEFAULT_DAYS = 28


def local_offset_minutes(when: datetime | None = None) -> int:
    """This machine's UTC offset in minutes now (Taiwan: +480, no daylight saving)."""
    when = when or datetime.now().astimezone()
    offset = when.utcoffset() or timedelta(0)
    return int(offset.total_seconds() // 60)


def parse_date(text: str, option: str = "date") -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadInput(f"The {option} '{text}' is not a date; write it as YYYY-MM-DD.") from None


@dataclass(frozen=True)
class Period:
    """Local dates ``since`` … ``until``, both included, at ``offset_minutes`` from UTC."""

    since: date
    until: date
    offset_minutes: int = 0

    @classmethod
    def build(cls, since: str | date | None = None, until: str | date | None = None, *,
              offset_minutes: int | None = None, today: date | None = None) -> "Period":
        """From optional dates (text or ``date``); the default is the last 28 days to today."""
        offset = local_offset_minutes() if offset_minutes is None else offset_minutes
        if today is None:
            today = (datetime.now(timezone.utc) + timedelta(minutes=offset)).date()
        end = parse_date(until, "--until date") if isinstance(until, str) else (until or today)
        start = (parse_date(since, "--since date") if isinstance(since, str)
                 else since or end - timedelta(days=DEFAULT_DAYS - 1))
        if start > end:
            raise BadInput(f"The period starts ({start}) after it ends ({end}); swap the dates.")
        return cls(start, end, offset)

    def _utc(self, day: date) -> str:
        moment = datetime.combine(day, time(0), tzinfo=timezone.utc) - timedelta(minutes=self.offset_minutes)
        return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    @property
    def start_utc(self) -> str:
        """The first stored time inside the period (local midnight of ``since``, in UTC)."""
        return self._utc(self.since)

    @property
    def end_utc(self) -> str:
        """The first stored time after the period (local midnight after ``until``)."""
        return self._utc(self.until + timedelta(days=1))

    def bounds(self) -> list[str]:
        """``[start_utc, end_utc]``, the parameters of a ``created_at >= ? and < ?`` filter."""
        return [self.start_utc, self.end_utc]

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    @property
    def shift(self) -> str:
        """The SQLite date modifier that turns a stored UTC time into local time."""
        return f"{self.offset_minutes:+d} minutes"

    def as_dict(self) -> dict[str, object]:
        return {"since": self.since.isoformat(), "until": self.until.isoformat(),
                "utc_offset_minutes": self.offset_minutes, "days": self.days}
