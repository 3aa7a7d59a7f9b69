"""Reruns cost what changed: only the link groups a change can affect are linked again, only
their parts are rewritten, and the tables are always the ones a run from scratch gives."""
from __future__ import annotations

import random
import shutil

import pyarrow.parquet as pq
import pytest

from pipeline import incremental, schema, write
from pipeline.run import run_corpus, write_outputs
from tests.conftest import CORPUS, ROOT

FIXTURES = ROOT / "tests" / "data" / "fixtures"
LETTER = FIXTURES / "letters" / "l04a_regulator_letter.txt"  # answered by the next file, across files
REPLY = FIXTURES / "letters" / "l04b_authority_reply.txt"


def _same_tables(a, b):
    for name in schema.TABLES:
        assert a.tables[name].equals(b.tables[name]), name


def _parts(out):
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.glob("*.parquet/*.parquet")}


def _run(corpus, out, settings, nlp):
    result = run_corpus(corpus, settings, nlp, out_dir=out)
    write_outputs(result, out)
    return result


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    shutil.copy(LETTER, folder / LETTER.name)
    shutil.copy(REPLY, folder / REPLY.name)
    return folder


def test_unchanged_rerun_links_and_writes_nothing(corpus, tmp_path, settings, nlp):
    out = tmp_path / "out"
    first = _run(corpus, out, settings, nlp)
    before = _parts(out)
    again = _run(corpus, out, settings, nlp)
    assert (again.extracted, again.linked_files) == (0, 0)
    assert _parts(out) == before, "no part was rewritten"
    _same_tables(first, again)


def test_a_reply_across_files_is_linked_again_with_its_letter(corpus, tmp_path, settings, nlp):
    out = tmp_path / "out"
    _run(corpus, out, settings, nlp)
    letters = {r["source_path"]: r for r in pq.read_table(out / "letters.parquet").to_pylist()}
    assert letters[REPLY.name]["in_reply_to"] == letters[LETTER.name]["letter_id"]
    (corpus / LETTER.name).write_text(LETTER.read_text() + "\nA closing line added later.\n")
    rerun = _run(corpus, out, settings, nlp)
    assert rerun.extracted == 1
    assert rerun.linked_files == 2, "the letter and the reply that answers it, and nothing else"
    _same_tables(rerun, run_corpus(corpus, settings, nlp))


def test_a_new_file_rewrites_only_its_parts(corpus, tmp_path, settings, nlp):
    out = tmp_path / "out"
    _run(corpus, out, settings, nlp)
    before = _parts(out)
    shutil.copy(FIXTURES / "coroners" / "pfd_hollis_trust_reply.txt", corpus / "zz_new.txt")
    rerun = _run(corpus, out, settings, nlp)
    assert (rerun.extracted, rerun.linked_files) == (1, 1)
    after = _parts(out)
    rewritten = {p for p in after if before.get(p) != after[p]}
    assert rewritten and all("part-0000-of-0001" in p for p in rewritten)
    _same_tables(rerun, run_corpus(corpus, settings, nlp))


def test_parts_follow_the_corpus_size():
    assert incremental.parts_for(5) == 1
    assert incremental.parts_for(3000) == 16
    assert incremental.parts_for(30_000) == 128
    assert not incremental.needs_new_layout(16, 3500)
    assert incremental.needs_new_layout(1, 5000)


def _pool(tmp_path):
    """Whole files, and files cut in two at their second letter, so replies answer letters of
    other files by the date they cite."""
    pool = {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
    pool |= {p.name: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt"))}
    for name in ["001_d64e5799566db373.txt", "h3_hmip_young_adults_letter_and_reply.txt",
                 "02_transport_committee_letter_and_response.txt"]:
        text = pool[name]
        cut = text.find("\n", len(text) // 2)
        for marker in ("Thank you for your letter", "Dear "):
            at = text.find(marker, len(text) // 3)
            if at > 0:
                cut = text.rfind("\n\n", 0, at)
                break
        pool[f"cut_a_{name}"], pool[f"cut_b_{name}"] = text[:cut], text[cut:]
    return pool


@pytest.mark.parametrize("seed", [1, 2])
def test_any_sequence_of_changes_gives_the_tables_of_a_run_from_scratch(tmp_path, settings, nlp, seed):
    rng = random.Random(seed)
    pool = _pool(tmp_path)
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    names = sorted(pool)
    for name in rng.sample(names, 8):
        (corpus / name).write_text(pool[name], encoding="utf-8")
    _run(corpus, out, settings, nlp)
    partial = 0
    for step in range(5):
        present = sorted(p.name for p in corpus.iterdir())
        op = rng.choice(["add", "add", "delete", "change", "copy"])
        if op == "add":
            name = rng.choice([n for n in names if n not in present] or names)
            (corpus / name).write_text(pool[name], encoding="utf-8")
        elif op == "delete" and len(present) > 2:
            (corpus / rng.choice(present)).unlink()
        elif op == "change":
            victim = corpus / rng.choice(present)
            victim.write_text(victim.read_text(encoding="utf-8").replace("2021", "2022", 1) + "\nP.S.\n",
                              encoding="utf-8")
        else:  # a second copy of a file: its letters bear the same dates as the first's
            src = rng.choice(present)
            shutil.copy(corpus / src, corpus / f"copy{step}_{src}")
        rerun = _run(corpus, out, settings, nlp)
        partial += rerun.linked_files < rerun.n_files
        _same_tables(rerun, run_corpus(corpus, settings, nlp))
        for name in schema.TABLES:  # what an analyst reads from the folder is the same table
            assert write.canonical(name, pq.read_table(out / f"{name}.parquet")).equals(rerun.tables[name]), name
    assert partial, "some rerun linked only a part of the corpus"


def test_a_first_run_linked_part_by_part_is_one_link_over_the_corpus(tmp_path, settings, nlp, lex):
    """Linking group by group (to bound memory) gives the rows of one link over every file, also
    where several letters of other files bear the date a reply cites."""
    from pipeline import link
    from pipeline.executors import process_file
    from pipeline.learn.stance_model import StanceModel

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    pool = _pool(tmp_path)
    for name, body in pool.items():
        (corpus / name).write_text(body, encoding="utf-8")
    results = {p.name: process_file(str(p), str(corpus), settings, nlp) for p in sorted(corpus.iterdir())}
    cited = sorted({ls.letter.reply_to_date for r in results.values() if r.doc for ls in r.doc.letters
                    if ls.letter.reply_to_date})
    for k, day in enumerate(cited):  # letters from nobody about nothing, dated as a reply's cited date
        for copy in range(2):
            name = f"stub{k}_{copy}.txt"
            (corpus / name).write_text(f"{day.day} {day:%B %Y}\n\nDear Sir,\n\nA short note.\n\n"
                                       f"Yours faithfully,\n\nA Person\n", encoding="utf-8")
            results[name] = process_file(str(corpus / name), str(corpus), settings, nlp)
    model = StanceModel.load(settings.models_dir)
    present = {p: None for p in results}
    by_parts = incremental.link_all(present, results.__getitem__, lex, model, incremental.Fixes()).tables
    docs = [incremental.fresh(r.doc) for _, r in sorted(results.items()) if r.doc]
    rows = incremental.Rows()
    rows.add(docs, link.link(docs, lex, model), [results[p] for p in sorted(results)])
    whole = rows.tables()
    for name in schema.TABLES:
        assert write.canonical(name, by_parts[name]).equals(write.canonical(name, whole[name])), name


def _corrections(corpus, rows):
    import csv

    with (corpus / "corrections.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, ["letter_id", "text_sha256", "field", "value", "note"])
        w.writeheader()
        w.writerows(rows)


def test_corrections_and_attachments_rerun_as_a_run_from_scratch(corpus, tmp_path, settings, nlp):
    """Corrections are applied group by group and an e-mail's attachments live in the e-mail's
    parts: every rerun, whatever it links, still gives the tables of a run from scratch."""
    import datetime as dt

    from pipeline import corrections as cx
    from tests import render

    seed = sorted(CORPUS.glob("*.txt"))[0]
    (corpus / "mail.eml").write_bytes(render.to_eml(
        "Please find the letter attached.\n", sender="Office <office@example.org>", to="a@example.org",
        date=dt.datetime(2021, 3, 1, 9, 0, tzinfo=dt.timezone.utc), subject="Letter",
        attachments=((f"{seed.stem}.pdf", render.to_pdf(seed.read_text(encoding="utf-8")), "application/pdf"),)))
    out = tmp_path / "out"
    letters = {(r["source_path"], r["index"]): r for r in run_corpus(corpus, settings, nlp).tables["letters"].to_pylist()}
    reply = letters[(REPLY.name, 0)]
    attached = next(r for (src, _), r in letters.items() if src == f"mail.eml#{seed.stem}.pdf")
    _corrections(corpus, [
        {"letter_id": reply["letter_id"], "text_sha256": cx.fingerprint(reply["text"]), "field": "subject",
         "value": "Checked by hand", "note": ""},
        {"letter_id": attached["letter_id"], "text_sha256": cx.fingerprint(attached["text"]), "field": "kind",
         "value": "letter", "note": "an attachment's letter"},
        {"letter_id": "0000000000000000-000", "text_sha256": "00000000", "field": "kind", "value": "reply",
         "note": "names no letter"},
    ])

    def check(rerun):
        _same_tables(rerun, run_corpus(corpus, settings, nlp))
        for name in schema.TABLES:
            assert write.canonical(name, pq.read_table(out / f"{name}.parquet")).equals(rerun.tables[name]), name
        return rerun

    first = check(_run(corpus, out, settings, nlp))
    assert first.tables["corrections"].num_rows == 2
    assert first.tables["errors"].column("error").to_pylist().count("W602") == 1
    seed_copy = corpus / seed.name
    seed_copy.write_text(seed_copy.read_text(encoding="utf-8") + "\nP.S.\n", encoding="utf-8")
    rerun = check(_run(corpus, out, settings, nlp))
    assert 0 < rerun.linked_files < rerun.n_files
    assert rerun.tables["corrections"].num_rows == 2
    (corpus / REPLY.name).write_text(REPLY.read_text() + "\nA line added later.\n")
    stale = check(_run(corpus, out, settings, nlp))
    assert stale.linked_files < stale.n_files
    # a changed file's letters have new ids: its correction names no letter any more
    assert stale.tables["errors"].column("error").to_pylist().count("W602") == 2
    assert stale.tables["corrections"].num_rows == 1
    (corpus / "mail.eml").unlink()
    gone = check(_run(corpus, out, settings, nlp))
    assert gone.tables["errors"].column("error").to_pylist().count("W602") == 3
    assert gone.tables["corrections"].num_rows == 0


def test_the_cache_follows_what_makes_rows(settings, tmp_path):
    """Choosing files or a time budget keeps the cache; a setting or a model file that changes
    rows starts a new one; code that only reads tables (the review site) is not part of it."""
    from pipeline.cache import NOT_IN_ROWS, code_version

    base = code_version(settings)
    assert code_version(settings.model_copy(update={"include": ("*.pdf",), "exclude": ("drafts",),
                                                    "file_timeout": 5.0, "follow_links": True})) == base
    models = tmp_path / "models"
    shutil.copytree(settings.models_dir, models)
    moved = settings.model_copy(update={"models_dir": models})
    before = code_version(moved)
    lexicon_file = next(p for p in sorted(models.rglob("*.txt")))
    lexicon_file.write_text(lexicon_file.read_text(encoding="utf-8") + "\nnew entry\n", encoding="utf-8")
    assert code_version(moved) != before
    assert "review/" in NOT_IN_ROWS and "extract.py" not in NOT_IN_ROWS


def test_a_first_run_keeps_its_rows_on_disk_by_part_until_written(corpus, tmp_path, settings, nlp):
    """A first run's rows wait in OUT_DIR/.cache/spill, so memory holds one part at a time: the
    tables are those of a run with no output folder before and after writing, and the spill is
    gone once the parts are written."""
    out = tmp_path / "out"
    scratch = run_corpus(corpus, settings, nlp)
    first = run_corpus(corpus, settings, nlp, out_dir=out)
    spill = out / ".cache" / "spill"
    assert any(spill.glob("*.parquet"))
    assert first.count("letters") == scratch.tables["letters"].num_rows
    write_outputs(first, out)
    assert not spill.exists()
    _same_tables(first, scratch)
    for name in schema.TABLES:
        assert write.canonical(name, pq.read_table(out / f"{name}.parquet")).equals(scratch.tables[name]), name


def test_a_spill_gives_back_each_part_as_added(tmp_path):
    import pyarrow as pa

    from pipeline.spill import Spill

    rows = [{"source_path": f"f{i}.txt", "stage": "load", "error": "W001", "message": str(i)} for i in range(7)]
    spill = Spill.under(tmp_path, 4)
    spill.add("errors", pa.Table.from_pylist(rows[:4], schema=schema.ERRORS), [2, 0, 2, 3])
    spill.add("errors", pa.Table.from_pylist(rows[4:], schema=schema.ERRORS), [2, 1, 1])
    got = {b: (spill.read("errors", b) or schema.ERRORS.empty_table()).column("message").to_pylist()
           for b in range(4)}
    assert got == {0: ["1"], 1: ["5", "6"], 2: ["0", "2", "4"], 3: ["3"]}
    assert [spill.rows("errors", b) for b in range(4)] == [1, 2, 3, 1]
    assert spill.read("letters", 0) is None
    spill.remove()
    assert not (tmp_path / "spill").exists()
