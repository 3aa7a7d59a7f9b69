"""Incremental linking: which files a change can affect, and their rows alone.

Linking couples files in two ways: a reply answers a letter of another file
(found by the date it cites), and letters about one report share the
recommendation register. Files coupled either way form a *link group*. A
group's rows depend only on its own files and, for the choice of the letter a
reply answers, on the letters elsewhere that bear the date it cites.

The link state (``OUT_DIR/.cache/<version>/link.state``) keeps for each
file what that choice reads (a light copy of each letter), the letter each
reply was found to answer, the reports its letters speak of after linking and
its group. A rerun links only

- the groups of new, changed and deleted files;
- the groups of replies elsewhere whose answered letter changes because a
  letter bearing the date they cite came, went or changed;
- any group those come to share a thread or a report with;

by calling ``link.link`` on those files, with the letters of the rest of the
corpus passed as candidates, so the rows are the ones a full run gives.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import pickle
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pyarrow as pa

from pipeline import corrections as corrections_mod
from pipeline import link as link_mod
from pipeline import write
from pipeline.executors import FileResult
from pipeline.extract import DocState, LetterState
from pipeline.lexicon import Lexicons
from pipeline.readers import page_at
from pipeline.records import CorrectionRow, Document, ErrorRow, Kind, Letter, Party, PartyRole, Stance
from pipeline.register import report_key
from pipeline.schema import TABLES
from pipeline.spill import Spill
from pipeline.write import atomic_write_bytes

log = logging.getLogger(__name__)

STATE_FILE = "link.state"  # beside the cache entries (*.pkl), never pruned with them
FILES_PER_PART = 256  # a part holds the rows of about this many files (between a quarter and four times)
MAX_PARTS = 1024


class Light(NamedTuple):
    """What choosing the letter a reply answers reads of a letter, and what linking made of it."""

    letter_id: str
    index: int
    kind: str
    date: dt.date | None
    reply_to_date: dt.date | None
    report_title: str | None  # before linking
    senders: tuple[str, ...]
    recipients: tuple[str, ...]
    seeker: bool  # a reply with no earlier letter in its file: answered across files by its cited date
    in_reply_to: str | None = None  # after linking
    report: str = ""  # report key after linking


@dataclass
class FileEntry:
    sha: str | None
    stat: tuple[int, ...] | None
    doc_ids: tuple[str, ...]  # its document's, then its attachments'
    letters: tuple[Light, ...]
    group: str
    errors: tuple[tuple[str, str], ...] = ()  # (code, message) of its errors rows
    timeout: float | None = None  # the time budget its extraction ran out of, if it did
    sources: tuple[str, ...] = ()  # source paths of its attachments ('mail.eml#report.pdf')
    fixed: tuple[str, ...] = ()  # origins of the corrections that found a letter of it
    fix_errors: tuple[ErrorRow, ...] = ()  # what those corrections warned of (stale, not applicable)


@dataclass
class LinkState:
    version: str
    follow_links: bool
    n_parts: int
    files: dict[str, FileEntry] = field(default_factory=dict)
    fixes: str = ""  # fingerprint of the corrections the rows were made with
    fix_rows: tuple = ()  # the corrections' errors rows written last time

    @classmethod
    def load(cls, folder: Path) -> LinkState | None:
        try:
            state = pickle.loads((folder / STATE_FILE).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return state if isinstance(state, cls) else None

    def save(self, folder: Path) -> None:
        atomic_write_bytes(folder / STATE_FILE, pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL))


def parts_for(n_files: int) -> int:
    """Parts per table for a corpus of ``n_files``: a power of two, about FILES_PER_PART files each."""
    n = 1
    while n * FILES_PER_PART < n_files and n < MAX_PARTS:
        n *= 2
    return n


def needs_new_layout(n_parts: int, n_files: int) -> bool:
    ideal = parts_for(n_files)
    return ideal >= 4 * n_parts or ideal * 4 <= n_parts


def _names(ls: LetterState, role: PartyRole) -> tuple[str, ...]:
    return tuple(sorted({p.name.lower() for p in ls.parties if p.role is role and p.name}))


def lights(doc: DocState) -> list[Light]:
    """Light copies of a file's letters as extracted (before linking)."""
    first = min((ls.letter.index for ls in doc.letters), default=0)
    return [Light(ls.letter.letter_id, ls.letter.index, ls.letter.kind.value, ls.letter.date, ls.letter.reply_to_date,
                  ls.letter.report_title, _names(ls, PartyRole.sender), _names(ls, PartyRole.recipient),
                  ls.letter.kind is Kind.reply and ls.letter.index == first and ls.letter.reply_to_date is not None)
            for ls in doc.letters]


def stand_in(path: str, lt: Light) -> LetterState:
    """A letter of a file that is not being linked, as the choice of an answered letter reads it."""
    letter = Letter.model_construct(
        letter_id=lt.letter_id, document_id=lt.letter_id[:16], source_path=path, index=lt.index, kind=Kind(lt.kind),
        char_start=0, char_end=0, date=lt.date, reply_to_date=lt.reply_to_date, in_reply_to=None,
        report_title=lt.report_title, references=[], subject=None, text="")
    parties = [Party.model_construct(letter_id=lt.letter_id, role=role, name=n, honorific=None, position=None,
                                     organisation=None, email=None, char_start=None, char_end=None)
               for role, names in ((PartyRole.sender, lt.senders), (PartyRole.recipient, lt.recipients)) for n in names]
    return LetterState(seg=None, letter=letter, parties=parties, addresses=[], dates=[], refs=[])


def docs_of(res: FileResult) -> list[DocState]:
    """A file's extraction and its attachments', each a document of its own."""
    return [r.doc for r in res.flat() if r.doc is not None]


def file_lights(res: FileResult) -> list[Light]:
    return [lt for d in docs_of(res) for lt in lights(d)]


def fresh(doc: DocState) -> DocState:
    """A copy ``link`` may update (it replaces letters' records and parties) without touching ``doc``."""
    return dataclasses.replace(doc, letters=[dataclasses.replace(ls) for ls in doc.letters])


class Index:
    """Look-ups over the previous run's state."""

    def __init__(self, state: LinkState):
        self.state = state
        self.groups: dict[str, list[str]] = defaultdict(list)
        self.candidates: dict[object, list[tuple[str, Light]]] = defaultdict(list)
        self.seekers: dict[object, list[tuple[str, Light]]] = defaultdict(list)
        self.reports: dict[str, set[str]] = defaultdict(set)
        self.doc_path: dict[str, str] = {}
        for path, e in state.files.items():
            self.groups[e.group].append(path)
            for d in e.doc_ids:
                self.doc_path[d] = path
            for lt in e.letters:
                if lt.kind != Kind.reply.value:
                    self.candidates[lt.date].append((path, lt))
                if lt.seeker:
                    self.seekers[lt.reply_to_date].append((path, lt))
                if lt.report:
                    self.reports[lt.report].add(e.group)

    def expand(self, paths: Iterable[str]) -> set[str]:
        """The paths with every file of their groups."""
        out = set(paths)
        for p in list(out):
            e = self.state.files.get(p)
            if e is not None:
                out.update(self.groups[e.group])
        return out


BY_PATH = ("documents", "letters", "errors")  # tables whose rows name their file; the others name a letter


def owner_key(name: str, row) -> str:
    """What a row names its file by: its source path, or its letter's document id."""
    return row.source_path if name in BY_PATH else row.letter_id[:16]


class Rows:
    """The linked files' records, turned into Arrow a batch at a time so that Python objects never
    pile up: a first run over a large corpus holds its rows as Arrow only, or (with a spill)
    on disk by part."""

    def __init__(self, batch: int = 50_000, spill: Spill | None = None):
        self.batch = batch
        self.spill = spill
        self.pending: dict[str, list] = {name: [] for name in TABLES}
        self.buckets: dict[str, list[int]] = {name: [] for name in TABLES}
        self.done: dict[str, list[pa.Table]] = {name: [] for name in TABLES}

    def add(self, docs: list[DocState], linked: link_mod.Linked, results: list[FileResult],
            applied: list[CorrectionRow] = (), bucket_of: dict[str, int] | None = None,
            failed: list[ErrorRow] = ()) -> None:
        """Rows of linked files; with a spill, ``bucket_of`` gives the part of each file's paths
        and document ids. ``failed`` are the errors rows of files that could not be linked."""
        got = {
            "documents": [d.document for d in docs],
            "letters": linked.letters,
            "parties": linked.parties,
            "addresses": [a for d in docs for ls in d.letters for a in ls.addresses],
            "dates": [x for d in docs for ls in d.letters for x in ls.dates],
            "recommendations": linked.recommendations,
            "recommendation_mentions": linked.mentions,
            "stances": linked.stances,
            "errors": [*(e for r in results for x in r.flat() for e in x.errors), *failed],
            "corrections": list(applied),
        }
        for name, rows in got.items():
            self.pending[name].extend(rows)
            if self.spill is not None:
                self.buckets[name].extend(bucket_of[owner_key(name, r)] for r in rows)
        if sum(map(len, self.pending.values())) >= self.batch:
            self.flush()

    def flush(self) -> None:
        for name, rows in self.pending.items():
            if rows:
                table = pa.Table.from_pylist(write.plain_rows(rows), schema=TABLES[name])
                if self.spill is not None:
                    self.spill.add(name, table, self.buckets[name])
                    self.buckets[name].clear()
                else:
                    self.done[name].append(table)
                rows.clear()

    def tables(self) -> dict[str, pa.Table]:
        self.flush()
        return {name: pa.concat_tables(ts) if ts else TABLES[name].empty_table() for name, ts in self.done.items()}


@dataclass
class Outcome:
    linked_paths: set[str]  # files whose rows this run gives (present ones) or drops (deleted ones)
    tables: dict[str, pa.Table]  # their rows, in no particular order (none when they are spilled)
    entries: dict[str, FileEntry]  # new state of the linked files that are present
    rounds: int = 1
    spill: Spill | None = None  # where a first run's rows are, by part


@dataclass
class Fixes:
    """The analysts' corrections of a run (``corrections``), applied to each linked unit's rows
    after linking, as a run over the whole corpus applies them to all of its rows."""

    items: list[corrections_mod.Correction] = field(default_factory=list)


def _stance_pages(stances: list[Stance], letters: list[Letter], documents: list[Document]) -> list[Stance]:
    """Each stance with the page its evidence starts on, read from its document's page map."""
    starts = {d.document_id: d.page_starts for d in documents}
    doc_of = {le.letter_id: le.document_id for le in letters}
    return [s.model_copy(update={"page": page_at(starts.get(doc_of.get(s.letter_id, ""), []), s.evidence_char_start)})
            if s.evidence_char_start is not None else s for s in stances]


LINK_FAILED = "E502"


def _unlinked(docs: list[DocState]) -> link_mod.Linked:
    """A file's letters and parties as extracted, answering nothing and with no stances."""
    return link_mod.Linked(letters=[ls.letter for d in docs for ls in d.letters],
                           parties=[p for d in docs for ls in d.letters for p in ls.parties])


def _link_or_isolate(docs: list[DocState], owner: dict[str, str], lex: Lexicons, model,
                     pool: list[LetterState]) -> tuple[link_mod.Linked, list[ErrorRow]]:
    """``link.link`` over ``docs``; where it raises, the file it was working on is set apart and
    the rest are linked together again, so one bad file never costs a batch (nor its group)
    its threads and stances.

    A file set apart keeps its documents, letters, parties, dates and addresses, unlinked, and
    gets an ``E502`` row naming the exception. Where linking raises without naming a file, the
    files are linked one at a time: each that still raises is set apart, and the rest lose only
    their links across files (each gets an ``E502`` row that says so). ``link`` replaces the
    letter states' fields rather than editing them, so each attempt starts from a shallow copy."""
    by_file: dict[str, list[DocState]] = defaultdict(list)
    for d in docs:
        by_file[owner[d.document.document_id]].append(d)
    bad: dict[str, Exception] = {}  # set apart: unlinked
    alone: dict[str, Exception] = {}  # linked one at a time, after a failure that named no file
    linked = None
    while linked is None:
        try:
            linked = link_mod.link([fresh(d) for p in sorted(by_file) if p not in bad for d in by_file[p]],
                                   lex, model, candidates=pool)
        except Exception as exc:  # noqa: BLE001 - reported as errors rows below
            named = exc.source_path if isinstance(exc, link_mod.LinkFailed) else None
            if named in by_file and named not in bad:
                bad[named] = exc.cause
                continue
            linked = link_mod.Linked()
            for p in sorted(set(by_file) - set(bad)):
                try:
                    _extend(linked, link_mod.link([fresh(d) for d in by_file[p]], lex, model, candidates=pool))
                    alone[p] = exc
                except Exception as own:  # noqa: BLE001
                    bad[p] = own.cause if isinstance(own, link_mod.LinkFailed) else own
    errors = []
    for path, exc in sorted(bad.items()):
        log.error("linking failed for %s: %s: %s", path, type(exc).__name__, exc, exc_info=exc)
        _extend(linked, _unlinked(by_file[path]))
        errors.append(ErrorRow(source_path=path, stage="link", error=LINK_FAILED,
                               message=f"{path}: linking failed ({type(exc).__name__}: {exc}); its letters are "
                                       f"written unlinked, without recommendations or stances"))
    if len(alone) > 1:  # one file linked alone is linked as it would have been
        for path, exc in sorted(alone.items()):
            log.error("linking the group of %s failed: %s: %s", path, type(exc).__name__, exc, exc_info=exc)
            errors.append(ErrorRow(source_path=path, stage="link", error=LINK_FAILED,
                                   message=f"{path}: linking it with the other files of its group failed "
                                           f"({type(exc).__name__}: {exc}); it was linked alone, without "
                                           f"threads or recommendations shared with other files"))
    return linked, errors


def _extend(linked: link_mod.Linked, more: link_mod.Linked) -> None:
    for f in dataclasses.fields(link_mod.Linked):
        getattr(linked, f.name).extend(getattr(more, f.name))


def _link_unit(docs: list[DocState], owner: dict[str, str], lex: Lexicons, model, pool: list[LetterState],
               fixes: Fixes, known: set[str]) -> tuple[link_mod.Linked, list[CorrectionRow], dict[str, tuple],
                                                      list[ErrorRow]]:
    """Link files that link alone, then apply the corrections that name one of their letters,
    a file at a time so that what each correction did is remembered with its file; with the
    errors rows of files that could not be linked.

    ``owner`` maps a document id to its file's path; ``known`` holds every letter id of the
    corpus (a correction may set ``in_reply_to`` to a letter of another file)."""
    linked, failed = _link_or_isolate(docs, owner, lex, model, pool)
    linked.stances = _stance_pages(linked.stances, linked.letters, [d.document for d in docs])
    if not fixes.items:
        return linked, [], {}, failed
    by_id = {lt.letter_id: lt for lt in linked.letters}
    by_place = {(lt.source_path, lt.index): lt for lt in linked.letters}
    mine: dict[str, list[corrections_mod.Correction]] = defaultdict(list)
    for c in fixes.items:
        lt = by_id.get(c.letter_id) if c.letter_id is not None else None
        if lt is None and c.file is not None and c.index is not None:
            lt = by_place.get((c.file, c.index))
        if lt is not None:
            mine[owner[lt.document_id]].append(c)
    applied: list[CorrectionRow] = []
    info: dict[str, tuple] = {}
    for path in sorted(mine):
        out = corrections_mod.apply(linked.letters, linked.parties, linked.stances, linked.recommendations,
                                    mine[path], known=known)
        linked.letters, linked.parties, linked.stances = out.letters, out.parties, out.stances
        applied += out.applied
        info[path] = (tuple(c.origin for c in mine[path]), tuple(out.errors))
    return linked, applied, info, failed


def _owners(results: dict[str, FileResult]) -> dict[str, str]:
    return {d.document.document_id: p for p, r in results.items() for d in docs_of(r)}


def _entry_for(path: str, res: FileResult, stat, pre: list[Light], after: dict[str, Letter],
               fixed: tuple = ((), ())) -> FileEntry:
    letters = tuple(lt._replace(in_reply_to=after[lt.letter_id].in_reply_to,
                                report=report_key(after[lt.letter_id].report_title)) for lt in pre)
    flat = res.flat()
    errors = tuple((e.error, e.message) for x in flat for e in x.errors)
    return FileEntry(res.sha256, stat, tuple(x.doc.document.document_id for x in flat if x.doc is not None),
                     letters, path, errors, res.timeout, tuple(x.source_path for x in flat[1:]), *fixed)


class _Paths:
    """Union-find over file paths; a set is named by its first path in sort order."""

    def __init__(self, paths):
        self.parent = {p: p for p in paths}

    def find(self, p: str) -> str:
        parent = self.parent
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _groups(entries: dict[str, FileEntry], doc_path: dict[str, str]) -> None:
    """Link groups of the linked files: joined by the letter a reply answers and by a shared report."""
    paths = _Paths(entries)
    find, union = paths.find, paths.union
    by_report: dict[str, str] = {}
    for path, e in entries.items():
        for lt in e.letters:
            if lt.in_reply_to:
                target = doc_path.get(lt.in_reply_to[:16])
                if target in paths.parent:
                    union(path, target)
            if lt.report:
                union(path, by_report.setdefault(lt.report, path))
    for path, e in entries.items():
        e.group = find(path)  # the first path of the group in sort order names it


def _components(present: dict[str, object], result_of: Callable[[str], FileResult]
                ) -> tuple[list[list[str]], dict[object, list[LetterState]], dict[str, set[object]]]:
    """The corpus cut into parts that link alone: files joined by the letter a reply answers
    across files (chosen on light copies, as ``link`` chooses it) or by a report they name."""
    pre = {}
    for p in sorted(present):
        pre[p] = file_lights(result_of(p))
    paths = _Paths(pre)
    find, union = paths.find, paths.union
    sought = {lt.reply_to_date for lts in pre.values() for lt in lts if lt.seeker}
    by_date: dict[object, list[LetterState]] = defaultdict(list)  # stand-ins only where a reply looks
    by_report: dict[str, str] = {}
    for p, lts in pre.items():
        for lt in lts:
            if lt.kind != Kind.reply.value and lt.date in sought:
                by_date[lt.date].append(stand_in(p, lt))
            key = report_key(lt.report_title)
            if key:
                union(p, by_report.setdefault(key, p))
    for p, lts in pre.items():
        for lt in lts:
            if lt.seeker:
                me = stand_in(p, lt)
                prev = link_mod._answered(me, [me], by_date)
                if prev is not None:
                    union(p, prev.letter.source_path)
    groups: dict[str, list[str]] = defaultdict(list)
    for p in pre:
        groups[find(p)].append(p)
    cited = {p: {lt.reply_to_date for lt in lts if lt.kind == Kind.reply.value} for p, lts in pre.items()}
    known = {lt.letter_id for lts in pre.values() for lt in lts}
    return [groups[k] for k in sorted(groups)], by_date, cited, known


def link_all(present: dict[str, object], result_of: Callable[[str], FileResult], lex: Lexicons, model,
             fixes: Fixes, spill: Spill | None = None) -> Outcome:
    """A first or full run: every file linked, a part of the corpus at a time, so memory holds one
    part's extraction and the rows so far (with a spill, not even those), never the whole
    corpus's extraction."""
    rows = Rows(spill=spill)
    entries: dict[str, FileEntry] = {}
    parts, by_date, cited, known = _components(present, result_of)
    for paths in parts:
        results = {p: result_of(p) for p in paths}
        docs = [fresh(d) for r in results.values() for d in docs_of(r)]
        # the letters of other parts bearing a date cited here weigh in the choice, as in one
        # link over the whole corpus; none of them is chosen, or it would be in this part
        mine = set(paths)
        dates = set().union(*(cited[p] for p in paths))
        pool = [c for d in dates for c in by_date.get(d, []) if c.letter.source_path not in mine]
        linked, applied, info, failed = _link_unit(docs, _owners(results), lex, model, pool, fixes, known)
        after = {lt.letter_id: lt for lt in linked.letters}
        made = {p: _entry_for(p, results[p], present[p], file_lights(results[p]), after, info.get(p, ((), ())))
                for p in paths}
        _groups(made, {d: p for p, e in made.items() for d in e.doc_ids})
        bucket_of = None
        if spill is not None:
            bucket_of = {k: write.bucket_of(e.group, spill.n_parts) for p, e in made.items()
                         for k in (p, *e.sources, *e.doc_ids)}
        rows.add(docs, linked, list(results.values()), applied, bucket_of, failed)
        entries.update(made)
    if spill is not None:
        rows.flush()
        return Outcome(set(present), {}, entries, len(parts), spill)
    return Outcome(set(present), rows.tables(), entries, len(parts))


def relink(state: LinkState | None, present: dict[str, object], changed: set[str],
           result_of: Callable[[str], FileResult], lex: Lexicons, model, fixes: Fixes | None = None,
           spill: Spill | None = None) -> Outcome:
    """Link what the change of ``changed`` (new, changed or deleted paths) can affect.

    ``present`` maps every path of the corpus to its stat signature; ``result_of`` gives a
    file's extraction (fresh or from the cache). Without a state, everything is linked (its rows
    going to ``spill`` where one is given).
    """
    fixes = fixes or Fixes()
    if state is None:
        return link_all(present, result_of, lex, model, fixes, spill)
    index = Index(state)
    linked_paths = index.expand(changed)
    touched: set[object] = set()  # dates of letters that came, went or changed
    for p in changed:
        old = state.files.get(p)
        if old is not None:
            touched |= {lt.date for lt in old.letters if lt.kind != Kind.reply.value}
        if p in present:
            touched |= {lt.date for lt in file_lights(result_of(p)) if lt.kind != Kind.reply.value}
    seekers_elsewhere = [(p, lt) for d in touched for p, lt in index.seekers.get(d, [])]
    stand_ins: dict[str, LetterState] = {}
    rounds = 0
    while True:
        rounds += 1
        results = {p: result_of(p) for p in sorted(linked_paths) if p in present}
        docs = [fresh(d) for r in results.values() for d in docs_of(r)]
        file_of = {ls.letter.letter_id for d in docs for ls in d.letters}
        by_date: dict[object, list[LetterState]] = defaultdict(list)
        for d in docs:
            for ls in d.letters:
                by_date[ls.letter.date].append(ls)
        pool: list[LetterState] = []  # letters of other files bearing a date cited here
        cited = {ls.letter.reply_to_date for d in docs for ls in d.letters if ls.letter.kind is Kind.reply}
        for date in cited | {lt.reply_to_date for _, lt in seekers_elsewhere}:
            got = [stand_ins.setdefault(lt.letter_id, stand_in(p, lt))
                   for p, lt in index.candidates.get(date, []) if p not in linked_paths]
            pool += got
            by_date[date] = by_date[date] + got
        grow: set[str] = set()
        # a reply being linked must not come to answer a letter that is not
        for d in docs:
            for ls in d.letters:
                if ls.letter.kind is Kind.reply:
                    prev = link_mod._answered(ls, d.letters, by_date)
                    if prev is not None and prev.letter.letter_id not in file_of:
                        grow.add(prev.letter.source_path)
        # a reply elsewhere that now answers another letter is linked again, with both letters
        for p, lt in seekers_elsewhere:
            if p in linked_paths:
                continue
            me = stand_in(p, lt)
            prev = link_mod._answered(me, [me], by_date)
            if (prev.letter.letter_id if prev is not None else None) != lt.in_reply_to:
                grow.add(p)
                if prev is not None:
                    grow.add(prev.letter.source_path)
        if grow - linked_paths:
            linked_paths |= index.expand(grow)
            continue
        known = {lt.letter_id for p, e in state.files.items() if p not in linked_paths for lt in e.letters}
        known |= {ls.letter.letter_id for d in docs for ls in d.letters}
        linked, applied, info, failed = _link_unit(docs, _owners(results), lex, model, pool, fixes, known)
        # a report these files now speak of, held by a group that is not being linked, joins it
        for letter in linked.letters:
            key = report_key(letter.report_title)
            for g in index.reports.get(key, ()) if key else ():
                if any(p not in linked_paths for p in index.groups[g]):
                    grow.update(index.groups[g])
        if grow - linked_paths:
            linked_paths |= index.expand(grow)
            continue
        break
    after = {lt.letter_id: lt for lt in linked.letters}
    entries = {p: _entry_for(p, results[p], present[p], file_lights(results[p]), after, info.get(p, ((), ())))
               for p in results}
    _groups(entries, {d: p for p, e in entries.items() for d in e.doc_ids})
    rows = Rows()
    rows.add(docs, linked, list(results.values()), applied, failed=failed)
    return Outcome(linked_paths, rows.tables(), entries, rounds)
