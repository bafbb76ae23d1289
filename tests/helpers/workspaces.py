"""A workspace shared by a test module, with its own network log."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from engine import offline
from engine.home import Home
from engine.workspace import Workspace


@contextlib.contextmanager
def logged_workspace(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[Workspace]:
    """A fresh workspace for a module's tests. Worker processes started inside the block
    inherit a network log of the module's own (the per-test log of ``no_network`` ends
    with each test, while a shared worker lives on); any refusal written to it fails the
    module at the end."""
    log = tmp_path_factory.mktemp("net") / "network-blocked.log"
    patch = pytest.MonkeyPatch()
    patch.setenv(offline.NETWORK_LOG_VARIABLE, str(log))
    ws = Workspace(Home(tmp_path_factory.mktemp(name) / "home").ensure())
    try:
        yield ws
    finally:
        ws.close()
        patch.undo()
    assert not log.exists() or not log.read_text(), log.read_text()
