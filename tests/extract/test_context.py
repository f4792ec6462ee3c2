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


def test_paragraphs_are_numbered():
    text = "Shelling hit Kharkiv.\nTalks resumed in Minsk."
    assert [p for _, _, p in split_sentences(text)] == [0, 1]
