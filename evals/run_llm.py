"""LLM-mode evals: a thin wrapper over `hiring-assistant eval --backend local|openai` (assistant/evaluation/llm_mode.py).

    python evals/run_llm.py [--suite qa|ads|notes|all] [--split dev|test|all] [--limit N] [--deadline S] [--threads N]
    python evals/run_llm.py --model 0.5b ...                     # another model cached by evals/local_model.py
    python evals/run_llm.py --base-url http://127.0.0.1:11434/v1 --model-name qwen2.5:7b ...   # a running server
    python evals/run_llm.py --record FILE ...                    # save every request and real reply (test cassettes)

Without --backend it is `--backend local`: ASSISTANT_LLM_GGUF, else the model `python evals/local_model.py fetch`
cached. Every other option is the `eval` command's (see `hiring-assistant eval --help`). The script's older
options still work: `--job` is `--suite`, `--split both` is `--split all`, `--ctx N` sets ASSISTANT_LLM_LOCAL_CTX,
and `-v` is accepted (per-job progress always goes to stderr).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "evals"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--model", help="a model cached by evals/local_model.py (1.5b or 0.5b)")
    parser.add_argument("--base-url", help="a running OpenAI-compatible server (sets ASSISTANT_LLM_BASE_URL)")
    parser.add_argument("--model-name", help="the model that server serves (sets ASSISTANT_LLM_MODEL)")
    parser.add_argument("--ctx", type=int, help="context of the local model (sets ASSISTANT_LLM_LOCAL_CTX)")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="(kept for old commands: progress is always shown)"
    )
    own, rest = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    renamed = {"--job": "--suite", "both": "all"}  # the options this script had before the eval moved into the package
    rest = [renamed.get(arg, arg) for arg in rest]
    if own.ctx:
        os.environ["ASSISTANT_LLM_LOCAL_CTX"] = str(own.ctx)
    backend: list[str] = []
    if own.base_url:
        os.environ["ASSISTANT_LLM_BASE_URL"] = own.base_url
        os.environ["ASSISTANT_LLM_MODEL"] = own.model_name or os.environ.get("ASSISTANT_LLM_MODEL") or "model"
        backend = ["--backend", "openai"]
    elif own.model:
        from local_model import cached_model, model_path

        gguf = cached_model(own.model)
        if gguf is None:
            print(
                f"error: model {own.model} is not cached at {model_path(own.model)}: "
                f"run `python evals/local_model.py fetch --model {own.model}` first",
                file=sys.stderr,
            )
            return 2
        os.environ["ASSISTANT_LLM_GGUF"] = str(gguf)
    if not backend and not any(arg == "--backend" or arg.startswith("--backend=") for arg in rest):
        backend = ["--backend", "local"]

    from assistant.cli import main as cli_main

    return cli_main(["eval", *backend, *rest])


if __name__ == "__main__":
    sys.exit(main())
