"""The `hiring-assistant` command (also `python -m assistant`). Errors become plain messages here, and only here.

Heavy imports (gradio, chromadb, langchain) happen inside the commands that need them, so `ask` starts fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import AssistantError, InputError

EXIT_AD_ERRORS = 3  # check-ad found error-level flags (2 is bad input, 1 a bug)

EPILOG = """\
examples:
  hiring-assistant ingest                       build the index of the default guide (idempotent)
  hiring-assistant ask "Quel salaire pour un account manager débutant ?"
  hiring-assistant draft-ad examples/brief-fr.yaml --format md
  hiring-assistant check-ad my-ad.md
  hiring-assistant summarize examples/notes-fr.txt
  cat notes.txt | hiring-assistant summarize -
  hiring-assistant ui                           the web app on http://127.0.0.1:7860

Runs offline by default. Set OPENAI_API_KEY, or ASSISTANT_LLM_BASE_URL and ASSISTANT_LLM_MODEL for an
OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp), to use an LLM. See README.md for all settings.
"""


def _services(args: argparse.Namespace, **overrides: Any) -> Any:
    from .guide.knowledge import stderr_progress
    from .services import Services
    from .settings import load_settings

    settings = load_settings(**overrides)

    return Services(settings=settings, progress=stderr_progress if sys.stderr.isatty() or args.progress else None)


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _backend_line(services: Any) -> str:
    return f"[backend: {services.backend_description}]"


# --------------------------------------------------------------------------- commands


def cmd_ingest(args: argparse.Namespace) -> int:
    from .guide.knowledge import ingest, stderr_progress

    overrides: dict[str, Any] = {}
    if args.guide_dir:
        guide_dir = Path(args.guide_dir).resolve()
        overrides = {"ASSISTANT_KNOWLEDGE_DIR": str(guide_dir.parent), "ASSISTANT_GUIDE": guide_dir.name}
    from .settings import load_settings

    settings = load_settings(**overrides)
    report = ingest(settings, rebuild=args.rebuild, progress=stderr_progress)
    print(report.summary())
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from .qa import ask

    services = _services(args)
    answer = ask(args.question, services, k=args.k)
    if args.json:
        _print_json(answer.model_dump(exclude_none=False))
        return 0
    print(answer.answer)
    for n, c in enumerate(answer.citations, 1):
        excerpt = c.text if len(c.text) <= 300 else c.text[:300] + "…"
        print(f"\n[{n}] {c.section}\n    {excerpt}".replace("\n", "\n    ").replace("\n    \n", "\n\n", 1))
    if answer.notice:
        print(f"\nNote: {answer.notice}")
    print(f"\n{_backend_line(services)}", file=sys.stderr)
    return 0


def cmd_draft_ad(args: argparse.Namespace) -> int:
    from .ads import draft_job_ad, load_brief
    from .ads import export as render

    services = _services(args)
    brief = load_brief(Path(args.brief))
    result = draft_job_ad(brief, services, language=args.lang)
    fmt = args.format
    if fmt == "json":
        out = json.dumps(result.to_json(), ensure_ascii=False, indent=2, default=str)
    elif fmt == "jsonld":
        out = json.dumps(render.ad_to_jsonld(result), ensure_ascii=False, indent=2, default=str)
    elif fmt == "html":
        out = render.ad_to_html(result)
    else:
        out = render.ad_to_markdown(result)
    _write(out, args.output)
    if fmt in ("md", "html", "jsonld"):
        _report_flags(result.flags)
    print(_backend_line(services), file=sys.stderr)
    # Like check-ad: an ad with error-level flags (a protected criterion the brief asked for, text aimed at the AI,
    # a sentence the model wrote and that was removed) must not be published by a script without a look.
    return EXIT_AD_ERRORS if any(f.severity == "error" for f in result.flags) else 0


def cmd_check_ad(args: argparse.Namespace) -> int:
    from .guide.framework import load_framework
    from .rules.compliance import lint_ad
    from .settings import load_settings

    text = read_text_file(args.file, what="ad", max_chars=100_000)
    settings = load_settings()
    flags = lint_ad(
        text, framework=load_framework(settings.guide_dir), level=args.level, job_in_france=args.country.upper() == "FR"
    )
    if args.json:
        _print_json({"flags": [f.model_dump() for f in flags]})
    else:
        if not flags:
            print("No flags: nothing found to fix.")
        for f in flags:
            print(
                f"{f.severity.upper():8} {f.kind:17} {f.message}"
                + (f"\n{'':26} « {f.evidence} »" if f.evidence else "")
            )
    return EXIT_AD_ERRORS if any(f.severity == "error" for f in flags) else 0


def cmd_summarize(args: argparse.Namespace) -> int:
    from .notes import read_notes_file, scorecard_to_markdown, summarize_notes

    services = _services(args)
    notes = read_notes_file(args.notes)
    summary = summarize_notes(notes, services, stage=args.stage, fallback_offline=True)
    if args.format == "json":
        _print_json(summary.to_json())
    else:
        print(scorecard_to_markdown(summary))
    print(_backend_line(services), file=sys.stderr)
    return 0


def cmd_ui(args: argparse.Namespace) -> int:
    from .ui.app import launch

    overrides: dict[str, Any] = {}
    if args.host:
        overrides["ASSISTANT_UI_HOST"] = args.host
    if args.port:
        overrides["ASSISTANT_UI_PORT"] = args.port
    launch(overrides)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from .llm import describe_backend
    from .settings import load_settings

    settings = load_settings()
    from .llm import structured_method_in_use

    info: dict[str, Any] = {"guide": str(settings.guide_dir), "llm": describe_backend(settings)}
    if settings.resolved_llm_backend != "offline":
        info["structured"] = structured_method_in_use(settings)
    try:
        from .guide.knowledge import open_knowledge_base

        kb = open_knowledge_base(settings, auto_ingest=False)
        info["index"] = kb.describe()
        if kb.warning:
            info["warning"] = kb.warning
    except AssistantError as exc:
        info["index"] = f"not ready: {exc}"
    for key, value in info.items():
        print(f"{key:8} {value}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import run_bench

    run_bench(chunks=args.chunks, queries=args.queries)
    return 0


# --------------------------------------------------------------------------- helpers


def read_text_file(path: str, *, what: str, max_chars: int) -> str:
    """A UTF-8 text file (or '-' for stdin) of at most `max_chars` characters, with clear errors."""
    from .textfile import read_text_input

    text = read_text_input(path, what=what, max_bytes=4 * max_chars)
    if len(text) > max_chars:
        raise InputError(f"{path}: {len(text)} characters; the limit for an {what} is {max_chars}.")
    return text


def _write(text: str, output: str | None) -> None:
    if not output:
        print(text)
        return
    target = Path(output)
    if target.is_dir():
        raise InputError(f"-o {output}: is a folder; give a file name inside it (e.g. {target / 'ad.md'}).")
    if not target.parent.is_dir():
        raise InputError(f"-o {output}: the folder {target.parent} does not exist; create it or choose another path.")
    try:
        with target.open("w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        import errno

        reason = "no space left on the device" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
        raise InputError(f"-o {output}: cannot write the file: {reason}.") from None
    print(f"Written to {output}", file=sys.stderr)


def _report_flags(flags: list[Any]) -> None:
    for f in flags:
        where = f" « {f.evidence} »" if f.evidence else ""
        print(f"{f.severity.upper()}: [{f.kind}]{where} {f.message}", file=sys.stderr)


def _bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number in [low, high]."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{number} is out of range: give {low} to {high:,}")
        return number

    return parse


def _top_k(value: str) -> int:
    try:
        k = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 1 <= k <= 20:
        raise argparse.ArgumentTypeError("must be between 1 and 20")
    return k


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hiring-assistant",
        description="A recruiter's assistant grounded in a hiring guide: cited answers, job ads checked against "
        "French/EU rules, evidence-backed interview scorecards.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--debug", action="store_true", help="show the full traceback of unexpected errors")
    parser.add_argument("--progress", action="store_true", help="show progress bars even when stderr is not a terminal")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=func)
        return p

    p = add("ingest", cmd_ingest, "(Re)build the index of a guide. Idempotent: an unchanged guide writes nothing.")
    p.add_argument("guide_dir", nargs="?", help="a guide folder (default: knowledge/account-manager)")
    p.add_argument(
        "--rebuild",
        action="store_true",
        help="drop the guide's index first (needed after changing the embedding model)",
    )

    p = add("ask", cmd_ask, "Ask a question about the guide; the answer cites the passages it rests on.")
    p.add_argument("question")
    p.add_argument("--json", action="store_true", help="print the answer, citations and backend as JSON")
    p.add_argument("-k", type=_top_k, default=None, help="passages to retrieve, 1 to 20 (default ASSISTANT_TOP_K=5)")

    p = add("draft-ad", cmd_draft_ad, "Draft a job ad from a brief (YAML or JSON), checked against French/EU rules.")
    p.add_argument("brief", help="brief file; see examples/brief-fr.yaml")
    p.add_argument("--format", choices=["md", "html", "jsonld", "json"], default="md")
    p.add_argument(
        "--lang", choices=["fr", "en"], default=None, help="language of the ad (default: the brief's, else fr)"
    )
    p.add_argument("-o", "--output", help="write to this file instead of standard output")

    p = add(
        "check-ad", cmd_check_ad, "Lint any job ad (Markdown or text) against French/EU job-ad rules. Exit 3 on errors."
    )
    p.add_argument("file", help="the ad, or - for standard input")
    p.add_argument(
        "--level",
        choices=["junior", "mid", "senior"],
        default=None,
        help="level, to check pay against the guide's grid",
    )
    p.add_argument(
        "--country",
        default="FR",
        help="ISO code of the job's country (default FR: French job-ad law, "
        "including the French-language rule, applies)",
    )
    p.add_argument("--json", action="store_true")

    p = add("summarize", cmd_summarize, "Turn interview notes into an evidence-backed scorecard (notes never stored).")
    p.add_argument("notes", help="a UTF-8 text file, or - for standard input")
    p.add_argument("--stage", choices=["phone", "face_to_face", "case_study"], default=None)
    p.add_argument("--format", choices=["md", "json"], default="md")

    p = add("ui", cmd_ui, "Launch the web app (binds 127.0.0.1 by default).")
    p.add_argument("--host", default=None)
    p.add_argument("--port", type=_bounded_int(1, 65535), default=None, help="1 to 65535 (default 7860)")

    add("status", cmd_status, "Show the guide, the index and the active LLM backend.")

    p = add(
        "bench", cmd_bench, "Print performance figures (ingest, ask latency, cold start, retrieval at scale, memory)."
    )
    p.add_argument(
        "--chunks",
        type=_bounded_int(1, 1_000_000),
        default=30_000,
        help="size of the synthetic store for the retrieval benchmark (1 to 1,000,000)",
    )
    p.add_argument("--queries", type=_bounded_int(1, 10_000), default=50, help="queries to time (1 to 10,000)")
    from .evaluation import add_parser as add_eval_parser

    add_eval_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): nothing left to say, and nothing is wrong
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as exc:  # a bug: say so plainly, with the way to see more
        if args.debug:
            raise
        # The message may quote the input (pydantic does), and inputs can be candidates' notes: name the class only.
        print(f"unexpected error: {exc.__class__.__name__} (a bug; run with --debug for the details)", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
