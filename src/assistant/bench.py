"""Benchmarks: how fast ingest and answering are, beside the targets.

Measures (a) a full ingest of the seeds into a fresh temporary index with an empty embedding
cache, (b) an unchanged re-ingest of that index, (c) warm `Assistant.ask` latency over every
evaluation question (after one warm-up ask) and (d) the wall time of a cold `assistant ask` in a
new process. Writes eval/benchmarks.json and eval/benchmarks.md with the machine it ran on.
Nothing here asserts on timings; the targets are reported, not enforced.
Imports from the package: settings, ingest, answer and evaluate (for the question set); the CLI
calls `main_bench`.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from assistant.evaluate import DEFAULT_SET, EVAL_DIR, load_questions, text_table
from assistant.settings import ROOT, Settings, get_settings

COLD_QUESTION = "Hoeveel openstaande vacatures waren er eind 2025 in de industrie?"

# measure -> (label, unit, target: the value must be at most this)
TARGETS: dict[str, tuple[str, str, float]] = {
    "full_ingest_s": ("full ingest, empty embedding cache", "s", 60.0),
    "reingest_unchanged_s": ("unchanged re-ingest", "s", 3.0),
    "warm_p50_ms": ("warm ask, p50", "ms", 100.0),
    "warm_p95_ms": ("warm ask, p95", "ms", 250.0),
    "cold_ask_s": ("cold `assistant ask` (new process), median", "s", 2.5),
}


def machine() -> dict[str, Any]:
    """nproc, CPU model, memory and Python: what the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb: float | None = None
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
        memory_gb = round(pages * size / 1024**3, 1)
    except (ValueError, OSError, AttributeError):
        pass
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = None
    return {
        "nproc": os.cpu_count(),
        "load_average": load,  # other work on the machine skews the timings
        "cpu_model": cpu,
        "memory_gb": memory_gb,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def _timed(step: str, bar: tqdm) -> float:
    bar.set_description_str(step)
    return time.perf_counter()


def _ms_percentile(values: list[float], q: float) -> float:
    return round(float(np.percentile(values, q)), 1)


def cold_ask(settings: Settings, question: str, runs: int) -> dict[str, Any]:
    """Wall time of `assistant ask QUESTION` in a fresh Python process, `runs` times."""
    if importlib.util.find_spec("assistant.cli") is None:
        return {"seconds": None, "runs": [], "note": "assistant.cli does not exist (yet)"}
    code = "import sys; from assistant.cli import main; sys.exit(main(['ask', sys.argv[1]]))"
    env = {k: v for k, v in os.environ.items() if not k.startswith("VRAAGBAAK_")}
    env |= {
        "VRAAGBAAK_VECTORSTORE_DIR": str(settings.vectorstore_dir),
        "VRAAGBAAK_CACHE_PATH": str(settings.embedding_cache),
        "VRAAGBAAK_SEEDS_DIR": str(settings.seeds_dir),
        "VRAAGBAAK_MANIFEST": str(settings.manifest),
        "ANONYMIZED_TELEMETRY": "False",
    }
    times: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", code, question],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        elapsed = time.perf_counter() - started
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            return {"seconds": None, "runs": times, "note": f"exit {proc.returncode}: {last}"}
        times.append(round(elapsed, 3))
    return {"seconds": round(statistics.median(times), 3), "runs": times, "note": None}


def run_benchmarks(
    settings: Settings, set_path: Path, *, cold_runs: int = 3, quiet: bool = False
) -> dict[str, Any]:
    """All four measurements on a fresh temporary index; returns the benchmarks.json object."""
    from assistant.answer import Assistant
    from assistant.ingest import ingest

    host = machine()  # before we load the machine ourselves
    questions = load_questions(set_path)
    files = sorted(p for p in settings.seeds_dir.iterdir() if p.is_file())
    results: dict[str, Any] = {}
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="vraagbaak-bench-", ignore_cleanup_errors=True) as tmp:
        fresh = settings.model_copy(
            update={
                "vectorstore_dir": Path(tmp) / "index",
                "cache_path": Path(tmp) / "embeddings.sqlite",
                "chroma_url": None,
            }
        )
        steps = tqdm(
            total=4, desc="bench", unit="step", file=sys.stderr, disable=quiet, dynamic_ncols=True
        )

        started = _timed("full ingest", steps)
        first = ingest(None, fresh, quiet=quiet)
        full_s = time.perf_counter() - started
        results["full_ingest_s"] = round(full_s, 2)
        results["full_ingest_chunks"] = first.chunks_written
        results["full_ingest_embedded"] = first.embedded
        results["full_ingest_chunks_per_s"] = round(first.chunks_written / full_s, 1)
        if first.errors:
            notes.append("ingest errors: " + "; ".join(first.errors))
        steps.update()

        started = _timed("unchanged re-ingest", steps)
        again = ingest(None, fresh, quiet=True)
        results["reingest_unchanged_s"] = round(time.perf_counter() - started, 3)
        results["reingest_unchanged_docs"] = len(again.unchanged)
        results["reingest_chunks_written"] = again.chunks_written
        steps.update()

        _timed("warm asks", steps)
        assistant = Assistant.open(fresh, build_if_missing=False, quiet=True)
        assistant.ask(questions[0].question if questions else COLD_QUESTION)  # warm-up
        latencies: list[float] = []
        for q in tqdm(
            questions,
            desc="warm ask",
            unit="q",
            file=sys.stderr,
            disable=quiet,
            leave=False,
            dynamic_ncols=True,
        ):
            t0 = time.perf_counter()
            assistant.ask(q.question)
            latencies.append((time.perf_counter() - t0) * 1000)
        if latencies:
            results["warm_questions"] = len(latencies)
            results["warm_p50_ms"] = _ms_percentile(latencies, 50)
            results["warm_p95_ms"] = _ms_percentile(latencies, 95)
            results["warm_mean_ms"] = round(statistics.fmean(latencies), 1)
            results["warm_max_ms"] = round(max(latencies), 1)
        steps.update()

        _timed("cold asks", steps)
        cold = cold_ask(fresh, COLD_QUESTION, cold_runs)
        results["cold_ask_s"] = cold["seconds"]
        results["cold_ask_runs_s"] = cold["runs"]
        if cold["note"]:
            notes.append(f"cold ask not measured: {cold['note']}")
        steps.update()
        steps.close()

    return {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": host,
        "corpus": {
            "folder": str(settings.seeds_dir),
            "files": len(files),
            "bytes": sum(p.stat().st_size for p in files),
        },
        "settings": {
            "embedder": settings.embedder,
            "chunk_chars": settings.chunk_chars,
            "chunk_overlap_chars": settings.chunk_overlap_chars,
            "k": settings.k,
        },
        "cold_question": COLD_QUESTION,
        "results": results,
        "targets": {
            key: {"label": label, "unit": unit, "max": limit, "met": _met(results.get(key), limit)}
            for key, (label, unit, limit) in TARGETS.items()
        },
        "notes": notes,
    }


def _met(value: float | None, limit: float) -> bool | None:
    return None if value is None else value <= limit


def _fmt(value: Any, unit: str) -> str:
    if value is None:
        return "not measured"
    return f"{value:.0f} ms" if unit == "ms" else f"{value:.2f} s"


def _verdict(met: bool | None) -> str:
    return {True: "yes", False: "NO", None: "–"}[met]


def render_markdown(bench: dict[str, Any]) -> str:
    m, r, c = bench["machine"], bench["results"], bench["corpus"]
    load = ", ".join(str(x) for x in m["load_average"] or []) or "unknown"
    out = [
        "# Vraagbaak benchmarks",
        "",
        f"Generated {bench['generated_at']} by `assistant bench` on {m['nproc']} CPUs "
        f"({m['cpu_model']}), {m['memory_gb']} GB RAM, Python {m['python']}, "
        f"{m['platform']}; load average at the start {load} (1, 5, 15 min).",
        "",
        f"Corpus: {c['files']} files, {c['bytes'] / 1024:.0f} KiB from `{c['folder']}`; "
        f"embedder {bench['settings']['embedder']}. Each run ingests into a fresh temporary "
        "index with an empty embedding cache, so (a) includes embedding every chunk.",
        "",
        "| measure | value | target | met |",
        "| --- | ---: | ---: | :---: |",
    ]
    for key, t in bench["targets"].items():
        limit = f"≤ {t['max']:.0f} ms" if t["unit"] == "ms" else f"≤ {t['max']:g} s"
        out.append(
            f"| {t['label']} | {_fmt(r.get(key), t['unit'])} | {limit} | {_verdict(t['met'])} |"
        )
    out += [
        "",
        "Details:",
        "",
        f"- full ingest: {r.get('full_ingest_chunks')} chunks "
        f"({r.get('full_ingest_embedded')} embedded), "
        f"{r.get('full_ingest_chunks_per_s')} chunks/s",
        f"- unchanged re-ingest: {r.get('reingest_unchanged_docs')} documents unchanged, "
        f"{r.get('reingest_chunks_written')} chunks written",
        f"- warm ask over {r.get('warm_questions')} evaluation questions (after one warm-up): "
        f"mean {r.get('warm_mean_ms')} ms, max {r.get('warm_max_ms')} ms",
        f"- cold ask (`python -c \"from assistant.cli import main; main(['ask', Q])\"`, "
        f"Q = “{bench['cold_question']}”): runs {r.get('cold_ask_runs_s')} s",
    ]
    if bench["notes"]:
        out += ["", "Notes:", "", *[f"- {n}" for n in bench["notes"]]]
    return "\n".join(out) + "\n"


def summary_table(bench: dict[str, Any]) -> str:
    rows = [("measure", "value", "target", "met")]
    for key, t in bench["targets"].items():
        limit = f"<= {t['max']:.0f} ms" if t["unit"] == "ms" else f"<= {t['max']:g} s"
        rows.append(
            (t["label"], _fmt(bench["results"].get(key), t["unit"]), limit, _verdict(t["met"]))
        )
    return text_table(rows)


def main_bench(
    settings: Settings | None = None,
    out_dir: Path | None = None,
    *,
    set_path: Path | None = None,
    cold_runs: int = 3,
    quiet: bool = False,
) -> int:
    """`assistant bench`: measures, writes benchmarks.json/.md into out_dir (default eval/),
    prints a summary table; returns 0, or 2 when the question set cannot be read.
    The targets are reported, not enforced."""
    from assistant.evaluate import EvalError

    settings = settings or get_settings()
    out_dir = Path(out_dir) if out_dir else EVAL_DIR
    try:
        bench = run_benchmarks(
            settings,
            Path(set_path) if set_path else DEFAULT_SET,
            cold_runs=cold_runs,
            quiet=quiet,
        )
    except EvalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "benchmarks.json").write_text(
        json.dumps(bench, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (out_dir / "benchmarks.md").write_text(render_markdown(bench), encoding="utf-8")
    m = bench["machine"]
    print(f"\nbenchmarks on {m['nproc']} CPUs ({m['cpu_model']})")
    print(summary_table(bench))
    for note in bench["notes"]:
        print(f"note: {note}")
    print(f"written: {out_dir / 'benchmarks.md'}")
    return 0
