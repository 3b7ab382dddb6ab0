#!/usr/bin/env python3
"""Generate ontology/gazetteer/countries.toml and capitals.toml.

usage: python3 tools/gazetteer/generate.py [--out DIR] [--countries-json PATH] [--check]

--check writes nothing and exits 1 when the files in --out differ from what would be generated.

Sources (see README.md in this folder):
  - CLDR through Babel (PyPI `babel`): Arabic and English territory names, and the Arabic
    names of capitals from CLDR's time-zone exemplar cities.
  - `world-countries` (npm, mledoze/countries): which states are UN members, capitals in
    English, official names (English and Arabic), English demonyms.
  - The tables below: overrides where CLDR's label differs from common usage, Arabic
    variants, irregular nisba adjectives, capitals CLDR has no exemplar city for,
    Wikidata ids that are certain. Everything else is derived by rule.
The output is deterministic: the same inputs give byte-identical files.
"""
import argparse
import json
import pathlib
import re
import sys
import unicodedata

try:
    import babel
    from babel import Locale
    from babel.core import get_global
except ImportError:  # pragma: no cover
    sys.exit("needs Babel: pip install -r tools/gazetteer/requirements.txt")

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT_COUNTRIES_JSON = HERE / "node_modules" / "world-countries" / "countries.json"

# ----------------------------------------------------------------------------- which entities

# Not UN members, but named as states in the news: typed Country.
EXTRA_COUNTRIES = ["PS", "TW", "XK", "VA"]
# Territories named in the news that are not states: typed Region, no capital.
EXTRA_REGIONS = ["EH", "HK", "MO", "GL", "PR"]
# world-countries marks the Vatican (an observer) as a UN member; the UN has 193 members.
NOT_UN_MEMBER = {"VA"}
UN_MEMBER_COUNT = 193

# ----------------------------------------------------------------------------- English labels

# Where CLDR's English name is not the common English name (Wikipedia title / scorer label).
EN_LABEL = {
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "MM": "Myanmar",
    "TR": "Turkey",  # shared/eval/score.py folds Türkiye to Turkey
    "CI": "Ivory Coast",
    "CZ": "Czech Republic",
    "PS": "Palestine",
    "TL": "East Timor",
    "FM": "Federated States of Micronesia",
    "HK": "Hong Kong",
    "MO": "Macau",
    "VC": "Saint Vincent and the Grenadines",
}

EN_NAMES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "White House"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russian Federation", "Kremlin", "the Kremlin"],  # metonyms folded to the state by score.py
    "IL": ["Tel Aviv"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "KR": ["Republic of Korea", "ROK"],
    "CN": ["People's Republic of China", "PRC"],
    "IR": ["Islamic Republic of Iran"],
    "TR": ["Türkiye", "Turkiye", "Republic of Türkiye", "Republic of Turkiye"],
    "VN": ["Viet Nam"],
    "MM": ["Burma"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "NL": ["Holland", "the Netherlands"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia"],
    "CV": ["Cabo Verde"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"],
    "PS": ["State of Palestine", "Palestinian territories"],
    "VA": ["Holy See", "Vatican"],
    "AE": ["UAE", "Emirates"],
    "SA": ["Kingdom of Saudi Arabia", "KSA"],
    "SY": ["Syrian Arab Republic"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
}

# ----------------------------------------------------------------------------- Arabic labels and names

# Where CLDR's Arabic name is not the plain common name used in the press.
AR_LABEL = {
    "CD": "جمهورية الكونغو الديمقراطية",
    "CG": "جمهورية الكونغو",
    "MM": "ميانمار",
    "PS": "فلسطين",
    "TL": "تيمور الشرقية",
    "HK": "هونغ كونغ",
    "MO": "ماكاو",
    "SA": "السعودية",
    "AE": "الإمارات",
    "OM": "سلطنة عمان",
    "BS": "جزر البهاما",
}

# Other Arabic names and spelling variants (the loader folds hamza/alef, ة/ه, ى/ي, ج/غ, گ/ك,
# diacritics itself, so none of these differ only in those).
AR_NAMES = {
    "US": ["أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية"],
    "GB": ["بريطانيا", "بريطانيا العظمى", "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية"],
    "RU": ["روسيا الاتحادية", "الاتحاد الروسي"],
    "CN": ["جمهورية الصين الشعبية", "الصين الشعبية"],
    "KP": ["كوريا الديمقراطية", "جمهورية كوريا الديمقراطية الشعبية", "كوريا الديموقراطية"],
    "KR": ["جمهورية كوريا"],
    "VN": ["فييتنام", "جمهورية فيتنام الاشتراكية"],
    "IR": ["جمهورية إيران الإسلامية", "الجمهورية الإسلامية الإيرانية", "الجمهورية الإسلامية"],
    "TR": ["الجمهورية التركية", "تركية"],
    "SA": ["المملكة العربية السعودية", "المملكة السعودية"],
    "AE": ["الإمارات العربية المتحدة", "دولة الإمارات", "دولة الإمارات العربية المتحدة"],
    "EG": ["جمهورية مصر العربية"],
    "SY": ["سورية", "الجمهورية العربية السورية"],
    "JO": ["المملكة الأردنية الهاشمية", "المملكة الأردنية"],
    "LB": ["الجمهورية اللبنانية"],
    "IQ": ["جمهورية العراق"],
    "PS": ["دولة فلسطين", "الأراضي الفلسطينية", "الأراضي الفلسطينية المحتلة"],
    "IL": ["دولة إسرائيل"],
    "DE": ["جمهورية ألمانيا الاتحادية"],
    "FR": ["الجمهورية الفرنسية"],
    "IN": ["جمهورية الهند"],
    "BY": ["بيلاروسيا", "روسيا البيضاء"],
    "CZ": ["جمهورية التشيك", "تشيكيا"],
    "HU": ["المجر"],
    "DK": ["الدنمارك"],
    "CD": ["الكونغو الديمقراطية", "الكونغو كينشاسا", "الكونغو"],
    "CG": ["الكونغو برازافيل", "الكونغو"],
    "MM": ["بورما"],
    "CI": ["كوت ديفوار"],
    "CV": ["كابو فيردي"],
    "SZ": ["سوازيلاند"],
    "MK": ["مقدونيا", "شمال مقدونيا"],
    "TL": ["تيمور ليشتي"],
    "BA": ["البوسنة"],
    "ME": ["مونتينيغرو"],
    "OM": ["عُمان"],
    "UA": ["جمهورية أوكرانيا"],
    "LY": ["دولة ليبيا"],
    "QA": ["دولة قطر"],
    "KW": ["دولة الكويت"],
    "BH": ["مملكة البحرين"],
    "MA": ["المملكة المغربية"],
    "DZ": ["الجمهورية الجزائرية"],
    "YE": ["الجمهورية اليمنية"],
    "AF": ["إمارة أفغانستان الإسلامية"],
    "VA": ["دولة الفاتيكان", "مدينة الفاتيكان", "الكرسي الرسولي"],
    "KZ": ["قازاخستان"],
    "KG": ["قرغيزستان"],
    "PH": ["الفيليبين"],
    "NZ": ["نيوزيلاندا"],
    "TH": ["تايلند"],
}

# world-countries Arabic names that are misspelt or not names; never copied.
AR_REJECT = {"المسكيك", "جمهورية أففانستان الإسلامية", "صيربيا", "جمهورية صيربيا",
             "أوزباكستان", "جمهورية أوزباكستان", "جمهورية الصين (تايوان)",
             # the Sahrawi Republic proclaimed by the Polisario Front, not the territory
             "الجمهورية العربية الصحراوية الديمقراطية"}

# Nicknames and metonyms that name the state in the press.
NICKNAMES_AR = {
    "RU": ["الدب الروسي", "الكرملين"],
    "US": ["العم سام", "البيت الأبيض"],
    "CN": ["التنين الصيني"],
    "FR": ["الإليزيه", "قصر الإليزيه"],
    "GB": ["داونينغ ستريت"],
    "IL": ["تل أبيب", "الكيان الصهيوني", "الكيان الإسرائيلي", "دولة الاحتلال"],
    "EG": ["أم الدنيا"],
    "JP": ["بلاد الشمس المشرقة"],
}

# Declared ambiguity: names that two entities knowingly share. (A capital never gets its own
# state's bare name: see build().)
SHARED_AR = {
    "CD": ["الكونغو"],
    "CG": ["الكونغو"],
    "OM": ["عمان", "عماني"],
    # An in-context nisba that spells a city's name: السليمانية (Sulaymaniyah).
    "SB": ["سليمانية"],
}
# Shared nisbas: every inflected form is declared.
SHARED_NISBA = {"CD": ["كونغولي"], "CG": ["كونغولي"]}
CAPITAL_SHARED_AR = {"amman": ["عمان"]}

# Masculine country names (Arabic grammatical gender); all others default to feminine.
MASCULINE = {"IQ", "JO", "LB", "SD", "YE", "MA", "SO", "SN", "NE", "GA", "CM", "SS", "EC",
             "SV", "VA", "CI", "CV", "ME"}

# ----------------------------------------------------------------------------- nisba adjectives

# Masculine singular bases replacing the rule-derived ones (multi-word ones as words with a space).
NISBA_IRREGULAR = {
    # Small states whose adjective no derivation rule gives; the forms used in
    # Arabic press and reference works.
    "BN": ["بروناوي", "بروني"],
    "CV": ["رأس أخضري", "كابو فيردي"],
    "CF": ["أفريقي أوسطي", "إفريقي أوسطي"],
    "GW": ["غيني بيساوي"],
    "LS": ["ليسوتي"],
    "NR": ["ناوروي"],
    "PW": ["بالاوي"],
    "PG": ["بابوي"],
    "KN": ["كيتسي"],
    "LC": ["لوسياني"],
    "VC": ["فنسنتي"],
    "SM": ["سان ماريني"],
    "ST": ["ساوتومي"],
    "TV": ["توفالي"],
    "VU": ["فانواتي"],
    "MC": ["موناكي", "مونيغاسكي"],
    "AG": ["أنتيغوي"],
    "US": ["أمريكي", "أميركي"],
    "GB": ["بريطاني"],
    "SA": ["سعودي"],
    "AE": ["إماراتي"],
    "KP": ["كوري شمالي"],
    "KR": ["كوري جنوبي"],
    "ZA": ["جنوب أفريقي"],
    "SS": ["جنوب سوداني"],
    "AT": ["نمساوي"],
    "PE": ["بيروفي"],
    "TG": ["توغولي"],
    "CD": ["كونغولي"],
    "CG": ["كونغولي"],
    "AF": ["أفغاني"],
    "KZ": ["كازاخستاني", "كازاخي"],
    "UZ": ["أوزبكي", "أوزبكستاني"],
    "TJ": ["طاجيكي", "طاجيكستاني"],
    "TM": ["تركماني", "تركمانستاني"],
    "KG": ["قيرغيزي", "قيرغيزستاني", "قرغيزي"],
    "CI": ["إيفواري"],
    "BA": ["بوسني"],
    "ME": ["مونتينيغري"],
    "TL": ["تيموري"],
    "DO": ["دومينيكاني"],
    "BF": ["بوركيني"],
    "MK": ["مقدوني"],
    "PY": ["باراغواياني"],
    "UY": ["أوروغواياني"],
    "XK": ["كوسوفي"],
    "NL": ["هولندي"],
    "BY": ["بيلاروسي"],
    "HU": ["مجري", "هنغاري"],
    "DK": ["دنماركي", "دانمركي"],
    "CZ": ["تشيكي"],
    "PH": ["فلبيني"],
    "GR": ["يوناني"],
    "BS": ["بهامي"],
    "MV": ["مالديفي"],
    "TW": ["تايواني"],
    "PR": ["بورتوريكي"],
    "TT": ["ترينيدادي"],
    "MO": ["ماكاوي"],
    "VA": ["فاتيكاني"],
    "TR": ["تركي"],
    "SY": ["سوري"],
    "CH": ["سويسري"],
}
# Nisbas that are ordinary words or other names: مالي "financial", قمري "lunar", صحراوي "desert",
# سليماني (Soleimani). Not plain nisbas: the UN members among them get `nisba_ar_in_context`,
# forms that name the state only after a head noun of ontology/rules/reference.rules'
# @name.nisba-head (الرئيس المالي، الحكومة القمرية), never alone (الدعم المالي، التقويم القمري).
NISBA_NONE = {"ML", "KM", "SB", "EH"}
NISBA_IN_CONTEXT = {"ML": ["مالي"], "KM": ["قمري"], "SB": ["سليماني"]}

# Broken plurals in use (الروس، الأتراك ...), added to the sound forms.
BROKEN_PLURAL = {
    "RU": ["روس"], "TR": ["أتراك"], "DE": ["ألمان"], "IN": ["هنود"], "AF": ["أفغان"],
    "US": ["أمريكان", "أميركان"], "AM": ["أرمن"], "BG": ["بلغار"], "RS": ["صرب"],
    "HR": ["كروات"], "ES": ["إسبان"], "UZ": ["أوزبك"], "TJ": ["طاجيك"], "TM": ["تركمان"],
    "KZ": ["كازاخ"], "KG": ["قرغيز"], "MN": ["مغول"], "GB": ["إنجليز", "إنكليز"],
}

NISBA_EN_EXTRA = {"AE": ["Emirati"], "SA": ["Saudi"], "GB": ["Briton"], "KP": ["North Korean"], "KR": ["South Korean"],
                  "CD": ["Congolese"], "CG": ["Congolese"], "TR": ["Turkish"], "PS": ["Palestinian"],
                  "TW": ["Taiwanese"], "XK": ["Kosovar"], "VA": ["Vatican"]}

# ----------------------------------------------------------------------------- capitals

# English capital label where world-countries' differs from the common English name,
# or where a different seat is the one named in the press.
CAPITAL_EN = {
    "US": "Washington, D.C.",
    "YE": "Sanaa",
    "MN": "Ulaanbaatar",
    "BO": "La Paz",  # seat of government; Sucre is the constitutional capital
    "SZ": "Mbabane",  # executive capital; Lobamba is the legislative one
    "LU": "Luxembourg City",
    "DJ": "Djibouti City",
    "ZA": "Pretoria",
}
CAPITAL_ID = {"US": "washington"}
CAPITAL_EN_NAMES = {
    "US": ["Washington", "Washington D.C.", "Washington DC"],
    "UA": ["Kiev"],
    "IN": ["Delhi"],
    "YE": ["Sana'a"],
    "MN": ["Ulan Bator"],
    "CN": ["Peking"],
    "MM": ["Nay Pyi Taw", "Naypyitaw"],
}
# City-states and states whose capital is disputed: no capital entity.
NO_CAPITAL = {"SG", "MC", "VA", "SM", "IL", "PS"}

# Arabic capital names where CLDR has no exemplar city (or its spelling is not the press's).
CAPITAL_AR = {
    "AL": "تيرانا", "AD": "أندورا لا فيلا", "AE": "أبوظبي", "AG": "سانت جونز",
    "AU": "كانبرا", "BI": "جيتيغا", "BH": "المنامة", "BZ": "بلموبان", "BR": "برازيليا",
    "BB": "بريدجتاون", "BN": "بندر سري بكاوان", "CA": "أوتاوا", "CH": "برن", "CN": "بكين",
    "CI": "ياموسوكرو", "CM": "ياوندي", "KM": "موروني", "CV": "برايا", "CR": "سان خوسيه",
    "DM": "روسو", "EC": "كيتو", "FJ": "سوفا", "FM": "باليكير", "GD": "سانت جورجز",
    "GT": "مدينة غواتيمالا", "GY": "جورج تاون", "IN": "نيودلهي", "JM": "كينغستون",
    "KZ": "أستانا", "KI": "تاراوا الجنوبية", "KN": "باستير", "XK": "بريشتينا",
    "KW": "مدينة الكويت", "LC": "كاستريس", "MA": "الرباط", "MV": "مدينة ماليه",  # bare ماليه is مالية "financial" once ة/ه fold
    "MT": "فاليتا",
    "MM": "نايبيداو", "MN": "أولان باتور", "MU": "بورت لويس", "MW": "ليلونغوي",
    "NG": "أبوجا", "NR": "يارين", "NZ": "ويلينغتون", "PK": "إسلام آباد",
    "PA": "مدينة بنما", "PW": "نجيرولمود", "QA": "الدوحة", "SB": "هونيارا",
    "SV": "سان سلفادور", "SC": "فيكتوريا", "TO": "نوكوالوفا", "TR": "أنقرة", "TZ": "دودوما",
    "US": "واشنطن", "VC": "كينغستاون", "VN": "هانوي", "VU": "بورت فيلا", "YE": "صنعاء",
    "ZA": "بريتوريا", "KR": "سيول", "MY": "كوالالمبور", "TW": "تايبيه", "LU": "مدينة لوكسمبورغ",
    "DJ": "مدينة جيبوتي", "BO": "لاباز", "DZ": "الجزائر العاصمة", "TN": "تونس العاصمة",
    "UA": "كييف", "NP": "كاتماندو", "ER": "أسمرة", "AR": "بوينس آيرس", "TD": "نجامينا",
}
# Further Arabic names of capitals.
CAPITAL_AR_NAMES = {
    "KR": ["سول"], "KP": ["بيونغيانغ", "بيونج يانج"], "AE": ["أبو ظبي"],
    "IN": ["نيو دلهي", "دلهي"], "MY": ["كوالا لمبور", "كوالا لامبور"], "TW": ["تايبي"],
    "US": ["واشنطن العاصمة", "واشنطن دي سي"], "MX": ["مدينة مكسيكو", "مدينة المكسيك"],
    "BO": ["لا باز"],
    "AR": ["بوينس أيرس", "بوينوس آيرس"], "DK": ["كوبنهاجن"], "BD": ["داكا"],
    "MM": ["نايبيتاو"], "AF": ["كابل"], "TR": ["انقره"], "RS": ["بلغراد"],
    "GE": ["تبيليسي"], "SO": ["مقديشو"], "LY": ["طرابلس الغرب"],
}
# Metonyms for which the capital folds to the state are the capital itself; cities that are
# named in the news but are not (undisputed) capitals of the state in question:
EXTRA_CITIES = [
    {"id": "jerusalem", "en": "Jerusalem", "ar": "القدس",
     "names_ar": ["القدس المحتلة", "أورشليم", "بيت المقدس"], "names_en": ["Al-Quds"]},
    {"id": "ramallah", "en": "Ramallah", "ar": "رام الله", "names_ar": [], "names_en": []},
]

# ----------------------------------------------------------------------------- Wikidata

# Only ids known with certainty; the rest are left out on purpose.
WIKIDATA = {
    "RU": "Q159", "US": "Q30", "CN": "Q148", "FR": "Q142", "DE": "Q183", "GB": "Q145",
    "JP": "Q17", "IT": "Q38", "IN": "Q668", "BR": "Q155", "CA": "Q16", "AU": "Q408",
    "UA": "Q212", "IL": "Q801", "IR": "Q794", "TR": "Q43", "EG": "Q79", "SA": "Q851",
    "ES": "Q29", "MX": "Q96", "ID": "Q252", "KR": "Q884", "KP": "Q423", "PL": "Q36",
    "SY": "Q858", "IQ": "Q796", "LB": "Q822", "JO": "Q810", "QA": "Q846", "AE": "Q878",
    "PK": "Q843", "AF": "Q889", "VN": "Q881", "BY": "Q184", "ZA": "Q258", "AR": "Q414",
    "NL": "Q55", "CH": "Q39", "SE": "Q34", "NO": "Q20", "FI": "Q33", "DK": "Q35",
    "GR": "Q41", "PT": "Q45", "AT": "Q40", "BE": "Q31", "IE": "Q27", "CU": "Q241",
    "VE": "Q717", "YE": "Q805", "OM": "Q842", "KW": "Q817", "BH": "Q398", "LY": "Q1016",
    "TN": "Q948", "DZ": "Q262", "MA": "Q1028", "SD": "Q1049", "ET": "Q115", "NG": "Q1033",
    "KE": "Q114", "PS": "Q219060", "TW": "Q865", "TH": "Q869", "PH": "Q928", "MY": "Q833",
    "SG": "Q334", "BD": "Q902", "MM": "Q836", "GE": "Q230", "AM": "Q399", "AZ": "Q227",
    "KZ": "Q232", "UZ": "Q265", "HU": "Q28", "RS": "Q403", "RO": "Q218", "CZ": "Q213",
    "CL": "Q298", "CO": "Q739", "PE": "Q419", "NZ": "Q664", "MN": "Q711", "VA": "Q237",
}

# ----------------------------------------------------------------------------- helpers

DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")


def loader_form(name):
    """The spelling the loader reduces a name to (used only to drop redundant variants)."""
    s = DIACRITICS.sub("", name)
    s = re.sub("[أإآٱ]", "ا", s)
    s = s.replace("ى", "ي").replace("ة", "ه").replace("غ", "ج").replace("گ", "ك")
    return re.sub(r"\s+", " ", s).strip()


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def make_id(label):
    s = ascii_fold(label).lower().replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")


def clean_en(label):
    s = label.replace(" & ", " and ").replace("’", "'")
    return re.sub(r"^St\. ", "Saint ", s)


def uniq_ar(names, exclude=()):
    """Arabic names without repeats of what the loader folds together."""
    seen = {loader_form(x) for x in exclude}
    out = []
    for n in names:
        n = re.sub(r"\s+", " ", n.replace(" - ", " ")).strip()
        if not n or n in AR_REJECT or "(" in n:
            continue
        k = loader_form(n)
        if k not in seen:
            seen.add(k)
            out.append(n)
    return out


def uniq(items, exclude=()):
    seen, out = set(exclude), []
    for x in items:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def strip_article(w):
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def nisba_base(word):
    """Masculine nisba of a one-word place name, or None where no rule is safe."""
    w = DIACRITICS.sub("", strip_article(word))
    if w.endswith(("ة",)):
        return w[:-1] + "ي"
    if w.endswith("يا"):
        return w[:-1]
    if w.endswith("ا"):
        return w[:-1] + "ي"
    if w.endswith("اي") or w.endswith(("و", "ء", "ئ")):
        return None
    if w.endswith("ي"):
        return w
    return w + "ي"


def derive_nisba(name):
    words = DIACRITICS.sub("", name).split()
    if len(words) == 1:
        b = nisba_base(words[0])
        return [b] if b else []
    if len(words) == 2 and words[0] == "جزر":
        b = nisba_base(words[1])
        return [b] if b else []
    if len(words) == 2 and words[1].startswith("ال") and words[1].endswith("ية"):
        b = nisba_base(words[0])
        return [b + " " + words[1][2:-1]] if b else []
    return []


SUFFIXES = ["", "ة", "ان", "ين", "تان", "تين", "ون", "ات"]


def inflect(base):
    """All sound forms of a masculine nisba: m, f, dual (both cases), plurals."""
    words = base.split()
    out = []
    for suf in SUFFIXES:
        out.append(" ".join(w + suf if w.endswith("ي") else w for w in words))
    return out


# ----------------------------------------------------------------------------- build

def toml_str(s):
    return json.dumps(s, ensure_ascii=False)


def toml_entity(e):
    lines = ["[[entity]]"]
    for k, v in e.items():
        if v is None or v == [] or v == "":
            continue
        if isinstance(v, list):
            lines.append(f"{k} = [{', '.join(toml_str(x) for x in v)}]")
        elif isinstance(v, int):
            lines.append(f"{k} = {v}")
        else:
            lines.append(f"{k} = {toml_str(v)}")
    return "\n".join(lines)


def exemplar_cities():
    """English exemplar city name (ASCII-folded, lower case) -> Arabic name, from CLDR."""
    ar, en = Locale("ar"), Locale("en")
    aliases = get_global("zone_aliases")
    zones = set(get_global("zone_territories")) | set(aliases)
    out = {}
    for tz in sorted(zones):
        canon = aliases.get(tz, tz)
        a = (ar.time_zones.get(tz, {}).get("city") or ar.time_zones.get(canon, {}).get("city"))
        e = (en.time_zones.get(tz, {}).get("city") or en.time_zones.get(canon, {}).get("city")
             or canon.split("/")[-1].replace("_", " "))
        if a:
            out.setdefault(ascii_fold(e).lower(), a)
    return out


def build(countries_json):
    ar, en = Locale("ar"), Locale("en")
    data = {c["cca2"]: c for c in json.loads(pathlib.Path(countries_json).read_text(encoding="utf-8"))}
    un = sorted(c for c, v in data.items() if v.get("unMember") and c not in NOT_UN_MEMBER)
    if len(un) != UN_MEMBER_COUNT:
        sys.exit(f"expected {UN_MEMBER_COUNT} UN members, found {len(un)}")
    cities_ar = exemplar_cities()

    countries, capitals = [], []
    for iso in un + EXTRA_COUNTRIES + EXTRA_REGIONS:
        wc = data[iso]
        is_region = iso in EXTRA_REGIONS
        cldr_en, cldr_ar = en.territories[iso], ar.territories[iso]
        label_en = EN_LABEL.get(iso) or clean_en(cldr_en)
        label_ar = AR_LABEL.get(iso) or cldr_ar
        wc_ar = wc["translations"].get("ara", {})
        names_ar = uniq_ar(AR_NAMES.get(iso, []) + [cldr_ar, wc_ar.get("common", ""), wc_ar.get("official", "")],
                           exclude=[label_ar])
        names_en = uniq([clean_en(cldr_en), cldr_en.replace("’", "'"), wc["name"]["common"],
                         wc["name"]["official"]] + EN_NAMES.get(iso, []), exclude=[label_en])
        names_en = [n for n in names_en if n != label_en]

        # nisba
        if iso in NISBA_NONE:
            bases = []
        elif iso in NISBA_IRREGULAR:
            bases = NISBA_IRREGULAR[iso]
        else:
            bases = []
            for n in [label_ar] + names_ar[:0] + [wc_ar.get("common", "")]:
                if n and n not in AR_REJECT:
                    bases += derive_nisba(n)
        bases = uniq(bases)
        nisba_ar = uniq([f for b in bases for f in inflect(b)] + BROKEN_PLURAL.get(iso, []))
        dem = wc.get("demonyms", {}).get("eng", {})
        nisba_en = uniq([x.strip() for d in (dem.get("m", ""), dem.get("f", ""))
                         for x in re.split(r",| or ", d)] + NISBA_EN_EXTRA.get(iso, []))

        cid = make_id(label_en)
        entity = {
            "id": cid,
            "type": "Region" if is_region else "Country",
            "en": label_en,
            "ar": label_ar,
            "names_ar": names_ar,
            "names_en": names_en,
            "nisba_ar": nisba_ar,
            "nisba_en": nisba_en,
            "nisba_ar_in_context": [f for b in NISBA_IN_CONTEXT.get(iso, []) for f in inflect(b)],
            "nicknames_ar": NICKNAMES_AR.get(iso, []),
            "capital": None,
            "gender": "m" if iso in MASCULINE else None,
            "iso": None if is_region else iso,
            "wikidata": WIKIDATA.get(iso),
            "shared_names": list(SHARED_AR.get(iso, []))
            + [f for b in SHARED_NISBA.get(iso, []) for f in inflect(b)],
        }
        countries.append(entity)

        if is_region or iso in NO_CAPITAL or not wc.get("capital"):
            continue
        cap_en = CAPITAL_EN.get(iso) or wc["capital"][0]
        cap_ar = CAPITAL_AR.get(iso) or cities_ar.get(ascii_fold(cap_en).lower())
        if not cap_ar:
            sys.exit(f"no Arabic name for the capital of {iso} ({cap_en}): add it to CAPITAL_AR")
        cap_id = CAPITAL_ID.get(iso) or make_id(cap_en)
        cap_names_en = uniq([ascii_fold(cap_en)]
                            + ([wc["capital"][0]] if wc["capital"][0] != cap_en else [])
                            + CAPITAL_EN_NAMES.get(iso, []), exclude=[cap_en])
        cldr_cap = cities_ar.get(ascii_fold(wc["capital"][0]).lower())
        cap_names_ar = uniq_ar(CAPITAL_AR_NAMES.get(iso, []) + ([cldr_cap] if cldr_cap else []), exclude=[cap_ar])
        capital = {
            "id": cap_id, "type": "City", "en": cap_en, "ar": cap_ar,
            "names_ar": cap_names_ar, "names_en": cap_names_en, "capital_of": cid,
            "shared_names": list(CAPITAL_SHARED_AR.get(cap_id, [])),
        }
        entity["capital"] = cap_id
        capitals.append(capital)

    for c in EXTRA_CITIES:
        capitals.append({"id": c["id"], "type": "City", "en": c["en"], "ar": c["ar"],
                         "names_ar": c["names_ar"], "names_en": c["names_en"]})

    # A capital whose bare name is its state's name (تونس، الجزائر، الكويت، جيبوتي، بنما ...) keeps
    # only its distinct form (تونس العاصمة، مدينة الكويت): in the press the bare name is the state,
    # and a capital stands for its state anyway.
    by_id = {e["id"]: e for e in countries}
    for cap in capitals:
        country = by_id.get(cap.get("capital_of"))
        if not country:
            continue
        taken = {loader_form(strip_words(n)) for n in [country["ar"]] + country["names_ar"]}
        cap["names_ar"] = [n for n in cap["names_ar"] if loader_form(strip_words(n)) not in taken]
        if loader_form(strip_words(cap["ar"])) in taken:
            sys.exit(f"capital {cap['id']} has its state's name as label: give it a distinct CAPITAL_AR")

    countries.sort(key=lambda e: e["id"])
    capitals.sort(key=lambda e: e["id"])
    # field order of the format
    order = ["id", "type", "en", "ar", "names_ar", "names_en", "nisba_ar", "nisba_en", "nisba_ar_in_context", "nicknames_ar",
             "capital", "capital_of", "gender", "iso", "wikidata", "shared_names"]
    countries = [{k: e.get(k) for k in order if k in e} for e in countries]
    capitals = [{k: e.get(k) for k in order if k in e} for e in capitals]
    return countries, capitals


def strip_words(name):
    return " ".join(strip_article(w) for w in name.split())


HEADER = """# GENERATED FILE - do not edit by hand.
# Generated by: python3 tools/gazetteer/generate.py   (see tools/gazetteer/README.md)
# Sources: CLDR {cldr} via Babel {babel}; world-countries {wc} (npm); tables in generate.py.
# {what}
"""


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "ontology" / "gazetteer"))
    ap.add_argument("--countries-json", default=str(DEFAULT_COUNTRIES_JSON))
    ap.add_argument("--check", action="store_true", help="compare with the files in --out, write nothing")
    args = ap.parse_args(argv)
    cj = pathlib.Path(args.countries_json)
    if not cj.exists():
        sys.exit(f"{cj} not found: run `npm ci --prefix tools/gazetteer` first (see README.md)")
    wc_version = json.loads((cj.parent / "package.json").read_text())["version"] if (cj.parent / "package.json").exists() else "?"
    countries, capitals = build(cj)
    out = pathlib.Path(args.out)
    if not args.check:
        out.mkdir(parents=True, exist_ok=True)
    stale = []
    meta = {"cldr": get_global("cldr")["version"], "babel": babel.__version__, "wc": wc_version}
    for fname, ents, what in (
        ("countries.toml", countries,
         f"{UN_MEMBER_COUNT} UN member states, observers and partially recognised states (type Country), "
         "and territories (type Region)."),
        ("capitals.toml", capitals,
         "Capitals of the states in countries.toml (type City), and a few cities named in the news that are "
         "not undisputed capitals."),
    ):
        text = HEADER.format(what=what, **meta) + "\n" + "\n\n".join(toml_entity(e) for e in ents) + "\n"
        if args.check:
            current = (out / fname).read_text(encoding="utf-8") if (out / fname).exists() else None
            print(f"{out / fname}: {'up to date' if current == text else 'STALE'}")
            if current != text:
                stale.append(fname)
            continue
        (out / fname).write_text(text, encoding="utf-8")
        print(f"wrote {out / fname}: {len(ents)} entities")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
