"""Small gold datasets written in tmp dirs: realistic sentences, written for these tests."""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"

SHELLING = ("Russian artillery pounded residential districts of Kyiv on Tuesday, killing "
            "three people, the city's mayor said.")
CLASH = ("Ukrainian troops fought off an attack by Russian forces on the outskirts of Kharkiv "
         "overnight, the regional governor said.")
TALKS = ("The foreign ministers of Ukraine and Turkey met in Ankara on Tuesday to discuss "
         "grain exports through the Black Sea.")
TOLL = ("At least 210 civilians have been killed in the Kyiv region since the invasion began, "
        "according to regional governor Oleksiy Kuleba.")


def location(name: str, admin1: Optional[str], country: str = "UKR", **extra: Any) -> dict:
    return {"name": name, "admin1": admin1, "country": country, **extra}


def actor(country: Optional[str], sector: str, name: Optional[str] = None) -> dict:
    return {"name": name, "country": country, "sector": sector}


def event(type_: str, evidence: str, *, date: Optional[str] = "2022-03-01",
          loc: Optional[dict] = None, actor1: Optional[dict] = None,
          actor2: Optional[dict] = None, fatalities: Optional[int] = None) -> dict:
    return {"type": type_, "date": date, "date_precision": "day" if date else None,
            "location": loc, "actor1": actor1 or actor("RUS", "military", "Russian forces"),
            "actor2": actor2, "fatalities": fatalities, "injured": None, "evidence": evidence}


def figure(quantity: str, value: int, evidence: str, *, qualifier: str = "exact",
           country: Optional[str] = "UKR", sector: Optional[str] = "civilians",
           claimant: Optional[str] = None) -> dict:
    return {"quantity": quantity, "value": value, "low": value, "high": value,
            "qualifier": qualifier, "subject": {"country": country, "sector": sector},
            "place": None, "period": None, "claimant": claimant, "evidence": evidence}


def record(article_id: str, events: list, figures: list = (), flags: list = ()) -> dict:
    return {"article": {"id": article_id, "published": "2022-03-01", "outlet": "Test Wire",
                        "title": f"Article {article_id}"},
            "events": list(events), "figures": list(figures), "flags": list(flags)}


def kyiv_article() -> dict:
    return record("a1", [
        event("shelling_artillery_missile", SHELLING, loc=location("Kyiv", "Kyiv City"),
              actor2=actor("UKR", "civilians", "residents"), fatalities=3),
        event("armed_clash", CLASH, date="2022-02-28", loc=location("Kharkiv", "Kharkiv Oblast"),
              actor1=actor("UKR", "military", "Ukrainian troops"),
              actor2=actor("RUS", "military", "Russian forces")),
        event("diplomacy", TALKS, loc=None, actor1=actor("UKR", "government", "Dmytro Kuleba"),
              actor2=actor("TUR", "government", "Mevlut Cavusoglu")),
    ], [figure("killed", 210, TOLL, qualifier="at_least", claimant="Oleksiy Kuleba")],
        ["boilerplate_removed"])


def clone(rec: dict) -> dict:
    return copy.deepcopy(rec)
