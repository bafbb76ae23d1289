"""Settings > Local API and Connections in a real window: keys made here, the API served
from the window's own process (its writes on the UI thread), a server connected and
checked on a background thread."""

from __future__ import annotations

import threading

import httpx
import pytest

from desktop.qt import QApplication, QMessageBox
from tests.helpers.api_server import free_port
from tests.helpers.onprem_server import onprem_server


def _in_thread(fn):
    box = {}
    thread = threading.Thread(target=lambda: box.setdefault("value", fn()), daemon=True)
    thread.start()
    return thread, box


def test_key_created_api_served_from_the_window_and_revoked(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    page = window.settings.api
    page.port.setValue(free_port())
    page.key_name.setText("crm")
    page.create_key.click()
    secret = shown[0].split()[-1]
    assert secret.startswith("ak-") and QApplication.clipboard().text() == secret
    assert "crm" in page.key_list.item(0).text() and secret not in page.key_list.item(0).text()

    page.enabled.setChecked(True)
    assert window.settings.api_host.running and "Listening on http://127.0.0.1:" in page.address.text()
    url = window.settings.api_host.server.url
    # The call's database writes wait for this (the UI) thread: keep the event loop running.
    thread, box = _in_thread(lambda: httpx.get(url + "/v1/models", headers={"Authorization": f"Bearer {secret}"},
                                               timeout=30))
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=30_000)
    assert box["value"].status_code == 200
    assert "smollm2-135m" in [m["id"] for m in box["value"].json()["data"]]
    QApplication.processEvents()
    assert window.ws.db.execute("select last_used_at from api_keys").fetchone()[0]  # written by the UI thread

    page.key_list.setCurrentRow(0)
    page.revoke_key.click()
    thread, box = _in_thread(lambda: httpx.get(url + "/v1/models", headers={"Authorization": f"Bearer {secret}"},
                                               timeout=30))
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=30_000)
    assert box["value"].status_code == 401
    page.enabled.setChecked(False)
    assert not window.settings.api_host.running


@pytest.mark.slow
def test_connection_saved_checked_and_its_models_listed(qtbot, window, smollm2, tmp_path):
    page = window.settings.api
    with onprem_server(smollm2, tmp_path / "server.log") as server:
        page.conn_name.setText("team")
        page.conn_url.setText(server.base_url)
        page.conn_key.setText(server.key)
        page.check_conn.click()
        qtbot.waitUntil(lambda: page.check_conn.isEnabled(), timeout=120_000)
    assert "Connected: 1 models (smollm2)" in page.conn_status.text()
    assert page.conn_key.text() == "" and page.connections.key("team") == server.key
    assert "team/smollm2" in [window.settings.default_model.itemText(i)
                              for i in range(window.settings.default_model.count())]
