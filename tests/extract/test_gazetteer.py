"""The offline GeoNames gazetteer: spellings, regions, countries, disambiguation, speed.

The first test in a fresh environment builds the index cache (tens of seconds, once).
"""
import multiprocessing
import os
import time

import pytest

from eventwire.extract import gazetteer
from eventwire.extract.gazetteer import (COUNTRY, REGION, TOWN, admin1_stem, canonical_name,
                                         fold, geocode, get_gazetteer, plain_romanisation,
                                         skeleton)


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


@pytest.mark.parametrize("variant,canonical_stem,admin1", [
    ("Kiev", "kyiv", "Kyiv City"), ("Kyiv", "kyiv", "Kyiv City"),
    ("Kharkov", "kharkiv", "Kharkiv Oblast"), ("Nikolaev", "mykola", "Mykolayiv Oblast"),
    ("Sievierodonetsk", "s", "Luhansk Oblast"), ("Severodonetsk", "s", "Luhansk Oblast"),
    ("Odessa", "odesa", "Odesa Oblast"), ("Lugansk", "luhansk", "Luhansk Oblast"),
    ("Zaporozhye", "zapori", "Zaporizhzhya Oblast"), ("Dnepr", "dnipro", "Dnipropetrovsk Oblast"),
    ("Chernigov", "chernihiv", "Chernihiv Oblast"), ("Izium", "izyum", "Kharkiv Oblast"),
])
def test_spelling_variants_reach_the_same_ukrainian_city(gaz, variant, canonical_stem, admin1):
    place = gaz.resolve(variant, countries=["UKR"])
    assert place is not None and place.country == "UKR" and place.level == TOWN
    assert fold(place.name).startswith(canonical_stem)
    assert place.admin1 == admin1


@pytest.mark.parametrize("name,iso3,admin1", [
    ("Kharkiv", "UKR", "Kharkiv Oblast"), ("Chernihiv", "UKR", "Chernihiv Oblast"),
    ("Idlib", "SYR", "Idlib Governorate"), ("Deir ez-Zor", "SYR", "Deir ez-Zor Governorate"),
    ("Balochistan", "PAK", "Balochistan"), ("Khyber Pakhtunkhwa", "PAK", "Khyber Pakhtunkhwa"),
    ("Borno", "NGA", "Borno State"), ("Kandahar", "AFG", "Kandahar Province"),
    ("Nineveh", "IRQ", "Nineveh Governorate"), ("Michoacán", "MEX", "Michoacán"),
    ("North Darfur", "SDN", None), ("Crimea", "UKR", "Autonomous Republic of Crimea"),
])
def test_admin1_regions_resolve_at_region_level(gaz, name, iso3, admin1):
    place = gaz.resolve(name, level=REGION)
    assert place is not None and place.level == REGION and place.country == iso3
    if admin1:
        assert place.admin1 == admin1
    assert place.geonameid is None and -90 <= place.lat <= 90


def test_a_bare_name_is_the_city_not_the_region(gaz):
    assert gaz.resolve("Idlib").level == TOWN
    assert gaz.resolve("Kharkiv").level == TOWN
    assert gaz.resolve("Balochistan").level == REGION      # no town of that name


def test_context_decides_between_namesakes(gaz):
    assert gaz.resolve("Tripoli").country == "LBY"          # the larger one
    assert gaz.resolve("Tripoli", countries=["LBN"]).country == "LBN"
    assert gaz.resolve("Sibi").country == "PAK"
    hiran = gaz.resolve("Hiran", countries=["SOM"])
    assert (hiran.country, hiran.level) == ("SOM", REGION)
    assert gaz.resolve("Mayadeen", countries=["SYR"]).country == "SYR"


def test_countries_resolve_with_precision_3():
    loc = geocode("Somalia")
    assert loc.country == "SOM" and loc.precision == COUNTRY and loc.geonameid
    assert geocode("U.S.").country == "USA"
    loc = geocode("Kiev")
    assert loc.name == "Kiev" and loc.precision == TOWN and canonical_name(loc) == "Kyiv"
    assert geocode("Qwxzzyplace") is None


def test_keys_and_skeletons():
    assert fold("Kharkivs’ka Oblast’") == "kharkivska oblast"
    assert skeleton(fold("Kharkov")) == skeleton(fold("Kharkiv"))
    assert skeleton(fold("Lugansk")) == skeleton(fold("Luhansk"))
    assert skeleton(fold("Zaporozhye")) == skeleton(fold("Zaporizhzhia"))
    assert skeleton(fold("al-Mayadin")) == skeleton(fold("Mayadeen"))
    assert skeleton(fold("Kharkiv")) != skeleton(fold("Kherson"))
    assert admin1_stem("Kharkivs’ka Oblast’") == "kharkiv"
    assert admin1_stem("Kyiv City") == "kyiv city"
    assert admin1_stem("Nebraska") == "nebraska"


def test_lookups_are_fast(gaz):
    names = ["Kharkiv", "Kiev", "Idlib", "Sibi", "Mogadishu", "Tripoli", "Borno", "Mosul"]
    t = time.perf_counter()
    for _ in range(200):
        for name in names:
            gaz.lookup(name, countries={"UKR": 2.0})
    per = (time.perf_counter() - t) / (200 * len(names))
    assert per < 0.002, f"lookup takes {per * 1e6:.0f} us"


def test_bad_input(gaz):
    with pytest.raises(TypeError, match="place name"):
        gaz.lookup(None)  # type: ignore[arg-type]


def test_a_prominent_place_beats_small_namesakes_the_context_favours(gaz):
    assert gaz.resolve("Sarajevo", countries={"UKR": 5.0}).country == "BIH"
    assert gaz.resolve("Madrid", countries={"USA": 3.0}).country == "ESP"
    # ... unless the article names the small place's region
    assert gaz.resolve("Madrid", countries={"USA": 3.0}, admin1s={"Iowa"}).admin1 == "Iowa"
    # a sizeable town of the article's country still wins over a bigger one elsewhere
    assert gaz.resolve("Tripoli", countries={"LBN": 2.0}).country == "LBN"


def test_capitals_are_flagged(gaz):
    assert gaz.resolve("Kabul").capital and gaz.resolve("Sarajevo").capital
    assert not gaz.resolve("Kharkiv").capital


def test_short_names_are_not_fuzzy_matched(gaz):
    assert gaz.lookup("Wars") == []
    assert all(p.country != "POL" for p in gaz.lookup("Wars", countries={"POL": 1.0}))


def test_admin1_names_are_written_as_english_does(gaz):
    doha = gaz.resolve("Doha")
    assert doha.country == "QAT" and doha.admin1.isascii() and "Doha" in doha.admin1
    assert gaz.resolve("Kandahar", level=REGION).admin1 == "Kandahar Province"
    assert all(p.admin1.isascii() for p in (gaz.resolve("Raqqa"), gaz.resolve("Hasakah"),
                                            gaz.resolve("Herat")))


def test_plain_romanisation_keeps_latin_accents():
    assert plain_romanisation("Baladīyat ad Dawḩah") == "Baladiyat ad Dawhah"
    assert plain_romanisation("Dar‘ā") == "Dara"
    assert plain_romanisation("São Paulo") == "São Paulo"
    assert plain_romanisation("Québec") == "Québec"


# --- the on-disk cache: concurrent first builds must neither corrupt it nor build twice ---

def _fake_build(marker):
    def build():
        with open(marker, "a") as fh:
            fh.write("built\n")
        time.sleep(0.3)                   # long enough for the others to pile up
        return {"version": gazetteer._BUILD_VERSION, "places": [], "keys": {}, "skeletons": {}}
    return build


def _build_in_child(cache_dir, marker, out):
    os.environ["EVENTWIRE_CACHE_DIR"] = str(cache_dir)
    gazetteer.build_index = _fake_build(marker)
    data = gazetteer._load_or_build()
    with open(out, "w") as fh:
        fh.write(str(data["version"]))


def test_concurrent_first_builds_build_once_and_leave_a_whole_cache(tmp_path, monkeypatch):
    marker = tmp_path / "builds.txt"
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_build_in_child, args=(tmp_path / "cache", marker,
                                                       tmp_path / f"out{n}"))
             for n in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert all(p.exitcode == 0 for p in procs)
    assert marker.read_text().count("built") == 1
    assert {(tmp_path / f"out{n}").read_text() for n in range(3)} == {str(gazetteer._BUILD_VERSION)}
    files = sorted(f.name for f in (tmp_path / "cache").iterdir())
    assert not [f for f in files if f.endswith(".tmp")]
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path / "cache"))
    assert gazetteer._read_cache(gazetteer._cache_path()) is not None


def test_a_torn_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path))
    path = gazetteer._cache_path()
    path.write_bytes(b"\x80\x05truncated")
    marker = tmp_path / "builds.txt"
    monkeypatch.setattr(gazetteer, "build_index", _fake_build(marker))
    assert gazetteer._load_or_build()["version"] == gazetteer._BUILD_VERSION
    assert marker.read_text().count("built") == 1
    assert gazetteer._read_cache(path) is not None


def test_admin1_units_carry_the_names_news_uses():
    from eventwire.extract.gazetteer import get_gazetteer
    g = get_gazetteer()
    fasher = g.lookup("El Fasher")[0]
    assert (fasher.admin1, fasher.country) == ("North Darfur", "SDN")
    assert g.lookup("North Darfur", level=2)[0].country == "SDN"
    assert g.lookup("Hodeidah", level=2)[0].admin1 == "Hodeidah Governorate"
    assert g.lookup("Goma")[0].admin1 == "North Kivu"
