"""Tests for assistant.clean: the repair set from the seed reports, plus unit tests.

Run ``PYTHONPATH=src python tests/test_clean.py`` to rewrite eval/repair_report.md (precision,
recall and the word merges over the seed files).
"""

from __future__ import annotations

import difflib
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.clean import _merges, normalize, repair

ROOT = Path(__file__).resolve().parents[1]
CASES_PATH = ROOT / "tests" / "data" / "repair_cases.jsonl"
REPORT_PATH = ROOT / "eval" / "repair_report.md"


def _seeds_dir() -> Path:
    for candidate in (ROOT / "seeds", ROOT.parent / "shared" / "seeds"):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    return ROOT / "seeds"


SEEDS = _seeds_dir()
SEED_FILES = sorted(SEEDS.glob("*.txt"))
needs_seeds = pytest.mark.skipif(not SEED_FILES, reason=f"no seed files in {SEEDS}")


def _load_cases() -> list[dict]:
    with CASES_PATH.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


CASES = _load_cases()


def _ws(text: str) -> str:
    return " ".join(text.split())


def _case_id(case: dict) -> str:
    kind = "keep" if _ws(case["damaged"]) == _ws(case["expected"]) else "fix"
    return f"{case['source'][:3]}:{case['line']}:{kind}:{_ws(case['damaged'])[:30]}"


# --------------------------------------------------------------------------------------------
# The repair set
# --------------------------------------------------------------------------------------------


def test_repair_set_shape() -> None:
    damaged = [c for c in CASES if _ws(c["damaged"]) != _ws(c["expected"])]
    keep = [c for c in CASES if _ws(c["damaged"]) == _ws(c["expected"])]
    known = [c for c in damaged if c.get("known_failure")]
    assert len(CASES) >= 80
    assert len(damaged) >= 50
    assert len(keep) >= 30
    assert len(known) < 0.15 * len(damaged)
    assert not any(c.get("known_failure") for c in keep)
    for case in CASES:
        assert set(case) <= {"source", "line", "damaged", "expected", "known_failure"}
        assert isinstance(case["line"], int) and case["line"] >= 1


@needs_seeds
def test_repair_set_is_copied_from_the_seeds() -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEED_FILES}
    for case in CASES:
        text = texts[case["source"]]
        lines = text.split("\n")
        start = sum(len(line) + 1 for line in lines[: case["line"] - 1])
        line = lines[case["line"] - 1]
        head = case["damaged"].split("\n")[0]
        offsets = [i for i in range(len(line)) if line.startswith(head, i)]
        assert any(text.startswith(case["damaged"], start + i) for i in offsets), case


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c,
            id=_case_id(c),
            marks=[pytest.mark.xfail(strict=True, reason="known failure")]
            if c.get("known_failure")
            else [],
        )
        for c in CASES
    ],
)
def test_repair_case(case: dict) -> None:
    assert _ws(repair(case["damaged"])) == _ws(case["expected"])


# --------------------------------------------------------------------------------------------
# Unit tests
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("o pensta ande", "openstaande"),
        ("aange eft", "aangeeft"),
        ("ui tzendkrachten", "uitzendkrachten"),
        ("bestaat d e helft", "bestaat de helft"),
        ("van de werknemer s.", "van de werknemers."),
        ("deelsectoren industrie, okt ober 2025", "deelsectoren industrie, oktober 2025"),
        ("werken netbeheer ders aan", "werken netbeheerders aan"),
        ("een belangrijk knelp unt", "een belangrijk knelpunt"),
        ("O ngeveer 80%", "Ongeveer 80%"),
        ("afkomstig w aren van", "afkomstig waren van"),
        ("Groot ste knelpunt", "Grootste knelpunt"),
        ("(43%) u it de sector", "(43%) uit de sector"),
        ("uiteindelijk 2 8.000 vacatures", "uiteindelijk 28.000 vacatures"),
        ("zijn er 2 0.100 mensen", "zijn er 20.100 mensen"),
        ("gemiddeld 47 .000 per kwartaal", "gemiddeld 47.000 per kwartaal"),
        ("ouder (4 3%)", "ouder (43%)"),
        ("In 201 6 waren", "In 2016 waren"),
        ("202 2 en 2023", "2022 en 2023"),
        ("met een WW -uitkering", "met een WW-uitkering"),
        ("Papier -  en grafische industrie", "Papier- en grafische industrie"),
        ("de arbeidsmarkt . Het", "de arbeidsmarkt. Het"),
        ("( vóór de coronapandemie )", "(vóór de coronapandemie)"),
    ],
)
def test_repairs_from_the_brief(damaged: str, expected: str) -> None:
    assert repair(damaged) == expected


@pytest.mark.parametrize(
    "text",
    [
        "3 maanden",
        "2 miljoen leden",
        "in 2025 zijn",
        "minstens 20 werknemers binnen 3 maanden",
        "Productiemedewerkers 1.800",
        "110-127 159-188",
        "dan 100 000 zelfstandigen",
        "de ze",
        "over de ze en die",
        "met personeelstekort en onvoldoende vraag",
        "te ervaren. 1 Dit aandeel",
        "2022 en 2023",
        "1 januari 2025",
        "Taak 1 10 uur",
        "klimaatbanen en -competenties",
        "aangescherpt tot -62%.",
        "BOVAG - brengen graag",
        "het einde is nog niet in zicht.",
        "Bijna drie kwart van de ondernemers",
        "Onderdelen a, b en c",
        "Vitamine B en C",
        "Fase 2 8.000 woningen",
        "Het is ad hoc beleid",
        "Zo’n groep werkt ’s avonds",
        "Wij gaan samen werken.",
        "mede- of eindbeslisser",
    ],
)
def test_correct_text_is_kept(text: str) -> None:
    assert repair(text) == text


def test_de_ze_before_a_noun() -> None:
    assert repair("toename van de ze meldingen") == "toename van deze meldingen"


def test_en_cannot_end_a_sentence() -> None:
    assert repair("door personeelstekort en. Met") == "door personeelstekorten. Met"
    assert repair("door personeelstekort en onvoldoende vraag") == (
        "door personeelstekort en onvoldoende vraag"
    )


def test_flemish_thousands_never_joined_to_a_neighbour() -> None:
    out = repair("meer dan 2 100 000 zelfstandigen")
    assert "2100" not in out.replace(".", "")


def test_normalize() -> None:
    assert normalize("  a\u00a0 b\t\nc  ") == "a b c"
    assert (
        normalize("\ufb01nanciering \ufb02exibel e\ufb03ciënt") == "financiering flexibel efficiënt"
    )
    assert normalize("bijvoor\u00adbeeld") == "bijvoorbeeld"
    assert normalize("o pensta ande WW -uitkering") == "o pensta ande WW -uitkering"
    assert normalize("") == ""


def test_ligatures_and_odd_characters() -> None:
    assert repair("\ufb01nanciering en \ufb02exibiliteit") == "financiering en flexibiliteit"
    assert repair("e\ufb00ect en e\ufb03ciënt, \ufb04uit") == "effect en efficiënt, ffluit"
    assert repair("bijvoor\u00adbeeld") == "bijvoorbeeld"
    assert repair("10\u00a0procent") == "10 procent"
    assert repair("\ufeffTekst\u200b hier") == "Tekst hier"
    assert repair("cre\u0301eren") == "créeren"


def test_hyphenation_at_line_end() -> None:
    assert repair("meer tech-\nnici nodig") == "meer technici nodig"
    assert repair("potentiële zij-\ninstromers. Ook") == "potentiële zij-instromers. Ook"
    assert repair("andere HR-\nzaken") == "andere HR-zaken"
    assert repair("en hbo-\nniveau") == "en hbo-niveau"
    assert repair("Metaal-\nindustrie") == "Metaalindustrie"
    assert repair("over de werk-\nprivébalans") == "over de werk-privébalans"
    assert repair("83 procent mede- \nof eindbeslisser") == "83 procent mede- of eindbeslisser"
    assert repair("Noord-\nBrabant") == "Noord-Brabant"
    assert repair("een WW -\nuitkering") == "een WW-uitkering"
    assert repair("mbo 3-\nniveau") == "mbo 3-niveau"
    assert repair("Januari 2019 -\noktober 2025") == "Januari 2019 - oktober 2025"
    assert repair("tech\u00ad\nnici") == "technici"
    # some extractions put a blank line after every line
    assert repair("werkgevers- en werknemers -\n\norganisaties") == (
        "werkgevers- en werknemersorganisaties"
    )


def test_paragraph_breaks_kept() -> None:
    text = "Eerste regel van\nde alinea.\n \n\n\nTweede alinea\nloopt door.\n"
    assert repair(text) == "Eerste regel van de alinea.\n\nTweede alinea loopt door."
    assert repair("a\n\nb\n\nc").count("\n\n") == 2


def test_lists_and_tables_keep_their_lines() -> None:
    text = "Voorbeelden:\n- eerste punt\n- tweede punt\nNaam\t1.800\nAnder\t900"
    assert repair(text) == text


def test_empty_and_blank() -> None:
    assert repair("") == ""
    assert repair(" \n\t\n") == ""


def test_lexicons_load_lazily() -> None:
    code = (
        "import assistant.clean as c\n"
        "loaded = lambda: c._wordfreq.cache_info().currsize + c._spelling.cache_info().currsize\n"
        "assert loaded() == 0\n"
        "c.normalize('a  b')\n"
        "assert loaded() == 0\n"
        "c.repair('o pensta ande')\n"
        "assert loaded() == 2\n"
    )
    env = {"PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=120)


@needs_seeds
@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_idempotent_on_seed_files(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    once = repair(text)
    assert repair(once) == once
    lines = text.split("\n")
    rng = random.Random(path.name)
    for _ in range(40):
        start = rng.randrange(len(lines))
        chunk = "\n".join(lines[start : start + rng.randrange(1, 25)])
        repaired = repair(chunk)
        assert repair(repaired) == repaired


@needs_seeds
@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_repair_keeps_the_words(path: Path) -> None:
    """Repair only moves spaces, hyphens and breaks: the letters and digits stay the same."""
    text = path.read_text(encoding="utf-8")

    def alnum(s: str) -> str:
        return "".join(ch for ch in normalize(s) if ch.isalnum())

    assert alnum(repair(text)) == alnum(text)


# --------------------------------------------------------------------------------------------
# Measurement (precision / recall) and the report
# --------------------------------------------------------------------------------------------

# Word merges over the seed files that were checked by hand and judged correct.
REVIEWED_MERGES = {
    ("okt ober", "oktober"),
    ("Groot ste", "Grootste"),
    ("d e", "de"),
    ("O ngeveer", "Ongeveer"),
    ("knelp unt", "knelpunt"),
    ("w aren", "waren"),
    ("werknemer s.", "werknemers."),
    ("u it", "uit"),
    ("ui tzendkrachten", "uitzendkrachten"),
    ("i ngeschreven", "ingeschreven"),
    ("b ij", "bij"),
    ("gerege ld.", "geregeld."),
    ("mo eten", "moeten"),
    ("ontwikkeli ngen", "ontwikkelingen"),
    ("lan den", "landen"),
    ("defen sie", "defensie"),
    ("i n", "in"),
    ("inve steringen", "investeringen"),
    ("te rmijn", "termijn"),
    ("exportbeperk ingen.", "exportbeperkingen."),
    ("schaalvergrotin g", "schaalvergroting"),
    ("E r", "Er"),
    ("m inder", "minder"),
    ("ka n", "kan"),
    ("d oor", "door"),
    ("o pensta ande", "openstaande"),
    ("e r", "er"),
    ("aange eft", "aangeeft"),
    ("industr ieberoep", "industrieberoep"),
    ("kw artaal", "kwartaal"),
    ("m aanden", "maanden"),
    ("wa ren", "waren"),
    ("middelba ar", "middelbaar"),
    ("a nd", "and"),
    ("doel stellingen", "doelstellingen"),
    ("develo pment,", "development,"),
    ("tegelijk ertijd", "tegelijkertijd"),
    ("beroep sgroep en", "beroepsgroepen"),
    ("o nderzoek", "onderzoek"),
    ("uitbes teden", "uitbesteden"),
    ("strat egie,", "strategie,"),
    ("Oo k", "Ook"),
    ("h et", "het"),
    ("h andelsheffingen,", "handelsheffingen,"),
    ("netbeheer ders", "netbeheerders"),
    ("personeelstekort en", "personeelstekorten"),
    ("verklein en", "verkleinen"),
    ("de ze", "deze"),
    ("De ze", "Deze"),
}


def _edits(a: list[str], b: list[str]) -> set[tuple[int, int, tuple[str, ...]]]:
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return {(i1, i2, tuple(b[j1:j2])) for op, i1, i2, j1, j2 in ops if op != "equal"}


def measure(cases: list[dict]) -> dict:
    """Case-level and edit-level precision/recall of :func:`repair` over the repair set."""
    m = dict.fromkeys(
        (
            "damaged",
            "repaired",
            "untouched",
            "wrong",
            "keep",
            "kept",
            "broken",
            "changed",
            "changed_ok",
            "edits_made",
            "edits_expected",
            "edits_ok",
        ),
        0,
    )
    failures: list[tuple[dict, str]] = []
    for case in cases:
        src, exp = _ws(case["damaged"]), _ws(case["expected"])
        out = _ws(repair(case["damaged"]))
        is_damaged = src != exp
        if out != src:
            m["changed"] += 1
            m["changed_ok"] += out == exp
        if is_damaged:
            m["damaged"] += 1
            if out == exp:
                m["repaired"] += 1
            elif out == src:
                m["untouched"] += 1
            else:
                m["wrong"] += 1
        else:
            m["keep"] += 1
            m["kept"] += out == src
            m["broken"] += out != src
        if out != exp:
            failures.append((case, out))
        made = _edits(src.split(), out.split())
        wanted = _edits(src.split(), exp.split())
        m["edits_made"] += len(made)
        m["edits_expected"] += len(wanted)
        m["edits_ok"] += len(made & wanted)
    m["recall"] = m["repaired"] / m["damaged"] if m["damaged"] else 1.0
    m["precision"] = m["changed_ok"] / m["changed"] if m["changed"] else 1.0
    m["edit_precision"] = m["edits_ok"] / m["edits_made"] if m["edits_made"] else 1.0
    m["edit_recall"] = m["edits_ok"] / m["edits_expected"] if m["edits_expected"] else 1.0
    m["failures"] = failures
    return m


def test_measured_precision() -> None:
    m = measure([c for c in CASES if not c.get("known_failure")])
    assert m["broken"] == 0
    assert m["precision"] == 1.0
    assert m["recall"] == 1.0


def write_report(path: Path = REPORT_PATH) -> str:
    m = measure(CASES)
    known = [c for c in CASES if c.get("known_failure")]
    per_file: list[tuple[str, int, int, int]] = []
    all_merges: list[tuple[str, str, str]] = []
    clean_file_edits: list[tuple[str, str, str]] = []
    for seed in SEED_FILES:
        text = seed.read_text(encoding="utf-8")
        merges = _merges(text)
        src, out = normalize(text).split(), repair(text).split()
        ops = difflib.SequenceMatcher(None, src, out, autojunk=False).get_opcodes()
        edits = [
            (" ".join(src[i1:i2]), " ".join(out[j1:j2]))
            for op, i1, i2, j1, j2 in ops
            if op != "equal"
        ]
        per_file.append((seed.name, len(text), len(edits), len(merges)))
        all_merges += [(seed.name, before, after) for before, after in merges]
        if not seed.name.startswith("000"):
            clean_file_edits += [(seed.name, a, b) for a, b in edits]
    sample = random.Random(20240601).sample(all_merges, min(40, len(all_merges)))
    unreviewed = [x for x in all_merges if (x[1], x[2]) not in REVIEWED_MERGES]

    def pct(x: float) -> str:
        return f"{100 * x:.1f}%"

    out = [
        "# Repair of PDF-extraction damage: measurement",
        "",
        "Generated by `PYTHONPATH=src python tests/test_clean.py` from "
        "`tests/data/repair_cases.jsonl` (real spans copied from the five seed files) and "
        "`src/assistant/clean.py`. Every comparison collapses whitespace first.",
        "",
        "## The repair set",
        "",
        f"- {len(CASES)} cases: {m['damaged']} damaged (expected differs from the span) and "
        f"{m['keep']} keep cases (correct, tricky text that must come out unchanged: numbers "
        "next to numbers, short words side by side, table rows, footnote markers, Flemish "
        '"100 000", correct hyphenated compounds, imperative "Hervorm de").',
        f"- Known failures (kept in the set, xfail strict in the tests): {len(known)} of "
        f"{m['damaged']} damaged cases ({pct(len(known) / m['damaged'])}).",
        "",
        "## Figures",
        "",
        "| measure | definition | value |",
        "| --- | --- | --- |",
        f"| recall | damaged cases whose output equals the expected text / damaged cases "
        f"| {m['repaired']}/{m['damaged']} = {pct(m['recall'])} |",
        f"| precision (cases) | cases (damaged or keep) that `repair` changed and whose output "
        "equals the expected text / all cases that `repair` changed; a partial or wrong change "
        f"of a damaged span counts as wrong | {m['changed_ok']}/{m['changed']} = "
        f"{pct(m['precision'])} |",
        f"| keep cases unchanged | keep cases whose output equals the input / keep cases "
        f"| {m['kept']}/{m['keep']} |",
        f"| damaged cases left untouched | output equals the damaged input | {m['untouched']} |",
        f"| damaged cases changed wrongly | output differs from both input and expected "
        f"| {m['wrong']} |",
        f"| edit precision | token-level edits (difflib opcodes, input to output) that also "
        f"occur in input to expected / all edits made | {m['edits_ok']}/{m['edits_made']} = "
        f"{pct(m['edit_precision'])} |",
        f"| edit recall | same, / all edits in input to expected | "
        f"{m['edits_ok']}/{m['edits_expected']} = {pct(m['edit_recall'])} |",
        "",
        "The thresholds were tuned on this same set, so these figures are optimistic for new "
        "documents. A check outside the set: files 001-004 are nearly clean, and every change "
        "`repair` makes to them is listed at the end of this report (checked by hand: all are "
        "real repairs).",
        "",
        "## Known failures",
        "",
    ]
    for case, got in m["failures"]:
        mark = "known failure" if case.get("known_failure") else "UNEXPECTED"
        out.append(
            f"- {mark}: {case['source']}:{case['line']} `{_ws(case['damaged'])}` gives "
            f"`{got}`, expected `{_ws(case['expected'])}`"
        )
    out += [
        "",
        "## Word merges over whole seed files",
        "",
        "A word merge joins 2-3 space-separated tokens into one word (`o pensta ande` to "
        "`openstaande`), including the rules `X en.` to `Xen.` and `de ze <noun>` to `deze`. "
        "Line-end hyphen joins, number joins and punctuation spacing are not counted.",
        "",
        "| file | characters | token edits of any kind | word merges |",
        "| --- | ---: | ---: | ---: |",
    ]
    out += [f"| {name} | {size} | {edits} | {count} |" for name, size, edits, count in per_file]
    out += [
        f"| total | {sum(p[1] for p in per_file)} | {sum(p[2] for p in per_file)} "
        f"| {len(all_merges)} |",
        "",
        "Token edits: difflib opcodes between the whitespace-split `normalize(file)` and "
        "`repair(file)` (joins of spaces, hyphens, numbers, punctuation, line-end hyphens).",
        "",
        f"All {len(all_merges)} merges were checked against the list of merges reviewed by hand "
        f"(`REVIEWED_MERGES` in tests/test_clean.py): {len(unreviewed)} not reviewed"
        + (": " + ", ".join(f"`{b}` to `{a}`" for _, b, a in unreviewed) if unreviewed else "")
        + ". Every reviewed merge was judged correct.",
        "",
        f"### {len(sample)} random merges (seed 20240601)",
        "",
        "| file | before | after | reviewed |",
        "| --- | --- | --- | --- |",
    ]
    out += [
        f"| {name} | `{before}` | `{after}` | "
        f"{'yes, correct' if (before, after) in REVIEWED_MERGES else 'NO'} |"
        for name, before, after in sample
    ]
    out += [
        "",
        "## Every change on the nearly clean files 001-004",
        "",
        "| file | before | after |",
        "| --- | --- | --- |",
    ]
    out += [f"| {name} | `{a}` | `{b}` |" for name, a, b in clean_file_edits]
    report = "\n".join(out) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report, encoding="utf-8")
    return report


if __name__ == "__main__":
    print(write_report())
