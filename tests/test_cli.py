"""The command line: help for every command, exit codes, summary, evaluate output."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from tests.conftest import CORPUS, GOLD, ROOT

COMMANDS = ["run", "evaluate", "bench"]


def _py(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True)


@pytest.mark.parametrize("command", [[]] + [[c] for c in COMMANDS], ids=["top"] + COMMANDS)
def test_every_command_has_help(command):
    done = _py(*command, "--help")
    assert done.returncode == 0
    assert "usage:" in done.stdout and "exit codes" in done.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_in_readme(command):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"python -m pipeline {command}\b", readme), f"README does not show `python -m pipeline {command}`"


def test_run_writes_tables_and_prints_summary(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", str(CORPUS), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    for word in ("files", "letters", "parties", "recommendations", "stances", "errors"):
        assert re.search(rf"^{word}\s+\d+", printed, re.M), printed
    assert pq.read_table(out / "letters.parquet").num_rows == 8


def test_run_with_a_bad_file_exits_1_and_keeps_good_rows(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "002_880e136a12dd28ec.txt", corpus)
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00")
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--json"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert summary["errors"] == 1 and summary["letters"] == 2
    errors = pq.read_table(out / "errors.parquet").to_pylist()
    assert [e["source_path"] for e in errors] == ["broken.txt"]
    assert "broken.txt" in errors[0]["message"]


def test_missing_corpus_is_a_usage_error(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_unknown_command_is_a_usage_error():
    assert main(["frobnicate"]) == 2


def test_bad_gold_file_is_named(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"file": "a.txt", "starts_with": "x"}\nnot json\n')
    assert main(["evaluate", "--gold", str(gold), "--corpus", str(CORPUS)]) == 3
    err = capsys.readouterr().err
    assert "gold.jsonl" in err and ":2" in err


def test_evaluate_prints_table_and_json():
    done = _py("evaluate", "--gold", str(GOLD), "--corpus", str(CORPUS), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["segments"]["f1"] == 1.0
    assert set(report["stances"]["labels"]) >= {"accepted", "deferred", "partially_addressed", "not_addressed"}
    assert "confusion" in report["stances"]


def test_evaluate_by_file(capsys):
    assert main(["evaluate", "--gold", str(GOLD), "--corpus", str(CORPUS), "--by-file", "--show", "0"]) == 0
    lines = capsys.readouterr().out.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("file "))
    files = sorted(p.name for p in CORPUS.glob("*.txt"))
    assert [line.split()[0] for line in lines[head + 1:head + 2 + len(files)]] == files + ["total"]
    assert lines[head + 1 + len(files)].split()[1] == "8/8/8"
    assert main(["evaluate", "--gold", str(GOLD), "--corpus", str(CORPUS), "--by-file", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert sorted(report["by_file"]) == files
    assert report["by_file"][files[-1]]["segments_matched"] == 1


def test_evaluate_help_documents_by_file():
    done = _py("evaluate", "--help")
    assert "--by-file" in done.stdout and "each gold file's scores" in " ".join(done.stdout.split())


def test_progress_bar_on_a_terminal_only(tmp_path):
    """A terminal sees files, letters per second and an ETA; a pipe sees only the summary."""
    import fcntl
    import os
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a new pty is 0 columns wide
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(CORPUS), "--out", str(tmp_path / "a")],
                          cwd=ROOT, stdin=follower, stdout=subprocess.PIPE, stderr=follower, text=True)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert done.returncode == 0
    assert b"letters_per_s" in seen and b"file" in seen
    piped = _py("run", str(CORPUS), "--out", str(tmp_path / "b"))
    assert "letters_per_s" not in piped.stderr and "files" in piped.stdout


def test_quiet_prints_nothing_on_success(tmp_path):
    done = _py("run", str(CORPUS), "--out", str(tmp_path / "q"), "--quiet")
    assert done.returncode == 0 and done.stdout == "" and done.stderr == ""


def _one_letter_four_ways(corpus: Path) -> None:
    """The issue's folder: one letter as .txt, and the same letter as .md, .html and .eml."""
    from tests import render

    seed = CORPUS / "002_880e136a12dd28ec.txt"
    text = seed.read_text(encoding="utf-8")
    corpus.mkdir()
    shutil.copy(seed, corpus / "letter.txt")
    (corpus / "letter.md").write_text(text, encoding="utf-8")
    (corpus / "letter.html").write_text(render.to_html(text, "Child Trafficking in the UK in 2021: letters"),
                                        encoding="utf-8")
    import datetime as dt
    (corpus / "letter.eml").write_bytes(render.to_eml(text, sender="IASC <office@example.org>", to="x@example.org",
                                                      date=dt.datetime(2022, 4, 1, 9, 0, tzinfo=dt.timezone.utc),
                                                      subject="Child trafficking"))


def test_run_reads_every_format_and_include_exclude_choose(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    _one_letter_four_ways(corpus)
    assert main(["run", str(corpus), "--out", str(tmp_path / "all"), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["files"], summary["documents"], summary["letters"], summary["left out"]) == (4, 4, 8, 0)
    assert main(["run", str(corpus), "--out", str(tmp_path / "txt"), "--json", "--include", "*.txt",
                 "--include", "*.MD"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["files"], summary["left out"]) == (2, 2)
    assert main(["run", str(corpus), "--out", str(tmp_path / "no_mail"), "--json", "--exclude", "*.eml"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["files"], summary["left out"]) == (3, 1)
    docs = pq.read_table(tmp_path / "no_mail" / "documents.parquet").to_pylist()
    assert sorted(d["format"] for d in docs) == ["html", "md", "txt"]


def test_include_and_exclude_are_documented_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "--include" in readme and "--exclude" in readme


def test_evaluate_scores_word_files_in_the_text_the_reader_made(tmp_path, capsys):
    """The seeds as .docx, against the seeds' gold renamed to them: every segment and field found, the stance floor."""
    from tests import render

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted(CORPUS.glob("*.txt")):
        (corpus / f"{seed.stem}.docx").write_bytes(render.to_docx(seed.read_text(encoding="utf-8")))
    gold = tmp_path / "gold.jsonl"
    lines = [json.loads(ln) for ln in GOLD.read_text(encoding="utf-8").splitlines() if ln.strip()]
    gold.write_text("".join(json.dumps({**g, "file": g["file"].replace(".txt", ".docx")}) + "\n" for g in lines),
                    encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold), "--corpus", str(corpus), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["segments"]["f1"] == 1.0
    for field in ("kind", "date", "sender", "recipients", "report", "recommendations_mentioned"):
        assert report["fields"][field]["value"] == 1.0, field
    assert report["stances"]["accuracy"] >= 0.85
