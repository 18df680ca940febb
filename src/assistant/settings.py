"""One settings object for the whole package, read from environment variables.

Every variable is prefixed with VRAAGBAAK_ (e.g. VRAAGBAAK_CHROMA_URL); the README lists them.
Imports nothing from the package.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _project_root() -> Path:
    """The checkout this package lives in (editable install), else the working directory."""
    here = Path(__file__).resolve().parents[2]
    return here if (here / "pyproject.toml").exists() else Path.cwd()


ROOT = _project_root()


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VRAAGBAAK_", extra="ignore")

    # corpus and index
    seeds_dir: Path = Field(ROOT / "seeds", description="Folder ingested by default.")
    manifest: Path = Field(ROOT / "ingest" / "corpus.toml", description="Corpus manifest.")
    vectorstore_dir: Path = Field(ROOT / "vectorstore", description="Persistent Chroma folder.")
    chroma_url: str | None = Field(None, description="Use a Chroma server, e.g. http://h:8000.")
    collection: str = Field("vraagbaak", description="Chroma collection name.")
    cache_path: Path | None = Field(
        None, description="Embedding cache (SQLite); default <vectorstore_dir>/embeddings.sqlite."
    )

    # embedding
    embedder: Literal["e5", "sentence-transformers"] = "e5"
    st_model: str | None = Field(
        None, description="Model directory for the sentence-transformers backend."
    )

    # chunking (chosen by measured retrieval quality, see eval/chunking.md)
    chunk_chars: int = 900
    chunk_overlap_chars: int = 0

    # retrieval and answering
    k: int = Field(10, description="Passages returned in 'retrieved'.")
    candidates: int = Field(30, description="Passages each retriever contributes before fusion.")
    exact_search_max: int = Field(
        50_000, description="Up to this many chunks the dense side is an exact search."
    )
    rrf_k: int = 60
    dense_weight: float = 1.0
    bm25_weight: float = 1.0
    min_confidence: float = Field(0.576, description="Below this the answer abstains.")
    max_question_chars: int = 500
    answer_max_chars: int = 400

    # service
    host: str = "127.0.0.1"
    port: int = 8000
    api_key: str | None = None
    cors_origins: str = Field("", description="Comma-separated allowed origins.")
    max_messages: int = 50
    max_body_bytes: int = 64_000

    @property
    def embedding_cache(self) -> Path:
        return self.cache_path or self.vectorstore_dir / "embeddings.sqlite"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
