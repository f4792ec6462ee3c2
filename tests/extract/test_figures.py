"""Figures from realistic sentences of many conflicts (CODEBOOK s.1 Figure, 3.3)."""
from pathlib import Path

import pytest

from eventwire.extract import figures, places
from eventwire.extract.context import build_context
from eventwire.records import Article


def ctx_of(text, published="2024-05-02"):
    ctx = build_context(Article(id="t", text=text, published=published))
    ctx.places = places.PlaceContext.from_text(ctx.text)
    return ctx


def figs(text, published="2024-05-02"):
    ctx = ctx_of(text, published)
    out = figures.extract_figures(ctx)
    for f in out:
        for ev in [f.evidence, *f.provenance.values()]:
            assert ctx.text[ev.start:ev.end] == ev.text
    return out


def simple(text, published="2024-05-02"):
    return [(f.quantity, f.value, f.qualifier, f.subject.sector) for f in figs(text, published)]


@pytest.mark.parametrize("text,expected", [
    ("Gunmen killed at least 23 villagers in Zamfara state on Sunday, police said.",
     [("killed", 23, "at_least", "civilians")]),
    ("A car bomb in Mogadishu killed seven soldiers and wounded 12 civilians.",
     [("killed", 7, "exact", "military"), ("injured", 12, "exact", "civilians")]),
    ("Thirteen police officers were killed in an ambush in Michoacán.",
     [("killed", 13, "exact", "police")]),
    ("More than 150 people had sustained injuries, doctors said.",
     [("injured", 150, "at_least", "civilians")]),
    ("At least 21 people are still missing after the strike.",
     [("missing", 21, "at_least", "civilians")]),
    ("Police arrested more than 1,800 protesters in 59 cities.",
     [("detained", 1800, "at_least", "protesters")]),
    ("The UN says 4.3 million people have fled their homes in Sudan.",
     [("displaced", 4_300_000, "exact", "civilians")]),
    ("Shelling has left hundreds of thousands of people without electricity in Aleppo.",
     [("without_services", 100_000, "at_least", "civilians")]),
    ("The army said it destroyed up to 80 tanks, 7 helicopters and 10 planes.",
     [("equipment_lost", 80, "up_to", "military"), ("equipment_lost", 7, "exact", "military"),
      ("equipment_lost", 10, "exact", "military")]),
    ("Air strikes destroyed 600 buildings in Gaza City.",
     [("buildings_damaged", 600, "exact", "civilians")]),
    ("Dozens of people were killed in the chemical attack.",
     [("killed", 12, "at_least", "civilians")]),
    ("An elderly woman was killed when the shell hit her house in Kharkiv.",
     [("killed", 1, "exact", "civilians")]),
])
def test_quantities_values_sectors(text, expected):
    assert simple(text) == expected


def test_sub_counts_take_their_heads_quantity_and_mixed_heads_are_unknown():
    got = simple("Officials said 31 people, including 23 security personnel, lost their lives "
                 "in the attack in Quetta.")
    assert got == [("killed", 31, "exact", "unknown"), ("killed", 23, "exact", "military")]
    got = simple("More than 5,000 civilians, including 210 children, have been killed in Mariupol.")
    assert got == [("killed", 5000, "at_least", "civilians"), ("killed", 210, "exact", "civilians")]


def test_bare_counts_inherit_the_listed_subject():
    got = figs("The ombudsman said 210 Ukrainian civilians have been killed and more than "
               "1,100 wounded.")
    assert [(f.quantity, f.value, f.subject.country, f.subject.sector) for f in got] == [
        ("killed", 210, "UKR", "civilians"), ("injured", 1100, "UKR", "civilians")]


def test_toll_updates_and_the_figure_in_the_next_sentence():
    assert simple("Officials raised the death toll to more than 60 on Sunday.") == [
        ("killed", 60, "at_least", None or "unknown")]


@pytest.mark.parametrize("text", [
    "The Pentagon will send 3,000 troops to the region.",              # deployed
    "The package includes 31 Abrams tanks and 200 missiles.",          # delivered
    "Russian forces fired 40 missiles at the city overnight.",          # munitions fired
    "Up to a million people could flee if the offensive begins.",      # hypothetical
    "About 500 militants remain in the old city.",                      # fighters holding a place
    "Between 200 and 1000 people were inside the mall.",                # people present
    "The city had a pre-war population of 430,000 people.",             # pre-war
    "Donors pledged $1.5bn to rebuild 300 schools.",                    # money / plans
    "About 60 people were spared injury in the basement.",              # negated
    "Men aged 18 to 60 may not leave the country.",                     # ages
    "Turnout was 40 percent in 12 provinces.",                          # percentages
])
def test_exclusions(text):
    assert figs(text) == []


def test_period_since_the_war_began_uses_the_conflict_table():
    (f,) = figs("Ukraine's ombudsman said more than 210 civilians have been killed since the "
                "start of Russia's invasion.", published="2022-02-27")
    assert f.period.from_ == "2022-02-24" and f.period.to == "2022-02-27"
    assert f.provenance["period"].text.startswith("since the start")


def test_single_event_period_is_the_event_day_and_claimant_is_kept():
    (f,) = figs("Gunmen killed 11 coal miners in Balochistan on Tuesday, a police official said.",
                published="2025-03-14")
    assert f.period.from_ == f.period.to == "2025-03-11"
    assert f.claimant == "police official"
    assert f.date == "2025-03-14"
    assert f.provenance["value"].text == "11"


def test_period_for_so_far_this_year_and_last_n_months():
    (f,) = figs("So far this year, 400 people have been killed in Borno.", published="2024-05-02")
    assert (f.period.from_, f.period.to) == ("2024-01-01", "2024-05-02")


def test_equipment_claimed_by_one_side_belongs_to_the_other():
    (f,) = figs("Ukraine said it had eliminated 80 tanks near Bakhmut.", published="2023-01-10")
    assert (f.quantity, f.subject.country) == ("equipment_lost", "RUS")


def test_demonyms_give_the_country():
    got = figs("Kyiv said 1,000 Russian soldiers were killed, and two Britons were captured.",
               published="2022-03-01")
    assert [(f.quantity, f.subject.country) for f in got] == [("killed", "RUS"), ("detained", "GBR")]


def test_casualties_is_conservative_and_skips_cumulative_tolls():
    ctx = ctx_of("A suicide bomber killed at least 12 people and wounded 30 in Kabul on Friday.")
    assert figures.casualties(ctx.sentences[0], ctx)[:2] == (12, 30)
    ctx = ctx_of("Between 20 and 30 people were killed in the raid on the village.")
    assert figures.casualties(ctx.sentences[0], ctx)[:2] == (20, None)
    ctx = ctx_of("More than 5,000 civilians have been killed since the start of the war.",
                 published="2022-04-07")
    assert figures.casualties(ctx.sentences[0], ctx)[:2] == (None, None)
    ctx = ctx_of("Dozens were killed in the market attack.")
    fat, inj, prov = figures.casualties(ctx.sentences[0], ctx)
    assert (fat, inj) == (12, None) and prov["fatalities"].text == "Dozens"


def test_needs_parse_is_cheap_and_selective():
    assert figures.needs_parse("At least 12 people were killed.")
    assert figures.needs_parse("Thousands fled the city.")
    assert not figures.needs_parse("The talks will resume next week in Geneva.")
    assert not figures.needs_parse("Soldiers were killed in the attack.")


SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.mark.skipif(not (SHARED / "dev" / "gold").exists(), reason="../shared/dev not present")
def test_dev_figures_f1_floor():
    """Guards against regressions: figures F1 on the dev sets stays above 0.75."""
    import json

    from eventwire.evaluate.score import score_dataset
    from eventwire.records import Extraction
    for name in ("dev", "dev-world"):
        ds = SHARED / name
        preds = []
        for line in (ds / "articles.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            o = json.loads(line)
            art = Article(id=o["id"], text=o["text"], published=o.get("published"))
            ctx = build_context(art)
            ctx.places = places.PlaceContext.from_text(ctx.text)
            preds.append(Extraction(article=art, figures=figures.extract_figures(ctx)).to_gold_shape())
        report = score_dataset(ds, preds)
        assert report.figures.f1 >= 0.75, (name, report.figures.to_json())


@pytest.mark.parametrize("text,expected", [
    # "remain" defers to the state it names.
    ("The UN refugee agency says more than 600,000 people remain displaced inside Lebanon.",
     ("displaced", 600000, "at_least")),
    ("According to IOM, more than 580,000 people remain internally displaced in Cabo Delgado.",
     ("displaced", 580000, "at_least")),
    ("Twelve protesters remained in custody in Dhaka on Monday, police said.",
     ("detained", 12, "exact")),
    # Communiqué and humanitarian wording.
    ("The reaction of our forces made it possible to neutralise about twenty terrorists near Mopti.",
     ("killed", 20, "about")),
    ("The provisional toll is two soldiers fallen with arms in hand near Boni.",
     ("killed", 2, "exact")),
    ("Hundreds of villagers have moved into a relief camp at Bhopalpatnam, an official said.",
     ("displaced", 100, "at_least")),
    ("Thousands of residents are streaming out of Baalbek, the governor said.",
     ("displaced", 1000, "at_least")),
    ("Between three and five civilians were killed in Macomia, community leaders said.",
     ("killed", 3, "about")),
])
def test_more_ways_of_telling_a_figure(text, expected):
    assert [(f.quantity, f.value, f.qualifier) for f in figs(text)][:1] == [expected]


@pytest.mark.parametrize("text", [
    "About 200 people gathered outside the minster in Rotherham, holding banners.",
    "About 200 people held a vigil in Rotherham on Sunday.",
    "Security forces shot dead 12 rebels in Bijapur, one of the deadliest encounters this year.",
])
def test_not_detentions_and_not_a_count_of_one(text):
    got = [(f.quantity, f.value) for f in figs(text)]
    assert ("detained", 200) not in got and ("killed", 1) not in got


def test_a_held_by_reduced_passive_is_a_detention():
    got = [(f.quantity, f.value) for f in figs(
        "He was one of more than 25 foreigners held by Isis in Raqqa.")]
    assert ("detained", 25) in got


@pytest.mark.parametrize("text,expected", [
    # Fighters are people unless the phrase says jets; suicide bombers are people.
    ("Soldiers freed some of the hostages near Kumbo, killing three separatist fighters, the army said.",
     [("killed", 3, "rebels")]),
    ("The ministry said more than 30 fighters had died in the strikes around Mahaday.",
     [("killed", 30, "rebels")]),
    ("Ukraine said it had shot down four Russian fighter jets near Kherson.",
     [("equipment_lost", 4, "military")]),
    # A new clause after "and" is not part of the counted phrase.
    ("A mortar round hit the gas field at Khor Mor, killing one engineer and wounding two guards.",
     [("killed", 1, "civilians"), ("injured", 2, "military")]),
    # The counted did the killing: "two bombers rammed ..., killing 18".
    ("Two suicide bombers rammed explosive-laden vehicles into the wall of the Bannu cantonment, "
     "killing 18 people.", [("killed", 18, "civilians")]),
])
def test_who_is_counted(text, expected):
    assert [(f.quantity, f.value, f.subject.sector) for f in figs(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # The state told after the counted phrase outranks one its noun implies.
    ("Inmates rioted in Guayaquil, leaving at least 15 prisoners dead.", [("killed", 15, "at_least", "unknown")]),
    ("Fighting left 5 soldiers dead, the army said.", [("killed", 5, "exact", "military")]),
    # Members of armed movements named by their creed are counted as rebels.
    ("Security forces killed 31 Maoists in a gunfight in Bijapur.", [("killed", 31, "exact", "rebels")]),
])
def test_who_is_counted_and_in_what_state(text, expected):
    assert simple(text) == expected


def test_no_one_counts_nobody():
    assert simple("No one was hurt in the attacks, the ministry said.") == []
    assert simple("No one was injured, but one soldier was killed.") == [("killed", 1, "exact", "military")]


def test_a_tally_since_a_month_runs_to_the_story_s_day_and_reported_missing_counts():
    out = figs("More than 1,200 people have been killed and about 1,500 reported missing in Sinaloa "
               "since the fighting began in September 2024, according to state figures.", "2025-01-14")
    assert [(f.quantity, f.value, f.period.from_, f.period.to) for f in out] == [
        ("killed", 1200, "2024-09-01", "2025-01-14"), ("missing", 1500, "2024-09-01", "2025-01-14")]


@pytest.mark.parametrize("text,sector", [
    ("Two officers were injured when protesters threw stones in Nairobi on Tuesday, police said.",
     "police"),
    ("Three suspected cartel members were killed in the clash near Culiacan on Monday, the army said.",
     "militia"),
])
def test_who_is_counted_officers_and_cartel_members(text, sector):
    from eventwire.extract.pipeline import extract_text
    figs = extract_text(text, published="2025-06-02").figures
    assert figs and figs[0].subject.sector == sector


@pytest.mark.parametrize("text,expected", [
    # Members of a family or a staff are no armed group's members.
    ("Mortar shells fell on a house in Tripoli, injuring four members of one family, a medic said.",
     [("injured", 4, "exact", "civilians")]),
    ("A convoy hit a mine near Kantchari, killing a driver and injuring two staff members.",
     [("injured", 2, "exact", "civilians")]),
    # The count of those who attacked is no casualty.
    ("Dozens of settlers attacked farmers near Turmus Ayya on Monday, injuring nine people, "
     "medics said.", [("injured", 9, "exact", "civilians")]),
    # A word in scare quotes reads as the word.
    ('The army said drone strikes near Arbinda had "neutralised" more than 50 terrorists.',
     [("killed", 50, "at_least", "rebels")]),
    # People arrested where protesters were fired on are protesters.
    ("Agents fired tear gas at protesters outside the centre in Broadview late Friday and "
     "arrested 11 people, organizers said.", [("detained", 11, "exact", "protesters")]),
])
def test_session6_figure_subjects(text, expected):
    assert simple(text, "2025-10-06") == expected


def test_a_figure_is_counted_where_its_sentences_event_was_placed():
    from eventwire.extract.pipeline import extract_text
    x = extract_text("CODECO militiamen hacked to death at least 11 civilians in Lodjo, in Ituri "
                     "province's Djugu territory, on Monday night.", published="2025-07-09")
    assert [(f.value, f.place.name, f.subject.country) for f in x.figures] == [(11, "Lodjo", "COD")]
