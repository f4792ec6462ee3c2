"""Place names, admin1 units and claimants as the scorer compares them."""
from __future__ import annotations

import pytest

from eventwire.evaluate.normalize import (evidence_bag, overlap, same_admin1, same_claimant,
                                          same_place_name)


@pytest.mark.parametrize("a,b", [
    ("Kyiv", "Kiev"), ("Kharkiv", "Kharkov"), ("Mykolaiv", "Nikolaev"),
    ("Sievierodonetsk", "Severodonetsk"), ("Odesa", "Odessa"), ("Zaporizhzhia", "Zaporozhye"),
    ("Luhansk", "Lugansk"), ("Dnipro", "Dnepr"), ("Chernihiv", "Chernigov"),
    ("Hostomel", "Gostomel"), ("Lviv", "Lvov"), ("Kremenchuk", "Kremenchug"),
    ("the Kyiv region", "Kyiv"), ("Kherson Oblast", "Kherson"), ("Kyïv", "Kyiv"),
    ("Deir ez-Zor", "Deir al-Zour"), ("east of Idlib province", "Idlib"),
    ("a village near Hajin", "Hajin"), ("Zaporizhzhia nuclear plant", "Zaporizhzhia"),
])
def test_spelling_variants_of_one_place_match(a: str, b: str) -> None:
    assert same_place_name(a, b)
    assert same_place_name(b, a)


@pytest.mark.parametrize("a,b", [
    ("Kyiv", "Kharkiv"), ("Kherson", "Kharkiv"), ("Donetsk", "Luhansk"), ("Bucha", "Buchach"),
    ("Irpin", "Bucha"), ("Mariupol", "Melitopol"), ("Sumy", "Sudzha"), ("Aleppo", "Idlib"),
    ("Kyiv", None), ("the region", "Kyiv"),
])
def test_different_places_do_not_match(a, b) -> None:
    assert not same_place_name(a, b)


@pytest.mark.parametrize("a,b,same", [
    ("Kharkiv Oblast", "Kharkivska oblast", True),
    ("Odesa Oblast", "Odeska oblast", True),
    ("Zaporizhzhia Oblast", "Zaporizka oblast", True),
    ("Autonomous Republic of Crimea", "Avtonomna Respublika Krym", True),
    ("Deir ez-Zor Governorate", "Deir ez-Zor", True),
    ("Kyiv City", "Kyiv Oblast", False),
    ("Donetsk Oblast", "Luhansk Oblast", False),
    ("Kharkiv Oblast", None, False),
])
def test_admin1_names(a, b, same) -> None:
    assert same_admin1(a, b) is same


@pytest.mark.parametrize("a,b,same", [
    ("Oleksiy Kuleba", "Kuleba", True),                       # surname
    ("regional governor Oleksiy Kuleba", "Oleksiy Kuleba", True),
    ("Oleh Synyehubov", "Oleg Sinegubov", True),              # transliterated surname
    ("UN refugee agency (UNHCR)", "UNHCR", True),             # body name in brackets
    ("the mayor of Mariupol", "Vadym Boichenko, the mayor of Mariupol", True),
    ("Ukraine's defence ministry", "defence ministry", True),
    ("UN officials", "Ukrainian officials", False),           # generic head word is no surname
    ("Hanna Malyar", "Oleksiy Kuleba", False),
    (None, None, True),
    ("Hanna Malyar", None, False),
])
def test_claimant_rule(a, b, same) -> None:
    assert same_claimant(a, b) is same
    assert same_claimant(b, a) is same


def test_overlap_ignores_quotes_and_spacing_and_ranks_sentences() -> None:
    gold = evidence_bag("Russian artillery “pounded” Kyiv on Tuesday.")
    same = evidence_bag('Russian  artillery "pounded" Kyiv on Tuesday')
    other = evidence_bag("Talks resumed in Istanbul on Tuesday.")
    assert overlap(gold, same) == 1.0
    assert 0 < overlap(gold, other) < overlap(gold, same)
    assert overlap(gold, evidence_bag("")) == 0.0
