"""evaluate stage: score extractions against gold annotations (CODEBOOK.md s.5).

    score_dataset(gold_dir, predictions) -> Report          article datasets
    score_snippets(snippets, predictions) -> SnippetReport  snippet sets (event typing)

Counts are summed over all articles of the corpus, then divided (micro averages).

Decisions where the codebook leaves room, so that every score can be read exactly:

- Events match at three levels, each paired one-to-one on its own: ``type`` (same type),
  ``parent`` (same ACLED parent, ``taxonomy.EVENT_TYPES``) and ``detect`` (any type). At every
  level the location must be compatible and the date within one day of the gold's (a gold
  null date takes any date; a predicted null date never matches a gold date).
- Location compatible: both null; or countries agree (they conflict only when both are
  given) and one of: same place name after normalisation (accents, apostrophes, "the",
  "region", "oblast", "province", "city", "district", directions like "east of" dropped;
  transliteration keys: kh/h, g/h, zh/z, iy/y/i, ie/e, doubled letters, -ov/-iv; a table of
  Russian-era exonyms such as Kiev, Kharkov, Nikolaev, Odessa, Zaporozhye, Lugansk, Dnepr; one
  name's tokens contained in the other's, "a village near Hajin" ~ "Hajin"; one edit apart for
  names of 5+ letters), same admin1 ("Kharkivska oblast" = "Kharkiv Oblast", but "Kyiv City"
  != "Kyiv Oblast"), or within 50 km when both sides give lat/lon. Gold files carry no
  coordinates, so on them the distance rule never fires.
- ``diplomacy``, ``attribution``, ``agreement``: location not compared; the gold event's type
  decides, at every level.
- Pairing: candidates sorted by evidence overlap (Dice coefficient of the word multisets —
  gold evidence is cut from the raw text, predicted offsets point into the cleaned text, so
  words are compared, not offsets); overlaps within 0.01 are a tie, broken by how many fields
  agree, then by document order.
- Fields, over type-level pairs: actor1 and actor2 compare country + sector (null = null; an
  actor with no name, no country and sector unknown is null); fatalities equal; date equal
  (the one-day slack is for matching only); place name by the rule above (null = null).
- Figures match on quantity, value and compatible subject: country equal or either null,
  sector equal or either null/``unknown``. Qualifier: equal (missing = ``exact``). Claimant:
  one name contains the other's surname (last word of a person's name) or body name (the whole
  name of a body, or its acronym in brackets); "UN officials" != "Ukrainian officials";
  both null match, one null does not.
- Flags: per flag, over the gold articles (a flag counts once per article).
- Empty denominators: 1.0 when gold and prediction are both empty, else 0.0.
- Gold articles without a prediction count as all missed; predictions for articles that
  have no gold file are not scored; both are reported as warnings.
- Snippets: see ``eventwire.evaluate.snippets`` (``none`` carries no weight in F1, counts
  as a miss or a false positive of the types it touches, and counts in accuracy).
"""
from .items import EvalInputError
from .score import Report, score_dataset
from .snippets import SnippetReport, score_snippets

__all__ = ["EvalInputError", "Report", "SnippetReport", "score_dataset", "score_snippets"]
