"""The MiniLM embeddings run offline and behave like sentence embeddings should."""
from __future__ import annotations

import numpy as np
import pytest

from eventwire.extract import embed, prototypes

if not embed.available():
    pytest.skip("MiniLM model packages not installed", allow_module_level=True)


def test_shape_and_unit_length():
    v = embed.embed(["Artillery shelled the town.", "", "Police arrested two men."])
    assert v.shape == (3, embed.DIM)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert embed.embed([]).shape == (0, embed.DIM)


def test_paraphrases_close_unrelated_far():
    a, b, c = embed.embed([
        "Rebels captured the town after heavy fighting.",
        "After fierce battles the insurgents took control of the town.",
        "The central bank left interest rates unchanged.",
    ])
    assert a @ b > 0.5
    assert a @ c < 0.2
    assert a @ b - a @ c > 0.4


def test_batching_does_not_change_vectors():
    texts = [f"Sentence number {i} about a protest in the capital." for i in range(40)]
    together = embed.embed(texts)
    alone = embed.embed(texts[7:8])
    assert np.allclose(together[7], alone[0], atol=1e-4)


def test_rejects_a_bare_string():
    with pytest.raises(TypeError):
        embed.embed("one sentence")


def test_prototype_scores_rank_the_right_type():
    v = embed.embed(["A drone strike killed three militants in their car."])
    order, scores = prototypes.type_scores(v)
    assert order[int(np.argmax(scores[0]))] == "air_drone_strike"
    assert set(prototypes.PROTOTYPES) == set(prototypes.DESCRIPTIONS)
