"""Numbers as news states them: digits, words, vague amounts, ranges, qualifiers, exclusions."""
import pytest

from eventwire.extract.numbers import find_numbers, parse_number_words


def values(text):
    return [(n.value, n.low, n.high, n.qualifier) for n in find_numbers(text)]


@pytest.mark.parametrize("text,expected", [
    ("Gunmen killed 4,300 villagers in Zamfara.", [(4300, 4300, 4300, "exact")]),
    ("The UN says 4.3 million people have fled Sudan.", [(4_300_000, 4_300_000, 4_300_000, "exact")]),
    ("Some 1.5m Syrians remain in camps.", [(1_500_000, 1_500_000, 1_500_000, "about")]),
    ("Seven police officers died in Guerrero.", [(7, 7, 7, "exact")]),
    ("twenty-five soldiers were captured", [(25, 25, 25, "exact")]),
    ("a hundred people fled Mosul", [(100, 100, 100, "exact")]),
    ("two thousand five hundred families were displaced", [(2500, 2500, 2500, "exact")]),
    ("a dozen fighters surrendered", [(12, 12, 12, "exact")]),
])
def test_digits_and_words(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text,value,qualifier", [
    ("hundreds of people were arrested in Tehran", 100, "at_least"),
    ("thousands fled Maiduguri", 1000, "at_least"),
    ("dozens of civilians were wounded", 12, "at_least"),
    ("scores of protesters were injured", 20, "at_least"),
    ("tens of thousands marched in Bogotá", 10_000, "at_least"),
    ("hundreds of thousands of people without power", 100_000, "at_least"),
    ("several thousand members surrendered", 1000, "at_least"),
    ("more than a dozen gunmen", 12, "at_least"),
    ("the last hundred or so people fled", 100, "about"),
])
def test_vague_amounts(text, value, qualifier):
    (n,) = find_numbers(text)
    assert (n.value, n.qualifier) == (value, qualifier)


def test_several_and_a_few_alone_are_not_numbers():
    assert find_numbers("several people and a few soldiers were hurt") == []


@pytest.mark.parametrize("text,qualifier", [
    ("at least 21 people", "at_least"), ("more than 1,800 people", "at_least"),
    ("over 200 hostages", "at_least"), ("upwards of 40 fighters", "at_least"),
    ("in excess of 300 homes", "at_least"), ("some 12,000 troops", "about"),
    ("around 50 bodies", "about"), ("nearly 3,000 servicemen", "about"),
    ("almost 400 people", "about"), ("approximately 90 houses", "about"),
    ("an estimated 3 million people", "about"), ("roughly 70 militants", "about"),
    ("up to 80 tanks", "up_to"), ("as many as 100,000 people", "up_to"),
    ("50 or more people", "at_least"), ("1,500+ people", "at_least"),
])
def test_qualifiers(text, qualifier):
    (n,) = find_numbers(text)
    assert n.qualifier == qualifier


@pytest.mark.parametrize("text,low,high", [
    ("between 20 and 30 people were killed", 20, 30),
    ("20 to 30 people", 20, 30),
    ("20-30 people", 20, 30),
    ("two or three soldiers", 2, 3),
    ("Between three and five civilians were killed", 3, 5),   # "and" is no sum here
])
def test_ranges(text, low, high):
    (n,) = find_numbers(text)
    assert (n.value, n.low, n.high) == (low, low, high)
    assert n.qualifier == "about"


@pytest.mark.parametrize("text", [
    "In 2024, the talks resumed.",                       # year
    "The attack happened on 3 March and on March 4.",    # dates
    "Shelling started at 4pm and again at 10:30.",       # times
    "Men aged 18 to 60 may not leave.",                  # ages
    "An 11-year-old girl and a man, 45, were hurt.",     # ages
    "Ollie Hall, 24, died in Raqqa.",                    # age apposition
    "The package is worth $1.5bn or 300 million euros.", # money
    "Prices rose 15% and turnout was 40 percent.",       # percentages
    "The 93rd brigade and the 1st battalion advanced.",  # ordinals
    "Call +380 44 123 4567 for help.",                   # phone number
    "T-72 tanks, Su-25 jets and F-16s were seen.",       # model names
    "They fired 155mm shells and 122-mm rockets.",       # calibres
    "A 30-day ceasefire along the 500-mile border.",     # measures as adjectives
    "Article 5 of the treaty and Resolution 2254.",      # identifiers
])
def test_exclusions(text):
    assert find_numbers(text) == []


def test_offsets_point_at_the_number():
    text = "Officials said at least 63 people died."
    (n,) = find_numbers(text)
    assert text[n.start:n.end] == "63"
    assert text[n.qualifier_start:n.start].strip() == "at least"


def test_parse_number_words():
    assert parse_number_words("one hundred and fifty") == 150
    assert parse_number_words("two dozen") == 24
    assert parse_number_words("forty-two") == 42
    assert parse_number_words("banana") is None


def test_and_inside_a_number_only_after_a_scale():
    assert [n.value for n in find_numbers("one hundred and fifty people")] == [150]
    assert [n.value for n in find_numbers("two thousand and six people")] == [2006]
    assert [n.value for n in find_numbers("three and five")] == [3, 5]


def test_no_one_is_no_number():
    assert [n.value for n in find_numbers("No one was hurt, but one soldier was killed.")] == [1]
    assert [n.value for n in find_numbers("Not one building was left standing.")] == []
