"""Hybrid retrieval: dense (Chroma) and BM25 (Dutch stemming, stop words) fused by weighted RRF.

The BM25 index is rebuilt from the chunks in Chroma when a Retriever is made (a fraction of a
second for this corpus), so it is always consistent with the index after an incremental ingest.
English questions are expanded with a small labour-market glossary so BM25 can match Dutch text;
the dense side is multilingual. Imports: settings, models, store.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.models import Chunk, Passage
from assistant.settings import Settings
from assistant.store import Store

# English -> Dutch terms as they occur in labour-market reports (for BM25 only).
GLOSSARY: dict[str, str] = {
    "times": "keer maal",
    "vacancies": "vacatures",
    "vacancy": "vacature",
    # British and American spelling; the reports write "20 km"
    "kilometres": "kilometer km",
    "kilometre": "kilometer km",
    "kilometers": "kilometer km",
    "open": "openstaande",
    "unfilled": "openstaande",
    "industry": "industrie",
    "industrial": "industriële",
    "manufacturing": "industrie",
    "employers": "werkgevers",
    "employer": "werkgever",
    "employees": "werknemers",
    "workers": "werknemers werkenden",
    "worker": "werknemer",
    "jobs": "banen",
    "job": "baan",
    "unemployment": "werkloosheid WW",
    "unemployed": "werklozen",
    "benefit": "uitkering",
    "benefits": "uitkeringen",
    "shortage": "tekort",
    "shortages": "tekorten",
    "staff": "personeel",
    "personnel": "personeel",
    "technicians": "technici",
    "technician": "technicus",
    "technical": "technische",
    "companies": "bedrijven",
    "company": "bedrijf",
    "businesses": "bedrijven",
    "percent": "procent",
    "percentage": "procent",
    "share": "aandeel",
    "proportion": "aandeel",
    "year": "jaar",
    "years": "jaar",
    "end": "eind",
    "quarter": "kwartaal kwart",
    "first": "eerste",
    "second": "tweede",
    "third": "derde",
    "fourth": "vierde",
    "older": "ouder",
    "aged": "jaar",
    "age": "leeftijd",
    "women": "vrouwen",
    "young": "jongeren",
    "youth": "jongeren",
    "students": "studenten",
    "training": "opleiding opleiden",
    "education": "onderwijs",
    "climate": "klimaat",
    "energy": "energie",
    "transition": "transitie",
    "flanders": "vlaanderen",
    "flemish": "vlaamse",
    "netherlands": "nederland",
    "dutch": "nederlandse",
    "temporary": "uitzendkrachten",
    "agency": "uitzendkrachten",
    "switchers": "zij-instromers",
    "entrants": "zij-instromers instroom",
    "salary": "salaris",
    "wages": "lonen",
    "wage": "loon",
    "growth": "groei",
    "decline": "daling krimp",
    "layoffs": "ontslag ontslagen",
    "dismissals": "ontslag",
    "redundancies": "ontslag",
    "bankruptcies": "faillissementen",
    "exports": "export",
    "labour": "arbeidsmarkt",
    "labor": "arbeidsmarkt",
    "market": "markt",
    "demand": "vraag",
    "insufficient": "onvoldoende",
    "uncertainty": "onzekerheid",
    "workload": "werkdruk",
    "pressure": "druk",
    "retirement": "pensioen",
    "migrants": "migranten",
    "migration": "migratie",
    "knowledge": "kennis",
    "months": "maanden",
    "month": "maand",
    "january": "januari",
    "february": "februari",
    "march": "maart",
    "may": "mei",
    "june": "juni",
    "july": "juli",
    "august": "augustus",
    "october": "oktober",
    "december": "december",
    "cabinet": "kabinet",
    "government": "overheid kabinet",
    "sector": "sector",
    "sectors": "sectoren",
    "occupations": "beroepen",
    "professions": "beroepen",
    "skills": "vaardigheden competenties",
    "productivity": "productiviteit",
    "investment": "investeringen",
    "costs": "kosten",
    "prices": "prijzen",
    "obstacle": "belemmering obstakel",
    "hurdles": "uitdagingen drempels belemmeringen",
    "hurdle": "uitdaging drempel belemmering",
    "wrote": "auteurs",
    "rolling": "uitrol",
    "bottleneck": "knelpunt",
    "satisfied": "tevreden",
    "sustainability": "verduurzaming duurzaamheid",
    "grid": "netcongestie net",
    "congestion": "netcongestie",
    "hydrogen": "waterstof",
    "emissions": "uitstoot",
    "reduction": "reductie vermindering",
    "goal": "doel",
    "target": "doel",
    "expected": "verwacht",
    "forecast": "verwacht prognose",
    "apprenticeships": "leerwerkarrangementen bbl",
    "internationals": "internationale",
    "international": "internationale",
    "productive": "productief",
    "hours": "uren",
    "part-time": "deeltijd",
    "parttime": "deeltijd",
    "average": "gemiddeld",
    "highest": "hoogste",
    "lowest": "laagste",
    "largest": "grootste",
    "biggest": "grootste",
    "debate": "debat commissiedebat",
    "committee": "commissie commissiedebat",
    "parliamentary": "kamer",
    "parliament": "kamer",
    "scheduled": "gepland",
    "responsible": "verantwoordelijkheid verantwoordelijk",
    "sustainable": "duurzaam duurzame",
    "sustainably": "duurzaam",
    "bottlenecks": "knelpunten",
    "financing": "financiering",
    "funding": "financiering",
    "guidance": "begeleiding",
    "support": "ondersteuning steun",
    "implementation": "implementatie",
    "technology": "technologie",
    "members": "leden",
    "unions": "vakbonden",
    "union": "vakbond",
    "survey": "onderzoek enquête",
    "credits": "ec studiepunten",  # study credits ("een hbo-certificaat (5EC)"), not a colophon
    "credit": "ec studiepunt",
    "respondents": "respondenten",
    "responded": "respondenten",  # "technicians who responded to the survey"
    "respond": "respondenten",
    "carried": "uitgevoerd",
    "conducted": "uitgevoerd",
    "heat": "warmte",
    "pumps": "warmtepompen",
    "pump": "warmtepomp",
    "needed": "nodig",
    "need": "nodig",
    "per": "per",
    "profit": "winst",
    "profits": "winst",
    "turnover": "omzet",
    "economic": "economische",
    "economy": "economie",
    "situation": "situatie",
    "deteriorate": "verslechtert",
    "improve": "verbetert",
    "positive": "positief",
    "negative": "negatief",
    "attractive": "aantrekkelijk",
    "retraining": "omscholing omscholen",
    "retrain": "omscholen",
    "career": "carrière",
    "consider": "overweegt overwegen",
    "seriously": "serieus",
    "switch": "overstap",
    "plans": "plannen",
    "plan": "plan",
    "cut": "verminderen",
    "greenhouse": "broeikasgassen",
    "gas": "gas",
    "gases": "gassen",
    "carbon": "co2",
    "co2": "co2",
    "storage": "opslag",
    "capture": "afvang",
    "stored": "opgeslagen",
    "price": "prijs",
    "cost": "kosten",
    "emission": "emissie uitstoot",
    "rights": "rechten",
    "allowance": "emissierecht",
    "allowances": "emissierechten",
    "trading": "handel",
    "patent": "patenten",
    "patents": "patenten",
    "applications": "aanvragen aangevraagd",
    "research": "onderzoek",
    "development": "ontwikkeling",
    "innovation": "innovatie",
    "student": "student",
    "enrolled": "volgden ingeschreven",
    "programme": "opleiding programma",
    "programmes": "opleidingen",
    "program": "opleiding",
    "vocational": "mbo",
    "university": "wo universiteit",
    "bachelor": "bachelor",
    "master": "master",
    "graduates": "afgestudeerden",
    "chemistry": "chemie",
    "mechanical": "mechanisch werktuigbouw",
    "engineering": "techniek",
    "electrical": "elektro",
    "mechatronics": "mechatronica",
    "metal": "metaal",
    "steel": "staal",
    "region": "regio",
    "regions": "regio's",
    "cluster": "cluster",
    "clusters": "clusters",
    "ageing": "vergrijzing",
    "aging": "vergrijzing",
    "retire": "pensioen",
    "leave": "uitstromen vertrekken",
    "outflow": "uitstroom",
    "inflow": "instroom",
    "recruitment": "werving instroom",
    "recruit": "werven",
    "hire": "aannemen",
    "approached": "benaderd",
    "hired": "aangenomen",
    "requirements": "eisen",
    "vacancy-filling": "vervullen",
    "fill": "vervullen",
    "filled": "vervuld ingevuld",
    "difficult": "moeilijk lastig",
    "hard": "moeilijk",
    "satisfaction": "tevredenheid",
    "motivated": "gemotiveerd",
    "stress": "stress",
    "busy": "drukte",
    "work": "werk",
    "working": "werken",
    "week": "werkweek",
    "fulltime": "fulltime",
    "full-time": "fulltime",
    "electricians": "elektriciens elektromonteurs",
    "mechanics": "monteurs",
    "installers": "installateurs",
    "operators": "operators",
    "properly": "goed",  # "properly trained": "goed geschoold"
    "lead": "hoofd leiden",  # "(lead) operators": "(Hoofd)operators"; "lead to"
    "engineers": "engineers",
    "looking": "zoeken gezocht",
    "sought": "gezocht",
    "wanted": "gezocht",
    "type": "type",
    "closures": "sluitingen",
    "restructuring": "herstructureringen",
    "competitiveness": "concurrentiekracht concurrentievermogen",
    "policy": "beleid",
    "strategy": "strategie",
    "call": "oproep",
    "social": "sociale",
    "partners": "partners",
    "employment": "werkgelegenheid",
    "healthcare": "gezondheidszorg zorg",
    "care": "zorg",
    "defence": "defensie",
    "defense": "defensie",
    "budget": "budget",
    "gdp": "bbp",
    "housing": "woningbouw woningen",
    "homes": "woningen",
    "network": "netwerk net",
    "electricity": "elektriciteit",
    "transformers": "transformatoren",
    "cables": "kabels",
    "substations": "verdeelstations",
    "expand": "uitbreiden",
    "capacity": "capaciteit",
    "utilisation": "bezetting capaciteitsbezetting",
    "utilization": "capaciteitsbezetting",
    "critical": "kritieke kritiek",
    "long-term": "langdurig",
    "days": "dagen",
    "smes": "mkb",
    "sme": "mkb",
    "belgium": "belgië",
    "belgian": "belgische",
    "germany": "duitsland",
    "german": "duitse",
    "europe": "europa",
    "european": "europese",
    "france": "frankrijk",
    "asia": "azië",
    "america": "amerika",
    "brussels": "brussel",
    "wallonia": "wallonië",
    "main": "belangrijkste",
    "important": "belangrijk",
    # informal and hyphenated English an advisor types
    "techs": "technici",
    "side-entrants": "zij-instromers",
    "career-changers": "zij-instromers",
    "job-seekers": "werkzoekenden",
    "claimants": "ww'ers uitkering",
    "claimant": "ww'er uitkering",
    "trainees": "leerlingen",
    "newcomers": "instromers",
    "operatives": "medewerkers operators",
    "want": "wil willen",
    "wants": "wil willen",
    "manufacturers": "industrie fabrikanten productiebedrijven",
    "manufacturer": "industrie fabrikant",
    "mid": "halverwege medio",
    "holding": "belemmerd belemmering",
    "hampering": "belemmerd belemmering",
    "hindering": "belemmerd belemmering",
}

# Dutch words that reports and advisors use for the same thing ("woningen" asked, "huizen"
# written). A question word matches a text through any word of its set (answer scoring only).
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("woning", "huis", "huizen"),
    ("baan", "banen", "arbeidsplaats", "arbeidsplaatsen", "job", "jobs"),  # Flemish: jobs
    ("werknemer", "werknemers", "medewerkers", "personeel"),
    ("bedrijf", "bedrijven", "ondernemingen", "ondernemers"),
    ("salaris", "loon", "inkomen"),
    ("opleiding", "opleidingen", "studie", "scholing"),
    ("stijging", "stijgen", "toename", "toenemen", "groei", "groeien", "oplopen", "oplopende"),
    ("kosten", "prijzen"),
    ("daling", "dalen", "afname", "afnemen", "krimp", "krimpen"),
    ("voornaamste", "belangrijkste"),
    ("uitstoot", "emissie", "emissies"),
    ("werklozen", "werkzoekenden", "ww'ers"),
    ("zij-instromers", "carrièreswitchers", "omscholers"),
    ("technicus", "technici"),
    ("student", "studenten", "leerlingen", "eerstejaars"),  # "40.000 studenten begonnen"
    ("verwachting", "prognose"),
    ("ontslag", "ontslagen", "ontslaan"),
    ("voorrang", "prioritair", "prioritaire", "prioriteit", "prioriteiten"),
    ("genoeg", "voldoende"),
    ("hooguit", "maximaal", "hoogstens", "max"),
    ("begint", "beginnen", "start", "starten", "gestart"),
    ("sector", "sectoren", "industrietak", "industrietakken"),
    ("deeltijd", "parttime", "parttimer", "parttimers"),
    ("voltijd", "fulltime"),
    ("vervullen", "vervuld", "invullen", "ingevuld", "opvullen", "opgevuld"),
    ("groep", "groepen", "categorie", "categorieën"),
    ("verwarmen", "verwarmd", "opwarmen", "opgewarmd"),
    ("plusser", "plussers", "ouder"),  # "55-plussers": "55 jaar of ouder"
    ("vakmensen", "vakkrachten", "vaklieden"),
    ("vervoer", "vervoeren", "transport", "transporteren"),
    ("hernieuwbare", "duurzame"),
    ("opslaan", "opslag"),
    ("verbruik", "verbruiken", "gebruik", "gebruiken"),
    ("werkgelegenheid", "tewerkstelling"),  # the Flemish report's word
    ("krachtig", "krachtige", "sterk", "sterke"),
    ("importeren", "geïmporteerde", "import", "invoeren", "ingevoerde", "invoer"),
    ("afhankelijk", "afhankelijkheid", "leunen", "leunt"),
    ("moederbedrijf", "moedermaatschappij", "hoofdkantoor", "hoofdkwartier"),
    ("gepolst", "polsen", "benaderd", "benaderen"),  # for another job
    ("kilometer", "kilometers", "km"),
    ("megaton", "megatonnen", "mton", "mt"),
    ("studiepunt", "studiepunten", "ec"),  # "5EC"
    ("kvk", "koophandel"),  # Kamer van Koophandel
    ("bekostiging", "bekostigen", "financiering", "financieren"),  # of education
    ("geraadpleegd", "raadplegen", "opgevraagd", "opvragen"),  # a source
    ("bezuinigen", "bezuinigingen", "bezuiniging", "snijden"),  # "snijden in het budget"
    ("haalbaar", "onhaalbaar", "realiseren", "realiseerbaar"),  # "niet te realiseren"
    ("operationeel", "draaien", "draait", "functioneren", "functioneert"),  # a plant, a project
    ("extra", "aanvullend", "aanvullende", "bijkomend", "bijkomende"),  # a course, a cost
    ("momenteel", "inmiddels", "thans", "tegenwoordig"),  # the latest figure
    ("blok", "blokken", "periode", "periodes"),  # of a course: "4 periodes van 10 weken"
    ("werkelijk", "echt"),
    ("inrichten", "ingericht", "organiseren", "georganiseerd"),
    ("struikelblok", "struikelblokken", "obstakel", "obstakels", "hindernis", "hindernissen"),
    ("oorspronkelijk", "oorspronkelijke", "aanvankelijk", "aanvankelijke"),  # a target
    ("verscherpt", "verscherpen", "aangescherpt", "aanscherpen"),
    ("afspraak", "afspraken", "afgesproken", "afspreken"),
    ("cijfermatig", "cijfermatige", "kwantitatief", "kwantitatieve"),  # a shortage in numbers
    ("geheel", "volledig", "volledige", "helemaal", "compleet", "complete"),  # neutral, renewed
    ("onmisbaar", "onmisbare", "cruciaal", "cruciale", "essentieel", "essentiële"),
    ("werkloosheidsuitkering", "werkloosheidsuitkeringen", "ww-uitkering", "ww-uitkeringen"),
    ("octrooi", "octrooien", "patent", "patenten", "octrooiaanvraag", "octrooiaanvragen"),
    ("warmtenet", "warmtenetten", "stadsverwarming"),  # "(stadsverwarming)" explains it
    ("rijk", "rijksoverheid", "overheid"),  # "de ambitie van het Rijk": the government's
    ("stap", "stappen", "fase", "fasen"),  # of a method: "de vier stappen van ..."
)

# Words that find the passage but do not make a sentence answer: a survey's method section
# counts its "respondenten", while sentences near it name other groups of respondents.
SEARCH_SYNONYMS: tuple[tuple[str, ...], ...] = (
    (
        "ondervraagd",
        "ondervraagde",
        "ondervraagden",
        "bevraagd",
        "bevraagde",
        "respondent",
        "respondenten",
    ),
)


@lru_cache(maxsize=2)
def synonyms(search: bool = False) -> dict[str, tuple[str, ...]]:
    """Each stem of SYNONYMS (and, to search, of SEARCH_SYNONYMS) with the stems of its set."""
    out: dict[str, tuple[str, ...]] = {}
    for words in SYNONYMS + (SEARCH_SYNONYMS if search else ()):
        stems = tuple(dict.fromkeys(_stemmer().stemWords(list(words))))
        for s in stems:
            out[s] = tuple(dict.fromkeys([*out.get(s, ()), *stems]))
    return out


LEXICON_FILE = Path(__file__).with_name("data") / "lexicon_nl_en.tsv"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, ...]]:
    """English word (or two-word term) -> the Dutch corpus words it translates, most frequent
    first, at most four: data/lexicon_nl_en.tsv (Dutch -> English) read backwards."""
    out: dict[str, list[str]] = {}
    for line in LEXICON_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        dutch, english = line.split("\t")
        for term in english.split(","):
            term = term.strip().lower()
            if term and len(term.split()) <= 2:
                words = out.setdefault(term, [])
                if dutch not in words and len(words) < 4:
                    words.append(dutch)
    return {term: tuple(words) for term, words in out.items()}


def translations(word: str, following: str | None = None) -> tuple[list[str], bool]:
    """The Dutch words for an English word: a two-word term of the lexicon first ("charging
    points", "grid operators": netbeheerders), else the hand glossary, else the lexicon.
    Returns the words and whether the following word was used."""
    lex = lexicon()
    pair = lex.get(f"{word} {following}", ()) if following else ()
    if pair:
        return list(pair), True
    if word in GLOSSARY:
        return GLOSSARY[word].lower().split(), False
    if word not in lex and len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        # a plural the lexicon has only in the singular ("themes": thema, "bodies": body)
        singulars = ((word[:-3] + "y",) if word.endswith("ies") else ()) + (word[:-1], word[:-2])
        for singular in singulars:
            if singular in lex or singular in GLOSSARY:
                return translations(singular)
    return list(lex.get(word, ())), False


# the Snowball English stop list, with the words that only ask ("many", "much", "according to
# the report", "what do they say") and without "both" (zowel, a Dutch content word): for English
# questions, whose content words ("open", "young", "older") the long list would drop
_ENGLISH_STOP = """i me my myself we our ours ourselves you your yours yourself yourselves he him
    his himself she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any each
    few more most other some such no nor not only own same so than too very s t can will
    just don should now d ll m o re ve y ain aren couldn didn doesn hadn hasn haven isn ma
    mightn mustn needn shan shouldn wasn weren won wouldn many much would could also among
    amongst across within without around along upon since whether yet still ever though
    although however toward towards onto say says said according"""
ENGLISH_STOP_WORDS = frozenset(_ENGLISH_STOP.split())

# prefixes of Dutch verbs and their nouns ("verlaging", "ontslag"), which are no first part of a
# compound although "ver" (far) and "her" are words of their own
VERB_PREFIXES = frozenset({"ver", "ont", "her"})

# abbreviated months as an advisor types them ("okt 2025", "Oct 2025"); not "mar"/"may"
MONTHS = {
    "jan": "januari",
    "feb": "februari",
    "mrt": "maart",
    "apr": "april",
    "jun": "juni",
    "jul": "juli",
    "aug": "augustus",
    "sep": "september",
    "sept": "september",
    "okt": "oktober",
    "oct": "oktober",
    "nov": "november",
    "dec": "december",
}

# CO2 (CO₂ once its subscript is read as 2, see _words) is one word ("co2"), not the stop word
# "co" and a number
_TOKEN = re.compile(r"co2(?:-[a-zà-ÿ]+)*|\d+(?:[.,]\d+)*%?|[a-zà-ÿ]+(?:-[a-zà-ÿ]+)*", re.IGNORECASE)
# the ending of an abbreviation's plural or possessive ("WW'ers", "mbo’er", "CBS's"): no word
_APOSTROPHE_ENDING = re.compile(r"(?<=\w)['’](?:ers?|s)\b", re.IGNORECASE)


@lru_cache(maxsize=2)
def _stop_words(english: bool = False) -> frozenset[str]:
    """Dutch stop words (the stop-words package), and English ones: for Dutch text the
    package's long English list (1,300 words, which also drops Dutch "qua", "via", "ten")
    but for the words Dutch text uses for what it is about (NOT_STOP_WORDS: "20 km", "97%
    man"), for an English question a short one: the long list has "open", "young", "older",
    "work", "year" and "highest", which are what the question is about."""
    from stop_words import get_stop_words

    if english:
        english_words = ENGLISH_STOP_WORDS
    else:
        english_words = frozenset(get_stop_words("english")) - NOT_STOP_WORDS
    return (
        frozenset(get_stop_words("dutch"))
        | DUTCH_CONJUNCTIONS
        | DUTCH_FUNCTION_WORDS
        | HEDGES
        | EMPHASIS
        | english_words
    )


# words of the long English list that Dutch text uses for what it is about: units ("20 km",
# "500 MW", "5EC" study credits, "103 Mt"), "97% man", "HR-beslissers"
NOT_STOP_WORDS = frozenset({"km", "kg", "kw", "mw", "gw", "man", "ec", "mt", "hr"})
# conjunctions the package's Dutch list lacks ("Waarom ..., terwijl ...?")
DUTCH_CONJUNCTIONS = frozenset({"terwijl", "hoewel", "doordat", "zodat", "echter"})
# words that hedge a figure ("ongeveer hoeveel", "roughly what percentage"): no topic
HEDGES = frozenset({"ongeveer", "circa", "zowat", "roughly", "approximately", "approx"})
# adverbs that stress, no topic ("er zijn gewoonweg te weinig sollicitanten"); unknown to the
# reports, they would be split into known parts ("gewoon" + "weg")
EMPHASIS = frozenset({"gewoonweg", "simpelweg", "domweg", "eenvoudigweg"})
# function words the package's Dutch list lacks: a preposition ("het percentage binnen het
# personeelsbestand"), a pronoun ("volgens hen") and "of it" ("de financiering daarvan")
DUTCH_FUNCTION_WORDS = frozenset({"binnen", "hen", "daarvan", "ervan", "hiervan"})


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("dutch")


_DOUBLE_VOWEL = re.compile(r"(aa|ee|oo|uu)([^aeiouy])$")
_INFLECTED = re.compile(r"([^aeiouy])(?:\1)?e$")


def plain_form(stem: str) -> str:
    """A stem in a plain form, which matching compares beside the stem itself:
    - a double vowel before the last consonant made single: the Snowball stemmer gives
      'sectoor' for 'sectoren' but 'sector' for 'sector', 'jar' for 'jaren' but 'jaar' for
      'jaar';
    - the -e of an inflected adjective dropped, which the stemmer keeps after most consonants
      ('kritieke' for 'kritiek', 'grote' for 'groot', 'krappe' for 'krap'): so both are 'grot'.
    """
    if len(stem) >= 4:
        stem = _INFLECTED.sub(lambda m: m.group(1), stem)
    return _DOUBLE_VOWEL.sub(lambda m: m.group(1)[0] + m.group(2), stem)


def normalize_number(token: str) -> str:
    """'28.000' -> '28000', '4,5%' -> '4,5%': thousands dots go, decimal commas stay."""
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", token):
        return token.replace(".", "")
    return token


def _words(text: str, english: bool = False) -> list[tuple[int, str, tuple[str, ...], str | None]]:
    """The words of a text that count, lowercased: (position among all its tokens, the word or
    the normalised number, the parts of a hyphenated word, the token after it). Stop words and
    single letters are left out; numbers are normalised ('28.000' -> '28000')."""
    stop = _stop_words(english)
    tokens = _TOKEN.findall(_APOSTROPHE_ENDING.sub("", text.lower().replace("₂", "2")))
    out: list[tuple[int, str, tuple[str, ...], str | None]] = []
    for i, raw in enumerate(tokens):
        if raw[0].isdigit():
            out.append((i, normalize_number(raw.rstrip("%")), (), None))
        elif raw not in stop and len(raw) >= 2:
            raw = MONTHS.get(raw, raw)
            parts = tuple(p for p in raw.split("-") if len(p) > 1 and p not in stop)
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            out.append((i, raw, parts if "-" in raw else (), following))
    return out


def term_groups(text: str, expand_english: bool = False) -> list[tuple[str, ...]]:
    """The stems of a question, one group per word: the word's stem and, for English, the
    stems of its Dutch translations. A group matches a text when any of its stems does."""
    stemmer = _stemmer()
    same = synonyms()
    groups: list[tuple[str, ...]] = []
    skip = -1  # the second word of a two-word term already used
    for i, word, parts, following in _words(text, expand_english):
        if i == skip:
            continue
        if word[0].isdigit():
            groups.append((word,))
            continue
        words, dutch = [word], []
        if expand_english:
            dutch, used = translations(word, following)
            if used:
                skip = i + 1
            words = dutch + ([word, following] if used and following else [word])
        stems = stemmer.stemWords(words)
        groups.append(tuple(dict.fromkeys(a for s in stems for a in [s, *same.get(s, ())])))
        # "financial-administrative": each part, translated too; not the parts of an English
        # word that is translated whole ("part-time": deeltijd, not "deel" and "tijd")
        for p in [] if dutch else parts:
            part_dutch = translations(p)[0] if expand_english else []
            groups.append(tuple(dict.fromkeys(stemmer.stemWords([*part_dutch, p]))))
    return groups


def tokenize(text: str, expand_english: bool = False) -> list[str]:
    """Lowercase, stop words out, Dutch stems; numbers normalised; compounds also split."""
    words: list[str] = []
    for _, word, parts, _ in _words(text, expand_english):
        if expand_english and not word[0].isdigit():
            words.extend(translations(word)[0][:2])  # BM25: the two most likely translations
        words.append(word)
        for p in parts:
            words.extend(translations(p)[0][:2] if expand_english else [])
            words.append(p)
    return list(_stemmer().stemWords(words))


class Retriever:
    """Dense + BM25 over the same chunks; thread-safe for concurrent queries."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self._lock = threading.Lock()
        self.refresh()

    def refresh(self) -> None:
        """Rebuilds the BM25 side from the chunks now in the index."""
        import bm25s

        vectors: np.ndarray | None = None
        if self.store.count() <= self.settings.exact_search_max:
            chunks, vectors = self.store.all_vectors()
        else:
            chunks = self.store.all_chunks()
        order = sorted(
            range(len(chunks)),
            key=lambda i: (chunks[i].source, chunks[i].page or 0, chunks[i].line_start or 0),
        )
        chunks = [chunks[i] for i in order]
        if vectors is not None and len(chunks):
            vectors = vectors[order]
            vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        tokens = [tokenize(f"{c.heading}\n{c.text}") for c in chunks]
        bm25 = bm25s.BM25()
        if chunks:
            bm25.index(tokens, show_progress=False)
        with self._lock:
            self.chunks = chunks
            self._position = {c.id: i for i, c in enumerate(chunks)}  # in reading order
            self.bm25 = bm25
            self._vectors = vectors
            self._doc_freq = self._document_frequencies(tokens)
            self._source_stems = self._stems_by_source(chunks, tokens)

    @staticmethod
    def _document_frequencies(tokens: list[list[str]]) -> dict[str, int]:
        df: dict[str, int] = {}
        for doc in tokens:
            for t in set(doc):
                df[t] = df.get(t, 0) + 1
        return df

    @staticmethod
    def _stems_by_source(chunks: list[Chunk], tokens: list[list[str]]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for chunk, doc in zip(chunks, tokens, strict=True):
            out.setdefault(chunk.source, set()).update(doc)
        return out

    def in_document(self, source: str, stems: set[str]) -> bool:
        """Whether any of the stems occurs anywhere in the document."""
        return bool(stems & self._source_stems.get(source, set()))

    def idf(self, stem: str) -> float:
        n = max(len(self.chunks), 1)
        return float(
            np.log(
                1 + (n - self._doc_freq.get(stem, 0) + 0.5) / (self._doc_freq.get(stem, 0) + 0.5)
            )
        )

    def following(self, chunk: Chunk) -> Chunk | None:
        """The next chunk of the same document and page in reading order, if it adjoins."""
        return self._adjoining(chunk, 1)

    def preceding(self, chunk: Chunk) -> Chunk | None:
        """The chunk before, of the same document and page, if it adjoins."""
        return self._adjoining(chunk, -1)

    def _adjoining(self, chunk: Chunk, step: int) -> Chunk | None:
        with self._lock:
            chunks, i = self.chunks, self._position.get(chunk.id)
        if i is None or not 0 <= i + step < len(chunks):
            return None
        other = chunks[i + step]
        same = other.source == chunk.source and other.page == chunk.page
        return other if same and "Voetnoten" not in (other.heading, chunk.heading) else None

    def known(self, stem: str) -> bool:
        """Whether a stem occurs anywhere in the indexed chunks."""
        return stem in self._doc_freq

    def decompose(self, stem: str) -> list[str] | None:
        """A compound the corpus does not know, split into two stems it does know."""
        for i in range(3, len(stem) - 2):
            left, right = stem[:i], stem[i:]
            if left in VERB_PREFIXES:
                continue  # "verlaging" is no "ver" (far) and "laag"
            if self.known(left) and (self.known(right) or self.known(right.lstrip("s"))):
                return [left, right if self.known(right) else right.lstrip("s")]
        return None

    def bm25_search(self, query: str, k: int) -> list[tuple[Chunk, float]]:
        tokens = tokenize(query, expand_english=True)
        tokens += [p for t in tokens if not self.known(t) for p in self.decompose(t) or []]
        same = synonyms(search=True)
        tokens += [s for t in tokens for s in same.get(t, ()) if s != t]  # woningen: huizen
        with self._lock:
            chunks, bm25 = self.chunks, self.bm25
        if not chunks or not tokens:
            return []
        scores = bm25.get_scores(tokens)
        order = np.argsort(-scores)[:k]
        return [(chunks[i], float(scores[i])) for i in order if scores[i] > 0]

    def dense_search(self, query: str, k: int) -> list[tuple[Chunk, float]]:
        """The k chunks nearest to the query by cosine similarity: an exact search over the
        stored vectors for a corpus of this size (Chroma's HNSW is approximate and was seen to
        miss the nearest chunk), Chroma's own search beyond `exact_search_max` chunks."""
        with self._lock:
            chunks, vectors = self.chunks, self._vectors
        if vectors is None:
            return self.store.dense_search(query, k)
        if not chunks:
            return []
        q = np.asarray(self.store.embedder.embed_query(query), dtype=np.float32)
        sims = vectors @ (q / max(float(np.linalg.norm(q)), 1e-12))
        order = np.argsort(-sims, kind="stable")[:k]
        return [(chunks[i], float(sims[i])) for i in order]

    def search(self, query: str, k: int | None = None) -> list[Passage]:
        """The fused ranking; at least `k` passages when the index has them."""
        s = self.settings
        k = k or s.k
        depth = max(s.candidates, k)
        dense = self.dense_search(query, depth)
        sparse = self.bm25_search(query, depth)
        fused: dict[str, Passage] = {}
        for rank, (chunk, sim) in enumerate(dense):
            p = fused.setdefault(chunk.id, Passage(chunk=chunk, score=0.0))
            p.score += s.dense_weight / (s.rrf_k + rank + 1)
            p.dense_rank, p.dense_similarity = rank + 1, sim
        for rank, (chunk, _score) in enumerate(sparse):
            p = fused.setdefault(chunk.id, Passage(chunk=chunk, score=0.0))
            p.score += s.bm25_weight / (s.rrf_k + rank + 1)
            p.bm25_rank = rank + 1
        ranked = sorted(fused.values(), key=lambda p: -p.score)
        return ranked[: max(k, 1)]
