"""Noticing work done elsewhere: a model imported or an image made with the CLI (or by a
second window) while this window is open.

SQLite raises ``PRAGMA data_version`` on a connection whenever another connection commits
to the same database; reading it costs microseconds, so a one-second timer on the
window's own connection is enough, and nothing refreshes while nothing changed.
"""

from __future__ import annotations

import logging

from desktop.qt import QObject, QTimer, Signal

log = logging.getLogger(__name__)

INTERVAL_MS = 1000


class DatabaseWatcher(QObject):
    changed = Signal()  # another connection committed

    def __init__(self, db, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.db = db
        self._version = self._read()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def _read(self) -> int | None:
        try:
            return int(self.db.execute("pragma data_version").fetchone()[0])
        except Exception:  # a closed or locked database: try again on the next tick
            log.debug("data_version could not be read", exc_info=True)
            return None

    def check(self) -> bool:
        """Emit :attr:`changed` if another connection wrote since the last check."""
        version = self._read()
        if version is None or version == self._version:
            return False
        self._version = version
        self.changed.emit()
        return True
