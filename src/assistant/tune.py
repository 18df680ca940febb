"""Chooses the chunk size and overlap by measured retrieval quality on the tuning questions.

For each (chunk_chars, overlap) in a small grid it builds a private index of seeds/ (sharing the
embedding cache), runs the tuning part of the evaluation set through retrieval and answering, and
writes eval/chunking.json and eval/chunking.md. Only the tuning part is used: the held-out part
stays unseen. Imports: settings, answer, ingest, evaluate.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from assistant.settings import ROOT, Settings

GRID: list[tuple[int, int]] = [(600, 100), (750, 0), (900, 0), (900, 150), (1200, 0), (1200, 200)]


def measure(settings: Settings, questions: list[Any]) -> dict[str, float]:
    """recall@1/@5/@10, MRR and answer accuracy of one configuration on `questions`."""
    from assistant.answer import Assistant
    from assistant.evaluate import answer_matches, evidence_rank

    assistant = Assistant.open(settings, build_if_missing=True, quiet=True)
    ranks: list[int | None] = []
    correct: list[bool] = []
    for q in questions:
        data = assistant.ask(q.question).to_dict()
        if q.answerable:
            ranks.append(evidence_rank(q, data["retrieved"]))
            correct.append(not data["abstained"] and answer_matches(data["answer"], q.variants))
        else:
            correct.append(bool(data["abstained"]))
    n = max(len(ranks), 1)
    return {
        "recall_at_1": sum(r is not None and r <= 1 for r in ranks) / n,
        "recall_at_5": sum(r is not None and r <= 5 for r in ranks) / n,
        "recall_at_10": sum(r is not None and r <= 10 for r in ranks) / n,
        "mrr": sum(1 / r for r in ranks if r) / n,
        "answer_accuracy": sum(correct) / max(len(correct), 1),
        "chunks": assistant.store.count(),
    }


def abstention_curve(settings: Settings, questions: list[Any]) -> list[dict[str, float]]:
    """Answer quality on `questions` for a range of confidence thresholds (retrieval once)."""
    from assistant.answer import Assistant, analyse
    from assistant.evaluate import answer_matches

    assistant = Assistant.open(settings, build_if_missing=True, quiet=True)
    prepared = [
        (q, analyse(q.question), assistant.retriever.search(q.question, 10)) for q in questions
    ]
    rows = []
    original = assistant.settings.min_confidence
    try:
        for step in range(0, 13):  # half to twice the configured threshold
            threshold = round(original * (0.5 + 0.125 * step), 3)
            assistant.settings.min_confidence = threshold
            right = wrong = declined = declined_ok = n_unanswerable = 0
            for q, info, passages in prepared:
                answer = assistant._answer(info, passages)
                if not q.answerable:
                    n_unanswerable += 1
                    declined_ok += answer.abstained
                elif answer.abstained:
                    declined += 1
                elif answer_matches(answer.answer, q.variants):
                    right += 1
                else:
                    wrong += 1
            n = max(right + wrong + declined, 1)
            rows.append(
                {
                    "threshold": round(threshold, 2),
                    "answer_accuracy": right / n,
                    "wrong_answers": wrong / n,
                    "false_declines": declined / n,
                    "unanswerable_declined": declined_ok / max(n_unanswerable, 1),
                }
            )
    finally:
        assistant.settings.min_confidence = original
    return rows


def main_abstention(settings: Settings, out_dir: Path | None = None) -> int:
    """Writes eval/abstention.md: the trade-off of the confidence threshold on tuning questions."""
    from assistant.evaluate import load_questions, select_split

    out_dir = out_dir or ROOT / "eval"
    questions = select_split(load_questions(ROOT / "eval" / "questions.jsonl"), "tune")
    rows = abstention_curve(settings, questions)
    lines = [
        "# Abstention threshold: false declines against wrong answers",
        "",
        f"{len(questions)} tuning questions; `VRAAGBAAK_MIN_CONFIDENCE` is "
        f"{settings.min_confidence}. Written by `assistant tune`. Shares of answerable questions "
        "(right, wrong, declined) and of unanswerable ones declined.",
        "",
        "| threshold | right | wrong | false declines | unanswerables declined |",
        "|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r['threshold']:.2f} | {r['answer_accuracy']:.3f} | {r['wrong_answers']:.3f} | "
        f"{r['false_declines']:.3f} | {r['unanswerable_declined']:.3f} |"
        for r in rows
    ]
    (out_dir / "abstention.json").write_text(json.dumps(rows, indent=2))
    (out_dir / "abstention.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines[4:]))
    return 0


def main_tune(settings: Settings, out_dir: Path | None = None) -> int:
    from tqdm import tqdm

    from assistant.evaluate import load_questions, select_split

    out_dir = out_dir or ROOT / "eval"
    questions = select_split(load_questions(ROOT / "eval" / "questions.jsonl"), "tune")
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="vraagbaak-tune-") as tmp:
        for chars, overlap in tqdm(GRID, desc="chunk sizes", file=sys.stderr):
            config = settings.model_copy(
                update={
                    "vectorstore_dir": Path(tmp) / f"c{chars}-{overlap}",
                    "cache_path": settings.embedding_cache,
                    "chunk_chars": chars,
                    "chunk_overlap_chars": overlap,
                }
            )
            rows.append(
                {"chunk_chars": chars, "overlap_chars": overlap} | measure(config, questions)
            )
    best = max(rows, key=lambda r: (r["recall_at_5"], r["answer_accuracy"], r["mrr"]))
    (out_dir / "chunking.json").write_text(
        json.dumps(
            {"questions": len(questions), "split": "tune", "rows": rows, "best": best}, indent=2
        )
    )
    lines = [
        "# Chunk size and overlap, measured on the tuning questions",
        "",
        f"{len(questions)} tuning questions (held-out part not used). Written by `assistant tune`.",
        "",
        "| chunk chars | overlap | chunks | recall@1 | recall@5 | recall@10 | MRR | answer acc. |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['chunk_chars']} | {r['overlap_chars']} | {r['chunks']} | "
            f"{r['recall_at_1']:.3f} | {r['recall_at_5']:.3f} | {r['recall_at_10']:.3f} | "
            f"{r['mrr']:.3f} | {r['answer_accuracy']:.3f} |"
        )
    lines += [
        "",
        f"Best by recall@5, then answer accuracy: {best['chunk_chars']} characters with "
        f"{best['overlap_chars']} overlap (the defaults in settings.py should match).",
    ]
    (out_dir / "chunking.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines[4:]))
    return main_abstention(settings, out_dir)
