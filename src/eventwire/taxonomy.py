"""The codebook's closed vocabularies (CODEBOOK.md sections 1, 2 and 4), defined once."""
from __future__ import annotations

# Event type id -> ACLED parent event type (the "parent" column of the codebook).
EVENT_TYPES: dict[str, str] = {
    "armed_clash": "Battles",
    "government_regains_territory": "Battles",
    "non_state_actor_overtakes_territory": "Battles",
    "chemical_weapon": "Explosions/Remote violence",
    "air_drone_strike": "Explosions/Remote violence",
    "suicide_bomb": "Explosions/Remote violence",
    "shelling_artillery_missile": "Explosions/Remote violence",
    "remote_explosive": "Explosions/Remote violence",
    "grenade": "Explosions/Remote violence",
    "sexual_violence": "Violence against civilians",
    "attack": "Violence against civilians",
    "abduction_forced_disappearance": "Violence against civilians",
    "peaceful_protest": "Protests",
    "protest_with_intervention": "Protests",
    "excessive_force_against_protesters": "Protests",
    "violent_demonstration": "Riots",
    "mob_violence": "Riots",
    "agreement": "Strategic developments",
    "arrests": "Strategic developments",
    "change_to_group_activity": "Strategic developments",
    "disrupted_weapons_use": "Strategic developments",
    "headquarters_or_base_established": "Strategic developments",
    "looting_property_destruction": "Strategic developments",
    "non_violent_transfer_of_territory": "Strategic developments",
    "other": "Strategic developments",
    # The five CASE-2021 types ACLED leaves out have no ACLED parent: each is its own parent.
    "diplomacy": "Diplomacy",
    "attribution": "Attribution",
    "organized_crime": "Organized crime",
    "natural_disaster": "Natural disaster",
    "man_made_disaster": "Man-made disaster",
}

# ACLED's sub-event labels, for the ACLED-style CSV export.
ACLED_SUB_EVENT: dict[str, str] = {
    "armed_clash": "Armed clash",
    "government_regains_territory": "Government regains territory",
    "non_state_actor_overtakes_territory": "Non-state actor overtakes territory",
    "chemical_weapon": "Chemical weapon",
    "air_drone_strike": "Air/drone strike",
    "suicide_bomb": "Suicide bomb",
    "shelling_artillery_missile": "Shelling/artillery/missile attack",
    "remote_explosive": "Remote explosive/landmine/IED",
    "grenade": "Grenade",
    "sexual_violence": "Sexual violence",
    "attack": "Attack",
    "abduction_forced_disappearance": "Abduction/forced disappearance",
    "peaceful_protest": "Peaceful protest",
    "protest_with_intervention": "Protest with intervention",
    "excessive_force_against_protesters": "Excessive force against protesters",
    "violent_demonstration": "Violent demonstration",
    "mob_violence": "Mob violence",
    "agreement": "Agreement",
    "arrests": "Arrests",
    "change_to_group_activity": "Change to group/activity",
    "disrupted_weapons_use": "Disrupted weapons use",
    "headquarters_or_base_established": "Headquarters or base established",
    "looting_property_destruction": "Looting/property destruction",
    "non_violent_transfer_of_territory": "Non-violent transfer of territory",
    "other": "Other",
    "diplomacy": "Diplomacy",
    "attribution": "Attribution",
    "organized_crime": "Organized crime",
    "natural_disaster": "Natural disaster",
    "man_made_disaster": "Man-made disaster",
}

# Types whose place is often unsaid: an event of these types needs no location (CODEBOOK 3.5, 5).
PLACELESS_TYPES = frozenset({"diplomacy", "attribution", "agreement"})

SECTORS = ("military", "police", "government", "rebels", "militia", "civilians",
           "protesters", "rioters", "unknown")

QUANTITIES = ("killed", "injured", "displaced", "detained", "missing", "buildings_damaged",
              "equipment_lost", "without_services", "other")

QUALIFIERS = ("exact", "at_least", "about", "up_to")

FLAGS = ("boilerplate_removed", "near_duplicate", "rewritten_copy", "inconsistent_entity",
         "self_interaction")

DATE_PRECISIONS = ("day", "week", "month", "year")


def parent_of(event_type: str) -> str:
    return EVENT_TYPES[event_type]
