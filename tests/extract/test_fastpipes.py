"""The fast attribute ruler and lemmatizer must give the stock components' output, token by token."""
import json
from pathlib import Path

import pytest
import spacy

from eventwire.extract.fastpipes import FastAttributeRuler, FastLemmatizer, accelerate
from eventwire.extract.pipeline import MODEL

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

# Each line exercises a rule the matcher applies beyond the plain tag map: "there is/are"
# (a two-token pattern), "it" as object, auxiliaries, "got"/"gets" lemmas, "that" as pronoun,
# runs of whitespace, a name the lemmatizer must leave alone.
TEXTS = [
    "There are at least 12 people dead after the strike, and there were more in the rubble.",
    "Russian forces shelled it overnight; the mayor said they had hit it twice.",
    "The army gets reinforcements and got two more brigades, officials said.",
    "That was the deadliest attack since 2014, and that is what they feared.",
    "Residents   fled\n\nthe town of  Avdiivka  \t as drones struck.",
    "Did the militia do it? They didn't, the ministry said, but it has been done before.",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def models():
    return spacy.load(MODEL), accelerate(spacy.load(MODEL))


def _signature(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_)
            for t in doc]


def _texts():
    texts = list(TEXTS)
    path = SHARED / "dev-world" / "articles.jsonl"
    if path.exists():
        texts += [json.loads(line)["text"][:3000] for line in path.open()][:4]
    return texts


def test_swaps_in_the_fast_components(models):
    _, fast = models
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), FastLemmatizer)
    assert fast.pipe_names == spacy.load(MODEL).pipe_names


def test_same_output_as_the_stock_model(models):
    stock, fast = models
    texts = _texts()
    # Twice: the second pass runs from the fast components' caches.
    for _ in range(2):
        for a, b in zip(stock.pipe(texts), fast.pipe(texts)):
            assert _signature(a) == _signature(b), a.text[:80]


def test_two_token_and_lemma_rules_are_applied(models):
    _, fast = models
    doc = fast("There are two. He got it and gets it.")
    assert doc[1].pos_ == "VERB"          # "are" after expletive "there": the two-token rule
    assert [t.lemma_ for t in doc if t.lower_ in ("got", "gets")] == ["get", "get"]
