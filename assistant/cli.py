"""The `hiring-assistant` command (also `python -m assistant`). Errors become plain messages here, and only here.

Heavy imports (gradio, chromadb, langchain) happen inside the commands that need them, so `ask` starts fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .errors import AssistantError, InputError

EXIT_AD_ERRORS = 3  # check-ad found error-level flags (2 is bad input, 1 a bug)

EPILOG = """\
examples:
  hiring-assistant ingest                       build the index of the default guide (idempotent)
  hiring-assistant ask "Quel salaire pour un account manager débutant ?"
  hiring-assistant ask --chat                   a conversation: one question per line, follow-ups understood
  hiring-assistant draft-ad examples/brief-fr.yaml --format md
  hiring-assistant check-ad my-ad.md
  hiring-assistant summarize examples/notes-fr.txt
  cat notes.txt | hiring-assistant summarize -
  hiring-assistant debrief alice.json bob.json --notes chloe.txt   interviewers' scorecards side by side
  hiring-assistant kit --stage face_to_face --format html -o .   interview kit, printable (kit-<stage>-<date>.html)
  hiring-assistant ui                           the web app on http://127.0.0.1:7860

Runs offline by default. Set OPENAI_API_KEY, or ASSISTANT_LLM_BASE_URL and ASSISTANT_LLM_MODEL for an
OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp), to use an LLM. See README.md for all settings.

exit codes: 0 done; 2 a user error (bad input or setting, index not ready: one line on stderr saying how to fix it);
3 check-ad and draft-ad found error-level flags in the ad; 1 a bug (--debug shows its traceback).
"""


def _services(args: argparse.Namespace, **overrides: Any) -> Any:
    from .guide.knowledge import stderr_progress
    from .services import Services
    from .settings import load_settings

    settings = load_settings(**overrides)

    return Services(settings=settings, progress=stderr_progress if sys.stderr.isatty() or args.progress else None)


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _backend_line(services: Any, used: str | None = None) -> str:
    """The backend that did the job: the configured one, or the offline engine (`used`), where the model failed (the
    note says why) or was not needed (small talk, a question the rules refuse)."""
    if used == "offline" and services.backend != "offline":
        return f"[backend: the offline engine answered (configured: {services.backend_description})]"
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
    # like the other commands: bars on a terminal, or with --progress (stop 53's outside probe: \r noise in logs)
    progress = stderr_progress if sys.stderr.isatty() or args.progress else None
    report = ingest(settings, rebuild=args.rebuild, progress=progress)
    print(report.summary())
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    """One question; or, with --chat, a conversation: one question per line of standard input until EOF, each
    follow-up ("Et pour un senior ?") understood from the previous turns (kept in memory only, never written)."""
    from .errors import LLMError
    from .qa import Turn, ask
    from .qa.conversation import MAX_TURNS

    chat = getattr(args, "chat", False)
    if not chat and not args.question:
        raise InputError("Give a question, or --chat to read questions from standard input (one per line).")
    services = _services(args)
    history: list[Turn] = []

    def turn(question: str) -> str:
        """Answer and print one question; the backend that answered it."""
        # As the app does: a failed model call (an HTTP error, a timeout, an answer looping on itself) gives the
        # offline answer with a notice saying why, not an error and nothing (stop 52, on the real 1.5B model).
        answer = ask(question, services, history=history, k=args.k, fallback_offline=True)
        history.append(Turn.of(question, answer, history))
        del history[:-MAX_TURNS]  # ask() bounds what it reads; the REPL keeps no more than that
        if args.json:
            data = answer.model_dump(exclude_none=False)
            if chat:  # one JSON object per line (JSON Lines), so a script can read the answers as they come
                print(json.dumps(data, ensure_ascii=False, default=str), flush=True)
            else:
                _print_json(data)
            return answer.backend
        if answer.understood_as:
            print(f"(understood as: {answer.understood_as})")
        print(answer.answer)
        for n, c in enumerate(answer.citations, 1):
            excerpt = c.text if len(c.text) <= 300 else c.text[:300] + "…"
            print(f"\n[{n}] {c.section}\n    {excerpt}".replace("\n", "\n    ").replace("\n    \n", "\n\n", 1))
        if answer.notice:
            print(f"\nNote: {answer.notice}")
        sys.stdout.flush()
        return answer.backend

    if not chat:
        used = turn(args.question)
        print(f"\n{_backend_line(services, used)}", file=sys.stderr)
        return 0
    if sys.stdin is None and not args.question:  # `<&-` under cron or systemd (stop 53's outside probe: a crash)
        raise InputError("standard input is closed: `ask --chat` reads one question per line from it.")
    interactive = sys.stdin is not None and sys.stdin.isatty()
    print(f"{_backend_line(services)} One question per line; Ctrl+D to end.", file=sys.stderr)
    lines = iter([args.question] if args.question else [])
    while True:
        try:
            line = next(lines, None)
            if line is None:
                if interactive:
                    print("> ", end="", file=sys.stderr, flush=True)
                line = sys.stdin.readline() if sys.stdin is not None else ""
                if not line:
                    break  # EOF
        except KeyboardInterrupt:
            print(file=sys.stderr)
            break
        if not line.strip():
            continue
        try:
            turn(line.strip())
        except (InputError, LLMError) as exc:  # a bad line or a failed LLM call is reported; the conversation goes on
            print(f"error: {exc}", file=sys.stderr)
        if not args.json:
            print()
    return 0


def cmd_draft_ad(args: argparse.Namespace) -> int:
    from .ads import draft_job_ad, load_brief
    from .ads import export as render
    from .ads.pipeline import notice_in
    from .rules.markup import sanitize_markdown

    services = _services(args)
    brief = load_brief(Path(args.brief))
    result = draft_job_ad(brief, services, language=args.lang, fallback_offline=True)  # as the app does
    fmt = args.format
    # A file written with -o is a download: it carries the ad's open flags (front matter, HTML comment, JSON-LD
    # field), so an ad flagged ERROR never leaves silently clean. On stdout the flags go to stderr instead.
    flags = result.flags if args.output else []
    lang = result.ad.language
    if fmt == "json":
        out = json.dumps(result.to_json(), ensure_ascii=False, indent=2, default=str)
    elif fmt == "jsonld":
        out = render.jsonld_text(render.jsonld_with_flags(render.ad_to_jsonld(result), flags, lang))
    elif fmt == "html":
        out = render.ad_to_html(result)
        out = render.html_with_flags(out, flags, lang) if args.output else out
    else:
        # Inert Markdown: a brief's HTML, images or script links are not carried into a file a job board may render
        # (review of stop 46; the HTML export escapes them, the app's preview sanitises them the same way)
        out = sanitize_markdown(render.ad_to_markdown(result))
        out = render.markdown_with_flags(out, flags, lang) if args.output else out
    _write(out, args.output, [args.brief])
    if fmt in ("md", "html", "jsonld"):
        if result.notice:  # the JSON carries it; the other formats are the ad alone (an offline draft, completions)
            print(f"Note: {notice_in(result, lang)}", file=sys.stderr)
        _report_flags(result.flags)
    print(_backend_line(services, result.backend), file=sys.stderr)
    # Like check-ad: an ad with error-level flags (a protected criterion the brief asked for, text aimed at the AI,
    # a sentence the model wrote and that was removed) must not be published by a script without a look.
    return EXIT_AD_ERRORS if any(f.severity == "error" for f in result.flags) else 0


def cmd_check_ad(args: argparse.Namespace) -> int:
    from .ads.check import check_ad_text
    from .ads.export import strip_front_matter
    from .guide.framework import load_framework
    from .rules.html import looks_like_html
    from .settings import load_settings

    text = read_text_file(args.file, what="ad", max_chars=100_000)
    # Our own exports read back: the linter reads an HTML page as its visible text (offsets into the file as given);
    # a Markdown export is checked without its front matter (the flags it lists are not part of the ad).
    text = text if looks_like_html(text) else strip_front_matter(text)
    settings = load_settings()
    flags = check_ad_text(
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
    from .notes import read_notes_file, scorecard_filename, scorecard_to_json, scorecard_to_markdown, summarize_notes

    services = _services(args)
    notes = read_notes_file(args.notes)
    interviewer = getattr(args, "interviewer", None)
    summary = summarize_notes(notes, services, stage=args.stage, fallback_offline=True, interviewer=interviewer)
    # Both formats are exports: flags quoted by placeholders, no personal data or pay history (notes/redact.py).
    if args.format == "json":
        text = json.dumps(scorecard_to_json(summary), ensure_ascii=False, indent=2, default=str)
    else:
        text = scorecard_to_markdown(summary)
    output = getattr(args, "output", None)
    if output and Path(output).is_dir():  # a folder: scorecard-<stage>-<date>.<fmt> inside it
        output = str(Path(output) / scorecard_filename(summary.stage, args.format))
    if output:
        _write(text, output, [args.notes] if isinstance(args.notes, str) and args.notes != "-" else [])
    else:
        print(text)
    print(_backend_line(services, summary.backend), file=sys.stderr)
    return 0


def cmd_kit(args: argparse.Namespace) -> int:
    from .guide.chunking import load_guide
    from .guide.framework import load_framework
    from .kit import build_kit, kit_filename, render_kit
    from .settings import load_settings

    settings = load_settings()
    framework = load_framework(settings.guide_dir)
    kit = build_kit(framework, args.stage, args.lang or framework.guide.language, load_guide(settings.guide_dir))
    output = args.output
    if output and Path(output).is_dir():  # a folder: the kit's own name inside it
        output = str(Path(output) / kit_filename(kit.stage, args.format))
    _write(render_kit(kit, args.format), output)
    return 0


def cmd_debrief(args: argparse.Namespace) -> int:
    from .debrief import build_debrief, debrief_filename, debrief_to_json, debrief_to_markdown
    from .debrief.load import check_count, read_scorecard_file, score_notes

    notes_files = args.notes or []
    check_count(len(args.scorecards) + len(notes_files))  # before any slow work
    cards = [read_scorecard_file(path) for path in args.scorecards]
    sources = [Path(path).name for path in args.scorecards]
    if notes_files:
        from .notes import read_notes_file

        services = _services(args)
        framework = services.framework
        for path in notes_files:  # each interviewer's notes scored on their own
            cards.append(score_notes(read_notes_file(path), services, what=Path(path).name))
            sources.append(Path(path).name)
    else:
        from .guide.framework import load_framework
        from .settings import load_settings

        framework = load_framework(load_settings().guide_dir)
    debrief = build_debrief(cards, lang=args.lang, framework=framework)
    output = args.output
    if output and Path(output).is_dir():  # a folder: the debrief's own name inside it
        output = str(Path(output) / debrief_filename(debrief, "json" if args.json else "md"))
    _write(
        debrief_to_json(debrief) if args.json else debrief_to_markdown(debrief),
        output,
        [*args.scorecards, *notes_files],
    )
    for info, source in zip(debrief.interviewers, sources, strict=True):
        print(f"{info.name}: {source}", file=sys.stderr)
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
    from .llm import describe_backend, settings_problem, structured_method_in_use
    from .settings import load_settings

    settings = load_settings()

    info: dict[str, Any] = {"guide": str(settings.guide_dir), "llm": describe_backend(settings)}
    # (stop 53's outside probe) `status` said "? @ None" for incomplete LLM settings and exited 0 whatever was
    # wrong: it now names the problem and exits 2, so that it can serve as a check before `ui` or in a script.
    from .errors import IndexNotBuilt

    problems = 0
    if (problem := settings_problem(settings)) is not None:
        info["llm"] = f"{info['llm']}: not usable: {problem}"
        problems += 1
    elif settings.resolved_llm_backend != "offline":
        info["structured"] = structured_method_in_use(settings)
    try:
        from .guide.knowledge import open_knowledge_base

        kb = open_knowledge_base(settings, auto_ingest=False)
        info["index"] = kb.describe()
        if kb.warning:
            info["warning"] = kb.warning
    except IndexNotBuilt as exc:  # not a fault: `ask` and `ui` build it on first use (review of stop 54)
        info["index"] = f"not built yet: {exc} (`ask` and `ui` also build it on first use)"
    except AssistantError as exc:
        info["index"] = f"not ready: {exc}"
        problems += 1
    for key, value in info.items():
        print(f"{key:8} {value}")
    return 2 if problems else 0


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


def _write(text: str, output: str | None, inputs: Sequence[str | Path] = ()) -> None:
    if not output:
        print(text)
        return
    target = Path(output)
    for source in inputs:
        # (review of stop 46) `draft-ad brief.yaml -o brief.yaml` replaced the brief with the ad; with `summarize`
        # the candidate's notes would be lost the same way
        if target.exists() and Path(source).exists() and target.resolve() == Path(source).resolve():
            raise InputError(f"-o {output}: is the input file; writing there would overwrite it. Choose another name.")
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
    p.add_argument(
        "guide_dir",
        nargs="?",
        help="a guide folder (default: ASSISTANT_KNOWLEDGE_DIR/ASSISTANT_GUIDE, else the bundled account-manager guide; "
        "`status` shows which)",
    )
    p.add_argument(
        "--rebuild",
        action="store_true",
        help=(
            "build the index again from scratch (needed after changing the embedding model); the old index stays "
            "in use until the new one is complete"
        ),
    )

    p = add("ask", cmd_ask, "Ask a question about the guide; the answer cites the passages it rests on.")
    p.add_argument("question", nargs="?", help="the question (with --chat: the first one, optional)")
    p.add_argument(
        "--chat",
        action="store_true",
        help=(
            "a conversation: one question per line from standard input until EOF (Ctrl+D); a follow-up such as "
            "'Et pour un senior ?' is understood from the previous questions; with --json, one JSON object per line"
        ),
    )
    p.add_argument("--json", action="store_true", help="print the answer, citations and backend as JSON")
    p.add_argument("-k", type=_top_k, default=None, help="passages to retrieve, 1 to 20 (default ASSISTANT_TOP_K=5)")

    p = add(
        "draft-ad",
        cmd_draft_ad,
        "Draft a job ad from a brief (YAML or JSON), checked against French/EU rules. Exit 3 when the ad keeps "
        "error-level flags.",
    )
    p.add_argument("brief", help="brief file; see examples/brief-fr.yaml")
    p.add_argument(
        "--format",
        choices=["md", "html", "jsonld", "json"],
        default="md",
        help="md (default), html (printable), jsonld (schema.org JobPosting), json (the ad and its flags)",
    )
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
    p.add_argument("--json", action="store_true", help="print the flags as JSON")

    p = add("summarize", cmd_summarize, "Turn interview notes into an evidence-backed scorecard (notes never stored).")
    p.add_argument("notes", help="a UTF-8 text file, or - for standard input")
    p.add_argument(
        "--stage",
        choices=["phone", "face_to_face", "case_study"],
        default=None,
        help="the interview stage, to mark the competencies it is meant to assess (default: none; evidence is read for every competency either way)",
    )
    p.add_argument("--format", choices=["md", "json"], default="md", help="md (default) or json")
    # like ask, check-ad and debrief (stop 46's reviewer typed `summarize --json` and got a usage error)
    p.add_argument("--json", dest="format", action="store_const", const="json", help="the same as --format json")
    p.add_argument("--interviewer", default=None, help="who interviewed, so a debrief can tell scorecards apart")
    p.add_argument(
        "-o", "--output", help="write to this file, or into this folder as scorecard-<stage>-<date>.<format>"
    )

    p = add("kit", cmd_kit, "Print the interview kit of a stage, from the guide (Markdown, printable HTML, JSON).")
    p.description = (
        "Print the interview kit of a stage, from the guide: its purpose, the question bank's questions, the "
        "competencies to assess with what a 1, a 3 and a 5 look like, the topics to discuss, and (last stage) the "
        "trial-period advice. Every item names the guide passage it comes from. Nothing is sent anywhere."
    )
    p.add_argument(
        "--stage",
        required=True,
        metavar="phone|face_to_face|case_study",
        help="the interview stage (the guide's steps: phone screen, face-to-face interview, case study)",
    )
    p.add_argument("--lang", choices=["fr", "en"], default=None, help="language of the kit (default: the guide's)")
    p.add_argument("--format", choices=["md", "html", "json"], default="md", help="html is ready to print to PDF")
    p.add_argument(
        "-o", "--output", help="write to this file (or into this folder as kit-<stage>-<YYYY-MM-DD>.<format>)"
    )

    p = add(
        "debrief",
        cmd_debrief,
        "Put several interviewers' scorecards of one candidate side by side: agreements, disagreements, "
        "competencies nobody assessed, flags.",
    )
    p.description = (
        "Put several interviewers' independent scorecards of one candidate side by side: per competency, each\n"
        "interviewer's rating and quotes, marked 'disagree' when two ratings differ by 2 points or more, or when\n"
        "one interviewer's evidence is a strength and another's a concern; the competencies nobody assessed; the\n"
        "flags any scorecard raised, with who raised them. The debrief only aggregates: it scores and decides\n"
        "nothing. Personal data and protected-criterion text are replaced by placeholders ([téléphone], [âge])."
    )
    p.epilog = (
        "examples:\n"
        "  hiring-assistant summarize alice.txt --format json --interviewer Alice -o alice.json   each on their own\n"
        "  hiring-assistant debrief alice.json bob.json\n"
        "  hiring-assistant debrief alice.json --notes bob.txt chloe.txt --lang en --json -o .\n\n"
        "exit codes: 0 done, 2 bad input (not a scorecard, fewer than 2, different guides), 1 a bug"
    )
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.add_argument(
        "scorecards",
        nargs="*",
        metavar="FILE.json",
        help="scorecard JSON exports (`summarize --format json`, or the app's JSON download)",
    )
    p.add_argument(
        "--notes",
        nargs="+",
        action="extend",
        metavar="FILE.txt",
        help="interview notes to score here, each on its own (UTF-8 text; put them after the JSON files)",
    )
    p.add_argument(
        "--lang", choices=["fr", "en"], default=None, help="language of the debrief (default: the first scorecard's)"
    )
    p.add_argument("--json", action="store_true", help="write the debrief as JSON instead of Markdown")
    p.add_argument("-o", "--output", help="write to this file (or into this folder as debrief-<YYYY-MM-DD>.md|json)")

    p = add("ui", cmd_ui, "Launch the web app (binds 127.0.0.1 by default).")
    p.add_argument("--host", default=None)
    p.add_argument("--port", type=_bounded_int(1, 65535), default=None, help="1 to 65535 (default 7860)")

    add(
        "status",
        cmd_status,
        "Show the guide, the index and the active LLM backend; exit 2 when the index cannot be used (guide missing, "
        "store damaged or unreachable) or the LLM settings are incomplete: a check before `ui` or in a script. An "
        "index not built yet is no fault (`ask` and `ui` build it).",
    )

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


def _readable_arguments(args: argparse.Namespace) -> None:
    """Arguments typed in another encoding than UTF-8 (« café » in Latin-1 from an old terminal) reach Python as lone
    surrogates, which no output can encode: a question crashed at printing (stop 48's review of `ask`). Such an
    argument is read as Windows-1252, the usual other encoding of French text; a character it lacks becomes U+FFFD.
    Only the question: a file name keeps its bytes (os.fsencode gives them back to open the file)."""
    value = getattr(args, "question", None)
    if isinstance(value, str) and any("\udc80" <= c <= "\udcff" for c in value):
        args.question = "".join(_byte_read(c) for c in value)


def _byte_read(char: str) -> str:
    """A character of an argument; an undecodable byte (a lone surrogate) read as Windows-1252."""
    if "\udc80" <= char <= "\udcff":
        return bytes([ord(char) - 0xDC00]).decode("cp1252", "replace")
    return char


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    parser = build_parser()
    args = parser.parse_args(argv)
    _readable_arguments(args)
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
