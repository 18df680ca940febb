"""The typed things that flow through the pipeline: Document, Chunk, Passage, Citation, Answer.

Imports only the standard library.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """One source file as loaded: raw text per page (PDF) or the whole text (one 'page')."""

    source: str  # file name, unique within the corpus
    path: str
    sha256: str
    title: str
    publisher: str | None
    date: str | None
    language: str
    kind: str | None
    pages: tuple[str, ...]  # one entry for text files; one per page for PDFs
    is_pdf: bool = False


@dataclass(frozen=True)
class Chunk:
    """A piece of cleaned text with exact provenance in the original file."""

    id: str  # content hash of source and text
    source: str
    text: str  # repaired text (what is embedded, searched and quoted)
    title: str
    date: str | None
    heading: str
    page: int | None  # 1-based, PDFs only
    line_start: int | None  # 1-based, inclusive, text files only
    line_end: int | None
    doc_sha: str = ""
    doc_chunks: int = 0  # number of chunks of its document: makes completeness checkable
    path: str = ""  # the original file, for citations in context

    def metadata(self) -> dict[str, Any]:
        meta = {
            "source": self.source,
            "title": self.title,
            "date": self.date or "",
            "heading": self.heading,
            "page": self.page if self.page is not None else -1,
            "line_start": self.line_start if self.line_start is not None else -1,
            "line_end": self.line_end if self.line_end is not None else -1,
            "doc_sha": self.doc_sha,
            "doc_chunks": self.doc_chunks,
            "path": self.path,
        }
        return meta

    @classmethod
    def from_metadata(cls, chunk_id: str, text: str, meta: dict[str, Any]) -> Chunk:
        def opt(key: str) -> int | None:
            value = meta.get(key, -1)
            return None if value is None or int(value) < 0 else int(value)

        return cls(
            id=chunk_id,
            source=str(meta["source"]),
            text=text,
            title=str(meta.get("title", meta["source"])),
            date=str(meta.get("date") or "") or None,
            heading=str(meta.get("heading", "")),
            page=opt("page"),
            line_start=opt("line_start"),
            line_end=opt("line_end"),
            doc_sha=str(meta.get("doc_sha", "")),
            doc_chunks=int(meta.get("doc_chunks", 0)),
            path=str(meta.get("path", "")),
        )


@dataclass
class Passage:
    """A retrieved chunk with its score (the retrieval's fused score; once the answerer has
    read it, the score of its best sentence) and the ranks it had in each retriever."""

    chunk: Chunk
    score: float
    dense_rank: int | None = None
    bm25_rank: int | None = None
    dense_similarity: float | None = None

    def to_dict(self) -> dict[str, Any]:
        c = self.chunk
        return {
            "source": c.source,
            "text": c.text,
            "score": round(float(self.score), 6),
            "page": c.page,
            "line_start": c.line_start,
            "line_end": c.line_end,
        }


@dataclass(frozen=True)
class Citation:
    source: str
    title: str
    date: str | None
    page: int | None
    line_start: int | None
    line_end: int | None
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    retrieved: list[Passage] = field(default_factory=list)
    confidence: float = 0.0
    highlight: list[str] = field(default_factory=list)  # the key figure(s) in the answer text
    conflict: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Exactly the JSON object of `ask --json` and POST /api/ask."""
        return {
            "question": self.question,
            "answer": "" if self.abstained else self.answer,
            "abstained": self.abstained,
            "citations": [c.to_dict() for c in self.citations],
            "retrieved": [p.to_dict() for p in self.retrieved],
        }
