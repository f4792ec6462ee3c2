"""Figure reconciliation: claims grouped, low/best/high with the rule, rising tolls as series."""
from __future__ import annotations

import pytest

from eventwire.records import Article, Evidence, Extraction, Figure, Location, Period, Subject
from eventwire.resolve import figures as rf
from eventwire.resolve.goldset import insert_article
from eventwire.store import Store
from eventwire.store.extractions import save_extraction
from eventwire.store.queries import EventFilter, query_figures

UKR_CIV = Subject(country="UKR", sector="civilians")


def _add(store: Store, aid: str, published: str, sentence: str, value: int, qualifier: str,
         claimant: str | None, period_from: str = "2022-02-24") -> None:
    art = Article(id=aid, published=published, text=sentence, outlet="Outlet " + aid)
    insert_article(store, art)
    save_extraction(store, Extraction(article=art, figures=[Figure(
        quantity="killed", value=value, low=value, high=value, qualifier=qualifier,
        subject=UKR_CIV, place=Location(name="Ukraine", country="UKR", precision=3),
        period=Period(**{"from": period_from, "to": published}), claimant=claimant,
        date=published, evidence=Evidence(text=sentence, start=0, end=len(sentence)))]))


@pytest.mark.parametrize("claimant,kind", [
    ("UN human rights office", "international"), ("Ukraine's health ministry", "official"),
    ("the Russian defence ministry", "party"), ("Taliban spokesman", "party"),
    ("local media reports", "media"), (None, "media"), ("Jane Doe", "unknown"),
])
def test_claimant_types(claimant, kind):
    assert rf.claimant_type(claimant) == kind


def test_claimant_title_read_from_the_sentence():
    assert rf.claimant_type("Lyudmyla Denysova",
                            "The ombudsman Lyudmyla Denysova said 210 died.") == "official"


def test_rising_toll_is_a_time_series_not_a_conflict():
    s = Store(":memory:")
    _add(s, "a", "2022-02-27", "At least 210 civilians were killed, the ombudsman said.", 210,
         "at_least", "ombudsman")
    _add(s, "b", "2022-03-01", "More than 350 civilians have died, officials said.", 350,
         "at_least", "Ukrainian officials")
    rf.rebuild(s)
    groups, _ = query_figures(s, EventFilter(quantity="killed"), grouped=True)
    assert len(groups) == 1
    g = groups[0]
    assert g["time_series"] and g["best"] == 350 and g["low"] == 350
    assert [p["value"] for p in g["series"]] == [210, 350]
    assert len(g["claims"]) == 2 and {c["role"] for c in g["claims"]} == {"best", "claim"}
    assert "time series" in g["best_rule"]


def test_conflicting_claims_best_from_most_authoritative():
    s = Store(":memory:")
    _add(s, "a", "2022-03-02", "The UN said 227 civilians were killed.", 227, "exact", "the UN")
    _add(s, "b", "2022-03-02", "Russia's defence ministry said 12 civilians were killed.", 12,
         "exact", "Russia's defence ministry")
    _add(s, "c", "2022-03-02", "Kyiv's mayor said 600 civilians were killed.", 600, "exact",
         "Kyiv's mayor")
    rf.rebuild(s)
    g = query_figures(s, grouped=True)[0][0]
    assert (g["low"], g["best"], g["high"]) == (12, 227, 600)
    assert not g["time_series"] and "international" in g["best_rule"]
    # Incremental regrouping gives the same groups as a rebuild.
    before = s.con.execute("SELECT * EXCLUDE (updated_at) FROM figure_groups ORDER BY id").fetchall()
    s.con.execute("DELETE FROM figure_groups; DELETE FROM figure_claims")
    for aid in ("c", "a", "b"):
        rf.update(s, [aid])
    assert s.con.execute("SELECT * EXCLUDE (updated_at) FROM figure_groups ORDER BY id").fetchall() == before


def test_different_periods_are_different_groups():
    s = Store(":memory:")
    _add(s, "a", "2022-03-05", "The UN recorded 351 civilians killed on Friday alone.", 351,
         "exact", "the UN", period_from="2022-03-04")
    _add(s, "b", "2022-03-05", "In all, 1,000 civilians were killed, the UN said.", 1000, "exact",
         "the UN")
    rf.rebuild(s)
    assert len(query_figures(s, grouped=True)[0]) == 2
