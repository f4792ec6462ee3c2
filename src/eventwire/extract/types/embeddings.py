"""Sentence embeddings (MiniLM) against hand-written prototypes: they break ties between the
types a frame allows where the rules are unsure."""
from __future__ import annotations

from typing import Any, Optional

import numpy as np

from ..triggers import cue
from .records import _Candidate
from .wording import _protest_context

# Rule confidence below which the embedding may overrule the rule's choice among the types
# the frame allows.
EMBED_OVERRULE_BELOW = 0.6
EMBED_MARGIN = 0.08


def _sentence_embedding(sentence: Any, ctx: Any) -> Optional[np.ndarray]:
    from .. import embed as emb

    cache = ctx.extra.setdefault("_type_embeddings", {}) if ctx is not None else {}
    key = sentence.text
    if key not in cache:
        try:
            cache[key] = emb.embed([sentence.text])[0]
        except emb.EmbeddingUnavailable:
            cache[key] = None
    return cache[key]


def _embedding_scores(sentence: Any, ctx: Any) -> Optional[dict[str, float]]:
    from .. import prototypes

    v = _sentence_embedding(sentence, ctx)
    if v is None:
        return None
    order, scores = prototypes.type_scores(v[None, :])
    return dict(zip(order, scores[0].tolist()))


_WEAPON_CUE = {"air_drone_strike": "air", "shelling_artillery_missile": "shell", "remote_explosive": "remote",
               "grenade": "grenade", "suicide_bomb": "suicide", "chemical_weapon": "chem"}


_PROTEST_TYPES = {"peaceful_protest", "protest_with_intervention", "excessive_force_against_protesters",
                  "violent_demonstration"}


def _weapon_named(etype: str, text: str) -> bool:
    """Can the sentence's own words carry this type? Weapon types need their weapon, protest
    types a protest."""
    if etype == "excessive_force_against_protesters" and not (cue("state", text) or cue("police", text)):
        return False             # force on a crowd is the state's; a gunman at a rally attacks it
    if etype in _PROTEST_TYPES:
        return _protest_context(text) or cue("protesters", text)
    name = _WEAPON_CUE.get(etype)
    return name is None or cue(name, text)


def _apply_embeddings(cands: list[_Candidate], scores: dict[str, float]) -> None:
    for c in cands:
        sure = c.rule_confidence if c.rule_confidence >= 0 else c.confidence
        if sure >= EMBED_OVERRULE_BELOW or len(c.options) < 2:
            sim = scores.get(c.type)
            if sim is not None:
                c.why.append(f"embedding {c.type}={sim:.2f}")
            continue
        # The embedding may pick a weapon-specific type only where the sentence names that
        # kind of weapon: similarity alone would turn "the army killed 33 militants" into an
        # air strike.
        allowed = [t for t in c.options if t == c.type or _weapon_named(t, c.sentence_text)]
        ranked = sorted(allowed, key=lambda t: -scores.get(t, -1.0))
        best = ranked[0]
        if best != c.type and scores[best] - scores.get(c.type, 0.0) > EMBED_MARGIN:
            c.why.append(f"embedding overrules {c.type}={scores.get(c.type, 0):.2f} -> {best}={scores[best]:.2f}")
            c.type = best
            c.confidence = max(0.45, min(0.7, c.confidence + 0.1))
        else:
            c.why.append(f"embedding agrees {c.type}={scores.get(c.type, 0):.2f}")
            if best == c.type:
                c.confidence = min(0.8, c.confidence + 0.1)
