"""chunk.py: structure-following chunks with exact provenance (pure functions)."""

from __future__ import annotations

from assistant.chunk import (
    _FOOTNOTE,
    blocks_of,
    chunk_document,
    chunk_id,
    pack,
    sentence_spans,
    squash,
    strip_markup,
)
from assistant.ingest import load_document, load_manifest
from assistant.settings import ROOT


def sentences(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in sentence_spans(text)]


def test_sentences_respect_numbers_abbreviations_and_paragraphs() -> None:
    text = "Er zijn o.a. 28.000 vacatures. Dat is veel.\n\nKop zonder punt\n- punt een\n- punt twee"
    assert sentences(text) == [
        "Er zijn o.a. 28.000 vacatures.",
        "Dat is veel.",
        "Kop zonder punt",
        "- punt een",
        "- punt twee",
    ]


def test_blocks_classify_headings_footnotes_and_text() -> None:
    text = (
        "Toename ontslagmeldingen en WW-uitkeringen\n\nDe industrie krimpt.\nNog een regel.\n\n"
        "¹ Voor meer informatie: www.klimaatakkoord.nl\n"
    )
    units = blocks_of(text)
    assert [u.kind for u in units] == ["heading", "text", "footnote"]
    assert (units[1].line_start, units[1].line_end) == (3, 4)


def test_footnotes_are_not_glued_into_running_text() -> None:
    text = (
        "Een lange alinea over de industrie die doorloopt\n\n¹ UWV (2023), bron.\n\nen hier verder."
    )
    groups = pack(blocks_of(text), 900, 0)
    texts = ["\n".join(u.raw for u in g) for g, _ in groups]
    assert not any("UWV (2023)" in t and "industrie" in t for t in texts)
    assert any("UWV (2023)" in t for t in texts)


def test_a_table_stays_with_its_caption() -> None:
    doc = load_document(
        ROOT / "seeds" / "004_0d68179d072f46eb.txt", load_manifest(ROOT / "ingest" / "corpus.toml")
    )
    chunks = chunk_document(doc, 900, 150)
    table = [c for c in chunks if "9.950" in c.text]
    assert table and "Beroepen met meer dan 1.000 vacatures" in table[0].text
    assert "openstaande vacatures" in table[0].heading


def test_chunks_of_all_seeds_point_at_their_lines() -> None:
    manifest = load_manifest(ROOT / "ingest" / "corpus.toml")
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        doc = load_document(path, manifest)
        lines = path.read_text(encoding="utf-8").split("\n")
        chunks = chunk_document(doc, 900, 150)
        assert chunks and len({c.id for c in chunks}) == len(chunks)
        for c in chunks:
            assert c.title == manifest[path.name]["title"]
            assert 1 <= c.line_start <= c.line_end <= len(lines)
            # footnotes between two halves of a sentence are left out of the chunk's text
            span = lines[c.line_start - 1 : c.line_end]
            raw = squash("\n".join(span))
            without_notes = squash("\n".join(x for x in span if not _FOOTNOTE.match(x)))
            for sentence in sentences(c.text):
                s = squash(sentence)
                assert s in raw or s in without_notes, (path.name, c.line_start, sentence)


def test_ids_are_content_hashes() -> None:
    assert chunk_id("a.txt", "tekst") == chunk_id("a.txt", "tekst")
    assert chunk_id("a.txt", "tekst") != chunk_id("b.txt", "tekst")


def test_markup_and_squash() -> None:
    assert (
        strip_markup("**13%** van de [wet](#) in het 2^e kwartaal")
        == "13% van de wet in het 2e kwartaal"
    )
    assert squash("2 8.000 va-\ncatures") == squash("28.000 vacatures")


def test_a_sentence_broken_by_a_blank_line_is_not_cut_between_chunks() -> None:
    """PDF text puts blank lines inside sentences; a chunk must not end there."""
    filler = "Dit is een volzin over de arbeidsmarkt in de industrie. " * 14  # ~800 chars
    text = f"{filler.strip()}\nAls grootste obstakels noemen zij: het tekort aan vakbekwame\n\n" + (
        "technici, onduidelijk beleid en een onhaalbare planning. Daarna volgt meer tekst."
    )
    groups = pack(blocks_of(text), 900, 0)
    assert len(groups) == 2
    joined = [" ".join(u.raw for u in g).replace("\n", " ") for g, _ in groups]
    assert any("vakbekwame" in t and "onhaalbare planning." in t for t in joined)
    # a long paragraph cannot move: the continuation's first sentence joins it instead
    long = "Een lange alinea zonder einde " * 40 + "met het tekort aan vakbekwame"
    groups = pack(blocks_of(f"{long}\n\ntechnici en monteurs. Een nieuwe zin volgt hier."), 900, 0)
    first = "\n".join(u.raw for u in groups[0][0])
    assert first.endswith("technici en monteurs.")
    assert groups[1][0][0].raw.startswith("Een nieuwe zin")
    assert groups[1][0][0].line_start == 3  # the cut line belongs to both pieces


def test_no_seed_chunk_ends_inside_the_sentence_its_neighbour_finishes() -> None:
    manifest = load_manifest(ROOT / "ingest" / "corpus.toml")
    doc = load_document(ROOT / "seeds" / "003_3a9c37bcf67670c7.txt", manifest)
    chunks = chunk_document(doc, 900, 0)
    assert any("vakbekwame technici, onduidelijk regeringsbeleid" in c.text for c in chunks)


def test_a_sentence_runs_on_into_a_quoted_word_after_a_blank_line() -> None:
    """Knelpuntvacatures zijn / blank line / ‘kritiek’ wanneer ... 180 dagen is: one
    sentence, not a fragment that leaves the 180 days without what they define."""
    manifest = load_manifest(ROOT / "ingest" / "corpus.toml")
    doc = load_document(ROOT / "seeds" / "002_2d800d795780fb54.txt", manifest)
    wanted = "Knelpuntvacatures zijn ‘kritiek’ wanneer de looptijd langer dan 180 dagen is."
    assert any(
        wanted == " ".join(sentence.split())
        for chunk in chunk_document(doc, 900, 0)
        for sentence in sentences(chunk.text)
    )
