"""Event detector and typer (CODEBOOK §2, §3).

A sentence is scanned for trigger words (``triggers.LEXICON``); each trigger that the modality
check (``modality.py``) lets through is typed by rules that look at the trigger's frame, the
weapon named, the actors and the target — the PETRARCH way, so that every decision can be
traced in ``Mention.why``. Sentence embeddings (MiniLM) against hand-written prototypes break
ties between the types a frame allows when the rules are unsure.

Interface for the event assembler:
    needs_parse(text) -> bool
    detect(sentence, ctx) -> list[Mention]

The steps, one module each, in the order a trigger meets them:
    detection   triggers -> candidates -> filters -> merge -> embeddings -> mentions
    arguments   agent and patient phrases of a trigger
    reportable  does the trigger tell a new happening, or only name one?
    decide      frame -> family of rules: violence, territory, protest, harm, statements, other
    merge       one candidate per happening; tolls and tallies are figures, not events
    embeddings  prototypes break ties where the rules are unsure
    records     Mention, _Candidate and the shared type sets; wording: shared sentence tests
"""
from __future__ import annotations

from .detection import GOVERNED_DISCOUNT, detect, detect_all, detect_text, needs_parse, top_type
from .embeddings import EMBED_MARGIN, EMBED_OVERRULE_BELOW
from .records import Mention, Span

__all__ = [
    "EMBED_MARGIN", "EMBED_OVERRULE_BELOW", "GOVERNED_DISCOUNT", "Mention", "Span",
    "detect", "detect_all", "detect_text", "needs_parse", "top_type",
]
