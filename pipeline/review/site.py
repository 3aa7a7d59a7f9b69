"""The analyst review site: every letter with its extractions highlighted, and a
tracker of every recommendation, as static pages that work offline.

``build(out_dir, site_dir)`` reads the run's Parquet tables and writes
``index.html``, ``letters/<letter_id>.html``, ``tracker.html`` and
``assets/``. Templates and assets are files beside this module. Letter text is
untrusted: templates escape everything (Jinja autoescape), the highlighted
text is escaped by ``highlight.render``, links are built only from ids made
safe by ``page_name``/``anchor``, and every page carries a Content-Security-
Policy that allows only the site's own script and style files.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from pipeline.corrections import COLUMNS, fingerprint
from pipeline.review import chart, data
from pipeline.review.highlight import Span, render

HERE = Path(__file__).resolve().parent
STANCES = ("accepted", "partially_addressed", "deferred", "rejected", "noted", "not_addressed")
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'none'; "
       "font-src 'none'; object-src 'none'; media-src 'none'; frame-src 'none'; base-uri 'none'; "
       "form-action 'none'")
_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,100}\Z")
SHA_SHOWN = 16
PAGE_SIZE = 200  # rows of the index and the tracker shown at once; the rest are a click away


@dataclass(frozen=True)
class SiteStats:
    site_dir: Path
    letters: int
    recommendations: int
    stances: int
    seconds: float
    index_bytes: int


def page_name(letter_id: str) -> str:
    """The file name of a letter's page: its id where that is a plain name, else a hash of it."""
    if _SAFE.match(letter_id):
        return f"{letter_id}.html"
    return "x-" + hashlib.sha256(letter_id.encode()).hexdigest()[:20] + ".html"


def anchor(prefix: str, value: str) -> str:
    """An HTML id for ``value`` (a recommendation_id, say) that is safe whatever the value."""
    if _SAFE.match(value):
        return f"{prefix}-{value}"
    return f"{prefix}-x" + hashlib.sha256(value.encode()).hexdigest()[:20]


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(csp=CSP, stances=STANCES, page_size=PAGE_SIZE, stance_name=lambda s: (s or "").replace("_", " "))
    return env


def _party_text(p: dict) -> str:
    who = p.get("name") or p.get("organisation") or p.get("position") or p.get("email") or ""
    if p.get("name") and p.get("organisation"):
        who += f" ({p['organisation']})"
    return who


def _people(parties: list[dict], role: str) -> str:
    return "; ".join(dict.fromkeys(t for p in parties if p["role"] == role and (t := _party_text(p))))


def _iso(d) -> str:
    return d.isoformat() if d is not None else ""


def _csv_line(values: list) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(["" if v is None else v for v in values])
    return buf.getvalue()


class Site:
    """The tables grouped for the pages; built once, rendered page by page."""

    def __init__(self, tables: data.Tables):
        self.t = tables
        self.letters = {lt["letter_id"]: lt for lt in tables.letters}
        self.parties = data.by_letter(tables.parties)
        self.addresses = data.by_letter(tables.addresses)
        self.dates = data.by_letter(tables.dates)
        self.mentions = data.by_letter(tables.recommendation_mentions)
        self.stances = data.by_letter(tables.stances)
        self.corrections = data.by_letter(tables.corrections)
        self.replies = data.by_letter(tables.letters, "in_reply_to")
        self.register: dict[str, dict] = {}  # the first row of each recommendation, in the register's order
        for r in tables.recommendations:
            self.register.setdefault(r["recommendation_id"], r)
        for rows in self.stances.values():
            rows.sort(key=lambda s: (s["recommendation_number"] is None, s["recommendation_number"] or 0,
                                     s.get("label") or "", s["recommendation_id"]))
        self._ev: dict[tuple[str, str], str] = {}  # (letter_id, recommendation_id) -> evidence anchor
        for lid, rows in self.stances.items():
            for k, s in enumerate(rows):
                if s.get("evidence_char_start") is not None:
                    self._ev.setdefault((lid, s["recommendation_id"]), f"ev-{k}")

    def letter_title(self, lt: dict) -> str:
        ps = self.parties.get(lt["letter_id"], [])
        who = _people(ps, "sender") or "unknown sender"
        to = _people(ps, "recipient")
        date = _iso(lt.get("date")) or "undated"
        return f"{lt['kind']} {date} from {who}" + (f" to {to}" if to else "")

    def letter_ref(self, letter_id: str | None, root: str = "") -> dict | None:
        if letter_id is None:
            return None
        lt = self.letters.get(letter_id)
        return {"href": f"{root}letters/{page_name(letter_id)}", "id": letter_id,
                "title": self.letter_title(lt) if lt else letter_id, "exists": lt is not None}

    # --- index -------------------------------------------------------------------------------
    def index_rows(self) -> list[dict]:
        rows = []
        for lt in self.t.letters:
            lid = lt["letter_id"]
            ps = self.parties.get(lid, [])
            sts = self.stances.get(lid, [])
            corrected = (lt.get("source") == "manual" or any(p.get("source") == "manual" for p in ps)
                         or any(s.get("source") == "manual" for s in sts))
            rows.append({
                "href": f"letters/{page_name(lid)}", "id": lid, "date": _iso(lt.get("date")), "kind": lt["kind"],
                "sender": _people(ps, "sender"), "recipients": _people(ps, "recipient"),
                "report": lt.get("report_title") or "", "mentions": len(self.mentions.get(lid, [])),
                "stances": len(sts), "corrected": corrected, "file": lt["source_path"], "index": lt["index"],
            })
        return rows

    # --- one letter --------------------------------------------------------------------------
    def letter_view(self, lt: dict) -> dict:
        lid = lt["letter_id"]
        base = lt["char_start"]
        fixes = self.corrections.get(lid, [])
        fixed: dict[tuple[str, str], dict] = {}  # the first correction of a field holds the extracted value
        fixed_stance: dict[str, dict] = {}
        for c in fixes:
            if c["table"] == "stances":
                fixed_stance.setdefault(c["recommendation_id"], c)
            else:
                fixed.setdefault((c["table"], c["field"]), c)
        spans: list[Span] = []
        parties = []
        for p in self.parties.get(lid, []):
            if p.get("char_start") is not None:
                spans.append(Span(p["char_start"] - base, p["char_end"] - base, "party",
                                  title=f"{p['role']}: {_party_text(p)}"))
            manual = p.get("source") == "manual"
            parties.append({**p, "corrected": manual, "fixes": [
                c for (tb, f), c in fixed.items() if manual and tb == "parties" and f.startswith(p["role"] + ".")]})
        for a in self.addresses.get(lid, []):
            if a.get("char_start") is not None:
                spans.append(Span(a["char_start"] - base, a["char_end"] - base, "address",
                                  title=f"{a['role']} address" + (f", postcode {a['postcode']}" if a.get("postcode") else "")))
        for d in self.dates.get(lid, []):
            if d.get("char_start") is not None:
                spans.append(Span(d["char_start"] - base, d["char_end"] - base, "date",
                                  title=f"{d['kind']} date: {_iso(d['value'])}"))
        mentions = []
        for k, m in enumerate(sorted(self.mentions.get(lid, []), key=lambda m: (m.get("char_start") or 0))):
            mid = f"m-{k}" if m.get("char_start") is not None else None
            if mid:
                spans.append(Span(m["char_start"] - base, m["char_end"] - base, "mention", id=mid,
                                  title=f"recommendation {m['label']}"))
            mentions.append({**m, "anchor": mid, "tracker": f"../tracker.html#{anchor('r', m['recommendation_id'])}"})
        stances = []
        for k, s in enumerate(self.stances.get(lid, [])):
            ev = None
            if s.get("evidence_char_start") is not None:
                ev = f"ev-{k}"
                spans.append(Span(s["evidence_char_start"] - base, s["evidence_char_end"] - base, "evidence", id=ev,
                                  title=f"evidence: recommendation {s.get('label') or s['recommendation_number']} "
                                        f"{s['stance']}", variant=s["stance"] if s["stance"] in STANCES else None))
            rec = self.register.get(s["recommendation_id"], {})
            stances.append({**s, "anchor": ev, "rec_text": rec.get("text") or "",
                            "tracker": f"../tracker.html#{anchor('r', s['recommendation_id'])}",
                            "corrected": s.get("source") == "manual", "fix": fixed_stance.get(s["recommendation_id"])})
        sha = fingerprint(lt["text"])[:SHA_SHOWN]
        who = [lid, lt["source_path"], lt["index"], sha]
        template = [",".join(COLUMNS), _csv_line(who + ["date", "", lt.get("date") or "", ""])]
        template += [_csv_line(who + ["stance", s.get("label") or s["recommendation_id"], s["stance"], ""])
                     for s in stances]
        fields = [("kind", lt["kind"]), ("date", _iso(lt.get("date"))),
                  ("reply_to_date", _iso(lt.get("reply_to_date"))), ("report_title", lt.get("report_title") or ""),
                  ("subject", lt.get("subject") or ""), ("references", ", ".join(lt.get("references") or []))]
        return {
            "letter": lt, "title": self.letter_title(lt), "sha": sha,
            "fields": [{"name": n, "value": v, "fix": fixed.get(("letters", n))} for n, v in fields],
            "in_reply_to": self.letter_ref(lt.get("in_reply_to"), "../"),
            "in_reply_to_fix": fixed.get(("letters", "in_reply_to")),
            "replies": [self.letter_ref(r["letter_id"], "../") for r in self.replies.get(lid, [])],
            "parties": parties, "addresses": self.addresses.get(lid, []),
            "dates": self.dates.get(lid, []), "mentions": mentions, "stances": stances,
            "text_html": render(lt["text"], spans), "template": template,
            "corrected": lt.get("source") == "manual" or bool(fixes),
        }

    # --- tracker -----------------------------------------------------------------------------
    def tracker_rows(self) -> list[dict]:
        answers: dict[str, list[dict]] = defaultdict(list)
        for s in self.t.stances:
            lt = self.letters.get(s["letter_id"], {})
            page = f"letters/{page_name(s['letter_id'])}"
            ev = self._ev.get((s["letter_id"], s["recommendation_id"]))
            answers[s["recommendation_id"]].append({
                "stance": s["stance"], "confidence": s["confidence"], "date": _iso(lt.get("date")),
                "href": page + (f"#{ev}" if ev else ""), "by": _people(self.parties.get(s["letter_id"], []), "sender"),
                "corrected": s.get("source") == "manual", "letter_id": s["letter_id"]})
        mentioned = Counter(m["recommendation_id"] for m in self.t.recommendation_mentions)
        rows = []
        for rid, r in self.register.items():  # one row per recommendation_id, where the register repeats one
            got = sorted(answers.get(rid, []), key=lambda a: (a["date"], a["letter_id"]))
            rows.append({**r, "anchor": anchor("r", rid), "answers": got, "mentions": mentioned.get(rid, 0),
                         "stance_set": " ".join(sorted({a["stance"] for a in got})) or "none",
                         "first": f"letters/{page_name(r['letter_id'])}"})
        return rows

    def chart(self) -> chart.Chart:
        counts: dict[str, Counter] = defaultdict(Counter)
        for s in self.t.stances:
            rec = self.register.get(s["recommendation_id"])
            report = (rec or {}).get("report_title") or "(no report named)"
            counts[report][s["stance"]] += 1
        return chart.stacked(counts, STANCES)


def _write(path: Path, text: str) -> int:
    """Write a page unless it is already there as it is: a rebuild rewrites only what changed, and
    a page is replaced whole (written beside it, then renamed), never seen half-written."""
    body = text.encode("utf-8")
    try:
        if path.stat().st_size == len(body) and path.read_bytes() == body:
            return len(body)
    except OSError:
        pass
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(body)
    os.replace(tmp, path)
    return len(body)


def build(out_dir: Path, site_dir: Path) -> SiteStats:
    """Write the review site for the tables in ``out_dir`` into ``site_dir``."""
    started = time.perf_counter()
    site = Site(data.read(out_dir))
    env = _env()
    (site_dir / "letters").mkdir(parents=True, exist_ok=True)
    assets = site_dir / "assets"
    assets.mkdir(exist_ok=True)
    for f in sorted((HERE / "static").iterdir()):
        if f.is_file():
            shutil.copyfile(f, assets / f.name)
    letter_page = env.get_template("letter.html")
    written = set()
    # pages are rendered here and written by a few threads: replacing thousands of files costs
    # the file system time that rendering the next pages can use
    with ThreadPoolExecutor(max_workers=4) as pool:
        pending = []
        for lt in site.t.letters:
            name = page_name(lt["letter_id"])
            html = letter_page.render(root="../", page="letter", **site.letter_view(lt))
            pending.append(pool.submit(_write, site_dir / "letters" / name, html))
            written.add(name)
        for done in pending:
            done.result()  # an error writing any page is raised here
    for old in (site_dir / "letters").glob("*.html"):  # pages of letters no longer in the tables
        if old.name not in written:
            old.unlink()
    rows = site.index_rows()
    reports = sorted({r["report"] for r in rows if r["report"]})
    kinds = sorted({r["kind"] for r in rows})
    n_errors = sum(1 for e in site.t.errors if e["error"].startswith("E"))
    warnings = [e for e in site.t.errors if not e["error"].startswith("E")]
    index_bytes = _write(site_dir / "index.html", env.get_template("index.html").render(
        root="", page="index", rows=rows, reports=reports, kinds=kinds, n_errors=n_errors,
        correction_warnings=[e for e in warnings if e["stage"] == "correct"],
        n_corrections=len(site.t.corrections)))
    tracker = site.tracker_rows()
    _write(site_dir / "tracker.html", env.get_template("tracker.html").render(
        root="", page="tracker", rows=tracker, chart=site.chart(),
        reports=sorted({r["report_title"] or "" for r in tracker} - {""})))
    return SiteStats(site_dir, len(site.t.letters), len(tracker), len(site.t.stances),
                     time.perf_counter() - started, index_bytes)
