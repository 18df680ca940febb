"""The evaluation set (eval/questions.jsonl): structure, coverage and evidence that is real."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import pytest

from assistant.evaluate import KINDS
from assistant.settings import ROOT

SET = ROOT / "eval" / "questions.jsonl"
SEEDS = ROOT / "seeds"
KEYS = {
    "id",
    "question",
    "answer",
    "variants",
    "source",
    "evidence",
    "kind",
    "lang",
    "split",
    "damaged",
    "batch",
}


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def sources_of(row: dict[str, Any]) -> list[str]:
    source = row["source"]
    return source if isinstance(source, list) else [source] if source else []


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    lines = [line for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(line) for line in lines]


def test_every_question_has_the_schema(rows: list[dict[str, Any]]) -> None:
    by_id = {row["id"]: row for row in rows}
    for row in rows:
        # a rephrasing names the question it asks in other words ("rephrases": "q515")
        assert KEYS <= set(row) <= KEYS | {"rephrases"}, row.get("id")
        if "rephrases" in row:  # the same question: its answer, and its split (no leak)
            original = by_id[row["rephrases"]]
            assert row["question"] != original["question"], row["id"]
            for key in ("answer", "variants", "evidence", "kind", "split"):
                assert row[key] == original[key], row["id"]
        assert isinstance(row["id"], str) and row["id"]
        assert isinstance(row["question"], str) and row["question"].strip()
        assert row["kind"] in KINDS, row["id"]
        assert row["lang"] in {"nl", "en"}, row["id"]
        assert row["split"] in {"tune", "heldout"}, row["id"]
        assert isinstance(row["damaged"], bool), row["id"]
        # the batch it was written in, by the ids of the batch ("q625-q684")
        lo, hi = (int(x) for x in re.fullmatch(r"q(\d{3,})-q(\d{3,})", row["batch"]).groups())
        assert lo <= int(row["id"][1:]) <= hi, row["id"]
        assert isinstance(row["variants"], list), row["id"]
        assert isinstance(row["evidence"], list), row["id"]


def test_answerable_and_unanswerable_questions_are_consistent(rows: list[dict]) -> None:
    for row in rows:
        if row["kind"] == "unanswerable":
            assert row["answer"] == "" and row["evidence"] == [], row["id"]
            assert row["source"] is None, row["id"]
        else:
            assert row["answer"].strip(), row["id"]
            assert row["variants"] and all(v.strip() for v in row["variants"]), row["id"]
            assert row["evidence"], row["id"]
            assert sources_of(row), row["id"]
            for source in sources_of(row):
                assert (SEEDS / source).is_file(), f"{row['id']}: no such file {source}"


def test_ids_are_unique(rows: list[dict[str, Any]]) -> None:
    counts = Counter(row["id"] for row in rows)
    assert not [i for i, n in counts.items() if n > 1]


def test_the_set_covers_what_it_must(rows: list[dict[str, Any]]) -> None:
    assert len(rows) >= 80
    assert sum(row["kind"] == "unanswerable" for row in rows) >= 10
    assert sum(row["lang"] == "en" for row in rows) >= 10
    assert sum(row["damaged"] for row in rows) >= 20
    assert {row["split"] for row in rows} == {"tune", "heldout"}
    answerable_kinds = {row["kind"] for row in rows} - {"unanswerable"}
    assert answerable_kinds == set(KINDS) - {"unanswerable"}


def test_the_industry_vacancies_question_is_there(rows: list[dict[str, Any]]) -> None:
    """The question the project started from: 28.000 open vacancies in industry, end of 2025."""
    hits = [
        row
        for row in rows
        if "28.000" in row["answer"]
        and "vacature" in row["question"].lower()
        and "industrie" in row["question"].lower()
    ]
    assert hits, "the 28.000 industry vacancies question is missing"
    assert any("28.000" in v for v in hits[0]["variants"])


def test_every_evidence_snippet_occurs_verbatim_in_its_source(rows: list[dict]) -> None:
    texts = {p.name: collapse(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}
    missing = []
    for row in rows:
        for snippet in row["evidence"]:
            wanted = collapse(snippet)
            if not any(wanted in texts.get(source, "") for source in sources_of(row)):
                missing.append(f"{row['id']}: {snippet[:60]!r}")
    assert not missing, "evidence not found verbatim:\n" + "\n".join(missing)
