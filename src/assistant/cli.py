"""Command line: `assistant ingest|ask|serve|eval|bench` and the `ask` shortcut.

Every failure the user can cause or fix prints one clear line on stderr and exits non-zero;
no traceback. Configuration comes from VRAAGBAAK_* environment variables (see README).
Imports: settings, and lazily the module each subcommand needs (start-up stays light).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from assistant.settings import Settings, get_settings

SAMPLE_QUESTION = "Hoeveel openstaande vacatures waren er in de industrie aan het eind van 2025?"

EPILOG = """\
configuration (environment variables, all optional):
  VRAAGBAAK_SEEDS_DIR        folder ingested by default (seeds/)
  VRAAGBAAK_VECTORSTORE_DIR  where the Chroma index lives (vectorstore/)
  VRAAGBAAK_CHROMA_URL       use a Chroma server instead, e.g. http://127.0.0.1:8001
  VRAAGBAAK_EMBEDDER         e5 (default, Dutch-capable) or sentence-transformers
  VRAAGBAAK_ST_MODEL         model folder for the sentence-transformers backend
  VRAAGBAAK_API_KEY          require this Bearer token on /api and /v1 (serve)
  ... and more: see the README's table.
"""


class UserError(Exception):
    """Something the user can fix; printed as one line."""


def _fail(message: str, code: int = 1) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


# ---------------------------------------------------------------- ingest


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.ingest import IngestLocked, ingest

    try:
        report = ingest(
            [Path(p) for p in args.paths] or None,
            settings,
            quiet=args.quiet or args.json,
            keep_missing=args.keep_missing,
            rebuild=args.rebuild,
        )
    except IngestLocked as exc:
        return _fail(str(exc), 3)
    for line in report.warnings:
        print(f"warning: {line}", file=sys.stderr)
    for line in report.errors:
        print(f"skipped: {line}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print(report.summary())
    if report.ingested == 0:
        return _fail("nothing could be ingested", 1)
    if args.strict and report.errors:
        return _fail(f"{len(report.errors)} file(s) could not be ingested (--strict)", 1)
    return 0


# ---------------------------------------------------------------- ask


def _open_assistant(settings: Settings) -> Any:
    from assistant.answer import Assistant

    return Assistant.open(settings, build_if_missing=True, quiet=not sys.stderr.isatty())


def _highlight(text: str, figures: Iterable[str], tty: bool) -> str:
    for fig in figures:
        mark = f"\033[1;33m{fig}\033[0m" if tty else f"**{fig}**"
        text = text.replace(fig, mark, 1)
    return text


def _location(c: dict[str, Any]) -> str:
    if c.get("page"):
        return f"p. {c['page']}"
    if c.get("line_start"):
        if c["line_start"] == c["line_end"]:
            return f"regel {c['line_start']}"
        return f"regels {c['line_start']}-{c['line_end']}"
    return ""


def render(answer: Any, show_passages: bool, tty: bool) -> str:
    data = answer.to_dict()
    out: list[str] = []
    if answer.abstained:
        out.append(answer.answer)  # the "not in the documents" message in the question's language
    else:
        out.append(_highlight(data["answer"], answer.highlight, tty))
        if answer.citations:
            out.append("")
            out.append("Bronnen:")
        for i, c in enumerate(data["citations"], start=1):
            date = f", {c['date']}" if c["date"] else ""
            out.append(f"  [{i}] {c['title']}{date} — {c['source']}, {_location(c)}")
            out.append(f"      “{_highlight(' '.join(c['quote'].split()), answer.highlight, tty)}”")
    if show_passages:
        out.append("")
        out.append("Doorzochte passages:")
        for i, p in enumerate(data["retrieved"], start=1):
            text = " ".join(p["text"].split())
            out.append(f"  {i:>2}. {p['score']:.4f} {p['source']} {_location(p)}: {text[:160]}…")
    return "\n".join(out)


def _questions(source: str) -> Iterable[str]:
    handle = sys.stdin if source == "-" else open(source, encoding="utf-8")  # noqa: SIM115
    with handle:
        for line in handle:
            if line.strip():
                yield line.rstrip("\n")


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.answer import QuestionError

    if args.jsonl is None and not args.question:
        return _fail('give a question, e.g. ask "' + SAMPLE_QUESTION + '"', 2)
    if args.jsonl is not None and args.jsonl != "-" and not Path(args.jsonl).is_file():
        return _fail(f"no such file: {args.jsonl}", 2)
    question = " ".join(args.question)
    if args.jsonl is None:  # check the question before loading anything
        from assistant.answer import validate_question

        try:
            validate_question(question, settings.max_question_chars)
        except QuestionError as exc:
            return _fail(str(exc), 2)
    assistant = _open_assistant(settings)
    if args.jsonl is not None:
        failures = 0
        for line in _questions(args.jsonl):
            try:
                q = json.loads(line)["question"] if line.lstrip().startswith("{") else line
                result = assistant.ask(q, k=args.k).to_dict()
            except (QuestionError, json.JSONDecodeError, KeyError, TypeError) as exc:
                failures += 1
                result = {"question": line, "error": str(exc)}
            print(json.dumps(result, ensure_ascii=False), flush=True)
        return 1 if failures else 0
    try:
        answer = assistant.ask(question, k=args.k)
    except QuestionError as exc:
        return _fail(str(exc), 2)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False))
    else:
        print(render(answer, args.show_passages, sys.stdout.isatty()))
    return 0


# ---------------------------------------------------------------- serve, eval, bench


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import api

    updates: dict[str, Any] = {}
    if args.host:
        updates["host"] = args.host
    if args.port:
        updates["port"] = args.port
    result = api.serve(settings.model_copy(update=updates))
    return int(result or 0)


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import evaluate

    return int(
        evaluate.main_eval(
            settings=settings,
            set_path=Path(args.set) if args.set else None,
            gate=args.gate,
            baseline=not args.no_baseline,
            split=args.split,
            out_dir=Path(args.out) if args.out else None,
        )
    )


def cmd_tune(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import tune

    out = Path(args.out) if args.out else None
    if args.weights is not None:
        if args.weights < 1:
            print("error: --weights needs a number of sweeps >= 1", file=sys.stderr)
            return 2
        return int(tune.main_weights(settings, args.weights, out_dir=out))
    if args.abstention_only:
        return int(tune.main_abstention(settings, out_dir=out))
    return int(tune.main_tune(settings, out_dir=out))


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import bench

    return int(bench.main_bench(settings=settings, out_dir=Path(args.out) if args.out else None))


# ---------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant",
        description="Vraagbaak: answers about Dutch labour-market reports, with exact citations.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "ingest",
        help="index documents (incremental)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Clean, chunk and embed .txt/.md/.pdf files into the index. Incremental: unchanged "
            "files are skipped by content hash, a changed file's chunks are replaced.\n"
            "Removal: when PATHS include a folder, the index mirrors the folders given: documents "
            "indexed before that are no longer there are removed (unless --keep-missing). When "
            "PATHS are only files, nothing is removed. A file that fails to load keeps what the "
            "index already had of it.\n"
            "Bad files (corrupt, encrypted, empty, binary) are reported and skipped; the exit code "
            "is non-zero only when nothing could be ingested, or with --strict."
        ),
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: seeds/)")
    p.add_argument(
        "--rebuild",
        action="store_true",
        help="drop the index and build it anew (e.g. after changing the embedder)",
    )
    p.add_argument(
        "--keep-missing",
        action="store_true",
        help="do not remove documents that are no longer in the folders",
    )
    p.add_argument("--strict", action="store_true", help="exit non-zero if any file failed")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=cmd_ingest)

    for name, help_text in (("ask", "answer a question with citations"),):
        p = sub.add_parser(
            name,
            help=help_text,
            formatter_class=argparse.RawDescriptionHelpFormatter,
            description=(
                "Answer a question from the reports, with the passages it rests on. When the "
                "documents do not hold the answer, says so. Builds the index on first use.\n\n"
                f'example:\n  ask "{SAMPLE_QUESTION}"\n'
                '  ask --json "What share of technicians is satisfied with their job?"\n'
                "  ask --jsonl questions.txt   (one question per line, '-' for stdin)"
            ),
        )
        add_ask_arguments(p)
        p.set_defaults(func=cmd_ask)

    p = sub.add_parser("serve", help="start the chat web page and HTTP API")
    p.add_argument("--host", help="bind address (default 127.0.0.1; other hosts need an API key)")
    p.add_argument("--port", type=int, help="port (default 8000)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("eval", help="run the evaluation set; --gate fails on regressions")
    p.add_argument("--set", help="questions file (default eval/questions.jsonl)")
    p.add_argument(
        "--gate",
        action="store_true",
        help="exit non-zero when a metric is below its threshold in eval/gate.toml",
    )
    p.add_argument("--no-baseline", action="store_true", help="skip the plain RAG baseline")
    p.add_argument(
        "--split",
        choices=["heldout", "tune", "all"],
        default="all",
        help="which part of the set to run (default all; the gate uses held-out)",
    )
    p.add_argument("--out", help="report folder (default eval/)")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser(
        "tune",
        help="measure chunk sizes and the abstention threshold on the tuning questions",
        description="Builds an index per chunk size (eval/chunking.md), then sweeps the "
        "confidence threshold (eval/abstention.md). Uses only the tuning part of the set. "
        "With --weights N: a coordinate search of at most N sweeps over the answerer's "
        "weights, written as a proposal to eval/weights.md (the code is not changed).",
    )
    p.add_argument("--out", help="report folder (default eval/)")
    p.add_argument("--abstention-only", action="store_true", help="skip the chunk-size sweep")
    p.add_argument(
        "--weights",
        type=int,
        metavar="N",
        help="coordinate search over answer.W and the threshold, at most N sweeps (a sweep "
        "tries each weight twice, answering all tuning questions each time: about 20 minutes "
        "here)",
    )
    p.set_defaults(func=cmd_tune)

    p = sub.add_parser("bench", help="measure ingest and answer speed; writes eval/benchmarks.*")
    p.add_argument("--out", help="report folder (default eval/)")
    p.set_defaults(func=cmd_bench)
    return parser


def add_ask_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("question", nargs="*", help="the question (quote it)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--jsonl",
        metavar="FILE",
        help="answer one question per line of FILE ('-' = stdin), one JSON per line",
    )
    p.add_argument("--k", type=int, default=None, help="passages to return (default 10)")
    p.add_argument("--show-passages", action="store_true", help="also list the passages searched")


def run(argv: Sequence[str] | None, parser: argparse.ArgumentParser) -> int:
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    if getattr(args, "k", None) is not None and not 1 <= args.k <= 100:
        return _fail("--k must be between 1 and 100", 2)
    from pydantic import ValidationError

    try:
        settings = get_settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        return _fail(
            f"bad configuration: VRAAGBAAK_{str(first['loc'][0]).upper()}: {first['msg']}", 2
        )
    from assistant.embed import EmbedderError
    from assistant.store import IndexError_

    try:
        return int(args.func(args, settings))
    except (IndexError_, EmbedderError, UserError) as exc:
        return _fail(str(exc))
    except RuntimeError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    """`assistant COMMAND ...`"""
    return run(argv, build_parser())


def ask_main(argv: Sequence[str] | None = None) -> int:
    """`ask QUESTION` is `assistant ask QUESTION`."""
    parser = argparse.ArgumentParser(
        prog="ask",
        description="Answer a question about the Dutch labour-market reports, with citations. "
        "Same as `assistant ask`.",
        epilog=f'example:\n  ask "{SAMPLE_QUESTION}"',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_ask_arguments(parser)
    parser.set_defaults(func=cmd_ask)
    return run(argv, parser)


if __name__ == "__main__":
    sys.exit(main())
