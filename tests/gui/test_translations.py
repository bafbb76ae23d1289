"""Every visible string is translated, and the compiled .qm matches its .ts source."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from desktop.qt import QApplication
from engine.paths import TRANSLATIONS

REPO = Path(__file__).resolve().parents[2]
TS = TRANSLATIONS / "airlock_zh_TW.ts"
BIN = Path(sys.executable).parent


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {(ctx.findtext("name"), m.findtext("source")): m.find("translation")
            for ctx in root.iter("context") for m in ctx.iter("message")}


def test_every_string_in_the_source_is_in_the_ts_file(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in (REPO / "desktop").rglob("*.py")] + [
        str(REPO / "engine" / name) for name in ("messages.py", "message_catalog.py")]
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(fresh), "-locations", "none"],
                   check=True, capture_output=True)
    missing = set(messages(fresh)) - set(messages(TS))
    assert not missing, f"run `make translations` and translate: {sorted(missing)}"


def test_zh_tw_is_complete():
    unfinished = [key for key, translation in messages(TS).items()
                  if translation.get("type") in ("unfinished", "obsolete", "vanished")
                  or not (translation.text or "").strip()]
    assert not unfinished, unfinished


def test_placeholders_survive_translation():
    import re

    for (context, source), translation in messages(TS).items():
        wanted = sorted(re.findall(r"\{[^}]*\}|%p%", source))
        got = sorted(re.findall(r"\{[^}]*\}|%p%", translation.text or ""))
        assert wanted == got, (context, source, translation.text)


def test_compiled_qm_matches_the_source(tmp_path):
    compiled = tmp_path / "check.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(compiled)], check=True)
    assert compiled.read_bytes() == (TRANSLATIONS / "airlock_zh_TW.qm").read_bytes(), \
        "the .qm is stale: run `make translations`"


def test_window_title_starts_with_airlock_in_both_languages(qtbot, window):
    from desktop import i18n

    assert window.windowTitle().startswith("Airlock")
    i18n.apply_language(QApplication.instance(), "zh_TW")
    qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "對話", timeout=2000)
    assert window.windowTitle().startswith("Airlock")
