"""A small load test for the HTTP service: N concurrent clients posting /api/ask.

    python -m assistant.loadtest --url http://127.0.0.1:8000 --clients 50 --requests 200
    python -m assistant.loadtest --start --clients 50 --requests 200   # starts the service too

Only loopback addresses are allowed (this is not a tool for loading other people's servers).
The run is bounded: a fixed number of requests and a time limit; it stops by itself. Questions
come from eval/questions.jsonl (field "question") when present, else from a built-in list.

Reported: throughput, p50/p95/p99 latency, errors (transport errors, non-200 answers, answers
that are not the ask object) and inconsistent answers (the same question answered differently
under load). Written to eval/load.json and eval/load.md.

Imports from the package: settings (for the default paths) only; the service runs in its own
process when --start is used.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from assistant.settings import ROOT

ASK_KEYS = {"question", "answer", "abstained", "citations", "retrieved"}
BUILT_IN_QUESTIONS = [
    "Hoeveel openstaande vacatures waren er in de industrie aan het eind van 2025?",
    "Hoeveel mensen met een WW-uitkering uit de industrie waren er in december 2025?",
    "Welk percentage van de industriële werkgevers ondervindt belemmering door onvoldoende vraag?",
    "How many vacancies were there in industry at the end of 2025?",
    "Hoeveel vacatures had de zorgsector in Japan in 1990?",
]


@dataclass
class Result:
    question: str
    seconds: float
    status: int | None  # None: no HTTP answer (timeout, connection error)
    error: str | None = None
    answer: str | None = None
    abstained: bool | None = None


@dataclass
class Run:
    """Shared between the client threads: the next request to send and what came back."""

    questions: list[str]
    total: int
    deadline: float
    next_index: int = 0
    results: list[Result] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self) -> str | None:
        """The next question to send, or None when the run is over (count or time)."""
        with self.lock:
            if self.next_index >= self.total or time.monotonic() > self.deadline:
                return None
            question = self.questions[self.next_index % len(self.questions)]
            self.next_index += 1
            return question

    def record(self, result: Result) -> None:
        with self.lock:
            self.results.append(result)


def is_loopback_url(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_questions(path: Path) -> list[str]:
    if not path.exists():
        return list(BUILT_IN_QUESTIONS)
    questions = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            question = json.loads(line).get("question")
            if isinstance(question, str) and question.strip():
                questions.append(question)
    return questions or list(BUILT_IN_QUESTIONS)


def client_loop(run: Run, url: str, headers: dict[str, str], timeout: float) -> None:
    """One client: sends questions one after the other until the run is over."""
    with httpx.Client(base_url=url, headers=headers, timeout=timeout) as http:
        while (question := run.take()) is not None:
            started = time.perf_counter()
            try:
                response = http.post("/api/ask", json={"question": question})
            except httpx.HTTPError as exc:
                seconds = time.perf_counter() - started
                run.record(Result(question, seconds, None, f"{type(exc).__name__}: {exc}"))
                continue
            seconds = time.perf_counter() - started
            result = Result(question, seconds, response.status_code)
            try:
                data = response.json()
            except ValueError:
                data = None
            if response.status_code != 200:
                result.error = f"HTTP {response.status_code}: {response.text[:200]}"
            elif not isinstance(data, dict) or set(data) != ASK_KEYS:
                result.error = "the answer is not the ask object"
            else:
                result.answer = data["answer"]
                result.abstained = data["abstained"]
            run.record(result)


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, round(fraction * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def summarise(run: Run, url: str, clients: int, seconds: float) -> dict[str, Any]:
    results = run.results
    errors = [r for r in results if r.error]
    ok = [r for r in results if not r.error]
    latencies = [r.seconds * 1000 for r in ok] or [0.0]
    first_answer: dict[str, str | None] = {}
    inconsistent = 0
    for r in ok:  # the same question must get the same answer, however busy the service is
        expected = first_answer.setdefault(r.question, r.answer)
        inconsistent += r.answer != expected
    statuses: dict[str, int] = {}
    for r in results:
        key = str(r.status) if r.status is not None else "no response"
        statuses[key] = statuses.get(key, 0) + 1
    return {
        "url": url,
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "clients": clients,
        "requests_planned": run.total,
        "requests_sent": len(results),
        "ok": len(ok),
        "errors": len(errors),
        "error_samples": sorted({r.error for r in errors if r.error})[:5],
        "inconsistent_answers": inconsistent,
        "abstained": sum(bool(r.abstained) for r in ok),
        "distinct_questions": len({r.question for r in results}),
        "status_counts": statuses,
        "duration_s": round(seconds, 2),
        "throughput_rps": round(len(results) / seconds, 2) if seconds else 0.0,
        "latency_ms": {
            "p50": round(percentile(latencies, 0.50), 1),
            "p95": round(percentile(latencies, 0.95), 1),
            "p99": round(percentile(latencies, 0.99), 1),
            "mean": round(statistics.fmean(latencies), 1),
            "max": round(max(latencies), 1),
        },
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
    }


def markdown(report: dict[str, Any], command: str) -> str:
    lat = report["latency_ms"]
    errors = "\n".join(f"- `{e}`" for e in report["error_samples"]) or "none"
    return f"""# Load test of the HTTP service

Written by `python -m assistant.loadtest` on {report["finished_at"]}; the figures are also in
`eval/load.json`. Each client is a thread with its own HTTP connection that posts
`/api/ask` questions (from `eval/questions.jsonl`) one after the other.

Command: `{command}`

| measure | value |
|---|---|
| concurrent clients | {report["clients"]} |
| requests sent / planned | {report["requests_sent"]} / {report["requests_planned"]} |
| distinct questions | {report["distinct_questions"]} |
| errors | {report["errors"]} |
| inconsistent answers (same question, different answer) | {report["inconsistent_answers"]} |
| abstained answers | {report["abstained"]} |
| duration | {report["duration_s"]} s |
| throughput | {report["throughput_rps"]} requests/s |
| latency p50 | {lat["p50"]} ms |
| latency p95 | {lat["p95"]} ms |
| latency p99 | {lat["p99"]} ms |
| latency max | {lat["max"]} ms |

Machine: Python {report["machine"]["python"]}, {report["machine"]["cpus"]} CPUs,
{report["machine"]["platform"]}.

Latency includes waiting in the service's queue: with {report["clients"]} clients at once most of
a request's time is spent waiting for the requests ahead of it, so p50 is roughly
clients / throughput.

Errors: {errors}
"""


def free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_service(time_limit: float) -> tuple[subprocess.Popen[bytes], str]:
    """`python -m assistant.api` on a free loopback port (no key); waits until /readyz is 200."""
    port = free_loopback_port()
    env = {**os.environ, "VRAAGBAAK_HOST": "127.0.0.1", "VRAAGBAAK_PORT": str(port)}
    env.pop("VRAAGBAAK_API_KEY", None)
    log_path = Path(tempfile.gettempdir()) / f"vraagbaak-service-{port}.log"
    print(f"starting the service on 127.0.0.1:{port} (its log: {log_path}) ...")
    with log_path.open("wb") as log:  # the child process keeps its own handle
        process = subprocess.Popen(
            [sys.executable, "-m", "assistant.api"], env=env, stdout=log, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + time_limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log_path.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"the service exited with status {process.returncode}:\n{tail}")
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    process.terminate()
    raise RuntimeError(f"the service was not ready within {time_limit:.0f} s")


def run_load(
    url: str,
    clients: int,
    requests: int,
    time_limit: float,
    timeout: float,
    questions: list[str],
    api_key: str | None = None,
) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    run = Run(questions, requests, time.monotonic() + time_limit)
    threads = [
        threading.Thread(target=client_loop, args=(run, url, headers, timeout), daemon=True)
        for _ in range(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:  # each thread stops after the deadline plus at most one request
        thread.join(timeout=max(0.0, run.deadline - time.monotonic()) + timeout + 5)
    return summarise(run, url, clients, time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m assistant.loadtest", description=__doc__.split("\n\n")[0]
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--url", help="base URL of a running service (loopback only)")
    target.add_argument("--start", action="store_true", help="start the service on a free port")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (1-200)")
    parser.add_argument("--requests", type=int, default=200, help="total requests (1-10000)")
    parser.add_argument("--time-limit", type=float, default=300, help="seconds for the run")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per request")
    parser.add_argument("--questions", type=Path, default=ROOT / "eval" / "questions.jsonl")
    parser.add_argument("--out", type=Path, default=ROOT / "eval", help="folder for load.*")
    parser.add_argument("--api-key", default=os.environ.get("VRAAGBAAK_API_KEY"))
    args = parser.parse_args(argv)

    if not 1 <= args.clients <= 200 or not 1 <= args.requests <= 10_000:
        parser.error("--clients must be 1-200 and --requests 1-10000")
    if args.url and not is_loopback_url(args.url):
        parser.error(f"refusing {args.url}: only loopback addresses (127.0.0.1, ::1, localhost)")

    process = None
    try:
        if args.start:
            process, url = start_service(args.time_limit)
        else:
            url = args.url.rstrip("/")
        questions = load_questions(args.questions)
        print(f"{args.clients} clients, {args.requests} requests to {url}/api/ask ...")
        report = run_load(
            url, args.clients, args.requests, args.time_limit, args.timeout, questions, args.api_key
        )
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)

    target_arg = "--start" if args.start else f"--url {url}"
    command = (
        f"python -m assistant.loadtest {target_arg} --clients {args.clients} "
        f"--requests {args.requests}"
    )
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "load.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (args.out / "load.md").write_text(markdown(report, command), encoding="utf-8")
    lat = report["latency_ms"]
    print(
        f"{report['requests_sent']} requests in {report['duration_s']} s: "
        f"{report['throughput_rps']} req/s, p50 {lat['p50']} ms, p95 {lat['p95']} ms, "
        f"{report['errors']} errors, {report['inconsistent_answers']} inconsistent answers; "
        f"written to {args.out / 'load.json'} and {args.out / 'load.md'}"
    )
    return 1 if report["errors"] or report["inconsistent_answers"] else 0


if __name__ == "__main__":
    sys.exit(main())
