"""The HTTP service: JSON API, OpenAI-compatible chat endpoint and the web chat page.

Its job: load the index once at start-up (in a background thread, so /healthz answers while
/readyz still says 503), then answer questions over HTTP:

    POST /api/ask                 {question, k?}            -> the `ask --json` object
    POST /api/chat                {messages, stream?, k?}   -> {message, answer, highlight} or SSE
    POST /v1/chat/completions     OpenAI chat API (model "vraagbaak"), streaming or not
    GET  /v1/models               the one model, for OpenAI-compatible clients
    GET  /api/documents           the indexed documents
    GET  /api/documents/{source}  the original lines around a citation
    GET  /healthz, /readyz        liveness and readiness
    GET  /                        the chat page (static files in assistant/static, no CDN)
    GET  /docs, /openapi.json     API description (the docs page is rendered here, offline)

Access: when `api_key` is set every /api and /v1 route needs `Authorization: Bearer KEY`;
without a key `serve()` only binds to a loopback address. Input limits (question length,
message count, body size) are answered with 4xx and {"error": ...}, never with a 500.

Imports from the package: settings, models and answer only.
"""

from __future__ import annotations

import hmac
import html
import ipaddress
import json
import logging
import re
import sys
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any, Literal

import uvicorn
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.answer import Assistant, QuestionError, detect_language
from assistant.models import Answer, Citation
from assistant.settings import Settings, get_settings

log = logging.getLogger("assistant.api")

STATIC_DIR = Path(__file__).parent / "static"
MODEL_NAME = "vraagbaak"
MAX_K = 50  # upper bound for the optional `k` (number of retrieved passages)
PROTECTED_PREFIXES = ("/api", "/v1")  # routes that need the API key when one is set

NOT_FOUND_NL = (
    "Dit staat niet in de documenten. Ik heb in de arbeidsmarktrapporten geen passage gevonden "
    "die deze vraag beantwoordt. Probeer de vraag anders te formuleren of bekijk de lijst met "
    "documenten."
)
NOT_FOUND_EN = (
    "Sorry, this is not in the documents (staat niet in de documenten): I found no passage in "
    "the labour-market reports that answers this question. Try rephrasing it or check the list "
    "of documents."
)


# --------------------------------------------------------------------------------------------
# Request bodies (strict types: a number where text is expected is a 422, not a silent cast)
# --------------------------------------------------------------------------------------------


class AskRequest(BaseModel):
    question: StrictStr = Field(description="The question, in Dutch or English.")
    k: StrictInt | None = Field(None, ge=1, le=MAX_K, description="Passages in 'retrieved'.")


class ChatMessage(BaseModel):
    role: Literal["system", "user", "assistant"]
    content: StrictStr


class ChatRequest(BaseModel):
    messages: list[ChatMessage] = Field(
        description="The conversation; the last user message is answered."
    )
    stream: StrictBool = Field(False, description="Answer as Server-Sent Events.")
    k: StrictInt | None = Field(None, ge=1, le=MAX_K)


class ContentPart(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: StrictStr
    text: StrictStr | None = None


class OpenAIMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: StrictStr | list[ContentPart] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(p.text or "" for p in self.content if p.type == "text")
        return self.content or ""


class CompletionRequest(BaseModel):
    """The OpenAI chat request; options we do not use (temperature, ...) are accepted."""

    model_config = ConfigDict(extra="allow")
    model: StrictStr = MODEL_NAME
    messages: list[OpenAIMessage]
    stream: StrictBool = False


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


class ApiError(Exception):
    """A 4xx/5xx answer with a one-line message for the client."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


def error_response(
    path: str, status: int, message: str, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    """{"error": message}; on /v1 the OpenAI shape {"error": {"message", "type", "code"}}."""
    if path.startswith("/v1"):
        kind = "invalid_request_error" if status < 500 else "server_error"
        if status == 401:
            kind = "authentication_error"
        body: dict[str, Any] = {"error": {"message": message, "type": kind, "code": status}}
    else:
        body = {"error": message, **extra}
    return JSONResponse(body, status_code=status, headers=headers)


def is_english(text: str) -> bool:
    """The question's language, guessed the same way the answerer does (Dutch by default)."""
    return detect_language(text) == "en"


def reply_text(answer: Answer) -> str:
    """The assistant's chat message: the answer, or a polite 'not in the documents'."""
    if answer.abstained or not answer.answer.strip():
        return NOT_FOUND_EN if is_english(answer.question) else NOT_FOUND_NL
    return answer.answer


def where(citation: Citation, english: bool = False) -> str:
    """'regels 335-336' or 'pagina 4' (or the English words)."""
    parts = []
    if citation.page is not None:
        parts.append(f"{'page' if english else 'pagina'} {citation.page}")
    if citation.line_start is not None:
        end = citation.line_end or citation.line_start
        if end != citation.line_start:
            parts.append(f"{'lines' if english else 'regels'} {citation.line_start}-{end}")
        else:
            parts.append(f"{'line' if english else 'regel'} {citation.line_start}")
    return ", ".join(parts)


def sources_text(answer: Answer) -> str:
    """The citations as readable text, appended to the OpenAI-style answer."""
    if answer.abstained or not answer.citations:
        return ""
    english = is_english(answer.question)
    lines = ["", "", "Sources:" if english else "Bronnen:"]
    for number, c in enumerate(answer.citations, start=1):
        quote = c.quote if len(c.quote) <= 300 else c.quote[:299].rstrip() + "…"
        date = f" ({c.date})" if c.date else ""
        place = where(c, english)
        place = f", {place}" if place else ""
        lines.append(f"[{number}] {c.title}{date}{place}: “{quote}”")
    return "\n".join(lines)


def pieces(text: str, words_per_piece: int = 6) -> list[str]:
    """Split text into a few word groups (the streamed deltas); joined they give the text."""
    words = re.findall(r"\S+\s*|\s+", text)
    step = words_per_piece
    groups = ["".join(words[i : i + step]) for i in range(0, len(words), step)]
    return groups or [""]


def sse(event: str | None, data: Any) -> str:
    """One Server-Sent Event; data is JSON (always one line) unless it is a plain string."""
    payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {payload}\n\n"


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# --------------------------------------------------------------------------------------------
# Middleware (plain ASGI: runs before routing, so no body is parsed for a refused request)
# --------------------------------------------------------------------------------------------


def _protected(path: str) -> bool:
    return any(path == p or path.startswith(p + "/") for p in PROTECTED_PREFIXES)


class ApiKeyMiddleware:
    """Requires `Authorization: Bearer KEY` on /api and /v1 when a key is configured."""

    def __init__(self, app: ASGIApp, api_key: str | None) -> None:
        self.app = app
        self.key = api_key.encode() if api_key else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (
            self.key is None
            or scope["type"] != "http"
            or scope["method"] == "OPTIONS"  # CORS pre-flight carries no credentials
            or not _protected(path)
        ):
            await self.app(scope, receive, send)
            return
        header = Headers(scope=scope).get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(token.strip().encode(), self.key):
            await self.app(scope, receive, send)
            return
        message = (
            "Geen API-sleutel meegestuurd: gebruik de header 'Authorization: Bearer <sleutel>'."
            if not header
            else "Ongeldige API-sleutel."
        )
        response = error_response(path, 401, message, headers={"WWW-Authenticate": "Bearer"})
        await response(scope, receive, send)


class BodyLimitMiddleware:
    """Refuses request bodies above max_bytes with 413, by Content-Length and by actual size.

    The (small) body is read here and handed on to the app in one piece.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        too_large = f"Verzoek te groot: maximaal {self.max_bytes} bytes."
        declared = Headers(scope=scope).get("content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                await error_response(path, 400, "Ongeldige Content-Length.")(scope, receive, send)
                return
            if int(declared) > self.max_bytes:
                await error_response(path, 413, too_large)(scope, receive, send)
                return

        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await error_response(path, 413, too_large)(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break

        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # afterwards: wait for the disconnect, as usual

        await self.app(scope, replay, send)


# --------------------------------------------------------------------------------------------
# The application
# --------------------------------------------------------------------------------------------


class Service:
    """What the endpoints share: settings and the assistant once it is loaded."""

    def __init__(self, settings: Settings, assistant: Assistant | None) -> None:
        self.settings = settings
        self.assistant = assistant
        self.load_error: str | None = None
        self.internal_errors = 0  # unexpected exceptions turned into a 500 (tests expect 0)

    def load(self) -> None:
        """Open (or build) the index; runs in a background thread at start-up."""
        started = time.perf_counter()
        try:
            self.assistant = Assistant.open(self.settings, build_if_missing=True, quiet=True)
        except Exception as exc:  # noqa: BLE001 - reported by /readyz and the log
            self.load_error = f"{type(exc).__name__}: {exc}"
            log.exception("Loading the index failed")
            return
        log.info("Index loaded in %.1f s; ready.", time.perf_counter() - started)

    def ready(self) -> Assistant:
        if self.assistant is None:
            if self.load_error:
                raise ApiError(503, f"De index kon niet worden geladen: {self.load_error}")
            raise ApiError(
                503, "De index wordt nog geladen; probeer het zo opnieuw.", {"Retry-After": "5"}
            )
        return self.assistant

    def ask(self, question: str, k: int | None) -> Answer:
        """Check the question against the limits, then answer it."""
        limit = self.settings.max_question_chars
        if not question.strip():
            raise ApiError(400, "De vraag is leeg.")
        if len(question) > limit:
            raise ApiError(400, f"De vraag is te lang ({len(question)} tekens, maximaal {limit}).")
        assistant = self.ready()
        try:
            return assistant.ask(question, k=k)
        except QuestionError as exc:
            raise ApiError(400, str(exc)) from exc

    def last_user_message(self, messages: list[tuple[str, str]]) -> str:
        limit = self.settings.max_messages
        if len(messages) > limit:
            raise ApiError(400, f"Te veel berichten ({len(messages)}, maximaal {limit}).")
        for role, content in reversed(messages):
            if role == "user":
                return content
        raise ApiError(400, "Geen bericht met role 'user' gevonden om te beantwoorden.")


def create_app(assistant: Assistant | None = None, settings: Settings | None = None) -> FastAPI:
    """The FastAPI app. Without an assistant the index is opened in a thread at start-up."""
    settings = settings or get_settings()
    service = Service(settings, assistant)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if not settings.api_key:
            log.warning(
                "No API key configured (VRAAGBAAK_API_KEY): the service is unauthenticated and "
                "must only listen on a loopback address."
            )
        if service.assistant is None:
            threading.Thread(target=service.load, name="load-index", daemon=True).start()
        yield

    app = FastAPI(
        title="Vraagbaak",
        version="0.1.0",
        description="Answers questions about Dutch labour-market reports with exact citations.",
        lifespan=lifespan,
        docs_url=None,  # the default page loads Swagger UI from a CDN; see /docs below
        redoc_url=None,
    )
    app.state.service = service

    # Middleware: the last added runs first. Order: CORS -> API key -> body limit -> routes.
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(ApiKeyMiddleware, api_key=settings.api_key)
    origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type"],
        )

    _add_error_handlers(app, service)
    _add_api_routes(app, service)
    _add_openai_routes(app, service)
    _add_page_routes(app, service)
    return app


def _add_error_handlers(app: FastAPI, service: Service) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(request.url.path, exc.status, exc.message, exc.headers)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return error_response(request.url.path, exc.status_code, str(exc.detail), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return error_response(request.url.path, 400, "Ongeldige JSON in de body.")
        details = [
            {"loc": [str(part) for part in e.get("loc", ())], "msg": str(e.get("msg", ""))}
            for e in errors
        ]
        summary = "; ".join(f"{'.'.join(d['loc'])}: {d['msg']}" for d in details[:5])
        return error_response(
            request.url.path, 422, f"Ongeldige invoer: {summary}", details=details
        )

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        service.internal_errors += 1
        log.error("Unexpected error on %s", request.url.path, exc_info=exc)
        return error_response(request.url.path, 500, "Interne fout; zie het log van de service.")


def _add_api_routes(app: FastAPI, service: Service) -> None:
    @app.get("/healthz", tags=["status"])
    def healthz() -> dict[str, str]:
        """The process is up (the index may still be loading)."""
        return {"status": "ok"}

    @app.get("/readyz", tags=["status"])
    def readyz() -> JSONResponse:
        """200 once the index is loaded, 503 before (or when loading failed)."""
        if service.assistant is not None:
            return JSONResponse({"status": "ready"})
        if service.load_error:
            return JSONResponse({"status": "error", "error": service.load_error}, 503)
        return JSONResponse({"status": "loading"}, 503, headers={"Retry-After": "5"})

    @app.post("/api/ask", tags=["api"])
    def ask(body: AskRequest) -> JSONResponse:
        """Exactly the JSON object of `ask --json`."""
        return JSONResponse(service.ask(body.question, body.k).to_dict())

    @app.post("/api/chat", tags=["api"])
    def chat(body: ChatRequest) -> Any:
        """Answers the last user message: {message, answer, highlight}, or SSE when stream is
        true: `answer` events ({"delta"}), a `citations` event (the ask object plus
        "highlight"), then `done`."""
        question = service.last_user_message([(m.role, m.content) for m in body.messages])
        answer = service.ask(question, body.k)
        content = reply_text(answer)
        if not body.stream:
            return {
                "message": {"role": "assistant", "content": content},
                "answer": answer.to_dict(),
                "highlight": list(answer.highlight),
            }

        def events() -> Iterator[str]:
            for delta in pieces(content):
                yield sse("answer", {"delta": delta})
            yield sse("citations", {**answer.to_dict(), "highlight": list(answer.highlight)})
            yield sse("done", {})

        return _event_stream(events())

    @app.get("/api/documents", tags=["api"])
    def documents() -> list[dict[str, Any]]:
        """The indexed documents: source, title, publisher, date, language, kind, chunks."""
        return service.ready().documents()

    @app.get("/api/documents/{source}", tags=["api"])
    def document_text(
        source: str,
        line_start: int | None = Query(None, ge=1),
        line_end: int | None = Query(None, ge=1),
        page: int | None = Query(None, ge=1),
        context: int = Query(8, ge=0, le=200),
    ) -> dict[str, Any]:
        """The original lines around a citation; cited lines have "cited": true."""
        if line_start is not None and line_end is not None and line_end < line_start:
            raise ApiError(400, "line_end ligt voor line_start.")
        assistant = service.ready()
        try:
            return assistant.document_text(source, line_start, line_end, page, context)
        except KeyError as exc:
            raise ApiError(404, f"Onbekend document: {source}") from exc
        except ValueError as exc:
            raise ApiError(400, f"Ongeldig bereik: {exc}") from exc


def _event_stream(events: Iterator[str]) -> StreamingResponse:
    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    return StreamingResponse(events, media_type="text/event-stream", headers=headers)


def _add_openai_routes(app: FastAPI, service: Service) -> None:
    @app.get("/v1/models", tags=["openai"])
    def models() -> dict[str, Any]:
        """The single model, so OpenAI-compatible clients can list it."""
        return {
            "object": "list",
            "data": [{"id": MODEL_NAME, "object": "model", "created": 0, "owned_by": "vraagbaak"}],
        }

    @app.post("/v1/chat/completions", tags=["openai"])
    def chat_completions(body: CompletionRequest) -> Any:
        """OpenAI chat completions: the answer with its sources appended to the text, plus an
        extra top-level "citations" field (in the final chunk when streaming)."""
        question = service.last_user_message([(m.role, m.text()) for m in body.messages])
        answer = service.ask(question, None)
        content = reply_text(answer) + sources_text(answer)
        citations = [c.to_dict() for c in answer.citations]
        ident = f"chatcmpl-{uuid.uuid4().hex}"
        created = int(time.time())
        if not body.stream:
            prompt_tokens = sum(len(m.text().split()) for m in body.messages)
            completion_tokens = len(content.split())
            return {
                "id": ident,
                "object": "chat.completion",
                "created": created,
                "model": MODEL_NAME,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": content},
                        "finish_reason": "stop",
                        "logprobs": None,
                    }
                ],
                "usage": {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": completion_tokens,
                    "total_tokens": prompt_tokens + completion_tokens,
                },
                "citations": citations,
            }

        def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
            choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
            data = {
                "id": ident,
                "object": "chat.completion.chunk",
                "created": created,
                "model": MODEL_NAME,
                "choices": [choice],
                **extra,
            }
            return sse(None, data)

        def events() -> Iterator[str]:
            yield chunk({"role": "assistant", "content": ""})
            for delta in pieces(content):
                yield chunk({"content": delta})
            yield chunk({}, "stop", citations=citations)
            yield sse(None, "[DONE]")

        return _event_stream(events())


def _add_page_routes(app: FastAPI, service: Service) -> None:
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        """A plain, offline description of the API (FastAPI's default page needs a CDN)."""
        return HTMLResponse(_docs_page(app.openapi(), bool(service.settings.api_key)))


def _docs_page(schema: dict[str, Any], keyed: bool) -> str:
    esc = html.escape
    rows = []
    for path, operations in schema.get("paths", {}).items():
        for method, op in operations.items():
            params = ", ".join(p["name"] for p in op.get("parameters", []))
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            ref = body.get("schema", {}).get("$ref", "")
            detail = esc(op.get("description", "")).replace("\n", "<br>")
            rows.append(
                f"<tr><td><code>{esc(method.upper())}</code></td><td><code>{esc(path)}</code></td>"
                f"<td>{esc(', '.join(filter(None, [params, ref.rsplit('/', 1)[-1]])))}</td>"
                f"<td>{detail}</td></tr>"
            )
    auth = (
        "Every /api and /v1 route needs <code>Authorization: Bearer KEY</code>."
        if keyed
        else "No API key is configured: the service only listens on loopback."
    )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Vraagbaak API</title><link rel='stylesheet' href='/static/app.css'></head>"
        "<body class='docs'><main><h1>Vraagbaak API</h1>"
        f"<p>{esc(schema.get('info', {}).get('description', ''))} {auth} "
        "The full machine-readable description is <a href='/openapi.json'>/openapi.json</a>."
        "</p><table><thead><tr><th>Method</th><th>Path</th><th>Parameters / body</th>"
        f"<th>Description</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "</main></body></html>"
    )


# --------------------------------------------------------------------------------------------
# Running it
# --------------------------------------------------------------------------------------------


def serve(settings: Settings) -> None:
    """Run the service with uvicorn on settings.host:settings.port (blocks until stopped).

    Without an API key only a loopback host is allowed; otherwise this exits with status 2.
    """
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(name)s: %(message)s")
    if not settings.api_key and not is_loopback(settings.host):
        print(
            f"Refusing to listen on {settings.host}: no API key is configured. Set "
            "VRAAGBAAK_API_KEY, or use a loopback host such as 127.0.0.1.",
            file=sys.stderr,
        )
        raise SystemExit(2)
    access = "API key required on /api and /v1" if settings.api_key else "unauthenticated"
    log.info("Vraagbaak on http://%s:%d/ (%s)", settings.host, settings.port, access)
    uvicorn.run(create_app(settings=settings), host=settings.host, port=settings.port)


@contextmanager
def running_in_thread(app: FastAPI, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Run app with uvicorn in a background thread; yields its base URL (port 0: a free one).

    Used by the tests; handy for embedding the service in another program.
    """
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    bound_port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{bound_port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


if __name__ == "__main__":  # python -m assistant.api (host, port etc. from VRAAGBAAK_*)
    serve(get_settings())
