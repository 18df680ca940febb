"""Chunking that follows the document's structure, keeping exact provenance.

A text file is read as lines; consecutive non-blank lines form a block (paragraph, list, table,
caption, heading or footnotes). Blocks are packed into chunks of about `chunk_chars` characters;
a heading starts a new chunk (so a table stays with its caption), footnotes are kept apart from
running text, an oversized block is cut at line or sentence boundaries, and a chunk does not end
inside a sentence that a blank line of the PDF text interrupts. Every chunk keeps the
1-based line range (text files) or page (PDFs) it came from, and its id is a hash of source and
text. Pure functions; imports: models, clean.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace

from assistant.clean import repair
from assistant.models import Chunk, Document

# Bump when chunking or repair changes what chunks a file gives: the next ingest re-chunks.
CHUNKER_VERSION = "10"
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_FOOTNOTE = re.compile(
    rf"^\s*([{SUPERSCRIPTS}]+\s*\S|\d{{1,2}}\s+\S.*(\(\d{{4}}\)|https?://|www\.)|https?://\S+\s*$)"
)
_BULLET = re.compile(r"^\s*([-•»◼▪*–]|\d{1,2}[.)])\s+")
_ABBREVIATIONS = {
    "o.a",
    "bijv",
    "bv",
    "ca",
    "nr",
    "incl",
    "excl",
    "m.n",
    "d.w.z",
    "i.s.m",
    "e.d",
    "etc",
    "resp",
    "mln",
    "mld",
    "mrd",
    "jr",
    "vs",
    "e.g",
    "i.e",
    "dr",
    "prof",
    "mr",
    "ir",
    "ing",
    "drs",
    "art",
    "blz",
    "p",
    "zgn",
    "t.o.v",
    "i.p.v",
    "m.b.t",
    "a.s",
    "evt",
    "gem",
    "max",
    "min",
}
_SENTENCE_END = re.compile(r"[.!?]+[\"'’”)]*(?:\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,2}(?=\s+[A-Z]))?(?:\s+|$)")


@dataclass(frozen=True)
class Unit:
    """A piece of a document with its place: raw text, line range (1-based) and page."""

    raw: str
    line_start: int | None
    line_end: int | None
    page: int | None
    kind: str  # "heading" | "text" | "footnote"
    block: int  # index of the block it belongs to (units of one block join with a newline)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in `text` (Dutch-aware: abbreviations, numbers, lists).

    A blank line (paragraph, heading or table boundary) and a list bullet always end a sentence.
    """
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        start = para.start()
        for line_match in re.finditer(r"[^\n]+", para.group()):
            line_start = para.start() + line_match.start()
            line = line_match.group()
            if _BULLET.match(line) and line_start > start and text[start:line_start].strip():
                spans.append((start, line_start))
                start = line_start
            for m in _SENTENCE_END.finditer(line):
                end = line_start + m.end()
                before = text[start : line_start + m.start()].rstrip()
                last_word = re.split(r"\s", before)[-1].lower().rstrip(".") if before else ""
                following = text[end : end + 1]
                if last_word in _ABBREVIATIONS or (following and following.islower()):
                    continue
                spans.append((start, end))
                start = end
        if text[start : para.end()].strip():
            spans.append((start, para.end()))
    return [(a, b) for a, b in spans if text[a:b].strip()]


_FUNCTION_WORDS = {
    "de",
    "het",
    "een",
    "en",
    "of",
    "van",
    "voor",
    "aan",
    "in",
    "op",
    "met",
    "te",
    "om",
    "die",
    "dat",
    "is",
    "zijn",
    "naar",
    "door",
    "bij",
    "uit",
    "als",
    "ook",
    "er",
    "the",
    "and",
}


def _is_heading(lines: list[str]) -> bool:
    """A one-line block that reads as a title: capitalised, short, not a sentence fragment."""
    text = " ".join(line.strip() for line in lines)
    if text.startswith("#"):
        return True
    if (
        len(lines) > 1
        or not text
        or len(text) > 80
        or text[-1] in ".,;:!?-("
        or _BULLET.match(text)
    ):
        return False
    words = re.findall(r"[A-Za-zÀ-ÿ]+", text)
    first = text.lstrip("0123456789. ")[:1]
    return (
        bool(first)
        and first.isupper()
        and len(words) >= 2
        and words[-1].lower() not in _FUNCTION_WORDS
    )


def _is_caption(unit: Unit) -> bool:
    """A short block that introduces what follows (a table or list caption, a lead-in)."""
    text = unit.raw.strip()
    return (
        unit.kind in {"text", "heading"}
        and len(text) <= 160
        and (text[-1] == ":" or text[-1] not in ".!?;")
    )


def _ends_with_caption(units: list[Unit], following: Unit | None = None) -> bool:
    """Whether the last unit is a whole short block that introduces what follows."""
    if not units or not _is_caption(units[-1]):
        return False
    last = units[-1]
    same_block = (len(units) > 1 and units[-2].block == last.block) or (
        following is not None and following.block == last.block
    )
    return not same_block


def is_footnote(line: str) -> bool:
    """A footnote line ("¹ UWV (2023), ...", a bare URL): chunks keep footnotes apart, so a
    quote may skip those that stand inside a sentence of the original file."""
    return bool(_FOOTNOTE.match(line))


def _is_footnote(lines: list[str]) -> bool:
    return all(is_footnote(line) for line in lines)


def blocks_of(text: str, page: int | None = None, first_line: int = 1) -> list[Unit]:
    """Splits raw text into units: one per block, or per line/sentence when a block is long."""
    units: list[Unit] = []
    lines = text.split("\n")
    block: list[tuple[int, str]] = []
    n_block = 0

    def flush() -> None:
        nonlocal block, n_block
        if not block:
            return
        raw_lines = [line for _, line in block]
        kind = (
            "footnote"
            if _is_footnote(raw_lines)
            else "heading"
            if _is_heading(raw_lines)
            else "text"
        )
        numbers = [n for n, _ in block]
        is_text = page is None
        units.append(
            Unit(
                raw="\n".join(raw_lines),
                line_start=numbers[0] if is_text else None,
                line_end=numbers[-1] if is_text else None,
                page=page,
                kind=kind,
                block=n_block,
            )
        )
        n_block += 1
        block = []

    for offset, line in enumerate(lines):
        if line.strip():
            block.append((first_line + offset, line.rstrip("\r")))
        else:
            flush()
    flush()
    return units


def _split_unit(unit: Unit, max_chars: int) -> list[Unit]:
    """Cuts an oversized unit at line boundaries, and a single long line at sentence ends."""
    if len(unit.raw) <= max_chars:
        return [unit]
    lines = unit.raw.split("\n")
    if len(lines) > 1:
        parts: list[Unit] = []
        for i, line in enumerate(lines):
            ls = None if unit.line_start is None else unit.line_start + i
            parts.extend(
                _split_unit(Unit(line, ls, ls, unit.page, unit.kind, unit.block), max_chars)
            )
        return parts
    pieces: list[str] = []
    current = ""
    for a, b in sentence_spans(unit.raw):
        sentence = unit.raw[a:b]
        if current and len(current) + len(sentence) > max_chars:
            pieces.append(current)
            current = ""
        current += sentence
    if current:
        pieces.append(current)
    return [
        Unit(p, unit.line_start, unit.line_end, unit.page, unit.kind, unit.block) for p in pieces
    ]


def _continues(prev: str, nxt: str) -> bool:
    """A blank line inside a sentence (double-spaced or column text): the text runs on, also
    into a quoted word ("Knelpuntvacatures zijn" / "‘kritiek’ wanneer ...")."""
    prev, nxt = prev.rstrip(), nxt.lstrip()
    first = nxt.lstrip("‘'\"“")[:1]
    return bool(prev and first) and prev[-1] not in ".!?:;" and (first.islower() or nxt[0] in "(,")


def _runs_on(prev: Unit, unit: Unit) -> bool:
    """Whether the unit continues the sentence of the one before it: a line of the same block
    after a line that ends no sentence, or a paragraph that runs on after a blank line."""
    if prev.kind != "text" or unit.kind != "text":
        return False
    if prev.block == unit.block:
        return prev.raw.rstrip()[-1:] not in ".!?:;"
    return _continues(prev.raw, unit.raw)


def _sentence_start(units: list[Unit], part: Unit, budget: int) -> int:
    """Where the unfinished sentence that `part` continues begins among the units: its index
    (at least 1, so something stays), or 0 when `part` starts afresh or the sentence's start is
    longer than `budget`."""
    if not _runs_on(units[-1], part):
        return 0
    i = len(units) - 1
    while i > 0 and _runs_on(units[i - 1], units[i]):
        i -= 1
    moved = sum(len(u.raw) + 1 for u in units[i:])
    return i if i >= 1 and moved <= budget else 0


def _split_head(unit: Unit, budget: int) -> tuple[Unit | None, Unit | None]:
    """The unit cut after its first sentence, if that is at most `budget` characters: the two
    pieces keep their lines (the line where the cut falls belongs to both)."""
    spans = sentence_spans(unit.raw)
    if len(spans) < 2 or spans[0][1] > budget:
        return None, None
    cut = spans[0][1]
    head, rest = unit.raw[:cut].rstrip(), unit.raw[cut:].lstrip()
    if unit.line_start is None:
        return replace(unit, raw=head), replace(unit, raw=rest)
    head_end = unit.line_start + head.count("\n")
    rest_start = unit.line_start + unit.raw[: len(unit.raw) - len(rest)].count("\n")
    return (
        replace(unit, raw=head, line_end=head_end),
        replace(unit, raw=rest, line_start=rest_start),
    )


def _join(units: list[Unit]) -> str:
    out = ""
    for prev, unit in zip([None, *units], units, strict=False):
        if prev is None:
            out = unit.raw
        elif prev.block == unit.block:
            same_line = prev.line_start is not None and prev.line_start == unit.line_start
            out += (" " if same_line else "\n") + unit.raw.strip()
        elif _continues(prev.raw, unit.raw) and "text" == prev.kind == unit.kind:
            out += "\n" + unit.raw
        else:
            out += "\n\n" + unit.raw
    return out


def squash(text: str) -> str:
    """Letters and digits only, lowercased and NFKC-normalised: equal before and after repair
    (repairs move spaces, hyphens and dots, never letters), so it locates a quote in raw lines."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).lower() if ch.isalnum())


def strip_markup(text: str) -> str:
    """Markdown emphasis and link targets, and '2^e' superscript carets, out of the text."""
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return re.sub(r"(\d)\^(e|de|ste)\b", r"\1\2", text)


def chunk_id(source: str, text: str) -> str:
    return hashlib.sha256(f"{source}\x00{text}".encode()).hexdigest()[:32]


def pack(units: list[Unit], chunk_chars: int, overlap_chars: int) -> list[tuple[list[Unit], str]]:
    """Greedy packing of units into (units, heading) groups that follow the structure."""
    groups: list[tuple[list[Unit], str]] = []
    current: list[Unit] = []
    heading = ""
    min_chars = chunk_chars // 4

    def size(us: list[Unit]) -> int:
        return sum(len(u.raw) + 1 for u in us)

    def flush(carry: bool) -> None:
        nonlocal current
        if not any(u.kind != "heading" for u in current):
            return  # headings wait for the text they head
        groups.append((current, heading))
        kept: list[Unit] = []
        if carry and overlap_chars > 0:
            for u in reversed(current):
                if size(kept) + len(u.raw) > overlap_chars or u.kind == "heading":
                    break
                kept.insert(0, u)
        current = kept

    text_units = [u for u in units if u.kind != "footnote"]
    notes = [u for u in units if u.kind == "footnote"]
    for unit in text_units:
        for part in _split_unit(unit, chunk_chars):
            if part.kind == "heading" and _ends_with_caption(current):
                part = replace(part, kind="text")  # a short line in a list, not a heading
            if part.kind == "heading":
                if size(current) >= min_chars and current[-1].kind != "heading":
                    flush(carry=False)
                heading = part.raw.replace("\n", " ").strip(" #")
                current.append(part)
                continue
            if current and size(current) + len(part.raw) > chunk_chars:
                moved: list[Unit] = []  # what goes on to the next chunk:
                while len(current) > 1 and _ends_with_caption(current, part):
                    moved.insert(0, current.pop())  # a caption, with what it introduces
                # the start of a sentence, with its end ("het tekort aan vakbekwame" / blank
                # line / "technici, ..."), if it is short enough to move
                start = _sentence_start(current, part, chunk_chars // 2)
                if not moved and start:
                    moved, current = current[start:], current[:start]
                elif not moved and _runs_on(current[-1], part):
                    # else the sentence's end stays with its start: `part` up to its first
                    # sentence end
                    head, rest = _split_head(part, chunk_chars // 2)
                    if head and rest:
                        current.append(head)
                        part = rest
                flush(carry=not moved)
                current.extend(moved)
            current.append(part)
    if current:  # the end: whatever is left is kept, even a lone title line
        groups.append((current, heading))
    # footnotes: packed on their own, never glued into running text
    current, heading = [], "Voetnoten"
    for unit in notes:
        for part in _split_unit(unit, chunk_chars):
            if current and size(current) + len(part.raw) > chunk_chars:
                flush(carry=False)
            current.append(part)
    if current:
        groups.append((current, heading))
    return groups


def fingerprint(doc: Document, chunk_chars: int, overlap_chars: int) -> str:
    """Identifies a file's chunks: its content and everything that shapes its chunks."""
    key = f"{doc.sha256}:{chunk_chars}:{overlap_chars}:{CHUNKER_VERSION}"
    return hashlib.sha256(key.encode()).hexdigest()


def chunk_document(doc: Document, chunk_chars: int = 900, overlap_chars: int = 150) -> list[Chunk]:
    """All chunks of a document, in reading order, without duplicates (first one wins)."""
    groups: list[tuple[list[Unit], str]] = []
    for page_no, page_text in enumerate(doc.pages, start=1):
        units = blocks_of(page_text, page=page_no if doc.is_pdf else None)
        groups.extend(pack(units, chunk_chars, overlap_chars))
    drafts: list[tuple[str, str, list[Unit], str]] = []
    seen: set[str] = set()
    for units, heading in groups:
        text = strip_markup(repair(_join(units))).strip()
        cid = chunk_id(doc.source, text)
        if not text or cid in seen:
            continue
        seen.add(cid)
        drafts.append((cid, text, units, heading))
    chunks = []
    for cid, text, units, heading in drafts:
        starts = [u.line_start for u in units if u.line_start is not None]
        ends = [u.line_end for u in units if u.line_end is not None]
        chunks.append(
            Chunk(
                id=cid,
                source=doc.source,
                text=text,
                title=doc.title,
                date=doc.date,
                heading=repair(heading),
                page=units[0].page,
                line_start=min(starts) if starts else None,
                line_end=max(ends) if ends else None,
                doc_sha=fingerprint(doc, chunk_chars, overlap_chars),
                doc_chunks=len(drafts),
                path=doc.path,
            )
        )
    return chunks


def embedding_text(chunk: Chunk) -> str:
    """What is embedded: the title and heading give a passage its context."""
    head = (
        chunk.title
        if not chunk.heading or chunk.heading in chunk.text[:200]
        else (f"{chunk.title} — {chunk.heading}")
    )
    return f"{head}\n{chunk.text}"
