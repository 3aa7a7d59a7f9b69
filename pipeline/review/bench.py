"""Benchmark of the review site: how long it takes to write for N letters, how big the index is,
and whether the index stays usable in a real browser.

Builds a corpus of N letters from varied real-shaped text (``pipeline.bench.build_corpus``), runs the
pipeline over it (or takes the tables in ``--tables``), then times ``review.build``. Where Chromium and
Playwright are installed it opens ``index.html`` from disk and times the load, a sort by date and
filters, as an analyst would use them.

    python -m pipeline.review.bench [--n 5000] [--workers 2] [--tables DIR] [--out bench/review.json]
"""
from __future__ import annotations

import argparse
import json
import platform
import shutil
import tempfile
import time
from pathlib import Path

from pipeline.review.site import build

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]

SORT = """() => {
  const t0 = performance.now();
  document.querySelector("th button[data-sort='0']").click();
  document.body.offsetHeight;  // the reflow is part of what the analyst waits for
  return performance.now() - t0;
}"""
FILTER_KIND = """async () => {
  const t0 = performance.now();
  const s = document.querySelector("select[data-filter='kind']");
  s.value = "reply"; s.dispatchEvent(new Event("change"));
  await new Promise(r => setTimeout(r, 0));
  document.body.offsetHeight;
  return {ms: performance.now() - t0, shown: document.querySelector("[data-count-for='letters']").textContent};
}"""
FILTER_STANCE = """async () => {
  const t0 = performance.now();
  const s = document.querySelector("select[data-filter='stance']");
  s.value = "rejected"; s.dispatchEvent(new Event("change"));
  await new Promise(r => setTimeout(r, 0));
  document.body.offsetHeight;
  return {ms: performance.now() - t0, shown: document.querySelector("[data-count-for='tracker']").textContent};
}"""
SEARCH = """async (word) => {
  const t0 = performance.now();
  const box = document.querySelector("input[data-filter='text']");
  const count = document.querySelector("[data-count-for='letters']");
  const before = count.textContent;
  box.value = word; box.dispatchEvent(new Event("input"));
  while (count.textContent === before && performance.now() - t0 < 10000) await new Promise(r => setTimeout(r, 5));
  document.body.offsetHeight;
  return {ms: performance.now() - t0, shown: count.textContent};
}"""


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        if found := shutil.which(name):
            return found
    return None


def measure_index(index: Path) -> dict:
    """Load, sort and filter times of ``index`` in headless Chromium (ms), or why they were not taken."""
    exe = _chromium()
    if exe is None:
        return {"skipped": "Chromium is not installed (apt-get install chromium)"}
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"skipped": "playwright is not installed"}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, headless=True, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            t0 = time.perf_counter()
            page.goto(index.as_uri(), wait_until="load")
            wall = (time.perf_counter() - t0) * 1000
            nav = page.evaluate("""() => { const n = performance.getEntriesByType("navigation")[0];
                return {dom_content_loaded: n.domContentLoadedEventEnd, load: n.loadEventEnd}; }""")
            rows = page.evaluate("document.querySelectorAll('#letters tbody tr').length")
            sort_ms = page.evaluate(SORT)
            resort_ms = page.evaluate(SORT)
            kind = page.evaluate(FILTER_KIND)
            page.evaluate("""() => { const s = document.querySelector("select[data-filter='kind']");
                s.value = ""; s.dispatchEvent(new Event("change")); }""")
            search = page.evaluate(SEARCH, "home office")
            tracker = index.with_name("tracker.html")
            t0 = time.perf_counter()
            page.goto(tracker.as_uri(), wait_until="load")
            tracker_wall = (time.perf_counter() - t0) * 1000
            tracker_filter = page.evaluate(FILTER_STANCE)
        finally:
            browser.close()
    return {"rows": rows, "load_wall_ms": wall, "dom_content_loaded_ms": nav["dom_content_loaded"],
            "load_event_ms": nav["load"], "sort_by_date_ms": sort_ms, "sort_reversed_ms": resort_ms,
            "filter_kind_ms": kind["ms"], "filter_kind_shown": kind["shown"],
            "search_ms_including_120ms_typing_pause": search["ms"], "search_shown": search["shown"],
            "tracker_load_wall_ms": tracker_wall, "tracker_filter_stance_ms": tracker_filter["ms"],
            "tracker_filter_stance_shown": tracker_filter["shown"]}


def run(n: int, workers: int, tables: Path | None = None, out: Path | None = None) -> dict:
    results: dict = {"n_letters": n, "workers": workers, "machine": {
        "cpus": __import__("os").cpu_count(), "python": platform.python_version(), "platform": platform.platform()}}
    with tempfile.TemporaryDirectory(prefix="bench-review-") as tmp:
        if tables is None:
            from pipeline.bench import build_corpus
            from pipeline.config import Settings
            from pipeline.run import run_corpus, write_outputs

            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            build_corpus(n, corpus)
            t0 = time.perf_counter()
            tables = Path(tmp) / "tables"
            write_outputs(run_corpus(corpus, Settings(), workers=workers), tables)
            results["pipeline_seconds"] = time.perf_counter() - t0
        site = Path(tmp) / "site"
        t0 = time.perf_counter()
        stats = build(tables, site)
        results["site_seconds"] = time.perf_counter() - t0
        pages = list((site / "letters").glob("*.html"))
        results.update({
            "letters": stats.letters, "recommendations": stats.recommendations, "stances": stats.stances,
            "index_html_bytes": stats.index_bytes, "tracker_html_bytes": (site / "tracker.html").stat().st_size,
            "letter_pages": len(pages), "largest_letter_page_bytes": max((p.stat().st_size for p in pages), default=0),
            "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
            "index_in_chromium": measure_index(site / "index.html"),
        })
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return results


def render(r: dict) -> str:
    lines = [f"review site: {r['letters']} letters, {r['recommendations']} recommendations, {r['stances']} stances",
             f"  written in {r['site_seconds']:.1f} s (limit 60 s)"
             + (f"; the pipeline run for its tables took {r['pipeline_seconds']:.0f} s" if "pipeline_seconds" in r else ""),
             f"  index.html {r['index_html_bytes'] / 2**20:.2f} MiB, tracker.html {r['tracker_html_bytes'] / 2**20:.2f} MiB, "
             f"whole site {r['site_bytes'] / 2**20:.1f} MiB in {r['letter_pages']} letter pages"]
    c = r["index_in_chromium"]
    if "skipped" in c:
        lines.append(f"  index in Chromium: not measured: {c['skipped']}")
    else:
        lines.append(f"  index in Chromium ({c['rows']} rows): loaded in {c['load_event_ms']:.0f} ms, sorted by date in "
                     f"{c['sort_by_date_ms']:.0f} ms (reversed {c['sort_reversed_ms']:.0f} ms), filtered by kind in "
                     f"{c['filter_kind_ms']:.0f} ms, searched in {c['search_ms_including_120ms_typing_pause']:.0f} ms "
                     "(with the 120 ms pause it waits for typing to stop)")
        lines.append(f"  tracker in Chromium: loaded in {c['tracker_load_wall_ms']:.0f} ms, filtered by stance in "
                     f"{c['tracker_filter_stance_ms']:.0f} ms")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m pipeline.review.bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=5000, help="letters in the corpus (default 5000)")
    p.add_argument("--workers", type=int, default=2, help="processes for the pipeline run (default 2)")
    p.add_argument("--tables", type=Path, help="use the tables of this run instead of running the pipeline")
    p.add_argument("--out", type=Path, default=Path("bench/review.json"), help="results file (default bench/review.json)")
    args = p.parse_args(argv)
    print(render(run(args.n, args.workers, args.tables, args.out)))
    print(f"results written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
