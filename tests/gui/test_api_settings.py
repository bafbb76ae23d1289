"""Settings > Local API and Connections in a real window: keys made here, the API served
from the window's own process (its writes on the UI thread), a server connected and
checked on a background thread."""

from __future__ import annotations

import ssl
import threading

import httpx
import pytest

from desktop.qt import QApplication, QMessageBox
from tests.helpers.api_server import free_port
from tests.gui.test_engine_messages_zh_tw import zh_tw  # noqa: F401 (a fixture)
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
    qtbot.waitUntil(lambda: bool(window.ws.db.execute("select last_used_at from api_keys").fetchone()[0]),
                    timeout=30_000)  # written by the UI thread, beside the call

    page.key_list.setCurrentRow(0)
    page.revoke_key.click()
    thread, box = _in_thread(lambda: httpx.get(url + "/v1/models", headers={"Authorization": f"Bearer {secret}"},
                                               timeout=30))
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=30_000)
    assert box["value"].status_code == 401
    page.enabled.setChecked(False)
    assert not window.settings.api_host.running


def test_a_call_waiting_on_a_busy_window_is_answered_503_not_held(qtbot, window, monkeypatch):
    """The window hosts the API's store work on its UI thread; while that thread is busy,
    a request waits at most writer.WAIT_SECONDS, then gets 503 with Retry-After."""
    from engine.api import writer

    monkeypatch.setattr(writer, "WAIT_SECONDS", 0.5)
    page = window.settings.api
    page.port.setValue(free_port())
    _key, secret = window.ws.issue_api_key("crm")
    page.enabled.setChecked(True)
    url = window.settings.api_host.server.url
    get = lambda: httpx.get(url + "/v1/models", headers={"Authorization": f"Bearer {secret}"}, timeout=30)  # noqa: E731
    thread, box = _in_thread(get)
    thread.join(20)  # this (the UI) thread processes no events meanwhile: the window is busy
    assert box["value"].status_code == 503 and box["value"].headers["retry-after"] == "5"
    assert box["value"].json()["error"]["code"] == "busy"
    thread, box = _in_thread(get)  # the window free again: answered
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=30_000)
    assert box["value"].status_code == 200
    page.enabled.setChecked(False)


def test_a_key_made_for_text_only_cannot_make_images_and_its_revocation_is_audited(qtbot, window, monkeypatch):
    from engine.trust.audit import log_for

    shown, warned = [], []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    page = window.settings.api
    page.port.setValue(free_port())
    page.key_scopes["text"].setChecked(False)
    page.key_scopes["image"].setChecked(False)
    page.key_name.setText("crm")
    page.create_key.click()  # no scope ticked: refused, with what to do
    assert not shown and "at least one of Text and Images" in warned[0] and page.keys.list() == []
    page.key_scopes["text"].setChecked(True)
    page.create_key.click()
    secret = shown[0].split()[-1]
    assert page.keys.find("crm").scopes == ("text",)
    assert page.key_list.item(0).text().startswith("crm (") and ", Text) active" in page.key_list.item(0).text()

    page.enabled.setChecked(True)
    url = window.settings.api_host.server.url
    thread, box = _in_thread(lambda: httpx.post(url + "/v1/images/generations", json={"prompt": "a lighthouse"},
                                                headers={"Authorization": f"Bearer {secret}"}, timeout=30))
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=30_000)
    assert box["value"].status_code == 403 and box["value"].json()["error"]["code"] == "insufficient_scope"
    page.enabled.setChecked(False)

    page.key_list.setCurrentRow(0)
    page.revoke_key.click()
    page.revoke_key.click()  # a second click on a revoked key writes nothing more
    revoked = list(log_for(window.ws).entries(event="api_key.revoked"))
    assert [e["details"]["name"] for e in revoked] == ["crm"]
    assert "revoked" in page.key_list.item(0).text()


def test_the_key_list_names_its_scopes_in_chinese(qtbot, window, zh_tw):
    page = window.settings.api
    window.ws.issue_api_key("crm", ("text", "image"))
    page._reload()
    line = page.key_list.item(0).text()
    assert "文字" in line and "圖片" in line and "text" not in line and "image" not in line
    assert [box.text() for box in page.key_scopes.values()] == ["文字", "圖片"]


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
    assert "team/smollm2" in [window.chat.model_combo.itemData(i)  # beside the local model in Chat at once
                              for i in range(window.chat.model_combo.count())]


def test_a_connection_keeps_its_three_timeouts_and_rows_at_once(qtbot, window):
    page = window.settings.api
    page.conn_name.setText("team")
    page.conn_url.setText("http://127.0.0.1:9/v1")  # saved only: nothing is sent
    for spin, value in zip(page.conn_timeouts, (3.5, 20.0, 300.0)):
        spin.setValue(value)
    page.conn_concurrency.setValue(8)
    page.save_conn.click()
    saved = page.connections.get("team")
    assert (saved.connect_timeout, saved.list_timeout, saved.first_token_timeout, saved.concurrency) == \
        (3.5, 20.0, 300.0, 8)
    for spin in page.conn_timeouts:
        spin.setValue(1.0)
    page.conn_list.setCurrentRow(0)  # picking it shows what was saved
    assert [spin.value() for spin in page.conn_timeouts] == [3.5, 20.0, 300.0]
    assert page.conn_concurrency.value() == 8


def test_the_network_is_offered_only_when_the_policy_allows_it(qtbot, window):
    network = window.settings.api.network
    assert not network.lan.isEnabled() and not network.lan.isChecked()
    assert "does not allow it on the network" in network.policy_note.text()
    network.origins.setText("*")
    assert not network.save() and "CORS origin is one exact address" in network.status.text()
    network.origins.setText("https://crm.example.com")
    assert network.save()
    from engine.api import config

    saved = config.load(window.ws.db)
    assert saved.host == "127.0.0.1" and saved.cors_origins == ("https://crm.example.com",)


@pytest.fixture
def lan_policy(home):
    (home.root / "policy.json").write_text('{"api_lan": true, "reason": "IT-SEC 4.2"}', encoding="utf-8")


def test_lan_needs_tls_and_host_names_and_tls_is_served(qtbot, lan_policy, window, tmp_path, monkeypatch):
    from engine.api import config
    from tests.helpers.tls import self_signed

    monkeypatch.setattr(QMessageBox, "information", lambda *_args: None)
    page = window.settings.api
    network = page.network
    assert network.lan.isEnabled() and "allows the API on the network" in network.policy_note.text()
    network.lan.setChecked(True)
    assert network.listen.isEnabled() and network.listen.text() == "0.0.0.0"
    network.apply.click()
    assert "needs TLS" in network.status.text()
    cert, key = self_signed(tmp_path / "tls")
    network.tls_cert.setText(str(key))  # the key where the certificate belongs
    network.tls_key.setText(str(key))
    network.apply.click()
    assert "Host allowlist" in network.status.text()
    network.hosts.setText("ai.corp.local, 10.0.0.5")
    network.apply.click()
    assert "cannot be used together" in network.status.text()
    network.tls_cert.setText(str(cert))
    network.apply.click()
    saved = config.load(window.ws.db)
    assert (saved.host, saved.allowed_hosts, saved.tls) == ("0.0.0.0", ("ai.corp.local", "10.0.0.5"), True)
    assert "https://ai.corp.local:" in network.status.text()
    assert "(on the network)" in page.enabled.text()

    # Served for real with those TLS files, on loopback only (tests never listen beyond it).
    network.lan.setChecked(False)
    page.port.setValue(free_port())
    network.apply.click()
    assert config.load(window.ws.db).host == "127.0.0.1"
    page.key_name.setText("crm")
    page.create_key.click()
    page.enabled.setChecked(True)
    url = window.settings.api_host.server.url
    assert url.startswith("https://127.0.0.1:") and "Listening on https://127.0.0.1:" in page.address.text()
    trusted = ssl.create_default_context(cafile=str(cert))  # the client trusts exactly this certificate
    thread, box = _in_thread(lambda: httpx.get(url + "/health", verify=trusted, timeout=30))
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=30_000)
    assert box["value"].status_code == 200
    page.enabled.setChecked(False)
