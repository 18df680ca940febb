"""The vector index: Chroma (on disk, or a Chroma server), written and approximately searched
through langchain-chroma; a question that only reads it opens the collection with chromadb
alone (langchain is not imported, which keeps the cold `ask` fast).

Opens one client per process, records the embedder in the collection metadata and refuses an
index built by another embedder. The index is also the ingest state: every chunk carries its
document's hash and chunk count, so which files are complete can be read back from it.
Imports: settings, models, embed.
"""

from __future__ import annotations

import os
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlparse

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import chromadb  # noqa: E402
import numpy as np  # noqa: E402
from chromadb.config import Settings as ChromaSettings  # noqa: E402

from assistant.embed import CachedEmbeddings  # noqa: E402
from assistant.models import Chunk  # noqa: E402
from assistant.settings import Settings  # noqa: E402

if TYPE_CHECKING:
    from langchain_chroma import Chroma


class IndexError_(RuntimeError):
    """The index cannot be used as it is (wrong embedder, unreachable server, ...)."""


class IndexMismatch(IndexError_):
    """The index was built with another embedding model."""


_clients: dict[str, chromadb.ClientAPI] = {}
_clients_lock = threading.Lock()


def get_client(settings: Settings) -> chromadb.ClientAPI:
    """One Chroma client per process and location (a second PersistentClient can hang)."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    key = settings.chroma_url or str(settings.vectorstore_dir.resolve())
    with _clients_lock:
        if key not in _clients:
            if settings.chroma_url:
                url = urlparse(settings.chroma_url)
                if not url.hostname:
                    raise IndexError_(f"VRAAGBAAK_CHROMA_URL is not a URL: {settings.chroma_url}")
                try:
                    _clients[key] = chromadb.HttpClient(
                        host=url.hostname,
                        port=url.port or (443 if url.scheme == "https" else 8000),
                        ssl=url.scheme == "https",
                        settings=chroma_settings,
                    )
                except Exception as exc:  # chromadb raises bare ValueError/ConnectError
                    raise IndexError_(
                        f"cannot reach the Chroma server at {settings.chroma_url}: {exc}"
                    ) from exc
            else:
                settings.vectorstore_dir.mkdir(parents=True, exist_ok=True)
                _clients[key] = chromadb.PersistentClient(
                    path=str(settings.vectorstore_dir), settings=chroma_settings
                )
        return _clients[key]


@dataclass
class FileState:
    """What the index holds for one source file."""

    shas: set[str] = field(default_factory=set)
    expected: int = 0
    ids: list[str] = field(default_factory=list)

    def complete_for(self, sha: str) -> bool:
        return self.shas == {sha} and len(self.ids) == self.expected


class Store:
    """A Chroma collection for chunks, bound to one embedder."""

    def __init__(self, settings: Settings, embedder: CachedEmbeddings) -> None:
        self.settings = settings
        self.embedder = embedder
        self.client = get_client(settings)
        self._vs: Chroma | None = None
        self._metadata = {"embedder": embedder.name, "dim": embedder.dim, "hnsw:space": "cosine"}
        try:  # as langchain-chroma opens it (no embedding function of Chroma's own), without
            # importing langchain, which a question that reads the index does not need
            self.collection = self.client.get_or_create_collection(
                name=settings.collection, embedding_function=None, metadata=self._metadata
            )
            meta = self.collection.metadata or {}
        except IndexError_:
            raise
        except Exception as exc:
            raise IndexError_(f"cannot open the Chroma collection: {exc}") from exc
        if meta.get("embedder") != embedder.name or int(meta.get("dim", -1)) != embedder.dim:
            raise IndexMismatch(
                f"the index in {self.location} was built with embedder "
                f"'{meta.get('embedder')}' ({meta.get('dim')} dimensions), but "
                f"'{embedder.name}' ({embedder.dim}) is configured. Re-ingest with "
                "`assistant ingest --rebuild`, or configure the embedder the index was built with."
            )

    @property
    def vs(self) -> Chroma:
        """The langchain-chroma vector store over the collection, made on first use (writing
        and approximate search)."""
        if self._vs is None:
            from langchain_chroma import Chroma

            self._vs = Chroma(
                client=self.client,
                collection_name=self.settings.collection,
                embedding_function=self.embedder,
                collection_metadata=self._metadata,
            )
        return self._vs

    @property
    def location(self) -> str:
        return self.settings.chroma_url or str(self.settings.vectorstore_dir)

    def count(self) -> int:
        return int(self.collection.count())

    def _read(self, vectors: bool) -> tuple[list[Chunk], np.ndarray | None]:
        include = ["documents", "metadatas"] + (["embeddings"] if vectors else [])
        got = self.collection.get(include=include)
        chunks = [
            Chunk.from_metadata(i, d or "", m or {})
            for i, d, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        ]
        if not vectors:
            return chunks, None
        return chunks, np.asarray(got["embeddings"], dtype=np.float32).reshape(len(chunks), -1)

    def all_chunks(self) -> list[Chunk]:
        return self._read(vectors=False)[0]

    def all_vectors(self) -> tuple[list[Chunk], np.ndarray]:
        """Every chunk with its stored embedding (rows in the same order)."""
        chunks, vectors = self._read(vectors=True)
        assert vectors is not None
        return chunks, vectors

    def file_states(self) -> dict[str, FileState]:
        got = self.collection.get(include=["metadatas"])
        states: dict[str, FileState] = defaultdict(FileState)
        for chunk_id, meta in zip(got["ids"], got["metadatas"], strict=True):
            meta = meta or {}
            state = states[str(meta.get("source", ""))]
            state.shas.add(str(meta.get("doc_sha", "")))
            state.expected = int(meta.get("doc_chunks", 0))
            state.ids.append(chunk_id)
        return dict(states)

    def upsert(self, chunks: list[Chunk]) -> None:
        if chunks:
            self.vs.add_texts(
                texts=[c.text for c in chunks],
                metadatas=[c.metadata() for c in chunks],
                ids=[c.id for c in chunks],
            )

    def delete(self, ids: list[str]) -> None:
        for i in range(0, len(ids), 500):
            self.collection.delete(ids=ids[i : i + 500])

    def dense_search(self, query: str, k: int) -> list[tuple[Chunk, float]]:
        """The k nearest chunks with cosine similarity."""
        n = self.count()
        if n == 0:
            return []
        hits = self.vs.similarity_search_with_score(query, k=min(k, n))
        return [
            (Chunk.from_metadata(str(doc.id), doc.page_content, doc.metadata), 1.0 - float(dist))
            for doc, dist in hits
        ]
