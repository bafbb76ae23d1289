"""`airlock api keys` and the refusals of `airlock serve`, through the installed command."""

from __future__ import annotations

import json

from tests.conftest import assert_one_line_error


def test_keys_create_list_revoke(cli):
    made = json.loads(cli("api", "keys", "create", "--name", "crm", "--scope", "text", "--json").stdout)
    assert made["key"].startswith("ak-") and made["scopes"] == ["text"] and made["active"]
    listed = json.loads(cli("api", "keys", "list", "--json").stdout)
    assert [k["name"] for k in listed] == ["crm"] and "key" not in listed[0]  # shown once, never again
    assert made["key"] not in cli("api", "keys", "list").stdout
    assert not json.loads(cli("api", "keys", "revoke", "crm", "--json").stdout)["active"]
    assert_one_line_error(cli("api", "keys", "create", "--name", "x", "--scope", "audio", check_exit=2),
                          "Unknown scope 'audio'")
    assert_one_line_error(cli("api", "keys", "revoke", "erp", check_exit=2), "no API key named 'erp'")


def test_serve_stays_on_loopback_unless_policy_tls_and_hosts_allow(cli, tmp_path):
    assert_one_line_error(cli("serve", "--host", "0.0.0.0", check_exit=2), "policy does not allow the API on the network")
    (cli.home / "policy.json").write_text(json.dumps({"api_lan": True}))
    assert_one_line_error(cli("serve", "--host", "0.0.0.0", check_exit=2), "needs TLS")
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    cert.write_text("x"), key.write_text("x")
    assert_one_line_error(cli("serve", "--host", "0.0.0.0", "--tls-cert", str(cert), "--tls-key", str(key),
                              check_exit=2), "Host allowlist")
    (cli.home / "policy.json").write_text(json.dumps({"api_enabled": False}))
    assert_one_line_error(cli("serve", check_exit=2), "switches the local API off")
    (cli.home / "policy.json").unlink()
    assert_one_line_error(cli("serve", "--cors-origin", "*", check_exit=2), "CORS origin is one exact address")
