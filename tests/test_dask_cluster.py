"""The README's cluster recipe, for real: a `dask scheduler` and two `dask worker` processes on
127.0.0.1, started from .venv the README's way in a folder that is not the checkout, so the
scheduler and the workers import `pipeline` from the installed project, as on other machines.
The test stops every process it started."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline import __version__, schema, write
from tests.conftest import CORPUS

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSTARTUP")}
    env["DASK_DISTRIBUTED__WORKER__DAEMON"] = "True"
    return env


def _stop(proc: subprocess.Popen) -> None:
    """The process and what it started (its own session: a worker's nanny and its workers)."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


@pytest.fixture()
def cluster(tmp_path):
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = tmp_path / "logs"
    logs.mkdir()
    started: list[subprocess.Popen] = []

    def start(name: str, *args: str) -> None:
        with (logs / f"{name}.log").open("w") as log:
            started.append(subprocess.Popen([str(BIN / "dask"), *args], cwd=tmp_path, env=_env(), stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True))

    try:
        start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")
        start("worker", "worker", address, "--nthreads", "1", "--nworkers", "2", "--no-dashboard")
        from dask.distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=90)
        yield address, logs
    finally:
        for proc in reversed(started):
            _stop(proc)


def test_pipeline_on_a_real_cluster_gives_the_local_tables(cluster, tmp_path, corpus_run):
    address, logs = cluster
    out = tmp_path / "out"
    done = subprocess.run([str(BIN / "python"), "-m", "pipeline", "run", str(CORPUS), "--out", str(out),
                           "--executor", "dask", "--scheduler", address, "--json"],
                          cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr + "".join(p.read_text() for p in logs.iterdir())
    for name in schema.TABLES:
        got = write.canonical(name, pq.read_table(out / f"{name}.parquet"))
        assert got.equals(corpus_run.tables[name]), name


def test_recpipe_command_is_installed(tmp_path):
    done = subprocess.run([str(BIN / "recpipe"), "--version"], cwd=tmp_path, env=_env(), capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert __version__ in done.stdout
