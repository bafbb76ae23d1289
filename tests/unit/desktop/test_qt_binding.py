"""The Qt binding Airlock pins must not corrupt Python's reference counts.

PySide6 6.12.0's ``SignalInstance.emit()`` returned ``True`` without a new reference:
each emit lowered the refcount of ``True`` and a long chat answer aborted the app with
"Fatal Python error: bool_dealloc". This test fails on any binding with that bug.
"""

import sys

from desktop.qt import QCoreApplication, QObject, Signal


class Emitter(QObject):
    text = Signal(str)
    nothing = Signal()


def test_emitting_signals_keeps_refcounts_of_true_and_false():
    QCoreApplication.instance() or QCoreApplication([])
    emitter = Emitter()
    received = []
    emitter.text.connect(received.append)
    before = (sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(500):
        emitter.text.emit("x")
        emitter.nothing.emit()
    after = (sys.getrefcount(True), sys.getrefcount(False))
    assert len(received) == 500
    assert after[0] >= before[0] - 5 and after[1] >= before[1] - 5, (before, after)
