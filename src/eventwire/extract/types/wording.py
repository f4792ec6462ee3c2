"""Tests on the sentence's wording that several frame families share: is a protest being held,
the sentence without its closing attribution, the words after a trigger, inside a quotation."""
from __future__ import annotations

import re


def _protest_context(text: str) -> bool:
    # "to protest the policy" is a motive, not a protest being held.
    return re.search(r"(?<!\bto )\b(?:protest\w*|demonstrat\w+|marchers|rall(?:y|ies)|sit-ins?|strikers|picket\w*|"
                     r"dharnas?|gheraos?|bandhs?|hartals?|processions?|agitation|agitators|"
                     r"(?:blocked|blockaded|blocking) (?:the |a )?(?:\w+ ){0,2}(?:road|highway|roads|motorway|railway|national highway))\b",
                     text, re.IGNORECASE) is not None


_SOURCE_CLAUSE = re.compile(r"(?:,\s*|\s+)(?:(?:the|a|an|local|state|federal|[A-Z]\w+)\s+){0,4}"
                            r"(?:police|officials?|authorities|organisers|organizers|witnesses|residents|sources|"
                            r"ministry|army|military|spokes(?:man|woman|person))\s+(?:said|says|reported|told \w+)\W*$"
                            r"|,?\s+according to [^,.;]+\W*$", re.I)


def _without_source(text: str) -> str:
    """The sentence without its closing attribution: in "..., police said" the police only
    tell what happened."""
    return _SOURCE_CLAUSE.sub("", text)


def _after(text: str, end: int, words: int = 6) -> str:
    return " ".join(text[end:end + 80].split()[:words])


def _in_quotes(text: str, pos: int) -> bool:
    """Is ``pos`` inside a quotation opened earlier in the sentence?"""
    before = text[:pos]
    if before.rfind("“") > before.rfind("”"):
        return True
    return before.count('"') % 2 == 1
