"""Ingestion: files -> documents -> chunks -> index, incremental and safe to interrupt.

Loads .txt/.md (UTF-8, else cp1252 with a warning) and .pdf (pypdf, text per page) with the
corpus manifest (ingest/corpus.toml), chunks them, embeds what changed and writes it to the store.
A file is unchanged when the index holds exactly its chunks for its current hash; a changed file's
new chunks are written before its old ones are deleted, so an ingest killed at any moment leaves
an index that answers, and the next ingest completes it. Bad files are reported, never fatal.
Imports: settings, models, chunk, embed, store.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import sys
import time
import tomllib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.chunk import chunk_document, embedding_text, fingerprint
from assistant.embed import make_embedder
from assistant.models import Chunk, Document
from assistant.settings import Settings
from assistant.store import Store

SUFFIXES = {".txt", ".md", ".pdf"}


class LoadError(Exception):
    """A file that cannot be ingested; the message is one line for the user."""


class IngestLocked(RuntimeError):
    """Another ingest holds the lock."""


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line per bad file
    warnings: list[str] = field(default_factory=list)
    chunks_written: int = 0
    chunks_deleted: int = 0
    chunks_total: int = 0
    embedded: int = 0  # texts the model actually embedded (not from the cache)
    seconds: float = 0.0

    @property
    def ingested(self) -> int:
        return len(self.added) + len(self.updated) + len(self.unchanged)

    def summary(self) -> str:
        return (
            f"documents: {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.removed)} removed, "
            f"{len(self.errors)} failed; chunks: {self.chunks_written} written, "
            f"{self.chunks_deleted} deleted, {self.chunks_total} in the index "
            f"({self.embedded} embedded); {self.seconds:.1f} s"
        )

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__} | {
            "ingested": self.ingested
        }


def load_manifest(path: Path) -> dict[str, dict[str, Any]]:
    """file name -> its manifest entry; an absent manifest is an empty one."""
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LoadError(f"{path}: the corpus manifest is not valid TOML: {exc}") from exc
    return {str(d["file"]): d for d in data.get("documents", []) if "file" in d}


def decode_text(data: bytes) -> tuple[str, bool]:
    """UTF-8 (with or without BOM), else cp1252; True when it fell back. Citations read the
    original file with this same function, so their line numbers match the chunks'."""
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), True


def _read_text(path: Path, data: bytes, warnings: list[str]) -> str:
    if b"\x00" in data[:4096]:
        raise LoadError(f"{path.name}: binary file, not text")
    text, fell_back = decode_text(data)
    if fell_back:
        warnings.append(f"{path.name}: not valid UTF-8, read as cp1252")
    return text


def _read_pdf(path: Path) -> list[str]:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # our one line per file says it all
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoadError(f"{path.name}: encrypted PDF (needs a password), skipped")
        pages = [(page.extract_text() or "") for page in reader.pages]
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise LoadError(
            f"{path.name}: corrupt or unreadable PDF ({exc.__class__.__name__})"
        ) from exc
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise LoadError(f"{path.name}: cannot read PDF ({exc.__class__.__name__}: {exc})") from exc
    if not any(p.strip() for p in pages):
        raise LoadError(f"{path.name}: PDF has no extractable text (scanned?), skipped")
    return pages


def load_document(
    path: Path, manifest: dict[str, dict[str, Any]], warnings: list[str] | None = None
) -> Document:
    """Reads one file into a Document, or raises LoadError with a one-line reason."""
    warnings = warnings if warnings is not None else []
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{path.name}: cannot read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise LoadError(f"{path.name}: empty file, skipped")
    is_pdf = path.suffix.lower() == ".pdf"
    if is_pdf:
        if not data.startswith(b"%PDF"):
            raise LoadError(f"{path.name}: not a PDF (no %PDF header), skipped")
        pages = tuple(_read_pdf(path))
    else:
        text = _read_text(path, data, warnings)
        if not text.strip():
            raise LoadError(f"{path.name}: empty file, skipped")
        pages = (text,)
    meta = manifest.get(path.name, {})
    return Document(
        source=path.name,
        path=str(path.resolve()),
        sha256=hashlib.sha256(data).hexdigest(),
        title=str(meta.get("title") or path.stem),
        publisher=meta.get("publisher"),
        date=str(meta["date"]) if meta.get("date") else None,
        language=str(meta.get("language", "nl")),
        kind=meta.get("kind"),
        pages=pages,
        is_pdf=is_pdf,
    )


def discover(paths: Sequence[Path], warnings: list[str]) -> tuple[list[Path], bool]:
    """The files to ingest, and whether a folder was given (then the index mirrors it)."""
    files: list[Path] = []
    mirror = False
    for p in paths:
        if p.is_dir():
            mirror = True
            for f in sorted(p.rglob("*")):
                if f.is_file() and not f.name.startswith("."):
                    if f.suffix.lower() in SUFFIXES:
                        files.append(f)
                    else:
                        warnings.append(f"{f.name}: unsupported file type, skipped")
        elif p.is_file():
            if p.suffix.lower() in SUFFIXES:
                files.append(p)
            else:
                warnings.append(f"{p.name}: unsupported file type (use .txt, .md or .pdf)")
        else:
            warnings.append(f"{p}: no such file or folder")
    return files, mirror


@contextmanager
def ingest_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock; the OS drops it when the process dies, even by kill -9."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".ingest.lock", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise IngestLocked(
                f"another ingest is running on {folder}; wait for it to finish"
            ) from exc
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _progress(total: int, quiet: bool) -> Any:
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit="chunk",
        desc="embedding",
        disable=quiet or total == 0,
        file=sys.stderr,
        dynamic_ncols=True,
    )


def write_chunks(store: Store, chunks: list[Chunk], batch: int = 32) -> None:
    """Embeds (through the cache) and upserts chunks in batches."""
    for i in range(0, len(chunks), batch):
        part = chunks[i : i + batch]
        vectors = store.embedder.embed_documents([embedding_text(c) for c in part])
        store.collection.upsert(
            ids=[c.id for c in part],
            embeddings=vectors,
            documents=[c.text for c in part],
            metadatas=[c.metadata() for c in part],
        )


def ingest(
    paths: Sequence[Path] | None,
    settings: Settings,
    *,
    store: Store | None = None,
    quiet: bool = False,
    keep_missing: bool = False,
    rebuild: bool = False,
) -> IngestReport:
    """Brings the index in line with the files under `paths` (default: the seeds folder)."""
    started = time.perf_counter()
    report = IngestReport()
    manifest = load_manifest(settings.manifest)
    files, mirror = discover([Path(p) for p in (paths or [settings.seeds_dir])], report.warnings)
    lock_dir = settings.vectorstore_dir
    with ingest_lock(lock_dir):
        if rebuild:
            from assistant.store import get_client

            client = get_client(settings)
            if settings.collection in [c.name for c in client.list_collections()]:
                client.delete_collection(settings.collection)
        if store is None or rebuild:
            store = Store(settings, make_embedder(settings))
        states = store.file_states()
        todo: list[tuple[Document, list[Chunk], bool]] = []
        seen: set[str] = set()
        for path in files:
            if path.name in seen:
                report.errors.append(f"{path}: another file named {path.name} is already ingested")
                continue
            try:
                doc = load_document(path, manifest, report.warnings)
            except LoadError as exc:
                report.errors.append(str(exc))
                seen.add(path.name)  # a failing file keeps what the index had of it
                continue
            seen.add(doc.source)
            state = states.get(doc.source)
            key = fingerprint(doc, settings.chunk_chars, settings.chunk_overlap_chars)
            if state and state.complete_for(key):
                report.unchanged.append(doc.source)
                continue
            chunks = chunk_document(doc, settings.chunk_chars, settings.chunk_overlap_chars)
            if not chunks:
                report.errors.append(f"{path.name}: no text to index, skipped")
                continue
            todo.append((doc, chunks, state is not None))
        embedded_before = store.embedder.misses
        bar = _progress(sum(len(c) for _, c, _ in todo), quiet)
        try:
            for doc, chunks, existed in todo:
                bar.set_postfix_str(doc.source[:30])
                for i in range(0, len(chunks), 32):
                    write_chunks(store, chunks[i : i + 32])
                    bar.update(len(chunks[i : i + 32]))
                new_ids = {c.id for c in chunks}
                old_ids = states[doc.source].ids if doc.source in states else []
                stale = [i for i in old_ids if i not in new_ids]
                store.delete(stale)
                report.chunks_written += len(chunks)
                report.chunks_deleted += len(stale)
                (report.updated if existed else report.added).append(doc.source)
        finally:
            bar.close()
        if mirror and not keep_missing:
            for source, state in states.items():
                if source not in seen:
                    store.delete(state.ids)
                    report.removed.append(source)
                    report.chunks_deleted += len(state.ids)
        report.embedded = store.embedder.misses - embedded_before
        report.chunks_total = store.count()
    report.seconds = time.perf_counter() - started
    return report
