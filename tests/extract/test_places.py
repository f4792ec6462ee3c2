"""Finding and resolving the places a sentence names, with and without NER entities."""
import pytest

from eventwire.extract.places import PlaceContext, find_places, smallest_place


def names(locs):
    return [(l.name, l.country, l.precision) for l in locs]


def test_city_with_offsets_into_the_article():
    article = "Intro sentence. Russian forces shelled Kharkiv overnight, the governor said."
    start = article.index("Russian")
    locs = find_places(article[start:], start)
    assert names(locs) == [("Kharkiv", "UKR", 1)]
    ev = locs[0].evidence
    assert article[ev.start:ev.end] == "Kharkiv" == ev.text
    assert locs[0].admin1 == "Kharkiv Oblast" and locs[0].lat == pytest.approx(49.98, abs=0.1)


def test_variants_and_regions_in_ukraine():
    locs = find_places("Ukrainian troops retook Izyum, in Kharkov Oblast, and pushed on "
                       "towards Lugansk and the Chernihiv region.")
    assert names(locs) == [("Izyum", "UKR", 1), ("Kharkov Oblast", "UKR", 2),
                           ("Lugansk", "UKR", 1), ("Chernihiv region", "UKR", 2)]
    assert locs[1].admin1 == "Kharkiv Oblast" and locs[3].admin1 == "Chernihiv Oblast"


@pytest.mark.parametrize("sentence,expected", [
    ("An airstrike hit a market in Idlib province on Sunday.",
     [("Idlib province", "SYR", 2)]),
    ("Militants attacked a passenger train near Sibi in Balochistan.",
     [("Sibi", "PAK", 1), ("Balochistan", "PAK", 2)]),
    ("Gunmen stormed a police post in Khyber Pakhtunkhwa province.",
     [("Khyber Pakhtunkhwa province", "PAK", 2)]),
    ("Boko Haram fighters killed 12 farmers in Borno state, Nigeria.",
     [("Borno state", "NGA", 2), ("Nigeria", "NGA", 3)]),
    ("A car bomb exploded in Mogadishu, Somalia, killing at least eight people.",
     [("Mogadishu", "SOM", 1), ("Somalia", "SOM", 3)]),
    ("Cartel gunmen killed five police officers in Michoacan state, Mexico.",
     [("Michoacan state", "MEX", 2), ("Mexico", "MEX", 3)]),
    ("Security forces fired tear gas at protesters in Srinagar, India.",
     [("Srinagar", "IND", 1), ("India", "IND", 3)]),
    ("A suicide bomber struck a mosque in Kandahar, Afghanistan.",
     [("Kandahar", "AFG", 1), ("Afghanistan", "AFG", 3)]),
    ("Protesters marched through downtown Minneapolis and Chicago.",
     [("downtown Minneapolis", "USA", 1), ("Chicago", "USA", 1)]),
    ("The RSF shelled El Fasher in North Darfur, Sudan.",
     [("El Fasher", "SDN", 1), ("North Darfur", "SDN", 2), ("Sudan", "SDN", 3)]),
    ("Israeli strikes on Khan Younis killed 20 people in Gaza.",
     [("Khan Younis", "PSE", 1), ("Gaza", "PSE", 1)]),
    ("A roadside bomb killed four soldiers near Mosul, Iraqi officials said.",
     [("Mosul", "IRQ", 1)]),
    ("Air raid sirens sounded across Ukraine.", [("Ukraine", "UKR", 3)]),
    ("Fighting intensified in eastern Ukraine.", [("eastern Ukraine", "UKR", 3)]),
])
def test_places_in_many_conflicts(sentence, expected):
    assert names(find_places(sentence)) == expected


def test_context_disambiguates_namesakes():
    sentence = "Clashes broke out in Tripoli on Saturday."
    lebanon = PlaceContext.from_text("Lebanese army units deployed after clashes in Lebanon. "
                                     + sentence)
    libya = PlaceContext.from_text("Libyan militias fought in Libya. " + sentence)
    assert find_places(sentence, context=lebanon)[0].country == "LBN"
    assert find_places(sentence, context=libya)[0].country == "LBY"
    assert lebanon.main_country == "LBN"


@pytest.mark.parametrize("sentence", [
    "Mobile phone networks were down in the evening as Bar owners protested.",
    "Police said President Zelenskyy met Mr Biden in May.",
    "Ukrainian and Syrian officials said the Kurdish fighters left.",
    "The Kyiv Post and the Moscow Times reported the talks.",
    "Split decisions marked the summit, Reuters said.",
    "Isis offered a reward to whoever kills Abu Muath al-Jazairi.",
])
def test_false_positives_rejected(sentence):
    assert find_places(sentence) == []


def test_ner_entities_are_used_and_misread_places_recovered():
    text = "The defence ministry in Moscow claimed its forces had taken the Hostomel airfield."
    ents = [(text.index("Moscow"), text.index("Moscow") + 6, "GPE"),
            (text.index("Hostomel"), text.index("Hostomel") + 8, "PERSON")]
    ctx = PlaceContext(countries={"UKR": 3.0, "RUS": 2.0})
    assert names(find_places(text, 0, ents, ctx)) == [("Moscow", "RUS", 1), ("Hostomel", "UKR", 1)]
    # a person NER saw, who speaks, stays a person
    text = "Sibi said the talks would go on."
    assert find_places(text, 0, [(0, 4, "PERSON")], PlaceContext(countries={"PAK": 1.0})) == []


def test_unresolved_features_are_kept_by_name():
    text = "Two merchant ships were hit in the Black Sea."
    s = text.index("Black")
    locs = find_places(text, 0, [(s, s + 9, "LOC")])
    assert [(l.name, l.country) for l in locs] == [("Black Sea", None)]


def test_smallest_place_prefers_town_then_region_then_country():
    text = "Russian missiles hit Chuhuiv in the Kharkiv region of Ukraine."
    locs = find_places(text)
    assert [l.precision for l in locs] == [1, 2, 3]
    assert smallest_place(locs).name == "Chuhuiv"
    assert smallest_place(list(reversed(locs))).name == "Chuhuiv"
    assert smallest_place([]) is None


def test_smallest_place_skips_origins_and_speakers_with_text():
    text = "Missiles fired from Belgorod hit Kharkiv, Moscow said."
    locs = find_places(text)
    assert [l.name for l in locs] == ["Belgorod", "Kharkiv", "Moscow"]
    assert smallest_place(locs, text).name == "Kharkiv"


def test_place_before_carries_the_last_place():
    text = "Russian forces shelled Mariupol on Monday. The city has no water."
    ctx = PlaceContext.from_text(text)
    assert ctx.place_before(text.index("The city")).name == "Mariupol"
    assert ctx.place_before(0) is None


def test_bad_entities_are_a_clear_error():
    with pytest.raises(ValueError, match="relative to the sentence"):
        find_places("Kyiv", 0, [(10, 40, "GPE")])
    with pytest.raises(TypeError):
        find_places(None)  # type: ignore[arg-type]
