"""cli.py: `ask` and `assistant` commands, in-process against the session index."""

from __future__ import annotations

import json

import pytest

from assistant import settings as settings_module
from assistant.cli import ask_main, main

QUESTION = "Hoeveel openstaande vacatures waren er in de industrie aan het eind van 2025?"


@pytest.fixture
def env(assistant, settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VRAAGBAAK_VECTORSTORE_DIR", str(settings.vectorstore_dir))
    monkeypatch.setenv("VRAAGBAAK_CACHE_PATH", str(settings.embedding_cache))
    settings_module.get_settings.cache_clear()
    yield
    settings_module.get_settings.cache_clear()


def test_ask_prints_answer_and_citations(env, capsys: pytest.CaptureFixture[str]) -> None:
    assert ask_main([QUESTION]) == 0
    out = capsys.readouterr().out
    assert "28.000" in out and "Bronnen:" in out and "000_fca8a34147c59f77.txt" in out


def test_ask_json_is_one_object(env, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "--k", "12", QUESTION]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"question", "answer", "abstained", "citations", "retrieved"}
    assert len(data["retrieved"]) == 12


def test_ask_jsonl_answers_each_line(env, tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    questions = tmp_path / "q.txt"
    questions.write_text(QUESTION + "\n\nHoeveel banen had Japan in 1990?\n", encoding="utf-8")
    assert ask_main(["--jsonl", str(questions)]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(rows) == 2 and not rows[0]["abstained"] and rows[1]["abstained"]


def test_show_passages(env, capsys: pytest.CaptureFixture[str]) -> None:
    assert ask_main(["--show-passages", QUESTION]) == 0
    assert "Doorzochte passages:" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [[""], ["x" * 600], ["--k", "0", "vraag"], ["--jsonl", "/nonexistent/file"], []],
)
def test_bad_input_is_one_clear_line(env, capsys: pytest.CaptureFixture[str], argv) -> None:
    assert ask_main(argv) != 0
    err = capsys.readouterr().err
    assert err.startswith("error:") and "Traceback" not in err


def test_help_teaches(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    assert "removed" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "VRAAGBAAK_CHROMA_URL" in capsys.readouterr().out
