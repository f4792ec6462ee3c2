"""Who acted and who was acted on, on sentences written for these tests: the counterpart of
talks and aid, the speaker of a statement, targets named by what was hit, and strikes the
story leaves unsigned."""
import pytest as _pytest

from eventwire.extract.pipeline import extract_text


def _only(extraction, etype):
    found = [e for e in extraction.events if e.type == etype]
    assert len(found) == 1, [(e.type, e.evidence.text) for e in extraction.events]
    return found[0]


def _side(actor):
    return None if actor is None else (actor.country, actor.sector)


def test_talks_with_a_named_party_give_the_counterpart():
    x = extract_text("Secretary of State Marco Rubio held five hours of talks with Ukrainian "
                     "officials in Jeddah on Tuesday.", published="2025-03-12")
    talks = _only(x, "diplomacy")
    assert _side(talks.actor1) == ("USA", "government")
    assert _side(talks.actor2) == ("UKR", "government")
    assert x.events[0].provenance["actor2"].text.startswith("Ukrainian officials")


def test_an_unnamed_recipient_is_no_counterpart():
    x = extract_text("The ministers pledged further help to the country on Friday.",
                     published="2025-03-12")
    assert x.events, "the pledge is a diplomacy event"
    for e in x.events:
        assert e.actor2 is None


def test_the_speaker_is_the_doer_of_a_statement_with_no_subject_of_its_own():
    x = extract_text("Germany's foreign minister, Annalena Baerbock, said on Monday that the "
                     "sanctions against Russia would be tightened within days.",
                     published="2022-03-14")
    stmt = [e for e in x.events if e.type == "diplomacy"]
    assert stmt and _side(stmt[0].actor1) == ("DEU", "government")


def test_a_passenger_train_is_a_civilian_target():
    x = extract_text("Militants attacked a passenger train on Tuesday near Sibi in Pakistan's "
                     "Balochistan province.", published="2025-03-12")
    attack = _only(x, "attack")
    assert _side(attack.actor2) == ("PAK", "civilians")


def test_generic_attackers_are_kept_as_an_unknown_side():
    x = extract_text("Police said attackers detonated a car bomb outside a school in Kabul on "
                     "Saturday.", published="2021-05-09")
    blast = _only(x, "remote_explosive")
    assert blast.actor1 is not None and blast.actor1.name == "attackers"
    assert blast.actor1.sector == "unknown"


STORY = (
    "Russian forces shelled Kharkiv on Monday, killing three civilians, the governor said.\n"
    "Russian troops also fired rockets at Mykolaiv overnight.\n"
    "The frontline city of Lysychansk came under relentless shelling on Tuesday.\n"
)


def test_unsigned_shelling_takes_the_side_the_story_shows_firing():
    x = extract_text(STORY, published="2022-03-09")
    lys = [e for e in x.events if e.location and e.location.name == "Lysychansk"]
    assert lys and _side(lys[0].actor1) == ("RUS", "military")
    # The credit points at the mention it came from, and the record says why.
    ev = lys[0].provenance["actor1"]
    assert STORY[ev.start:ev.end] == ev.text and "Russian" in ev.text
    assert any("prevailing attacker" in w for w in lys[0].why)


def test_no_prevailing_side_no_credit():
    text = ("Russian forces shelled Kharkiv on Monday, the governor said.\n"
            "Ukrainian forces shelled Russian positions near Izium on Monday.\n"
            "The city of Lysychansk came under relentless shelling on Tuesday.\n")
    x = extract_text(text, published="2022-03-09")
    lys = [e for e in x.events if e.location and e.location.name == "Lysychansk"]
    assert lys and lys[0].actor1 is None


WIRE = ("MOGADISHU, March 18 (Horn Wire) - Al-Shabaab fighters seized the town of Mahaday in "
        "Somalia's Middle Shabelle region on Monday after a dawn assault on an army post, "
        "killing at least 11 soldiers, a military officer said.")


def test_a_dateline_is_neither_the_doer_nor_the_place_nor_the_day():
    x = extract_text(WIRE, published="2025-03-18")
    assert len(x.events) == 1, [(e.type, e.location) for e in x.events]
    e = x.events[0]
    assert e.type == "non_state_actor_overtakes_territory"
    assert _side(e.actor1) == ("SOM", "rebels")
    assert e.location.name == "Mahaday"
    assert e.date == "2025-03-17"


def test_a_dateline_alone_still_places_the_event():
    x = extract_text("KABUL, Afghanistan (Reuters) - A car bomb exploded outside a mosque, "
                     "killing 12 worshippers, police said.", published="2021-05-09")
    assert x.events and x.events[0].location.name.lower() == "kabul"


def test_unnamed_state_forces_belong_to_the_country_where_it_happened():
    x = extract_text("Security forces killed nine militants in the Datta Khel area of North "
                     "Waziristan in Pakistan on Wednesday, the army said.", published="2025-03-06")
    assert x.events and _side(x.events[0].actor1) == ("PAK", "military")


@_pytest.mark.parametrize("text,etype,a1,a2", [
    ("Hundreds of Catholic faithful marched through Kumbo on Sunday, praying for peace.",
     "peaceful_protest", ("CMR", "protesters"), None),
    ("Police fired tear gas to disperse students marching in Dhaka on Monday.",
     "protest_with_intervention", ("BGD", "protesters"), ("BGD", "police")),
    ("Youths hurled petrol bombs at police in Nanterre on Thursday night.",
     "violent_demonstration", ("FRA", "rioters"), ("FRA", "police")),
])
def test_crowd_events_put_the_crowd_first(text, etype, a1, a2):
    x = extract_text(text, published="2024-09-09")
    ev = [e for e in x.events if e.type == etype]
    assert ev, [(e.type, e.evidence.text) for e in x.events]
    assert _side(ev[0].actor1) == a1 and _side(ev[0].actor2) == a2


def test_a_group_named_like_an_armed_group_is_rebels():
    from eventwire.extract.actors import resolve_actor
    assert resolve_actor("Jaish al-Fursan").sector == "rebels"
    assert resolve_actor("the Arakan Liberation Army").sector == "rebels"


def test_a_side_named_right_after_the_dateline_loses_the_dateline():
    x = extract_text("ERBIL - Explosive-laden drones struck the Khurmala oil field in Erbil "
                     "province on Tuesday, the Kurdistan Region's interior ministry said.",
                     published="2025-07-16")
    assert x.events and x.events[0].actor1 is not None
    assert x.events[0].actor1.name == "Explosive-laden drones"


def test_rebels_at_home_do_not_fight_the_neighbour_their_state_is_at_war_with():
    x = extract_text("Two personnel of the District Reserve Guard were killed in an exchange of "
                     "fire with Maoist rebels near Farsegarh in Chhattisgarh, India, police said.",
                     published="2025-05-12")
    clash = [e for e in x.events if e.type == "armed_clash"]
    assert clash
    assert all(a is None or a.country != "PAK" for a in (clash[0].actor1, clash[0].actor2))


def test_an_international_body_is_not_given_the_story_country():
    x = extract_text("Ukraine's foreign minister Dmytro Kuleba said the UN security council "
                     "would meet on Tuesday to discuss the shelling of Kharkiv.",
                     published="2022-03-01")
    council = [a for e in x.events for a in (e.actor1, e.actor2)
               if a is not None and a.name and "security council" in a.name.lower()]
    assert council, [(e.type, e.actor1, e.actor2) for e in x.events]
    assert all(a.country is None for a in council)


def test_his_forces_belong_to_the_country_of_the_title_that_speaks():
    x = extract_text("Talks resumed in Doha, Qatar, on Saturday. The Afghan army chief said on "
                     "Saturday his forces had killed 40 Taliban fighters in the past week.",
                     published="2021-05-09")
    clash = [e for e in x.events if e.type == "armed_clash"]
    assert clash and _side(clash[0].actor1) == ("AFG", "military")
    assert clash[0].actor1.name == "his forces"


def test_excessive_force_with_no_named_doer_is_the_police():
    x = extract_text("Eight protesters were shot dead during a march on parliament in Nairobi "
                     "on Wednesday, Amnesty International Kenya said.", published="2025-06-26")
    ev = [e for e in x.events if e.type == "excessive_force_against_protesters"]
    assert ev, [(e.type, e.evidence.text) for e in x.events]
    assert _side(ev[0].actor1) == ("KEN", "police")
    assert _side(ev[0].actor2) == ("KEN", "protesters")
