"""Shared fixtures: the real embedding model and a real on-disk Chroma index, built once.

The session index lives in a temporary folder; embeddings are cached in the project's
vectorstore/ folder (ignored by git), so later sessions and the extra indexes some tests build
(server mode, interrupted ingest, changed files) do not embed the same text again.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.settings import ROOT, Settings  # noqa: E402

SEEDS = ROOT / "seeds"
CACHE = ROOT / "vectorstore" / "embeddings.sqlite"
SEED = SEEDS / "000_fca8a34147c59f77.txt"
SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")
# a small corpus: three excerpts of the industry factsheet, raw (with its broken spacing)
CORPUS = {"vacatures.txt": (322, 343), "knelpunten.txt": (10, 25), "onzekerheid.txt": (54, 67)}
VACANCY_QUESTION = "Hoeveel openstaande vacatures waren er in de industrie aan het eind van 2025?"
CLI = "import sys; from assistant.cli import main; sys.exit(main(sys.argv[1:]))"


def cli_env(vectorstore: Path, cache: Path = CACHE, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VRAAGBAAK_")}
    env.update(
        VRAAGBAAK_VECTORSTORE_DIR=str(vectorstore),
        VRAAGBAAK_CACHE_PATH=str(cache),
        ANONYMIZED_TELEMETRY="False",
        HF_HUB_OFFLINE="1",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def run_cli(
    args: Sequence[str], env: dict[str, str], cwd: Path, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CLI, *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


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
