"""Benchmarks of cost at scale: reruns, linking and writing, pathological files.

- ``reruns``: a corpus of N real-shaped files; the first run, an unchanged
  rerun, a rerun with one new file and one with one changed file, each as
  the command line does it (run, write, summary), and each rerun's share of
  the first run.
- ``link_write``: linking and writing alone over N generated letters (the
  extraction of the project's corpus and fixtures, cloned with other paths,
  ids, dates and report names), with the peak memory of the process.
- ``pathological``: milliseconds per KB of extraction on files built to hit
  quadratic paths (long lines of dots or digits, thousands of sign-offs and
  numbered items, deeply repeated markup) at two sizes each.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
import shutil
import time
from pathlib import Path

from pipeline.config import Settings

SIGNOFF = "Yours sincerely,\n\nJane Smith\nChief Executive\n\nDear Minister,\n\nThank you for your letter.\n\n"


def _templates() -> list[tuple[str, list[str]]]:
    """Each template's text and the report titles it names, so copies can name other reports."""
    from pipeline import lexicon
    from pipeline.bench import templates
    from pipeline.stages import recommendations as rec_mod
    from pipeline.stages.segment import segment

    settings = Settings()
    lex = lexicon.load(settings.models_dir)
    rules = rec_mod.load_rules(settings.models_dir)
    out = []
    for text in templates():
        titles = {rec_mod.report_title(text, seg, rules) for seg in segment(text, lex)}
        out.append((text, sorted((t for t in titles if t and t in text), key=len, reverse=True)))
    return out


def build_files(n_files: int, folder: Path, seed: int = 13) -> int:
    """``n_files`` real-shaped files. Each round through the templates names its own reports, as a
    real corpus holds many reports with a few letters each; returns the bytes written."""
    from pipeline.bench import vary

    pool = _templates()
    rng = random.Random(seed)
    size = 0
    for i in range(n_files):
        text, titles = pool[i % len(pool)]
        series = i // len(pool)
        for t in titles:
            text = text.replace(t, f"{t} (series {series})")
        body = vary(text, rng)
        (folder / f"{i:06d}.txt").write_text(body, encoding="utf-8")
        size += len(body)
    return size


def _timed(corpus: Path, out: Path, workers: int, settings: Settings) -> dict:
    from pipeline import lock
    from pipeline.run import run_corpus, write_outputs

    t0 = time.perf_counter()
    with lock.hold(out):
        result = run_corpus(corpus, settings, workers=workers, out_dir=out)
        write_outputs(result, out)
        summary = result.summary()
    return {"seconds": time.perf_counter() - t0, "extracted": result.extracted, "linked": result.linked_files,
            "letters": summary["letters"]}


def reruns(n_files: int, workers: int, root: Path, settings: Settings) -> dict:
    corpus, out = root / f"corpus-{n_files}", root / f"out-{n_files}"
    corpus.mkdir()
    size = build_files(n_files, corpus)
    res = {"files": n_files, "mb": size / 2**20, "first": _timed(corpus, out, workers, settings)}
    res["unchanged"] = _timed(corpus, out, workers, settings)
    shutil.copy(corpus / "000007.txt", corpus / "new.txt")
    (corpus / "new.txt").write_text((corpus / "new.txt").read_text(encoding="utf-8") + "\nA later note.\n",
                                    encoding="utf-8")
    res["one_new"] = _timed(corpus, out, workers, settings)
    changed = corpus / f"{n_files // 2:06d}.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nP.S. A correction.\n", encoding="utf-8")
    res["one_changed"] = _timed(corpus, out, workers, settings)
    for k in ("unchanged", "one_new", "one_changed"):
        res[k]["share_of_first"] = res[k]["seconds"] / res["first"]["seconds"]
    shutil.rmtree(corpus)
    shutil.rmtree(out)
    return res


def _extracted_templates(settings: Settings):
    from pipeline import lexicon
    from pipeline import nlp as nlp_mod
    from pipeline.bench import templates
    from pipeline.extract import extract
    from pipeline.stages.load import decode

    nlp, lex = nlp_mod.load(settings), lexicon.load(settings.models_dir)
    docs = []
    for i, text in enumerate(templates()):
        loaded = decode(text.encode(), f"t{i:03d}.txt", settings)
        docs.append(extract(loaded, nlp, lex, settings))
    return docs


def _clone(doc, k: int, cycle: int):
    """Template ``doc`` as file ``k`` of round ``cycle``: its own path, ids, text, dates, reports."""
    import hashlib

    path = f"g{cycle:05d}/{k:07d}.txt"
    original = (doc.original + " ")[:-1]  # a text of its own, as every real file has
    text = original if doc.text == doc.original else (doc.text + " ")[:-1]
    doc_id = hashlib.sha256(path.encode()).hexdigest()[:16]
    shift = dt.timedelta(days=cycle)
    letters = []
    for ls in doc.letters:
        lid = f"{doc_id}-{ls.letter.index:03d}"
        moved = {"letter_id": lid, "document_id": doc_id, "source_path": path,
                 "text": original[ls.letter.char_start:ls.letter.char_end],
                 "date": ls.letter.date + shift if ls.letter.date else None,
                 "reply_to_date": ls.letter.reply_to_date + shift if ls.letter.reply_to_date else None,
                 "report_title": f"{ls.letter.report_title} (series {cycle})" if ls.letter.report_title else None}
        letters.append(dataclasses.replace(
            ls, letter=ls.letter.model_copy(update=moved),
            parties=[p.model_copy(update={"letter_id": lid}) for p in ls.parties],
            addresses=[a.model_copy(update={"letter_id": lid}) for a in ls.addresses],
            dates=[d.model_copy(update={"letter_id": lid}) for d in ls.dates]))
    document = doc.document.model_copy(update={"document_id": doc_id, "source_path": path,
                                               "sha256": hashlib.sha256(original.encode()).hexdigest()})
    return dataclasses.replace(doc, document=document, text=text, original=original, letters=letters)


def link_write(n_letters: int, root: Path, settings: Settings, templates=None) -> dict:
    """Linking and writing alone over ``n_letters`` generated letters, as a first run does them:
    the extraction is in the cache, linking reads it back a part of the corpus at a time."""
    from pipeline import incremental, lexicon
    from pipeline.bench import PeakRSS
    from pipeline.cache import Cache, code_version
    from pipeline.executors import FileResult
    from pipeline.learn.stance_model import StanceModel
    from pipeline.run import RunResult, _plan_parts, write_outputs
    from pipeline.spill import Spill

    templates = templates or _extracted_templates(settings)
    lex, model = lexicon.load(settings.models_dir), StanceModel.load(settings.models_dir)
    out = root / f"link-{n_letters}"
    version = code_version(settings)
    cache = Cache(out, version)
    shas: dict[str, str] = {}
    letters = k = 0
    while letters < n_letters:
        doc = _clone(templates[k % len(templates)], k, k // len(templates))
        path, sha = doc.document.source_path, doc.document.sha256
        cache.put(path, sha, FileResult(path, sha, doc))
        shas[path] = sha
        letters += len(doc.letters)
        k += 1
    present = {p: None for p in shas}
    with PeakRSS() as mem:
        base = mem.peak
        t0 = time.perf_counter()
        spill = Spill.under(cache.root, incremental.parts_for(len(present)))
        outcome = incremental.relink(None, present, set(present), lambda p: cache.get(p, shas[p]), lex, model,
                                     spill=spill)
        t_link = time.perf_counter() - t0
        result = RunResult(len(present), cache=cache, manifest=dict(shas))
        _plan_parts(result, out, None, outcome, outcome.tables, present, settings, version, ([], [], ""))
        write_outputs(result, out)
        seconds = time.perf_counter() - t0
    rows = result.count("letters")
    shutil.rmtree(out)
    return {"letters": rows, "files": len(present), "link_seconds": t_link, "write_seconds": seconds - t_link,
            "seconds": seconds, "peak_mb": mem.peak / 2**20, "before_mb": base / 2**20}


def pathological_texts(kb: int) -> dict[str, str]:
    n = kb * 1024
    numbered = ["Dear Minister,\n\nWe recommend the following:\n\n"]
    i = 1
    while sum(map(len, numbered)) < n:
        numbered.append(f"{i}. The department should review item {i} carefully.\n")
        i += 1
    return {
        "dots": "." * n,
        "digits": "1" * n,
        "spaced dots": ". " * (n // 2),
        "brackets": "[" * n,
        "sign-offs": SIGNOFF * (n // len(SIGNOFF)),
        "numbered items": "".join(numbered),
        "nested markup": "**[" * (n // 6) + "x" + "](y)**" * (n // 6),
        "repeated tags": ("<sup>" * 50 + "1" + "</sup>" * 50 + " **b** [l](u) ") * (n // 600 + 1),
        "reference lists": "recommendation " + ", ".join(str(i) for i in range(1, n // 6)),
        "bars": "|" * n,
        "table rows": "No. | Recommendation | Response\n---|---|---\n" + "".join(
            f"{i} | The council should review item {i}. | Accepted. |\n" for i in range(1, n // 48)),
        "rows a cell a line": "Ref\nRecommendation\nResponse\n\n" + "".join(
            f"{i}\nThe council should review item {i} carefully.\nAccepted and done.\n\n" for i in range(1, n // 64)),
        "tab rows": "Rec\tAction taken\tLead\tStatus\n" + "".join(
            f"{i}\tThe council has reviewed item {i}.\tHead of Service\tComplete\n" for i in range(1, n // 56)),
        "tabs": "a\tb\n" * (n // 4),
        "cells between blank lines": "No.\n\nMatter raised\n\nResponse\n\nTarget date\n\n" + "".join(
            f"{i}\n\nItem {i}\n\nThe council has reviewed item {i}.\n\nComplete\n\n" for i in range(1, n // 56)),
        "numbers over items": "The recommendations are set out below.\n\n" + "".join(
            f"{i}.\nThe council should review item {i} carefully.\n\nAgreed.\n\n" for i in range(1, n // 60)),
        # (a reply set out by pdftotext -layout: capitalised cells between wide runs of spaces, where a body's
        # name may be matched word by word)
        "spaced capitals": "Dear Minister,\n\nThank you for your letter. Recommendation 1 is accepted.\n\n" + (
            "Kestrel" + " " * 12 + "Harriers" + " " * 12 + "Athletic" + " " * 12 + "Club\n") * (n // 64),
    }


def pathological(sizes_kb: tuple[int, ...] = (32, 128), settings: Settings | None = None) -> dict:
    """Milliseconds per KB of extraction, per shape and size; a linear path keeps it flat."""
    from pipeline import lexicon
    from pipeline import nlp as nlp_mod
    from pipeline.extract import extract
    from pipeline.stages.load import decode

    settings = settings or Settings()
    nlp, lex = nlp_mod.load(settings), lexicon.load(settings.models_dir)
    out: dict[str, dict] = {}
    for kb in sizes_kb:
        for shape, text in pathological_texts(kb).items():
            name = re.sub(r"\W+", "_", shape) + ".txt"
            loaded = decode(text.encode(), name, settings)
            t0 = time.perf_counter()
            extract(loaded, nlp, lex, settings)
            ms = 1000 * (time.perf_counter() - t0)
            out.setdefault(shape, {})[f"{kb}kb"] = {"ms": ms, "ms_per_kb": ms / (len(text.encode()) / 1024)}
    for shape, by_size in out.items():
        small, large = by_size[f"{sizes_kb[0]}kb"], by_size[f"{sizes_kb[-1]}kb"]
        by_size["growth"] = large["ms_per_kb"] / max(1e-9, small["ms_per_kb"])
    return out


def render(r: dict) -> list[str]:
    lines = []
    for s in r.get("reruns", []):
        f = s["first"]
        lines.append(f"reruns at {s['files']} files ({s['mb']:.0f} MB): first run {f['seconds']:.1f} s")
        for k in ("unchanged", "one_new", "one_changed"):
            x = s[k]
            lines.append(f"  {k:<12}{x['seconds']:8.1f} s  {100 * x['share_of_first']:5.1f}% of the first  "
                         f"extracted {x['extracted']}, linked {x['linked']} files")
    for s in r.get("link_write", []):
        lines.append(f"link+write {s['letters']:>7} letters ({s['files']} files): link {s['link_seconds']:.1f} s, "
                     f"write {s['write_seconds']:.1f} s, peak {s['peak_mb']:.0f} MB "
                     f"({s['before_mb']:.0f} MB before: model and templates)")
    if r.get("pathological"):
        lines.append("pathological files, ms per KB (small / large, growth):")
        for shape, by in r["pathological"].items():
            sizes = [k for k in by if k.endswith("kb")]
            lines.append(f"  {shape:<16}" + "  ".join(f"{by[k]['ms_per_kb']:7.2f} ({k})" for k in sizes)
                         + f"  x{by['growth']:.2f}")
    return lines
