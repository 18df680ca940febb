"""The HTTP service, end to end: the real app with the real index, served by uvicorn on a free
loopback port, exercised over HTTP with httpx and the `openai` client. Nothing is mocked.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest
from fastapi import FastAPI

from assistant.api import create_app, is_loopback, running_in_thread, serve
from assistant.settings import Settings

QUESTION = "Hoeveel openstaande vacatures waren er in de industrie aan het eind van 2025?"
UNANSWERABLE = "Hoeveel vacatures had de zorgsector in Japan in 1990?"
ASK_KEYS = {"question", "answer", "abstained", "citations", "retrieved"}
CITATION_KEYS = {"source", "title", "date", "page", "line_start", "line_end", "quote"}
PASSAGE_KEYS = {"source", "text", "score", "page", "line_start", "line_end"}
API_KEY = "test-key-0123456789"


@dataclass
class Server:
    url: str
    app: FastAPI
    settings: Settings

    @property
    def internal_errors(self) -> int:
        """Unexpected exceptions the service turned into a 500; must stay 0."""
        return self.app.state.service.internal_errors


@pytest.fixture(scope="session")
def server(assistant: Any, settings: Settings) -> Iterator[Server]:
    """The service without an API key, on a free loopback port, over the session index."""
    open_settings = settings.model_copy(update={"api_key": None, "cors_origins": ""})
    app = create_app(assistant, open_settings)
    with running_in_thread(app) as url:
        yield Server(url, app, open_settings)


@pytest.fixture(scope="session")
def keyed(assistant: Any, settings: Settings) -> Iterator[Server]:
    """A second instance that requires an API key and allows one CORS origin."""
    keyed_settings = settings.model_copy(
        update={"api_key": API_KEY, "cors_origins": "http://localhost:5173"}
    )
    app = create_app(assistant, keyed_settings)
    with running_in_thread(app) as url:
        yield Server(url, app, keyed_settings)


@pytest.fixture()
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=120) as http:
        yield http


def sse_events(text: str) -> list[tuple[str | None, str]]:
    """Parse a text/event-stream body into (event, data) pairs."""
    events = []
    for block in text.split("\n\n"):
        if not block.strip():
            continue
        name, data = None, []
        for line in block.splitlines():
            if line.startswith("event:"):
                name = line[len("event:") :].strip()
            elif line.startswith("data:"):
                data.append(line[len("data:") :].strip())
        events.append((name, "\n".join(data)))
    return events


def assert_ask_object(data: dict[str, Any]) -> None:
    assert set(data) == ASK_KEYS
    for citation in data["citations"]:
        assert set(citation) == CITATION_KEYS
    for passage in data["retrieved"]:
        assert set(passage) == PASSAGE_KEYS


# ------------------------------------------------------------------------------ status


def test_health_ready_and_openapi(client: httpx.Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "ready"
    schema = client.get("/openapi.json").json()
    for path in ("/api/ask", "/api/chat", "/v1/chat/completions", "/api/documents/{source}"):
        assert path in schema["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/openapi.json" in docs.text
    assert "cdn" not in docs.text.lower()


def test_page_and_static_files_load_nothing_from_the_internet(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "Vraagbaak" in page.text
    for name in ("app.js", "app.css"):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200
    static = Path(__file__).parents[1] / "src" / "assistant" / "static"
    for file in static.iterdir():
        text = file.read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text, file.name


def test_readyz_is_503_while_or_when_the_index_cannot_load(tmp_path: Path) -> None:
    """Without an assistant the app loads the index itself; here that fails (no documents)."""
    empty = tmp_path / "seeds"
    empty.mkdir()
    broken = Settings(seeds_dir=empty, vectorstore_dir=tmp_path / "index", api_key=None)
    with running_in_thread(create_app(settings=broken)) as url, httpx.Client(base_url=url) as http:
        assert http.get("/healthz").status_code == 200
        status = http.get("/readyz")
        assert status.status_code == 503 and status.json()["status"] in {"loading", "error"}
        ask = http.post("/api/ask", json={"question": QUESTION})
        assert ask.status_code == 503 and "error" in ask.json()
        for _ in range(600):  # the load thread fails within seconds
            if http.get("/readyz").json()["status"] == "error":
                break
            time.sleep(0.1)
        assert http.get("/readyz").json()["status"] == "error"


# ------------------------------------------------------------------------------ /api


def test_ask_answers_with_the_figure_and_its_source(client: httpx.Client) -> None:
    response = client.post("/api/ask", json={"question": QUESTION})
    assert response.status_code == 200
    data = response.json()
    assert_ask_object(data)
    assert data["question"] == QUESTION
    assert "28.000" in data["answer"] and data["abstained"] is False
    assert data["citations"] and data["retrieved"]
    assert data["citations"][0]["source"] == "000_fca8a34147c59f77.txt"


def test_ask_accepts_k(client: httpx.Client) -> None:
    data = client.post("/api/ask", json={"question": QUESTION, "k": 12}).json()
    assert_ask_object(data)
    assert len(data["retrieved"]) == 12


def test_unanswerable_question_abstains(client: httpx.Client) -> None:
    data = client.post("/api/ask", json={"question": UNANSWERABLE}).json()
    assert_ask_object(data)
    assert data["abstained"] is True and data["answer"] == ""


def test_chat_json(client: httpx.Client) -> None:
    messages = [
        {"role": "system", "content": "Je bent een arbeidsmarktadviseur."},
        {"role": "user", "content": "Hallo"},
        {"role": "assistant", "content": "Waarmee kan ik helpen?"},
        {"role": "user", "content": QUESTION},
    ]
    response = client.post("/api/chat", json={"messages": messages})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"message", "answer", "highlight"}
    assert data["message"]["role"] == "assistant"
    assert "28.000" in data["message"]["content"]
    assert_ask_object(data["answer"])
    assert data["answer"]["question"] == QUESTION
    assert "28.000" in data["highlight"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (UNANSWERABLE, "staat niet in de documenten"),
        (
            "How many vacancies did the healthcare sector in Japan have in 1990?",
            "not in the documents",
        ),
    ],
)
def test_chat_says_politely_when_it_is_not_in_the_documents(
    client: httpx.Client, question: str, expected: str
) -> None:
    data = client.post("/api/chat", json={"messages": [{"role": "user", "content": question}]})
    body = data.json()
    assert body["answer"]["abstained"] is True and body["answer"]["answer"] == ""
    assert expected in body["message"]["content"]
    assert body["answer"]["citations"] == []


def test_chat_stream_sends_answer_citations_done(client: httpx.Client) -> None:
    body = {"messages": [{"role": "user", "content": QUESTION}], "stream": True}
    with client.stream("POST", "/api/chat", json=body) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = sse_events(response.read().decode())
    names = [name for name, _ in events]
    assert names[-2:] == ["citations", "done"]
    assert set(names[:-2]) == {"answer"} and len(names) >= 3
    text = "".join(json.loads(data)["delta"] for name, data in events if name == "answer")
    assert "28.000" in text
    final = json.loads(events[-2][1])
    assert "28.000" in final.pop("highlight")
    assert_ask_object(final)
    assert final["answer"] == text and final["citations"]


def test_documents(client: httpx.Client) -> None:
    documents = client.get("/api/documents").json()
    assert len(documents) == 5
    for doc in documents:
        assert {"source", "title", "date", "chunks"} <= set(doc)
        assert doc["chunks"] > 0 and doc["title"]


def test_document_text_marks_the_cited_lines(client: httpx.Client) -> None:
    citation = client.post("/api/ask", json={"question": QUESTION}).json()["citations"][0]
    params = {"line_start": citation["line_start"], "line_end": citation["line_end"], "context": 3}
    response = client.get(f"/api/documents/{citation['source']}", params=params)
    assert response.status_code == 200
    data = response.json()
    cited = [line for line in data["lines"] if line["cited"]]
    assert [line["n"] for line in cited] == list(
        range(citation["line_start"], citation["line_end"] + 1)
    )
    assert any("8.000" in line["text"] for line in cited)
    assert len(data["lines"]) == len(cited) + 6  # three lines of context on each side


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/documents/onbekend.txt", 404),
        ("/api/documents/000_fca8a34147c59f77.txt?line_start=20&line_end=10", 400),
        ("/api/documents/000_fca8a34147c59f77.txt?line_start=999999", 400),
        ("/api/documents/000_fca8a34147c59f77.txt?line_start=0", 422),
        ("/api/documents/000_fca8a34147c59f77.txt?line_start=abc", 422),
        ("/api/documents/000_fca8a34147c59f77.txt?line_start=3&context=-1", 422),
    ],
)
def test_document_text_bad_requests(client: httpx.Client, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.json()["error"]


# ------------------------------------------------------------------------------ /v1 (OpenAI)


def openai_client(url: str, key: str = "unused") -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{url}/v1", api_key=key, max_retries=0, timeout=120)


def test_openai_chat_completion(server: Server) -> None:
    completion = openai_client(server.url).chat.completions.create(
        model="vraagbaak", messages=[{"role": "user", "content": QUESTION}]
    )
    assert completion.model == "vraagbaak" and completion.object == "chat.completion"
    content = completion.choices[0].message.content or ""
    assert "28.000" in content
    assert "Bronnen:" in content and "[1] " in content and "regels" in content
    citations = (completion.model_extra or {})["citations"]
    assert citations and set(citations[0]) == CITATION_KEYS
    assert completion.choices[0].finish_reason == "stop"


def test_openai_chat_completion_stream(server: Server) -> None:
    stream = openai_client(server.url).chat.completions.create(
        model="vraagbaak", messages=[{"role": "user", "content": QUESTION}], stream=True
    )
    chunks = list(stream)
    assert all(chunk.object == "chat.completion.chunk" for chunk in chunks)
    text = "".join(chunk.choices[0].delta.content or "" for chunk in chunks)
    assert "28.000" in text and "Bronnen:" in text
    final = chunks[-1]
    assert final.choices[0].finish_reason == "stop"
    assert (final.model_extra or {})["citations"]


def test_openai_abstains_politely_and_lists_the_model(server: Server) -> None:
    client = openai_client(server.url)
    completion = client.chat.completions.create(
        model="vraagbaak", messages=[{"role": "user", "content": UNANSWERABLE}]
    )
    assert "staat niet in de documenten" in (completion.choices[0].message.content or "")
    assert (completion.model_extra or {})["citations"] == []
    assert [model.id for model in client.models.list()] == ["vraagbaak"]


# ------------------------------------------------------------------------------ bad input

TOO_LONG = "Hoeveel vacatures " * 100


def chat_body(*messages: tuple[str, str]) -> dict[str, Any]:
    return {"messages": [{"role": role, "content": content} for role, content in messages]}


BAD_REQUESTS: list[tuple[str, str, Any, int]] = [
    # (name, path, JSON body or raw bytes, expected status)
    ("empty question", "/api/ask", {"question": ""}, 400),
    ("blank question", "/api/ask", {"question": "   \n "}, 400),
    ("question too long", "/api/ask", {"question": TOO_LONG}, 400),
    ("missing question", "/api/ask", {"vraag": QUESTION}, 422),
    ("question not a string", "/api/ask", {"question": 42}, 422),
    ("k not a number", "/api/ask", {"question": QUESTION, "k": "veel"}, 422),
    ("k zero", "/api/ask", {"question": QUESTION, "k": 0}, 422),
    ("k too large", "/api/ask", {"question": QUESTION, "k": 10_000}, 422),
    ("body is a list", "/api/ask", [QUESTION], 422),
    ("invalid JSON", "/api/ask", b'{"question": "Hoeveel', 400),
    ("empty body", "/api/ask", b"", 422),
    ("chat: empty question", "/api/chat", chat_body(("user", "")), 400),
    ("chat: question too long", "/api/chat", chat_body(("user", TOO_LONG)), 400),
    ("chat: no messages", "/api/chat", {"messages": []}, 400),
    ("chat: no user message", "/api/chat", chat_body(("assistant", "Hallo")), 400),
    ("chat: too many messages", "/api/chat", chat_body(*[("user", "vraag")] * 51), 400),
    ("chat: unknown role", "/api/chat", chat_body(("robot", QUESTION)), 422),
    ("chat: messages not a list", "/api/chat", {"messages": QUESTION}, 422),
    ("chat: content not a string", "/api/chat", {"messages": [{"role": "user"}]}, 422),
    (
        "chat: stream not a bool",
        "/api/chat",
        {**chat_body(("user", QUESTION)), "stream": "ja"},
        422,
    ),
    ("chat: invalid JSON", "/api/chat", b"{messages: []}", 400),
    ("v1: no user message", "/v1/chat/completions", {"model": "vraagbaak", "messages": []}, 400),
    ("v1: empty question", "/v1/chat/completions", chat_body(("user", " ")), 400),
    ("v1: too many messages", "/v1/chat/completions", chat_body(*[("user", "v")] * 51), 400),
    ("v1: bad message", "/v1/chat/completions", {"messages": [{"content": "x"}]}, 422),
    ("v1: invalid JSON", "/v1/chat/completions", b"[", 400),
]


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [case[1:] for case in BAD_REQUESTS],
    ids=[case[0] for case in BAD_REQUESTS],
)
def test_bad_input_is_a_clear_4xx(
    server: Server, client: httpx.Client, path: str, body: Any, status: int
) -> None:
    before = server.internal_errors
    if isinstance(body, bytes):
        response = client.post(path, content=body, headers={"Content-Type": "application/json"})
    else:
        response = client.post(path, json=body)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    message = error["message"] if path.startswith("/v1") else error
    assert isinstance(message, str) and message
    assert server.internal_errors == before


def test_body_too_large_is_413(server: Server, client: httpx.Client) -> None:
    big = {"question": "x" * (server.settings.max_body_bytes + 10)}
    response = client.post("/api/ask", json=big)  # refused by its Content-Length
    assert response.status_code == 413 and "te groot" in response.json()["error"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: refused by counting the bytes
        yield b'{"question": "'
        for _ in range(20):
            yield b"x" * 5_000
        yield b'"}'

    response = client.post("/api/chat", content=chunks(), headers={"Content-Type": "text/json"})
    assert response.status_code == 413 and response.json()["error"]
    response = client.post("/v1/chat/completions", content=b"x" * 100_000)
    assert response.status_code == 413 and response.json()["error"]["message"]
    assert server.internal_errors == 0


def test_unknown_routes_and_methods(client: httpx.Client) -> None:
    assert client.get("/api/nope").status_code == 404
    response = client.get("/api/ask")
    assert response.status_code == 405 and response.json()["error"]


def test_no_bad_input_reached_the_500_handler(server: Server, client: httpx.Client) -> None:
    """Runs after the bad-input tests above (file order): none of them caused a 500."""
    assert server.internal_errors == 0


# ------------------------------------------------------------------------------ concurrency


def test_simultaneous_requests_are_all_answered_correctly(server: Server) -> None:
    questions = [
        QUESTION,
        UNANSWERABLE,
        "Hoeveel mensen met een WW-uitkering uit de industrie waren er in december 2025?",
    ]
    with httpx.Client(base_url=server.url, timeout=120) as http:
        expected = {q: http.post("/api/ask", json={"question": q}).json() for q in questions}

        def ask(index: int) -> tuple[str, dict[str, Any]]:
            question = questions[index % len(questions)]
            response = http.post("/api/ask", json={"question": question})
            assert response.status_code == 200
            return question, response.json()

        with ThreadPoolExecutor(max_workers=24) as pool:
            results = list(pool.map(ask, range(48)))
    for question, data in results:
        assert data == expected[question]


# ------------------------------------------------------------------------------ access


def test_api_key_is_required_when_configured(keyed: Server) -> None:
    with httpx.Client(base_url=keyed.url, timeout=120) as http:
        for path in ("/", "/healthz", "/readyz", "/static/app.js"):
            assert http.get(path).status_code == 200, path

        missing = http.post("/api/ask", json={"question": QUESTION})
        assert missing.status_code == 401 and "Authorization" in missing.json()["error"]
        assert missing.headers["www-authenticate"] == "Bearer"
        wrong = http.get("/api/documents", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and wrong.json()["error"]
        no_body_parsed = http.post("/api/ask", content=b"{not json")  # 401 before parsing
        assert no_body_parsed.status_code == 401

        right = {"Authorization": f"Bearer {API_KEY}"}
        assert http.get("/api/documents", headers=right).status_code == 200
        answer = http.post("/api/ask", json={"question": QUESTION}, headers=right)
        assert answer.status_code == 200 and "28.000" in answer.json()["answer"]


def test_api_key_with_the_openai_client(keyed: Server) -> None:
    with pytest.raises(openai.AuthenticationError):
        openai_client(keyed.url, "wrong").chat.completions.create(
            model="vraagbaak", messages=[{"role": "user", "content": QUESTION}]
        )
    completion = openai_client(keyed.url, API_KEY).chat.completions.create(
        model="vraagbaak", messages=[{"role": "user", "content": QUESTION}]
    )
    assert "28.000" in (completion.choices[0].message.content or "")


def test_cors_allows_the_configured_origin_only(keyed: Server) -> None:
    preflight = {"Access-Control-Request-Method": "POST"}
    with httpx.Client(base_url=keyed.url) as http:
        allowed = http.options("/api/ask", headers={**preflight, "Origin": "http://localhost:5173"})
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "http://localhost:5173"
        other = http.options("/api/ask", headers={**preflight, "Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_serve_refuses_a_public_host_without_a_key() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")
    with pytest.raises(SystemExit) as exit_info:
        serve(Settings(host="0.0.0.0", api_key=None))
    assert exit_info.value.code == 2


def test_load_generator_against_the_service(server: Server) -> None:
    from assistant.loadtest import is_loopback_url, run_load

    assert is_loopback_url(server.url) and not is_loopback_url("http://192.168.1.2:8000")
    report = run_load(
        server.url,
        clients=8,
        requests=24,
        time_limit=120,
        timeout=60,
        questions=[QUESTION, UNANSWERABLE],
    )
    assert report["requests_sent"] == 24 and report["errors"] == 0
    assert report["inconsistent_answers"] == 0 and report["abstained"] == 12
