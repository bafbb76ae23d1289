"""Running the API: uvicorn on a thread, over a workspace that is already open.

`airlock serve` runs it in the foreground of its own process; the desktop app starts it
on a thread of the GUI process with the window's workspace (so the API shares the
window's worker processes) and a ``writer`` that runs database writes on the UI thread.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from typing import Any

from engine.api import admin_policy
from engine.api.config import ServerConfig
from engine.api.service import ApiService
from engine.api.writer import SerialWriter, Writer
from engine.errors import AirlockError, BadInput

log = logging.getLogger(__name__)


class ApiServer:
    def __init__(self, ws: Any, config: ServerConfig, writer: Writer | None = None):
        if not admin_policy.api_allowed(ws.home):
            raise BadInput("The admin policy switches the local API off; ask your administrator.")
        self.config = config.check(lan_allowed=admin_policy.lan_api_allowed(ws.home))
        self._own_writer = SerialWriter() if writer is None else None
        self.service = ApiService(ws, self.config, writer or self._own_writer)  # type: ignore[arg-type]
        self._server: Any = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    @property
    def url(self) -> str:
        return self.config.url

    def _uvicorn(self) -> Any:
        import uvicorn

        from engine.api.app import create_app

        options: dict[str, Any] = dict(host=self.config.host.strip("[]"), port=self.config.port,
                                       log_config=None, access_log=False, server_header=False,
                                       timeout_graceful_shutdown=2, lifespan="on")
        if self.config.tls:
            options.update(ssl_certfile=self.config.tls_cert, ssl_keyfile=self.config.tls_key)
        return uvicorn.Server(uvicorn.Config(create_app(self.service), **options))

    def start(self, timeout: float = 10.0) -> "ApiServer":
        """Listen on a background thread; returns once the socket accepts (or raises)."""
        self._check_port()
        self._server = self._uvicorn()

        def run() -> None:
            try:
                self._server.run()
            except BaseException as exc:  # SystemExit from uvicorn when it cannot bind
                self._error = exc
                log.exception("the API server stopped")

        self._thread = threading.Thread(target=run, name="airlock-api", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise AirlockError(f"The API server could not start on {self.url} (details in the log).")
            time.sleep(0.02)
        log.info("API listening on %s", self.url)
        return self

    def _check_port(self) -> None:
        family = socket.AF_INET6 if ":" in self.config.host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((self.config.host.strip("[]"), self.config.port))
            except OSError as exc:
                raise BadInput(f"Cannot listen on {self.url}: {exc.strerror}; choose another port with --port.") from exc

    def wait(self) -> None:
        """Block until the server stops (Ctrl+C in `airlock serve`)."""
        assert self._thread is not None
        while self._thread.is_alive():
            self._thread.join(0.5)

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(10)
        if self._server is not None:
            self._server.config.app.state.executor.shutdown(wait=False, cancel_futures=True)
        self.service.close(wait=self._own_writer is not None)
        if self._own_writer is not None:
            self._own_writer.close()
