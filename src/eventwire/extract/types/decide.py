"""The per-frame dispatcher: each trigger frame goes to the family whose rules type it.

Every family runs its frame's checks in the order they were written; a frame no family knows
is no event."""
from __future__ import annotations

from typing import Any, Callable, Optional

from ..triggers import TriggerHit
from .harm import _decide_harm
from .other import _decide_other
from .protest import _decide_protest
from .records import Decision
from .statements import _decide_statement
from .territory import _decide_territory
from .violence import _decide_violence

_Family = Callable[[TriggerHit, str, str, str, Any, frozenset[str]], Optional[Decision]]

_FAMILIES: dict[str, _Family] = {
    **dict.fromkeys(("STRIKE", "CLASH", "KILL", "WOUND", "DAMAGE", "SHELL", "AIR", "EXPLODE", "GRENADE",
                     "SUICIDE", "CHEM"), _decide_violence),
    **dict.fromkeys(("RETAKE", "CAPTURE", "WITHDRAW"), _decide_territory),
    **dict.fromkeys(("PROTEST", "DISPERSE", "RIOT", "MOB"), _decide_protest),
    **dict.fromkeys(("ABDUCT", "SEXUAL", "ARREST", "LOOT", "CRIME"), _decide_harm),
    **dict.fromkeys(("AGREE", "DIPLO", "ATTRIB"), _decide_statement),
    **dict.fromkeys(("DEPLOY", "DISRUPT", "BASE", "NATURAL", "MANMADE", "CYBER", "OTHER"), _decide_other),
}


def _decide(hit: TriggerHit, text: str, agent: str, patient: str, tok: Any,
            prior: frozenset[str] = frozenset()) -> Optional[Decision]:
    """(type, confidence, rule, alternative types) for one trigger, or None if it is no event."""
    family = _FAMILIES.get(hit.frame)
    if family is None:
        return None
    return family(hit, text, agent, patient, tok, prior)
