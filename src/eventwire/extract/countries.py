"""Country names, short forms and demonyms -> ISO 3166 alpha-3.

pycountry gives the official and common names; news writes "the U.S.", "Britain", "Russia's"
and "Ukrainian", which it lacks, so the table below adds, for every country pycountry knows,
the short forms and the demonyms/adjectives that English news uses. Words that name a people
with no state of their own ("Kurdish", "Baloch", "Arab") resolve to no country on purpose.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pycountry

# ISO3 | extra names and short forms (case-insensitive) | demonyms and adjectives.
# Plural person-nouns ("Ukrainians") are derived in _plural(); irregular ones are listed.
_TABLE = """
ABW | | Aruban
AFG | | Afghan, Afghans, Afghanistani
AGO | | Angolan
AIA | | Anguillan
ALA | Aland, Aland Islands | Alandish
ALB | | Albanian
AND | | Andorran
ARE | UAE, U.A.E., Emirates, the Emirates | Emirati, Emiratis
ARG | | Argentine, Argentinian, Argentines
ARM | | Armenian
ASM | | American Samoan
ATA | | Antarctic
ATF | French Southern and Antarctic Lands |
ATG | Antigua, Barbuda | Antiguan, Barbudan
AUS | | Australian, Aussie
AUT | | Austrian
AZE | | Azerbaijani, Azeri, Azerbaijanis, Azeris
BDI | | Burundian
BEL | | Belgian
BEN | | Beninese
BES | Bonaire, Sint Eustatius, Saba | Bonairean
BFA | Burkina | Burkinabe, Burkinabè
BGD | | Bangladeshi
BGR | | Bulgarian
BHR | | Bahraini
BHS | The Bahamas | Bahamian
BIH | Bosnia, Bosnia-Herzegovina, Herzegovina | Bosnian, Herzegovinian
BLM | St Barts, St. Barts, Saint Barthelemy | Barthelemois
BLR | Belorussia, Byelorussia | Belarusian, Belarussian, Belorussian
BLZ | | Belizean
BMU | | Bermudian, Bermudan
BOL | | Bolivian
BRA | | Brazilian
BRB | | Barbadian, Bajan
BRN | Brunei | Bruneian
BTN | | Bhutanese
BVT | | Bouvet Islander
BWA | | Botswanan, Motswana, Batswana
CAF | CAR, Central Africa, Centrafrique | Central African
CAN | | Canadian
CCK | Cocos Islands, Keeling Islands | Cocos Islander
CHE | | Swiss
CHL | | Chilean
CHN | PRC, P.R.C., Mainland China, People's Republic of China | Chinese
CIV | Ivory Coast, Cote d'Ivoire | Ivorian
CMR | | Cameroonian
COD | Congo, DRC, D.R.C., DR Congo, D.R. Congo, Democratic Republic of Congo, Democratic Republic of the Congo, Congo-Kinshasa | Congolese
COG | Republic of Congo, Republic of the Congo, Congo-Brazzaville |
COK | | Cook Islander
COL | | Colombian
COM | | Comoran, Comorian
CPV | Cape Verde | Cape Verdean, Cabo Verdean
CRI | | Costa Rican
CUB | | Cuban
CUW | Curacao | Curacaoan
CXR | | Christmas Islander
CYM | Caymans, the Cayman Islands | Caymanian
CYP | | Cypriot
CZE | Czech Republic | Czech, Czechs
DEU | | German
DJI | | Djiboutian
DMA | | Dominican
DNK | | Danish, Dane, Danes
DOM | | Dominican
DZA | | Algerian
ECU | | Ecuadorian, Ecuadorean
EGY | | Egyptian
ERI | | Eritrean
ESH | | Sahrawi, Sahrawis, Western Saharan
ESP | | Spanish, Spaniard, Spaniards
EST | | Estonian
ETH | | Ethiopian
FIN | | Finnish, Finn, Finns
FJI | | Fijian
FLK | Falklands, Falkland Islands, Malvinas | Falkland Islander
FRA | | French, Frenchman, Frenchmen, Frenchwoman, Frenchwomen
FRO | Faroes, Faroe Islands, Faeroe Islands | Faroese
FSM | Micronesia | Micronesian
GAB | | Gabonese
GBR | UK, U.K., Britain, Great Britain, United Kingdom of Great Britain and Northern Ireland, England, Scotland, Wales, Northern Ireland | British, Briton, Britons, Brit, Brits, English, Englishman, Englishmen, Scottish, Scot, Scots, Welsh, Northern Irish
GEO | | Georgian
GGY | | Guernseyman, Guernsey
GHA | | Ghanaian
GIB | | Gibraltarian
GIN | Guinea-Conakry | Guinean
GLP | | Guadeloupean
GMB | The Gambia | Gambian
GNB | | Bissau-Guinean
GNQ | | Equatoguinean, Equatorial Guinean
GRC | | Greek, Hellenic
GRD | | Grenadian
GRL | | Greenlandic, Greenlander
GTM | | Guatemalan
GUF | | French Guianese, Guianese
GUM | | Guamanian
GUY | | Guyanese
HKG | | Hong Konger, Hongkonger
HMD | Heard Island, McDonald Islands |
HND | | Honduran
HRV | | Croatian, Croat, Croats
HTI | | Haitian
HUN | | Hungarian
IDN | | Indonesian
IMN | | Manx
IND | | Indian
IOT | Chagos, Chagos Islands, Chagos Archipelago | Chagossian
IRL | Republic of Ireland, Eire | Irish, Irishman, Irishmen
IRN | Persia, Islamic Republic of Iran | Iranian, Persian
IRQ | | Iraqi
ISL | | Icelandic, Icelander
ISR | | Israeli
ITA | | Italian
JAM | | Jamaican
JEY | | Jerseyman, Jersian
JOR | | Jordanian
JPN | | Japanese
KAZ | | Kazakhstani, Kazakh
KEN | | Kenyan
KGZ | Kirghizia | Kyrgyz, Kyrgyzstani, Kirghiz
KHM | Kampuchea | Cambodian, Khmer
KIR | | I-Kiribati, Kiribati
KNA | St Kitts and Nevis, St. Kitts and Nevis, St Kitts, Nevis | Kittitian, Nevisian
KOR | Republic of Korea, ROK, S. Korea | South Korean
KWT | | Kuwaiti
LAO | Lao PDR | Lao, Laotian
LBN | | Lebanese
LBR | | Liberian
LBY | | Libyan
LCA | St Lucia, St. Lucia | Saint Lucian, St Lucian
LIE | | Liechtensteiner, Liechtenstein
LKA | Ceylon | Sri Lankan
LSO | | Basotho, Mosotho, Lesothan
LTU | | Lithuanian
LUX | | Luxembourgish, Luxembourger
LVA | | Latvian
MAC | Macau | Macanese
MAF | Saint Martin, St Martin | Saint-Martinoise
MAR | | Moroccan
MCO | | Monegasque, Monacan
MDA | Moldavia | Moldovan
MDG | | Malagasy
MDV | | Maldivian
MEX | | Mexican
MHL | | Marshallese
MKD | Macedonia, FYROM | Macedonian
MLI | | Malian
MLT | | Maltese
MMR | Burma | Burmese, Myanmarese
MNE | | Montenegrin
MNG | | Mongolian
MNP | Northern Marianas | Northern Marianan
MOZ | | Mozambican
MRT | | Mauritanian
MSR | | Montserratian
MTQ | | Martiniquais, Martinican
MUS | | Mauritian
MWI | | Malawian
MYS | | Malaysian
MYT | | Mahoran
NAM | | Namibian
NCL | | New Caledonian
NER | | Nigerien
NFK | | Norfolk Islander
NGA | | Nigerian
NIC | | Nicaraguan
NIU | | Niuean
NLD | Holland, The Netherlands | Dutch, Dutchman, Dutchmen
NOR | | Norwegian
NPL | | Nepalese, Nepali
NRU | | Nauruan
NZL | | New Zealander, Kiwi
OMN | | Omani
PAK | | Pakistani
PAN | | Panamanian
PCN | Pitcairn Islands | Pitcairn Islander
PER | | Peruvian
PHL | | Filipino, Philippine, Filipina, Filipinos
PLW | | Palauan
PNG | | Papua New Guinean
POL | | Polish, Pole, Poles
PRI | | Puerto Rican
PRK | DPRK, D.P.R.K., N. Korea, Democratic People's Republic of Korea | North Korean
PRT | | Portuguese
PRY | | Paraguayan
PSE | Palestine, State of Palestine, Palestinian Territories, Occupied Palestinian Territories, Occupied Palestinian Territory | Palestinian
PYF | Tahiti | French Polynesian, Tahitian
QAT | | Qatari
REU | Reunion | Reunionese
ROU | Rumania | Romanian
RUS | Russia, the Russian Federation | Russian
RWA | | Rwandan
SAU | KSA, Saudi | Saudi, Saudi Arabian
SDN | | Sudanese
SEN | | Senegalese
SGP | | Singaporean
SGS | South Georgia |
SHN | Saint Helena, St Helena, Ascension Island, Tristan da Cunha | Saint Helenian
SJM | Svalbard, Jan Mayen |
SLB | Solomons | Solomon Islander
SLE | | Sierra Leonean
SLV | | Salvadoran, Salvadorean
SMR | | Sammarinese
SOM | | Somali, Somalian
SPM | | Saint-Pierrais
SRB | | Serbian, Serb, Serbs
SSD | | South Sudanese
STP | Sao Tome, São Tomé and Príncipe | Sao Tomean
SUR | Surinam | Surinamese
SVK | | Slovak, Slovakian
SVN | | Slovenian, Slovene
SWE | | Swedish, Swede, Swedes
SWZ | Swaziland | Swazi, Liswati, Emaswati
SXM | Sint Maarten | Sint Maartener
SYC | | Seychellois
SYR | Syrian Arab Republic | Syrian
TCA | Turks and Caicos | Turks and Caicos Islander
TCD | | Chadian
TGO | | Togolese
THA | Siam | Thai
TJK | | Tajik, Tajikistani
TKL | | Tokelauan
TKM | | Turkmen, Turkmenistani
TLS | East Timor | Timorese, East Timorese
TON | | Tongan
TTO | Trinidad, Tobago | Trinidadian, Tobagonian
TUN | | Tunisian
TUR | Turkey, Turkiye | Turkish, Turk, Turks
TUV | | Tuvaluan
TWN | Republic of China, Chinese Taipei | Taiwanese
TZA | | Tanzanian
UGA | | Ugandan
UKR | | Ukrainian
UMI | | 
URY | | Uruguayan
USA | US, U.S., U.S.A., USA, America, United States of America, the States | American
UZB | | Uzbek, Uzbekistani
VAT | Vatican, Vatican City, the Holy See, Holy See | Vatican
VCT | St Vincent, Saint Vincent, St. Vincent and the Grenadines | Vincentian
VEN | | Venezuelan
VGB | British Virgin Islands, BVI | British Virgin Islander
VIR | US Virgin Islands, U.S. Virgin Islands, USVI | US Virgin Islander
VNM | Viet Nam | Vietnamese
VUT | | Ni-Vanuatu, Vanuatuan
WLF | Wallis, Futuna | Wallisian, Futunan
WSM | | Samoan
XKX | Kosovo, Republic of Kosovo | Kosovar, Kosovan
YEM | | Yemeni
ZAF | | South African
ZMB | | Zambian
ZWE | | Zimbabwean
"""

# Short forms that are also ordinary words or pronouns in lower case: matched only as written.
_CASE_SENSITIVE = {"US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "UAE", "U.A.E.", "CAR", "DRC",
                   "D.R.C.", "PRC", "P.R.C.", "ROK", "KSA", "DPRK", "D.P.R.K.", "BVI", "USVI",
                   "FYROM", "Chad", "Jersey", "Guernsey", "Georgia", "Jordan", "Turkey", "Niger",
                   "Guinea", "Kiwi", "Pole", "Poles", "Turks", "Dane", "Danes", "Finn", "Finns",
                   "Lao", "Manx", "Saba", "Nevis", "Wallis"}
# Names no country owns: they must not fall through to a fuzzy match.
_NO_COUNTRY = {"kurdish", "kurd", "kurds", "kurdistan", "arab", "arabs", "arabian", "baloch",
               "balochi", "baluch", "pashtun", "pashtuns", "tamil", "tamils", "yazidi", "yazidis",
               "tatar", "tatars", "chechen", "chechens", "uyghur", "uyghurs", "uighur", "rohingya",
               "european", "europeans", "african", "africans", "asian", "asians", "western",
               "soviet", "latino", "hispanic", "jewish", "muslim", "christian", "sunni", "shia",
               "shiite", "druze", "alawite", "berber", "tuareg", "hausa", "fulani", "somaliland"}
# Display names where pycountry's is an inverted index form ("Palestine, State of").
_DISPLAY = {"RUS": "Russia", "XKX": "Kosovo", "PSE": "Palestine",
            "COD": "Democratic Republic of the Congo", "FSM": "Micronesia",
            "VGB": "British Virgin Islands", "VIR": "US Virgin Islands", "IRN": "Iran",
            "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania", "MDA": "Moldova",
            "SYR": "Syria", "LAO": "Laos", "KOR": "South Korea", "PRK": "North Korea",
            "FLK": "Falkland Islands", "VAT": "Vatican City", "BRN": "Brunei",
            "SHN": "Saint Helena", "TUR": "Turkey", "CZE": "Czech Republic"}


def _fold(text: str) -> str:
    """Lower-case, strip accents and typographic apostrophes so variants share one key."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


_POSSESSIVE = re.compile(r"(?:'s|'|’s|’)$")
_PLURAL_SKIP = ("ese", "sh", "ch", "ss", "s", "ais", "ois", "x", "z")


def _plural(demonym: str) -> list[str]:
    """'Ukrainian' -> ['Ukrainians']; adjectives like 'British' or 'Chinese' take no plural."""
    if demonym.endswith(_PLURAL_SKIP) or " " in demonym and demonym.split()[-1].endswith(_PLURAL_SKIP):
        return []
    if demonym.endswith("man"):
        return [demonym[:-3] + "men"]
    return [demonym + "s"]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """(folded name -> iso3, exact-case name -> iso3, folded demonym -> iso3, iso3 -> name)."""
    names: dict[str, str] = {}
    exact: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    display: dict[str, str] = {}
    for c in pycountry.countries:
        display[c.alpha_3] = getattr(c, "common_name", None) or c.name
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.setdefault(_fold(value), c.alpha_3)
        # "Congo, The Democratic Republic of the" -> "The Democratic Republic of the Congo".
        if ", " in c.name:
            head, tail = c.name.split(", ", 1)
            names.setdefault(_fold(f"{tail} {head}"), c.alpha_3)
    for line in _TABLE.strip().splitlines():
        iso3, extra, dems = (part.strip() for part in line.split("|"))
        if iso3 in _DISPLAY:
            display[iso3] = _DISPLAY[iso3]
        for name in filter(None, (n.strip() for n in extra.split(","))):
            if name in _CASE_SENSITIVE:
                exact[name] = iso3
            else:
                names[_fold(name)] = iso3
                if name.lower().startswith("the "):
                    names.setdefault(_fold(name[4:]), iso3)
        for dem in filter(None, (d.strip() for d in dems.split(","))):
            for form in [dem, *_plural(dem)]:
                if form in _CASE_SENSITIVE:
                    exact[form] = iso3
                else:
                    demonyms.setdefault(_fold(form), iso3)
    # pycountry's names win over a demonym spelled the same ("Dominican" stays ambiguous-free).
    for key in list(demonyms):
        if key in names:
            del demonyms[key]
    # Names that are also common words ("Chad", "Jordan") are kept exact-case only.
    for word in _CASE_SENSITIVE:
        folded = _fold(word)
        if folded in names:
            exact.setdefault(word, names.pop(folded))
    # Dominican is both DOM and DMA; news means the Dominican Republic far more often.
    demonyms[_fold("Dominican")] = "DOM"
    return names, exact, demonyms, display


def _clean(text: str) -> str:
    text = text.strip().strip(".,;:!?\"()[]").strip()
    text = _POSSESSIVE.sub("", text.replace("’", "'"))
    return text


def country_code(text: str, *, demonyms: bool = True) -> str | None:
    """ISO3 code for a country name, short form or demonym: "Russia's" -> "RUS", "U.S." -> "USA".

    Returns None for words that name no country ("Kurdish") or that are not countries at all.
    With ``demonyms=False`` only names count ("Ukraine" yes, "Ukrainian" no), which is what a
    place finder wants.
    """
    if not isinstance(text, str):
        raise TypeError(f"country_code() expects a string, got {type(text).__name__}")
    return _country_code(text, demonyms)


@lru_cache(maxsize=100_000)
def _country_code(text: str, demonyms: bool) -> str | None:
    # Cached: the place finder asks about every capitalised run of every article.
    raw = _clean(text)
    if not raw:
        return None
    names, exact, dems, _ = _tables()
    if raw in exact:
        hit = exact[raw]
        return hit if demonyms or raw not in _demonym_forms() else None
    for candidate in (raw, raw + "." if raw.endswith(("U.S", "U.K")) else raw):
        if candidate in exact:
            return exact[candidate]
    key = _fold(raw)
    if key.startswith("the "):
        key_nothe = key[4:]
    else:
        key_nothe = key
    if key in _NO_COUNTRY or key_nothe in _NO_COUNTRY:
        return None
    for k in (key, key_nothe):
        if k in names:
            return names[k]
    if demonyms:
        for k in (key, key_nothe):
            if k in dems:
                return dems[k]
    return None


@lru_cache(maxsize=1)
def _demonym_forms() -> frozenset[str]:
    forms: set[str] = set()
    for line in _TABLE.strip().splitlines():
        dems = line.split("|")[2]
        for dem in filter(None, (d.strip() for d in dems.split(","))):
            forms.update([dem, *_plural(dem)])
    return frozenset(forms)


@lru_cache(maxsize=100_000)
def is_demonym(text: str) -> bool:
    """True when the word is a people/adjective form ("Ukrainian", "Kurdish"), not a name."""
    raw = _clean(text)
    if not raw:
        return False
    key = _fold(raw)
    if key in _NO_COUNTRY and key not in {"kurdistan", "somaliland"}:
        return True
    if raw in _demonym_forms():
        return country_code(raw, demonyms=False) is None
    return key in _tables()[2]


def country_name(iso3: str) -> str | None:
    """Short English name for an ISO3 code ("RUS" -> "Russia"); None for an unknown code."""
    if not isinstance(iso3, str):
        raise TypeError(f"country_name() expects a string, got {type(iso3).__name__}")
    return _tables()[3].get(iso3.strip().upper())


def iso3_from_iso2(iso2: str) -> str | None:
    """GeoNames speaks ISO2 ("UA"); records speak ISO3 ("UKR"). XK is Kosovo's user code."""
    if iso2 == "XK":
        return "XKX"
    country = pycountry.countries.get(alpha_2=iso2)
    return country.alpha_3 if country else None


def all_country_codes() -> list[str]:
    """Every ISO3 code this module can return."""
    return sorted(set(_tables()[3]) | {"XKX"})
