"""Country names, short forms and demonyms -> ISO3."""
import pycountry
import pytest

from eventwire.extract.countries import (_TABLE, all_country_codes, country_code, country_name,
                                         is_demonym)


@pytest.mark.parametrize("text,iso3", [
    ("Ukraine", "UKR"), ("Ukrainian", "UKR"), ("Ukrainians", "UKR"), ("Russia's", "RUS"),
    ("Russia’s", "RUS"), ("the Russian Federation", "RUS"), ("U.S.", "USA"), ("US", "USA"),
    ("American", "USA"), ("United States", "USA"), ("Britain", "GBR"), ("UK", "GBR"),
    ("British", "GBR"), ("Syrian", "SYR"), ("Afghan", "AFG"), ("Pakistani", "PAK"),
    ("Somali", "SOM"), ("Iranian", "IRN"), ("Israeli", "ISR"), ("Palestinian", "PSE"),
    ("Nigerian", "NGA"), ("Mexican", "MEX"), ("Indian", "IND"), ("Iraqi", "IRQ"),
    ("Emirati", "ARE"), ("Saudi", "SAU"), ("Sudanese", "SDN"), ("South Sudanese", "SSD"),
    ("Congolese", "COD"), ("DRC", "COD"), ("Ivory Coast", "CIV"), ("Ivorian", "CIV"),
    ("Burma", "MMR"), ("Burmese", "MMR"), ("Dutch", "NLD"), ("the Netherlands", "NLD"),
    ("Filipinos", "PHL"), ("Yemeni", "YEM"), ("Lebanese", "LBN"), ("Libyan", "LBY"),
    ("Malian", "MLI"), ("Nigerien", "NER"), ("Kosovo", "XKX"), ("Turkey", "TUR"),
    ("Turkish", "TUR"), ("Chinese", "CHN"), ("North Korean", "PRK"), ("South Korea", "KOR"),
])
def test_country_code(text, iso3):
    assert country_code(text) == iso3


@pytest.mark.parametrize("text", ["Kurdish", "Kurds", "Baloch", "Arab", "Pashtun", "Shiite",
                                  "European", "us", "turkey", "chad", "Taliban", "", "  "])
def test_no_country(text):
    assert country_code(text) is None


def test_demonyms_can_be_excluded_for_place_finding():
    assert country_code("Ukrainian", demonyms=False) is None
    assert country_code("Ukraine", demonyms=False) == "UKR"
    assert country_code("Turks", demonyms=False) is None
    assert is_demonym("Ukrainian") and is_demonym("Kurdish")
    assert not is_demonym("Ukraine") and not is_demonym("Kharkiv")


def test_every_country_has_a_demonym_row():
    rows = {line.split("|")[0].strip() for line in _TABLE.strip().splitlines()}
    missing = {c.alpha_3 for c in pycountry.countries} - rows
    assert not missing, f"countries with no row in the demonym table: {sorted(missing)}"
    # every inhabited country with a row has at least one demonym
    no_dem = [line.split("|")[0].strip() for line in _TABLE.strip().splitlines()
              if not line.split("|")[2].strip()]
    assert set(no_dem) <= {"ATF", "COG", "HMD", "SGS", "SJM", "UMI"}


def test_country_name():
    assert country_name("RUS") == "Russia"
    assert country_name("pse") == "Palestine"
    assert country_name("GBR") == "United Kingdom"
    assert country_name("XXX") is None
    assert "UKR" in all_country_codes() and len(all_country_codes()) >= 249


def test_bad_input_is_a_clear_error():
    with pytest.raises(TypeError, match="expects a string"):
        country_code(None)  # type: ignore[arg-type]


def test_bare_congo_is_the_drc_and_the_republic_must_be_named():
    # In conflict news "Congo" almost always means the far larger DRC (M23, Goma, Kinshasa).
    from eventwire.extract.countries import country_code
    assert country_code("Congo") == "COD"
    assert country_code("Republic of Congo") == "COG"
    assert country_code("Congo-Brazzaville") == "COG"
