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


def test_a_named_island_is_smaller_than_the_sea_it_lies_in():
    text = "Troops landed on the Black Sea island Zmiinyi, better known as Snake Island."
    spans = [(text.index(n), text.index(n) + len(n), "LOC") for n in ("Black Sea", "Snake Island")]
    locs = find_places(text, 0, spans)
    assert {l.name for l in locs} >= {"Black Sea", "Snake Island"}
    assert smallest_place(locs).name == "Snake Island"


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


# --- person names, common words and prominence (regressions from whole-pipeline output) ---

def _in_article(article: str, sentence: str, ents=None):
    """Places of a sentence that closes an article, under the article's context."""
    text = article + " " + sentence
    ctx = PlaceContext.from_text(text)
    return find_places(sentence, text.rindex(sentence), ents, ctx)


def test_a_surname_seen_in_a_full_name_is_not_a_place():
    article = ("Kurdish-led fighters pushed into the last Isis pocket in eastern Syria on "
               "Sunday. SDF commander Memo Wan said the advance had slowed. "
               "Wan said mines had been laid on every road.")
    ctx = PlaceContext.from_text(article)
    assert "wan" in ctx.persons and ctx.main_country == "SYR"
    assert _in_article(article, "Wan said mines had been laid on every road.") == []


def test_a_speaking_name_is_not_a_far_off_town_even_without_context():
    assert find_places("Wan said the talks had failed.") == []
    assert find_places("Kabul said the talks had failed.")[0].country == "AFG"   # a capital


@pytest.mark.parametrize("article,sentence", [
    ("Russian President Vladimir Putin addressed the nation from Moscow. Ukraine braced for "
     "more strikes.", "Putin warned the West against interfering."),
    ("Ukrainian President Volodymyr Zelenskyy visited troops near Bakhmut.",
     "Later Zelenskyy thanked the soldiers."),
    ("The Isis leader Abu Bakr al-Baghdadi has not been seen since 2019, Iraqi and Syrian "
     "officials say.", "A planned raid against Baghdadi was called off."),
    ("Isis put a price on the head of Abu Muath al-Jazairi, a veteran fighter in Syria.",
     "Fighters loyal to al-Jazairi fled south."),
    ("The coroner, Mr Horsley, opened the inquest into the death of a British aid worker "
     "killed in Ukraine.", "Horsley adjourned the hearing until June."),
])
def test_people_named_in_the_article_are_not_places(article, sentence):
    assert _in_article(article, sentence) == []


def test_strong_evidence_still_makes_a_person_tagged_name_a_place():
    ctx = PlaceContext(countries={"UKR": 4.0})
    text = "Russian shells hit homes in Sumy overnight."
    s = text.index("Sumy")
    assert names(find_places(text, 0, [(s, s + 4, "PERSON")], ctx)) == [("Sumy", "UKR", 1)]
    # a PERSON tag and no tie to the article's countries: a far-off namesake never wins
    text = "Madaki met the delegates at noon."
    assert find_places(text, 0, [(0, 6, "PERSON")], ctx) == []


@pytest.mark.parametrize("sentence", [
    "One resident said the barrage was like Star Wars above her head.",
    "Rest assured, the ceasefire will hold, the minister said.",
    "NISA officers detained the suspects, the agency said.",
    "Swift action was promised by the council.",
    "The aid was announced by Human Rights Watch and the Red Cross on Monday.",
])
def test_common_words_and_acronyms_are_not_places(sentence):
    assert find_places(sentence, context=PlaceContext(countries={"SOM": 3.0, "UKR": 3.0})) == []


def test_a_capital_in_capitals_at_a_dateline_is_kept():
    locs = find_places("QUETTA, Pakistan — Gunmen killed seven labourers overnight.")
    assert names(locs)[:2] == [("QUETTA", "PAK", 1), ("Pakistan", "PAK", 3)]


@pytest.mark.parametrize("article,sentence,iso3", [
    ("Ukraine said Russia had fired 40 missiles. Kyiv came under heavy bombardment.",
     "It recalled the siege of Sarajevo three decades earlier.", "BIH"),
    ("US envoys and Ukrainian officials will meet again, the US State Department said.",
     "The next round of talks will be held in Madrid.", "ESP"),
    ("Kurdish forces in Syria said Isis fighters had attacked their positions.",
     "Reinforcements arrived from Baghdad on Tuesday.", "IRQ"),
])
def test_a_world_city_named_outright_beats_a_village_of_the_articles_country(
        article, sentence, iso3):
    locs = _in_article(article, sentence)
    assert [l.country for l in locs] == [iso3]


def test_a_lookalike_in_a_country_mentioned_in_passing_is_not_taken():
    article = ("Syrian government forces shelled rebel-held towns on Monday, the Syrian "
               "Observatory said. Russia backs the Syrian government. Syria denied it.")
    sentence = "US missiles struck the al-Shayrat airbase last year."
    locs = _in_article(article, sentence)
    assert all(l.country in (None, "SYR") for l in locs)


def test_broad_regions_are_kept_by_name_unresolved():
    text = "The group has spread across north Africa and the Middle East."
    a, b = text.index("north"), text.index("Middle")
    locs = find_places(text, 0, [(a, a + 12, "LOC"), (b, b + 11, "LOC")])
    assert [(l.name, l.country) for l in locs] == [("north Africa", None), ("Middle East", None)]
    assert find_places("Clashes spread across the Middle East.") == []


def test_place_context_is_cheap():
    import time
    paragraph = ("Russian forces shelled Kharkiv and Izium on Monday, the governor said. "
                 "President Volodymyr Zelenskyy said Ukraine would not cede the Donbas. "
                 "In Syria, airstrikes hit Idlib and Maarat al-Numan; the Syrian Observatory "
                 "said 12 people died. Talks in Doha and Geneva stalled, US officials said. ")
    text = paragraph * 25                       # about 1,400 words, like a long report
    PlaceContext.from_text(paragraph)           # warm the gazetteer
    t = time.perf_counter()
    ctx = PlaceContext.from_text(text)
    took = time.perf_counter() - t
    assert len(ctx.mentions) >= 25 * 6 and {"UKR", "SYR", "QAT"} <= set(ctx.countries)
    assert took < 1.5, f"PlaceContext.from_text took {took:.2f} s for {len(text.split())} words"


@pytest.mark.parametrize("sentence,name", [
    ("Putin signed the decree on Friday.", "Putin"),
    ("Zelenskyy thanked the troops.", "Zelenskyy"),
])
def test_a_leader_that_ner_tags_as_a_place_is_no_lookalike_town(sentence, name):
    ctx = PlaceContext(countries={"UKR": 6.0, "RUS": 4.0, "CHN": 1.0, "UZB": 1.0})
    s = sentence.index(name)
    assert find_places(sentence, 0, [(s, s + len(name), "GPE")], ctx) == []


@pytest.mark.parametrize("sentence,expected", [
    # the gazetteer's only Charlevoix is in Michigan: the province after the comma decides
    ("Foreign ministers met in Charlevoix, Quebec, on Friday.",
     [("Charlevoix", "CAN", 2), ("Quebec", "CAN", 2)]),
    ("Clashes broke out in Tripoli, Lebanon, on Saturday.",
     [("Tripoli", "LBN", 1), ("Lebanon", "LBN", 3)]),
    ("A rally was held in Paris, Texas, by veterans.", [("Paris", "USA", 1), ("Texas", "USA", 2)]),
])
def test_a_region_or_country_after_a_comma_places_the_town(sentence, expected):
    ctx = PlaceContext(countries={"LBY": 2.0, "FRA": 1.0, "USA": 1.0})
    assert names(find_places(sentence, context=ctx)) == expected


# -- tokens are read once per article and sliced for each sentence ----------------------------
_ARTICLE = ("KHARKIV, Ukraine — Russian forces shelled Kharkiv's northern districts overnight, "
            "the region's governor, Oleh Synehubov, said. \"Two people were killed,\" he added.\n"
            "In al-Bab, near the U.S. base, O'Neill's convoy was hit. Officials in Deir ez-Zor "
            "said the strikes continued.")


def _tok_tuples(toks):
    return [(t.start, t.end, t.text, t.low, t.cap, t.upper) for t in toks]


def test_sentence_tokens_sliced_from_the_article_match_fresh_tokenising():
    from eventwire.extract.context import split_sentences
    from eventwire.extract.places import _tokens

    ctx = PlaceContext.from_text(_ARTICLE)
    spans = split_sentences(_ARTICLE)
    assert len(spans) >= 4
    for s, e, _ in spans:
        sentence = _ARTICLE[s:e]
        assert _tok_tuples(ctx.tokens_of(sentence, s)) == _tok_tuples(_tokens(sentence))


def test_tokens_mid_word_or_elsewhere_fall_back_to_fresh_tokenising():
    from eventwire.extract.places import _tokens, _tokens_within

    ctx = PlaceContext.from_text(_ARTICLE)
    start = _ARTICLE.index("harkiv's")                     # starts inside a word
    piece = _ARTICLE[start:start + 30]
    assert _tokens_within(_ARTICLE, ctx._toks, ctx._starts, piece, start) is None
    assert _tok_tuples(ctx.tokens_of(piece, start)) == _tok_tuples(_tokens(piece))
    other = "Shelling hit Sumy."                              # not this article's text
    assert _tok_tuples(ctx.tokens_of(other, 0)) == _tok_tuples(_tokens(other))


def test_tokens_strip_possessives_and_final_periods_but_keep_abbreviations():
    from eventwire.extract.places import _tokens

    toks = _tokens("Kharkiv's mayor met the U.S. envoy in al-Bab and Kyiv’s.")
    words = [t.text for t in toks]
    assert words == ["Kharkiv", "mayor", "met", "the", "U.S.", "envoy", "in", "al-Bab", "and", "Kyiv"]
    assert [(t.text, t.cap) for t in toks if t.text in ("al-Bab", "met")] == [("met", False), ("al-Bab", True)]
    assert toks[0].end == len("Kharkiv")


def test_a_kunya_names_a_person_not_a_town():
    from eventwire.extract import places
    text = "Isis has offered a reward to whomever kills Abu Muath al-Jazairi, a veteran fighter."
    ents = [(44, 64, "FAC")]
    assert text[44:64] == "Abu Muath al-Jazairi"
    assert places.find_places(text, ents=ents) == []
    found = places.find_places("Fighting raged in Abu Kamal and Umm Qasr on Monday.")
    assert [(p.name, p.country) for p in found] == [("Abu Kamal", "SYR"), ("Umm Qasr", "IRQ")]


def test_a_kind_word_does_not_vouch_for_a_far_country_the_article_never_names():
    from eventwire.extract.places import PlaceContext, find_places
    text = ("Insurgents attacked Macomia in Cabo Delgado, Mozambique, on Monday. Three civilians "
            "were killed in Chai village, and fighters burned homes in Mucojo.")
    ctx = PlaceContext.from_text(text)
    found = find_places(text, 0, None, ctx)
    assert all(loc.country in (None, "MOZ") for loc in found), [(l.name, l.country) for l in found]


def test_demonyms_of_the_attacker_do_not_outweigh_the_country_where_it_happens():
    from eventwire.extract.places import PlaceContext
    text = ("Israeli warplanes struck Tyre in Lebanon. Israeli drones hit Nabatieh. Israeli troops "
            "advanced near Khiam. The Israeli army said it hit more sites in Lebanon, and Israeli "
            "shelling killed three people, Israeli media reported.")
    assert PlaceContext.from_text(text).main_country == "LBN"


def test_a_country_named_as_an_adjective_weighs_as_a_demonym():
    from eventwire.extract.places import PlaceContext
    text = ("Afghanistan's Taliban praised the withdrawal of U.S. and NATO troops. U.S. President "
            "Joe Biden set a deadline for U.S. troops; U.S. commanders say it is on track and U.S. "
            "officials blamed the Taliban for violence in Afghanistan, where a blast hit Kabul.")
    assert PlaceContext.from_text(text).main_country == "AFG"
