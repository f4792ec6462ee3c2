"""Counts and the ratios made from them, summed over a corpus before dividing."""
from __future__ import annotations

from dataclasses import dataclass


def ratio(num: int, den: int, *, empty: float) -> float:
    return num / den if den else empty


@dataclass
class PRF:
    """Precision, recall and F1 from counts.

    An empty denominator scores 1.0 when there was nothing to find and nothing was found
    (gold = pred = 0), else 0.0.
    """
    tp: int = 0
    gold: int = 0
    pred: int = 0

    def add(self, tp: int, gold: int, pred: int) -> None:
        self.tp += tp
        self.gold += gold
        self.pred += pred

    @property
    def vacuous(self) -> bool:
        return self.gold == 0 and self.pred == 0

    @property
    def p(self) -> float:
        return ratio(self.tp, self.pred, empty=1.0 if self.vacuous else 0.0)

    @property
    def r(self) -> float:
        return ratio(self.tp, self.gold, empty=1.0 if self.vacuous else 0.0)

    @property
    def f1(self) -> float:
        if self.vacuous:
            return 1.0
        return ratio(2 * self.tp, self.gold + self.pred, empty=0.0)

    def to_json(self) -> dict:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "gold": self.gold, "pred": self.pred}


@dataclass
class Accuracy:
    """Share of matched pairs that agree on one field; 0 pairs scores 0.0 (nothing was shown)."""
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    @property
    def acc(self) -> float:
        return ratio(self.correct, self.total, empty=0.0)

    def to_json(self) -> dict:
        return {"acc": round(self.acc, 4), "correct": self.correct, "total": self.total}
