"""Tunes on the tuning questions: chunk size and overlap, the abstention threshold, the weights.

For each (chunk_chars, overlap) in a small grid it builds a private index of seeds/ (sharing the
embedding cache), runs the tuning part of the evaluation set through retrieval and answering, and
writes eval/chunking.json and eval/chunking.md; then sweeps the confidence threshold
(eval/abstention.md). `--weights N` runs a random search over the answerer's weights
(eval/weights.md, a proposal). Choices use only the tuning part; the held-out part is at most
reported. Imports: settings, answer, ingest, evaluate.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from assistant.settings import ROOT, Settings

GRID: list[tuple[int, int]] = [(600, 100), (750, 0), (900, 0), (900, 150), (1200, 0), (1200, 200)]


def best_chunking(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The chunking whose answers are best, then its retrieval: answers are what the targets
    judge (with 1200 characters recall@5 was higher, but the answerer, tuned on 900-character
    passages, lost 3 points of accuracy)."""
    return max(rows, key=lambda r: (r["answer_accuracy"], r["recall_at_5"], r["mrr"]))


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


def prepare(settings: Settings, questions: list[Any]) -> tuple[Any, list[tuple[Any, Any, Any]]]:
    """The Assistant and, per question, its analysis and retrieved passages (retrieval is the
    slow part, so it runs once; answering is then repeated under other settings)."""
    from assistant.answer import READ, Assistant, analyse

    assistant = Assistant.open(settings, build_if_missing=True, quiet=True)
    prepared = [
        (q, analyse(q.question), assistant.retriever.search(q.question, READ)) for q in questions
    ]
    return assistant, prepared


def outcomes(assistant: Any, prepared: list[tuple[Any, Any, Any]]) -> dict[str, float]:
    """Shares of answerable questions right / wrong / declined, of unanswerable ones declined,
    and of all questions handled well (right or rightly declined)."""
    from assistant.evaluate import answer_matches

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
    return {
        "answer_accuracy": right / n,
        "wrong_answers": wrong / n,
        "false_declines": declined / n,
        "unanswerable_declined": declined_ok / max(n_unanswerable, 1),
        "overall": (right + declined_ok) / max(len(prepared), 1),
    }


def abstention_curve(settings: Settings, questions: list[Any]) -> list[dict[str, float]]:
    """Answer quality on `questions` for a range of confidence thresholds (retrieval once)."""
    assistant, prepared = prepare(settings, questions)
    rows = []
    original = assistant.settings.min_confidence
    try:
        for step in range(0, 13):  # half to twice the configured threshold
            threshold = round(original * (0.5 + 0.125 * step), 3)
            assistant.settings.min_confidence = threshold
            rows.append({"threshold": round(threshold, 2)} | outcomes(assistant, prepared))
    finally:
        assistant.settings.min_confidence = original
    return rows


def search_weights(
    settings: Settings,
    tune_qs: list[Any],
    heldout_qs: list[Any],
    steps: int,
    keys: list[str] | None = None,
    min_gain: int = 2,
) -> dict[str, Any]:
    """Coordinate search over the answerer's weights (answer.W) and the confidence threshold:
    in each of at most `steps` sweeps every weight in turn (or those in `keys`) is tried at
    0.6 and 1.5 times its value, and a change is kept when it handles at least `min_gain`
    more tuning questions well; a sweep without a change ends the search. Chosen on the
    tuning questions only; the held-out figures are reported, never used to choose. answer.W
    and the threshold are restored afterwards: the result is a proposal."""
    from tqdm import tqdm

    from assistant import answer

    assistant, tune_prep = prepare(settings, tune_qs)
    heldout_prep = [
        (q, answer.analyse(q.question), assistant.retriever.search(q.question, answer.READ))
        for q in heldout_qs
    ]
    original_w, original_t = dict(answer.W), assistant.settings.min_confidence
    names = [*(keys or original_w), "threshold"]

    def measure_with(w: dict[str, float], t: float, prep: list[Any]) -> dict[str, float]:
        answer.W.clear()
        answer.W.update(w)
        assistant.settings.min_confidence = t
        return outcomes(assistant, prep)

    try:
        best_w, best_t = dict(original_w), original_t
        best = before = measure_with(best_w, best_t, tune_prep)
        heldout_before = measure_with(best_w, best_t, heldout_prep)
        for _ in tqdm(range(steps), desc="sweeps", file=sys.stderr):
            changed = False
            for name in tqdm(names, desc="weights", leave=False, file=sys.stderr):
                for factor in (0.6, 1.5):
                    w, t = dict(best_w), best_t
                    if name == "threshold":
                        t = best_t * (0.9 if factor < 1 else 1.1)  # the threshold is sensitive
                    else:
                        w[name] = best_w[name] * factor
                    found = measure_with(w, t, tune_prep)
                    gain = (found["overall"] - best["overall"]) * len(tune_prep)
                    if gain >= min_gain - 1e-9:
                        best_w, best_t, best, changed = w, t, found, True
                        break
            if not changed:
                break
        heldout_after = measure_with(best_w, best_t, heldout_prep)
    finally:
        answer.W.clear()
        answer.W.update(original_w)
        assistant.settings.min_confidence = original_t
    return {
        "steps": steps,
        "before": {"tune": before, "heldout": heldout_before, "threshold": original_t},
        "after": {"tune": best, "heldout": heldout_after, "threshold": round(best_t, 3)},
        "weights": {k: round(v, 3) for k, v in best_w.items()},
    }


def write_report(out_dir: Path, name: str, data: Any, lines: list[str]) -> int:
    """Writes NAME.json and NAME.md into out_dir (made if missing) and prints the table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{name}.json").write_text(json.dumps(data, indent=2))
    (out_dir / f"{name}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines[4:]))
    return 0


def main_weights(settings: Settings, steps: int, out_dir: Path | None = None) -> int:
    """Writes eval/weights.md: proposed answer.W and threshold, with before/after figures."""
    from assistant.evaluate import load_questions, select_split

    out_dir = out_dir or ROOT / "eval"
    questions = load_questions(ROOT / "eval" / "questions.jsonl")
    result = search_weights(
        settings, select_split(questions, "tune"), select_split(questions, "heldout"), steps
    )
    lines = [
        "# Answerer weights: a coordinate search on the tuning questions",
        "",
        f"At most {steps} sweep{'s' if steps != 1 else ''}; each weight in turn at 0.6 and 1.5 "
        "times its value, kept when it handles at least two more tuning questions well. Chosen "
        "on the tuning split only; the held-out split shows whether the choice generalises. "
        "Written by `assistant tune --weights N`. Nothing is changed: to "
        "adopt the proposal, put the weights in `answer.W` and the threshold in "
        "`Settings.min_confidence`, then run `assistant eval --gate`.",
        "",
        "| | threshold | tune: handled well | tune: right | held-out: handled well "
        "| held-out: right |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name in ("before", "after"):
        r = result[name]
        lines.append(
            f"| {name} | {r['threshold']:.3f} | {r['tune']['overall']:.3f} | "
            f"{r['tune']['answer_accuracy']:.3f} | {r['heldout']['overall']:.3f} | "
            f"{r['heldout']['answer_accuracy']:.3f} |"
        )
    lines += ["", "```python", "W = {"]
    lines += [f'    "{k}": {v},' for k, v in result["weights"].items()]
    lines += ["}", "```"]
    return write_report(out_dir, "weights", result, lines)


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
    return write_report(out_dir, "abstention", rows, lines)


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
    best = best_chunking(rows)
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
        f"Best by answer accuracy, then recall@5: {best['chunk_chars']} characters with "
        f"{best['overlap_chars']} overlap (the defaults in settings.py should match).",
    ]
    data = {"questions": len(questions), "split": "tune", "rows": rows, "best": best}
    write_report(out_dir, "chunking", data, lines)
    return main_abstention(settings, out_dir)
