"""CODEBOOK s.5 scoring on small hand-written gold/prediction pairs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval_fixtures import (CLASH, SHELLING, SHARED, TALKS, TOLL, actor, clone, event, figure,
                           kyiv_article, location, record)
from eventwire.evaluate import EvalInputError, score_dataset


def _score(write_gold, gold_records, pred_records):
    return score_dataset(write_gold(*gold_records), list(pred_records))


def test_perfect_prediction_scores_one_everywhere(write_gold) -> None:
    gold = kyiv_article()
    pred = clone(gold)
    for e in pred["events"]:                      # predictions carry offsets and confidence
        e["evidence"] = {"text": e["evidence"], "start": 0, "end": len(e["evidence"])}
        e["confidence"] = 0.9
    report = _score(write_gold, [gold], [pred])
    for level in (report.type, report.parent, report.detect, report.figures):
        assert (level.p, level.r, level.f1) == (1.0, 1.0, 1.0)
    assert all(a.acc == 1.0 for a in report.fields.values())
    assert report.flags["boilerplate_removed"].p == 1.0
    assert report.flags["boilerplate_removed"].r == 1.0
    out = report.to_json()
    assert {"type", "parent", "detect", "figures", "fields", "flags"} <= set(out)
    assert out["type"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 3, "gold": 3, "pred": 3}


def test_wrong_type_with_same_parent_still_matches_at_parent_level(write_gold) -> None:
    gold = kyiv_article()
    pred = clone(gold)
    pred["events"][0]["type"] = "air_drone_strike"          # same parent as shelling
    report = _score(write_gold, [gold], [pred])
    assert (report.type.tp, report.type.gold, report.type.pred) == (2, 3, 3)
    assert report.parent.tp == 3
    assert report.detect.tp == 3


def test_wrong_parent_fails_parent_level_but_is_detected(write_gold) -> None:
    gold = kyiv_article()
    pred = clone(gold)
    pred["events"][0]["type"] = "attack"                    # Violence against civilians
    report = _score(write_gold, [gold], [pred])
    assert report.type.tp == 2 and report.parent.tp == 2
    assert report.detect.tp == 3


def test_transliterated_place_matches(write_gold) -> None:
    gold = kyiv_article()
    pred = clone(gold)
    pred["events"][0]["location"] = location("Kiev", None)
    pred["events"][1]["location"] = location("Kharkov", "Kharkovskaya oblast")
    report = _score(write_gold, [gold], [pred])
    assert report.type.tp == 3
    assert report.fields["place"].acc == 1.0


def test_location_mismatch_breaks_the_match(write_gold) -> None:
    gold = kyiv_article()
    pred = clone(gold)
    pred["events"][0]["location"] = location("Chernihiv", "Chernihiv Oblast")
    report = _score(write_gold, [gold], [pred])
    assert report.type.tp == 2
    assert report.detect.tp == 2                             # location binds every level


@pytest.mark.parametrize("pred_loc,matches", [
    (location("Kyiv", "Kyiv City", "RUS"), False),          # same name, other country
    (None, False),                                           # gold has a place, pred none
    (location("Obolonskyi district", "Kyiv City"), True),   # same admin1
    (location("Brovary", "Kyiv Oblast", lat=50.51, lon=30.79), False),
])
def test_location_rules(write_gold, pred_loc, matches) -> None:
    gold = record("a1", [event("shelling_artillery_missile", SHELLING,
                               loc=location("Kyiv", "Kyiv City"))])
    pred = clone(gold)
    pred["events"][0]["location"] = pred_loc
    assert score_dataset(write_gold(gold), [pred]).type.tp == int(matches)


def test_places_within_50_km_match_when_both_have_coordinates(write_gold) -> None:
    gold = record("a1", [event("shelling_artillery_missile", SHELLING,
                               loc=location("Kyiv", "Kyiv City", lat=50.45, lon=30.52))])
    near = clone(gold)
    near["events"][0]["location"] = location("Brovary", "Kyiv Oblast", lat=50.51, lon=30.79)
    far = clone(gold)
    far["events"][0]["location"] = location("Zhytomyr", "Zhytomyr Oblast", lat=50.25, lon=28.66)
    assert score_dataset(write_gold(gold), [near]).type.tp == 1
    assert score_dataset(write_gold(gold), [far]).type.tp == 0


def test_both_locations_null_match(write_gold) -> None:
    gold = record("a1", [event("armed_clash", CLASH, loc=None)])
    assert score_dataset(write_gold(gold), [clone(gold)]).type.tp == 1


def test_diplomacy_ignores_location(write_gold) -> None:
    gold = kyiv_article()
    pred = clone(gold)
    pred["events"][2]["location"] = location("Ankara", "Ankara", "TUR")
    report = _score(write_gold, [gold], [pred])
    assert report.type.tp == 3
    assert report.fields["place"].correct == 2               # the field itself is still wrong


@pytest.mark.parametrize("pred_date,matches", [
    ("2022-03-01", True), ("2022-03-02", True), ("2022-02-28", True),
    ("2022-03-03", False), ("2022-02-27", False), (None, False),
    ("2022-03-01T22:15:00+02:00", True),
])
def test_dates_match_within_one_day(write_gold, pred_date, matches) -> None:
    gold = record("a1", [event("shelling_artillery_missile", SHELLING, date="2022-03-01",
                               loc=location("Kyiv", "Kyiv City"))])
    pred = clone(gold)
    pred["events"][0]["date"] = pred_date
    report = score_dataset(write_gold(gold), [pred])
    assert report.type.tp == int(matches)
    if matches:
        assert report.fields["date"].acc == (1.0 if pred_date.startswith("2022-03-01") else 0.0)


def test_gold_without_date_matches_any_date(write_gold) -> None:
    gold = record("a1", [event("shelling_artillery_missile", SHELLING, date=None,
                               loc=location("Kyiv", "Kyiv City"))])
    pred = clone(gold)
    pred["events"][0]["date"] = "2022-03-05"
    report = score_dataset(write_gold(gold), [pred])
    assert report.type.tp == 1
    assert report.fields["date"].acc == 0.0


def test_matching_is_one_to_one(write_gold) -> None:
    gold = record("a1", [event("shelling_artillery_missile", SHELLING,
                               loc=location("Kyiv", "Kyiv City"))])
    pred = clone(gold)
    pred["events"].append(clone(gold["events"][0]))          # the same happening told twice
    report = score_dataset(write_gold(gold), [pred])
    assert (report.type.tp, report.type.gold, report.type.pred) == (1, 1, 2)
    assert report.type.p == 0.5 and report.type.r == 1.0
    # ... and the other way round: one prediction cannot find two gold happenings.
    report = score_dataset(write_gold(pred), [gold])
    assert (report.type.tp, report.type.gold, report.type.pred) == (1, 2, 1)


def test_best_evidence_overlap_is_paired_first(write_gold) -> None:
    # Two Kyiv strikes on the same day: each prediction must pair with its own sentence,
    # whichever order they come in, so that fatalities are compared with the right event.
    second = "A second missile hit a power station in Kyiv in the evening, injuring two workers."
    kyiv = location("Kyiv", "Kyiv City")
    gold = record("a1", [event("shelling_artillery_missile", SHELLING, loc=kyiv, fatalities=3),
                         event("shelling_artillery_missile", second, loc=kyiv)])
    pred = clone(gold)
    pred["events"].reverse()
    report = score_dataset(write_gold(gold), [pred])
    assert report.type.tp == 2
    assert report.fields["fatalities"].acc == 1.0
    assert [(g, p) for g, p, _ in report.articles[0].event_pairs["type"]] == [(0, 1), (1, 0)]


def test_field_accuracy_over_matched_pairs(write_gold) -> None:
    gold = kyiv_article()
    pred = clone(gold)
    pred["events"][0]["actor1"] = actor("RUS", "government", "the Kremlin")   # sector differs
    pred["events"][1]["actor2"] = None                                        # null vs actor
    pred["events"][0]["fatalities"] = 4
    pred["events"][2]["actor1"]["name"] = "Kuleba"                            # names not scored
    report = _score(write_gold, [gold], [pred])
    assert report.type.tp == 3
    assert (report.fields["actor1"].correct, report.fields["actor1"].total) == (2, 3)
    assert report.fields["actor2"].correct == 2
    assert report.fields["fatalities"].correct == 2


def test_figures_need_quantity_value_and_compatible_subject(write_gold) -> None:
    gold = record("a1", [], [figure("killed", 210, TOLL, country="UKR", sector="civilians"),
                             figure("displaced", 5000, TOLL, country="UKR", sector="civilians"),
                             figure("killed", 40, TOLL, country="RUS", sector="military")])
    pred = record("a1", [], [figure("killed", 210, TOLL, country=None, sector="civilians"),
                             figure("displaced", 5000, TOLL, country="UKR", sector=None),
                             figure("killed", 40, TOLL, country="RUS", sector="civilians")])
    report = score_dataset(write_gold(gold), [pred])
    assert (report.figures.tp, report.figures.gold, report.figures.pred) == (2, 3, 3)
    wrong_value = record("a1", [], [figure("killed", 200, TOLL)])
    assert score_dataset(write_gold(gold), [wrong_value]).figures.tp == 0


def test_claimant_and_qualifier_accuracy(write_gold) -> None:
    gold = record("a1", [], [figure("killed", 210, TOLL, qualifier="at_least",
                                    claimant="regional governor Oleksiy Kuleba"),
                             figure("injured", 12, TOLL, claimant="UN officials")])
    pred = record("a1", [], [figure("killed", 210, TOLL, qualifier="about", claimant="Kuleba"),
                             figure("injured", 12, TOLL, claimant="Ukrainian officials")])
    report = score_dataset(write_gold(gold), [pred])
    assert report.figures.tp == 2
    assert report.fields["claimant"].correct == 1
    assert report.fields["qualifier"].correct == 1


def test_flags_precision_and_recall_per_flag(write_gold) -> None:
    golds = [record("a1", [], flags=["boilerplate_removed"]),
             record("a2", [], flags=["boilerplate_removed", "inconsistent_entity"]),
             record("a3", [])]
    preds = [record("a1", [], flags=["boilerplate_removed"]),
             record("a2", []),
             record("a3", [], flags=["boilerplate_removed", "near_duplicate"])]
    report = score_dataset(write_gold(*golds), preds)
    bp = report.flags["boilerplate_removed"]
    assert (bp.tp, bp.gold, bp.pred) == (1, 2, 2) and bp.p == 0.5 and bp.r == 0.5
    assert report.flags["inconsistent_entity"].r == 0.0
    assert report.flags["near_duplicate"].p == 0.0
    assert report.flags["self_interaction"].vacuous


def test_scores_are_summed_over_articles_before_dividing(write_gold) -> None:
    a1 = kyiv_article()
    a2 = record("a2", [event("armed_clash", CLASH, loc=location("Kharkiv", "Kharkiv Oblast"))])
    pred_a1 = clone(a1)
    report = score_dataset(write_gold(a1, a2), [pred_a1, record("a2", [])])
    # Micro: 3 of 4 gold events found (a per-article mean would give (1.0 + 0.0) / 2).
    assert report.type.r == 0.75 and report.type.p == 1.0


def test_missing_and_unknown_articles_are_reported(write_gold) -> None:
    gold = kyiv_article()
    report = score_dataset(write_gold(gold), [record("zz", [event("attack", TALKS)])])
    assert report.type.tp == 0 and report.type.gold == 3 and report.type.pred == 0
    assert any("no prediction" in w for w in report.warnings)
    assert any("no gold file" in w for w in report.warnings)


def test_prediction_file_errors_name_the_line(write_gold, write_pred) -> None:
    dataset = write_gold(kyiv_article())
    path = write_pred(kyiv_article())
    path.write_text(path.read_text() + "{not json\n")
    with pytest.raises(EvalInputError, match=r"line 2"):
        score_dataset(dataset, path)
    with pytest.raises(EvalInputError, match="no gold annotations"):
        score_dataset(path.parent / "nowhere", path)
    twice = write_pred(kyiv_article(), kyiv_article(), name="twice.jsonl")
    with pytest.raises(EvalInputError, match="predicted twice"):
        score_dataset(dataset, twice)


@pytest.mark.skipif(not (SHARED / "dev" / "gold").is_dir(), reason="../shared is absent")
@pytest.mark.parametrize("name", ["dev", "dev-world"])
def test_gold_scored_against_itself_is_perfect(name: str) -> None:
    dataset = SHARED / name
    report = score_dataset(dataset, dataset / "gold")
    assert report.type.f1 == report.parent.f1 == report.detect.f1 == 1.0
    assert report.figures.f1 == 1.0
    assert all(a.acc == 1.0 for a in report.fields.values())
    assert all(m.f1 == 1.0 for m in report.flags.values())


@pytest.mark.skipif(not (SHARED / "dev" / "gold").is_dir(), reason="../shared is absent")
def test_gold_as_jsonl_with_object_evidence_is_perfect(tmp_path: Path) -> None:
    lines = []
    for path in sorted((SHARED / "dev" / "gold").glob("*.gold.json")):
        rec = json.loads(path.read_text())
        for e in rec["events"] + rec["figures"]:
            e["evidence"] = {"text": e["evidence"], "start": 0, "end": 0}
        lines.append(json.dumps(rec))
    pred = tmp_path / "gold.jsonl"
    pred.write_text("\n".join(lines) + "\n")
    assert score_dataset(SHARED / "dev", pred).type.f1 == 1.0
