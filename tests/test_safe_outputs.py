"""Safe outputs: files made with the user's umask, links out of the corpus not followed, one run
per output folder, and a time budget per file that ends a slow file with an errors row while the
batch goes on."""
from __future__ import annotations

import os
import shutil
import stat
import sys
import threading
import time

import pyarrow.parquet as pq
import pytest

from pipeline import deadline, executors, lock
from pipeline.cli import main
from pipeline.run import run_corpus, write_outputs
from tests.conftest import CORPUS

GOOD = "001_d64e5799566db373.txt"


@pytest.fixture()
def small(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / GOOD, corpus / GOOD)
    shutil.copy(CORPUS / "002_880e136a12dd28ec.txt", corpus / "002.txt")
    return corpus


@pytest.fixture()
def umask():
    def set_to(mask: int) -> None:
        os.umask(mask)

    old = os.umask(0o022)
    yield set_to
    os.umask(old)


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002])
def test_outputs_follow_the_umask(small, tmp_path, settings, nlp, umask, mask):
    umask(mask)
    out = tmp_path / "out"
    with lock.hold(out):
        write_outputs(run_corpus(small, settings, nlp, out_dir=out), out)
    made = [p for p in out.rglob("*")]
    assert any(p.name == "manifest.json" for p in made) and any(p.suffix == ".pkl" for p in made)
    assert any(p.name == "link.state" for p in made) and any(p.name == lock.LOCK_FILE for p in made)
    for p in made:
        want = (0o777 if p.is_dir() else 0o666) & ~mask
        assert stat.S_IMODE(p.stat().st_mode) == want, f"{p.relative_to(out)} is {oct(p.stat().st_mode)}"


def test_a_link_out_of_the_corpus_is_not_followed(small, tmp_path, settings, nlp):
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    shutil.copy(CORPUS / "002_880e136a12dd28ec.txt", secret)
    (small / "leak.txt").symlink_to(secret)
    (small / "inside.txt").symlink_to(small / GOOD)
    result = run_corpus(small, settings, nlp)
    errors = {e["source_path"]: e for e in result.tables["errors"].to_pylist()}
    assert errors["leak.txt"]["error"] == "E010"
    assert "outside the corpus folder" in errors["leak.txt"]["message"] and "--follow-links" in errors["leak.txt"]["message"]
    sources = set(result.tables["documents"].column("source_path").to_pylist())
    assert "leak.txt" not in sources and "inside.txt" in sources, "a link inside the corpus is read"
    followed = run_corpus(small, settings.model_copy(update={"follow_links": True}), nlp)
    assert "leak.txt" in set(followed.tables["documents"].column("source_path").to_pylist())
    assert not [e for e in followed.tables["errors"].to_pylist() if e["source_path"] == "leak.txt"]


_OPENED: list[str] | None = None


def _audit(event, args):
    if _OPENED is not None and event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        _OPENED.append(os.fsdecode(args[0]))


def test_a_link_out_of_the_corpus_is_never_read(small, tmp_path, settings, nlp):
    global _OPENED
    target = tmp_path / "private.txt"
    target.write_text("Dear Sir,\n\nnot for the corpus.\n")
    (small / "etc.txt").symlink_to(target)
    sys.addaudithook(_audit)  # sees every open() this process makes
    _OPENED = []
    try:
        result = run_corpus(small, settings, nlp, out_dir=tmp_path / "out")
    finally:
        opened, _OPENED = _OPENED, None
    assert not [p for p in opened if p.endswith(("private.txt", "etc.txt"))]
    assert {e["source_path"]: e["error"] for e in result.tables["errors"].to_pylist()} == {"etc.txt": "E010"}


def test_a_second_run_on_one_output_folder_exits_with_a_clear_message(small, tmp_path, capsys):
    out = tmp_path / "out"
    with lock.hold(out):
        assert main(["run", str(small), "--out", str(out)]) == 3
    err = capsys.readouterr().err
    assert "another run is writing to" in err and str(out) in err and f"pid {os.getpid()}" in err
    assert not (out / "letters.parquet").exists()


def test_a_second_run_can_wait_for_the_first(small, tmp_path, capsys):
    out = tmp_path / "out"
    held, release = threading.Event(), threading.Event()

    def first():
        with lock.hold(out):
            held.set()
            release.wait(10)

    t = threading.Thread(target=first)
    t.start()
    held.wait(10)
    threading.Timer(0.5, release.set).start()
    try:
        assert main(["run", str(small), "--out", str(out), "--wait", "30", "--quiet"]) == 0
    finally:
        release.set()
        t.join()
    assert pq.read_table(out / "letters.parquet").num_rows > 0


def _slow_on(name: str, real):
    def extract(loaded, *args, **kwargs):
        if loaded.source_path == name:
            while True:  # a file that would never finish
                time.sleep(0.01)
        return real(loaded, *args, **kwargs)
    return extract


@pytest.mark.parametrize("workers", [1, 2])
def test_a_file_over_its_time_budget_is_an_errors_row_and_the_batch_goes_on(small, settings, nlp, monkeypatch,
                                                                              workers):
    monkeypatch.setattr(executors, "extract", _slow_on("002.txt", executors.extract))
    budget = settings.model_copy(update={"file_timeout": 0.5})
    result = run_corpus(small, budget, nlp if workers == 1 else None, workers=workers)
    errors = result.tables["errors"].to_pylist()
    assert [(e["source_path"], e["error"]) for e in errors] == [("002.txt", "E501")]
    assert "--file-timeout" in errors[0]["message"] and "0.5" in errors[0]["message"]
    assert set(result.tables["documents"].column("source_path").to_pylist()) == {GOOD}
    assert result.tables["stances"].num_rows > 0


def test_a_timed_out_file_is_tried_again_with_a_larger_budget(small, tmp_path, settings, nlp, monkeypatch):
    out = tmp_path / "out"
    monkeypatch.setattr(executors, "extract", _slow_on("002.txt", executors.extract))
    budget = settings.model_copy(update={"file_timeout": 0.3})
    write_outputs(run_corpus(small, budget, nlp, out_dir=out), out)
    again = run_corpus(small, budget, nlp, out_dir=out)
    assert again.extracted == 0, "the same budget: the timeout is remembered, not paid again"
    monkeypatch.undo()
    larger = run_corpus(small, settings, nlp, out_dir=out)
    assert larger.extracted == 1
    assert not larger.tables["errors"].num_rows


def test_the_budget_also_stops_work_in_another_thread():
    caught = []

    def work():
        try:
            with deadline.within(0.2):
                while True:
                    sum(range(1000))
        except deadline.FileTimeout:
            caught.append(True)

    t = threading.Thread(target=work)
    t.start()
    t.join(10)
    assert caught == [True]


def test_the_budget_stops_a_long_regular_expression():
    import re

    with pytest.raises(deadline.FileTimeout):
        with deadline.within(0.2):
            re.search(r"(a+)+$", "a" * 40 + "b")  # would take hours
