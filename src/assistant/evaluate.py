"""Evaluation: Vraagbaak against a plain LangChain RAG baseline on eval/questions.jsonl.

Every question goes through `Assistant.ask` (the code path of `assistant ask` and the API) and
through the baseline a user would build first (recursive 1000/200 character chunks of the raw
text, dense top-10, the top chunk as the "answer"). Both are scored the same way: retrieval
recall@1/@5/@10 and MRR, answer accuracy, declined unanswerables, false declines, citation
validity (the cited lines of the original file hold the quote), evidence cited, the highlighted
figure (ours only: the figure `assistant ask` and the chat page mark) and warm latency,
overall and per kind, document and language, for the held-out part, the tuning part and all.
The results go to eval/report.json, eval/report.md and eval/report-kinds.png; `--gate` checks
the held-out figures against the thresholds in eval/gate.toml.

Imports from the package: settings, chunk (is_footnote), embed, store and answer (the
Assistant); the CLI calls `main_eval`.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
import tomllib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
from tqdm import tqdm

from assistant.chunk import is_footnote
from assistant.settings import ROOT, Settings, get_settings

EVAL_DIR = ROOT / "eval"
DEFAULT_SET = EVAL_DIR / "questions.jsonl"
DEFAULT_GATE = EVAL_DIR / "gate.toml"

KINDS = (
    "number",
    "percentage",
    "date",
    "entity",
    "list",
    "explanation",
    "comparison",
    "unanswerable",
)
SPLITS = ("heldout", "tune", "all")
Split = Literal["heldout", "tune", "all"]

OURS = "vraagbaak"
BASELINE = "baseline"
BASELINE_COLLECTION = "baseline_recursive_1000_200"
BASELINE_CHUNK_SIZE = 1000
BASELINE_CHUNK_OVERLAP = 200
BASELINE_K = 10
MAX_ANSWER_CHARS = 400
RECALL_DEPTHS = (1, 5, 10)

# metric name -> (label, kind) for tables; kind "rate" (0..1), "ms" or "count"
METRICS: dict[str, tuple[str, str]] = {
    "questions": ("questions", "count"),
    "answerable": ("answerable", "count"),
    "unanswerable": ("unanswerable", "count"),
    "recall_at_1": ("retrieval recall@1", "rate"),
    "recall_at_5": ("retrieval recall@5", "rate"),
    "recall_at_10": ("retrieval recall@10", "rate"),
    "mrr": ("MRR (@10)", "rate"),
    "answer_accuracy": ("answer accuracy (answerable)", "rate"),
    "unanswerable_declined": ("unanswerables declined", "rate"),
    "false_decline_rate": ("false declines (answerable)", "rate"),
    "overall_accuracy": ("overall accuracy (all questions)", "rate"),
    "citation_validity": ("citation validity", "rate"),
    "evidence_cited": ("evidence cited", "rate"),
    "highlight_expected": ("highlighted figure is the expected one", "rate"),
    "latency_p50_ms": ("latency p50 (ms, warm)", "ms"),
    "latency_p95_ms": ("latency p95 (ms, warm)", "ms"),
}

# The targets the system must reach (also written as comments in gate.toml).
TARGETS: dict[str, tuple[str, float]] = {
    "recall_at_5": (">=", 0.98),
    "answer_accuracy": (">=", 0.90),
    "unanswerable_declined": (">=", 0.90),
    "false_decline_rate": ("<=", 0.05),
    "citation_validity": (">=", 0.95),
    "latency_p95_ms": ("<=", 250.0),
}


class EvalError(RuntimeError):
    """A bad question set or gate file; the message is one line for the user."""


# --------------------------------------------------------------------------- the question set


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answer: str
    variants: tuple[str, ...]
    sources: tuple[str, ...]  # empty for unanswerable questions; two for cross-document ones
    evidence: tuple[str, ...]
    kind: str
    lang: str
    split: str
    damaged: bool
    batch: str = ""  # the batch of questions it was written in ("q625-q684"), if recorded

    @property
    def answerable(self) -> bool:
        return self.kind != "unanswerable"


def load_questions(path: Path) -> list[Question]:
    """Reads the JSONL question set; raises EvalError with the line number on a bad line."""
    if not path.exists():
        raise EvalError(f"question set not found: {path}")
    questions: list[Question] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            source = row.get("source")
            sources = tuple(source) if isinstance(source, list) else (source,) if source else ()
            questions.append(
                Question(
                    id=str(row["id"]),
                    question=str(row["question"]),
                    answer=str(row.get("answer") or ""),
                    variants=tuple(str(v) for v in row.get("variants") or []),
                    sources=tuple(str(s) for s in sources),
                    evidence=tuple(str(e) for e in row.get("evidence") or []),
                    kind=str(row["kind"]),
                    lang=str(row.get("lang", "nl")),
                    split=str(row.get("split", "tune")),
                    damaged=bool(row.get("damaged", False)),
                    batch=str(row.get("batch") or ""),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise EvalError(f"{path}:{n}: not a valid question ({exc})") from exc
    return questions


def select_split(questions: Iterable[Question], split: Split) -> list[Question]:
    return [q for q in questions if split == "all" or q.split == split]


# ------------------------------------------------------------------------- matching primitives

_NOT_ALNUM = re.compile(r"[\W_]+", re.UNICODE)
_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Lowercase letters and digits only: insensitive to text repair, spacing and line joins.

    "2 8.000" and "28.000" both become "28000"; "WW -uitkering" and "WW-uitkering" match.
    """
    return _NOT_ALNUM.sub("", text.lower())


def collapse(text: str) -> str:
    """Whitespace runs to one space (how evidence snippets are matched verbatim)."""
    return _SPACES.sub(" ", text).strip()


def answer_matches(answer: str, variants: Sequence[str]) -> bool:
    """An accepted variant occurs in the answer (case-insensitive, whitespace collapsed)."""
    text = collapse(answer).lower()
    return any(collapse(v).lower() in text for v in variants if v.strip())


def _numbers(text: str) -> list[str]:
    """The numbers of a text, separators dropped ('28.000' and '28000' alike)."""
    return [re.sub(r"[.,]", "", n) for n in re.findall(r"\d+(?:[.,]\d+)*", text)]


def highlight_matches(highlight: str, variants: Sequence[str]) -> bool:
    """The figure an answer highlights is the expected one: its first number is a number of an
    accepted variant ('17%' for '17 procent'), or, a figure in words ('een kwart'), it occurs
    in one."""
    numbers, letters = _numbers(highlight), squash(highlight)
    return any(
        numbers[0] in _numbers(v) if numbers else bool(letters) and letters in squash(v)
        for v in variants
    )


def source_lines(seeds_dir: Path, source: str) -> tuple[str, ...] | None:
    """The lines of the original file seeds/<source>, or None when it does not exist."""
    from assistant.answer import raw_lines  # the same reading the citations are made with

    return raw_lines(str(seeds_dir / source)) if source else None


def cited_text(seeds_dir: Path, citation: dict[str, Any]) -> str | None:
    """The original lines line_start..line_end (1-based, inclusive) a citation points at."""
    lines = source_lines(seeds_dir, str(citation.get("source") or ""))
    start, end = citation.get("line_start"), citation.get("line_end")
    if lines is None or start is None or end is None:
        return None
    start, end = int(start), int(end)
    if start < 1 or end < start or end > len(lines):
        return None
    return "\n".join(lines[start - 1 : end])


def citation_is_valid(seeds_dir: Path, citation: dict[str, Any]) -> bool:
    """The cited lines of the original file contain the quote (squashed compare), where a
    footnote line inside a sentence may be skipped (the chunks keep footnotes apart)."""
    text = cited_text(seeds_dir, citation)
    quote = squash(str(citation.get("quote") or ""))
    if text is None or not quote:
        return False
    without_notes = "\n".join(line for line in text.split("\n") if not is_footnote(line))
    return quote in squash(text) or quote in squash(without_notes)


def evidence_is_cited(seeds_dir: Path, evidence: Sequence[str], citations: list[dict]) -> bool:
    """Every evidence snippet lies within the lines of some citation (squashed compare)."""
    if not evidence or not citations:
        return False
    texts = [squash(t) for c in citations if (t := cited_text(seeds_dir, c)) is not None]
    return all(any(squash(e) in t for t in texts) for e in evidence)


def evidence_rank(q: Question, retrieved: Sequence[dict[str, Any]]) -> int | None:
    """The 1-based rank at which all of the question's evidence has been retrieved, or None.

    A snippet is found at rank r when the r-th passage is from one of the question's sources and
    its text contains the snippet (squashed compare).
    """
    if not q.evidence:
        return None
    wanted = {squash(e) for e in q.evidence}
    for rank, passage in enumerate(retrieved, start=1):
        if q.sources and passage.get("source") not in q.sources:
            continue
        text = squash(str(passage.get("text") or ""))
        wanted = {e for e in wanted if e not in text}
        if not wanted:
            return rank
    return None


# ------------------------------------------------------------------------------------ systems


class System(Protocol):
    """Anything that answers like `Assistant.ask(...).to_dict()`."""

    name: str
    label: str

    def ask(self, question: str) -> dict[str, Any]: ...


class VraagbaakSystem:
    """Our pipeline, through exactly the call `assistant ask` makes; with the figure it
    highlights, as the chat API sends it beside the answer."""

    name = OURS
    label = "Vraagbaak"

    def __init__(self, assistant: Any) -> None:
        self.assistant = assistant

    def ask(self, question: str) -> dict[str, Any]:
        answer = self.assistant.ask(question)
        return {**answer.to_dict(), "highlight": list(answer.highlight)}


def _failed(question: str, exc: Exception) -> dict[str, Any]:
    """What a question that raised counts as: a declined answer that carries the error."""
    return {
        "question": question,
        "answer": "",
        "abstained": True,
        "citations": [],
        "retrieved": [],
        "error": f"{exc.__class__.__name__}: {exc}",
    }


@dataclass(frozen=True)
class RawChunk:
    source: str
    text: str
    line_start: int
    line_end: int

    @property
    def id(self) -> str:
        key = f"{self.source}\n{self.line_start}\n{self.text}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def baseline_chunks(seeds_dir: Path) -> list[RawChunk]:
    """RecursiveCharacterTextSplitter(1000, 200) over the raw text of every file, with lines."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=BASELINE_CHUNK_SIZE, chunk_overlap=BASELINE_CHUNK_OVERLAP, add_start_index=True
    )
    chunks: list[RawChunk] = []
    for path in sorted(p for p in seeds_dir.iterdir() if p.is_file() and p.suffix == ".txt"):
        text = "\n".join(source_lines(seeds_dir, path.name) or ())
        for doc in splitter.create_documents([text]):
            start = int(doc.metadata["start_index"])
            first = text.count("\n", 0, start) + 1
            last = first + doc.page_content.count("\n")
            chunks.append(RawChunk(path.name, doc.page_content, first, last))
    return chunks


class BaselineRAG:
    """The plain LangChain RAG: raw recursive chunks in Chroma, dense top-10, top chunk answers.

    Uses the same embedder and the same Chroma client as the main index, in its own collection.
    Never abstains; cites its top chunk.
    """

    name = BASELINE
    label = "baseline (recursive 1000/200, dense top-10)"

    def __init__(self, settings: Settings, embedder: Any | None = None, quiet: bool = True):
        from langchain_chroma import Chroma

        from assistant.embed import make_embedder
        from assistant.store import get_client

        self.settings = settings
        self.embedder = embedder if embedder is not None else make_embedder(settings)
        self.vs = Chroma(
            client=get_client(settings),
            collection_name=BASELINE_COLLECTION,
            embedding_function=self.embedder,
        )
        self._build(baseline_chunks(settings.seeds_dir), quiet)

    def _build(self, chunks: list[RawChunk], quiet: bool) -> None:
        """add_texts once; skipped when the collection already holds exactly these chunks."""
        collection = self.vs._collection
        wanted = {c.id for c in chunks}
        if collection.count() == len(chunks) and set(collection.get(include=[])["ids"]) == wanted:
            return
        if collection.count():  # built from other files or another splitter: start over
            self.vs.reset_collection()
        batch = 32
        bar = tqdm(
            total=len(chunks),
            desc="baseline index",
            unit="chunk",
            file=sys.stderr,
            disable=quiet,
            dynamic_ncols=True,
        )
        for i in range(0, len(chunks), batch):
            part = chunks[i : i + batch]
            self.vs.add_texts(
                texts=[c.text for c in part],
                metadatas=[
                    {"source": c.source, "line_start": c.line_start, "line_end": c.line_end}
                    for c in part
                ],
                ids=[c.id for c in part],
            )
            bar.update(len(part))
        bar.close()

    def ask(self, question: str) -> dict[str, Any]:
        docs = self.vs.similarity_search(question, k=BASELINE_K)
        retrieved = [
            {
                "source": d.metadata.get("source"),
                "text": d.page_content,
                "score": None,
                "page": None,
                "line_start": d.metadata.get("line_start"),
                "line_end": d.metadata.get("line_end"),
            }
            for d in docs
        ]
        top = retrieved[0] if retrieved else None
        citations = (
            [
                {
                    "source": top["source"],
                    "title": top["source"],
                    "date": None,
                    "page": None,
                    "line_start": top["line_start"],
                    "line_end": top["line_end"],
                    "quote": top["text"],
                }
            ]
            if top
            else []
        )
        return {
            "question": question,
            "answer": top["text"][:MAX_ANSWER_CHARS] if top else "",
            "abstained": False,
            "citations": citations,
            "retrieved": retrieved,
        }


# -------------------------------------------------------------------------------- scoring


@dataclass
class Result:
    """One question answered by one system, scored."""

    id: str
    system: str
    split: str
    kind: str
    lang: str
    sources: list[str]
    damaged: bool
    question: str
    expected: str
    answer: str
    abstained: bool
    correct: bool  # answerable: a variant in a short answer; unanswerable: declined
    rank: int | None  # where all evidence had been retrieved (answerable only)
    citation_valid: bool | None  # answerable and answered only
    evidence_cited: bool | None
    latency_ms: float
    citations: list[dict[str, Any]] = field(default_factory=list)
    top_retrieved: list[str] = field(default_factory=list)
    error: str | None = None
    batch: str = ""
    highlight: str | None = None  # the first figure the answer highlights
    highlight_ok: bool | None = None  # a correct answer's highlight is the expected figure

    @property
    def answerable(self) -> bool:
        return self.kind != "unanswerable"

    def problems(self) -> list[str]:
        found: list[str] = [f"error: {self.error}"] if self.error else []
        if not self.answerable:
            if not self.abstained:
                found.append("answered an unanswerable question")
            return found
        if self.abstained:
            found.append("declined")
        elif not self.correct:
            too_long = len(self.answer) > MAX_ANSWER_CHARS
            found.append("answer too long" if too_long else "wrong answer")
        if self.rank is None:
            found.append("evidence not retrieved (top 10)")
        elif self.rank > 5:
            found.append(f"evidence only at rank {self.rank}")
        if self.citation_valid is False:
            found.append("invalid citation")
        if self.evidence_cited is False:
            found.append("evidence not cited")
        return found


def score(q: Question, got: dict[str, Any], latency_ms: float, system: str, seeds: Path) -> Result:
    answer = str(got.get("answer") or "")
    abstained = bool(got.get("abstained"))
    citations = [dict(c) for c in got.get("citations") or []]
    retrieved = list(got.get("retrieved") or [])
    if q.answerable:
        correct = (
            not abstained
            and len(answer) <= MAX_ANSWER_CHARS
            and answer_matches(answer, q.variants or (q.answer,))
        )
        rank = evidence_rank(q, retrieved[:10])
        answered = not abstained
        cit_valid = (
            bool(citations) and all(citation_is_valid(seeds, c) for c in citations)
            if answered
            else None
        )
        ev_cited = evidence_is_cited(seeds, q.evidence, citations) if answered else None
    else:
        correct, rank, cit_valid, ev_cited = abstained, None, None, None
    shown = [str(h) for h in got.get("highlight") or []]
    highlight_ok = (
        highlight_matches(shown[0], (q.answer, *q.variants))
        if correct and q.answerable and shown
        else None
    )
    return Result(
        id=q.id,
        system=system,
        split=q.split,
        kind=q.kind,
        lang=q.lang,
        sources=list(q.sources),
        damaged=q.damaged,
        question=q.question,
        expected=q.answer,
        answer="" if abstained else answer,
        abstained=abstained,
        correct=correct,
        rank=rank,
        citation_valid=cit_valid,
        evidence_cited=ev_cited,
        latency_ms=round(latency_ms, 2),
        batch=q.batch,
        citations=[  # quotes shortened: the report is for reading, the check is done above
            {
                "source": c.get("source"),
                "line_start": c.get("line_start"),
                "line_end": c.get("line_end"),
                "quote": _shorten(str(c.get("quote") or ""), 160),
            }
            for c in citations
        ],
        top_retrieved=[
            f"{p.get('source')}:{p.get('line_start')}-{p.get('line_end')}" for p in retrieved[:3]
        ],
        error=got.get("error"),
        highlight=shown[0] if shown else None,
        highlight_ok=highlight_ok,
    )


def _shorten(text: str, limit: int) -> str:
    text = collapse(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _rate(values: Sequence[bool]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _percentile(values: Sequence[float], q: float) -> float | None:
    return round(float(np.percentile(values, q)), 1) if values else None


def metrics(results: Sequence[Result]) -> dict[str, float | int | None]:
    """All metrics over a group of results (None where a metric has no questions)."""
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    ranks = [r.rank for r in answerable]
    answered = [r for r in answerable if not r.abstained]
    out: dict[str, float | int | None] = {
        "questions": len(results),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
    }
    for depth in RECALL_DEPTHS:
        out[f"recall_at_{depth}"] = _rate([r is not None and r <= depth for r in ranks])
    out["mrr"] = round(sum(1.0 / r if r else 0.0 for r in ranks) / len(ranks), 4) if ranks else None
    out["answer_accuracy"] = _rate([r.correct for r in answerable])
    out["unanswerable_declined"] = _rate([r.abstained for r in unanswerable])
    out["false_decline_rate"] = _rate([r.abstained for r in answerable])
    out["overall_accuracy"] = _rate([r.correct for r in results])
    out["citation_validity"] = _rate([bool(r.citation_valid) for r in answered])
    out["evidence_cited"] = _rate([bool(r.evidence_cited) for r in answered])
    out["highlight_expected"] = _rate(
        [r.highlight_ok for r in answerable if r.highlight_ok is not None]
    )
    latencies = [r.latency_ms for r in results]
    out["latency_p50_ms"] = _percentile(latencies, 50)
    out["latency_p95_ms"] = _percentile(latencies, 95)
    return out


def _grouped(results: Sequence[Result], key: Callable[[Result], Iterable[str]]) -> dict[str, Any]:
    groups: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        for k in key(r):
            groups[k].append(r)
    return {k: metrics(groups[k]) for k in sorted(groups)}


def breakdown(results: Sequence[Result]) -> dict[str, Any]:
    """Overall, per kind, per document, per language and per batch of questions (a new
    batch's held-out half is the nearest to questions nobody has seen)."""
    order = {k: i for i, k in enumerate(KINDS)}
    by_kind = _grouped(results, lambda r: [r.kind])
    return {
        "overall": metrics(results),
        "by_kind": dict(sorted(by_kind.items(), key=lambda kv: order.get(kv[0], 99))),
        "by_source": _grouped(results, lambda r: r.sources or ["(none: unanswerable)"]),
        "by_lang": _grouped(results, lambda r: [r.lang]),
        "by_batch": _grouped(results, lambda r: [r.batch] if r.batch else []),
    }


def by_split(results: Sequence[Result]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for split in SPLITS:
        part = [r for r in results if split == "all" or r.split == split]
        if part:
            out[split] = breakdown(part)
    return out


# -------------------------------------------------------------------------------- running


def run_system(
    system: System,
    questions: Sequence[Question],
    seeds_dir: Path,
    *,
    quiet: bool = False,
    warmup: bool = True,
) -> list[Result]:
    """Asks every question (after one untimed warm-up ask) and scores the answers."""
    if warmup and questions:
        system.ask(questions[0].question)
    results: list[Result] = []
    bar = tqdm(
        questions, desc=system.name, unit="q", file=sys.stderr, disable=quiet, dynamic_ncols=True
    )
    for q in bar:
        started = time.perf_counter()
        try:
            got = system.ask(q.question)
        except Exception as exc:  # one broken question must not hide the others' results
            got = _failed(q.question, exc)
        elapsed = (time.perf_counter() - started) * 1000
        results.append(score(q, got, elapsed, system.name, seeds_dir))
        bar.set_postfix_str(
            f"correct {sum(r.correct for r in results)}/{len(results)}", refresh=False
        )
    return results


def build_report(
    runs: dict[str, list[Result]],
    labels: dict[str, str],
    questions_path: Path,
    settings: Settings,
    split: Split,
) -> dict[str, Any]:
    report: dict[str, Any] = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "question_set": str(questions_path),
        "split": split,
        "settings": {
            k: getattr(settings, k)
            for k in (
                "embedder",
                "chunk_chars",
                "chunk_overlap_chars",
                "k",
                "candidates",
                "rrf_k",
                "dense_weight",
                "bm25_weight",
                "min_confidence",
            )
        },
        "targets": {k: {"op": op, "value": v} for k, (op, v) in TARGETS.items()},
        "systems": {},
        "failures": {},
        "results": {},
    }
    for name, results in runs.items():
        report["systems"][name] = {"label": labels[name], "metrics": by_split(results)}
        report["failures"][name] = [
            {
                "id": r.id,
                "split": r.split,
                "kind": r.kind,
                "lang": r.lang,
                "source": r.sources,
                "damaged": r.damaged,
                "question": r.question,
                "expected": r.expected or "(decline)",
                "answered": "(declined)" if r.abstained else r.answer,
                "problems": problems,
                "evidence_rank": r.rank,
                "citations": [
                    f"{c['source']}:{c['line_start']}-{c['line_end']}" for c in r.citations
                ],
            }
            for r in results
            if (problems := r.problems())
        ]
        report["results"][name] = [asdict(r) for r in results]
    return report


# ------------------------------------------------------------------------------------ gate


@dataclass(frozen=True)
class Gate:
    split: str
    minimum: dict[str, float]
    maximum: dict[str, float]


def load_gate(path: Path) -> Gate:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise EvalError(f"gate file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise EvalError(f"{path}: not valid TOML: {exc}") from exc
    gate = Gate(
        split=str(data.get("split", "heldout")),
        minimum={k: float(v) for k, v in data.get("min", {}).items()},
        maximum={k: float(v) for k, v in data.get("max", {}).items()},
    )
    unknown = [k for k in [*gate.minimum, *gate.maximum] if k not in METRICS]
    if unknown:
        raise EvalError(f"{path}: unknown metric(s): {', '.join(unknown)}")
    if gate.split not in SPLITS:
        raise EvalError(f"{path}: split must be one of {', '.join(SPLITS)}")
    return gate


def check_gate(measured: dict[str, Any], gate: Gate) -> list[str]:
    """One line per metric that misses its threshold; empty when the gate passes."""
    failures: list[str] = []
    for name, limit in gate.minimum.items():
        value = measured.get(name)
        if value is None:
            failures.append(f"{name}: not measured (minimum {limit:g})")
        elif value < limit:
            failures.append(f"{name} = {value:g} is below the minimum {limit:g}")
    for name, limit in gate.maximum.items():
        value = measured.get(name)
        if value is None:
            failures.append(f"{name}: not measured (maximum {limit:g})")
        elif value > limit:
            failures.append(f"{name} = {value:g} is above the maximum {limit:g}")
    return failures


# --------------------------------------------------------------------------------- output


def _fmt(value: Any, kind: str = "rate") -> str:
    if value is None:
        return "–"
    if kind == "count":
        return str(int(value))
    if kind == "ms":
        return f"{value:.0f}"
    return f"{value:.3f}"


def text_table(rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table for the terminal: first row is the header, first column left-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def summary_table(report: dict[str, Any], split: str) -> str:
    """Every metric, ours beside the baseline, for one split."""
    systems = report["systems"]
    names = [n for n in (OURS, BASELINE) if n in systems and split in systems[n]["metrics"]]
    if not names:
        return f"(no {split} questions)"
    rows = [[f"{split} questions", *[systems[n]["label"].split(" (")[0] for n in names]]]
    for key, (label, kind) in METRICS.items():
        rows.append(
            [label, *[_fmt(systems[n]["metrics"][split]["overall"].get(key), kind) for n in names]]
        )
    return text_table(rows)


def _md_table(header: list[str], rows: list[list[str]], numeric: bool = True) -> str:
    """A Markdown table; with `numeric`, every column after the first is right-aligned."""
    sep = ["---:" if numeric and i else "---" for i in range(len(header))]
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join(sep) + " |"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def _md(text: str) -> str:
    return collapse(text).replace("|", "\\|")


_GROUP_COLUMNS = [
    ("recall_at_5", "R@5"),
    ("mrr", "MRR"),
    ("answer_accuracy", "answer acc."),
    ("unanswerable_declined", "declined"),
    ("false_decline_rate", "false decl."),
    ("citation_validity", "cit. valid"),
    ("evidence_cited", "ev. cited"),
    ("latency_p95_ms", "p95 ms (ours)"),
]


def _group_table(report: dict[str, Any], split: str, group: str) -> str:
    systems = report["systems"]
    ours = systems[OURS]["metrics"][split][group]
    base = systems.get(BASELINE, {}).get("metrics", {}).get(split, {}).get(group, {})
    rows = []
    for key, m in ours.items():
        b = base.get(key, {})
        row = [key, str(m["questions"])]
        for metric, _ in _GROUP_COLUMNS:
            kind = METRICS[metric][1]
            cell = _fmt(m.get(metric), kind)
            if b and metric != "latency_p95_ms":
                cell += f" / {_fmt(b.get(metric), kind)}"
            row.append(cell)
        rows.append(row)
    return _md_table([group.removeprefix("by_"), "n", *[h for _, h in _GROUP_COLUMNS]], rows)


def render_markdown(report: dict[str, Any], gate: Gate | None, chart: str | None) -> str:
    systems = report["systems"]
    has_base = BASELINE in systems
    out = [
        "# Vraagbaak evaluation",
        "",
        f"Generated {report['generated_at']} by `assistant eval` from `{report['question_set']}`"
        f" (split: {report['split']}). Every question is asked through `Assistant.ask`, the code "
        "path of `assistant ask` and the API; latencies are warm, per question.",
        "",
        "Scoring: an answer is correct when an accepted variant occurs in it (case-insensitive) "
        f"and it is at most {MAX_ANSWER_CHARS} characters; declining an answerable question is "
        "wrong. Evidence counts as retrieved at the first rank where every evidence snippet has "
        "occurred in a passage from the right document (compared with letters and digits only, "
        "so text repair and line joins do not matter), in the order `retrieved` lists the "
        "passages (reranked by the answerer's best sentence). A citation is valid when the cited "
        "lines of the original file contain its quote; *evidence cited* means the cited lines "
        "contain the evidence. *Highlighted figure* (Vraagbaak only): of the correct answers that "
        "highlight a figure, as `assistant ask` and the chat page mark it, the share whose first "
        "highlighted figure is the expected one (its first number is a number of an accepted "
        "variant; a figure in words occurs in one). Unanswerable questions count only for "
        "*declined*.",
    ]
    if has_base:
        out += [
            "",
            "The baseline is the plain RAG a user would build first: LangChain "
            "`RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)` over the raw "
            "text, the same embedder, a Chroma collection of its own, dense top-10, the top "
            f"chunk (cut to {MAX_ANSWER_CHARS} characters) as the answer and its citation; it "
            "never declines.",
        ]
    for split in SPLITS:
        if split not in systems[OURS]["metrics"]:
            continue
        title = {
            "heldout": "Held-out questions",
            "tune": "Tuning questions",
            "all": "All questions",
        }
        out += ["", f"## {title[split]}", ""]
        header = ["metric", "Vraagbaak"] + (["baseline"] if has_base else [])
        show_gate = gate is not None and gate.split == split
        if show_gate:
            header += ["gate", "target"]
        rows = []
        for key, (label, kind) in METRICS.items():
            row = [label, _fmt(systems[OURS]["metrics"][split]["overall"].get(key), kind)]
            if has_base:
                row.append(_fmt(systems[BASELINE]["metrics"][split]["overall"].get(key), kind))
            if show_gate and gate is not None:
                limit = gate.minimum.get(key, gate.maximum.get(key))
                op = "≥" if key in gate.minimum else "≤"
                row.append(f"{op} {_fmt(limit, kind)}" if limit is not None else "")
                target = TARGETS.get(key)
                row.append(
                    f"{target[0].replace('>=', '≥').replace('<=', '≤')} {_fmt(target[1], kind)}"
                    if target
                    else ""
                )
            rows.append(row)
        out.append(_md_table(header, rows))
        if split == "tune":
            continue
        cells = "Cells: Vraagbaak / baseline." if has_base else ""
        for group, name in (
            ("by_kind", "kind"),
            ("by_source", "document"),
            ("by_lang", "language"),
            ("by_batch", "batch of questions"),
        ):
            if not report["systems"][OURS]["metrics"][split].get(group):
                continue  # no batches recorded
            out += ["", f"### Per {name} ({split})", ""]
            if group == "by_batch":
                out += [
                    "Each batch was written by people who had not seen the system. Only tune "
                    "halves are diagnosed, so a recent batch's held-out half is the nearest to "
                    "questions nobody has seen (the figures of each batch before diagnosis are "
                    "in the issue notes).",
                    "",
                ]
            if cells:
                out += [cells, ""]
            out.append(_group_table(report, split, group))
    if chart:
        out += ["", "## Per kind, all questions", "", f"![per-kind scores]({chart})"]
    failures = report["failures"].get(OURS, [])
    out += ["", f"## Failures of Vraagbaak ({len(failures)})", ""]
    if has_base:
        out += [
            f"The baseline has {len(report['failures'][BASELINE])} questions with problems "
            "(listed in report.json).",
            "",
        ]
    if failures:
        rows = [
            [
                f["id"],
                f["split"],
                f["kind"],
                f["lang"],
                _md(f["question"]),
                _md(f["expected"]),
                _md(f["answered"])[:200],
                "; ".join(f["problems"]),
                str(f["evidence_rank"] or "–"),
            ]
            for f in sorted(failures, key=lambda f: (f["split"] != "heldout", f["kind"], f["id"]))
        ]
        header = [
            "id",
            "split",
            "kind",
            "lang",
            "question",
            "expected",
            "answered",
            "problems",
            "ev. rank",
        ]
        out.append(_md_table(header, rows, numeric=False))
    else:
        out.append("None.")
    return "\n".join(out) + "\n"


def plot_kinds(report: dict[str, Any], path: Path) -> None:
    """Per kind, all questions, ours vs baseline: answer accuracy (for unanswerable questions:
    declined) and retrieval recall@5 (answerable kinds only)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    systems = report["systems"]
    ours = systems[OURS]["metrics"]["all"]["by_kind"]
    base = systems.get(BASELINE, {}).get("metrics", {}).get("all", {}).get("by_kind", {})
    answer_kinds = list(ours)
    panels = [
        ("answer accuracy (unanswerable: declined)", "answer_accuracy", answer_kinds),
        ("retrieval recall@5", "recall_at_5", [k for k in answer_kinds if k != "unanswerable"]),
    ]
    fig, axes = plt.subplots(1, 2, figsize=(13, 5), sharey=True)
    width = 0.38 if base else 0.6
    for ax, (title, metric, kinds) in zip(axes, panels, strict=True):
        x = np.arange(len(kinds))
        for group, label, color, shift in [
            (ours, "Vraagbaak", "#1f6f8b", -width / 2 if base else 0.0),
            (base, "baseline", "#c8a951", width / 2),
        ]:
            if not group:
                continue
            values = [
                group.get(k, {}).get("unanswerable_declined" if k == "unanswerable" else metric)
                or 0.0
                for k in kinds
            ]
            ax.bar(x + shift, values, width, label=label, color=color)
        labels = [f"{k}\n(n={ours[k]['questions']})" for k in kinds]
        ax.set_xticks(x, labels, fontsize=8, rotation=30, ha="right")
        ax.set_title(title)
        ax.set_ylim(0, 1.05)
        ax.grid(axis="y", alpha=0.3)
    axes[0].set_ylabel("score")
    axes[0].legend(loc="upper right")
    fig.suptitle("Vraagbaak vs plain LangChain RAG, per question kind (all questions)")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)


def write_report(
    report: dict[str, Any], out_dir: Path, gate: Gate | None = None
) -> dict[str, Path]:
    """Writes report.json, report-kinds.png and report.md into out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {
        "json": out_dir / "report.json",
        "md": out_dir / "report.md",
        "png": out_dir / "report-kinds.png",
    }
    paths["json"].write_text(
        json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    chart: str | None = None
    if "all" in report["systems"][OURS]["metrics"]:
        plot_kinds(report, paths["png"])
        chart = paths["png"].name
    paths["md"].write_text(render_markdown(report, gate, chart), encoding="utf-8")
    return paths


# ------------------------------------------------------------------------------ entry point


def main_eval(
    set_path: Path | None = None,
    *,
    gate: bool = False,
    baseline: bool = True,
    split: Split = "all",
    out_dir: Path | None = None,
    gate_path: Path | None = None,
    settings: Settings | None = None,
    assistant: Any | None = None,
    quiet: bool = False,
) -> int:
    """`assistant eval`: runs the set, writes the report, prints a summary; returns the exit code.

    0: done (and the gate passed, with `gate`); 1: the gate failed (one line per metric on
    stdout); 2: the question set or gate file is unusable. `assistant` may be an open Assistant
    (tests); otherwise one is opened with `settings` (default: the environment). Progress bars go
    to stderr, the summary table to stdout.
    """
    set_path = Path(set_path) if set_path else DEFAULT_SET
    out_dir = Path(out_dir) if out_dir else EVAL_DIR
    gate_path = Path(gate_path) if gate_path else DEFAULT_GATE
    try:
        questions = select_split(load_questions(set_path), split)
        gate_cfg = load_gate(gate_path) if gate else None
    except EvalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not questions:
        print(f"error: no {split} questions in {set_path}", file=sys.stderr)
        return 2
    if gate_cfg and not select_split(questions, gate_cfg.split):  # type: ignore[arg-type]
        print(
            f"error: the gate needs {gate_cfg.split} questions; --split {split} has none",
            file=sys.stderr,
        )
        return 2

    if assistant is None:
        from assistant.answer import Assistant

        assistant = Assistant.open(settings or get_settings(), build_if_missing=True, quiet=quiet)
    settings = assistant.settings
    systems: list[System] = [VraagbaakSystem(assistant)]
    if baseline:
        embedder = getattr(getattr(assistant, "store", None), "embedder", None)
        systems.append(BaselineRAG(settings, embedder=embedder, quiet=quiet))

    runs = {s.name: run_system(s, questions, settings.seeds_dir, quiet=quiet) for s in systems}
    report = build_report(runs, {s.name: s.label for s in systems}, set_path, settings, split)

    failures: list[str] = []
    if gate_cfg:
        measured = report["systems"][OURS]["metrics"][gate_cfg.split]["overall"]
        failures = check_gate(measured, gate_cfg)
        report["gate"] = {
            "path": str(gate_path),
            "split": gate_cfg.split,
            "min": gate_cfg.minimum,
            "max": gate_cfg.maximum,
            "passed": not failures,
            "failures": failures,
        }
    paths = write_report(report, out_dir, gate_cfg)

    print()
    for part in SPLITS:
        if part in report["systems"][OURS]["metrics"] and (part != "tune" or split == "tune"):
            print(summary_table(report, part))
            print()
    errors = sum(1 for r in runs[OURS] if r.error)
    if errors:
        print(f"warning: {errors} questions raised an error (counted as declined)")
    print(f"{len(report['failures'][OURS])} questions with problems; report: {paths['md']}")
    if gate_cfg:
        if failures:
            print(f"GATE FAILED ({gate_path.name}, {gate_cfg.split}):")
            for line in failures:
                print(f"  FAIL {line}")
            return 1
        print(f"gate passed ({gate_path.name}, {gate_cfg.split})")
    return 0
