"""How many minutes a person needs to write each kind of item by hand, and what an hour costs.

These are the admin's estimates, not measurements: the time-saved figure multiplies them
by what people kept, so the defaults are stated here and shown beside every estimate.
They live in the home's ``settings`` table under :data:`SETTING` as one JSON value.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from engine.errors import BadInput

SETTING = "insights.baselines"

DEFAULT_MINUTES_BY_CATEGORY: dict[str, float] = {
    "social_post": 20.0,
    "edm": 45.0,
    "product_copy": 30.0,
    "press_release": 60.0,
    "customer_service": 10.0,
    "job_post": 30.0,
    "image_prompt": 15.0,
    "other": 15.0,
}
"""Manual minutes per item by template category (engine/prompts/templates.py CATEGORIES):
a social post 20 min, an EDM 45 min, a press release an hour, a customer-service reply 10."""

DEFAULT_HOURLY_RATE_TWD = 400.0
"""A marketing staff hour with overhead (about TWD 45,000 a month plus costs); edit it."""


@dataclass(frozen=True)
class Baselines:
    minutes_by_category: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_MINUTES_BY_CATEGORY))
    minutes_by_template: dict[str, float] = field(default_factory=dict)
    """Overrides for single templates, by name."""
    hourly_rate_twd: float = DEFAULT_HOURLY_RATE_TWD

    def minutes_for(self, template: str | None, category: str | None) -> float:
        if template and template in self.minutes_by_template:
            return self.minutes_by_template[template]
        return self.minutes_by_category.get(category or "other", self.minutes_by_category.get("other", 0.0))

    def as_dict(self) -> dict[str, Any]:
        return {"minutes_by_category": dict(self.minutes_by_category),
                "minutes_by_template": dict(self.minutes_by_template),
                "hourly_rate_twd": self.hourly_rate_twd}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Baselines":
        def minutes(mapping: Any, what: str) -> dict[str, float]:
            if not isinstance(mapping, dict):
                raise BadInput(f"The {what} baselines must be a mapping of names to minutes.")
            out = {}
            for key, value in mapping.items():
                if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 24 * 60:
                    raise BadInput(f"The baseline for '{key}' must be a number of minutes from 0 to 1440.")
                out[str(key)] = float(value)
            return out

        rate = data.get("hourly_rate_twd", DEFAULT_HOURLY_RATE_TWD)
        if not isinstance(rate, (int, float)) or isinstance(rate, bool) or not 0 <= rate <= 1_000_000:
            raise BadInput("The hourly rate must be a number of TWD from 0 to 1,000,000.")
        return cls({**DEFAULT_MINUTES_BY_CATEGORY,
                    **minutes(data.get("minutes_by_category", {}), "category")},
                   minutes(data.get("minutes_by_template", {}), "template"), float(rate))


def load(db: sqlite_utils.Database) -> Baselines:
    rows = list(db.query("select value from settings where key = ?", [SETTING]))
    if not rows:
        return Baselines()
    try:
        return Baselines.from_dict(json.loads(rows[0]["value"]))
    except (ValueError, BadInput):
        return Baselines()


def save(db: sqlite_utils.Database, baselines: Baselines) -> None:
    with db.atomic():
        db.execute("insert or replace into settings (key, value) values (?, ?)",
                   [SETTING, json.dumps(baselines.as_dict(), ensure_ascii=False, sort_keys=True)])
