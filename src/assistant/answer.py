"""Extractive, number-aware answering with exact citations, and the Assistant facade.

The answer is extracted, deterministic and fast: the question's type (quantity, percentage,
date, entity/list, explanation) and constraints (years, quarters, months) are read from the
question; the sentences of the top passages are scored on weighted term coverage, type match,
constraints and retrieval rank; the best sentence (cut to 400 characters around its figure)
is the answer. A sentence about another year, quarter, place, sector, level of education or
occupation than asked is a conflict (SCOPES, labels, subgroups), and a conflict declines unless
a runner-up names what was asked. "Which has more, A or B?" is answered by both figures, read
from one sentence or two rows of one table (choice_asked, figure_sides); "who wrote it" by the
names its report's colophon lists (authors_in). The values of an infographic, which the PDF
gives as lines of group names, captions and shares, are read as rows of their own (panels).
Abstains when nothing scores high enough, shows conflicting figures from different reports side
by side, and never returns a number that is not in one of its quotes. The passages it lists
are reranked by their best sentence.
Imports: settings, models, chunk, store, retrieve, ingest (to build a missing index, and to
read original files exactly as ingestion does).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.chunk import is_footnote, sentence_spans, squash
from assistant.models import Answer, Chunk, Citation, Passage
from assistant.retrieve import Retriever, plain_form, synonyms, term_groups, tokenize
from assistant.settings import Settings, get_settings


class QuestionError(ValueError):
    """Bad input (empty or too long question); the message is one line for the user."""


# ---------------------------------------------------------------- question analysis (pure)

# a number, also one glued to an abbreviated unit ("een hbo-certificaat (5EC)")
NUMBER = re.compile(
    r"(?<![\w.,])\d+(?:[.,]\d+)*(?:\s?(?:%|procent|percent))?(?:(?![\w])|(?=[A-Z]{2,4}\b))"
)
PERCENT = re.compile(
    r"\d+(?:[.,]\d+)?\s?(?:%|procent\b|percent\b|procentpunt)|\b\d+ op (?:de )?\d+\b"
    r"|\b(?:de helft|een derde|een kwart|driekwart|twee derde)\b",
    re.IGNORECASE,
)
CHANGE = re.compile(  # "hoeveel groeit ...", "how much has it gone up": a change
    r"\b(minder|meer|gestegen|gedaald|groei|groeit|groeide|daling|stijging|stijgt|steeg|daalt"
    r"|daalde|toename|afname|toegenomen|afgenomen|less|more|increase[ds]?|decrease[ds]?|grow|grew"
    r"|grown|fall|fell|rise|rose|(?:gone|went|go) (?:up|down)|improve[ds]?|verbeter\w*|verhoog\w*"
    r"|verlaag\w*|verminder\w*|reduce[ds]?|rais(?:e|ed|es))\b",
    re.IGNORECASE,
)
COMPARISON = re.compile(
    r"\b(veranderd[e]?|ontwikkeld[e]?|verschil|vergeleken|tegenover|ten opzichte|een jaar eerder"
    r"|jaar ervoor|develop(ed)?|chang(e|ed)|compared?|more or fewer|than in|the year before"
    # a direction asked ("gestegen of gedaald", "go up or down")
    r"|gestegen of gedaald|toegenomen of afgenomen|up or down|rise or fall|risen or fallen"
    r"|increased? or decreased?)\b"
    # two figures asked ("hoeveel vacatures ..., en hoeveel WW'ers ...?")
    r"|\bhoeveel\b.*\ben hoeveel\b|\bhow many\b.*\band how many\b",
    re.IGNORECASE,
)
# a choice between two ("meer in A of in B", "more for A or for B", "hoger of lager"); not
# "six months or less", nor the English "of" ("more than half of them")
CHOICE = re.compile(
    r"(?<!\bof )\b(?:meer|minder|hoger|lager|groter|kleiner)\b[^?]*?\sof\s"
    r"|(?<!\bor )\b(?:more|fewer|less|higher|lower|larger|bigger|smaller)\b(?! than)[^?]*?\sor\s",
    re.IGNORECASE,
)
YEAR_RANGE = re.compile(r"(?<!\d)(?:19|20)\d\d\s?[-–]\s?(?:19|20)?\d\d(?!\d)")
IDENTIFIER = re.compile(
    r"(?:niveau|level|fase|phase|artikel|article|hoofdstuk|chapter|tabel|table|figuur|figure"
    r"|bijlage|annex|\bstap|\bstep|\bmbo|\bnr|\bno|\btop|\bplek|\bplaats|\bplace|\brank"
    r"|\bcluster)[\s.-]*$",
    re.IGNORECASE,
)
# the second label of a list of them: "beroepsniveau 2 en 1", "levels 3 or 4"
LABEL_LIST = re.compile(
    r"(?:niveau|level|fase|phase|stap|step|plek|plaats|place)s?[\s.-]*\d{1,2}\s*(?:,|en|of|tot"
    r"|and|or|to|-|–)\s*$",
    re.IGNORECASE,
)
# Counts in words, two to twenty and the tens to fifty
# fmt: off
_COUNTS_NL = ("twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
              "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
              "negentien", "twintig")
_COUNTS_EN = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
              "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
              "nineteen", "twenty")
NUMBER_VALUES = {
    **{w: str(i) for names in (_COUNTS_NL, _COUNTS_EN) for i, w in enumerate(names, start=2)},
    "dertig": "30", "veertig": "40", "vijftig": "50", "thirty": "30", "forty": "40", "fifty": "50",
}
# fmt: on
# ... in a text ("zeven prioritaire thema's"); they answer only when what is counted follows.
# Not "ten": Dutch "ten tweede", "ten opzichte".
_NUMBER_WORD = "|".join(w for w in NUMBER_VALUES if w != "ten")
NUMBER_WORDS = re.compile(rf"\b(?:{_NUMBER_WORD})\b", re.IGNORECASE)
ONE = re.compile(r"\b[ÉéE]én\b")  # "één", "Eén": one (the article "een" has no accents)
# "één op de vijf bedrijven", "twee op de drie": a share in words, no count
SPELLED_RATIO = re.compile(
    rf"\b(?:[ÉéE]én|\d+|{_NUMBER_WORD})\s+op\s+(?:de\s+)?(?:\d+|{_NUMBER_WORD})\b", re.IGNORECASE
)
# a range or a ratio in words: "between three and six months", "één op de vijf"; not a count of
# what is asked ("welke twee maatregelen"), which the answer need not write
SPELLED_SPAN = re.compile(
    rf"\b(?:between|tussen)\s+(?:{_NUMBER_WORD})\s+(?:and|en)\s+(?:{_NUMBER_WORD})\b"
    rf"|\b(?:{_NUMBER_WORD})\s+(?:tot|to)\s+(?:{_NUMBER_WORD})\b"
    rf"|\b(?:one|[ÉéE]én|{_NUMBER_WORD})\s+(?:in|op)\s+(?:de\s+)?(?:{_NUMBER_WORD})\b",
    re.IGNORECASE,
)
URL = re.compile(r"(?:https?://|www\.)\S+")
# a footnote marker that opens a sentence ("hbo. 13 Verder vertrekken ...")
FOOTNOTE_MARK = re.compile(r"(?:^|(?<=[.!?]\s))\d{1,2}\s+(?=[A-Z])")
# ... or is glued to the number that ends it: "waren dat er al 167.000.6 Er zijn", "ten opzichte
# van 2023.18 Toch" (not a section number: "1.1 Nederland in energietransitie")
GLUED_FOOTNOTE_MARK = re.compile(r"(?<=\d{3})\.\d{1,2}(?=\s+[A-Z]|\s*$)")
YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-5]\d)(?!\d)")


@lru_cache(maxsize=65536)
def years_in(text: str) -> frozenset[str]:
    """The years a text names."""
    return frozenset(YEAR.findall(text))


def written_year(chunk: Chunk) -> int:
    """The year its report was published (0 when the corpus manifest gives no date)."""
    return int(chunk.date[:4]) if chunk.date and chunk.date[:4].isdigit() else 0


MONTHS_NL = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
MONTHS_EN = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


MONTH_NAMES = "|".join(MONTHS_NL + MONTHS_EN)
MONTH = re.compile(rf"\b(?:{MONTH_NAMES})\b", re.IGNORECASE)
MONTH_NUMBER = {m: i for names in (MONTHS_NL, MONTHS_EN) for i, m in enumerate(names, start=1)}


@lru_cache(maxsize=65536)
def months_named(text: str) -> frozenset[int]:
    """The months a text names (1-12), in Dutch or English ("may" only as "May")."""
    return frozenset(
        MONTH_NUMBER[m.group().lower()]
        for m in MONTH.finditer(text)
        if m.group().lower() != "may" or m.group() in {"May", "MAY"}
    )


# what follows the day of a date ("21 mei", "6 February"); English months capitalised ("may")
DAY_OF_MONTH = re.compile(
    rf"\s+(?:(?i:{'|'.join(MONTHS_NL)})|{'|'.join(m.capitalize() for m in MONTHS_EN)})\b"
)
QUARTER_WORDS = {
    "eerste": 1,
    "tweede": 2,
    "derde": 3,
    "vierde": 4,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
}
_EN_HINTS = {
    "the",
    "what",
    "how",
    "many",
    "much",
    "which",
    "who",
    "when",
    "why",
    "is",
    "are",
    "was",
    "were",
    "does",
    "do",
    "of",
    "in",
    "to",
    "and",
    "according",
    "share",
    "percentage",
    # common function words, for questions without a question word ("Did more or fewer ...",
    # "Tata Steel IJmuiden: total CO2 emissions for 2022?")
    *("did", "for", "than", "with", "from", "by", "on", "at", "have", "has", "had", "their"),
    *("they", "it", "that", "this", "be", "will", "can", "more", "fewer", "less", "total"),
}
_NL_HINTS = {
    "de",
    "het",
    "een",
    "hoeveel",
    "welk",
    "welke",
    "wie",
    "wanneer",
    "waarom",
    "hoe",
    "is",
    "zijn",
    "was",
    "waren",
    "van",
    "in",
    "op",
    "volgens",
    "wat",
    *("voor", "met", "dan", "bij", "door", "naar", "uit", "om", "te", "die", "dat", "er"),
    *("heeft", "hebben", "wordt", "worden", "niet", "ook", "nog", "meer", "minder", "totaal"),
    "totale",
}
# a question of when a report appeared, and the dateline that says it ("Ede, maart 2024")
PUBLISHED = re.compile(
    r"\b(?:verscheen|verschenen|verschijnt|gepubliceerd|publiceerde|uitgebracht|uitgegeven"
    r"|uitgekomen|publicatiedatum|published|released|(?:come|came|comes) out|appeared|issued"
    r"|(?:publication|release) date)\b",
    re.IGNORECASE,
)
DATELINE = re.compile(
    rf"[A-Z][\w'-]+(?: [A-Z][\w'-]+)?, (?:\d{{1,2}} )?(?i:{MONTH_NAMES}) \d{{4}}\.?"
)
REFERENCE = re.compile(r"https?://|www\.|\(\d{4}[a-z]?\),|^\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]|\b[A-Z][\w-]+ \(\d{4}\)")
# what is asked, no topic the answer shares: "Op welke dag zijn die opgevraagd?" (the day),
# "what month and year", "tot welke factor moet de bekostiging omhoog" (naar 1,8)
ASKED_ITSELF = re.compile(
    r"\b(welke?|which|what|in what)\s+(?:dag|datum|day|date"
    r"|(?:month|maand)\s+(?:and|en)\s+(?:welk\s+)?(?:year|jaar)"
    r"|factor(?=\s+(?:moet|moeten|zou|zouden|must|should|would)\b))\b",
    re.IGNORECASE,
)
NEGATED = re.compile(
    r"\b(?:not|niet)\s+(?:just|only|alleen|enkel)\s+(?:the|de|het)\s+[\w-]+",
    re.IGNORECASE,
)
QUESTION_WORDS = {
    "hoeveel",
    "welk",
    "welke",
    "wie",
    "wanneer",
    "waarom",
    "hoe",
    "wat",
    "waar",
    "noem",
    "how",
    "many",
    "much",
    "which",
    "who",
    "when",
    "why",
    "what",
    "where",
    "according",
    "volgens",
    "rapport",
    "document",
    "documenten",
    "report",
    "bron",
    "factsheet",
    "staat",
    "geeft",
    "aan",
    "genoemd",
    "noemt",
    "gemeld",
    "gezien",  # "gezien hun zorgen": given, no seeing
}


@dataclass(frozen=True)
class QuestionInfo:
    text: str
    lang: str  # "nl" | "en"
    kind: str  # "percentage" | "number" | "date" | "entity" | "explanation"
    years: tuple[str, ...]
    quarter: int | None
    # per content word (question words removed): its stem and, for English, its translations
    groups: tuple[tuple[str, ...], ...] = ()
    names: tuple[tuple[str, ...], ...] = ()  # proper names (Vlaanderen), each as its stems
    unit: tuple[str, ...] = ()  # what "hoeveel X" counts: stems of X and its translations
    compare: bool = False  # asks how a figure changed: two figures answer it


def detect_language(text: str) -> str:
    words = re.findall(r"[a-z]+", text.lower())
    en = sum(w in _EN_HINTS for w in words)
    nl = sum(w in _NL_HINTS for w in words)
    return "en" if en > nl else "nl"


# a level of pay ("welk salarisniveau", "de looneis"): an amount of money
SALARY_LEVEL = r"(?:salaris|loon|inkomens)(?:niveau|grens|eis)"
# What "welk(e) X" / "which X" asks when X is one of these: a figure or a date, not a thing.
QUANTITY_NOUNS = (
    r"(?:percentage|procent|aandeel|deel|bedrag|aantal|getal|number|share|proportion|amount"
    r"|jaar|year|maand|month|datum|date|dag|day|periode|period|kwartaal|quarter|niveau"
    r"|temperatuur|temperature|hoeveelheid|quantity|factor"
    rf"|{SALARY_LEVEL})"
)


# "Wat is het gemiddelde bruto maandsalaris?", "What is the total investment cost?": an amount
# of money.
SALARY = (
    r"(?:wat|hoe hoog) (?:is|was|zijn|waren) (?:daar |er |dan |nu |hier )?"
    r"(?:gemiddeld |ongeveer |in totaal )?(?:volgens [\w -]+? )?"
    r"(?:het|de|hun|zijn|haar) (?:[\w-]+ ){0,3}"
    r"[\w-]*(?:salaris|loon|lonen"
    r"|kosten|budget|prijs|prijzen|prijskaartje)\b"
    r"|what (?:is|was|are|were) (?:the|their|its|his|her) (?:[\w-]+ ){0,3}"
    r"(?:salary|salaries|wages?|pay|costs?|budget|prices?|price tag)\b"
    # no question word, at the start or after a topic ("Engineering: average gross ...?")
    r"|(?:^|:\s*)(?:gemiddeld\w*|average|bruto|gross)\s+(?:[\w-]+\s+){0,3}\w*(?:salaris|loon|salary|pay)\b"
    r"|(?:^|:\s*)(?:the |de |het )?(?:price|prijs|costs?|kosten|salary|salaris|loon|wages?|pay)"
    r" (?:of|van|voor|for)\b"  # "Price of one emission right in 2017?"
)


# "Wat kost ...?", "Wat zou die maatregel per jaar kosten?", "What did it cost?": an amount
COSTS = (
    r"\bwat kost|\bwat (?:zou|zouden|zal|zullen|gaat|gaan)\b.*\bkosten\b"
    r"|\bwhat (?:would|will|does|did)\b.*\bcost\b"
    r"|\bhow much\b.*\b(?:go|goes|went|sell|sells|sold|trade|traded) for\b"  # a price
)


# "Welk bedrag ...?", "How expensive ...?", "Wat verdient ...?": an amount of money
AMOUNT = (
    r"welk bedrag|what amount|hoe duur|how expensive|\bverdien|\bearns?\b"
    # "Welk salarisniveau stelt het kabinet voor?": an amount, not a thing
    rf"|\bwelke? {SALARY_LEVEL}\b"
    r"|\bwhat (?:salary|pay|wage|income) (?:level|threshold|requirement)\b"
)


# "... in megatonnes?", "in miljoen euro": a quantity in a unit of measure.
IN_UNITS = (
    r"\bin (?:mega)?(?:tonnes|tons|tonnen|ton|mton|mt|euros?|miljoen|miljard|million|billion"
    r"|kilometers?|km|megawatts?|mw|gigawatts?|gw)\b"
)
# "binnen welke termijn", "within what period": a duration ("binnen vijf jaar"), no date
WITHIN_WHAT_TIME = re.compile(
    r"\b(?:within|binnen) (?:what|which|welke?|hoeveel) (?:period|time ?frame|time|termijn"
    r"|periode|tijd|tijdsbestek)\b",
    re.IGNORECASE,
)
# "... in months?": a duration (a quantity, see question_kind; a duration, see DURATION)
IN_TIME_UNITS = r"\bin (?:maanden|months|weken|weeks|dagen|days)\b"


# "hoeveel wordt er geïnvesteerd", "the investment": an amount of money
INVESTED = r"\bge[iï]nvesteerd\b|\binvested\b|\binvestments?\b|\binvesteringen?\b"
# a ratio asked ("de verhouding tussen 65-plussers en mensen in de werkzame leeftijd"), which a
# text may give as a share ("de grijze druk nog 34 procent") or as a multiple ("3,5 keer")
RATIO = re.compile(r"\bverhouding\b|\bratio\b", re.IGNORECASE)
# a share the question states itself ("lag in 2023 op 34 procent")
STATED_SHARE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|procent\b|percent\b)", re.IGNORECASE)
# "(not the percentage)", "niet het aandeel": what the question does not ask
NOT_A_SHARE = (
    r"\b(?:not|niet|geen)\s+(?:the\s+|an?\s+|het\s+|een\s+|as\s+a\s+|als\s+)?"
    r"(?:percentage|procent|aandeel|share)\b"
)
# "in absolute terms", "raw number": a count, which a share does not give
ABSOLUTE = re.compile(
    r"\babsolut\w*|\bin aantallen\b|\braw (?:number|count|figure)s?\b|" + NOT_A_SHARE, re.IGNORECASE
)


# "How deep ...?", "Welke temperatuur ...?": a measure, which a figure answers (not "hoe heet":
# what something is called).
MEASURES = (
    r"\bhow (?:deep|far|large|big|hot|warm|heavy|old|fast)\b|\bhoe (?:diep|ver|warm|zwaar"
    r"|oud|snel)\b|\bwhat temperature\b|\bwelke temperatuur\b"
    r"|\b(?:gemiddelde|average|mean) (?:leeftijd|age)\b"
)


QUESTION_WORD = re.compile(
    r"\b(hoeveel|welke?|wie|wanneer|waarom|hoe|wat|waar|how|which|who|when|why|what|where)\b",
    re.IGNORECASE,
)


# English contractions, written out so that the question patterns need one spelling only
# ("what's the average pay" is "what is ..."); a possessive 's ("CBS's survey") stays
CONTRACTIONS = [
    (re.compile(r"\b(what|who|where|how|it|there|that|here)['’]s\b", re.I), r"\1 is"),
    (re.compile(r"\b(can)['’]t\b", re.I), r"\1 not"),
    (re.compile(r"\b(won)['’]t\b", re.I), "will not"),
    (re.compile(r"n['’]t\b", re.I), " not"),
    (re.compile(r"['’]re\b", re.I), " are"),
    (re.compile(r"\b(i)['’]m\b", re.I), r"\1 am"),
    (re.compile(r"['’]ll\b", re.I), " will"),
    (re.compile(r"['’]ve\b", re.I), " have"),
]


# phrases written as the reports write them: a name written out where they use a short form,
# or asked in English for a Dutch place, so that it is one name; a term they use one word for
PHRASES = [
    (re.compile(r"\b(?:Europese Unie|European Union)\b", re.I), "EU"),
    (re.compile(r"\bbruto binnenlands product\b", re.I), "bbp"),
    (re.compile(r"\bgross domestic product\b", re.I), "GDP"),
    (re.compile(r"\bmidden-\s*en kleinbedrijf\b", re.I), "mkb"),
    # the ratio of people 65 and over to those of working age, as the reports call it
    (re.compile(r"\b(?:old-age )?dependency ratio\b", re.I), "grijze druk"),
    # not universities: "7 hogescholen" answers it, and a university (wo) is another level
    (re.compile(r"\buniversities of applied sciences?\b", re.I), "hogescholen"),
    (re.compile(r"\buniversity of applied sciences?\b", re.I), "hogeschool"),
    # "wanneer gaat die in bedrijf": in operation, not a company
    (re.compile(r"\bin bedrijf\b", re.I), "operationeel"),
    (re.compile(r"\bNorth Sea Canal(?: area| region| zone)?\b", re.I), "Noordzeekanaalgebied"),
    # the Dutch register of companies: "Chamber" and "Commerce" alone are no Dutch names
    (re.compile(r"\b(?:Dutch )?Chamber of Commerce\b", re.I), "KvK"),
    # the Dutch SER, not the Flemish SERV ("Sociaal-Economische Raad van Vlaanderen")
    (
        re.compile(
            r"\b(?:Sociaal-?\s?Economische Raad|Social and Economic Council)\b"
            r"(?!\s+(?:van|of) (?:Vlaanderen|Flanders))",
            re.I,
        ),
        "SER",
    ),
    # lifelong learning, as the reports call it
    (
        re.compile(r"\blevenslang leren\b|\blife-?long learning\b", re.I),
        "leven lang ontwikkelen (LLO)",
    ),
    # "for more than two decades": "meer dan twintig jaar"
    (re.compile(r"\btwo decades\b", re.I), "twintig jaar"),
    (re.compile(r"\btwee decennia\b", re.I), "twintig jaar"),
    (re.compile(r"\b(?:a|one) decade\b", re.I), "tien jaar"),
    (re.compile(r"\been decennium\b", re.I), "tien jaar"),
    # "what are they calling for": what they "bepleiten" or "roepen op" to do (not the noun:
    # "their call for an industrial strategy" is an "oproep")
    (re.compile(r"\bcall(?:ing|ed) for\b", re.I), "pleiten voor roepen op"),
    # "what access date is given for the figures": the date they were "geraadpleegd"
    (re.compile(r"\b(?:access|retrieval) date\b", re.I), "date geraadpleegd"),
    # "worked for the same company": "voor dezelfde werkgever"
    (re.compile(r"\bthe same (?:company|firm|employer|business)\b", re.I), "dezelfde werkgever"),
]


# a polite request around the question ("Kunt u aangeven hoeveel ...?", "Could you tell me
# how many ...?"): its words ("kunt", "aangeven") are no topic the answer must share
POLITE = re.compile(
    r"\b(?:kunt u|kun je|kan je|kunnen jullie|zou u|zou je|weet u|weet je)(?: mij| me)?"
    r"(?: (?:aangeven|vertellen|zeggen|nagaan|opzoeken|uitzoeken))?\b\s*"
    r"|\b(?:can|could|would) you(?: please)?(?: tell me| let me know| say| find out| check"
    r"| indicate| look up)?\b\s*|\bdo you know\b\s*",
    re.IGNORECASE,
)


def expand_contractions(text: str) -> str:
    """English contractions written out: "what's" -> "what is", "aren't" -> "are not"."""
    for pattern, full in CONTRACTIONS:
        text = pattern.sub(full, text)
    return text


def question_sentences(text: str) -> list[str]:
    """The sentences of a question: the last one asks, the ones before set the scene
    ("Tata Steel moves to green steel. Which technology replaces ...?")."""
    return [s for s in re.split(r"(?<=[.!?:])\s+(?=[A-Z])", text.strip()) if s]


def question_kind(text: str) -> str:
    """What a question asks for. In a question of several sentences the asking one decides
    ("Het aantal stijgt niet. Hoe verklaart het rapport dat?" asks no number)."""
    sentences = question_sentences(text)
    if len(sentences) > 1 and QUESTION_WORD.search(sentences[-1]):
        return _kind(sentences[-1])
    return _kind(text)


def _kind(text: str) -> str:
    t = text.lower()
    first = QUESTION_WORD.search(t)
    if first and first.group(1) in {"waarom", "why"}:
        return "explanation"
    # "What's behind the increase in the number of ...?", "How come the number of ... does
    # not rise?": a cause, whatever it names
    if re.search(
        r"\bwhat (?:is|lies) behind\b|\bwat (?:zit|ligt|steekt) er achter\b"
        r"|\bwhat explains\b|\bwat verklaart\b|\bwhat accounts for\b"  # "... the number of"
        r"|\bwhat (?:is |are )?driv(?:es|ing)\b|\bwat drijft\b"  # "What is driving that?"
        r"|\bhow come\b|\bhoe komt het\b"
        r"|(?:^|[.?!:]\s*)waardoor\b",  # "Waardoor neemt het aantal zieken zo snel toe?"
        t,
    ):
        return "explanation"
    if first and first.group(1) in {"wanneer", "when"}:  # "Sinds wanneer loopt het aantal op?"
        # "When their employer invests in them, what percentage ...?": a clause that sets a
        # condition; the question after it decides
        asking = re.search(r",\s*(?=(?:hoeveel|welke?|wie|wat|how|which|who|what)\b)", t)
        return _kind(t[asking.end() :]) if asking else "date"
    if re.search(r"\bhoe (?:heet|heten|noem)", t):  # "Hoe heet het experiment?": a name
        return "entity"
    if WITHIN_WHAT_TIME.search(t):  # "pay for themselves within what period?": a duration
        return "number"
    if (
        first
        and re.match(  # "Sinds welk jaar loopt het aantal vacatures op?": a date
            r"(?:welke?|wat|which|what)(?: (?:is|was|the|het|de|final|last|first|laatste|eerste))*"
            # "what is the target year", "welk streefjaar"
            r" (?:target |planned |expected |start |beoogde |geplande )?"
            r"(?:jaar|jaren|years?|maand|maanden|months?|datum|date|dag|day|periode|period"
            r"|kwartaal|quarter|streefjaar|startjaar|jaartal"
            r"|moment|tijdstip|point in time)\b",  # "Vanaf welk moment stijgt het?"
            t[first.start() :],
        )
    ):
        return "date"
    # a year named by its role, wherever it is asked ("How far ahead do they look - what's
    # their end year?")
    if re.search(r"\b(?:end|final|start|target) year\b|\b(?:eind|start|streef)jaar\b", t):
        return "date"
    # a figure the question states ("ruim 8% minder CO2 ... welke kanttekening?") is not asked
    asks = re.sub(NOT_A_SHARE, " ", STATED_SHARE.sub(" ", t))
    if re.search(
        r"percent|procent|aandeel|welk deel|\bshare\b|proportion|%|\brate\b|graad"
        # a ratio that the reports give in percent (not "Grijze druk: hoeveel mensen ...?")
        r"|\b(?:wat|what|hoe hoog|how high)(?:\s+\w+){0,3}\s+grijze druk\b"
        r"|\bhow much of (?:the|its|their|all)\b"  # "how much of the total emissions"
        # "hoeveel van de CO2 ...": how much of a mass is a part of it, not a count
        r"|\bhoeveel van (?:de|het|hun|alle|die) (?:totale |industriële |nederlandse )?"
        r"(?:co2|co₂|uitstoot|emissies?|broeikasgas\w*|energie\w*|productie|omzet|budget"
        r"|afval|elektriciteit|stroom|aardgas|werkgelegenheid)\b"
        # "how large a slice of the emissions", "hoe groot een deel": a part of a whole
        r"|\b(?:slice|portion|fraction)\b|\bhow (?:large|big) a (?:part|piece|chunk)\b"
        r"|\bhoe groot (?:is |was )?(?:een |het )?(?:deel|gedeelte|stuk)\b|\bwelk gedeelte\b",
        asks,
    ):
        return "percentage"
    quantity = (
        r"\bhoeveel\b|how many|how much|\baantal\b|hoe groot|hoe veel|what number|hoe lang\b"
        r"|how long|how high|hoe hoog|which amount|welke hoeveelheid|(?:what|which) quantity|"
        r"\bheadcount\b|\bpersoneelsomvang\b|" + AMOUNT + r"|\bnumber of\b|\bpeak number\b"
        r"|\braw (?:number|count)\b|how many times"
        # a multiplier ("tot welke factor moet de bekostiging omhoog": naar 1,8), not a cause;
        # a level raised to ("to what level will the salary threshold go up")
        r"|\b(?:tot|naar|to|by) (?:welke?|what|which) (?:factor|level|niveau|hoogte)\b"
        # "What is the longest that phase can last?": a duration
        r"|\b(?:the )?(?:longest|shortest)\b.*\b(?:last|take)s?\b"
        # "Wat was de instroom ...?", "What was the turnover?": a quantity by its name
        r"|\b(?:wat|what) (?:is|was|zijn|waren|are|were) (?:de|het|the) (?:totale |total )?"
        r"(?:instroom|uitstroom|omzet|uitstoot|intake|inflow|turnover|revenue|emissions?)\b"
        # "What was total employment in ...?": a total is a quantity
        r"|\b(?:wat|what) (?:is|was|zijn|waren|are|were) (?:(?:de|het|the) )?(?:totale|total)\b"
    )
    figure = [quantity, COSTS, SALARY, IN_UNITS, IN_TIME_UNITS, MEASURES]
    if not first:  # no question word at all: "Tata Steel: total CO2 emissions for 2022?"
        figure.append(r"\b(?:total|totaal|totale)\b")
    if re.search("|".join(figure), t):
        leading = first and first.group(1) in {"welke", "welk", "which", "wie", "who"}
        # at the start, or after a clause ("Looking ahead to 2027, which subsector ..."); not
        # a relative pronoun ("Among agency workers who now claim benefits, how many ...")
        opens = first and (first.start() < 12 or t[: first.start()].rstrip().endswith((",", ":")))
        after = t[first.end() :].split()[:1] if opens else []
        if leading and after and not re.match(QUANTITY_NOUNS, after[0]):
            return "entity"  # "Welke sectoren hebben meer banen?": sectors, not a number
        return "number"
    if (first and first.group(1) in {"wanneer", "when"}) or re.search(
        r"welk jaar|welke maand|welke periode|welk kwartaal|what year|which year|what month"
        r"|welke datum|what date|op welke dag|which date|what period",
        t,
    ):
        return "date"
    if re.search(
        r"\bwaarom\b|\bwhy\b|hoe komt|\bhoe\b|\bhow\b|verklaring|verklaart|verklaren|explain"
        r"|oorzaak|\breden\b|reason|\bblames?\b|\bwaardoor\b"
        # "What made them drop the plan?": a cause, not a thing
        r"|\bwhat (?:made|makes|caused|causes|led|leads|prompted|prompts|drove|drives)\b"
        # "waar komt het tekort vooral door?", "waar ligt dat aan?": a cause ("waar is
        # behoefte aan?" asks a thing)
        r"|\bwaar\b.*\s(?:door\s*\?|ligt\b.*\baan\b)",
        t,
    ):
        return "explanation"
    return "entity"


def as_reports_write(question: str) -> str:
    """The question with PHRASES written as the reports write them (also what is searched:
    "the same company for two decades" finds "dezelfde werkgever: ... twintig jaar")."""
    for pattern, short in PHRASES:
        question = pattern.sub(short, question)
    return question


def analyse(question: str) -> QuestionInfo:
    lang = detect_language(question)
    if lang == "en":
        question = expand_contractions(question)
    question = as_reports_write(question)
    question = POLITE.sub("", question)
    kind = question_kind(question)
    choice = CHOICE.search(question)  # "more for A or for B?": the two figures
    quarter = None
    q_match = re.search(
        r"\b(eerste|tweede|derde|vierde|first|second|third|fourth)\s+"
        r"(kwartaal|quarter)",
        question.lower(),
    )
    if q_match:
        quarter = QUARTER_WORDS[q_match.group(1)]
    elif m := re.search(r"\b[Qq]([1-4])\b|\b([1-4])\^?e\s+kwartaal", question):
        quarter = int(m.group(1) or m.group(2))
    elif re.search(
        r"\b(?:eind|einde|end of|the end of)\s+(?:van\s+)?(?:19|20)\d\d", question.lower()
    ):
        quarter = 4  # "eind 2025": the last quarter of the year
    asking = ASKED_ITSELF.sub(r"\1", question)
    # "(all of them, not just the critical ones)", "niet alleen de kritieke": the word names
    # a part, and the whole is asked (not "niet de juiste vaardigheden": a property)
    asking = NEGATED.sub(" ", asking)
    if kind == "date":  # "when did it come out": its dateline answers, which says no "come"
        asking = PUBLISHED.sub(" ", asking)
    content = " ".join(
        # a word with its apostrophe ending ("WW'ers"), which term_groups drops, not two words
        w
        for w in re.findall(r"[\w%-]+(?:['’]\w+)?", asking)
        if w.lower() not in QUESTION_WORDS
    )
    return QuestionInfo(
        question,
        lang,
        kind,
        tuple(dict.fromkeys(YEAR.findall(question))),  # each once ("in 2015 ... in 2015?")
        quarter,
        tuple(dict.fromkeys(term_groups(content, expand_english=lang == "en"))),
        proper_names(question, lang),
        counted_unit(question, lang) if kind == "number" else (),
        bool(COMPARISON.search(question) or choice),
    )


# a subject after the word that follows "hoeveel" makes that word a verb ("hoeveel zette de
# industrie om", "rond welk aantal ligt die"), not what is counted
SUBJECT_AFTER = re.compile(r"\s+(?:de|het|een|die|dit|deze|ze|zij|we|wij|u|hij|men|je)(?![\w-])")
# a preposition after the counted noun starts what it is of ("how many jobs per year")
PREPOSITIONS = frozenset({"per", "for", "from", "with", "van", "voor", "uit", "bij", "met", "naar"})


# "hoeveel daarvan", "how many of them", "Of all the vacancies, how many were looking for
# technicians?", "Vacatures in Q2 2023: hoeveel stonden er open?": what is counted is said before
OF_THOSE = frozenset(
    {"daarvan", "hiervan", "ervan", "van", "of"}
    | {"were", "are", "was", "is", "have", "had", "did", "do", "does", "will", "would", "could"}
    | {"zijn", "waren", "staan", "stonden", "werken", "werkten", "hebben", "hadden", "komen"}
    | {"kwamen", "gaan", "gingen", "worden", "werden", "zitten", "zaten", "vallen", "vielen"}
)


# "hoeveel vacatures tegenover elke werkzoekende", "how many ... for every ...": a ratio, which
# "3,5 keer zoveel" answers as well as a count of what is asked ("op elke 65-plusser drie mensen")
RATIO_ASKED = re.compile(
    r"\b(?:tegenover|voor|per) (?:elke|iedere|each|every)\b|\bfor (?:every|each)\b", re.I
)


# where the counted words of a Dutch question asked last end: a preposition ("Vacatures voor"),
# and the words of a time after them ("... eind 2025")
TOPIC_ENDS = ("voor", "van", "in", "bij", "met", "uit", "op", "onder")
TIME_WORD = (
    r"(?:19|20)\d\d|q[1-4]|eind|begin|medio|halverwege|end|start|mid|per|sinds|since|"
    + MONTH_NAMES
    + r"|jan|feb|mrt|mar|apr|jun|jul|aug|sept?|okt|oct|nov|dec"
)


def counted_unit(question: str, lang: str | None = None) -> tuple[str, ...]:
    """What a 'hoeveel X' / 'how many X' question counts: the stems (and translations) of the
    one or two words after it ('openstaande vacatures', 'heat pumps'), and 'keer' when it asks a
    ratio; 'euro' for a price (not when it asks 'how many' of something: 'how many credits does a
    participant earn')."""
    if not re.search(r"\bhow many\b(?!\s+euros?\b)", question.lower()) and re.search(
        "|".join([COSTS, AMOUNT, SALARY, INVESTED])
        + r"|\bkostte\b|\bcost\b|hoeveel (?:geld|euro)\b|how much money"
        # "Hoeveel moest een bedrijf betalen voor ...?", "How much do firms pay for ...?"
        # (not "hoeveel bedrijven betalen mee": a count of firms)
        + r"|\bhoeveel (?:moest|moet|moeten|moesten|zou|zouden)\b.*\bbetal"
        + r"|\bhow much (?:did|do|does|would|will|must|should)\b.*\b(?:pay|paid)\b",
        question.lower(),
    ):
        return ("euro",)
    m = re.search(  # not "extra" or "new": "how many additional technicians" counts technicians
        r"\b(hoeveel|how many|how much|aantal|number of)\s+"
        # "how many of these clusters", "hoeveel van zulke meldingen"
        r"(?:of (?:these|those|such) |van (?:zulke|dergelijke) )?"
        r"(?:(?:extra|additional|more|meer|further"
        r"|nieuwe|new)\s+)?(co[2₂]|[a-zà-ÿ-]{2,})(?:\s+([a-zà-ÿ-]{3,})(?:\s+([a-z-]{3,}))?)?",
        question.lower(),
    )
    if not m and (last := re.search(r"\b(hoeveel|how many)\W*$", question, re.IGNORECASE)):
        # asked last ("Vacatures voor productiemedewerkers, Q3 2025: hoeveel?"): what opens
        # the question is what it counts, the words before a preposition or a time
        # ("industrie openstaande vacatures eind 2025, hoeveel?": openstaande vacatures)
        topic = re.split(r"\s[-–]\s|[,:;(]", question, maxsplit=1)[0]
        if topic == question:
            return ()
        if last.group(1).lower() != "hoeveel":  # an English noun may have words after it
            return counted_unit(f"{last.group(1)} {topic}", lang)  # ("migrants hired by")
        topic = re.split(rf"\s(?:{'|'.join(TOPIC_ENDS)})\s", f"{topic} ", maxsplit=1)[0]
        words = topic.split()
        while words and re.fullmatch(TIME_WORD, words[-1], re.IGNORECASE):
            words.pop()
        return counted_unit(f"{last.group(1)} {' '.join(words[-2:])}", lang) if words else ()
    if (
        not m
        or SUBJECT_AFTER.match(question.lower(), m.end(2))
        or m.group(2) in OF_THOSE
        or m.group(2) in {"tijd", "time"}  # "hoeveel tijd": a duration (DURATION), no count
        or m.group(2) == "per"  # "by how much per year": a rate, of nothing counted
    ):
        return ()
    words = m.group(2)
    # a second word: English compounds ("heat pumps"), a Dutch noun after its adjective
    # ("openstaande vacatures"), not the verb after a Dutch noun ("bedrijven werkt") nor a
    # preposition ("how many jobs per year", "hoeveel banen voor ...")
    if (
        m.group(3)
        and m.group(3) not in PREPOSITIONS
        and (m.group(1).startswith("how") or words.endswith("e"))
    ):
        words += " " + m.group(3)
        # an English noun has its head last: "collective redundancy notifications did ..."
        # counts notifications (a third word, not a stop word such as "did" or "were")
        if m.group(1).startswith("how") and m.group(4) and all(map(tokenize, (m[3], m[4]))):
            words += " " + m.group(4)
    english = (lang or detect_language(question)) == "en"
    stems = tuple(dict.fromkeys(s for g in term_groups(words, expand_english=english) for s in g))
    if RATIO_ASKED.search(question) or RATIO.search(question):  # "de verhouding tussen het
        stems += tuple(tokenize("keer times"))  # aantal vacatures en ...": "3,5 keer zoveel"
    if "ton" in stems:  # tonnes are counted in megatonnes too ("2,5 Mton CO₂ per jaar")
        stems += tuple(tokenize("Mton megaton"))
    # a translation that is a compound of another one counts something else: "plumbers" is
    # loodgieter, not loodgietersbedrijf (a firm); "technicians" not technicitekort
    return tuple(
        s for s in stems if not any(s.startswith(t) and len(s) > len(t) + 3 for t in stems)
    )


# an aside in brackets or after "zoals" gives examples ("geopolitiek (zoals de Amerikaanse
# heffingen)", "technical occupations such as welders"), not what the answer must be about
EXAMPLES = re.compile(
    r"\([^)]*\)|\b(?:zoals|bijvoorbeeld|such as|for example|for instance|e\.g\.)\s[^.?!;:()]*",
    re.IGNORECASE,
)


def proper_names(question: str, lang: str) -> tuple[tuple[str, ...], ...]:
    """Capitalised words inside the question (places, organisations, programmes), each as its
    stems; an English one also as the Dutch text may write it (Flemish -> Vlaamse), since a
    title ("Shaping the Future of Work") or a name ("S&P Global") stays English."""
    from assistant.retrieve import translations

    names: list[tuple[str, ...]] = []
    text = EXAMPLES.sub(" ", question)  # examples are no names the answer must contain
    spans = list(re.finditer(r"[\w-]+", text))
    words = [m.group() for m in spans]
    skip = -1
    for i, w in enumerate(words):
        if (
            i in (0, skip)
            # the first word of a sentence ("... Be an Engineer. If she goes for ...")
            or text[: spans[i].start()].rstrip()[-1:] in {".", "!", "?", ":"}
            or not w[:1].isupper()
            or w.lower() in QUESTION_WORDS
            or "-" in w
            or any(ch.isdigit() for ch in w)  # "Q2" is a quarter, not a name
            or w.lower() in MONTHS_NL + MONTHS_EN
        ):
            continue
        dutch: list[str] = []
        english = [w]
        if lang == "en":  # "North Sea" -> Noordzee, "GDP" -> bbp
            nxt = words[i + 1] if i + 1 < len(words) and words[i + 1][:1].isupper() else None
            found, used = translations(w.lower(), nxt.lower() if nxt else None)
            dutch = found[:1]
            if used and nxt:
                english, skip = [w, nxt], i + 1
        stems = tuple(dict.fromkeys(tokenize(" ".join(dutch)) + tokenize(" ".join(english))))
        if stems:
            names.append(stems)
    return tuple(dict.fromkeys(names))


# ---------------------------------------------------------------- candidate sentences (pure)


@dataclass
class Candidate:
    text: str
    passage: Passage
    rank: int  # 0-based rank of the passage
    start: int  # character offsets in the chunk text
    end: int
    score: float = 0.0
    coverage: float = 0.0
    type_ok: bool = False
    figures: list[str] = field(default_factory=list)
    pair: bool = False  # a sentence together with the one after it
    local: float = 0.0  # term coverage of the sentence with its heading and lead-in
    missing: list[str] = field(default_factory=list)  # rare question terms not in the passage
    # the kinds in which it speaks of something else than asked: "time" (another year or
    # quarter), "label" (niveau 2 for niveau 3), "group" (its figure is about another occupation
    # of the passage), or a scope kind ("place", "sector", "level", "people")
    conflicts: set[str] = field(default_factory=set)
    counts_other: bool = False  # its figures count something else than the question asks
    numbers_missing: bool = False  # a number of the question is nowhere in the passage
    title: bool = False  # the report's own title, which names the source, not an answer
    on_time: bool = False  # names the asked year (and quarter) itself, and covers the question
    named: set[str] = field(default_factory=set)  # scope kinds in which it names the asked one
    cell: Cell | None = None  # the value read from a table column (year questions)
    compared: Cell | None = None  # of two years compared, the value in the other one's column
    half: int | None = None  # of two tables side by side: 0 the left one's row, 1 the right's
    panel: bool = False  # a value read from an infographic, which spans start to end

    @property
    def objected(self) -> bool:
        """Whether something speaks against it as an answer: another time or scope, another
        thing counted, a number of the question or a name it requires missing."""
        return bool(self.conflicts or self.counts_other or self.numbers_missing or self.missing)

    def resolves(self, conflicts: set[str]) -> bool:
        """Whether it names itself what another candidate got wrong: the asked time, the
        asked place or level."""
        return all(self.on_time if k == "time" else k in self.named for k in conflicts)


@lru_cache(maxsize=65536)
def is_title(text: str, title: str) -> bool:
    """Whether a sentence is the report's title (its first line, a running header such as
    "TECHBAROMETER 2024"): nearly all of its few words are the title's."""
    words = set(tokenize(text))
    return 0 < len(words) <= 12 and len(words & set(tokenize(title))) >= 0.6 * len(words)


@lru_cache(maxsize=65536)
def sentences_of(text: str) -> tuple[tuple[int, int], ...]:
    """The sentence spans of a text, cached: a passage is split once, not for every question
    that reads it."""
    return tuple(sentence_spans(text))


def split_candidates(passage: Passage, rank: int) -> list[Candidate]:
    """Sentences of a passage; long ones (tables, lists) are cut at line breaks; the values of
    an infographic each as a row of its own ("Industrie: ... verduurzamen 78%")."""
    text = passage.chunk.text
    return [
        Candidate(one_line(text[x:y]), passage, rank, x, y, half=half, pair=pair)
        for x, y, half, pair in candidate_spans(text)
    ] + [
        Candidate(row, passage, rank, x, y, panel=True)
        for x, y, rows in panels(text)
        for row in rows
    ]


# An infographic of n panels for two groups, as the PDF gives it: a line with the group's name
# n times ("Bedrijven Bedrijven Bedrijven"), the n captions (one per line, or on one line
# each starting with a capital), and for each group a line of n shares
GROUP_LINE = re.compile(r"([A-Z][\w-]+)(?: \1){2,}")
SHARE_VALUE = r"\d+(?:,\d+)?%"


@lru_cache(maxsize=4096)
def panels(text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """The infographics of a text: where each stands (with its title) and its values as rows,
    "{group}: {title} {caption} {value}". Two layouts: "group 1 / captions / group 2 / values
    of group 2 / values of group 1", and "captions / values of group 1 / group 1 / group 2 /
    values of group 2" (a line of values belongs to the group line beside it)."""
    lines = [
        (m.start() + len(m.group()) - len(m.group().lstrip()), m.group().strip())
        for m in re.finditer(r"[^\n]+", text)
        if m.group().strip()
    ]

    def values(k: int, n: int) -> tuple[list[str], int] | None:
        if not 0 <= k < len(lines):
            return None
        m = re.match(rf"{SHARE_VALUE}(?: {SHARE_VALUE}){{{n - 1}}}(?![\d,])", lines[k][1])
        return (m.group().split(), lines[k][0] + m.end()) if m else None

    def captions(first: int, last: int, n: int) -> list[str] | None:
        found = [line for _, line in lines[max(first, 0) : last]]
        if len(found) == 1:  # on one line: "Fysiek welzijn Mentaal welzijn Werk-privébalans"
            found = re.split(r" (?=[A-Z])", found[0])
        plain = all(re.search(r"[^\W\d_]{3}", c) and not re.search(r"\d%", c) for c in found)
        return found if len(found) == n and plain and first >= 0 else None

    def title(k: int) -> str:  # a short line without a full stop names the infographic
        line = lines[k][1] if 0 <= k < len(lines) else ""
        return line if len(line) <= 80 and not line.endswith(".") and "%" not in line else ""

    out = []
    for i, (start, line) in enumerate(lines):
        first = GROUP_LINE.fullmatch(line)
        if not first:
            continue
        n = line.count(" ") + 1
        for j in (i + 1, i + n + 1):
            second = GROUP_LINE.fullmatch(lines[j][1]) if j < len(lines) else None
            if second and lines[j][1].count(" ") + 1 == n and second.group(1) != first.group(1):
                break
        else:
            continue
        if j == i + n + 1:  # group 1, captions, group 2, its values, then group 1's
            groups = (second.group(1), first.group(1))
            found, shown = (values(j + 1, n), values(j + 2, n)), captions(i + 1, j, n)
            name, top = title(j + 3), start
            title_end = lines[j + 3][0] + len(name) if name else None
        else:  # captions, group 1's values, group 1, group 2, its values
            groups = (first.group(1), second.group(1))
            found = (values(i - 1, n), values(j + 1, n))
            on_one_line = found[0] and captions(i - 2, i - 1, n)
            shown = on_one_line or captions(i - 1 - n, i - 1, n)
            before = i - 2 if on_one_line else i - 1 - n
            name = title(before - 1)
            top = lines[before - 1][0] if name else lines[max(before, 0)][0]
            title_end = None  # the title stands above
        a, b = found
        if not shown or not a or not b:
            continue
        rows = [(groups[0], a[0]), (groups[1], b[0])]
        out.append(
            (
                top,
                title_end or b[1],  # b: the last line of values
                tuple(
                    f"{group}: {' '.join(filter(None, (name, caption)))} {value}"
                    for group, shares in rows
                    for caption, value in zip(shown, shares, strict=True)
                ),
            )
        )
    return tuple(out)


def one_line(span: str) -> str:
    """A row whose value wrapped to the next line, read as one line: "Organisatieadviseurs,
    business consultants en kwaliteitsmanagers 550"; any other span as it is."""
    return " ".join(span.split()) if WRAPPED_ROW.fullmatch(span) else span


STRAY_MARK = re.compile(r"\d{1,2}\s+(?=[A-Z])")
SENTENCE_END = re.compile(r"[.!?]\s*$")


@lru_cache(maxsize=4096)  # a passage is read for many questions
def candidate_spans(text: str) -> tuple[tuple[int, int, int | None, bool], ...]:
    """Where split_candidates cuts a passage: (start, end, half of a two-table line, pair)."""
    out: list[tuple[int, int, int | None]] = []
    pieces: list[tuple[int, int]] = []
    for a, b in sentences_of(text):
        lines = [(a, b)]
        if b - a > 350 and "\n" in text[a:b]:
            lines, pos = [], a
            for line in text[a:b].split("\n"):
                if line.strip():
                    lines.append((pos, pos + len(line)))
                pos += len(line) + 1
        for x, y in lines:
            while x < y and text[x].isspace():
                x += 1
            while y > x and text[y - 1].isspace():
                y -= 1
            # a footnote's number after a sentence's full stop is that sentence's ("... een
            # jaar eerder. 9 Voor de periode tot 2027 ..."), not the start of the next one
            # (not in a passage of footnotes: "11 UWV (2025), ... 2027. 12 Beroepsniveau 1: ...")
            if (
                (m := STRAY_MARK.match(text, x, y))
                and SENTENCE_END.search(text, 0, x)
                and not STRAY_MARK.match(text)
            ):
                x = m.end()
            pieces.append((x, y))
    for i, (x, y) in enumerate(pieces):
        if y - x < 8:
            continue
        if wrapped_row(text, pieces, i):  # the label of a row whose value wrapped to the next
            out.append((x, pieces[i + 1][1], None))  # line: "Organisatieadviseurs, ... | 550"
            continue
        # two tables side by side give two rows on one line: "Productiemedewerkers 900
        # Monteurs industriële machines 300" are two rows, each with its own figure
        if "\n" not in text[x:y] and (m := TWO_ROWS.fullmatch(text[x:y])):
            out += [(x, x + m.end(1), 0), (x + m.start(2), y, 1)]
            continue
        out.append((x, y, None))
    pairs = [
        (a, d, None, True)
        for (a, b, _), (c, d, _) in zip(out, out[1:], strict=False)
        if d - a <= 400
        and "\n\n" not in text[b:c]
        and not (is_row(text[a:b]) or is_row(text[c:d]))  # two table rows are two answers
    ]
    return tuple((x, y, half, False) for x, y, half in out) + tuple(pairs)


BARE_VALUE = r"(?:€ ?)?-?\d+(?:[.,]\d+)*(?: ?%)?"  # a line that is one value
WRAPPED_ROW = re.compile(rf"[^\d\n]+\n\s*{BARE_VALUE}")


def wrapped_row(text: str, pieces: list[tuple[int, int]], i: int) -> bool:
    """Whether piece i is a table row's label of three or more words whose one value stands
    alone on the next line (not a chart's label with a column of values under it)."""
    x, y = pieces[i]
    label = text[x:y]
    values = [bool(re.fullmatch(BARE_VALUE, text[a:b])) for a, b in pieces[i + 1 : i + 3]]
    return (
        values[:1] == [True]
        and values[1:] != [True]
        and not text[y : pieces[i + 1][0]].strip()
        and len(label) <= 100
        and len(label.split()) >= 3
        and not re.search(r"\d|[.!?:]$", label)
    )


def figure_sentences(cand: Candidate) -> str:
    """The sentences of a candidate that hold its figures (all of them when none does)."""
    told = [cand.text[a:b] for a, b in sentences_of(cand.text)]
    return " ".join([s for s in told if any(f in s for f in cand.figures)] or told)


@lru_cache(maxsize=65536)
def is_row(text: str) -> bool:
    """A table row: one line, a label and then values, no sentence."""
    return "\n" not in text and bool(TABLE_VALUES.search(text)) and not re.search(r"[.!?]\s", text)


YEAR_LAST = re.compile(r"(?:19|20)\d\d[\s)]*$")  # a line that ends in a year: a date or header


def table_top(text: str, start: int) -> int:
    """Where the table that a row at `start` belongs to begins: its first row, above which
    its caption stands. Walks up over rows, lone values and single label lines."""
    lines = text[:start].split("\n")
    pos = start - len(lines[-1])  # where the row's own line begins (a right half: mid-line)
    top, labels = pos, 0
    for line in reversed(lines[:-1]):
        pos -= len(line) + 1
        flat = line.strip()
        if not flat:
            continue
        years_only = YEAR_LAST.search(flat)  # a caption or header of years
        if not years_only and is_table_line(flat):
            top, labels = pos, 0
        elif len(flat) <= 100 and flat[-1] not in ".!?:" and labels == 0:
            labels += 1
        else:
            break
    return top


def is_table_line(line: str) -> bool:
    """A line of a table: a row, two rows side by side, or a lone value."""
    return is_row(line) or bool(TWO_ROWS.fullmatch(line) or re.fullmatch(r"[\d.,]+%?", line))


def caption_below(text: str, end: int) -> str:
    """The caption printed under a table whose first row opens the passage ("Gemiddeld bruto
    maandsalaris per technische branche" under the rows of salaries): the first label line
    after its last row; empty when anything but rows stands above it."""
    if text[: table_top(text, end)].strip() or YEAR_LAST.search(text[:end]):
        return ""  # not under a dateline ("Ede, maart 2024")
    for line in text[end:].split("\n"):
        flat = line.strip()
        if not flat or is_table_line(flat):
            continue
        caption = len(flat) <= 100 and flat[-1] not in ".!?:" and len(flat.split()) >= 3
        return flat if caption else ""  # not a legend ("Bedrijven Technici") nor a sentence
    return ""


def side_captions(text: str, top: int) -> tuple[str, str] | None:
    """The captions of two tables printed side by side, above their first row at `top`: the
    last two blocks (a bare unit line such as "Aantal" left out), left table's first."""
    blocks = [b.strip() for b in text[max(0, top - 300) : top].split("\n\n")]
    blocks = [b for b in blocks if len(b.split()) > 2]
    return (blocks[-2], blocks[-1]) if len(blocks) >= 2 else None


TWO_ROWS = re.compile(r"([^\d\n]{3,}?\s\d[\d.,]*%?)\s+([A-Z(][^\d\n]{2,}?\s\d[\d.,]*%?)")
TABLE_VALUES = re.compile(r"(?:[ \t]+(?:-?\d+(?:[.,]\d+)*[ \t]?%?|-|–))+[ \t]*$")


@dataclass(frozen=True)
class Cell:
    """One value of a table row, read from the column whose header is the asked year."""

    header_start: int  # offset of the header line in the chunk text
    label: str  # the row's label ("Kritieke knelpuntvacatures (%)")
    year: str
    value: str


def table_cell(text: str, start: int, end: int, year: str) -> Cell | None:
    """When text[start:end] is a table row (a label, then values) under a header line of
    years, the value in the column of `year`. Rows and header may be a few lines apart."""
    row = text[start:end]
    values_match = TABLE_VALUES.search(row)
    if "\n" in row or not values_match:
        return None
    values = re.findall(r"-?\d+(?:[.,]\d+)*\s?%?|-|–", values_match.group())
    label = row[: values_match.start()].strip()
    if len(values) < 2 or not re.search(r"[A-Za-zÀ-ÿ]", label):
        return None
    end_of_line = text.rfind("\n", 0, start)  # the lines above the row, nearest first
    for _ in range(12):
        if end_of_line < 0:
            break
        line_start = text.rfind("\n", 0, end_of_line) + 1
        line, end_of_line = text[line_start:end_of_line], line_start - 1
        years = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", line)
        header = re.fullmatch(r"[^\d]*(?:\s*(?<!\d)(?:19|20)\d\d(?!\d))+\s*", line)
        if header and len(years) == len(values) and year in years:
            value = values[years.index(year)].strip()
            if not re.match(r"-?\d", value):
                return None  # an empty cell ("-")
            return Cell(line_start, label, year, value)
    return None


CLAUSE = re.compile(r",\s|;\s|\s(?:en|versus|tegenover|and|compared with)\s")


def figures_of_scope(text: str, figures: list[str], asked: dict[str, frozenset[str]]) -> list[str]:
    """The figures without those whose own clause names another scope of an asked kind:
    "bijna 40.000 studenten op het mbo en bijna 48.000 in het hoger onderwijs" gives 48.000
    for hbo and wo. A figure whose clause names no scope stays ("12.500 op het vmbo, versus
    11.440 in het jaar ervoor": both for vmbo). When every figure's clause names another
    scope (hbo asked: 40.000 is mbo, 48.000 all higher education), all stay, and the
    sentence's scope conflict decides."""
    kept = [  # its clause names no scope, or the asked one
        f for f, clause in figure_clauses(text, figures) if not scope_conflict(asked, clause)
    ]
    return kept or figures


def figure_clauses(text: str, figures: list[str]) -> list[tuple[str, str]]:
    """Each figure with the clause of its sentence that holds it."""
    ends = [m.end() for m in re.finditer(r"[.!?:](?=\s)", text)]  # of its sentences
    found = []
    for f in figures:
        pos = max(text.find(f), 0)
        sentence = sentence_bounds(ends, pos, pos + len(f), len(text))
        start, end = clause_bounds(text, pos, pos + len(f), *sentence)
        found.append((f, text[start:end]))
    return found


def sentence_bounds(ends: list[int], pos: int, end: int, length: int) -> tuple[int, int]:
    """Where the sentence of the span pos:end begins and ends, given where the text's
    sentences end (`ends`) and its length."""
    return (
        max((e for e in ends if e <= pos), default=0),
        min((e for e in ends if e >= end), default=length),
    )


def clause_bounds(text: str, pos: int, end: int, start_of: int, end_of: int) -> tuple[int, int]:
    """Where the clause of the span pos:end begins and ends, within its sentence
    start_of:end_of ("in 2030 nog 500.000, en in 2050 2,6 miljoen")."""
    cuts = [m.end() for m in CLAUSE.finditer(text, start_of, end_of)]
    return (
        max((c for c in cuts if c <= pos), default=start_of),
        min((c for c in cuts if c >= end), default=end_of),
    )


def figures_of_year(text: str, figures: list[str], years: tuple[str, ...]) -> list[str]:
    """The figures that belong to one of the asked years: the year nearest to a figure in the
    sentence is an asked one ("29% in 2024, versus 51% in 2023" -> 51% for 2023). A period
    ("2014-2022") counts only when both its years are asked. A figure whose sentence has no
    year is kept only when no figure names an asked year in its own sentence (the year may be
    in the caption or the sentence before)."""
    return list(_figures_of_year(text, tuple(figures), years))


@lru_cache(maxsize=65536)  # a sentence is scored for many questions
def _figures_of_year(
    text: str, figures: tuple[str, ...], years: tuple[str, ...]
) -> tuple[str, ...]:
    marks = [(m.start(), m.end(), m.group()) for m in YEAR_RANGE.finditer(text)]
    marks += [
        (m.start(), m.end(), m.group())
        for m in YEAR.finditer(text)
        if not any(a <= m.start() < b for a, b, _ in marks)
    ]
    if not marks:
        return figures
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s+[A-Z0-9‘'\"(])", text)]
    kept, unknown = [], []
    cursor = 0
    for f in figures:
        pos = text.find(f, cursor)
        pos = text.find(f) if pos < 0 else pos
        if pos < 0:
            continue
        end = cursor = pos + len(f)
        start_of, end_of = sentence_bounds(ends, pos, end, len(text))
        own = [m for m in marks if start_of <= m[0] < end_of]  # years of its own sentence
        if not own:
            unknown.append(f)
            continue
        # within the sentence, the years of its own clause ("in 2030 nog 500.000, en in 2050
        # 2,6 miljoen")
        clause_start, clause_end = clause_bounds(text, pos, end, start_of, end_of)
        own = [m for m in own if clause_start <= m[0] < clause_end]
        if not own:  # its clause names no year ("..., aangescherpt tot 55%")
            unknown.append(f)
            continue
        # the nearest year; on a tie the one after the figure ("51 procent in 2023")
        nearest = min(own, key=lambda m: (min(abs(m[0] - end), abs(pos - m[1])), m[0] < pos))
        if set(YEAR.findall(nearest[2])) <= set(years):  # a period counts when both ends asked
            kept.append(f)
    return tuple(kept or unknown)


# a period from now ("de komende twee à drie jaar", "the next 5 years"): a date that answers
# "over what period" (PERIOD_ASKED), not "in which year" nor "when did that come to light"
_N = rf"(?:\d+|{NUMBER_WORDS.pattern})"
COMING = re.compile(
    rf"\b(?:de komende|the next|the coming) {_N}(?: (?:à|a|tot|to|or|of) {_N})? (?:jaar|years)\b",
    re.IGNORECASE,
)


def figures_of(text: str, kind: str) -> list[str]:
    """The figures of the asked type in a sentence, in order."""
    return list(_figures_of(text, kind))


@lru_cache(maxsize=65536)  # a sentence is scored for many questions
def _figures_of(text: str, kind: str) -> tuple[str, ...]:
    text = FOOTNOTE_MARK.sub(lambda m: " " * len(m.group()), text)  # "10 De ..." is a marker
    text = GLUED_FOOTNOTE_MARK.sub(lambda m: " " * len(m.group()), text)
    text = URL.sub(lambda m: " " * len(m.group()), text)  # "nu.nl/55823-..." holds no figure
    if kind == "percentage":
        return tuple(m.group().strip() for m in PERCENT.finditer(text))
    if kind == "date":
        day_month_year = rf"(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})\s+\d{{4}}"
        numeric = r"\b\d{1,2}-\d{1,2}-\d{4}\b"  # "geraadpleegd op 06-02-2024"
        pattern = rf"{day_month_year}|{numeric}|{YEAR.pattern}|\b\d{{4}}-\d{{4}}\b|{COMING.pattern}"
        return tuple(m.group() for m in re.finditer(pattern, text, re.IGNORECASE))
    if kind == "number":
        found: list[tuple[int, str]] = []
        shares = [s.span() for s in PERCENT.finditer(text)]  # "3 op 10" is a share, not a count
        for m in NUMBER.finditer(text):
            value = m.group().strip()
            if YEAR.fullmatch(value) or PERCENT.fullmatch(value):
                continue
            if re.fullmatch(r"\d+\.\d{1,2}", value):
                continue  # "1.3": a figure or section number (Dutch decimals take a comma)
            if any(a <= m.start() < b for a, b in shares):
                continue
            if IDENTIFIER.search(text[max(0, m.start() - 20) : m.start()]) or LABEL_LIST.search(
                text[max(0, m.start() - 30) : m.start()]
            ):
                continue  # "niveau 2", "tabel 3", "plek 9", "niveau 2 en 1": a label
            if DAY_OF_MONTH.match(text, m.end()) and int(value.replace(".", "0")) <= 31:
                continue  # "op 21 mei": a day, not a count
            found.append((m.start(), value))
        ratios = [s.span() for s in SPELLED_RATIO.finditer(text)]  # "één op de vijf": a share
        found += [
            (m.start(), m.group())
            for m in NUMBER_WORDS.finditer(text)
            if not any(a <= m.start() < b for a, b in ratios)
        ]
        return tuple(value for _, value in sorted(found))
    return ()


# Ministries by their abbreviation ("de minister van Economische Zaken, samen met zijn collega
# van SZW"): each word of the name may also be written so.
MINISTRIES = {
    "sociale zaken": ("szw",),
    "economische zaken": ("ez", "ezk"),
}


def abbreviated(question: str) -> dict[str, tuple[str, ...]]:
    """The stems of the ministries a question names, each with its short forms ("Sociale
    Zaken": SZW), which a text may write instead ("(SZW/EZ, zomer 2025)")."""
    out: dict[str, tuple[str, ...]] = {}
    for ministry, short in MINISTRIES.items():
        if ministry in question.lower():
            for stem in tokenize(ministry):  # "zaken" is of both: SZW and EZ
                out[stem] = out.get(stem, ()) + short
    return out


# Place names and their adjectives count as the same constraint.
NAME_ALIASES = {
    "vlaanderen": "vlaamse",
    "nederland": "nederlandse",
    "nederlanders": "nederland",  # "Nederlanders met werk": "In Nederland ... werkzame"
    "belgië": "belgische",
    "duitsland": "duitse",
    "europa": "europese",
    "eu": "europese",
    "noordzee": "zee",  # "op zee ten noorden van de Waddeneilanden": the only sea they name
}


# The stem of a group of workers or firms a figure can be about: an occupation ("lassers",
# "productiemedewerkers", "production workers" via its translation) or a branch
# ("installatiebranche"). A passage that does not name the asked one does not answer for it.
SUBGROUP = re.compile(
    r"^(?!medewerker$)\w+(?:werker|worker)$|(?:monteur|operator|installateur|elektricien|ingenieur"
    r"|lasser|fitter|timmerman|chauffeur|engineer|architect|analist|mechanic|welder"
    r"|loodgieter|plumber|electrician|verpleegkundig|nurse|docent|leraar|teacher)$"
    r"|^(\w{5,}?)s?(?:branche|sector|bedrijfstak)$"  # a branch: "installatiebranche"
)


def subgroup(group: tuple[str, ...]) -> tuple[str, ...] | None:
    """The stems that name an asked occupation or branch in a text: the word itself, or for a
    branch what it is a branch of ('installatiebranche': installatie, as in the table row
    'Installatietechniek'). 'The technical sector' is what the reports are about, no branch."""
    for i, s in enumerate(group):
        if m := SUBGROUP.search(s):
            if not m.group(1):
                return group  # an occupation, in any of its forms
            if i == 0:  # a branch the question names itself (not a translation's guess)
                branch = tuple(tokenize(m.group(1)))[:1]
                return branch if branch and branch != tuple(tokenize("techniek")) else None
    return None


@lru_cache(maxsize=65536)
def stem_set(text: str) -> frozenset[str]:
    """The stems of a text, cached: a passage's context is scored once per sentence in it."""
    stems = tokenize(text)
    return frozenset(stems) | {plain_form(s) for s in stems}


COMPOUND = 0.8  # a question word found only as part of a compound counts this much


@lru_cache(maxsize=16384)
def reach(stems: frozenset[str]) -> frozenset[str]:
    """The stems with every head and tail of five letters or more that a Dutch compound among
    them may have been made of: 'opleiding' of 'opleidingstraject', 'tekort' of
    'personeelstekort' (and some that are no word, which no question asks)."""
    affixes = {w[:i] for w in stems for i in range(5, len(w))}
    affixes |= {w[-i:] for w in stems for i in range(5, len(w))}
    return stems | affixes


Parts = tuple[frozenset[str], ...]  # a compound's parts, each with its plain form


def has_term(group: tuple[str, ...], reached: frozenset[str], parts: Parts) -> bool:
    """Whether a text has a term of the question: one of its stems within the text's reach(),
    or, for a compound, each of its parts ("industriesector": "de sector industrie",
    "grootbedrijf": "grote bedrijven")."""
    return not reached.isdisjoint(group) or (
        bool(parts) and not any(reached.isdisjoint(p) for p in parts)
    )


def matches(stem: str, stems: frozenset[str]) -> bool:
    """A question stem occurs among the stems, also as the head or tail of a Dutch compound
    ('opleiding' in 'opleidingstraject', 'tekort' in 'personeelstekort')."""
    return stem in reach(stems)


# Words of a quarter constraint ("tweede kwartaal"): scored by the quarter, not as topic.
CONSTRAINT_WORDS = frozenset(tokenize(" ".join([*QUARTER_WORDS, "kwartaal", "quarter"])))


@lru_cache(maxsize=8)
def other_quarters(quarter: int, months: bool = False) -> str:
    """How a text names another quarter than the given one; with `months`, also its months."""
    others = [quarter_pattern(q) for q in range(1, 5) if q != quarter]
    if months:
        names = [
            m for ms in (MONTHS_NL, MONTHS_EN) for i, m in enumerate(ms) if i // 3 != quarter - 1
        ]
        others.append(rf"\b(?:{'|'.join(names)})\b")
    return "|".join(others)


@lru_cache(maxsize=65536)  # a sentence is scored for many questions
def quarter_told(text: str, quarter: int) -> int:
    """Whether a text names the quarter (1; "eind 2025" the fourth) or speaks of another one
    (-1; "eind 2025" when the third quarter is asked), or neither (0)."""
    if re.search(quarter_pattern(quarter), text, re.IGNORECASE):
        return 1
    if re.search(other_quarters(quarter), text, re.IGNORECASE):
        return -1
    if quarter == 4 and re.search(YEAR_END, text, re.IGNORECASE):
        return 1
    if re.search(END_OF_YEAR, text, re.IGNORECASE):
        return -1
    return 0


def quarter_pattern(quarter: int) -> str:
    """How a text names a quarter: 'tweede kwartaal', '2e kwartaal', 'Q2'."""
    words = "|".join(k for k, v in QUARTER_WORDS.items() if v == quarter)
    pattern = rf"\b(?:{words})\s+(?:kwartaal|quarter)|\b{quarter}\^?e\s+kwartaal|\bQ{quarter}\b"
    return pattern


# the next sentence compares the figure with a year: the figure is of another time
COMPARED_WITH = re.compile(
    r"\s*(?:Dat|Dit|That|This)\b[^.]*?\b(?:ten opzichte van|vergeleken met|t\.o\.v\.|dan in"
    r"|compared (?:with|to)|than in)\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# "vorig jaar": the year before the report's; with its own figure ("dan vorig jaar (61
# procent)", "de 49 procent van vorig jaar"), not a comparison of this year's ("De vraag is ten
# opzichte van vorig jaar gestegen")
LAST_YEAR = re.compile(r"\b(?:van |in )?vorig jaar\b|\b(?:in )?last year\b", re.IGNORECASE)
LAST_YEARS_FIGURE = re.compile(
    r"\b(?:vorig jaar|last year)\s*\(\s*\d|\d\s*(?:procent|percent|%)\s+(?:van|of) vorig jaar\b",
    re.IGNORECASE,
)
# "versus 11.440 in het jaar ervoor": the year before the one the sentence names
PREVIOUS_YEAR = re.compile(
    r"\b(?:in\s+)?(?:het\s+jaar\s+(?:ervoor|daarvoor)|een\s+jaar\s+eerder"
    r"|the\s+(?:previous|preceding)\s+year|the\s+year\s+before|a\s+year\s+earlier)\b",
    re.IGNORECASE,
)


# a question about the report's previous year or edition ("in de TechBarometer van vorig
# jaar", "last year's survey"), and what a sentence says to speak of it ("vorig jaar", "toen")
LAST_YEAR_ASKED = re.compile(
    # ("over the last year" is the year up to now, "het afgelopen jaar")
    r"\bvorig jaar\b|\bvorige (?:editie|meting)\b|(?<!\bthe )\blast year'?s?\b"
    r"|\bprevious (?:edition|survey)\b",
    re.IGNORECASE,
)
LAST_YEAR_TOLD = re.compile(
    r"\bvorig(?:e)? (?:jaar|editie|meting)|\btoen\b|\beerder\b|\blast year\b|\bprevious\b"
    r"|\bjaar (?:ervoor|daarvoor)\b|\bin 20\d\d\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def with_previous_year(text: str, written: int = 0) -> str:
    """The text with "het jaar ervoor" written as the year it means, when the text names one
    year: "In 2023 ... 12.500, versus 11.440 in het jaar ervoor" has 11.440 for 2022. In a text
    that names none, "vorig jaar" is the year before the report's (`written`): in a report of
    2024 "minder dan vorig jaar (61 procent) en het jaar daarvoor (65 procent)" has 61 procent
    for 2023 and 65 procent for 2022."""
    if written and not years_in(text) and LAST_YEARS_FIGURE.search(text):
        text = LAST_YEAR.sub(f"in {written - 1}", text)
    years = set(years_in(text))
    if len(years) != 1 or not PREVIOUS_YEAR.search(text):
        return text
    return PREVIOUS_YEAR.sub(f"in {int(years.pop()) - 1}", text)


# the question asks for all of a year ("over the whole of 2023", "het volledige kalenderjaar"):
# a figure of one of its months ("in november 2023 al 167.000") is not that
WHOLE_YEAR = re.compile(
    r"\b(?:hele|gehele|volledige|heel)\s+(?:kalender)?jaar|\bwhole\s+(?:of|year)\b"
    r"|\b(?:full|entire|calendar)\s+year\b",
    re.IGNORECASE,
)
# a sentence about what is still to come ("verhoogt de komende 10 jaar tot 5% van het bbp")
FUTURE = re.compile(
    r"\bde\s+komende\s+(?:\w+\s+)?ja(?:ar|ren)\b|\bin\s+de\s+toekomst\b"
    r"|\bthe\s+(?:next|coming)\s+(?:\w+\s+)?years?\b|\bin\s+the\s+future\b",
    re.IGNORECASE,
)
# a sentence that goes on about what the one before it told ("Daarvan mag 3,5% ...")
CONTINUES = re.compile(
    r"(?:daar|hier)(?:van|bij|binnen|naast)\b|van (?:dat|die|deze|dit)\b|of (?:this|that|these"
    r"|which)\b|(?:dit|dat) komt\b",  # "Dit komt met name door groei van ...": its cause
    re.IGNORECASE,
)


def sentence_before(text: str, start: int) -> str:
    """The sentence before `start` in its paragraph."""
    paragraph = text[:start].rstrip()
    paragraph = paragraph[paragraph.rfind("\n") + 1 :]
    return re.split(r"(?<=[.!?])\s+", paragraph)[-1] if paragraph else ""


NOW = re.compile(r"\b(?:inmiddels|tegenwoordig|momenteel|nowadays|currently)\b", re.IGNORECASE)
# a sentence that says something of what the one before told ("Voor de industrie is ...
# inmiddels het grootste knelpunt. 30% van de industriële werkgevers geeft dit aan.")
SAYS_SO = re.compile(
    r"\b(?:geeft|geven|gaf|gaven|zegt|zeggen|zei|noemt|noemen|noemde) (?:dit|dat)\b", re.I
)
SINCE_YEAR = re.compile(r"\b(?:sinds|since|vanaf)\s+((?:19|20)\d\d)\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def year_marks(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The years a text names, and those of them that bound a period ("2014-2022") or start one
    ("sinds 2022")."""
    ranges = years_in(" ".join(YEAR_RANGE.findall(text))) | set(SINCE_YEAR.findall(text))
    return years_in(text), ranges


YEAR_END = r"\beind\b|\bend of\b|\bdecember\b|\bultimo\b"
END_OF_YEAR = r"\b(?:eind|einde|end of|ultimo)\s+(?:(?:van|het jaar)\s+)*(?:19|20)\d\d\b"


TIME_UNITS = (
    "dag dagen week weken maand maanden jaar jaren uur uren minuten "
    "days weeks months years hours minutes"
)
# a question about a duration or an age, which a figure followed by a unit of time answers
DURATION = re.compile(
    WITHIN_WHAT_TIME.pattern + r"|"
    r"\b(?:hoe lang|how long|hoeveel tijd|how much time|duur|duurt|duration|lasts?|takes?"
    # an age is in years; not the working-age population ("mensen in de werkzame leeftijd")
    r"|(?<!werkzame )leeftijd|(?<!working )age|hoe oud|how old|time ?span|tijdspanne|termijn)\b|"
    + IN_TIME_UNITS,
    re.IGNORECASE,
)


@lru_cache(maxsize=2)
def measure_stems(time_only: bool = False) -> frozenset[str]:
    """Units of time, money and ratio: a figure followed by one of these is no count of
    things ('180 dagen', '3,5 keer'). Physical units (Mton, MW) can measure what is asked."""
    other = "" if time_only else " procent euro keer percent times"
    return frozenset(tokenize(TIME_UNITS + other))


def measures_other(text: str, figure: str, unit: tuple[str, ...]) -> bool:
    """Whether the figure is followed by a unit of measure that is not what the question
    counts ('180 dagen' for 'hoeveel vacatures'). Without a counted unit ("hoeveel zijn dat
    er?") only a unit of time is something else ("max 6 maanden"). An amount in euro ("€ 3.111")
    counts no people."""
    m = re.search(r"(€\s?)?" + re.escape(figure) + r"\s*([^\W\d]*)", text)
    if m and m.group(1) and unit and "euro" not in unit:
        return True
    after = tokenize(m.group(2)) if m and m.group(2) else []  # the next word ("per jaar": per)
    return (
        bool(after)
        and after[0] in measure_stems(time_only=not unit)
        and not counts(unit, frozenset(after))
    )


LABELLED = re.compile(r"\b\w*?(niveau|level|fase|phase|stap|step)[\s-]*(\d{1,2})\b", re.IGNORECASE)
LABEL_WORD = re.compile(r"niveau|level|fase|phase|stap|step", re.IGNORECASE)
LABEL_NAMES = {"level": "niveau", "phase": "fase", "step": "stap"}


def labels_in(text: str) -> dict[str, set[str]]:
    """Numbered labels by kind: 'beroepsniveau 2' and 'level 2' -> {'niveau': {'2'}}."""
    out: dict[str, set[str]] = {}
    if not LABEL_WORD.search(text):  # the quick test: LABELLED is slow on a text without one
        return out
    for m in LABELLED.finditer(text):
        label = m.group(1).lower()
        out.setdefault(LABEL_NAMES.get(label, label), set()).add(m.group(2))
    return out


CAUSE = re.compile(
    r"\b(?:omdat|doordat|vanwege|dankzij|door de|door het|als gevolg van|te maken met|komt door"
    r"|oorzaak|oorzaken|reden|redenen|because|due to|as a result of|caused by"
    r"|om te voorkomen|zodat|opdat|bedoeld om|in order to|to prevent|so that"
    r"|leidt tot|leiden tot|leidde tot|leads to|led to|zorgt voor|zorgen voor|zorgde voor"
    r"|voor \w+ zorgen|vandaar)\b",
    re.IGNORECASE,
)
# a later sentence that tells a result of the one before ("Tata Steel ziet hier echter vanaf.
# In het Noordzeekanaalgebied is daarom ..."): that one gives the cause
AS_A_RESULT = re.compile(
    r"[.!?:]\s+[^.!?]*\b(?:daarom|daardoor|hierdoor|om die reden|therefore|as a result)\b",
    re.IGNORECASE,
)
# a respondent's own words: a survey's answer option ("Omdat ik wettelijk verplicht was") or
# a quote, which gives that one person's reason, not the report's
FIRST_PERSON = re.compile(r"\b(?:ik|mijn|mij)\b", re.IGNORECASE)
# a question that asks what an abbreviation stands for ("Waar staat PLC eigenlijk voor?")
ABBREVIATION_ASKED = re.compile(  # the abbreviation in capitals, the words in any case
    r"\b(?i:waar staat (?:de afkorting |het )?)([A-Z]{2,6})\b.*\b(?i:voor)\b"
    r"|\b(?i:wat betekent (?:de afkorting )?)([A-Z]{2,6})\b"
    r"|\b(?i:what does (?:the abbreviation )?)([A-Z]{2,6}) (?i:stand for|mean)\b"
    r"|\b([A-Z]{2,6}) (?i:(?:een )?afkorting (?:van|voor)|voluit|short for"
    r"|an abbreviation (?:of|for))\b"
)


def asked_abbreviation(question: str) -> str | None:
    """The abbreviation whose meaning the question asks, if it asks one."""
    m = ABBREVIATION_ASKED.search(question)
    return next((g for g in m.groups() if g), None) if m else None


_SMALL_WORDS = {"van", "de", "het", "en", "voor", "of", "and", "the", "for", "ofwel"}


def spells_out(abbreviation: str, text: str) -> bool:
    """Whether the text writes the abbreviation out: words (small ones skipped, the parts of a
    hyphenated word each counted) whose initials spell it ("programmable logic controller")."""
    initials = [
        (w.lower() in _SMALL_WORDS, w[0].lower())
        for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text)
        for w in word.split("-")
    ]
    letters = abbreviation.lower()
    for start in range(len(initials)):
        i, k = start, 0
        while i < len(initials) and k < len(letters):
            small, first = initials[i]
            if first == letters[k] and (k > 0 or not small):
                k += 1
            elif not small or k == 0:
                break
            i += 1
        if k == len(letters):
            return True
    return False


SINCE = re.compile(r"\b(?:sinds|vanaf|since|from)\b", re.IGNORECASE)
# a question that asks for a start ("sinds wanneer", "since when"; not "cited from the report")
SINCE_ASKED = re.compile(
    rf"{SINCE.pattern}\s+(?:wanneer|when|welk|welke|what|which)\b", re.IGNORECASE
)
# what a question asks of a plan ("zou ... moeten", "is expected to"): not a start marked so
# ("moet" alone is a duty: "vanaf welke datum moeten bedrijven betalen": "Sinds 1 januari 2021")
PLANNED = re.compile(
    r"\b(?:zou|zouden|gepland|will|would|expected|planned|supposed)\b",
    re.IGNORECASE,
)
# a question that asks for an end ("tot welk jaar", "until when")
UNTIL = re.compile(r"\b(?:tot(?: en met)?|t/m|until|till|through|up to)\b", re.IGNORECASE)
UNTIL_ASKED = re.compile(
    rf"{UNTIL.pattern}\s+(?:wanneer|when|welk|welke|what|which)\b", re.IGNORECASE
)
# a question that asks for a period by its bounds ("between which years", "in welke periode"):
# a date the text gives as one ("tussen 2016 en eind 2019", "van 2026 tot 2030", "2026-2030")
PERIOD = re.compile(
    r"\b(?:tussen|between)\b|(?=\d{4}\s?[-–]\s?\d{2,4})"
    # a period by its end ("voor de periode tot 2027", "over the period to 2027")
    r"|\b(?:periode|period)\s+(?:tot(?: en met)?|t/m|to|until|up to|through)\b"
    r"|\b(?:van|from)\b(?=\W+(?:\w+\W+)?\d{4}\W+(?:tot|to|until)\b)"  # not "kwartaal van 2022"
    # two months, the second with its year ("in de maanden oktober en november 2023")
    rf"|\b(?:{MONTH_NAMES})\s+(?:en|and|tot|to|t/m)\b(?=\W+(?:{MONTH_NAMES})\s+\d{{4}})",
    re.IGNORECASE,
)
PERIOD_ASKED = re.compile(
    r"\b(?:between which|tussen welke"
    r"|(?:welke|what|which) (?:periode|period|termijn|time ?frame))\b",
    re.IGNORECASE,
)
# career switchers, as the reports and advisors name them ("she is changing careers")
CAREER_CHANGERS = (
    r"zij-?\s?instro+m\w*|carri[eè]re.?switch\w*|career.?(?:switch|chang)\w*"
    r"|(?:chang|switch)\w* careers?|side.?entrants?|lateral entr\w*"
    # who would move into technical work from another field ("overstappers", "switchers",
    # "people moving into tech", "een overstap naar de techniek")
    r"|overstapper\w*|omscholers?\b|\bswitchers?\b"
    r"|\b(?:overstappen|overstap|switch\w*|mov\w*|mak\w* the move) (?:naar|into|to) (?:de |the )?"
    r"(?:techniek|tech\b|technical (?:work|jobs?|sector|field))"
)
# The groups a survey asks (technicians, companies, career switchers), each its Dutch and
# English forms: "38 procent van de technici" is not the share of the companies.
RESPONDENTS = {
    "technici": r"technici|technicus|technicians?|techs\b",
    "bedrijven": r"\w*bedrijven|companies|firms|werkgevers|employers",
    "zij-instromers": CAREER_CHANGERS,
}
_RESPONDENT = "|".join(f"(?P<{k.replace('-', '_')}>{v})" for k, v in RESPONDENTS.items())
SHARE_OF = re.compile(
    rf"(?:deel|aandeel|procent|percentage|share|proportion|%)\s+(?:van|of)\s+(?:de\s+|the\s+"
    rf"|alle\s+|all\s+)?(?:[\w-]+\s+)?(?:{_RESPONDENT})",
    re.IGNORECASE,
)

_ANY_RESPONDENT = "|".join(f"(?:{v})" for v in RESPONDENTS.values())
# "Hoeveel technici zijn te porren voor een baan buiten de techniek?": how many of a surveyed
# group think or do something, which a survey answers with a share; not how many there are,
# work, took part or were asked ("Hoeveel technici hebben meegedaan?")
SURVEYED_COUNT = re.compile(
    rf"(?:\b(?:hoeveel|how many)\s+(?:van\s+(?:de|alle)\s+|of\s+(?:the\s+)?)?(?:[\w-]+\s+)?"
    rf"(?:{_ANY_RESPONDENT})\b"
    rf"|(?:{_ANY_RESPONDENT})\b.*\b(?:how many of them|hoeveel daarvan|hoeveel van hen)\b)"
    r"(?!.*\b(?:er|there|werk\w*"
    r"|work\w*|employ\w*|meegedaan|deelgenomen|ondervraagd|respond\w*|took part|participat\w*"
    r"|surveyed|interviewed|ingeschreven|registered|totaal|total|telt|tellen|count|nodig"
    # who filled in the questionnaire or took part: its respondents, counted
    r"|vul\w* (?:de |het )?(?:vragenlijst|enquête)|filled (?:in|out)|deden mee|doen mee"
    r"|take part|taken part"
    r"|need\w*|extra|additional|tekort|short\w*)\b)",
    re.IGNORECASE,
)


def _respondent(m: re.Match[str] | None) -> str | None:
    """Which group of RESPONDENTS a match of _RESPONDENT found."""
    return next((k for k in RESPONDENTS if m and m.group(k.replace("-", "_"))), None)


def share_of(question: str) -> str | None:
    """The surveyed group whose share a question asks ("welk deel van de technici")."""
    return _respondent(SHARE_OF.search(question))


def share_group(text: str, figure: str) -> str | None:
    """The surveyed group a share in a text is of: "43 procent van de bedrijven", "technici
    (38 procent)"; None when the text does not tie it to one."""
    at = text.find(figure)
    if at < 0:
        return None
    after = re.match(
        rf"\s*\)?\s*(?:van\s+(?:de|alle)\s+|of\s+(?:the\s+)?(?:all\s+)?)(?:[\w-]+\s+)?"
        rf"(?:{_RESPONDENT})",
        text[at + len(figure) :],
        re.IGNORECASE,
    )
    before = re.search(rf"(?:{_RESPONDENT})\s*\(\s*$", text[:at], re.IGNORECASE)
    # "Van de technische bedrijven ziet 34 procent ...": the group opens the sentence
    opens = re.search(
        rf"\b(?:van\s+de|of\s+the)\s+(?:[\w-]+\s+)?(?:{_RESPONDENT})\s+(?:[\w-]+\s+){{0,2}}$",
        text[:at],
        re.IGNORECASE,
    )
    return _respondent(after or before or opens)


# a question that asks which organisations ("welke brancheorganisaties", "which unions")
ORGANISATIONS = re.compile(
    r"\b(?:welke|which|wie|who)\b.*(?:organisati|organizations?\b|associations?\b|vereniging"
    r"|partijen\b|parties\b|instellingen\b|institutions\b|bonden\b|unions\b|koepels?\b"
    r"|federati|partners\b)"
    # "which company developed it": a company's name answers
    r"|\b(?:welke?|which)\s+(?:\w+\s+){0,2}?(?:bedrijf|bedrijven|compan(?:y|ies)|firms?"
    r"|ondernemingen?)\b",
    re.IGNORECASE,
)
# "welke sector", "which part of manufacturing", "welke branches": a sector or branch answers
ASKS_SECTOR = re.compile(
    r"\b(?:which|what|welke?)\s+(?:\w+\s+){0,2}?(?:(?:sub|deel)?sectors?|(?:deel)?sectoren"
    r"|branches?|branche|industries|industrietak(?:ken)?|takken|onderdelen)\b"
    r"|\b(?:which|what) parts? of (?:the )?(?:manufacturing|industr)",
    re.IGNORECASE,
)
# a sector or branch by name: a compound ("installatiebranche", "levensmiddelenindustrie",
# "gezondheidszorg", "detailhandel", "technische dienstverlening") or one of SCOPES
SECTOR_WORD = re.compile(
    r"\b\w{3,}(?:industrie|sector|branche|zorg|handel)\b|\bdienstverlening\b", re.IGNORECASE
)
NAME = re.compile(r"\b(?:[A-Z]{2,}[a-z]*|[A-Z][a-z]+(?:\s[A-Z][a-z]+)*)\b")
# "welk plan", "which scheme": the kind of thing asked, whose names are compounds of it
# ("Deltaplan Arbeidsmigratie", "vakkrachtenregeling", "Groeifonds"), as the Dutch head
NAMED_KINDS = {
    "plan": "plan",
    "plannen": "plan",
    "plans": "plan",
    "regeling": "regeling",
    "scheme": "regeling",
    "programma": "programma",
    "programme": "programma",
    "program": "programma",
    "fonds": "fonds",
    "fund": "fonds",
    "akkoord": "akkoord",
    "agreement": "akkoord",
    "accord": "akkoord",
    "pact": "pact",
    "agenda": "agenda",
    "platform": "platform",
    "netwerk": "netwerk",
    "network": "netwerk",
}
ASKS_NAMED = re.compile(
    rf"\b(?:welke?|which|what|hoe heet|hoe heten|wat is de naam van|what is the name of"
    rf"|what's the name of)\s+(?:[\w-]+\s+){{0,3}}?({'|'.join(NAMED_KINDS)})\b",
    re.IGNORECASE,
)


def asked_kind(question: str) -> str | None:
    """The Dutch head of the kind of thing a question asks ("welk overkoepelend plan": plan)."""
    m = ASKS_NAMED.search(question)
    return NAMED_KINDS[m.group(1).lower()] if m else None


def names_kind(text: str, head: str, question: str) -> bool:
    """Whether the text names a thing of that kind the question does not name itself: a
    compound with it as its head ("Deltaplan" for "which plan")."""
    return names_new(re.compile(rf"\b\w{{3,}}{head}\b", re.IGNORECASE), text, question)


def names_new(pattern: re.Pattern[str], text: str, question: str) -> bool:
    """Whether the pattern finds a word in the text that the question does not use."""
    q = question.lower()
    return any(m.group().lower() not in q for m in pattern.finditer(text))


def new_names(text: str, question: str) -> set[str]:
    """The names in a text (capitalised words or acronyms, not the first word of a sentence)
    that the question does not use itself."""
    out = set()
    for m in NAME.finditer(text):
        before = text[: m.start()].rstrip()
        if not before or before[-1] in ".!?:•-\n" or m.group().lower() in question.lower():
            continue
        out.add(m.group())
    return out


# a question that asks where, so that one region's figure answers it ("in welke regio", "welke
# koploperregio")
WHERE = re.compile(r"regio|region|\b(?:cluster|provincie|province|waar|where)", re.IGNORECASE)


@dataclass(frozen=True)
class Scope:
    """One thing a figure can be about, of one kind (a place, a sector, a level of
    education, a group of people): how Dutch and English texts name it, and how specific it
    is within its kind (the EU 0, a country 1, a region 2; industry 1, the chemical industry
    2)."""

    kind: str
    name: str
    pattern: str  # matched in lower case
    depth: int = 1
    covers: tuple[str, ...] = ()  # asked, it asks these too ("hoger onderwijs": hbo and wo)


SCOPES = (
    Scope("level", "vmbo", r"\bvmbo\b"),
    Scope("level", "mbo", r"\bmbo\b"),
    Scope("level", "havo", r"\bhavo\b"),
    Scope("level", "vwo", r"\bvwo\b"),
    Scope("level", "hbo", r"\bhbo\b|\bhogescho(?:ol|len)\b"),
    Scope("level", "wo", r"\bwo\b|\buniversit(?:y|ies|eit|eiten)\b"),
    # a figure for all higher education answers a question about it, or about hbo and wo
    # together, but not one about hbo alone
    Scope(
        "level", "hoger onderwijs", r"\bhoger onderwijs\b|\bhigher education\b", 1, ("hbo", "wo")
    ),
    Scope("degree", "bachelor", r"\bbachelor"),
    Scope("degree", "master", r"\bmaster"),
    Scope("place", "eu", r"\beu\b|\beuropa\b|\beurope\b|\beuropean union\b|\beuropese unie\b", 0),
    Scope("place", "nederland", r"(?<![-\w])nederland|\bdutch\b|\bnetherlands\b"),
    Scope("place", "belgië", r"\bbelgi"),
    Scope("place", "duitsland", r"\bduitsland|\bduitse?\b|\bgerman"),
    Scope("place", "frankrijk", r"\bfrankrijk|\bfranse?\b|\bfrance\b|\bfrench\b"),
    Scope("place", "vlaanderen", r"\bvlaander|\bvlaams|\bflemish\b|\bflanders\b", 2),
    Scope("place", "wallonië", r"\bwalloni|\bwaals", 2),
    Scope("place", "brussel", r"\bbrussel|\bbrussels\b", 2),
    Scope("place", "noord-nederland", r"\bnoord-nederland|\bnorth(?:ern)? netherlands\b", 2),
    Scope("place", "zeeland", r"\bzeeland|\bzeeuws", 2),
    Scope("place", "limburg", r"\blimburg|\bchemelot\b", 2),
    Scope("place", "rotterdam", r"\brotterdam|\bmoerdijk|\brijnmond", 2),
    Scope("place", "groningen", r"\bgroning|\beemshaven|\bdelfzijl", 2),
    Scope("place", "brabant", r"\bbrabant", 2),
    Scope("place", "amsterdam", r"\bamsterdam|\bnoordzeekanaalgebied|\bijmuiden", 2),
    # not "the technical industries": the technical sectors (installation, metal,
    # electrical, construction) of the position paper and the TechBarometer
    Scope("sector", "industrie", r"(?<!technical )(?<!tech )(?<!technology )industri|manufactur"),
    Scope("sector", "chemie", r"\bchemi|\bpetrochemi", 2),
    Scope("sector", "metaal", r"\bmeta(?:al|l)", 2),
    Scope("sector", "elektrotechniek", r"elektrotechni|electrical engineering", 2),
    Scope("sector", "voeding", r"voedingsmiddel|\bfood\b|levensmiddel", 2),
    # not the verb ("op te bouwen", "bouwt", "bouwde") nor a building block ("de bouwstof")
    Scope(
        "sector",
        "bouw",
        r"(?<!\bte )\bbouw(?!stenen|stof|en\b|t\b|de\b|den\b)|\bconstruction\b",
    ),
    Scope("sector", "zorg", r"\bzorg\b|gezondheidszorg|\bzorgsector|\bhealth ?care\b"),
    Scope("sector", "ict", r"\bict\b|\binformation technology\b"),
    Scope("sector", "landbouw", r"\blandbouw|\bagricultur"),
    Scope("sector", "logistiek", r"\blogisti|\btransportsector"),
    Scope("sector", "handel", r"\bdetailhandel|\bgroothandel|\bretail\b|\bwholesale\b"),
    # the whole economy: the average of all sectors is not industry's figure, nor the reverse
    Scope(
        "sector",
        "alle sectoren",
        r"\balle sectoren\b|\ball (?:the )?sectors\b|\bacross (?:the )?sectors\b"
        r"|\b(?:hele|gehele|totale) economie\b|\b(?:whole|entire) economy\b",
        0,
    ),
    # groups of people a figure can be about ("bij de uitzendkrachten ... 6 op de 10")
    Scope(
        "people",
        "uitzendkrachten",
        r"uitzend|\bagency (?:work|staff|temp)|\btemps?\b|\btemporary (?:agency )?work",
    ),
    Scope("people", "vrouwen", r"\bvrouw|\bwom[ae]n\b|\bfemale|\bmeisjes?\b|\bmeiden\b|\bgirls?\b"),
    Scope("people", "mannen", r"\bmannen\b|\bmale\b|\bjongens\b|\bboys\b"),  # not "men": Dutch
    Scope(
        "people",
        "jongeren",
        r"\bjongeren\b|\byoung (?:people|workers|adults)|\byouth\b|\bjonger dan|\byounger than"
        r"|\bunder (?:the age of )?[23]\d\b",
    ),
    Scope(
        "people",
        "ouderen",
        r"\b55\+|\b55-plus|\bouderen\b|\bolder (?:workers|people|employees|technicians)"
        r"|\bover 55\b|\b55 (?:jaar )?(?:en|of|and|or) (?:ouder|older|over)|\baged 55",
    ),
    # an age group: "60 jaar of ouder" is not "van 50 tot 60 jaar"
    Scope(
        "people",
        "60-plussers",
        r"\b(?:60|zestig)-plus|\b60\+|\b(?:60|zestig|sixty) (?:jaar |years )?(?:en|of|and|or)"
        r" (?:ouder|older|over)|\baged (?:60|sixty)\b|\bover (?:60|sixty)\b",
    ),
    Scope(
        "people",
        "50 tot 60 jaar",
        r"\b(?:50|vijftig|fifty) (?:tot|en|to|and) (?:60|zestig|sixty) (?:jaar|years)\b"
        r"|\baged (?:between )?50 (?:and|to) 60\b|\bvijftigers\b|\bfifties\b",
    ),
    Scope("people", "zij-instromers", CAREER_CHANGERS),
)


def names_sector(text: str, question: str) -> bool:
    """Whether the text names a sector or branch that the question does not name itself
    ("de chemische industrie" for "which part of manufacturing")."""
    asked = {s.name for s in scopes_in(question).get("sector", ())}
    if {s.name for s in scopes_in(text).get("sector", ())} - asked - {"alle sectoren"}:
        return True
    return names_new(SECTOR_WORD, text, question)


def relaxed(pattern: str) -> str:
    """The pattern without its word boundaries and lookarounds: it matches wherever the
    pattern does (and more), and Python's re finds its leading words many times faster."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("\\b", i):
            i += 2
        elif pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            i = _group_end(pattern, i)
        else:
            j = (
                _group_end(pattern, i)
                if pattern[i] == "["
                else i + (2 if pattern[i] == "\\" else 1)
            )
            out.append(pattern[i:j])
            i = j
    return "".join(out)


def _group_end(pattern: str, i: int) -> int:
    """Where the group or character class that opens at i ends (just after it); a class
    that starts with a "]" of its own is not read."""
    depth, in_class = 0, False
    while True:
        c = pattern[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        i += 1
        if depth == 0 and not in_class:
            return i


# each scope's pattern, and its relaxed form to try first (a text names few scopes)
_SCOPE_PATTERNS = tuple((s, re.compile(s.pattern), re.compile(relaxed(s.pattern))) for s in SCOPES)


@lru_cache(maxsize=32768)
def scopes_in(text: str) -> dict[str, frozenset[Scope]]:
    """The scopes a text names, by kind."""
    lower = text.lower()
    found: dict[str, set[Scope]] = {}
    for s, pattern, quick in _SCOPE_PATTERNS:
        if quick.search(lower) and pattern.search(lower):
            found.setdefault(s.kind, set()).add(s)
    return {kind: frozenset(v) for kind, v in found.items()}


def asked_scopes(question: str) -> dict[str, frozenset[str]]:
    """What the question is about, per kind: the most specific scopes it names ('de
    chemische industrie': chemie; 'Belgian companies in the EU ETS': België)."""
    out = {}
    # not what it leaves out ("dus niet de uitzendkrachten", "excluding agency workers",
    # "zonder de uitzendkrachten"); "het aandeel zonder startkwalificatie" is what it asks
    question = re.sub(
        r"\b(?:niet|not|excluding|exclusief|zonder(?= de | het | die )|behalve|except)\b[^,.;:)]*",
        "",
        question,
    )
    if detect_language(question) == "en":  # "men" is a group only in English (Dutch: "one")
        question = re.sub(r"\bmen\b", "male", question, flags=re.IGNORECASE)
    for kind, scopes in scopes_in(question).items():
        depth = max(s.depth for s in scopes)
        out[kind] = frozenset(n for s in scopes if s.depth == depth for n in (s.name, *s.covers))
    return out


def scope_conflict(
    asked: dict[str, frozenset[str]], text: str, context: str = "", narrower: bool = False
) -> set[str]:
    """The kinds in which the text speaks only of other scopes than the question asks: another level
    of education (wo-bachelor asked, mbo told), place (Belgium asked, the Netherlands told)
    or sector (construction asked, industry told). A text that names nothing of a kind is
    read with its context (heading, lead-in, table caption). With `narrower`, a more specific
    scope answers too ("which parts of industry": the food industry)."""
    told, around = scopes_in(text), None
    conflicts = set()
    for kind, names in asked.items():
        named = told.get(kind)
        if not named and context:  # the context only when needed: a new one is slow to read
            around = scopes_in(context) if around is None else around
            named = around.get(kind)
        if not named or names & {s.name for s in named}:
            continue
        if any(s.covers and set(s.covers) <= names for s in named):
            continue  # "hbo en wo" asked, "het hoger onderwijs" told
        depth = max(s.depth for s in SCOPES if s.name in names)
        if not (narrower and any(s.depth > depth for s in named)):
            conflicts.add(kind)
    return conflicts


PEOPLE = "werknemers medewerkers werkenden mensen personen employees workers people"
PEOPLE_KINDS = (
    "studenten leerlingen deelnemers technici uitzendkrachten werkgevers leden students members"
)
# a chart's source line ("Bron: Nationale Beroepengids"): where its figures come from
SOURCE_LINE = re.compile(r"\s*(?:Bron|Source)\s*:[^.!?]*[.]?\s*", re.IGNORECASE)
ROW_OF_GROUP = re.compile(r"([^\W\d_][\w -]*):?(?:\s+\d+(?:[.,]\d+)?\s?%?){2,}")  # label, values


@lru_cache(maxsize=1)
def count_nouns() -> frozenset[str]:
    """What reports count: a figure followed by one of these counts that, and not what else
    the question asks for ("20 werknemers" does not answer "hoeveel meldingen")."""
    return frozenset(
        tokenize(
            f"{PEOPLE} {PEOPLE_KINDS} bedrijven vacatures banen huizen woningen meldingen "
            "uitkeringen companies employers vacancies jobs"
        )
    )


def counts_else(unit: tuple[str, ...], after: list[str]) -> bool:
    """Whether the words after a figure start with a count noun for something other than
    what the question counts. People in general ("50 medewerkers") count any group of people
    or what happens to them ("hoeveel technici", "hoeveel ontslagen"), not companies."""
    # the noun itself, or the head of a compound ("loodgietersbedrijven": bedrijven); after
    # an adjective ("53.800 openstaande vacatures") the next word
    for word in after[:2]:
        noun = max((n for n in count_nouns() if word.endswith(n)), key=len, default="")
        if noun and (noun == word or len(noun) >= 5):
            break
    else:
        return False
    if counts_people(unit, frozenset({noun})):
        return False  # people asked, a group of them told ("meer dan 2 miljoen leden")
    general, things = _count_classes()
    # a thing also as the head of a compound ("ontslagmeldingen": meldingen)
    return not (noun in general and not any(s.endswith(t) for s in unit for t in things))


@lru_cache(maxsize=1)
def _count_classes() -> tuple[frozenset[str], frozenset[str]]:
    """The count nouns for people in general, and those for things (companies, jobs)."""
    general = frozenset(tokenize(PEOPLE))
    return general, count_nouns() - general - _people_kinds()


def counts_people(unit: tuple[str, ...], stems: frozenset[str]) -> bool:
    """Whether people in general are counted ("how many people") and the stems name a group
    of people, which counts them ("meer dan 2 miljoen leden bij de vakbonden")."""
    general, _ = _count_classes()
    return bool(general.intersection(unit)) and not stems.isdisjoint(_people_kinds())


@lru_cache(maxsize=1)
def _people_kinds() -> frozenset[str]:
    """The count nouns for groups of people (technici, leden)."""
    return frozenset(tokenize(PEOPLE_KINDS))


@lru_cache(maxsize=1)
def _respondents() -> frozenset[str]:
    """Who answers a survey: people, groups of them, companies. A chart's row labelled only so
    ("Bedrijven: 23% 32%") says not what it counts."""
    return _count_classes()[0] | _people_kinds() | frozenset(tokenize("bedrijven zij-instromers"))


def words_after(text: str, at: re.Match[str]) -> list[str]:
    """The first three words (stems) after a figure found in the text: what it counts. A
    number in a compound's name ("acht omliggende Natura 2000-gebieden") is no word."""
    return tokenize(re.sub(r"\b\d+-(?=[^\W\d_])", "", text[at.end() : at.end() + 40]))[:3]


COUNT_ASKED = re.compile(r"\b(?:hoeveel|how many|hoe vaak|how often)\b", re.IGNORECASE)
OCCURRENCES = r"\s+(?:keer|maal|gevallen|times|cases)\b(?!\s+(?:zo|zoveel|as|meer|more)\b)"


def occurrences(text: str, figure: str) -> bool:
    """Whether the figure counts how often ("zes keer", "in vier gevallen"), not a ratio."""
    return bool(re.search(rf"\b{re.escape(figure)}{OCCURRENCES}", text, re.IGNORECASE))


def without_qualifiers(subgroups: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The occupations asked, not a hyphenated word that qualifies one of them
    ("kandidaat-procesoperator" beside "procesoperator"): a passage names the occupation."""
    heads = {g[0] for g in subgroups}
    return [g for g in subgroups if not any(g[0].endswith("-" + h) for h in heads)]


def counted_after(text: str, figure: str, unit: tuple[str, ...]) -> bool:
    """Whether what the question counts follows the figure ("zeven prioritaire thema's")."""
    m = re.search(r"\b" + re.escape(figure) + r"\b", text)
    return bool(m) and counts_head(unit, words_after(text, m))


def counts(unit: tuple[str, ...], stems: frozenset[str]) -> bool:
    """Whether the stems name what the question counts (any of its alternatives)."""
    return any(matches(s, stems) for s in unit)


@lru_cache(maxsize=16384)
def joined_stems(text: str) -> frozenset[str]:
    """The stems of each two adjacent words written as one: a compound written apart
    ("bachelor studenten" is bachelorstudent)."""
    words = re.findall(r"[^\W\d_]{3,}", text.lower())
    return frozenset(s for a, b in zip(words, words[1:], strict=False) for s in tokenize(a + b))


def counts_head(unit: tuple[str, ...], words: list[str]) -> bool:
    """Whether the words after a figure say it counts what the question counts: the word, or
    a compound whose head it is ("knelpuntvacatures"); "10.000 loodgietersbedrijven" counts
    firms, not plumbers."""
    return any(
        w == s
        or (len(s) >= 5 and (w.endswith(s) or (w.startswith(s) and len(w) <= len(s) + 3)))
        or (len(w) >= 5 and s.endswith(w))  # "bachelor studenten" for bachelorstudenten
        for s in unit
        for w in words
    ) or any(  # two English words, one Dutch compound: "charge points" counts laadpunten
        w.startswith(a) and w.endswith(b) and len(w) <= len(a) + len(b) + 1
        for a in unit
        for b in unit
        if a != b and min(len(a), len(b)) >= 3
        for w in words
    )


# a figure for a whole ("in een van de genoemde richtingen", "in totaal", "combined")
AGGREGATE = re.compile(
    r"\b(?:(?:boven)?genoemde|in totaal|gezamenlijk|samengenomen|opgeteld|combined|in total|"
    r"altogether|taken together|all together)\b",
    re.IGNORECASE,
)
NOT_WHOLE = re.compile(r"\b(?:niet|geen|not|no|only|alleen)\b[^.?!]*$", re.IGNORECASE)
_ITEM = r"[^\W\d_][\w-]*(?: [^\W\d_][\w-]*)?"
LIST_OF_ITEMS = re.compile(rf"(?:{_ITEM}, ){{2,}}{_ITEM},? (?:en|of|and|or) {_ITEM}")


@lru_cache(maxsize=4096)
def listed(text: str) -> frozenset[str]:
    """The stems of the items of the lists in a text ("chemie, metaal, werktuigbouw, elektro en
    mechatronica"), each by its last word."""
    items = (
        item.split()[-1]  # its last word: "richtingen chemie" is the item chemie
        for m in LIST_OF_ITEMS.finditer(text)
        for item in re.split(r",\s|\s(?:en|of|and|or)\s", m.group())
    )
    return frozenset(s for item in items for s in tokenize(item))


def total_for_one(question: str, terms: list[tuple[str, ...]], told: str, text: str) -> bool:
    """Whether a figure's sentence gives a total ("13.500 hbo-bachelor studenten in een van de
    genoemde richtingen") where the question asks for one item of the list its passage names
    ("mechatronica"), and not for the whole list."""
    whole = AGGREGATE.search(question)  # asked too, unless denied ("niet ... bij elkaar opgeteld")
    if whole and NOT_WHOLE.search(question[max(0, whole.start() - 80) : whole.start()]):
        whole = None
    if not AGGREGATE.search(told) or whole:
        return False
    # the sentence's own words, not its list: "36.500 ... in de richtingen chemie, ..., elektro
    # en mechatronica" is no figure of elektro
    items, told_reach = listed(text), reach(stem_set(LIST_OF_ITEMS.sub(" ", told)))
    asked_items = [g for g in terms if set(g) & items]
    # one item asked; two or more ("chemie, metaal of werktuigbouw") ask for the list's total
    return len(asked_items) == 1 and told_reach.isdisjoint(asked_items[0])


# "stonden er meer vacatures open voor A of voor B?", "which pays better: A or B?": two things
# set side by side, the one with the larger (or the smaller) figure asked
MORE = re.compile(
    r"\b(?:meer|hoger|groter|beter|vaker|more|higher|larger|bigger|better|greater"
    r"|meeste|hoogste|grootste|beste|vaakst|most|highest|largest|biggest|best|greatest)\b",
    re.I,
)
LESS = re.compile(
    r"\b(?:minder|lager|kleiner|fewer|less|lower|smaller"
    r"|minste|laagste|kleinste|fewest|least|lowest|smallest)\b",
    re.I,
)
# "In welke regio is het aandeel het grootst?": which one has the largest (or the smallest)
EXTREME_ASKED = re.compile(
    r"\b(?:welke?|which|waar|where)\b.*\b(?:(het (?:grootst|hoogst|meest)e?|grootste|hoogste"
    r"|largest|highest|biggest)|het (?:kleinst|laagst|minst)e?|kleinste|laagste|smallest|lowest)\b",
    re.I,
)
OR = re.compile(r",?\s\b(?:of|or)\s(?:(?:voor|for|bij|at|de|het|the|een|a|an)\s)*", re.I)
# in English "of" is no "or" ("responsible for reducing the shortage of technical staff")
OR_EN = re.compile(r",?\s\bor\s(?:(?:for|at|the|a|an)\s)*", re.I)
OPTION_START = re.compile(r"[:–—]\s|,\s|\b(?:voor|for|bij|among|tussen|between)\s", re.I)


@dataclass(frozen=True)
class Choice:
    """Two things the question sets side by side, and whether the larger figure is asked."""

    first: str
    second: str
    larger: bool


def choice_asked(question: str) -> Choice | None:
    """The two options of 'which has more: A or B' ('... meer vacatures open voor A of voor
    B?'), as the question words them; none for 'hoger of lager' or without a comparative."""
    asking = question_sentences(question)[-1]
    split = list((OR_EN if detect_language(question) == "en" else OR).finditer(asking))
    if not split:
        return None
    head, second = asking[: split[-1].start()], asking[split[-1].end() :].strip(" ?")
    more, less = MORE.search(head), LESS.search(head)
    if bool(more) == bool(less):  # neither, or both ("meer of minder")
        return None
    comparative = more or less
    assert comparative is not None
    starts = [m.end() for m in OPTION_START.finditer(head, comparative.end())]
    first = head[starts[-1] :].strip() if starts else ""
    if not first or not second or MORE.search(second) or LESS.search(second):
        return None
    return Choice(first, second, larger=bool(more))


def figure_value(figure: str) -> float | None:
    """A figure as a number ('3.050' -> 3050, '€ 3.470' -> 3470, '12,5%' -> 12.5)."""
    m = re.search(r"\d+(?:[.,]\d+)*", figure)
    if not m:
        return None
    return float(m.group().replace(".", "").replace(",", "."))  # Dutch: 3.050; 12,5


def figure_sides(text: str, own: list[list[tuple[str, ...]]]) -> list[tuple[str, int]]:
    """Each figure of a sentence or row with the option (0 or 1) it is about: a row's label
    names one option and not the other ("Mechanisch operators procesindustrie 3.050"); in a
    sentence, the option named nearest to the figure, between it and the figures beside it
    ("zij-instromers (20 procent) ... dan technici (9 procent)", "46 procent van de technici
    ..., versus 32 procent van de bedrijven")."""
    figures = [  # in digits: "zes keer" counts something else than the value compared
        f
        for f in figures_of(text, "percentage") or figures_of(text, "number")
        if re.search(r"\d", f)
    ]
    lines = text.split("\n")
    if len(lines) > 1 and any(is_row(line) for line in lines):
        return []  # rows read as one text: a value's label may be the next row's
    if is_row(text):
        if len(figures) != 1:  # values of several columns: which one is compared is unclear
            return []
        stems = reach(stem_set(text))
        hits = [sum(1 for g in groups if set(g) & stems) for groups in own]
        return [
            (figures[0], side)
            for side in (0, 1)
            if hits[1 - side] == 0 and hits[side] >= len(own[side]) / 2
        ]
    spans, pos = [], 0
    for f in figures:
        at = text.find(f, pos)
        if at < 0:
            return []
        spans.append((at, at + len(f)))
        pos = at + len(f)
    out = []
    for n, (start, end) in enumerate(spans):
        low = spans[n - 1][1] if n else 0
        high = spans[n + 1][0] if n + 1 < len(spans) else len(text)
        words = [  # each word between the figures beside it, with its distance to the figure
            (max(start - (low + m.end()), low + m.start() - end), reach(stem_set(m.group())))
            for m in re.finditer(r"[^\W\d_][\w-]*", text[low:high])
        ]
        nearest: list[tuple[int, int]] = []  # (distance, side)
        for side, groups in enumerate(own):
            hit = [g for g in groups if any(set(g) & s for _, s in words)]
            if len(hit) >= max(1, len(groups) / 2):
                distance = min(d for d, s in words if any(set(g) & s for g in hit))
                nearest.append((distance, side))
        if nearest:
            out.append((figures[n], min(nearest)[1]))
    return out


# "Wie hebben de factsheet geschreven?", "Who are the authors of ...?": the names a report's
# colophon lists under "Auteurs", one per line ("Lisan van den Beukel", "Suzanne IJzerman")
AUTHORS_ASKED = re.compile(
    r"\b(?:auteurs?|authors?|wrote|written|geschreven|schreef|schreven|schrijvers?)\b", re.I
)
AUTHORS_LABEL = re.compile(r"^(?:auteurs?|authors?|tekst|text)\s*:?\s*$", re.I | re.M)
PERSON = re.compile(
    r"(?:[A-Z][a-zà-ÿ]+|IJ[a-z]+)(?:-[A-Z][a-z]+)?"
    r"(?: (?:van|de|der|den|ter|ten|het|in 't|[A-Z][a-zà-ÿ]+|IJ[a-z]+)(?:-[A-Z][a-z]+)?){1,4}"
)


def authors_in(text: str) -> tuple[int, int, list[str]] | None:
    """Where a text lists its report's authors (from the label "Auteurs" to the last name
    under it) and their names; none without such a list."""
    label = AUTHORS_LABEL.search(text)
    if not label:
        return None
    names, end = [], label.end()
    for m in re.finditer(r"[^\n]+", text[label.end() :]):
        line = m.group().strip()
        if not PERSON.fullmatch(line):
            break
        names.append(line)
        end = label.end() + m.end()
    return (label.start(), end, names) if names else None


def name_key(names: set[str]) -> str:
    """How a required name of the question is told when a passage lacks it (one of its
    spellings, the same each time)."""
    return sorted(names)[0]


@dataclass(frozen=True)
class Asked:
    """A question as the scorer reads it: its matchable terms with their weights, the rare
    names that must be present, the numbers it names."""

    info: QuestionInfo
    terms: list[tuple[str, ...]]
    weights: dict[tuple[str, ...], float]
    total: float
    names: list[set[str]]
    numbers: frozenset[str]
    plain_numbers: frozenset[str]  # the numbers that are no year
    spelled: frozenset[str]  # a range or ratio it writes in words ("between three and six")
    scopes: dict[str, frozenset[str]]  # the places, sectors, levels it is about
    subgroups: list[tuple[str, ...]]  # the occupations or branches it asks about (welders)
    labels: dict[str, set[str]]  # numbered labels it names ("niveau 3")
    asks_where: bool  # "in welke regio": one region's figure may answer
    asks_duration: bool  # "hoe lang": a figure followed by a unit of time may answer
    asks_names: bool  # "welke organisaties": names of organisations answer
    asks_sector: bool  # "welke sector": a sector or branch answers
    asks_kind: str | None  # "welk plan": a name of that kind answers ("Deltaplan")
    figure_kinds: tuple[str, ...]  # the kinds of figure that answer (a count, or a share too)
    asks_absolute: bool  # "in absolute terms": a count, which a share does not give
    asks_published: bool  # "wanneer is het rapport verschenen": its dateline answers
    asks_count: bool  # "hoeveel daarvan", "how often": "zes keer" answers; "hoe groot" not
    surveyed: str | None  # the surveyed group whose share it asks ("welk deel van de technici")
    scene: bool  # sentences before the asking one set the scene ("X worked well. So what ...?")
    # the parts of its compound terms, which also match apart ("industriesector")
    parts: dict[tuple[str, ...], Parts] = field(default_factory=dict)
    abbreviation: str | None = None  # "waar staat PLC voor": the abbreviation asked
    choice: Choice | None = None  # "meer vacatures voor A of voor B?": the two options
    # a date marked as a start ("sinds wanneer": SINCE), an end ("tot welk jaar": UNTIL) or
    # the bounds of a period ("tussen welke jaren": PERIOD, which "de komende drie jaar" answers)
    date_marks: tuple[re.Pattern[str], ...] = ()
    # what scoring needs of each passage read for this question (Scorer.facts_of)
    passages: dict[Chunk, PassageFacts] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class PassageFacts:
    """What scoring needs of a whole passage for one question: the same for each of its
    sentences, so worked out once."""

    stems: frozenset[str]  # of its title, heading and text
    coverage: float  # the share of the question's weight in terms it has
    rare_missing: int  # rare terms of the question it lacks
    missing: tuple[str, ...]  # required names, occupations and scopes it lacks
    numbers_missing: bool  # a number of the question is nowhere in it


class Scorer:
    """Scores candidate sentences against a question; weights are tuned on the tuning set."""

    def __init__(self, retriever: Retriever) -> None:
        self.retriever = retriever
        self._aliases: dict[str, set[str]] = {}
        self._places: set[str] = set()
        self._document_scopes: dict[tuple[str, str], frozenset[str]] = {}
        for a, b in NAME_ALIASES.items():
            sa, sb = tokenize(a)[0], tokenize(b)[0]
            self._places |= {sa, sb}
            self._aliases.setdefault(sa, {sa}).add(sb)
            self._aliases.setdefault(sb, {sb}).add(sa)

    def document_scopes(self, source: str, kind: str) -> frozenset[str]:
        """The scopes of one kind that a document names anywhere."""
        if (source, kind) not in self._document_scopes:
            text = " ".join(c.text for c in self.retriever.chunks if c.source == source)
            found = scopes_in(text).get(kind, frozenset())
            self._document_scopes[source, kind] = frozenset(s.name for s in found)
        return self._document_scopes[source, kind]

    def _shown(self, cand: Candidate, limit: int = 400) -> str:
        """The candidate with what follows it within an answer's length (the default
        Settings.answer_max_chars), read on into the next passage when its own ends."""
        text = cand.passage.chunk.text[cand.start : cand.start + limit]
        if len(text) < limit and (nxt := self.retriever.following(cand.passage.chunk)):
            text += "\n\n" + nxt.text[: limit - len(text)]
        return text

    def stems_before(self, chunk: Chunk) -> frozenset[str]:
        before = self.retriever.preceding(chunk)
        return stem_set(before.text) if before else frozenset()

    def weight(self, stem: str) -> float:
        return min(self.retriever.idf(stem), 6.0)

    def group_weight(self, group: tuple[str, ...]) -> float:
        known = [s for s in group if self.retriever.known(s)]  # not a plain form ("grot")
        weight = max(self.weight(s) for s in known or group)
        # a word the reports never use ("eindelijk", "snijden") matches no sentence: it weighs
        # little, or every answer to a question in other words than the report's falls short
        return weight if known else min(weight, W["unknown"])

    def terms(self, info: QuestionInfo) -> list[tuple[str, ...]]:
        """The question's terms that can match, each a group of alternative stems (a word and
        its translations): unknown compounds split into known parts; English words that
        neither the corpus nor the glossary knows are left out."""
        out: list[tuple[str, ...]] = []
        seen: set[str] = set()
        short = abbreviated(info.text)  # "Sociale Zaken" also as SZW
        for group in info.groups:
            if all(s.isdigit() or (info.quarter and s in CONSTRAINT_WORDS) for s in group):
                continue  # years, numbers and quarters are scored as constraints
            group = tuple(  # Nederland also as Nederlandse: the word first, then its aliases
                dict.fromkeys(
                    a
                    for s in group
                    for a in [s, plain_form(s), *sorted(self._aliases.get(s, ()))]
                    + list(short.get(s, ()))
                )
            )
            known = tuple(s for s in group if self.retriever.known(s))
            if known:  # with their plain forms, which stem_set gives a sentence too
                found = [tuple(dict.fromkeys(a for s in known for a in (s, plain_form(s))))]
            elif parts := self.retriever.decompose(group[0]):
                found = [(p,) for p in parts]
            elif info.lang != "en":
                found = [group]
            else:
                found = []
            for g in found:
                if not set(g) <= seen:
                    out.append(g)
                    seen.update(g)
        return out

    def required_names(self, info: QuestionInfo) -> list[set[str]]:
        """Rare proper names (a region, a programme): each must appear near the answer, in one
        of its forms; a compound the corpus does not know, each of its known parts
        ("Noordzeeplatform": "een platform in de Noordzee")."""
        same = synonyms()  # "KvK": "de Kamer van Koophandel"
        short = abbreviated(info.text)
        required = [
            {a for n in name for a in self._aliases.get(n, {n}) | set(same.get(n, ()))}
            | {a for n in name for a in short.get(n, ())}
            for name in info.names
            if min(self.weight(n) for n in name) >= 3.0  # unknown to the corpus counts as rare
            and not self._region(info.text, name)
        ]
        out: list[set[str]] = []
        for forms in required:
            (only,) = forms if len(forms) == 1 else ("",)
            parts = (
                self.retriever.decompose(only) if only and not self.retriever.known(only) else None
            )
            out += [{p} for p in parts] if parts else [forms]
        return out

    @staticmethod
    def _region(question: str, name: tuple[str, ...]) -> bool:
        """Whether the name is a region of SCOPES ("IJmuiden"): the scope checks handle it,
        and the passage may name it otherwise ("Noordzeekanaalgebied")."""
        words = (
            m.group()
            for n in name
            for m in [re.search(rf"\b{re.escape(n)}\w*", question, re.I)]
            if m
        )
        return any(s.depth >= 2 for w in words for s in scopes_in(w).get("place", ()))

    def asked(self, info: QuestionInfo) -> Asked:
        """What scoring needs of the question, worked out once, not once per sentence."""
        terms = self.terms(info)
        weights = {g: self.group_weight(g) for g in terms}
        english = info.lang == "en"
        examples = {  # stems only in the question's examples ("(zoals lassers)")
            s for g in term_groups(" ".join(EXAMPLES.findall(info.text)), english) for s in g
        } - {s for g in term_groups(EXAMPLES.sub(" ", info.text), english) for s in g}
        # a question in several sentences: terms only in the scene-setting ones weigh less
        sentences = question_sentences(info.text)
        if len(sentences) > 1:
            asking = {
                a
                for g in term_groups(sentences[-1], expand_english=info.lang == "en")
                for s in g
                for a in (s, plain_form(s))
            }
            for g in terms:
                if not set(g) & asking:
                    weights[g] *= W["scene"]
        # numbers of the question; not the quarter of "Q2" or "2e kwartaal"
        # (nor the "25" of a school year "2024-25")
        numbers = numbers_in(
            " ".join(re.findall(r"(?<![\w])(?<!\d{4}[-/])\d+(?:[.,]\d+)*(?![\w^])", info.text))
        )
        return Asked(
            info=info,
            terms=terms,
            weights=weights,
            total=sum(weights.values()) or 1.0,
            names=self.required_names(info),
            numbers=numbers,
            plain_numbers=numbers - set(info.years),
            spelled=spelled_numbers(" ".join(m.group() for m in SPELLED_SPAN.finditer(info.text)))
            - {"1"},
            scopes=asked_scopes(info.text),
            subgroups=without_qualifiers(
                [
                    sub
                    for g in terms
                    if (sub := subgroup(g))
                    and not set(g) & examples  # "beroepen (zoals lassers)": welders are examples
                    # a field, not its workers: "engineering", "welding", "nursing"
                    and not re.search(
                        rf"\b(?:{'|'.join(map(re.escape, g))})\w*ing\b", info.text, re.I
                    )
                ]
            ),
            labels=labels_in(info.text),
            asks_where=bool(WHERE.search(info.text)),
            # the asking sentence, not the scene ("... takes a lot of technicians. How many?")
            asks_duration=bool(DURATION.search(sentences[-1])),
            asks_names=info.kind in {"entity", "list"} and bool(ORGANISATIONS.search(info.text)),
            asks_sector=info.kind in {"entity", "list"} and bool(ASKS_SECTOR.search(info.text)),
            asks_kind=asked_kind(info.text) if info.kind in {"entity", "list"} else None,
            # a change may be a percentage; so may what the question itself gives in percent
            # ("lag in 2023 op 34 procent. Hoe hoog wordt die?")
            figure_kinds=(info.kind,)
            + (
                ("percentage",)
                if info.kind == "number"
                and (
                    CHANGE.search(info.text)
                    or RATIO.search(info.text)
                    or (not info.unit and STATED_SHARE.search(info.text))
                    or SURVEYED_COUNT.search(info.text)
                )
                else ()
            ),
            asks_absolute=bool(ABSOLUTE.search(info.text)),
            asks_published=info.kind == "date" and bool(PUBLISHED.search(info.text)),
            asks_count=bool(COUNT_ASKED.search(info.text)),
            surveyed=share_of(info.text) if info.kind == "percentage" else None,
            scene=len(sentences) > 1,
            parts={
                g: tuple(frozenset({p, plain_form(p)}) for p in parts)
                for g in terms
                if (parts := self.retriever.decompose(g[0]))
                and all(len(p) >= 4 and tokenize(p) == [p] for p in parts)  # not "voor|beeld"
            },
            abbreviation=asked_abbreviation(info.text),
            choice=choice_asked(info.text) if info.kind == "entity" else None,
            date_marks=tuple(
                mark
                for asks, mark in (
                    (SINCE_ASKED, SINCE),
                    (UNTIL_ASKED, UNTIL),
                    (PERIOD_ASKED, PERIOD),
                )
                if info.kind == "date"
                and asks.search(info.text)
                # "vanaf welk jaar zou Porthos in bedrijf moeten zijn": a plan's year, which
                # the text gives as "om het in 2026 operationeel te hebben"
                and not (mark is SINCE and PLANNED.search(info.text))
            ),
        )

    def facts_of(self, asked: Asked, chunk: Chunk) -> PassageFacts:
        """What scoring needs of a passage for the question, worked out on its first sentence
        and kept for the others."""
        if facts := asked.passages.get(chunk):
            return facts
        everything = f"{chunk.title} {chunk.heading} {chunk.text}"
        ctx_stems = stem_set(everything)
        ctx_reach = reach(ctx_stems)
        found = [g for g in asked.terms if has_term(g, ctx_reach, asked.parts.get(g, ()))]
        missing = [
            name_key(names)
            for names in asked.names
            if not names & ctx_stems
            # a compound name told in its parts ("emissiehandel": "de handel in emissierechten")
            and not any(
                set(g) & names and has_term((), ctx_reach, parts)
                for g, parts in asked.parts.items()
            )
            # introduced in the paragraph before ("UWV werkt samen met Saxion ... Na 4 periodes")
            and not names & self.stems_before(chunk)
            # a country or region sets the scope of a whole report: anywhere in it is enough
            and not (names & self._places and self.retriever.in_document(chunk.source, names))
        ] + [  # welders asked, not named here nor in the paragraph before
            g[0]
            for g in asked.subgroups
            if ctx_reach.isdisjoint(g) and reach(self.stems_before(chunk)).isdisjoint(g)
        ]
        around = scopes_in(everything)
        missing += [  # a sector or level of education the passage never names
            kind
            for kind, names in asked.scopes.items()
            # a country may be anywhere in the report (see names), a region must be here
            if (kind != "place" or any(s.depth >= 2 for s in SCOPES if s.name in names))
            and not names & {s.name for s in around.get(kind, ())}
            # a group of people, anywhere in the report (its section on career switchers)
            and not (kind == "people" and names & self.document_scopes(chunk.source, kind))
        ]
        whole = f"{chunk.heading} {chunk.text}"
        lacks = asked.plain_numbers - {"1"} - numbers_in(whole) - spelled_numbers(whole)
        before = self.retriever.preceding(chunk) if lacks else None
        if before and before.heading == chunk.heading:
            # told before in the same section ("18 procent is jonger dan 35 jaar. [...] Van
            # deze jongeren werken de meesten in ...")
            lacks -= numbers_in(before.text)
        facts = PassageFacts(
            stems=ctx_stems,
            coverage=sum(asked.weights[g] for g in found) / asked.total,
            rare_missing=sum(1 for g in asked.terms if asked.weights[g] >= 3.0 and g not in found),
            missing=tuple(missing),
            # (a 1 may be "één" or "een", which no word count reads: "Eén op de vijf")
            numbers_missing=bool(lacks),
        )
        asked.passages[chunk] = facts
        return facts

    def score(self, asked: Asked, cand: Candidate) -> None:
        info, terms, weights = asked.info, asked.terms, asked.weights
        chunk = cand.passage.chunk
        before = chunk.text[: cand.start]
        previous = before[before.rstrip().rfind("\n") + 1 :] if "\n" in before.rstrip() else before
        heading = chunk.heading
        caption = f"{chunk.heading} {before[:300]}"  # what a table or list is about
        sent_stems = stem_set(cand.text)
        cand.cell = cand.compared = None
        if len(info.years) == 1 and info.kind in {"number", "percentage"}:
            cand.cell = table_cell(chunk.text, cand.start, cand.end, info.years[0])
        elif len(info.years) == 2 and info.compare and info.kind in {"number", "percentage"}:
            # "hoger of lager in 2015 dan in 2014": the row's values in both years' columns
            cells = [table_cell(chunk.text, cand.start, cand.end, y) for y in info.years]
            if cells[0] and cells[1]:
                cand.cell, cand.compared = cells
        row = bool(cand.cell) or is_row(cand.text)
        if row:  # a table row: what the table is about is in its caption, above its rows
            header = cand.cell.header_start if cand.cell else cand.start
            top = table_top(chunk.text, header)
            previous = chunk.text[max(0, top - 300) : top] or caption_below(chunk.text, cand.end)
            if cand.cell:  # with the header line of the years ("Industriële beroepen 2014 ...")
                previous += "\n" + chunk.text[header:].split("\n", 1)[0]
            if cand.half is not None and (sides := side_captions(chunk.text, top)):
                previous = heading = caption = sides[cand.half]  # its own table's caption
        lead_stems = stem_set(f"{heading} {previous[-300:]}")
        facts = self.facts_of(asked, chunk)
        ctx_stems = facts.stems
        total = asked.total
        sent_reach, lead_reach = reach(sent_stems), reach(lead_stems)
        parts = asked.parts
        in_sent = [g for g in terms if has_term(g, sent_reach, parts.get(g, ()))]
        # with its lead-in: the words of the sentence and those of the lead-in
        in_local = [g for g in terms if g in in_sent or has_term(g, lead_reach, parts.get(g, ()))]
        # a word itself counts fully, as part of a compound a little less ("techniek" in
        # "Elektrotechniek" is less than "Engineering" for "engineering")
        cov = sum(weights[g] * (1.0 if set(g) & sent_stems else COMPOUND) for g in in_sent) / total
        local = sum(
            weights[g] * (1.0 if set(g) & sent_stems or set(g) & lead_stems else COMPOUND)
            for g in in_local
        )
        local /= total
        if asked.asks_published and DATELINE.fullmatch(cand.text.strip()):
            cov = local = max(local, facts.coverage)  # a dateline dates its whole report
        if row:
            cov = (cov + local) / 2  # a row is read with its header and caption
        ctx = facts.coverage
        rare_missing = facts.rare_missing
        cand.missing = list(facts.missing)
        cand.local = local
        cand.coverage = cov
        cand.figures = [
            f
            for kind in asked.figure_kinds
            for f in figures_of(cand.text, kind)
            # not a number the question itself names; "een kwart" has no digits and stays,
            # and so does a month of the year it names ("TechBarometer 2024": maart 2024)
            if not (numbers_in(f) and numbers_in(f) <= asked.numbers)
            or (kind == "date" and MONTH.search(f) and not MONTH.search(info.text))
        ]
        if "level" in asked.scopes and info.kind in {"number", "percentage"}:
            # the level of education of each figure's clause; before the years, since a pair's
            # year may be in the other clause ("in 2024-2025 40.000 op het mbo en 48.000 ...").
            # Not places or sectors: their clauses are looser ("in januari 2024), steeg het
            # aandeel in Vlaanderen van ..."; all kinds: tuning -4)
            levels = {"level": asked.scopes["level"]}
            cand.figures = figures_of_scope(cand.text, cand.figures, levels)
        if info.years and info.kind in {"number", "percentage"}:
            cand.figures = figures_of_year(
                with_previous_year(cand.text, written_year(cand.passage.chunk)),
                cand.figures,
                info.years,
            )
        if info.kind == "number":
            cand.figures = [
                f
                for f in cand.figures
                if not (
                    (info.unit or not asked.asks_duration)
                    and measures_other(cand.text, f, info.unit)
                )
                # a count in words, followed by what is counted; when a duration or age is
                # asked, any figure followed by a unit of time ("zes tot twaalf maanden"), and
                # no other ("€ 3.111" is not how long anybody works)
                and (
                    (f[0].isdigit() and not (asked.asks_duration and not info.unit))
                    or (info.unit and counted_after(cand.text, f, info.unit))
                    or (asked.asks_duration and measures_other(cand.text, f, ()))
                    # "hoeveel daarvan zijn technisch": "gaat het zes keer om een technisch
                    # beroep", "in vier gevallen" (not "twee keer zo groot")
                    or (not info.unit and asked.asks_count and occurrences(cand.text, f))
                )
            ]
        if cand.cell:
            value = cand.cell.value
            is_share = "%" in value or re.search(r"%|aandeel|procent", previous + cand.text)
            percent = "%" if info.kind == "percentage" and "%" not in value and is_share else ""
            # a share answers "hoeveel bedrijven verwachten ..." of a survey of those firms,
            # not a count of what its passage never names, nor one "in absolute terms"
            share_counts = not (info.unit and not counts(info.unit, ctx_stems)) and not (
                asked.asks_absolute
            )
            ok = (not is_share or share_counts) if info.kind == "number" else is_share
            # nor a number the question names itself ("under 25": the column's 25%)
            ok = ok and not numbers_in(value) <= asked.numbers
            cand.figures = (
                [c.value + percent for c in (cand.cell, cand.compared) if c] if ok else []
            )
        if asked.surveyed:
            # "welk deel van de technici": not the share of the companies in the same sentence
            cand.figures = [
                f for f in cand.figures if share_group(cand.text, f) in {None, asked.surveyed}
            ]
        for mark in asked.date_marks:  # a start, end or period asked: a date the text marks so
            cand.figures = [
                f
                for f in cand.figures
                if re.search(rf"(?:{mark.pattern})\W*(?:\w+\W+)?{re.escape(f)}", cand.text, re.I)
                or (mark is PERIOD and COMING.match(f))  # "de komende twee à drie jaar"
            ]
        if PERIOD not in asked.date_marks:  # not "in welk jaar" nor "when did that come to light"
            cand.figures = [f for f in cand.figures if not COMING.match(f)]
        needs_figure = info.kind in {"percentage", "number", "date"}
        # a why-question is answered by a sentence that gives a cause, not one that restates it
        cause = (
            info.kind == "explanation"
            and bool(CAUSE.search(cand.text) or (cand.pair and AS_A_RESULT.search(cand.text)))
            and not FIRST_PERSON.search(cand.text)
        )
        # "welke organisaties": a sentence that names several organisations answers it
        names = len(new_names(cand.text, info.text)) if asked.asks_names else 0
        cand.type_ok = bool(cand.figures) if needs_figure else True
        # "welke sector": it names none the question does not, nor does what follows it within
        # an answer's length (a table's caption, then its rows; "..., met uitzondering van de
        # chemische industrie.")
        if asked.asks_sector and not names_sector(self._shown(cand), info.text):
            cand.type_ok = False
        if cand.cell is None and not re.search(r"[^\W\d_]{2,}", cand.text):
            cand.type_ok = False  # figures without a word ("33 6,2 29,7") do not say what they are
        if (
            SOURCE_LINE.fullmatch(cand.text)
            and info.kind != "date"  # "geraadpleegd op 06-02-2024": when it was looked up
            and not re.search(r"\bbron\b|\bsources?\b", info.text, re.IGNORECASE)
        ):
            cand.type_ok = False  # "Bron: Nationale Beroepengids" names where, not what
        row_of = ROW_OF_GROUP.fullmatch(cand.text) if cand.cell is None else None
        if row_of and set(tokenize(row_of.group(1))) <= _respondents():
            # a row that names only who answered ("Technici: 16% 46%"), not what: its
            # figures' meaning was in a chart's columns, which the text lost
            cand.type_ok = False
        cand.title = info.kind != "date" and is_title(cand.text, cand.passage.chunk.title)
        told = figure_sentences(cand)  # the sentences that hold its figures
        unit_score = 0.0
        if info.unit and cand.figures:
            after = [
                words_after(cand.text, m)
                + (["euro"] if "€" in cand.text[max(0, m.start() - 3) : m.start()] else [])
                for f in cand.figures
                for m in [re.search(re.escape(f), cand.text)]
                if m
            ]
            unit_score = 1.0 if any(counts_head(info.unit, a) for a in after) else 0.0
            # what the figure's own sentence or lead-in counts (of a pair, not the other one)
            own_stems = stem_set(told) | lead_stems | joined_stems(told)
            if (
                not unit_score
                and not counts(info.unit, own_stems)
                and not counts_people(info.unit, stem_set(told))
                and not row
            ):
                unit_score = -1.0  # the sentence counts something else (a table row names
                # no unit: what it counts is in its caption, often only implied)
            elif not unit_score and all(counts_else(info.unit, a) for a in after):
                unit_score = -1.0  # "minstens 20 werknemers" when notifications are asked
        cand.counts_other = unit_score < 0
        plain_numbers = asked.plain_numbers | asked.spelled
        number_score = (  # in digits or words ("3-6 maanden": "drie tot zes maanden")
            len(plain_numbers & (numbers_in(cand.text) | spelled_numbers(cand.text)))
            / len(plain_numbers)
            if plain_numbers
            else 0
        )
        # a number the question names ("between 50 and 60") that the passage lacks
        # ("welke 2 dingen": "twee vereisten" has it in words)
        cand.numbers_missing = facts.numbers_missing
        # a source line above a figure ("Bron: Windpark boven Groningen") says where it came
        # from, not what the text below it is about
        about = "" if re.match(r"bron\b|source\b", heading, re.I) else heading
        self._check_scope(asked, cand, told, f"{about} {previous[-300:]}", ctx_stems)
        if info.kind in {"number", "percentage"} and AGGREGATE.search(told):
            # a total of the items listed in the passage, or in the one before it in its section
            before_chunk = self.retriever.preceding(chunk)
            listing = f"{chunk.heading}\n{chunk.text}"
            if before_chunk and before_chunk.heading == chunk.heading:
                listing = f"{before_chunk.text}\n{listing}"
            if total_for_one(info.text, terms, told, listing):
                cand.conflicts.add("group")
        year_score = self._year_score(info, cand, caption)
        quarter_score = self._quarter_score(info, cand, caption, row)
        cand.on_time = (
            bool(info.years)
            and year_score == 1.0
            and (not info.quarter or quarter_score == 1.0)
            and (local >= 0.8 or cand.cell is not None)  # a cell: the asked year's column
        )
        reference = bool(REFERENCE.search(cand.text)) or chunk.heading == "Voetnoten"
        rank_prior = 1.0 / (1.0 + cand.rank) ** 0.5
        cand.score = (
            W["coverage"] * cov
            + W["local"] * local
            + W["context"] * ctx
            + (
                W["type"]
                if cand.type_ok
                else -W["type_missing"]
                if needs_figure or asked.asks_sector
                else 0.0
            )
            + W["year"] * year_score
            + W["quarter"] * quarter_score
            + W["numbers"] * number_score
            + W["unit"] * unit_score
            + W["rank"] * rank_prior
            - W["rare_missing"] * rare_missing
            - (W["reference"] if reference else 0.0)
            - (0.05 if len(cand.text) > 400 else 0.0)
            - (W["pair"] if cand.pair else 0.0)
            # a pair whose figure's own sentence has none of the question's words: the first
            # sentence matches, the second tells something else ("..., zowel kwantitatief als
            # kwalitatief. De gevolgen zijn groot: 52 procent ervaart drukte en stress.")
            - (W["pair_unrelated"] if cand.pair and self._unrelated(terms, cand, told) else 0.0)
            + (W["cause"] if cause else 0.0)
            + (
                W["expansion"]
                if asked.abbreviation and spells_out(asked.abbreviation, cand.text)
                else 0.0
            )
            + W["names"] * min(names, 3) / 3
            + (
                W["named_kind"]
                if asked.asks_kind and names_kind(cand.text, asked.asks_kind, info.text)
                else 0.0
            )
        )

    @staticmethod
    def _unrelated(terms: list[tuple[str, ...]], cand: Candidate, told: str) -> bool:
        """Whether the sentence that holds the figures, the figures left out, has none of the
        question's words."""
        if not cand.figures or told == cand.text:
            return False
        for f in cand.figures:
            told = told.replace(f, " ")
        return not any(set(g) & stem_set(told) for g in terms)

    @staticmethod
    def _check_scope(
        asked: Asked, cand: Candidate, told_text: str, context: str, ctx_stems: frozenset[str]
    ) -> None:
        """Sets what the candidate says about the asked scopes: the kinds it names itself
        (`named`), the kinds in which it speaks of something else (`conflicts`), and an asked
        occupation its figure's sentence does not name (`missing`)."""
        info = asked.info
        # mbo asked, hbo told; Belgium asked, the Netherlands told: read in the sentence that
        # holds the figure (of a pair, the other sentence may name other places)
        named = scopes_in(told_text)
        cand.named = {
            kind
            for kind, names in asked.scopes.items()
            if names & {s.name for s in named.get(kind, ())}
        }
        cand.conflicts = scope_conflict(
            asked.scopes,
            told_text,
            context,
            narrower=info.kind in {"entity", "explanation"},  # "which parts of industry"
        )
        if (
            info.kind in {"number", "percentage"}
            and "place" not in asked.scopes
            and not asked.asks_where
        ):
            # no place asked: a figure of one region ("In Rotterdam/Moerdijk ... 12%") does not
            # answer for the whole
            places = named.get("place", frozenset())
            if places and all(s.depth >= 2 for s in places):
                cand.conflicts.add("place")
        levels = asked.scopes.get("level", frozenset())
        if info.kind in {"number", "percentage"} and len(levels) == 1 and cand.figures:
            # one level asked, a figure of two together ("Slechts 8% is hbo- of wo-opgeleid"
            # does not say how many finished wo)
            clauses = [
                {s.name for s in scopes_in(clause).get("level", ())}
                for _, clause in figure_clauses(told_text, cand.figures)
            ]
            if all(len(named_levels) >= 2 and named_levels & levels for named_levels in clauses):
                cand.conflicts.add("level")
        if (
            info.kind in {"number", "percentage"}
            and "people" not in asked.scopes
            and named.get("people")
        ):  # nor does one group's figure ("bij de uitzendkrachten bijna 6 op de 10")
            cand.conflicts.add("people")
        if (
            (info.kind == "percentage" or "euro" in info.unit)
            and "zij-instromers" in asked.scopes.get("people", ())
            and re.search(RESPONDENTS["technici"], told_text, re.IGNORECASE)
            and not re.search(CAREER_CHANGERS, told_text, re.IGNORECASE)
        ):  # the share or pay of career switchers asked, of technicians told
            cand.conflicts.add("people")
        if cand.figures and asked.subgroups:  # the figure's own sentence or lead-in names the
            # asked occupation ("bijna 10.000 voor monteurs. Ook voor elektriciens ...": no)
            # a conflict of kind "group": a runner-up that names the occupation may answer
            near = stem_set(told_text) | stem_set(context)
            if any(
                any(matches(s, ctx_stems) for s in g) and not any(matches(s, near) for s in g)
                for g in asked.subgroups
            ):
                cand.conflicts.add("group")
            elif all(any(matches(s, near) for s in g) for g in asked.subgroups):
                cand.named.add("group")
        # "beroepsniveau 3" asked, "beroepsniveau 2" told
        told_labels = labels_in(told_text) if asked.labels else {}
        if any(
            kind in told_labels and not numbers & told_labels[kind]
            for kind, numbers in asked.labels.items()
        ):
            cand.conflicts.add("label")

    @staticmethod
    def _year_score(info: QuestionInfo, cand: Candidate, caption: str) -> float:
        """How well the candidate's time fits the asked year (1 its own, -1 another); a
        sentence or passage only about other years is a time conflict."""
        chunk = cand.passage.chunk
        year_score = 0.0
        written = written_year(chunk)
        if cand.cell:
            year_score = 1.0  # the value sits in the asked year's column
        elif info.years:
            # a year asked that is older than the report's data (which may be of the year
            # before); not when the question asks what is to come ("Hoeveel wordt het de
            # komende 10 jaar?"), nor a date
            before_report = (
                max(map(int, info.years)) < written - 1
                and not FUTURE.search(info.text)
                and info.kind != "date"
            )
            # of a pair, the years of its figure's sentence when that names any ("In 2021
            # ... 54 Mton. Ten opzichte van 1990 is de uitstoot gedaald." is of 2021)
            told = figure_sentences(cand) if cand.pair and cand.figures else cand.text
            told = told if years_in(told) else cand.text
            if not years_in(told) and CONTINUES.match(told):  # "Dit komt door ...": of the
                told = f"{sentence_before(chunk.text, cand.start)} {told}"  # time before it
            years, ranges = year_marks(with_previous_year(told, written))
            if set(info.years) <= years - ranges:
                year_score = 1.0
                if cand.pair and not cand.figures and info.kind != "date":
                    # a pair of one sentence about another year and one about the asked year
                    # ("In oktober 2025 is vooral ... gegroeid. Voor de periode tot 2027 ..."):
                    # the asked year's sentence alone fits better
                    marks = [
                        year_marks(with_previous_year(cand.text[a:b]))[0]
                        for a, b in sentence_spans(cand.text)
                    ]
                    if any(m and m.isdisjoint(info.years) for m in marks):
                        year_score = 0.3
            elif set(info.years) <= years:
                year_score = 0.3  # only as the end of a period ("2014-2022"): a change over it
            elif years and not set(info.years) & years and info.kind != "date":
                cand.conflicts.add("time")  # the sentence speaks of another year
                year_score = -1.0
            elif set(info.years) <= years_in(caption):
                year_score = 0.6
            elif (m := COMPARED_WITH.match(chunk.text, cand.end)) and m.group(1) in info.years:
                cand.conflicts.add("time")  # "1.847.000 werkenden. Dat is 5% meer dan in 2023."
                year_score = -1.0
            elif set(info.years) <= years_in(chunk.text):
                year_score = 0.3
            else:
                year_score = -0.5
                around = years_in(f"{chunk.title} {chunk.heading} {chunk.text}")
                if (around and not set(info.years) & around and info.kind != "date") or (
                    not around and before_report  # no year: the report's own time
                ):
                    cand.conflicts.add("time")  # the passage is about other years, or none
            now = NOW.search(cand.text) or (
                SAYS_SO.search(cand.text) and NOW.search(sentence_before(chunk.text, cand.start))
            )
            if not years and before_report and now:
                cand.conflicts.add("time")  # "Inmiddels ...": the report's time, not 2022
        elif written and NOW.search(info.text) and info.kind in {"number", "percentage"}:
            # "welk deel ervaart momenteel ...": not "Halverwege 2022 gaf 40% ..." in a report
            # of 2025 (its data may be of the year before)
            told = figure_sentences(cand) if cand.figures else cand.text
            years = years_in(told)
            if years and max(map(int, years)) < written - 1:
                cand.conflicts.add("time")
                year_score = -1.0
        if info.years and info.kind != "date":
            # one month of the asked year, when the whole year is asked
            asked_years = "|".join(info.years)
            month = (
                any(y in cand.text for y in info.years)  # the quick test
                and WHOLE_YEAR.search(info.text)
                and re.search(rf"\b(?:{MONTH_NAMES})\s+(?:{asked_years})\b", cand.text, re.I)
            )
            # what is still to come, for a year the report has already seen; not when the
            # question asks what is to come ("hoe hoog wordt die de komende jaren")
            # (or the sentence before, of one that goes on about it: "Daarvan mag 3,5% ...")
            future = (
                not FUTURE.search(info.text)
                and not set(info.years) & years_in(cand.text)
                and max(map(int, info.years)) <= written
                and bool(
                    FUTURE.search(cand.text)
                    or (
                        CONTINUES.match(cand.text)
                        and FUTURE.search(sentence_before(chunk.text, cand.start))
                    )
                )
            )
            # a month asked, a table row under a caption of another month ("Top 5 beroepen
            # meeste WW-uitkeringen, oktober 2025" when December is asked)
            other_month = (
                bool(asked_months := months_named(info.text))
                and not months_named(cand.text)
                and bool(caption_months := months_named(caption))
                and not caption_months & asked_months
            )
            if month or future or other_month:
                cand.conflicts.add("time")
                year_score = -1.0
        elif (
            info.kind in {"number", "percentage"}
            and not info.compare
            and LAST_YEAR_ASKED.search(info.text)
            # (of a pair, the sentence of its figure: "En 54 procent [...]. Dat ligt hoger dan
            # vorig jaar." gives this year's)
            and not LAST_YEAR_TOLD.search(figure_sentences(cand))
        ):  # last year's figure asked; the sentence gives the report's own
            cand.conflicts.add("time")
            year_score = -1.0
        return year_score

    @staticmethod
    def _quarter_score(info: QuestionInfo, cand: Candidate, caption: str, row: bool) -> float:
        """How well the candidate's time fits the asked quarter ("eind 2025" is the fourth)."""
        quarter_score = 0.0
        if info.quarter:
            pattern = quarter_pattern(info.quarter)
            if told := quarter_told(cand.text, info.quarter):
                quarter_score = float(told)
                if told < 0:
                    cand.conflicts.add("time")
            elif re.search(pattern, caption, re.IGNORECASE):
                quarter_score = 0.6
            else:
                quarter_score = -0.5
                # a month of another quarter, unless the question names a month itself ("Q3
                # vacancies; how many on WW in October?")
                others = other_quarters(info.quarter, months=not MONTH.search(info.text))
                if row and re.search(others, caption, re.IGNORECASE):
                    cand.conflicts.add("time")  # a row of a table of another quarter or month
        return quarter_score


# Scoring weights, tuned on the tuning part of eval/questions.jsonl by random search (tune split
# only; the held-out split checks that it generalises; see eval/report.md). The abstention
# threshold VRAAGBAAK_MIN_CONFIDENCE is on the same scale: retune both together.
W: dict[str, float] = {
    "coverage": 0.775,
    "local": 0.476,
    "context": 0.36,
    "type": 0.053,
    "type_missing": 0.531,
    "year": 0.186,
    "quarter": 0.065,
    "numbers": 0.355,
    "rank": 0.3,
    "rare_missing": 0.047,
    "reference": 0.468,
    "pair": 0.051,
    "unit": 0.053,
    "min_local": 0.067,
    "min_cell_local": 0.25,  # a table cell whose row and caption hardly match is no answer
    "conflict_margin": 0.042,
    "cause": 0.2,
    "expansion": 1.0,  # a sentence that writes out the abbreviation asked
    "pair_unrelated": 0.2,  # a pair whose figure's sentence has no word of the question
    "scene": 0.5,  # weight of a term only in a question's scene-setting sentence
    "names": 0.3,  # a sentence naming three or more organisations, for "which organisations"
    "named_kind": 0.3,  # a sentence naming a thing of the kind asked ("Deltaplan": which plan)
    "unknown": 1.5,  # the most a question word weighs that the reports never use
}


# ---------------------------------------------------------------- citations (pure)


@lru_cache(maxsize=64)
def _raw_lines(path: str, mtime: float) -> tuple[str, ...]:
    from assistant.ingest import decode_text

    return tuple(decode_text(Path(path).read_bytes())[0].split("\n"))


def raw_lines(path: str) -> tuple[str, ...] | None:
    p = Path(path)
    if not path or not p.is_file() or p.suffix.lower() == ".pdf":
        return None
    return _raw_lines(path, p.stat().st_mtime)


def locate(quote: str, lines: tuple[str, ...], start: int, end: int) -> tuple[int, int] | None:
    """The 1-based line range within [start, end] whose text holds the quote (modulo repairs)."""
    target = squash(quote)
    if not target:
        return None
    for skip_notes in (False, True):  # a footnote the chunker took out of a sentence
        found = _locate(target, lines, start, end, skip_notes)
        if found:
            return found
    return None


def _locate(
    target: str, lines: tuple[str, ...], start: int, end: int, skip_notes: bool
) -> tuple[int, int] | None:
    owners: list[int] = []
    buf: list[str] = []
    for n in range(start, end + 1):
        line = lines[n - 1] if 0 < n <= len(lines) else ""
        s = "" if skip_notes and is_footnote(line) else squash(line)
        buf.append(s)
        owners.extend([n] * len(s))
    hay = "".join(buf)
    pos = hay.find(target)
    if pos < 0:
        return None
    return owners[pos], owners[pos + len(target) - 1]


def cite(cand: Candidate) -> Citation:
    chunk = cand.passage.chunk
    if cand.panel:  # a value of an infographic is quoted with the whole infographic
        cand = replace(cand, text=chunk.text[cand.start : cand.end])
    line_start, line_end = chunk.line_start, chunk.line_end
    lines = raw_lines(chunk.path)
    if lines is not None and line_start is not None and line_end is not None:
        found = locate(cand.text, lines, line_start, line_end)
        if found:
            line_start, line_end = found
    return Citation(
        source=chunk.source,
        title=chunk.title,
        date=chunk.date,
        page=chunk.page,
        line_start=line_start,
        line_end=line_end,
        quote=cand.text,
    )


@lru_cache(maxsize=65536)
def numbers_in(text: str) -> frozenset[str]:
    """The numbers of a text as digits only ('28.000' -> '28000'); cached, since a passage's
    numbers are read for each of its sentences."""
    return frozenset(re.sub(r"\D", "", m.group()) for m in re.finditer(r"\d+(?:[.,]\d+)*", text))


@lru_cache(maxsize=65536)  # a passage's text is read once, not once per sentence in it
def spelled_numbers(text: str) -> frozenset[str]:
    """The counts a text writes in words, as digits ('twee vereisten' -> '2'; 'één op de vijf'
    -> '1' and '5': with its accents één is the number, not the article)."""
    found = frozenset(NUMBER_VALUES[m.group().lower()] for m in NUMBER_WORDS.finditer(text))
    return found | {"1"} if ONE.search(text) else found


def in_digits(figure: str | None, text: str) -> str | None:
    """A share in words with its digits beside it ("Bijna driekwart (72 procent) is
    tevreden", "de helft van de bedrijven (58 procent)"): the digits, which say it exactly."""
    if figure and not re.search(r"\d", figure):
        told = rf"{re.escape(figure)}\b[^().;:]{{0,60}}\((\d+(?:,\d+)?\s?(?:%|procent))\)"
        if m := re.search(told, text):
            return m.group(1)
    return figure


def numbers_supported(answer: str, quotes: list[str]) -> bool:
    """The number guard: every number in the answer occurs in one of the quotes."""
    available = set().union(*(numbers_in(q) for q in quotes)) if quotes else set()
    return numbers_in(answer) <= available


def window(text: str, focus: str | None, limit: int) -> str:
    """At most `limit` characters of `text`, centred on `focus`, cut at word boundaries."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    at = text.find(focus) if focus else 0
    at = max(at, 0)
    start = max(0, min(at - limit // 3, len(text) - limit + 2))
    piece = text[start : start + limit - 2]
    if start > 0:
        piece = "…" + piece[piece.find(" ") + 1 :]
    if start + limit - 2 < len(text):
        piece = piece[: piece.rfind(" ")] + "…"
    return piece


def validate_question(question: Any, limit: int) -> str:
    """The question with its whitespace collapsed, or QuestionError for bad input."""
    if not isinstance(question, str) or not question.strip():
        raise QuestionError(
            "the question is empty: ask something, e.g. "
            "'Hoeveel vacatures had de industrie eind 2025?'"
        )
    question = " ".join(question.split())
    if len(question) > limit:
        raise QuestionError(
            f"the question is {len(question)} characters long; the limit is {limit}"
        )
    return question


READ = 10  # passages (of the retrieval's ranking) the answer is read from


def rerank(passages: list[Passage], cands: list[Candidate]) -> list[Passage]:
    """The passages ordered by their best sentence or row, as the answerer scored it (that
    score folds in the retrieval rank); each passage's score becomes that sentence's score.
    A passage without a scored sentence goes last, in retrieval order. The retrieval's own
    order, a fusion of two rankings of whole chunks, put the passage that holds the answer
    lower: reranked, recall@5 rose from 0.902 to 0.933 on the tuning questions."""
    best: dict[str, float] = {}
    for c in cands:  # best first
        best.setdefault(c.passage.chunk.id, c.score)
    scored = [p for p in passages if p.chunk.id in best]
    scored.sort(key=lambda p: -best[p.chunk.id])  # stable: ties keep the retrieval order
    rest = [p for p in passages if p.chunk.id not in best]
    return [replace(p, score=best[p.chunk.id]) for p in scored] + rest


NOT_FOUND = {
    "nl": "Dit staat niet in de documenten.",
    "en": "The documents do not contain this.",
}


# ---------------------------------------------------------------- the facade


def tied_rows(
    best: Candidate, cands: list[Candidate], terms: list[tuple[str, ...]] | None = None
) -> list[Candidate]:
    """The other rows of the best row's table that match the question just as well, with
    other figures and nothing against them ("Vergrijzing personeel 36%", "Werven nieuw
    personeel 26%" for "te weinig technisch personeel"): the question singles out none. Of a
    table cell, the other cells of the asked year when its label has none of the question's
    terms (without terms, a cell has no ties)."""
    if best.cell:  # its column is the asked year; its row is singled out by its label, unless
        # the label has no word of the question ("< 1 maand" for "under 25")
        if not terms or any(has_term(g, reach(stem_set(best.cell.label)), ()) for g in terms):
            return []
        return [
            c
            for c in cands
            if c.passage.chunk is best.passage.chunk
            and c.cell
            and c.cell.header_start == best.cell.header_start
            and c.score == best.score
            and c.figures != best.figures
        ]
    if not is_row(best.text):
        return []
    return [
        c
        for c in cands
        if c.passage.chunk is best.passage.chunk
        and c.score == best.score
        and c.text != best.text
        and c.figures != best.figures
        and is_row(c.text)
        and not (c.conflicts or c.missing or c.counts_other)
        and best.named <= c.named  # not a row that names the asked branch: it is singled out
    ]


def declined_answer(info: QuestionInfo) -> Answer:
    """The answer that says, in the question's language, that the documents do not hold it."""
    return Answer(question=info.text, answer=NOT_FOUND[info.lang], abstained=True)


class Assistant:
    """Store, retriever and answerer, loaded once; safe to call from several threads."""

    def __init__(self, settings: Settings, store: Any, retriever: Retriever) -> None:
        self.settings = settings
        self.store = store
        self.retriever = retriever
        self.scorer = Scorer(retriever)
        self._lock = threading.Lock()

    @classmethod
    def open(
        cls, settings: Settings | None = None, *, build_if_missing: bool = True, quiet: bool = True
    ) -> Assistant:
        from assistant.embed import make_embedder
        from assistant.store import Store

        settings = settings or get_settings()
        store = Store(settings, make_embedder(settings))
        if store.count() == 0 and build_if_missing:
            from assistant.ingest import ingest

            report = ingest(None, settings, store=store, quiet=quiet)
            if report.ingested == 0:
                raise RuntimeError(
                    "the index is empty and could not be built from "
                    f"{settings.seeds_dir}: " + "; ".join(report.errors or ["no documents found"])
                )
        return cls(settings, store, Retriever(store, settings))

    def refresh(self) -> None:
        """Re-reads the index after an ingest in this process."""
        self.retriever.refresh()
        self.scorer = Scorer(self.retriever)  # its per-document scopes were of the old index

    # -- answering

    def ask(self, question: str, k: int | None = None) -> Answer:
        question = validate_question(question, self.settings.max_question_chars)
        k = max(1, min(int(k or self.settings.k), 100))
        asked = self.scorer.asked(analyse(question))
        passages = self.retriever.search(as_reports_write(question), max(k, READ))
        cands = self.read(asked, passages[:READ])
        answer = self._decide(asked, cands)
        answer.question = question  # as asked, not as analysed
        beyond = passages[READ:k]  # listed (--k above READ), not read for the answer
        answer.retrieved = rerank(passages[:READ], cands) + rerank(
            beyond, self.read(asked, beyond, first_rank=READ)
        )
        return answer

    def read(self, asked: Asked, passages: list[Passage], first_rank: int = 0) -> list[Candidate]:
        """The sentences and rows of the passages, scored against the question, best first
        (a report's own title is left out: it names the source, it answers nothing)."""
        cands = [
            c
            for rank, p in enumerate(passages, start=first_rank)
            for c in split_candidates(p, rank)
        ]
        for c in cands:
            self.scorer.score(asked, c)
        return sorted((c for c in cands if not c.title), key=lambda c: -c.score)

    def _answer(self, info: QuestionInfo, passages: list[Passage]) -> Answer:
        """The answer read from the first READ passages (the tuning scripts call this)."""
        asked = self.scorer.asked(info)
        return self._decide(asked, self.read(asked, passages[:READ]))

    def _decide(self, asked: Asked, cands: list[Candidate]) -> Answer:
        """The best candidate as the answer, or the declined answer when none is good enough."""
        info = asked.info
        declined = declined_answer(info)
        if not cands:
            return declined
        authors = info.kind == "entity" and AUTHORS_ASKED.search(info.text)
        if authors and (credited := self._authors_answer(info, cands[0].passage.chunk.source)):
            return credited  # as its report's colophon lists them
        if asked.choice and (chosen := self._choice_answer(asked, asked.choice, cands)):
            return chosen
        best = self._answering(asked, cands)
        declined.confidence = best.score
        threshold = self.settings.min_confidence - (0.12 if info.lang == "en" else 0.0)
        if (
            best.score < threshold
            or best.local < W["min_local"]
            or (best.cell and best.local < W["min_cell_local"])
            or (not best.cell and best.coverage == 0)
            or not best.type_ok
            or best.objected
        ):
            return declined
        if best.cell:
            return self._table_answer(declined, best)
        if best.panel:  # a value of an infographic: its row (cite quotes the infographic)
            return self._checked(declined, best.text, [best.text], [best], best.figures[-1:])
        chosen = [best]
        conflict = self._conflict(info, best, cands)
        second = conflict or (self._other_figure(best, cands) if info.compare else None)
        if second:
            chosen.append(second)
        focus = [in_digits(self._focus(asked, c), c.text) for c in chosen]
        limit = self.settings.answer_max_chars
        if len(chosen) == 1:
            # a short sentence, or one that may only restate the question's scene ("The
            # experiment delivered convincing gains. So what is the complaint?"): with what
            # follows it ("Toch is nog niet voorzien in vervolg of opschaling.")
            if info.kind in {"entity", "explanation"} and (len(best.text) < 250 or asked.scene):
                best = self._extend(best)
                chosen, focus = [best], [None]
            pieces = [window(best.text, focus[0], limit)]
            text = pieces[0]
        else:  # conflicting figures: both, each with its source number and date
            per = (limit - 30) // 2 - 25
            pieces = [window(c.text, f, per) for c, f in zip(chosen, focus, strict=True)]
            lead = ""
            if conflict:
                lead = "The sources differ: " if info.lang == "en" else "De bronnen verschillen: "
            text = lead + " — ".join(
                f"{p} ([{i}], {c.passage.chunk.date or '?'})"
                for i, (p, c) in enumerate(zip(pieces, chosen, strict=True), start=1)
            )
        return self._checked(declined, text, pieces, chosen, [f for f in focus if f], conflict)

    def _answering(self, asked: Asked, cands: list[Candidate]) -> Candidate:
        """The candidate that answers: the best one, or a runner-up without what speaks against
        the best one (it counts something else, is about another time or scope, or its passage
        lacks an asked name), or the best one outside a table whose rows tie."""
        best = cands[0]
        if not (best.coverage or best.cell):  # its own words share none of the question's
            # ("Dat is minder dan vorig jaar (61 procent) en ..."): with the sentence it goes
            # on from, when that is about as good
            best = next(
                (
                    c
                    for c in cands
                    if c.pair
                    and c.passage is best.passage
                    and c.start < best.start < c.end
                    and c.coverage
                    and c.score >= best.score - W["conflict_margin"]
                ),
                best,
            )
        if best.counts_other:  # counts something else: a close runner-up may count the asked
            best = next(
                (
                    c
                    for c in cands
                    if not c.counts_other and c.score >= best.score - W["conflict_margin"]
                ),
                best,
            )
        if best.conflicts:  # about another year, place, ...: a runner-up may not be, when it
            # is close, or names itself the asked time and scope the best one missed
            runner_up = next(
                (
                    c
                    for c in cands
                    if not c.conflicts
                    and (
                        c.score >= best.score - W["conflict_margin"]
                        or (c.figures and c.resolves(best.conflicts))
                    )
                ),
                None,
            )
            best = runner_up or best
        if best.missing:  # a passage that never names the asked sector or place: a table row
            # that names it itself, with a figure ("Elektrotechniek € 3.407" under the average)
            required = {name_key(names) for names in asked.names}
            best = next(
                (
                    c
                    for c in cands
                    if not (c.missing or c.conflicts or c.counts_other)
                    and c.figures
                    and (
                        (is_row(c.text) and c.resolves(set(best.missing)))
                        # a name the question requires ("Nationale Beroepengids"): a
                        # passage that has it
                        or (c.type_ok and set(best.missing) <= required)
                    )
                ),
                best,
            )
        if tied := tied_rows(best, cands, asked.terms):  # then the best candidate outside the
            tied.append(best)  # table (the row stays when there is none)
            best = next((c for c in cands if not any(c is t for t in tied)), best)
        return best

    def _checked(
        self,
        declined: Answer,
        text: str,
        pieces: list[str],
        chosen: list[Candidate],
        highlight: list[str],
        conflict: Candidate | None = None,
    ) -> Answer:
        """The answer with its citations, if it passes the length limit and the number guard
        (no figure that is not in a quote); else the declined answer."""
        citations = [cite(c) for c in chosen]
        quotes = [c.quote for c in citations]
        if len(text) > self.settings.answer_max_chars or not all(
            numbers_supported(p, quotes) for p in pieces
        ):
            return declined
        return Answer(
            question=declined.question,
            answer=text,
            abstained=False,
            citations=citations,
            confidence=chosen[0].score,
            highlight=highlight,
            conflict=bool(conflict),
        )

    def _choice_answer(self, asked: Asked, choice: Choice, cands: list[Candidate]) -> Answer | None:
        """Of two things set side by side ("meer vacatures voor A of voor B?"), the one with
        the larger (or smaller) figure, with both figures: from one sentence that gives both
        ("zij-instromers (20 procent) ... dan technici (9 procent)"), or two rows of one
        passage ("Mechanisch operators procesindustrie 3.050"); none when either is not
        found, or the figures tie or are of different kinds."""
        info = asked.info
        english = info.lang == "en"
        options = [term_groups(o, english) for o in (choice.first, choice.second)]
        # what names one option and not the other ("operators" against "elektriciens")
        own = [
            [g for g in mine if not any(set(g) & set(h) for h in other)]
            for mine, other in ((options[0], options[1]), (options[1], options[0]))
        ]
        if not all(own):
            return None
        pair: list[tuple[Candidate, str]] = []
        # the rows found so far of each side, per passage
        rows: dict[str, tuple[list[tuple[Candidate, str]], ...]] = {}
        for c in cands:
            if c.conflicts or c.missing or c.score < self.settings.min_confidence:
                continue
            got: list[str | None] = [None, None]
            for figure, side in figure_sides(c.text, own):
                got[side] = got[side] or figure
            if got[0] and got[1]:
                pair = [(c, got[0]), (c, got[1])]
                break
            if not is_row(c.text):  # a sentence that gives one figure: which one it is of
                continue  # another sentence compares is not told
            seen = rows.setdefault(c.passage.chunk.id, ([], []))
            for side, figure in enumerate(got):
                if figure:
                    seen[side].append((c, figure))
            # two rows of one table: of two tables side by side, both of the same half
            pair = next(([x, y] for x in seen[0] for y in seen[1] if x[0].half == y[0].half), [])
            if pair:
                break
        if not pair:
            return None
        (a, fa), (b, fb) = pair
        va, vb = figure_value(fa), figure_value(fb)
        if (
            va is None
            or vb is None
            or va == vb
            or bool(PERCENT.match(fa)) != bool(PERCENT.match(fb))
        ):
            return None
        sides = [(a, fa, choice.first), (b, fb, choice.second)]
        if (va > vb) != choice.larger:
            sides.reverse()
        sides = [  # an amount of money with its sign ("€ 3.470")
            (c, f"€ {f}" if f"€ {f}" in c.text else f, o) for c, f, o in sides
        ]
        (win, fw, ow), (lose, fl, ol) = sides
        versus, for_ = ("versus", "for") if english else ("tegenover", "voor")

        def label(cand: Candidate, figure: str, option: str) -> str:
            # a row's own label ("Mechanisch operators procesindustrie"), else as asked
            own_label = cand.text.split(figure)[0].strip(" \t€:")
            return own_label if is_row(cand.text) and own_label else option

        text = f"{label(win, fw, ow)} ({fw} {versus} {fl} {for_} {label(lose, fl, ol)})"
        chosen = [win] if win is lose else [win, lose]  # one sentence that gives both
        answer = self._checked(declined_answer(info), text, [text], chosen, [fw, fl])
        return None if answer.abstained else answer

    def _authors_answer(self, info: QuestionInfo, source: str) -> Answer | None:
        """The authors the colophon of the best passage's report lists, if it lists them."""
        for chunk in self.retriever.chunks:
            found = authors_in(chunk.text) if chunk.source == source else None
            if found:
                start, end, names = found
                lead = "Authors" if info.lang == "en" else "Auteurs"
                text = f"{lead}: {', '.join(names)}"
                block = Candidate(chunk.text[start:end], Passage(chunk, 1.0), 0, start, end)
                answer = self._checked(declined_answer(info), text, [text], [block], [])
                return None if answer.abstained else answer
        return None

    def _table_answer(self, declined: Answer, row: Candidate) -> Answer:
        """A value read from a table: the row's label, the year and the value (of two years
        compared, both); the quote runs from the header line (with the years) to the row."""
        assert row.cell is not None
        cell, chunk = row.cell, row.passage.chunk
        text = f"{cell.label} ({cell.year}): {row.figures[0]}"
        if row.compared:  # two years compared: both, the earlier first
            told = sorted(zip((cell.year, row.compared.year), row.figures, strict=True))
            text = f"{cell.label}: " + ", ".join(f"{v} in {y}" for y, v in told)
        quoted = replace(row, text=chunk.text[cell.header_start : row.end], start=cell.header_start)
        return self._checked(declined, text, [text], [quoted], row.figures[:2])

    @staticmethod
    def _focus(asked: Asked, cand: Candidate) -> str | None:
        """The figure that answers. Of two sentences with figures, those of the one that names
        the asked place or sector, else shares most of the question's words ("... 27 procent
        in 2030. ... het grotere doel: in 2050 volledig klimaatneutraal", asked when the country
        must be wholly climate-neutral). Of these: the one in a clause about the asked place or
        sector ("14% in Noord-Nederland en 17% in Zuid-Limburg"), else the one followed by what
        is counted (also in the other sentence), else the first."""
        info = asked.info

        def scope_hits(text: str) -> int:  # the asked scopes it names, less the other ones
            named = {k: {s.name for s in v} for k, v in scopes_in(text).items()}
            return sum((1 if v & named[k] else -1) for k, v in asked.scopes.items() if k in named)

        def shared(text: str) -> float:
            reached = reach(stem_set(text))
            return sum(asked.weights[t] for t in asked.terms if not reached.isdisjoint(t))

        text, figures = cand.text, cand.figures
        if cand.pair and len(figures) > 1:
            held = [
                (s, own)
                for a, b in sentences_of(text)
                if (own := [f for f in figures if f in (s := text[a:b])])
            ]
            if len(held) > 1:
                text, figures = max(held, key=lambda h: (scope_hits(h[0]), shared(h[0])))
        if len(figures) > 1 and (extreme := EXTREME_ASKED.search(info.text)):
            # "In welke regio is het aandeel het grootst?": the largest of the figures told
            values = [v for f in figures if (v := figure_value(f)) is not None]
            shares = {f.endswith(("%", "procent")) for f in figures}
            if len(values) == len(figures) and len(shares) == 1:  # all shares, or all counts
                pick = max if extreme.group(1) else min
                return figures[values.index(pick(values))]
        if asked.scopes and len(figures) > 1:
            best, hits = None, 0
            for clause in CLAUSE.split(text):
                n = scope_hits(clause)
                own = [f for f in figures if f in clause]
                # not a clause that also names another scope of an asked kind ("het
                # aandeel 60-plussers ... hoger: 14% in Noord-Nederland")
                if own and n > hits and not scope_conflict(asked.scopes, clause):
                    best, hits = own[0], n
            if best:
                return best
        for told, among in ((text, figures), (cand.text, cand.figures)):
            for f in among:
                m = re.search(re.escape(f), told)
                if m and info.unit and counts(info.unit, frozenset(words_after(told, m))):
                    return f
        return figures[0] if figures else None

    def _extend(self, cand: Candidate) -> Candidate:
        """A short sentence with what follows it (a list, the next sentence); a lead-in that
        ends its passage ("Dit zijn:") continues into the next passage of the document."""
        limit = self.settings.answer_max_chars
        for _ in range(2):
            chunk = cand.passage.chunk
            text = chunk.text
            end = cand.end
            for a, b in sentence_spans(text):
                if a >= cand.end - 1 and b - cand.start <= limit:
                    end = b
                elif a >= cand.end:
                    break
            passage = cand.passage
            lead_in = text[:end].rstrip().endswith(":")  # "... onder uw aandacht:"
            if not text[end:].strip() and (end - cand.start < limit // 2 or lead_in):
                nxt = self.retriever.following(chunk)
                if nxt is not None:  # the passage ends here: read on into the next one
                    joined = f"{text}\n\n{nxt.text}"
                    passage = replace(
                        passage,
                        chunk=replace(chunk, text=joined, line_end=nxt.line_end or chunk.line_end),
                    )
            out = Candidate(text[cand.start : end].strip(), passage, cand.rank, cand.start, end)
            out.score, out.coverage, out.type_ok, out.figures = (
                cand.score,
                cand.coverage,
                cand.type_ok,
                cand.figures,
            )
            if passage is cand.passage:
                return out
            cand = out
        return cand

    def _conflict(
        self, info: QuestionInfo, best: Candidate, cands: list[Candidate]
    ) -> Candidate | None:
        """A near-equal candidate from another report that gives a different figure, and
        that would answer itself (about no other year, place or group, in a passage that has
        what the question requires)."""
        if info.kind not in {"percentage", "number"} or not best.figures:
            return None
        for c in cands[1:6]:
            if (
                c.passage.chunk.source != best.passage.chunk.source
                and c.type_ok
                and not c.objected
                and c.score >= 0.85 * best.score
                and c.coverage >= 0.6
                and numbers_in(c.figures[0]) != numbers_in(best.figures[0])
            ):
                return c
        return None

    @staticmethod
    def _other_figure(best: Candidate, cands: list[Candidate]) -> Candidate | None:
        """For a comparison: the best other sentence that gives a different figure, in a
        passage that names what the question names, about no other year, place or group."""
        if not best.figures:
            return None
        for c in cands[1:]:
            if c.score < 0.7 * best.score:
                break  # best first: none after it is close enough
            overlaps = c.passage.chunk.id == best.passage.chunk.id and (
                c.start < best.end and best.start < c.end
            )
            if (
                not overlaps
                and c.type_ok
                and not c.missing
                and not c.conflicts
                and numbers_in(c.figures[0]) != numbers_in(best.figures[0])
            ):
                return c
        return None

    # -- the corpus

    def documents(self) -> list[dict[str, Any]]:
        from assistant.ingest import load_manifest

        manifest = load_manifest(self.settings.manifest)
        counts: dict[str, int] = {}
        first: dict[str, Chunk] = {}
        for c in self.retriever.chunks:
            counts[c.source] = counts.get(c.source, 0) + 1
            first.setdefault(c.source, c)
        docs = []
        for source in sorted(counts):
            meta = manifest.get(source, {})
            c = first[source]
            docs.append(
                {
                    "source": source,
                    "title": c.title,
                    "publisher": meta.get("publisher"),
                    "date": c.date,
                    "language": meta.get("language"),
                    "kind": meta.get("kind"),
                    "chunks": counts[source],
                }
            )
        return docs

    def document_text(
        self,
        source: str,
        line_start: int | None = None,
        line_end: int | None = None,
        page: int | None = None,
        context: int = 8,
    ) -> dict[str, Any]:
        chunk = next((c for c in self.retriever.chunks if c.source == source), None)
        if chunk is None:
            raise KeyError(source)
        context = max(0, min(int(context), 200))
        base = {"source": source, "title": chunk.title, "date": chunk.date}
        lines = raw_lines(chunk.path)
        if lines is None:  # a PDF: the chunks of the page stand in for its text
            if page is None or page < 1:
                raise ValueError("give a page (1-based) for this document")
            texts = [c.text for c in self.retriever.chunks if c.source == source and c.page == page]
            if not texts:
                raise ValueError(f"page {page} is not in {source}")
            return base | {
                "page": page,
                "line_start": None,
                "line_end": None,
                "lines": [{"n": None, "text": t, "cited": True} for t in texts],
            }
        n = len(lines)
        if line_start is None:
            line_start = 1
        line_end = line_start if line_end is None else line_end
        if not (1 <= line_start <= line_end <= n):
            raise ValueError(f"lines must satisfy 1 <= line_start <= line_end <= {n}")
        lo, hi = max(1, line_start - context), min(n, line_end + context)
        return base | {
            "page": None,
            "line_start": line_start,
            "line_end": line_end,
            "lines": [
                {"n": i, "text": lines[i - 1].rstrip("\r"), "cited": line_start <= i <= line_end}
                for i in range(lo, hi + 1)
            ],
        }
