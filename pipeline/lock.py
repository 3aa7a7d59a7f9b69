"""One run at a time per output folder.

Two runs writing one folder would interleave their parts, state and manifest.
``hold`` takes an exclusive lock on ``OUT_DIR/.lock`` (released by the system
if the process dies), waits up to ``wait`` seconds for a run that holds it,
then gives up with ``Busy``, whose message names the other run.
"""
from __future__ import annotations

import fcntl
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".lock"


class Busy(RuntimeError):
    """Another run holds the output folder."""


@contextmanager
def hold(out_dir: Path, wait: float = 0.0) -> Iterator[None]:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / LOCK_FILE
    fh = open(path, "a+")  # noqa: SIM115 - held for the whole run; created with the user's umask
    try:
        deadline = time.monotonic() + max(0.0, wait)
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    fh.seek(0)
                    holder = fh.read().strip() or "another process"
                    raise Busy(f"[E601] another run is writing to {out_dir} ({holder}); wait for it to finish, "
                               f"or pass --wait SECONDS to wait for it") from None
                time.sleep(min(0.2, max(0.01, deadline - time.monotonic())))
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} on {socket.gethostname()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
        fh.flush()
        yield
    finally:
        fh.close()  # closing the file releases the lock
