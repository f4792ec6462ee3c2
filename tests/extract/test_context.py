"""Sentence splitting: abbreviations and initials do not end a sentence; a closing word does."""
from eventwire.extract.context import split_sentences


def sentences(text):
    return [text[s:e] for s, e, _ in split_sentences(text)]


def test_initials_and_titles_do_not_split():
    text = "President George W. Bush met Gen. Petraeus in Baghdad. Talks lasted an hour."
    assert sentences(text) == ["President George W. Bush met Gen. Petraeus in Baghdad.",
                               "Talks lasted an hour."]


def test_a_single_capital_before_a_sentence_opener_ends_the_sentence():
    text = "He wrote on the platform X. The ministers met on Friday."
    assert sentences(text) == ["He wrote on the platform X.", "The ministers met on Friday."]


def test_an_embedded_tweet_ends_at_its_signature():
    text = ("Looks like Russian spetsnaz at the SBU building in Melitopol. https://t.co/Tx "
            "pic.twitter.com/Xy\u2014 Rob Lee (@RALee85) February 25, 2022 Fighting was reported "
            "around Kherson. Mr. Smith said so.")
    assert sentences(text)[1:] == ["Fighting was reported around Kherson.", "Mr. Smith said so."]
    assert sentences(text)[0].endswith("(@RALee85) February 25, 2022")


def test_paragraphs_are_numbered():
    text = "Shelling hit Kharkiv.\nTalks resumed in Minsk."
    assert [p for _, _, p in split_sentences(text)] == [0, 1]


import pytest as _pytest

from eventwire.extract.context import dateline_end


@_pytest.mark.parametrize("text,prefix", [
    ("MOGADISHU, March 18 (Horn Wire) - Al-Shabaab fighters seized", "MOGADISHU, March 18 (Horn Wire) - "),
    ("KYIV, Ukraine (AP) — Russian forces", "KYIV, Ukraine (AP) — "),
    ("PESHAWAR: Security forces killed", "PESHAWAR: "),
    ("SANAA/ADEN — Israeli warplanes struck", "SANAA/ADEN — "),
    ("NATO said on Monday", ""),
    ("UN: 40 killed in Goma", ""),
])
def test_datelines_are_recognised(text, prefix):
    assert text[:dateline_end(text)] == prefix
