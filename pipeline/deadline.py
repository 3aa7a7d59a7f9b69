"""A time budget for one file's extraction.

``within(seconds)`` raises ``FileTimeout`` in the code it guards once the
budget is spent. In a process's main thread (the local executor and its
worker processes) a timer signal does it, which also stops a long regular
expression search; in any other thread (a Dask worker runs tasks in threads)
the exception is set on that thread and raised at its next Python step.
``FileTimeout`` derives from ``BaseException`` so that no stage's
``except Exception`` can swallow it.
"""
from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class FileTimeout(BaseException):
    """The file's time budget ran out."""


def _alarm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise FileTimeout()


@contextmanager
def within(seconds: float | None) -> Iterator[None]:
    if not seconds:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    tid = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), ctypes.py_object(FileTimeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
        timer.cancel()
        if state["fired"]:  # delivered already, or still pending: never let it escape later
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), None)
