"""Place choice: which named place is where the happening was (CODEBOOK 3.5)."""
import pytest

from eventwire.extract.pipeline import extract_text


def places_of(text, published="2024-05-14"):
    return [(e.type, e.location.name if e.location else None)
            for e in extract_text(text, published=published).events]


def test_a_place_that_only_measures_distance_is_not_the_venue():
    got = places_of("Jets bombed a fuel depot in Saraqib, 15 km east of Idlib, on Monday.")
    assert [name for _, name in got] == ["Saraqib"]


def test_a_bearing_towards_an_apposed_town_is_a_reference():
    got = places_of("Gunmen attacked a police post in Kalat, a town about 150 km south of Quetta, on Sunday.")
    assert [name for _, name in got] == ["Kalat"]


def test_villages_west_of_a_town_happen_at_that_town():
    got = places_of("Militia fighters looted livestock in villages west of El Fasher on Saturday.")
    assert [name for _, name in got] == ["El Fasher"]


def test_the_speakers_seat_is_not_the_venue():
    got = places_of("The interior ministry in Baghdad said militants shelled a checkpoint in Tuz Khurmatu on Monday.")
    assert ("shelling_artillery_missile", "Tuz Khurmatu") in got
    assert all(name != "Baghdad" for _, name in got)


def test_a_village_named_as_such_beats_its_province_even_if_the_gazetteer_lacks_it():
    got = places_of("Gunmen attacked a checkpoint in the village of Umm Tarrafiyah, in the north of "
                    "Hama province, on Sunday, killing six soldiers.")
    assert [name for _, name in got] == ["Umm Tarrafiyah"]


def test_a_possessive_region_holds_the_place_and_is_not_a_second_venue():
    got = places_of("Congo's army lost ground in the east this week. "
                    "Fighting between M23 rebels and Wazalendo militias flared around Kalembe in "
                    "North Kivu's Walikale territory on Tuesday, local sources said.")
    assert [name for _, name in got] == ["Kalembe"]


def test_a_town_named_once_in_passing_does_not_move_the_story():
    text = ("Kurdish-led fighters pressed their assault on Baghuz in eastern Syria on Saturday.\n"
            "Commanders in Baghuz said the last pocket would fall within days.\n"
            "The offensive has been fiercer than the battles for Mosul and Raqqa, they said.\n"
            "Aid workers waited outside the town for the evacuation of women and children.\n"
            "The convoys were delayed for a second day by the fighting.\n"
            "On Saturday one of the unit was killed by a roadside bomb planted weeks ago.")
    got = places_of(text, published="2019-03-03")
    assert ("remote_explosive", "Baghuz") in got


def test_a_country_opening_the_sentence_is_where_it_happened():
    got = places_of("The army shelled Kyiv on Monday.\n"
                    "In Belarus, thousands of people staged rallies across the country on Sunday.")
    assert ("peaceful_protest", "Belarus") in got


def test_regions_named_together_are_one_happening_each():
    got = places_of("Ukraine said the front was holding. Russian forces shelled towns in the "
                    "Donetsk and Luhansk regions on Monday.")
    assert [(name.split()[0], t) for t, name in got] == [
        ("Donetsk", "shelling_artillery_missile"), ("Luhansk", "shelling_artillery_missile")]
    assert {e.location.precision for e in extract_text(
        "Ukraine said the front was holding. Russian forces shelled towns in the Donetsk and "
        "Luhansk regions on Monday.", published="2024-05-14").events} == {2}


def test_towns_listed_after_the_cities_of_are_towns_even_when_ner_says_person():
    got = places_of("Missiles hit the cities of Kharkiv and Zaporizhzhia on Monday.")
    assert sorted(name for _, name in got) == ["Kharkiv", "Zaporizhzhia"]


def test_where_someone_comes_from_or_an_earlier_attack_is_not_the_venue():
    got = places_of("A British volunteer was killed in Syria while clearing mines, months after the "
                    "Manchester terrorist attack, an inquest heard.")
    assert all(name != "Manchester" for _, name in got)
    got = places_of("Fighting raged in Syria on Monday. Hall, who was from Portsmouth, was shot dead "
                    "near Raqqa on Monday.")
    assert all(name != "Portsmouth" for _, name in got)


def test_a_small_namesake_abroad_gives_way_to_an_unlisted_village_at_home():
    from eventwire.extract.pipeline import extract_text
    x = extract_text("Insurgents stormed Macomia in Mozambique on Friday. Local sources said "
                     "insurgents beheaded a man in Chai village on Saturday.",
                     published="2025-05-06")
    chai = [e for e in x.events if e.location and e.location.name == "Chai"]
    assert chai and chai[0].location.country == "MOZ"


@pytest.mark.parametrize("province", ["Al Hudaydah governorate", "Hodeidah province"])
def test_a_district_is_placed_by_the_province_named_after_it(province):
    from eventwire.extract.pipeline import extract_text
    x = extract_text("Washington and the US Navy said they were watching. Government forces and "
                     f"Houthi fighters fought on Monday night in Hays district in {province}, "
                     "leaving four soldiers dead.", published="2025-05-06")
    clash = [e for e in x.events if e.type == "armed_clash"]
    assert clash and clash[0].location.country == "YEM"
    assert clash[0].location.admin1 == "Hodeidah Governorate"


def test_two_acts_in_one_sentence_keep_their_own_towns_and_tolls():
    from eventwire.extract.pipeline import extract_text
    x = extract_text("Separately, a roadside bomb hit a minibus near Afgooye in Somalia on Sunday, "
                     "killing three passengers, and a grenade thrown into a restaurant in Baidoa "
                     "wounded five people the same evening.", published="2025-03-18")
    got = sorted((e.type, e.location.name, e.fatalities, e.injured) for e in x.events)
    assert got == [("grenade", "Baidoa", None, 5), ("remote_explosive", "Afgooye", 3, None)]


def test_a_town_across_a_clause_break_belongs_to_the_other_act():
    from eventwire.extract.pipeline import extract_text
    x = extract_text("Russian forces kept pounding the besieged city of Mariupol, shelling a "
                     "theatre sheltering hundreds of people, officials said on Saturday, while "
                     "fighting raged on the outskirts of Kyiv.", published="2022-03-12")
    places = {e.type: e.location.name for e in x.events}
    assert places.get("shelling_artillery_missile") == "Mariupol"
    assert places.get("armed_clash") == "Kyiv"


def test_a_state_bombing_told_after_another_act_keeps_its_own_town_and_kind():
    from eventwire.extract.pipeline import extract_text
    x = extract_text("Russian forces blew up a rail bridge in Izium hours after bombing a fuel "
                     "depot in Chuhuiv, 25 miles from Kharkiv, causing a huge explosion.",
                     published="2022-03-20")
    got = sorted((e.type, e.location.name) for e in x.events)
    assert got == [("remote_explosive", "Izium"), ("shelling_artillery_missile", "Chuhuiv")]


def test_an_adjective_before_town_of_still_names_the_settlement():
    from eventwire.extract.pipeline import extract_text
    x = extract_text("Lebanon's health ministry says an Israeli drone strike on a car in the "
                     "coastal town of Jiyeh killed two people on Tuesday.", published="2024-11-06")
    assert x.events and x.events[0].location.name == "Jiyeh"
    assert x.events[0].location.country == "LBN"


def test_the_outskirts_of_an_unlisted_town_name_it():
    from eventwire.extract.pipeline import extract_text
    x = extract_text("Hezbollah says its fighters clashed with Israeli troops on the eastern "
                     "outskirts of Khiam in Lebanon at dawn, and that it fired a salvo of rockets "
                     "at soldiers in Metula.", published="2024-11-06")
    got = sorted((e.type, e.location.name) for e in x.events)
    assert got == [("armed_clash", "Khiam"), ("shelling_artillery_missile", "Metula")]


def test_a_foreign_venue_named_once_does_not_carry_the_fighting_abroad():
    text = ("Taliban fighters attacked checkpoints in Helmand, Afghanistan, on Sunday.\n"
            "The group was referring to the pact it negotiated with Washington in Qatar's capital, Doha.\n"
            "Afghan officials have accused the group of breaking its word.\n"
            "Western governments have also voiced concern.\n"
            "The Taliban have intensified battlefield attacks since then, capturing new territory.")
    got = places_of(text, published="2021-05-09")
    assert got and all(name != "Doha" for _, name in got), got


def test_a_country_in_a_body_s_name_is_not_the_venue():
    got = places_of("Police sealed off roads leading to Nairobi's central business district on Tuesday.\n"
                    "Police fired tear gas at demonstrators trying to reach Kenyatta Avenue, the Law "
                    "Society of Kenya said.", published="2025-07-08")
    assert ("protest_with_intervention", "Nairobi") in got, got


def test_a_town_named_only_to_place_a_village_is_no_second_venue():
    got = places_of("Russian forces captured the village of Novoekonomichne near Pokrovsk, the "
                    "Russian defence ministry said.", published="2025-07-16")
    assert got == [("non_state_actor_overtakes_territory", "Novoekonomichne")]
    got = places_of("Troops clashed in Bakhmut and near Avdiivka on Monday.", published="2025-07-16")
    assert sorted(name for _, name in got) == ["Avdiivka", "Bakhmut"]


@pytest.mark.parametrize("text,name,country", [
    # A unit named "of" the region after it lies in that region, not in a namesake abroad.
    ("A military air strike hit a market in Kani township of Sagaing Region, Myanmar, on Monday, killing 24.",
     "Kani", "MMR"),
    # A trailing connector belongs to the name: "Campo Dos" is not Portugal's "Campo".
    ("Troops of the National Army regained control of the village of Campo Dos, municipality of "
     "Tibu, in the Catatumbo region, Norte de Santander, on 1 February.", "Campo Dos", "COL"),
    # The kind word after a name makes it the village; "Mangu Local Government Area" is no town.
    ("At least 27 people were killed when armed men attacked Kwahaslalek village in Mangu Local "
     "Government Area of Plateau State, Nigeria, on Sunday.", "Kwahaslalek", "NGA"),
])
def test_villages_and_townships_the_gazetteer_lacks(text, name, country):
    events = extract_text(text, published="2025-02-03").events
    assert [(e.location.name, e.location.country) for e in events] == [(name, country)]


def test_the_demonym_capital_is_the_capital_city():
    got = places_of("Demonstrators set fire to police vehicles and looted shops in the Bangladeshi "
                    "capital on Sunday.", published="2025-07-16")
    assert got == [("violent_demonstration", "Dhaka")]
    # Named already: one place, not two.
    got = places_of("Israeli warplanes struck Sanaa airport and power stations around the Yemeni "
                    "capital on Tuesday.", published="2025-05-06")
    assert len(got) == 1 and got[0][1].startswith("Sanaa")
