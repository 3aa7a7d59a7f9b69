"""Benchmark: the whole pipeline against bare ``nlp.pipe`` of the full model, and the PDF reader.

Builds a corpus of N letters from varied real-shaped text (the project's
corpus and fixtures, each copy with its names of months, years and numbers
shifted so no two files are the same), runs the pipeline on it with W
processes, then runs the full spaCy model over the same texts with the same
number of processes, and reports letters and words per second, peak memory
(the whole process tree, sampled) and the ratio between the two. PDF pages
per second are timed apart, for the text layer and for OCR of scans.
"""
from __future__ import annotations

import json
import platform
import random
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path

from pipeline.config import PROJECT_ROOT, Settings

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
SURNAMES = ["Ahmed", "Baker", "Chen", "Davies", "Evans", "Fraser", "Gill", "Hughes", "Iqbal", "Jones",
            "Khan", "Lewis", "Morgan", "Nolan", "Owen", "Patel", "Quinn", "Reid", "Shah", "Turner"]


def templates() -> list[str]:
    roots = [PROJECT_ROOT / "corpus", PROJECT_ROOT / "tests" / "data" / "fixtures"]
    return [p.read_text(encoding="utf-8") for root in roots for p in sorted(root.rglob("*.txt"))]


def vary(text: str, rng: random.Random) -> str:
    """The same document shape with other months, years and surnames."""
    shift = rng.randrange(12)
    text = re.sub(r"\b(" + "|".join(MONTHS) + r")\b", lambda m: MONTHS[(MONTHS.index(m.group(1)) + shift) % 12], text)
    dy = rng.randrange(-3, 4)
    text = re.sub(r"\b(20[12]\d)\b", lambda m: str(int(m.group(1)) + dy), text)
    swap = dict(zip(SURNAMES, rng.sample(SURNAMES, len(SURNAMES))))
    return re.sub(r"\b(" + "|".join(SURNAMES) + r")\b", lambda m: swap[m.group(1)], text)


def build_corpus(n_letters: int, folder: Path, seed: int = 13) -> tuple[int, int]:
    """Files in ``folder`` holding at least ``n_letters`` segments; returns (files, words)."""
    from pipeline import lexicon
    from pipeline.stages.segment import segment

    lex = lexicon.load(Settings().models_dir)
    pool = [(t, max(1, len(segment(t, lex)))) for t in templates()]
    rng = random.Random(seed)
    letters = words = i = 0
    while letters < n_letters:
        text, n = pool[i % len(pool)]
        body = vary(text, rng)
        (folder / f"{i:06d}.txt").write_text(body, encoding="utf-8")
        letters += n
        words += len(body.split())
        i += 1
    return i, words


class PeakRSS:
    """Peak resident memory of this process and all its children, sampled."""

    def __init__(self, interval: float = 0.1):
        import psutil

        self.proc, self.interval, self.peak = psutil.Process(), interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        total = 0
        for p in [self.proc, *self.proc.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except Exception:  # noqa: BLE001 - a child may exit while we look
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            time.sleep(self.interval)

    def __enter__(self) -> "PeakRSS":
        self.peak = self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def time_pipeline(folder: Path, workers: int, settings: Settings) -> dict:
    from pipeline.run import run_corpus

    with PeakRSS() as mem:
        t0 = time.perf_counter()
        result = run_corpus(folder, settings, workers=workers)
        seconds = time.perf_counter() - t0
    return {"seconds": seconds, "letters": result.tables["letters"].num_rows, "peak_mb": mem.peak / 2**20,
            "errors": result.failed_files}


def time_bare_model(folder: Path, workers: int, settings: Settings) -> dict:
    """Bare ``nlp.pipe`` of the full model (every component) over the same texts."""
    import spacy

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    with PeakRSS() as mem:
        t0 = time.perf_counter()
        nlp = spacy.load(settings.spacy_model)
        for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=workers):
            pass
        seconds = time.perf_counter() - t0
    return {"seconds": seconds, "components": nlp.pipe_names, "peak_mb": mem.peak / 2**20}


def _render_module():
    """The seed renderer the tests use (tests/render.py), to make PDFs from the same templates."""
    import sys

    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))
    from tests import render

    return render


def time_pdf(text_pages: int, ocr_pages: int, settings: Settings) -> dict:
    """Pages per second of the PDF reader: the text layer (PDFium) and scanned pages (Tesseract).

    PDFs are rendered from the templates (A4, running header, page numbers) until there are
    ``text_pages`` pages; the scans are the first ``ocr_pages`` of them as 200-dpi images. Only
    reading is timed, in this process, not the rendering.
    """
    import pypdfium2

    from pipeline.readers import ocr, pdf

    def count(raw: bytes) -> int:
        return len(pypdfium2.PdfDocument(raw))

    render = _render_module()

    def gather(made, limit: int) -> tuple[list[bytes], int]:
        """PDFs from ``made`` until they hold ``limit`` pages."""
        out, pages = [], 0
        for raw in made if limit > 0 else ():
            out.append(raw)
            pages += count(raw)
            if pages >= limit:  # checked before the next one is rendered
                break
        return out, pages

    def read_seconds(pdfs: list[bytes]) -> float:
        t0 = time.perf_counter()
        for raw in pdfs:
            pdf.read(raw, settings)
        return time.perf_counter() - t0

    docs, pages = gather((render.to_pdf(t) for _ in range(1000) for t in templates()), text_pages)
    seconds = read_seconds(docs)
    out: dict = {"text_layer": {"pages": pages, "seconds": seconds, "pages_per_s": pages / seconds}}
    if ocr_pages <= 0:
        return out
    if not ocr.available(settings):
        out["ocr"] = {"skipped": ocr.missing_reason(settings)}
        return out
    scans, scanned = gather((render.to_scanned_pdf(raw) for raw in docs), ocr_pages)
    seconds = read_seconds(scans)
    out["ocr"] = {"pages": scanned, "seconds": seconds, "pages_per_s": scanned / seconds, "dpi": settings.ocr_dpi}
    return out


def run(n: int, workers: int, sizes: list[int] | None = None, out: Path | None = None,
        pdf_pages: int = 200, ocr_pages: int = 6, *, files: list[int] | None = None,
        link_letters: list[int] | None = None, pathological: bool = True, bare: bool = True) -> dict:
    from pipeline import bench_scale

    settings = Settings()
    results: dict = {"n_letters": n, "workers": workers, "machine": {
        "cpus": __import__("os").cpu_count(), "python": platform.python_version(), "platform": platform.platform()}}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        n_files_built, words = build_corpus(n, folder)
        pipe = time_pipeline(folder, workers, settings)
        scaling = []
        for size in sizes or []:  # before the bare model, whose weights stay in this process's memory
            sub = Path(tmp) / f"size-{size}"
            sub.mkdir()
            build_corpus(size, sub, seed=size)
            r = time_pipeline(sub, workers, settings)
            scaling.append({"letters": r["letters"], "seconds": r["seconds"],
                            "ms_per_letter": 1000 * r["seconds"] / max(1, r["letters"]), "peak_mb": r["peak_mb"]})
            shutil.rmtree(sub)
        for n_files in files or []:
            results.setdefault("reruns", []).append(bench_scale.reruns(n_files, workers, Path(tmp), settings))
            _save(results, out)  # a long benchmark keeps what it measured so far
        if link_letters:
            templates = bench_scale._extracted_templates(settings)
            for n_letters in link_letters:
                results.setdefault("link_write", []).append(
                    bench_scale.link_write(n_letters, Path(tmp), settings, templates))
                _save(results, out)
        if pathological:
            results["pathological"] = bench_scale.pathological(settings=settings)
            _save(results, out)
        bare = time_bare_model(folder, workers, settings) if bare else None
        results.update({
            "files": n_files_built, "words": words,
            "pipeline": {**pipe, "letters_per_s": pipe["letters"] / pipe["seconds"],
                         "words_per_s": words / pipe["seconds"]},
        })
        if bare is not None:
            results["bare_model"] = {**bare, "letters_per_s": pipe["letters"] / bare["seconds"],
                                     "words_per_s": words / bare["seconds"]}
            results["speedup_vs_bare_model"] = bare["seconds"] / pipe["seconds"]
        if pdf_pages > 0:
            results["pdf"] = time_pdf(pdf_pages, ocr_pages, settings)
        if scaling:
            results["scaling"] = scaling
            results["ms_per_letter_ratio_largest_to_smallest"] = scaling[-1]["ms_per_letter"] / scaling[0]["ms_per_letter"]
    _save(results, out)
    return results


def _save(results: dict, out: Path | None) -> None:
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")


def render(r: dict) -> str:
    from pipeline import bench_scale

    p, b = r["pipeline"], r.get("bare_model")
    lines = [
        f"corpus: {r['files']} files, {p['letters']} letters, {r['words']} words; {r['workers']} worker(s)",
        f"{'':22}{'seconds':>9}{'letters/s':>11}{'words/s':>10}{'peak MB':>9}",
        f"{'pipeline':22}{p['seconds']:9.1f}{p['letters_per_s']:11.1f}{p['words_per_s']:10.0f}{p['peak_mb']:9.0f}",
    ]
    if b is not None:
        lines += [f"{'bare nlp.pipe (full)':22}{b['seconds']:9.1f}{b['letters_per_s']:11.1f}{b['words_per_s']:10.0f}"
                  f"{b['peak_mb']:9.0f}", f"pipeline is {r['speedup_vs_bare_model']:.2f}x the speed of the bare model"]
    pdf = r.get("pdf", {})
    if "text_layer" in pdf:
        t = pdf["text_layer"]
        lines.append(f"PDF text layer: {t['pages']} pages in {t['seconds']:.2f} s, {t['pages_per_s']:.1f} pages/s")
    if "ocr" in pdf:
        o = pdf["ocr"]
        lines.append(f"PDF OCR ({o['dpi']} dpi): {o['pages']} pages in {o['seconds']:.1f} s, {o['pages_per_s']:.2f} pages/s"
                     if "skipped" not in o else f"PDF OCR: not timed, {o['skipped']}")
    for s in r.get("scaling", []):
        lines.append(f"scaling: {s['letters']:>6} letters  {s['ms_per_letter']:.1f} ms/letter  peak {s['peak_mb']:.0f} MB")
    if "ms_per_letter_ratio_largest_to_smallest" in r:
        lines.append(f"time per letter, largest / smallest corpus: {r['ms_per_letter_ratio_largest_to_smallest']:.2f}")
    return "\n".join(lines + bench_scale.render(r))
