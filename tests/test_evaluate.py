"""The evaluation harness: matching and citation checks on hand-made cases, metrics on a small
real run (session index from conftest), the written report and the gate. No timing assertions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant import evaluate as ev
from assistant.settings import ROOT

SET = ROOT / "eval" / "questions.jsonl"


# --------------------------------------------------------------------- hand-made cases


def test_squash_ignores_repairs_spacing_and_case() -> None:
    assert ev.squash("2 8.000") == ev.squash("28.000") == "28000"
    assert ev.squash("WW -uitkering") == ev.squash("ww-uitkering")
    assert ev.squash("o pensta ande\nvacatures") == ev.squash("openstaande vacatures")
    assert ev.squash("Industriële") == "industriële"
    assert ev.squash("28.000") != ev.squash("28.100")


def test_answer_matches_any_variant_case_insensitively() -> None:
    assert ev.answer_matches("Er waren eind 2025 zo'n 28.000 vacatures.", ["28000", "28.000"])
    assert ev.answer_matches("The UNIZO and Voka", ["unizo"])
    assert ev.answer_matches("it was  2 8.000", ["2 8.000"])
    assert not ev.answer_matches("38.100 vacatures", ["28.000"])
    assert not ev.answer_matches("", ["28.000"])


def test_a_highlight_is_the_expected_figure_by_its_first_number_or_its_words() -> None:
    assert ev.highlight_matches("28.000", ["28000 vacatures"])
    assert ev.highlight_matches("17%", ["17 procent"])
    assert ev.highlight_matches("3,5 keer", ["bijna 3,5 keer zoveel"])
    assert ev.highlight_matches("een kwart", ["Een kwart (25 procent)"])
    assert not ev.highlight_matches("14%", ["13%", "13 procent"])
    assert not ev.highlight_matches("1", ["17 procent"])  # a number, not a digit of one
    assert not ev.highlight_matches("2030", ["2050"])


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "doc.txt").write_text(
        "Titel\n\nEr zijn eind 2025 nog 2 8.000 vacatures\nin de industrie.\nSlotregel.\n",
        encoding="utf-8",
    )
    return folder


def cit(quote: str, start: int | None, end: int | None, source: str = "doc.txt") -> dict:
    return {"source": source, "line_start": start, "line_end": end, "quote": quote, "page": None}


def test_citation_is_valid_only_when_the_cited_lines_hold_the_quote(seeds: Path) -> None:
    quote = "Er zijn eind 2025 nog 28.000 vacatures in de industrie."  # repaired and joined
    assert ev.citation_is_valid(seeds, cit(quote, 3, 4))
    assert ev.citation_is_valid(seeds, cit(quote, 1, 5))
    assert not ev.citation_is_valid(seeds, cit(quote, 3, 3))  # the quote runs on to line 4
    assert not ev.citation_is_valid(seeds, cit(quote, 4, 5))
    assert not ev.citation_is_valid(seeds, cit(quote, 3, 9))  # beyond the end of the file
    assert not ev.citation_is_valid(seeds, cit(quote, None, None))
    assert not ev.citation_is_valid(seeds, cit(quote, 3, 4, source="other.txt"))
    assert not ev.citation_is_valid(seeds, cit("", 3, 4))
    assert not ev.citation_is_valid(seeds, cit("Er zijn eind 2025 nog 38.000 vacatures", 3, 4))


def test_a_quote_may_skip_a_footnote_inside_its_sentence(tmp_path: Path) -> None:
    (tmp_path / "n.txt").write_text(
        "Dit leidt niet tot\n\n³⁰ Natuur en milieu (2021), rapport.\n\nminder uitstoot.\n",
        encoding="utf-8",
    )
    quote = "Dit leidt niet tot minder uitstoot."
    assert ev.citation_is_valid(tmp_path, cit(quote, 1, 5, source="n.txt"))
    assert not ev.citation_is_valid(tmp_path, cit(quote, 1, 3, source="n.txt"))
    assert not ev.citation_is_valid(tmp_path, cit("Dit leidt tot meer uitstoot.", 1, 5, "n.txt"))


def test_evidence_is_cited_needs_every_snippet_in_some_citation(seeds: Path) -> None:
    both = ["2 8.000 vacatures", "Slotregel"]
    assert ev.evidence_is_cited(seeds, ["28.000 vacatures"], [cit("x", 3, 3)])
    assert not ev.evidence_is_cited(seeds, both, [cit("x", 3, 3)])
    assert ev.evidence_is_cited(seeds, both, [cit("x", 3, 3), cit("y", 5, 5)])
    assert not ev.evidence_is_cited(seeds, ["28.000 vacatures"], [])


def question(**fields: Any) -> ev.Question:
    base: dict[str, Any] = {
        "id": "t1",
        "question": "?",
        "answer": "28.000",
        "variants": ("28.000",),
        "sources": ("a.txt",),
        "evidence": ("28.000 vacatures",),
        "kind": "number",
        "lang": "nl",
        "split": "heldout",
        "damaged": False,
    }
    return ev.Question(**(base | fields))


def passage(text: str, source: str = "a.txt") -> dict[str, Any]:
    return {"source": source, "text": text, "line_start": 1, "line_end": 1}


def test_evidence_rank_wants_the_right_source_and_all_snippets() -> None:
    q = question()
    assert ev.evidence_rank(q, [passage("iets anders"), passage("nog 2 8.000 vacatures")]) == 2
    assert ev.evidence_rank(q, [passage("28.000 vacatures", source="b.txt")]) is None
    assert ev.evidence_rank(q, []) is None
    two = question(evidence=("28.000 vacatures", "38.100"), sources=("a.txt", "b.txt"))
    ranked = [passage("28.000 vacatures"), passage("niets"), passage("piek 38.100", "b.txt")]
    assert ev.evidence_rank(two, ranked) == 3
    assert ev.evidence_rank(question(evidence=()), ranked) is None


def test_scoring_and_metrics_on_hand_made_answers(seeds: Path) -> None:
    q = question(sources=("doc.txt",), evidence=("2 8.000 vacatures",))
    unanswerable = question(
        id="t2", kind="unanswerable", answer="", variants=(), sources=(), evidence=()
    )
    good = {
        "answer": "28.000",
        "abstained": False,
        "citations": [cit("28.000 vacatures", 3, 3)],
        "retrieved": [passage("x", "doc.txt"), passage("nog 28.000 vacatures", "doc.txt")],
    }
    declined = {"answer": "", "abstained": True, "citations": [], "retrieved": good["retrieved"]}
    long = good | {"answer": "28.000 " + "x" * 400}
    shown = ev.score(q, good | {"highlight": ["28.000"]}, 10.0, "s", seeds)
    elsewhere = ev.score(q, good | {"highlight": ["2025"]}, 10.0, "s", seeds)
    assert (shown.highlight_ok, elsewhere.highlight_ok) == (True, False)
    assert ev.metrics([shown, elsewhere])["highlight_expected"] == 0.5
    results = [
        ev.score(q, good, 10.0, "s", seeds),
        ev.score(q, declined, 20.0, "s", seeds),
        ev.score(q, long, 30.0, "s", seeds),
        ev.score(unanswerable, declined, 40.0, "s", seeds),
        ev.score(unanswerable, good, 50.0, "s", seeds),
    ]
    assert [r.correct for r in results] == [True, False, False, True, False]
    assert results[0].rank == 2 and results[0].citation_valid and results[0].evidence_cited
    assert results[1].citation_valid is None  # declined: no citations to check
    assert "answer too long" in results[2].problems()
    assert results[4].problems() == ["answered an unanswerable question"]
    m = ev.metrics(results)
    assert (m["questions"], m["answerable"], m["unanswerable"]) == (5, 3, 2)
    assert m["recall_at_1"] == 0.0 and m["recall_at_5"] == 1.0 and m["mrr"] == 0.5
    assert m["answer_accuracy"] == pytest.approx(1 / 3, abs=1e-3)
    assert m["false_decline_rate"] == pytest.approx(1 / 3, abs=1e-3)
    assert m["unanswerable_declined"] == 0.5
    assert m["citation_validity"] == 1.0
    assert m["overall_accuracy"] == 0.4
    assert m["latency_p50_ms"] == 30.0
    assert m["highlight_expected"] is None  # no answer highlighted a figure


def test_check_gate_names_each_failing_metric() -> None:
    gate = ev.Gate(
        split="heldout",
        minimum={"recall_at_5": 0.9, "answer_accuracy": 0.5},
        maximum={"false_decline_rate": 0.05},
    )
    ok = {"recall_at_5": 0.95, "answer_accuracy": 0.5, "false_decline_rate": 0.0}
    assert ev.check_gate(ok, gate) == []
    bad = {"recall_at_5": 0.85, "answer_accuracy": 0.7, "false_decline_rate": 0.1}
    failures = ev.check_gate(bad, gate)
    assert len(failures) == 2
    assert failures[0].startswith("recall_at_5") and failures[1].startswith("false_decline_rate")


def test_load_gate_rejects_unknown_metrics(tmp_path: Path) -> None:
    path = tmp_path / "gate.toml"
    path.write_text('split = "heldout"\n[min]\nrecal_at_5 = 0.9\n', encoding="utf-8")
    with pytest.raises(ev.EvalError, match="recal_at_5"):
        ev.load_gate(path)


def test_the_project_gate_file_is_valid() -> None:
    gate = ev.load_gate(ev.DEFAULT_GATE)
    assert gate.split == "heldout"
    assert set(gate.minimum) == {
        "recall_at_5",
        "answer_accuracy",
        "unanswerable_declined",
        "citation_validity",
        "highlight_expected",
    }
    assert set(gate.maximum) == {"false_decline_rate", "latency_p95_ms"}


def test_baseline_chunks_carry_their_exact_line_ranges() -> None:
    chunks = ev.baseline_chunks(ROOT / "seeds")
    assert chunks
    for chunk in chunks:
        lines = ev.source_lines(ROOT / "seeds", chunk.source)
        assert lines is not None
        assert chunk.text in "\n".join(lines[chunk.line_start - 1 : chunk.line_end])
        assert len(chunk.text) <= ev.BASELINE_CHUNK_SIZE


# ------------------------------------------------------------------ a small real run


def subset(path: Path) -> Path:
    """A few questions of each split, answerable and not, Dutch and English."""
    rows = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line]
    picked: list[dict] = []
    for split, unanswerable, n in [
        ("heldout", False, 4),
        ("heldout", True, 2),
        ("tune", False, 3),
        ("tune", True, 1),
    ]:
        picked += [
            r for r in rows if r["split"] == split and (r["kind"] == "unanswerable") == unanswerable
        ][:n]
    if not any(r["lang"] == "en" for r in picked):
        picked.append(next(r for r in rows if r["lang"] == "en"))
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in picked), "utf-8")
    return path


@pytest.fixture(scope="module")
def run(assistant: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("eval")
    questions = subset(folder / "questions.jsonl")
    out = folder / "report"
    code = ev.main_eval(questions, out_dir=out, assistant=assistant, quiet=True)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {"code": code, "out": out, "report": report, "set": questions, "folder": folder}


@pytest.mark.slow
def test_evaluation_writes_the_report_files(run: dict[str, Any]) -> None:
    assert run["code"] == 0
    out: Path = run["out"]
    assert (out / "report-kinds.png").read_bytes().startswith(b"\x89PNG")
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "## Held-out questions" in md and "baseline" in md and "## Failures" in md
    assert "### Per batch of questions (heldout)" in md  # the subset's rows carry batches
    report = run["report"]
    assert set(report["systems"]) == {ev.OURS, ev.BASELINE}
    assert len(report["results"][ev.OURS]) == len(report["results"][ev.BASELINE])


@pytest.mark.slow
def test_metrics_are_rates_and_consistent(run: dict[str, Any]) -> None:
    for system in run["report"]["systems"].values():
        for split in ("heldout", "tune", "all"):
            parts = system["metrics"][split]
            groups = [
                parts["overall"],
                *[
                    g
                    for key in ("by_kind", "by_source", "by_lang", "by_batch")
                    for g in parts[key].values()
                ],
            ]
            for m in groups:
                for key, (_, kind) in ev.METRICS.items():
                    if kind == "rate" and m[key] is not None:
                        assert 0.0 <= m[key] <= 1.0, key
                if m["recall_at_1"] is not None:
                    assert m["recall_at_1"] <= m["recall_at_5"] <= m["recall_at_10"]
                    assert m["recall_at_1"] <= m["mrr"] <= m["recall_at_10"]
                if m["latency_p50_ms"] is not None:
                    assert 0 < m["latency_p50_ms"] <= m["latency_p95_ms"]
        overall = system["metrics"]["all"]["overall"]
        held, tune = system["metrics"]["heldout"]["overall"], system["metrics"]["tune"]["overall"]
        assert overall["questions"] == held["questions"] + tune["questions"]
    base = run["report"]["systems"][ev.BASELINE]["metrics"]["all"]["overall"]
    assert base["false_decline_rate"] == 0.0 and base["unanswerable_declined"] == 0.0


@pytest.mark.slow
def test_evaluation_asks_through_the_same_code_path_as_ask(assistant: Any) -> None:
    q = "Hoeveel openstaande vacatures waren er eind 2025 in de industrie?"
    got = ev.VraagbaakSystem(assistant).ask(q)
    answer = assistant.ask(q)
    assert {k: v for k, v in got.items() if k != "highlight"} == answer.to_dict()
    assert got["highlight"] == list(answer.highlight) and "28.000" in got["highlight"][0]


def write_gate(path: Path, minimum: dict[str, float], maximum: dict[str, float]) -> Path:
    lines = [
        'split = "heldout"',
        "[min]",
        *[f"{k} = {v}" for k, v in minimum.items()],
        "[max]",
        *[f"{k} = {v}" for k, v in maximum.items()],
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_the_gate_fails_above_and_passes_below_the_measured_values(
    run: dict[str, Any], assistant: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    measured = run["report"]["systems"][ev.OURS]["metrics"]["heldout"]["overall"]
    folder: Path = run["folder"]
    common = {
        "set_path": run["set"],
        "out_dir": folder / "gated",
        "gate": True,
        "baseline": False,
        "assistant": assistant,
        "quiet": True,
    }

    high = write_gate(
        folder / "high.toml",
        {"recall_at_10": measured["recall_at_10"] + 0.01},
        {"latency_p95_ms": 0.001},
    )
    capsys.readouterr()
    assert ev.main_eval(gate_path=high, **common) == 1
    printed = capsys.readouterr().out
    failing = [line for line in printed.splitlines() if line.strip().startswith("FAIL")]
    assert len(failing) == 2
    assert "recall_at_10" in failing[0] and "latency_p95_ms" in failing[1]

    low = write_gate(
        folder / "low.toml",
        {"recall_at_10": measured["recall_at_10"] - 0.01},
        {"latency_p95_ms": 1e9, "false_decline_rate": 1.0},
    )
    assert ev.main_eval(gate_path=low, **common) == 0
    assert "gate passed" in capsys.readouterr().out


def test_a_bad_question_set_is_exit_code_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    assert ev.main_eval(bad, out_dir=tmp_path / "out", quiet=True, baseline=False) == 2
    assert not (tmp_path / "out").exists()


class Flaky:
    """A system that answers one question and breaks on the other."""

    name = "flaky"
    label = "flaky"

    def ask(self, question: str) -> dict[str, Any]:
        if "breaks" in question:
            raise RuntimeError("boom")
        return {"answer": "28.000", "abstained": False, "citations": [], "retrieved": []}


def test_a_question_that_raises_is_a_failure_not_a_crash(seeds: Path) -> None:
    qs = [question(id="a", question="works"), question(id="b", question="breaks")]
    results = ev.run_system(Flaky(), qs, seeds, quiet=True, warmup=False)
    assert [r.correct for r in results] == [True, False]
    assert results[1].error == "RuntimeError: boom"
    assert results[1].problems()[0] == "error: RuntimeError: boom"


def test_benchmark_report_renders_with_missing_measurements() -> None:
    from assistant import bench

    results = {
        "full_ingest_s": 42.0,
        "reingest_unchanged_s": 0.5,
        "warm_p50_ms": 50.0,
        "warm_p95_ms": 300.0,
        "cold_ask_s": None,
    }
    data = {
        "generated_at": "now",
        "machine": bench.machine(),
        "corpus": {"folder": "seeds", "files": 5, "bytes": 2048},
        "settings": {"embedder": "e5"},
        "cold_question": "?",
        "results": results,
        "targets": {
            k: {
                "label": label,
                "unit": unit,
                "max": limit,
                "met": bench._met(results.get(k), limit),
            }
            for k, (label, unit, limit) in bench.TARGETS.items()
        },
        "notes": ["cold ask not measured: no CLI"],
    }
    assert data["machine"]["nproc"] >= 1 and data["machine"]["cpu_model"]
    assert [t["met"] for t in data["targets"].values()] == [True, True, True, False, None]
    md = bench.render_markdown(data)
    assert "not measured" in md and "NO" in md and "cold ask not measured" in md
    assert "not measured" in bench.summary_table(data)
