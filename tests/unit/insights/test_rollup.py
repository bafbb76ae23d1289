"""The team roll-up: two signed files add up to known sums; a changed, duplicated or
overlapping file is refused."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from engine.errors import BadInput
from engine.insights import metrics, rollup
from engine.insights.period import Period
from engine.store.db import open_db
from tests.helpers.insights_seed import add_generation, add_job, add_row

TPE = timezone(timedelta(hours=8))
PERIOD = Period.build("2026-11-02", "2026-11-08", offset_minutes=480)


def workstation(root, texts: int, images: int, approved: int, rejected: int):
    """A home with known counts; returns (home root, insights)."""
    root.mkdir()
    db = open_db(root / "airlock.db")
    moment = datetime(2026, 11, 3, 10, tzinfo=TPE)
    for _ in range(texts):
        add_generation(db, at=moment, template="post", prompt="秘密 secret prompt", output="secret output")
    for _ in range(images):
        add_generation(db, at=moment, kind="image", model="sd", output_path="/x.png")
    job = add_job(db, "post", at=moment)
    for i in range(approved + rejected):
        add_row(db, job, i, status="approved" if i < approved else "rejected",
                decided=moment + timedelta(minutes=i), reason="secret reason")
    result = metrics.compute(db, PERIOD)
    db.conn.close()
    return root, result


def write(path, document) -> str:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_two_files_merge_into_known_sums(tmp_path):
    a_root, a = workstation(tmp_path / "a", texts=3, images=1, approved=4, rejected=1)
    b_root, b = workstation(tmp_path / "b", texts=2, images=2, approved=1, rejected=4)
    doc_a, doc_b = rollup.export(a_root, a), rollup.export(b_root, b)
    text = json.dumps(doc_a, ensure_ascii=False)
    assert "secret" not in text and "秘密" not in text and "rita" not in text  # counts only
    files = [write(tmp_path / "a.json", doc_a), write(tmp_path / "b.json", doc_b)]
    team = rollup.merge([(f, rollup.load(tmp_path / f)) for f in files])
    assert team["generations_by_kind"] == {"text": 5, "image": 3}
    assert team["review"]["acceptance"] == {"numerator": 5, "denominator": 10, "rate": 0.5}
    assert team["review"]["rejected"] == 5
    assert team["time_saved_minutes"] == pytest.approx(a["time_saved_minutes"] + b["time_saved_minutes"])
    assert team["active_users_sum"] == 4  # ann and rita on each, counted per workstation
    assert len({w["key"] for w in team["workstations"]}) == 2
    trusted = {rollup.key_fingerprint(a_root)}
    with pytest.raises(BadInput, match="not in the trusted list"):
        rollup.merge([(f, rollup.load(tmp_path / f)) for f in files], trusted)


def test_a_changed_count_is_refused(tmp_path):
    root, result = workstation(tmp_path / "a", texts=3, images=0, approved=1, rejected=0)
    document = rollup.export(root, result)
    document["payload"]["counts"]["generations_by_kind"]["text"] = 300
    path = tmp_path / "tampered.json"
    write(path, document)
    with pytest.raises(BadInput, match="changed after it was signed"):
        rollup.load(path)
    other, _ = workstation(tmp_path / "b", texts=0, images=0, approved=0, rejected=0)
    document = rollup.export(root, result)  # re-signed by someone else's key, naming this one
    document["signature"]["public_key"] = rollup.export(other, result)["signature"]["public_key"]
    write(path, document)
    with pytest.raises(BadInput, match="refused"):
        rollup.load(path)
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(BadInput, match="not an Airlock insights roll-up"):
        rollup.load(path)


def test_duplicates_and_overlaps_are_refused(tmp_path):
    root, result = workstation(tmp_path / "a", texts=1, images=0, approved=0, rejected=0)
    first = rollup.export(root, result)
    payload = rollup.verify(first, "a.json")
    with pytest.raises(BadInput, match="same export"):
        rollup.merge([("a.json", payload), ("copy.json", payload)])
    again = rollup.verify(rollup.export(root, result), "again.json")
    with pytest.raises(BadInput, match="periods overlap"):
        rollup.merge([("a.json", payload), ("again.json", again)])
