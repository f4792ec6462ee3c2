"""Known wars and their start dates, for "since the beginning of the war" (CODEBOOK s.1 period).

A small, hand-kept table of widely agreed start dates (the date the current phase began, as
news uses it). ``conflict_start`` picks the conflict whose countries the article is about and
whose start is not after the article; the article itself may name the start instead
("since Russia invaded on 24 February"), which the caller prefers.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Optional


@dataclass(frozen=True)
class Conflict:
    name: str
    start: date
    countries: frozenset[str]          # ISO3 of the countries where it is fought
    parties: tuple[str, ...] = ()      # ISO3 of warring states, for "the other side"
    end: Optional[date] = None


CONFLICTS: tuple[Conflict, ...] = (
    Conflict("Russian invasion of Ukraine", date(2022, 2, 24), frozenset({"UKR", "RUS"}),
             ("UKR", "RUS")),
    Conflict("War in Donbas", date(2014, 4, 6), frozenset({"UKR"}), ("UKR", "RUS"),
             date(2022, 2, 23)),
    Conflict("Israel–Hamas war", date(2023, 10, 7), frozenset({"ISR", "PSE", "LBN"}),
             ("ISR", "PSE")),
    Conflict("Sudanese civil war", date(2023, 4, 15), frozenset({"SDN"})),
    Conflict("Syrian civil war", date(2011, 3, 15), frozenset({"SYR"}), (), date(2024, 12, 8)),
    Conflict("Yemeni civil war", date(2014, 9, 16), frozenset({"YEM"})),
    Conflict("Tigray war", date(2020, 11, 4), frozenset({"ETH"}), (), date(2022, 11, 2)),
    Conflict("Myanmar civil war", date(2021, 2, 1), frozenset({"MMR"})),
    Conflict("Second Nagorno-Karabakh war", date(2020, 9, 27), frozenset({"ARM", "AZE"}),
             ("ARM", "AZE"), date(2020, 11, 10)),
    Conflict("War in Afghanistan", date(2001, 10, 7), frozenset({"AFG"}), (), date(2021, 8, 30)),
    Conflict("Iraq war", date(2003, 3, 20), frozenset({"IRQ"}), (), date(2011, 12, 18)),
    Conflict("War against the Islamic State in Iraq", date(2014, 1, 1), frozenset({"IRQ"}), (),
             date(2017, 12, 9)),
    Conflict("Libyan civil war", date(2014, 5, 16), frozenset({"LBY"}), (), date(2020, 10, 23)),
    Conflict("Boko Haram insurgency", date(2009, 7, 26), frozenset({"NGA", "CMR", "NER", "TCD"})),
    Conflict("Mexican drug war", date(2006, 12, 11), frozenset({"MEX"})),
    Conflict("Al-Shabaab insurgency", date(2006, 12, 20), frozenset({"SOM"})),
    Conflict("Insurgency in Balochistan", date(2004, 1, 1), frozenset({"PAK"})),
    Conflict("Kivu conflict", date(2004, 1, 1), frozenset({"COD"})),
    Conflict("M23 offensive", date(2022, 3, 28), frozenset({"COD"})),
    Conflict("Mali war", date(2012, 1, 16), frozenset({"MLI"})),
    Conflict("Colombian conflict", date(1964, 5, 27), frozenset({"COL"})),
    Conflict("Kashmir conflict", date(1947, 10, 22), frozenset({"IND", "PAK"}), ("IND", "PAK")),
)


def conflict_for(countries: Iterable[str], on: Optional[date]) -> Optional[Conflict]:
    """The latest-starting known conflict fought in one of ``countries`` and running on ``on``.

    ``countries`` are in order of importance to the article; the first that has a conflict wins.
    Without a date the latest-starting conflict of that country is returned.
    """
    for code in countries:
        running = [c for c in CONFLICTS if code in c.countries
                   and (on is None or (c.start <= on and (c.end is None or on <= c.end)))]
        if running:
            return max(running, key=lambda c: c.start)
    return None


def conflict_start(countries: Iterable[str], on: Optional[date]) -> Optional[date]:
    """Start date of the war the article is about, if the table knows it."""
    c = conflict_for(countries, on)
    return c.start if c else None


def opponent(country: Optional[str], countries: Iterable[str], on: Optional[date]) -> Optional[str]:
    """The other warring state of an interstate war ("Ukraine says it destroyed 80 tanks" ->
    the tanks are Russian); None when the war is not between two states or unknown."""
    if not country:
        return None
    c = conflict_for(countries, on)
    if c and country in c.parties and len(c.parties) == 2:
        return c.parties[1] if c.parties[0] == country else c.parties[0]
    return None
