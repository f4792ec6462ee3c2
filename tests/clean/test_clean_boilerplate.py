"""The cleaner cuts page noise in paragraph and flattened form, and keeps news, including news
that quotes people saying "we", "you" and "please"."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from eventwire.clean import EncodingProblem, clean_text, decode_bytes
from eventwire.clean.html import fragment_text

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("cleaner_quality", ROOT / "benchmarks" / "cleaner_quality.py")
quality = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(quality)

LEDE = ("Russian forces shelled the port city of Mykolaiv overnight, killing two civilians, "
        "the regional governor said on Wednesday.")
QUOTE = ("\"We need your support, we need weapons,\" the mayor told reporters. \"Please help us "
         "keep the city alive.\"")


def test_paragraph_noise_is_cut_and_news_kept():
    text = "\n\n".join(["Skip to content", "Menu", LEDE, "Share on Facebook | Share on Twitter",
                        QUOTE, "Advertisement", "Read more: Ukraine war latest",
                        "We use cookies to improve your experience. Accept all cookies",
                        "Photograph: Maria Bondar/AFP", "© 2022 Southern Wire"])
    result = clean_text(text)
    assert result.text == LEDE + "\n\n" + QUOTE
    assert {c.kind for c in result.cuts} >= {"nav", "share", "advert", "related", "cookie", "credit",
                                             "copyright"}
    assert result.boilerplate_removed


def test_glued_noise_in_a_flattened_page():
    blob = (f"{LEDE} A destroyed shop in Mykolaiv. Photograph: Ivan Lysenko/Reuters The governor said "
            "the strikes hit a school. Mykolaiv under fire: a city waitsRead more  Officials said power "
            "was restored. 02:10Drone footage shows damage in Mykolaiv – video Ukraine's army said it "
            "shot down four drones. Advertisement The city council said 30 homes were damaged.")
    result = clean_text(blob)
    for kept in (LEDE, "The governor said the strikes hit a school.", "Officials said power was restored.",
                 "Ukraine's army said it shot down four drones.", "The city council said 30 homes were damaged."):
        assert kept in result.text
    for cut in ("Photograph", "A destroyed shop", "Read more", "a city waits", "video", "Advertisement"):
        assert cut not in result.text


def test_appeal_run_at_tail_is_cut_but_quoted_appeal_kept():
    text = "\n\n".join([LEDE, QUOTE,
                        "The aid agency appealed for donations to repair the water network.",
                        "Thank you for reading. Our journalism is funded by readers like you.",
                        "Please consider a donation today: even $1 helps us keep our reporters in Ukraine.",
                        "We couldn't do it without you."])
    result = clean_text(text)
    assert result.text.split("\n\n") == [LEDE, QUOTE,
                                         "The aid agency appealed for donations to repair the water network."]
    assert [c.kind for c in result.cuts] == ["appeal"] * 3


def test_title_lifted_not_counted_as_boilerplate():
    result = clean_text("Two Killed in Mykolaiv Shelling\n\n" + LEDE)
    assert result.title == "Two Killed in Mykolaiv Shelling"
    assert result.text == LEDE and not result.boilerplate_removed
    given = clean_text("Two killed in Mykolaiv shelling\n" + LEDE, title="Two killed in Mykolaiv shelling")
    assert given.text == LEDE


def test_clean_text_without_noise_is_unchanged():
    text = f"{LEDE}\n\n{QUOTE}"
    result = clean_text(text)
    assert result.text == text and result.cuts == []


def test_fragment_text_keeps_paragraphs():
    assert fragment_text("<p>One.</p><p>Two <b>bold</b>.</p>") == "One.\nTwo bold."


def test_decode_bytes():
    assert decode_bytes("Kyiv – café".encode("utf-8")).text == "Kyiv – café"
    assert decode_bytes("Kyiv café, said the owner of the shop on the main square.".encode("cp1252")).text.endswith("square.")
    assert decode_bytes("\ufeffKyiv".encode("utf-16")).text == "\ufeffKyiv".encode("utf-16").decode("utf-16")
    with pytest.raises(EncodingProblem) as mixed:
        decode_bytes("Kyiv – ".encode("utf-8") + "café".encode("cp1252"))
    assert mixed.value.reason == "mixed_encoding" and "offset" in mixed.value.detail
    with pytest.raises(EncodingProblem) as binary:
        decode_bytes(b"%PDF-1.7 ...")
    assert binary.value.reason == "binary"


def test_labelled_set_precision_and_recall():
    result = quality.score(quality.labelled_documents())
    assert result["paragraphs"] >= 60 and result["boilerplate"] >= 30
    assert result["precision"] >= 0.95, result["errors"]
    assert result["recall"] >= 0.85, result["errors"]


@pytest.mark.skipif(not (quality.SHARED / "dev" / "articles.jsonl").is_file(), reason="needs ../shared/dev")
def test_every_gold_evidence_sentence_survives_cleaning():
    result = quality.gold_survival()
    assert result["evidence_kept"] == result["evidence_total"] > 300, result["lost"]
    assert result["flag_recall"] >= 0.9 and result["flag_precision"] >= 0.8


def test_one_appeal_sentence_glued_into_news_costs_only_itself():
    glued = ("The stakes have never been higher, and our need for your support has never been greater. "
             + LEDE + " Rescuers worked through the night, officials said.")
    result = clean_text("\n\n".join([glued, "Please make a donation today and help us keep going."]))
    assert result.text == LEDE + " Rescuers worked through the night, officials said."
