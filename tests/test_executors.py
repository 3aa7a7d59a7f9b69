"""Batch runs: the same tables from every executor and worker count, incremental
reruns that redo only what changed, and writes that a crash cannot half-finish."""
from __future__ import annotations

import json
import shutil

import pyarrow.parquet as pq
import pytest

from pipeline import schema
from pipeline.run import run_corpus, write_outputs
from tests.conftest import CORPUS


def _same_tables(a, b):
    for name in schema.TABLES:
        assert a.tables[name].equals(b.tables[name]), name


@pytest.fixture(scope="module")
def serial(settings, nlp):
    return run_corpus(CORPUS, settings, nlp)


def test_two_processes_give_the_same_tables(serial, settings):
    _same_tables(serial, run_corpus(CORPUS, settings, workers=2))


def test_file_order_does_not_matter(serial, settings, nlp, tmp_path):
    """Files copied in reverse order (different inode and mtime order) give the same tables."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(CORPUS.glob("*.txt"), reverse=True):
        shutil.copy(p, corpus / p.name)
    _same_tables(serial, run_corpus(corpus, settings, nlp))


def test_dask_local_cluster_gives_the_same_tables(serial, settings):
    pytest.importorskip("dask.distributed")
    _same_tables(serial, run_corpus(CORPUS, settings, workers=2, executor="dask"))


@pytest.fixture()
def work(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    return corpus, tmp_path / "out"


def test_rerun_on_unchanged_corpus_extracts_nothing(work, settings, nlp):
    corpus, out = work
    first = run_corpus(corpus, settings, nlp, out_dir=out)
    write_outputs(first, out)
    again = run_corpus(corpus, settings, nlp, out_dir=out)
    assert (first.extracted, again.extracted, again.cached) == (5, 0, 5)
    _same_tables(first, again)
    manifest = json.loads((out / "manifest.json").read_text())
    assert sorted(manifest["files"]) == sorted(p.name for p in CORPUS.glob("*.txt"))


def test_changed_new_and_deleted_files_update_only_their_rows(work, settings, nlp):
    corpus, out = work
    write_outputs(run_corpus(corpus, settings, nlp, out_dir=out), out)
    (corpus / "003_61c3d7a9d5851cb9.txt").unlink()
    changed = corpus / "004_f958af4020c560a9.txt"
    changed.write_text(changed.read_text().replace("Agenda item", "Agenda item 7"))
    shutil.copy(CORPUS / "002_880e136a12dd28ec.txt", corpus / "005_copy.txt")
    rerun = run_corpus(corpus, settings, nlp, out_dir=out)
    assert (rerun.extracted, rerun.cached) == (2, 3)
    _same_tables(rerun, run_corpus(corpus, settings, nlp))  # what a full rebuild gives
    sources = set(rerun.tables["documents"].column("source_path").to_pylist())
    assert "003_61c3d7a9d5851cb9.txt" not in sources and "005_copy.txt" in sources
    # two copies of one file keep distinct ids
    assert len(set(rerun.tables["letters"].column("letter_id").to_pylist())) == rerun.tables["letters"].num_rows


def test_full_ignores_the_cache(work, settings, nlp):
    corpus, out = work
    write_outputs(run_corpus(corpus, settings, nlp, out_dir=out), out)
    assert run_corpus(corpus, settings, nlp, out_dir=out, full=True).extracted == 5


def _parts(out):
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.glob("*.parquet/*.parquet"))}


def test_a_crash_while_writing_leaves_previous_tables_whole(work, settings, nlp, monkeypatch):
    corpus, out = work
    write_outputs(run_corpus(corpus, settings, nlp, out_dir=out), out)
    before = _parts(out)
    calls = {"n": 0}
    real = pq.write_table

    def dies_on_third(table, where, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            real(table.slice(0, 0), where, **kw)  # half a file on disk, then the process "dies"
            raise KeyboardInterrupt("killed")
        return real(table, where, **kw)

    monkeypatch.setattr(pq, "write_table", dies_on_third)
    result = run_corpus(corpus, settings, nlp, out_dir=out, full=True)
    with pytest.raises(KeyboardInterrupt):
        write_outputs(result, out)
    monkeypatch.undo()
    assert calls["n"] == 3
    # the first two were replaced by identical parts; the third was never renamed into place
    assert _parts(out) == before
    for name in schema.TABLES:
        pq.read_table(out / f"{name}.parquet")
    assert not list(out.glob("*.parquet/.*.tmp")), "no temporary files left behind"
    # the next run knows a run died while writing, links everything again and repairs the parts
    again = run_corpus(corpus, settings, nlp, out_dir=out)
    assert again.linked_files == 5 and again.extracted == 0
    write_outputs(again, out)
    _same_tables(again, run_corpus(corpus, settings, nlp))
