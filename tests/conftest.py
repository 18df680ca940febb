"""Shared fixtures: the real embedding model and a real on-disk Chroma index, built once.

The session index lives in a temporary folder; embeddings are cached in the project's
vectorstore/ folder (ignored by git), so later sessions and the extra indexes some tests build
(server mode, interrupted ingest, changed files) do not embed the same text again.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.settings import ROOT, Settings  # noqa: E402

SEEDS = ROOT / "seeds"
CACHE = ROOT / "vectorstore" / "embeddings.sqlite"


def make_settings(vectorstore: Path, **overrides: object) -> Settings:
    """Settings for a private index that shares the embedding cache."""
    return Settings(vectorstore_dir=vectorstore, cache_path=CACHE, **overrides)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return make_settings(tmp_path_factory.mktemp("index"))


@pytest.fixture(scope="session")
def assistant(settings: Settings) -> Iterator[object]:
    """The full pipeline over the five seed reports (indexed once per test session)."""
    from assistant.answer import Assistant

    yield Assistant.open(settings, build_if_missing=True, quiet=True)
