"""The evaluation report as fixed-width text for a terminal or a CI log."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from pipeline.gold_match import MISSING

if TYPE_CHECKING:
    from pipeline.evaluate import EvalReport


def _short(value: Any, width: int = 70) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= width else text[: width - 3] + "..."


def _cell(value: float | None, width: int) -> str:
    return f"{value:>{width}.3f}" if value is not None else "-".rjust(width)


_FILE_COLUMNS = (("kind", "kind"), ("date", "date"), ("sender", "sender"), ("recipients", "recip"),
                 ("participants", "partic"), ("recommendations_mentioned", "recs"),
                 ("stance_accuracy", "stance"))


def render_by_file(report: EvalReport) -> list[str]:
    """One fixed-width line per gold file and a total, to see where a score is lost.

    Accuracies are for kind, date, sender and stance, F1 for the party lists
    and recommendations; ``-`` where the file has nothing of that to score.
    """
    rows = dict(report.by_file)
    name_w = max([len(n) for n in rows] + [len("file"), len("total")])
    head = (f"{'file':<{name_w}}  {'segs g/p/m':>11}" + "".join(f" {t:>6}" for _, t in _FILE_COLUMNS)
            + f" {'n_st':>5}")
    lines = ["by file: accuracy of kind, date, sender and stance; F1 of recipients, participants"
             " and recommendations; - where a file has none to score", head]
    seg, st = report.segments, report.stances
    total = {"segments_gold": seg["gold"], "segments_predicted": seg["predicted"],
             "segments_matched": seg["matched"], "stance_accuracy": st["accuracy"] if st["support"] else None,
             "stances": st["support"]}
    for name, _ in _FILE_COLUMNS[:-1]:  # as in a file's row: None where nothing was scored
        field = report.fields[name]
        total[name] = field["value"] if field["support"] or field.get("fp") else None
    for name, row in [*sorted(rows.items()), ("total", total)]:
        segs = f"{row['segments_gold']}/{row['segments_predicted']}/{row['segments_matched']}"
        lines.append(f"{name:<{name_w}}  {segs:>11}" + "".join(f" {_cell(row[k], 6)}" for k, _ in _FILE_COLUMNS)
                     + f" {row['stances']:>5}")
    return lines


def render(report: EvalReport, max_disagreements: int = 30, *, by_file: bool = False) -> str:
    """A fixed-width summary a developer can read in a terminal or a CI log."""
    seg = report.segments
    lines = [f"segments: gold={seg['gold']} predicted={seg['predicted']} matched={seg['matched']}"
             f" (by position {seg['by_position']}) ignored={seg['ignored_predicted']}"
             f"  P={seg['precision']:.3f} R={seg['recall']:.3f} F1={seg['f1']:.3f}", "",
             f"{'field':<28} {'metric':<9} {'value':>6} {'support':>8}  detail"]
    for name, s in report.fields.items():
        detail = (f"P={s['precision']:.3f} R={s['recall']:.3f}" if s["metric"] == "f1"
                  else f"{s['correct']}/{s['support']}")
        lines.append(f"{name:<28} {s['metric']:<9} {s['value']:>6.3f} {s['support']:>8}  {detail}")
    st = report.stances
    lines += ["", f"stances: accuracy={st['accuracy']:.3f} ({st['correct']}/{st['support']})"
                  f" macro_f1={st['macro_f1']:.3f} missing={st['missing']}"
                  f" spurious={st['spurious']}",
              f"  {'label':<22} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}"]
    for lab, m in st["labels"].items():
        lines.append(f"  {lab:<22} {m['precision']:>6.3f} {m['recall']:>6.3f}"
                     f" {m['f1']:>6.3f} {m['support']:>8}")
    conf, order = st["confusion"], list(st["labels"]) + [MISSING]
    rows = [g for g in order if g in conf]
    cols = [c for c in order if any(c in conf[g] for g in rows)]
    if rows:
        w = max(len(r) for r in rows + ["gold \\ predicted"]) + 2
        lines += ["", "  " + "gold \\ predicted".ljust(w) + " ".join(c for c in cols)]
        for g in rows:
            lines.append("  " + g.ljust(w) + " ".join(str(conf[g].get(c, 0)).rjust(len(c))
                                                     for c in cols))
    if by_file:
        lines += ["", *render_by_file(report)]
    dis = report.disagreements
    lines += ["", f"disagreements: {len(dis)}"
              + (f" (first {max_disagreements})" if len(dis) > max_disagreements else "")]
    for d in dis[:max_disagreements]:
        where = f"  {d['file']}#{d['index']} {d['field']}: "
        if "missing" in d:
            lines.append(where + f"missing {_short(d['missing'])} extra {_short(d['extra'])}")
        else:
            lines.append(where + f"gold {_short(d['gold'])} predicted {_short(d['predicted'])}")
    return "\n".join(lines) + "\n"
