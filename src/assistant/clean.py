"""Repairs PDF-extraction damage in text.

Imports only the standard library, wordfreq, pyspellchecker.

Two public pure functions:

* :func:`repair` fixes the damage seen in the Dutch seed reports: ligatures, soft hyphens,
  odd spaces, words hyphenated at a line end, stray spaces inside words ("o pensta ande"),
  inside numbers ("2 8.000", "201 6") and before punctuation or compound hyphens
  ("WW -uitkering"). Paragraph breaks (blank lines) are kept; the lines of one paragraph are
  joined with a space (table rows with tabs and list items keep their own line).
* :func:`normalize` is the light form used to compare a quote with the original lines:
  ligatures, soft hyphens, odd spaces and whitespace runs only, no word merging.

Precision comes before recall: a word merge needs the merged form to be a known Dutch word that
is clearly more likely than the separate parts (unigram frequencies from wordfreq, spelling list
of pyspellchecker), so two real words ("tekort en", "drie kwart") are left alone. The lexicons are
loaded lazily on first use and cached.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache

__all__ = ["normalize", "repair"]

# --------------------------------------------------------------------------------------------
# Character-level normalisation
# --------------------------------------------------------------------------------------------

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
# no-break, figure, thin, narrow no-break and other fixed-width spaces
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_CHAR_MAP = str.maketrans(
    {
        **_LIGATURES,
        **{c: " " for c in _SPACES},
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\r": None,
        "\f": "\n",
    }
)
_SOFT_HYPHEN_BREAK = re.compile(r"\u00ad[ \t]*\r?\n[ \t]*")


def _chars(text: str) -> str:
    """NFC, ligatures, soft hyphens (a soft hyphen at a line end joins the word), odd spaces."""
    text = _SOFT_HYPHEN_BREAK.sub("", text)
    return unicodedata.normalize("NFC", text.translate(_CHAR_MAP))


def normalize(text: str) -> str:
    """Light normalisation for matching: ligatures, soft hyphens, NBSP, whitespace runs.

    No words are merged and no punctuation is moved, so ``normalize(quote) in
    normalize(original)`` checks a quote against the original lines modulo line breaks.
    """
    return " ".join(_chars(text).split())


# --------------------------------------------------------------------------------------------
# Lexicons (lazy, cached)
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _wordfreq() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("nl")


@lru_cache(maxsize=1)
def _spelling() -> Mapping[str, int]:
    """The pyspellchecker Dutch word list (also has hyphenated words: "ww-uitkering")."""
    from spellchecker import SpellChecker

    return SpellChecker(language="nl", distance=1).word_frequency.dictionary


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    """Zipf frequency (log10 per billion words) of a lowercase word; 0.0 when unknown."""
    freq = _wordfreq().get(word, 0.0)
    return math.log10(freq) + 9.0 if freq > 0 else 0.0


def _in_spelling(word: str) -> bool:
    return word in _spelling()


# Dutch (and a few English) words of one or two letters; other short letter groups are fragments.
_SHORT_WORDS = frozenset(
    """u de ze je we me in op om en al er ik nu zo te na af is of ja uw ei ui ga ad ex et oh ok én
   dé hé óf ál nú zó it an be to on at as by or no so do go he if my up us am""".split()  # noqa: SIM905
)
# Frequent function words: never merged with another real word ("tekort en", "de ze", "in zicht").
_FUNCTION_WORDS = frozenset(
    """de het een en of te in op om aan van voor met er ze zij je we die dat is als tot bij uit
   naar dan maar ook nog al zo na af niet wel geen door over dit deze wat wie hoe waar zijn
   was werd wordt kan zal""".split()  # noqa: SIM905
)
_CONJUNCTIONS = frozenset({"en", "of", "tot", "noch"})
# After "'s" as a word of its own (not a plural ending): "'s avonds", "'s-Hertogenbosch".
_S_WORDS = frozenset({"avonds", "morgens", "middags", "nachts", "werelds", "lands", "rijks"})
_VOWELS = frozenset("aeiouyáéíóúàèëïöüâêîôû")

_WORD_ZIPF = 3.0  # a token of 3+ letters is a real word at this frequency
_MERGE_MIN_ZIPF = 1.0  # a merged form below this frequency must be in the spelling list
_BOTH_WORDS_MIN_ZIPF = 2.0  # merging two real words: the merged word must be this frequent
_PENALTY_FRAGMENT = 3.0  # log10 gain needed when at least one part is a fragment
_PENALTY_BOTH_WORDS = 4.0  # log10 gain needed when every part is a real word
_HYPHEN_JOIN_ZIPF = 1.5  # "tech-\nnici" -> "technici" when the joined word is this frequent


def _is_word(core: str) -> bool:
    """Whether a lowercase letter group is a real word on its own (not a fragment)."""
    if len(core) <= 2:
        return core in _SHORT_WORDS
    z = _zipf(core)
    if len(core) == 3:
        return z >= _WORD_ZIPF
    return z >= _WORD_ZIPF or (z >= _MERGE_MIN_ZIPF and _in_spelling(core))


def _is_compound(word: str) -> bool:
    """Whether ``word`` splits into two real words of 4+ letters (optional linking s)."""
    for k in range(4, len(word) - 3):
        left, right = word[:k], word[k:]
        if _zipf(right) < _WORD_ZIPF:
            continue
        if _zipf(left) >= _WORD_ZIPF or (left.endswith("s") and _zipf(left[:-1]) >= _WORD_ZIPF):
            return True
    return False


# --------------------------------------------------------------------------------------------
# Word merges ("o pensta ande" -> "openstaande")
# --------------------------------------------------------------------------------------------

_MergeLog = list[tuple[str, str]]  # (before, after) of each word merge, for reports
_TOKEN = re.compile(r"^([‘“\"'(\[]*)([^\W\d_]+)([.,;:!?)\]’”\"']*)$")


class _Tok:
    __slots__ = ("lead", "core", "trail", "low")

    def __init__(self, lead: str, core: str, trail: str) -> None:
        self.lead, self.core, self.trail = lead, core, trail
        self.low = core.lower()


def _parse(token: str) -> _Tok | None:
    m = _TOKEN.match(token)
    if not m:
        return None
    return _Tok(m.group(1), m.group(2), m.group(3))


def _case_ok(parts: list[_Tok]) -> bool:
    first = parts[0].core
    if not (first.islower() or (first[0].isupper() and (len(first) == 1 or first[1:].islower()))):
        return False
    return all(p.core.islower() for p in parts[1:])


def _merge_score(parts: list[_Tok]) -> float | None:
    """Log10 gain of reading ``parts`` as one word, or None when the merge is not allowed."""
    if parts[0].trail or any(p.lead or p.trail for p in parts[1:-1]) or parts[-1].lead:
        return None
    if not _case_ok(parts):
        return None
    merged = "".join(p.low for p in parts)
    zm = _zipf(merged)
    words = [_is_word(p.low) for p in parts]
    fragments = words.count(False)
    if fragments == 0:
        if zm < _BOTH_WORDS_MIN_ZIPF or not _in_spelling(merged):
            return None
        if any(p.low in _FUNCTION_WORDS for p in parts):
            return None
        penalty = _PENALTY_BOTH_WORDS
    else:
        if zm < _MERGE_MIN_ZIPF:
            if _in_spelling(merged) or (
                fragments == len(parts) and len(merged) >= 8 and _is_compound(merged)
            ):
                zm = _MERGE_MIN_ZIPF
            else:
                return None
        penalty = _PENALTY_FRAGMENT
    gain = zm + 9.0 * (len(parts) - 1) - sum(_zipf(p.low) for p in parts)
    return gain - penalty if gain > penalty else None


def _merge_tokens(tokens: list[str], log: _MergeLog | None = None) -> list[str]:
    """Best segmentation of a space-separated token list (dynamic programming, 1-3 tokens)."""
    parsed = [_parse(t) for t in tokens]
    n = len(tokens)
    # best[i]: (total gain, previous index) for the first i tokens; keeping a token gains 0.
    best: list[tuple[float, int]] = [(0.0, -1)] * (n + 1)
    for i in range(1, n + 1):
        best[i] = (best[i - 1][0], i - 1)
        for size in (2, 3):
            j = i - size
            if j < 0:
                break
            parts = parsed[j:i]
            if any(p is None for p in parts):
                continue
            score = _merge_score(parts)  # type: ignore[arg-type]
            if score is not None and best[j][0] + score > best[i][0]:
                best[i] = (best[j][0] + score, j)
    out: list[str] = []
    merges: _MergeLog = []
    i = n
    while i > 0:
        j = best[i][1]
        if i - j == 1:
            out.append(tokens[j])
        else:
            first, last = parsed[j], parsed[i - 1]
            assert first is not None and last is not None
            word = first.lead + "".join(p.core for p in parsed[j:i] if p) + last.trail
            merges.append((" ".join(tokens[j:i]), word))
            out.append(word)
        i = j
    if log is not None:
        log.extend(reversed(merges))
    out.reverse()
    return out


# "personeelstekort en." -> "personeelstekorten.": "en" cannot end a Dutch sentence.
_EN_END = re.compile(r"\b([^\W\d_]{3,}) en(?=[.;:!?)])")
# "de ze meldingen" -> "deze meldingen": article + pronoun is not Dutch.
_DE_ZE = re.compile(r"\b([Dd])e ze(?= ([a-zà-ÿ]+))")


def _de_ze(m: re.Match[str]) -> str:
    if m.group(2) in _NO_JOIN:
        return m.group(0)  # "de ze en die"
    return m.group(1) + "eze"


def _en_end(m: re.Match[str]) -> str:
    stem = m.group(1)
    if not stem.islower() or stem in _FUNCTION_WORDS:
        return m.group(0)
    merged = stem + "en"
    if _zipf(merged) >= _MERGE_MIN_ZIPF or _in_spelling(merged):
        return merged
    return m.group(0)


# --------------------------------------------------------------------------------------------
# Numbers, hyphens, punctuation (regular expressions on one paragraph)
# --------------------------------------------------------------------------------------------

_NOT_AFTER_NUMBER = r"(?<!\d )(?<![\d.,])"  # the left part is not itself after a number
# Words after which a single digit is a label ("fase 2 8.000 woningen"), not part of a number.
_LABELS = frozenset(
    """fase groep niveau categorie tabel figuur grafiek bijlage hoofdstuk paragraaf stap taak type
   klasse nummer nr artikel lid regio week kwartaal scenario optie top cluster deel versie
   punt vraag rang plaats schaal trede graad fig tab art p blz pagina""".split()  # noqa: SIM905
)
_PREV_WORD = re.compile(r"([^\W\d_]+)\.? $")

_NumberRule = tuple[re.Pattern[str], str, bool]  # pattern, replacement, check for a label
_NUMBER_RULES: list[_NumberRule] = [
    # "47 .000" -> "47.000"
    (re.compile(r"(?<![\d.,])(\d{1,3}) \.(\d{3})(?!\d)"), r"\1.\2", False),
    # "2 8.000" / "2 0.100" -> "28.000" / "20.100" (one digit split off a grouped number)
    (re.compile(_NOT_AFTER_NUMBER + r"(\d) (\d\.\d{3})(?![.,]?\d)"), r"\1\2", True),
    # "4 3%" -> "43%"
    (re.compile(_NOT_AFTER_NUMBER + r"(\d) (\d)(?= ?%)"), r"\1\2", True),
    # "10 %" -> "10%"
    (re.compile(r"(\d) %"), r"\1%", False),
    # "201 6" / "202 2" -> "2016" / "2022"
    (re.compile(_NOT_AFTER_NUMBER + r"(20[12]) (\d)(?![\d%]|[.,]\d)"), r"\1\2", True),
    # "2019 – 20 24" -> "2019 – 2024" (second year of a range)
    (re.compile(r"((?:19|20)\d\d ?[-–] ?)(20) (\d\d)(?![\d%]|[.,]\d)"), r"\1\2\3", False),
    # "2024 -2025" / "2024- 2025" -> "2024-2025"
    (re.compile(r"(?<!\d)((?:19|20)\d\d)(?: -|- )((?:19|20)\d\d)(?!\d)"), r"\1-\2", False),
    # "3 e kwartaal" -> "3e kwartaal"
    (re.compile(_NOT_AFTER_NUMBER + r"(\d{1,2}) e(?= [a-zà-ÿ])"), r"\1e", True),
]


def _numbers(text: str) -> str:
    for pattern, repl, check_label in _NUMBER_RULES:
        if not check_label:
            text = pattern.sub(repl, text)
            continue

        def sub(m: re.Match[str], repl: str = repl) -> str:
            prev = _PREV_WORD.search(m.string, max(0, m.start() - 40), m.start())
            if prev and prev.group(1).lower() in _LABELS:
                return m.group(0)
            return m.expand(repl)

        text = pattern.sub(sub, text)
    return text


_W = r"[^\W\d_]"
_NO_JOIN = _FUNCTION_WORDS | _CONJUNCTIONS
# "Papier -  en grafische" -> "Papier- en grafische" (elision hyphen)
_ELISION = re.compile(rf"({_W}) - ?(en|of)(?=\s)")
# "WW -uitkering" -> "WW-uitkering", "mbo -1." -> "mbo-1." (not "tot -62%", "en -advies")
_SPACE_HYPHEN = re.compile(rf"(?<!\S)(\S*?)({_W}+) -(?={_W}|\d(?![\d%,])(?!\.\d))")
# "WW - uitkering" -> "WW-uitkering" (only for known compounds or a vowel clash)
_SPACED_HYPHEN = re.compile(rf"(?<!\S)({_W}+) - ({_W}+)")
_SPACE_PUNCT = re.compile(r"(?<=\S) +([,;:!?)\]]|\.(?![.\w])|\.(?=\d))")
_OPEN_SPACE = re.compile(r"([(\[]) +")
# "ingenieurs /engineers" -> "ingenieurs/engineers"
_SPACE_SLASH = re.compile(r"(?<=[a-zà-ÿ]) /(?=[a-zà-ÿ])")  # not "Hogeschool /Saxion Parttime"
# "programma ’s zijn" -> "programma’s zijn" (not "’s avonds")
_APOS_S = re.compile(r"(?<=[^\W\d_]) ([’']s)(?![\w'’-])( [^\W\d_]+)?")


def _space_hyphen(m: re.Match[str]) -> str:
    prefix, word = m.group(1), m.group(2)
    if word.lower() in _NO_JOIN:
        return m.group(0)
    return f"{prefix}{word}-"


def _spaced_hyphen(m: re.Match[str]) -> str:
    left, right = m.group(1), m.group(2)
    ll, rl = left.lower(), right.lower()
    if right[0].isupper() or ll in _NO_JOIN or rl in _NO_JOIN:
        return m.group(0)
    if f"{ll}-{rl}" in _spelling():
        return f"{left}-{right}"
    vowel_clash = ll[-1] in _VOWELS and rl[0] in _VOWELS
    if vowel_clash and left.islower() and _is_word(ll) and _is_word(rl):
        return f"{left}-{right}"
    return m.group(0)


def _apos_s(m: re.Match[str]) -> str:
    nxt = m.group(2) or ""
    if nxt.strip().lower() in _S_WORDS:
        return m.group(0)
    return m.group(1) + nxt


def _logged(
    pattern: re.Pattern[str], fn: Callable[[re.Match[str]], str], text: str, log: _MergeLog | None
) -> str:
    """``pattern.sub(fn, text)``, recording the changed spans in ``log``."""

    def sub(m: re.Match[str]) -> str:
        new = fn(m)
        if log is not None and new != m.group(0):
            log.append((m.group(0), new))
        return new

    return pattern.sub(sub, text)


def _inline(text: str, log: _MergeLog | None = None) -> str:
    """All repairs inside one paragraph (no newlines)."""
    text = re.sub(r" {2,}", " ", text).strip(" ")
    text = _numbers(text)
    text = _ELISION.sub(r"\1- \2", text)
    text = _SPACE_HYPHEN.sub(_space_hyphen, text)
    text = _SPACED_HYPHEN.sub(_spaced_hyphen, text)
    text = _OPEN_SPACE.sub(r"\1", text)
    text = _SPACE_SLASH.sub("/", text)
    text = _SPACE_PUNCT.sub(r"\1", text)
    text = _APOS_S.sub(_apos_s, text)
    text = _logged(_DE_ZE, _de_ze, text, log)
    text = _logged(_EN_END, _en_end, text, log)
    # word merges, per tab-separated cell
    cells = text.split("\t")
    for c, cell in enumerate(cells):
        tokens = cell.split(" ")
        if len(tokens) > 1:
            cells[c] = " ".join(_merge_tokens(tokens, log))
    return "\t".join(cells)


def _fixpoint(text: str, fn: Callable[[str], str], limit: int = 4) -> str:
    for _ in range(limit):
        new = fn(text)
        if new == text:
            break
        text = new
    return text


# --------------------------------------------------------------------------------------------
# Lines and paragraphs
# --------------------------------------------------------------------------------------------

_LIST_START = re.compile(r"^(?:[-*•●▪◼■►○◦–]\s|\d{1,2}[.)]\s|#|\|)")
_LAST_WORD = re.compile(r"(?<!\S)(\S*?)([^\W\d_]+)( ?)-$")
_FIRST_WORD = re.compile(r"^([^\W\d_]+)")


def _hyphen_join(left: str, right: str) -> str | None:
    """Join ``left`` (ending in a hyphen) and the next line ``right``; None: join with a space."""
    m = _LAST_WORD.search(left, max(0, len(left) - 120))
    if m is None:
        if re.search(r"\d-$", left) and right[:1].isalnum():
            return left + right  # "3-\nniveau", "2024-\n2025"
        return None
    prefix, word, space = m.group(1), m.group(2), m.group(3)
    head = left[: m.start()]
    f = _FIRST_WORD.match(right)
    if f is None:
        short = len(word) <= 4 or word.isupper()
        if right[:1].isdigit() and short and word.lower() not in _NO_JOIN:
            return f"{head}{prefix}{word}-{right}"  # "mbo -\n1." -> "mbo-1."
        return None
    nxt = f.group(1)
    if nxt.lower() in _CONJUNCTIONS:
        return f"{head}{prefix}{word}- {right}"  # "mede- of eindbeslisser"
    if nxt[0].isupper():
        if space:
            return None  # "BOVAG -\nBrengen": a dash
        return f"{head}{prefix}{word}-{right}"  # "Noord-\nBrabant"
    if space and word.lower() in _NO_JOIN:
        return None
    wl, nl = word.lower(), nxt.lower()
    keep = f"{head}{prefix}{word}-{right}"
    drop = f"{head}{prefix}{word}{right}"
    if sum(ch.isupper() for ch in word) >= 2 or f"{wl}-{nl}" in _spelling():
        return keep  # "HR-\nzaken", "hbo-\nniveau"
    joined = wl + nl
    vowel_clash = wl[-1] in _VOWELS and nl[0] in _VOWELS and _is_word(wl) and _is_word(nl)
    if _zipf(joined) >= _HYPHEN_JOIN_ZIPF and not vowel_clash:
        return drop  # "tech-\nnici" -> "technici", "Metaal-\nindustrie" -> "Metaalindustrie"
    linking_s = wl.endswith("s") and not _is_word(wl) and _zipf(wl[:-1]) >= _WORD_ZIPF
    if linking_s and (_in_spelling(joined) or _zipf(joined) >= _MERGE_MIN_ZIPF):
        return drop  # "opleidings -\nbeleid" -> "opleidingsbeleid"
    return keep  # "zij-\ninstromers"


def _paragraphs(text: str) -> list[list[str]]:
    """Split into paragraphs of stripped lines; a blank line separates paragraphs."""
    paras: list[list[str]] = []
    current: list[str] = []
    blank_run = 0
    for raw in text.split("\n"):
        line = raw.strip(" \t")
        if not line:
            blank_run += 1
            continue
        if current and blank_run:
            # a hyphen at the end of a paragraph followed by a lowercase word after one blank
            # line is a word broken across lines (some extractions double every line break)
            broken = _LAST_WORD.search(current[-1], max(0, len(current[-1]) - 120))
            if blank_run == 1 and broken and line[:1].islower():
                current.append(line)
                blank_run = 0
                continue
            paras.append(current)
            current = []
        current.append(line)
        blank_run = 0
    if current:
        paras.append(current)
    return paras


def _join_lines(lines: list[str]) -> str:
    out = lines[0]
    last_tabbed = "\t" in out
    for line in lines[1:]:
        tabbed = "\t" in line or last_tabbed
        last_tabbed = "\t" in line
        if out.endswith("-") and not tabbed:
            joined = _hyphen_join(out, line)
            if joined is not None:
                out = joined
                continue
        if _LIST_START.match(line) or tabbed:
            out = f"{out}\n{line}"
            continue
        out = f"{out} {line}"
    return out


def _repair_paragraph(para: str, log: _MergeLog | None = None) -> str:
    lines = para.split("\n")
    return "\n".join(_fixpoint(line, lambda s: _inline(s, log)) for line in lines)


def repair(text: str) -> str:
    """Repair PDF-extraction damage in a piece of text (one or more lines of a file).

    Paragraph breaks (blank lines) are kept as one blank line; the lines inside a paragraph are
    joined with a space, or without one where a word was hyphenated at the line end.
    """
    return _repair(text, None)


def _repair(text: str, log: _MergeLog | None) -> str:
    paras = _paragraphs(_chars(text))
    return "\n\n".join(_repair_paragraph(_join_lines(p), log) for p in paras)


def _merges(text: str) -> _MergeLog:
    """The word merges :func:`repair` makes on ``text`` as (before, after) pairs (for reports)."""
    log: _MergeLog = []
    _repair(text, log)
    return log
