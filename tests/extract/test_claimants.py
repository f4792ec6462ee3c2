"""Who states a sentence's content: said/according to/verb subjects, quotes, pronouns."""
import pytest

from eventwire.extract.claimants import find_claimant
from eventwire.extract.context import build_context
from eventwire.records import Article


def claimants_of(text):
    ctx = build_context(Article(id="t", text=text, published="2024-05-02"))
    out = []
    for s in ctx.sentences:
        c = find_claimant(ctx, s)
        if c is not None:
            assert ctx.text[c.evidence.start:c.evidence.end] == c.evidence.text
        out.append(c.name if c else None)
    return out


@pytest.mark.parametrize("text,name", [
    ("At least 12 people were killed in Kaduna, police spokesman Mansir Hassan said.",
     "Mansir Hassan"),
    ("Five soldiers died in the ambush, according to the Iraqi defence ministry.",
     "Iraqi defence ministry"),
    ("The UN refugee agency has said 100,000 people fled their homes.", "UN refugee agency"),
    ("Ukraine's deputy defence minister Hanna Malyar estimated that 4,300 soldiers died.",
     "Hanna Malyar"),
    ("The governor of Kharkiv, Oleh Synyehubov, said two people were wounded.",
     "Oleh Synyehubov"),
    ("Ukrainian officials claimed nearly 3,000 servicemen had been killed.", "Ukrainian officials"),
    ("Mexican officials confirmed Friday that 13 police officers died.", "Mexican officials"),
    ("Nine miners were abducted, said Zamfara state commissioner Ibrahim Dosara.",
     "Ibrahim Dosara"),
    ("OVD-Info, which monitors arrests, said more than 1,800 people had been detained.",
     "OVD-Info"),
    ("In a news briefing, Lieutenant General Ahmed Sharif Chaudhry said 18 soldiers died.",
     "Ahmed Sharif Chaudhry"),
    ("The death toll rose to 63, according to the latest update from the health ministry.",
     "health ministry"),
    # Liveblog lines: a time stamp is not the speaker; "Body: ..." and "X's toll:" give it.
    ("09:40 Lebanon's health ministry says a drone strike on a car in Jiyeh killed two people.",
     "Lebanon's health ministry"),
    ("11:45 Lebanese army: one soldier killed when an air strike hit a checkpoint near Tyre.",
     "Lebanese army"),
    ("The health ministry's cumulative toll: 3,050 people killed and 13,600 wounded.",
     "health ministry"),
])
def test_single_sentence(text, name):
    assert claimants_of(text) == [name]


def test_own_voice_has_no_claimant():
    assert claimants_of("A car bomb exploded near a checkpoint in Mogadishu, killing seven.") == [None]
    assert claimants_of("About 18 people are believed to have been killed.") == [None]


def test_pronoun_takes_the_last_named_speaker():
    text = ("Abdullahi Hassan, the district commissioner, said the attack began at dawn. "
            "He said 14 people were killed.")
    assert claimants_of(text) == ["Abdullahi Hassan", "Abdullahi Hassan"]


def test_quote_over_several_sentences_takes_its_attribution():
    text = ("“They came at night. Two people were killed. We buried them at once,” a village "
            "elder told reporters. The army has not commented.")
    names = claimants_of(text)
    assert names[:3] == ["village elder"] * 3
    assert names[3] is None


def test_quote_opened_with_the_attribution_before_it():
    text = ("The mayor, Ana López, said: “Eight houses burned. Nobody is safe here.” "
            "Rain fell later.")
    names = claimants_of(text)
    assert names[0] == "Ana López" and names[1] == "Ana López" and names[2] is None


def test_the_group_resolves_to_the_named_group():
    text = ("Al-Shabab fighters stormed a hotel in Beledweyne. "
            "In a statement, the group said it had killed more than 10 people.")
    assert claimants_of(text)[1] == "Al-Shabab"


def test_reporting_verbs_grouped_by_first_letter_match_like_the_flat_list():
    import re

    from eventwire.extract import claimants

    flat = re.compile(rf"\b(?:has\s+|also\s+)*(?P<verb>{claimants._VERBS})\b", re.IGNORECASE)
    grouped = re.compile(rf"\b(?:has\s+|also\s+)*(?P<verb>{claimants._by_first_letter(claimants._VERBS)})\b",
                         re.IGNORECASE)
    for text in ["The ministry SAID on Monday it has also claimed the strike.",
                 "Officials, according to Reuters, have said that 12 died; police says otherwise.",
                 "The governor told reporters he estimated the toll; she posted and quoted it.",
                 "Nobody spoke."]:
        assert [(m.span(), m.group("verb")) for m in flat.finditer(text)] == \
            [(m.span(), m.group("verb")) for m in grouped.finditer(text)]
    with pytest.raises(ValueError):
        claimants._by_first_letter(r"said|tell(?:s)?")


def test_a_dateline_before_a_colon_is_no_speaker():
    assert claimants_of("Kyiv: three killed in an overnight strike on the capital.") == [None]
