"""What the typing steps pass along: the ``Mention`` reported to the event assembler, the
``_Candidate`` a trigger becomes while the rules work on it, and the type sets several steps
consult."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ... import taxonomy
from ..triggers import TriggerHit

Span = tuple[int, int]
# What a frame family decides for one trigger: (type, confidence, rule, alternative types).
Decision = tuple[str, float, str, list[str]]

_VIOLENT = {
    "armed_clash", "chemical_weapon", "air_drone_strike", "suicide_bomb", "shelling_artillery_missile",
    "remote_explosive", "grenade", "attack", "sexual_violence", "abduction_forced_disappearance",
    "excessive_force_against_protesters", "mob_violence", "violent_demonstration", "organized_crime",
    "looting_property_destruction", "government_regains_territory", "non_state_actor_overtakes_territory",
}
_VIOLENT_PARENTS = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
_WEAPON_TYPES = ["suicide_bomb", "chemical_weapon", "air_drone_strike", "shelling_artillery_missile",
                 "remote_explosive", "grenade"]


@dataclass
class Mention:
    type: str
    confidence: float
    trigger: Span                      # relative to the sentence
    why: list[str] = field(default_factory=list)
    agent: Optional[Span] = None       # actor phrase that acts, relative to the sentence
    patient: Optional[Span] = None     # actor/target phrase acted on
    frame: str = ""
    trigger_text: str = ""

    def __post_init__(self) -> None:
        if self.type not in taxonomy.EVENT_TYPES:
            raise ValueError(f"unknown event type {self.type!r}; expected one of taxonomy.EVENT_TYPES")


@dataclass
class _Candidate:
    hit: TriggerHit
    type: str
    confidence: float
    why: list[str]
    options: list[str]                 # types the frame allows, for the embedding to choose among
    agent: Optional[Span] = None
    patient: Optional[Span] = None
    token: Any = None
    sentence_text: str = ""
    rule_confidence: float = -1.0      # before discounts: how sure the typing rule itself was


# A marker in the article's prior (not a type): the story is of a war between two states.
INTERSTATE_WAR = "context:interstate-war"
