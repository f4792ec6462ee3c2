"""Date expressions resolved against the publication date, with precision (CODEBOOK 3.2a)."""
from datetime import date

import pytest

from eventwire.extract.context import build_context
from eventwire.extract.dates import event_date, find_dates
from eventwire.records import Article

PUB = date(2025, 3, 12)        # a Wednesday


def one(text, published=PUB):
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text,iso,precision", [
    ("Gunmen attacked the village on Sunday.", "2025-03-09", "day"),
    ("Tuesday's train hijacking shocked Quetta.", "2025-03-11", "day"),
    ("An airstrike hit the camp on Wednesday.", "2025-03-12", "day"),
    ("Rockets fell on Erbil yesterday.", "2025-03-11", "day"),
    ("Drones struck Kharkiv overnight.", "2025-03-12", "day"),
    ("Clashes erupted in Culiacán last night.", "2025-03-11", "day"),
    ("Police fired tear gas this morning.", "2025-03-12", "day"),
    ("The convoy was ambushed four days ago.", "2025-03-08", "day"),
    ("Militants stormed the base last week.", "2025-03-05", "week"),
    ("Talks collapsed last month.", "2025-02-12", "month"),
    ("The siege began on 3 March.", "2025-03-03", "day"),
    ("The siege began on March 3.", "2025-03-03", "day"),
    ("The siege began on 3 March 2022.", "2022-03-03", "day"),
    ("Troops entered the town on Feb. 28.", "2025-02-28", "day"),
    ("Aid deliveries stopped in January.", "2025-01-01", "month"),
    ("A blast killed two earlier this month.", "2025-03-12", "month"),
    ("The strike came a year ago.", "2024-03-12", "year"),
])
def test_resolution(text, iso, precision):
    m = one(text)
    assert (m.date.isoformat(), m.precision) == (iso, precision)
    assert m.text.lower() in text.lower()


def test_future_weekday_and_late_month_date_go_to_the_past_year():
    assert one("Leaders meet next Monday.").date == date(2025, 3, 17)
    # 20 December is after the publication date: it is last year's.
    assert one("The ceasefire of 20 December held.").date == date(2024, 12, 20)


def test_periods():
    m = one("In the last 15 months, 563 soldiers were killed.")
    assert (m.period_from, m.period_to, m.kind) == (date(2023, 12, 12), PUB, "span")
    m = one("So far this year 400 people died.")
    assert (m.period_from, m.period_to) == (date(2025, 1, 1), PUB)
    m = one("Last month, insurgents ambushed a bus.")
    assert (m.period_from, m.period_to) == (date(2025, 2, 1), date(2025, 2, 28))
    m = one("In 2024, separatists killed nearly 400 people.")
    assert (m.period_from, m.period_to, m.precision) == (date(2024, 1, 1), date(2024, 12, 31), "year")


def test_no_anchor_keeps_only_full_dates():
    assert find_dates("It happened on Sunday and yesterday.", None) == []
    (m,) = find_dates("It happened on 3 March 2022.", None)
    assert m.date == date(2022, 3, 3)


def test_offsets_are_shifted():
    (m,) = find_dates("on Sunday", PUB, offset=100)
    assert (m.start, m.end, m.text) == (100, 109, "on Sunday")


def _ctx(text, published="2025-03-12"):
    return build_context(Article(id="t", text=text, published=published))


def test_event_date_prefers_the_expression_nearest_the_trigger():
    ctx = _ctx("Talks failed on Monday, and on Tuesday militants stormed a hotel in Beledweyne.")
    s = ctx.sentences[0]
    trig = s.text.index("stormed")
    iso, prec, ev = event_date(ctx, s, (trig, trig + 7))
    assert (iso, prec) == ("2025-03-11", "day")
    assert ev.text == "on Tuesday" and ctx.text[ev.start:ev.end] == "on Tuesday"


def test_event_date_carries_forward_in_the_paragraph_then_falls_back_to_week():
    ctx = _ctx("Gunmen attacked a market in Maiduguri on Sunday. Eleven traders were killed.\n"
               "Fighting has intensified around the city.")
    iso, prec, _ = event_date(ctx, ctx.sentences[1], None)
    assert (iso, prec) == ("2025-03-09", "day")
    iso, prec, ev = event_date(ctx, ctx.sentences[2], None)
    assert (iso, prec, ev) == ("2025-03-12", "week", None)


def test_event_date_is_null_without_published_date():
    ctx = _ctx("Shelling continued overnight in the city.", published=None)
    assert event_date(ctx, ctx.sentences[0], None) == (None, None, None)


def test_event_date_near_is_relative_to_the_sentence():
    ctx = _ctx("Calm returned. Talks failed on Monday; militants stormed a hotel on Tuesday.")
    s = ctx.sentences[1]
    trig = s.text.index("stormed")
    iso, _, ev = event_date(ctx, s, (trig, trig + 7))
    assert iso == "2025-03-11" and ev.text == "on Tuesday"


# -- the cheap gates skip only patterns that cannot match ------------------------------------
_GATE_SENTENCES = [
    "The strike on 2022-03-04 killed six.", "On 3rd of March, 2022 shelling resumed.",
    "By March 3 the town had fallen.", "In March 2021 talks broke down.",
    "Since the start of the full-scale invasion, 400 have died.", "Since Russia invaded, prices rose.",
    "So far this year 12 journalists were killed.", "In the past 24 hours, 30 strikes hit the city.",
    "Over the last few weeks, fighting spread.", "Two days ago a convoy was ambushed.",
    "Three weeks earlier the bridge was blown up.", "The day before yesterday a drone fell.",
    "Last night rockets hit Odesa.", "The previous day, police detained 14.",
    "Earlier today the mayor said.", "Early on this morning a blast shook the port.",
    "During the night sirens sounded.", "Last weekend protesters marched.",
    "A week ago the town was calm.", "Later this week talks resume.", "In recent days, clashes grew.",
    "Last month 300 fled.", "Earlier this month a ceasefire failed.", "A year ago the war began.",
    "Between 2014 and 2016 the insurgency grew.", "In mid-2019 the group split.",
    "On Tuesday's raid, troops entered.", "Next Monday the court rules.", "In early September rains came.",
    "LAST NIGHT SHELLING RESUMED.", "Iı was quiet yeſterday, the governor ſaid.",
    "Nothing here names a time at all.", "Prices rose 4% in the capital.",
]


def test_date_gates_only_skip_patterns_that_cannot_match(monkeypatch):
    from eventwire.extract import dates

    for text in _GATE_SENTENCES:
        gate = dates._Gate(text)
        for kind, pattern in dates._PATTERNS:
            if not gate.passes(kind):
                assert pattern.search(text) is None, (kind, text)
    gated = [find_dates(t, PUB) for t in _GATE_SENTENCES]
    monkeypatch.setattr(dates, "_GATES", {})
    assert [find_dates(t, PUB) for t in _GATE_SENTENCES] == gated
    assert sum(len(g) for g in gated) >= 30


def test_date_gates_know_every_pattern():
    from eventwire.extract import dates

    assert {kind for kind, _ in dates._PATTERNS} == set(dates._GATES)


@pytest.mark.parametrize("text", [
    "A curfew is in place until 6 a.m. on Monday.",
    "The president promised major decisions by Friday.",
    "Both sides must withdraw their forces before Sunday.",
    "Checkpoints will stay closed through Thursday.",
])
def test_a_deadline_is_a_bound_not_a_point(text):
    assert one(text).kind == "bound"


def test_a_deadline_in_the_sentence_before_is_not_carried():
    ctx = _ctx("On Monday the ministry gave the rebels until Friday to leave. "
               "Fighters shelled the barracks in Goma.")
    iso, prec, ev = event_date(ctx, ctx.sentences[1], None)
    assert (iso, prec) == ("2025-03-10", "day") and "Monday" in ev.text


def test_a_year_is_background_and_does_not_carry_over():
    ctx = _ctx("In 2024, gunmen killed 400 people in the state. Officials blamed the militia.")
    assert event_date(ctx, ctx.sentences[1], None)[1] == "week"


def test_a_statement_is_not_dated_by_the_day_it_talks_about():
    ctx = _ctx("The ministry blamed the cartel for Monday's ambush.")
    trig = ctx.sentences[0].text.index("blamed")
    assert event_date(ctx, ctx.sentences[0], (trig, trig + 6))[0] == "2025-03-10"
    iso, prec, _ = event_date(ctx, ctx.sentences[0], (trig, trig + 6), statement=True)
    assert (iso, prec) == ("2025-03-12", "week")


def test_a_happening_in_the_past_span_is_dated_to_the_span_start():
    ctx = _ctx("Two suicide bombers attacked the camp in the last month, soldiers said.")
    iso, prec, ev = event_date(ctx, ctx.sentences[0], None)
    assert (iso, prec, ev.text) == ("2025-02-12", "month", "in the last month")


def test_a_shift_counts_from_the_day_the_story_last_named():
    # Published on a Tuesday (2025-08-19).
    ctx = _ctx("Fighters beat back an assault on Diapaga late on Saturday, the army said.\n"
               "Two days later, the governor imposed a night curfew on the town.\n"
               "Gunmen killed nine villagers in Banibangou on Friday. A day earlier, a roadside bomb "
               "hit an army truck near Tillia.", published="2025-08-19")
    iso, prec, ev = event_date(ctx, ctx.sentences[1], None)
    assert (iso, prec, ev.text) == ("2025-08-18", "day", "Two days later")
    bomb = ctx.sentences[3]
    assert event_date(ctx, bomb, None)[:2] == ("2025-08-14", "day")


def test_a_shift_with_no_day_named_before_counts_from_publication_and_after_an_event_is_none():
    ctx = _ctx("A day earlier, a roadside bomb hit an army truck near Tillia.", published="2025-08-19")
    assert event_date(ctx, ctx.sentences[0], None)[:2] == ("2025-08-18", "day")
    assert find_dates("The operation came a day after two bombers struck.", date(2025, 8, 19)) == []
