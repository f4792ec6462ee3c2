"""What ``eventwire eval`` shows: tables for people, and an error listing made for grep.

Error lines start with a tag and the article id so that ``grep '^FN event'`` or
``grep g-91ab7c63ee`` picks out what one needs; indented lines below a tag line give the
evidence and the nearest record on the other side.
"""
from __future__ import annotations

from typing import Iterator, Optional

from rich import box
from rich.console import Console
from rich.table import Table

from .items import EventItem, FigureItem
from .matching import event_mismatches, figure_mismatches
from .metrics import PRF
from .normalize import overlap
from .score import EVENT_FIELDS, FIGURE_FIELDS, ArticleResult, Report
from .snippets import NONE, SnippetReport

EVIDENCE_WIDTH = 400


def _num(x: float) -> str:
    return f"{x:.3f}"


def _prf_cells(m: PRF) -> list[str]:
    if m.vacuous:
        return ["—", "—", "—", "0", "0", "0"]
    return [_num(m.p), _num(m.r), _num(m.f1), str(m.tp), str(m.gold), str(m.pred)]


def _prf_table(title: Optional[str], first: str, rows: list[tuple[str, PRF]],
               compact: bool = False) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False,
                  show_edge=not compact)
    table.add_column(first)
    for col in ("P", "R", "F1", "tp", "gold", "pred"):
        table.add_column(col, justify="right")
    for name, m in rows:
        table.add_row(name, *_prf_cells(m))
    return table


def print_report(report: Report, console: Console, title: str) -> None:
    """Details first, the summary last: a hook that keeps the output's tail sees the figures."""
    n_gold = sum(len(a.gold.events) for a in report.articles)
    n_pred = sum(len(a.pred.events) for a in report.articles)
    console.print(f"[bold]{title}[/]: {len(report.articles)} articles, {n_gold} gold events, "
                  f"{n_pred} predicted", highlight=False)
    for w in report.warnings:
        console.print(f"[yellow]warning:[/] {w}", highlight=False)
    rows = sorted(report.per_type.items(), key=lambda kv: (-kv[1].gold, -kv[1].pred, kv[0]))
    console.print(_prf_table("Events by type", "type", rows))
    for line in flag_lines(report):
        console.print(line, highlight=False)
    console.print("[bold]Summary (CODEBOOK s.5)[/]")
    console.print(_prf_table(None, "level",
                             [("events: type", report.type), ("events: parent", report.parent),
                              ("events: detect", report.detect), ("figures", report.figures)],
                             compact=True))
    for line in field_lines(report):
        console.print(line, highlight=False)


def flag_lines(report: Report) -> list[str]:
    """One line per flag either side used; flags nobody set are left out."""
    width = max(len(k) for k in report.flags)
    return [f"flag {k:<{width}}  P {m.p:.3f}  R {m.r:.3f}  (tp {m.tp}, gold {m.gold}, "
            f"pred {m.pred})" for k, m in sorted(report.flags.items()) if not m.vacuous]


def field_lines(report: Report) -> list[str]:
    """Field accuracies over matched pairs, in short lines (under 80 characters)."""
    f = report.fields
    ev = [f"{k} {f[k].acc:.3f}" for k in EVENT_FIELDS]
    fig = "  ".join(f"{k} {f[k].acc:.3f}" for k in FIGURE_FIELDS)
    return [f"matched events ({f['actor1'].total}): " + "  ".join(ev[:3]),
            "    " + "  ".join(ev[3:]),
            f"matched figures ({f['qualifier'].total}): {fig}"]


def print_snippet_report(report: SnippetReport, console: Console, title: str) -> None:
    console.print(f"[bold]{title}[/]: {report.total} snippets", highlight=False)
    if report.missing:
        console.print(f"[yellow]warning:[/] {report.missing} snippet(s) had no prediction and "
                      f"count as '{NONE}'", highlight=False)
    rows = sorted(report.per_type.items(), key=lambda kv: (-kv[1].gold, kv[0]))
    console.print(_prf_table("Snippets by type", "type", rows + [(NONE, report.none)]))
    console.print(f"snippets: weighted F1 {_num(report.weighted_f1)}  macro F1 "
                  f"{_num(report.macro_f1)}  accuracy {_num(report.accuracy)} "
                  f"({report.correct}/{report.total})", highlight=False)


# --- error listing ------------------------------------------------------------------------------

def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EVIDENCE_WIDTH else text[:EVIDENCE_WIDTH - 1] + "…"


def _event_line(e: EventItem) -> str:
    place = e.place.label() if e.place else "no place"
    a1 = e.actor1.label() if e.actor1 else "-"
    a2 = e.actor2.label() if e.actor2 else "-"
    dead = f" | dead {e.fatalities}" if e.fatalities is not None else ""
    return f"{e.type} | {e.date_text or 'no date'} | {place} | {a1} -> {a2}{dead}"


def _figure_line(f: FigureItem) -> str:
    subject = f"{f.subject_country or '-'}/{f.subject_sector or '-'}"
    claim = f'"{f.claimant}"' if f.claimant else "own voice"
    return f"{f.quantity} {f.value} {f.qualifier or 'exact'} | subject {subject} | claimant {claim}"


def _nearest(item, others) -> Optional[tuple[int, float]]:
    """The record on the other side that shares most evidence words with ``item``."""
    best = max(((overlap(item.bag, o.bag), i) for i, o in enumerate(others)), default=None)
    if best is None or best[0] == 0:
        return None
    return best[1], best[0]


def _explain(side: str, item, others, used: dict[int, int], mismatches, line) -> str:
    near = _nearest(item, others)
    if near is None:
        return "      near: nothing on the other side shares its words"
    j, score = near
    other = others[j]
    other_side = "pred" if side == "gold" else "gold"
    why = mismatches(item, other) if side == "gold" else mismatches(other, item)
    if not why and j in used:
        reason = f"already paired with {side}#{used[j]}"
    else:
        reason = "differs in: " + ", ".join(why) if why else "compatible"
    return f"      near: {other_side}#{j} (overlap {score:.2f}) {line(other)} — {reason}"


def _event_fields_line(g: EventItem, p: EventItem) -> list[str]:
    shown = {
        "actor1": lambda e: e.actor1.label() if e.actor1 else "null",
        "actor2": lambda e: e.actor2.label() if e.actor2 else "null",
        "fatalities": lambda e: str(e.fatalities),
        "date": lambda e: e.date_text or "null",
        "place": lambda e: e.place.label() if e.place else "null",
    }
    return [f"{name}: gold {shown[name](g)} != pred {shown[name](p)}"
            for name, agrees in EVENT_FIELDS.items() if not agrees(g, p)]


def _figure_fields_line(g: FigureItem, p: FigureItem) -> list[str]:
    shown = {"qualifier": lambda f: f.qualifier or "exact",
             "claimant": lambda f: f'"{f.claimant}"' if f.claimant else "null"}
    return [f"{name}: gold {shown[name](g)} != pred {shown[name](p)}"
            for name, agrees in FIGURE_FIELDS.items() if not agrees(g, p)]


def article_errors(res: ArticleResult) -> Iterator[str]:
    aid = res.article_id
    gold, pred = res.gold, res.pred
    ev_pairs, fig_pairs = res.event_pairs["type"], res.figure_pairs
    g2p = {gi: pi for gi, pi, _ in ev_pairs}
    p2g = {pi: gi for gi, pi, _ in ev_pairs}
    fg2p = {gi: pi for gi, pi, _ in fig_pairs}
    fp2g = {pi: gi for gi, pi, _ in fig_pairs}
    head = (f"=== {aid}  {gold.title or ''}".rstrip()
            + f"  | events {len(ev_pairs)} matched of {len(gold.events)} gold, "
              f"{len(pred.events)} pred | figures {len(fig_pairs)} matched of "
              f"{len(gold.figures)} gold, {len(pred.figures)} pred")
    yield head
    if not res.has_prediction:
        yield f"MISSING {aid}  no prediction for this article"
    for gi, g in enumerate(gold.events):
        if gi not in g2p:
            yield f"FN event {aid} gold#{gi} {_event_line(g)}"
            yield f"      gold: {_clip(g.evidence)}"
            yield _explain("gold", g, pred.events, p2g, event_mismatches, _event_line)
    for pi, p in enumerate(pred.events):
        if pi not in p2g:
            yield f"FP event {aid} pred#{pi} {_event_line(p)}"
            yield f"      pred: {_clip(p.evidence)}"
            yield _explain("pred", p, gold.events, g2p, event_mismatches, _event_line)
    for gi, pi, _ in ev_pairs:
        g, p = gold.events[gi], pred.events[pi]
        for diff in _event_fields_line(g, p):
            yield f"FIELD event {aid} gold#{gi}=pred#{pi} {g.type} {diff}"
            yield f"      gold: {_clip(g.evidence)}"
    for gi, g in enumerate(gold.figures):
        if gi not in fg2p:
            yield f"FN figure {aid} gold#{gi} {_figure_line(g)}"
            yield f"      gold: {_clip(g.evidence)}"
            yield _explain("gold", g, pred.figures, fp2g, figure_mismatches,
                           _figure_line)
    for pi, p in enumerate(pred.figures):
        if pi not in fp2g:
            yield f"FP figure {aid} pred#{pi} {_figure_line(p)}"
            yield f"      pred: {_clip(p.evidence)}"
            yield _explain("pred", p, gold.figures, fg2p, figure_mismatches,
                           _figure_line)
    for gi, pi, _ in fig_pairs:
        g, p = gold.figures[gi], pred.figures[pi]
        for diff in _figure_fields_line(g, p):
            yield f"FIELD figure {aid} gold#{gi}=pred#{pi} {g.quantity} {g.value} {diff}"
            yield f"      gold: {_clip(g.evidence)}"
    for flag in sorted(gold.flags - pred.flags):
        yield f"FN flag {aid} {flag}"
    for flag in sorted(pred.flags - gold.flags):
        yield f"FP flag {aid} {flag}"


def error_lines(report: Report) -> Iterator[str]:
    yield ("# eventwire eval errors. Tags: FN (gold not found), FP (predicted, not in gold), "
           "FIELD (matched, field differs), MISSING (no prediction). '#n' = position in the "
           "article's list.")
    for res in report.articles:
        yield from article_errors(res)
        yield ""


def snippet_error_lines(report: SnippetReport) -> Iterator[str]:
    yield "# snippet errors: MISS <id> gold <type> pred <type>"
    for snip, guess in report.confusions:
        yield f"MISS {snip.id} gold {snip.type} pred {guess}"
        yield f"      text: {_clip(snip.text)}"
