"""tune.py: the weight search proposes, never changes; and the CLI refuses a bad step count."""

from __future__ import annotations

from pathlib import Path

from conftest import cli_env, run_cli

from assistant import answer
from assistant.evaluate import load_questions, select_split
from assistant.settings import ROOT
from assistant.tune import best_chunking, outcomes, prepare, search_weights


def questions(split: str, n: int) -> list:
    return select_split(load_questions(ROOT / "eval" / "questions.jsonl"), split)[:n]


def test_weight_search_never_proposes_worse_and_restores_the_weights(assistant, settings) -> None:
    weights, threshold = dict(answer.W), assistant.settings.min_confidence
    result = search_weights(
        settings, questions("tune", 12), questions("heldout", 6), steps=1, keys=["coverage"]
    )
    assert result["after"]["tune"]["overall"] >= result["before"]["tune"]["overall"]
    assert set(result["weights"]) == set(weights)
    assert weights == answer.W  # a proposal only: the answerer is unchanged
    assert assistant.settings.min_confidence == threshold


def test_outcomes_count_right_wrong_and_declined(assistant, settings) -> None:
    _, prepared = prepare(settings, questions("tune", 10))
    shares = outcomes(assistant, prepared)
    answered = shares["answer_accuracy"] + shares["wrong_answers"] + shares["false_declines"]
    assert abs(answered - 1.0) < 1e-9
    assert 0.0 <= shares["overall"] <= 1.0 and shares["answer_accuracy"] > 0.5


def test_cli_refuses_zero_weight_sweeps(tmp_path: Path) -> None:
    done = run_cli(["tune", "--weights", "0"], cli_env(tmp_path / "vs"), ROOT)
    assert done.returncode == 2
    assert "sweeps" in done.stderr and "Traceback" not in done.stderr


def test_the_best_chunking_is_the_one_with_the_best_answers() -> None:
    wider = {"chunk_chars": 1200, "recall_at_5": 0.93, "answer_accuracy": 0.78, "mrr": 0.79}
    default = {"chunk_chars": 900, "recall_at_5": 0.92, "answer_accuracy": 0.81, "mrr": 0.77}
    assert best_chunking([wider, default])["chunk_chars"] == 900
    tie = dict(default, recall_at_5=0.95, chunk_chars=750)
    assert best_chunking([default, tie])["chunk_chars"] == 750  # then by recall@5
