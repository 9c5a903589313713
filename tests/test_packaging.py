"""The package's shape: no import cycles, and a wheel that works installed outside the checkout."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from support import ROOT

PACKAGE = ROOT / "assistant"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every assistant module `path` imports, at the top or inside a function (TYPE_CHECKING blocks excluded)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    this = _module_name(path)
    package = this if path.name == "__init__.py" else this.rsplit(".", 1)[0]
    skip: set[int] = set()
    for node in ast.walk(tree):  # `if TYPE_CHECKING:` imports never run
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            skip |= {id(n) for n in ast.walk(node)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("assistant")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("assistant"):
                continue
            for alias in node.names:  # `from . import compliance` imports a module
                candidate = f"{target}.{alias.name}"
                found.add(candidate if (ROOT / Path(*candidate.split("."))).with_suffix(".py").exists() else target)
    return {m for m in found if m != this}


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = {_module_name(p): _imports(p) for p in PACKAGE.rglob("*.py")}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt) :] + [nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles: " + "; ".join(" → ".join(c) for c in cycles)


def test_cycle_check_sees_function_level_imports() -> None:
    """The check above must not be blind to imports hidden inside functions, nor count TYPE_CHECKING ones."""
    services = _imports(PACKAGE / "services.py")
    assert "assistant.guide.framework" in services and "assistant.llm" in services  # both inside functions
    assert "assistant.ads.plan" in _imports(PACKAGE / "ads" / "pipeline.py")
    assert "assistant.services" not in _imports(PACKAGE / "ads" / "pipeline.py")  # under TYPE_CHECKING only


def _run(cmd: list[str], *, cwd: Path, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)


@pytest.mark.slow
def test_wheel_installed_outside_the_checkout_runs_every_job(tmp_path: Path) -> None:
    """`pip wheel .`, installed in a fresh venv away from the repository: prompts, guide and examples come along."""
    dist = tmp_path / "dist"
    built = _run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(dist)],
        cwd=tmp_path,
        env=dict(os.environ),
    )
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next(dist.glob("hiring_assistant-*.whl"))

    # A fresh venv; the dependencies come from this venv's site-packages through a .pth file (no download), and
    # the project itself only from the wheel: the checkout is not on its path.
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False, symlinks=True)
    python = env_dir / "bin" / "python"
    site = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            cwd=tmp_path,
            env=dict(os.environ),
        ).stdout.strip()
    )
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    installed = _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
        cwd=tmp_path,
        env=dict(os.environ),
    )
    assert installed.returncode == 0, installed.stderr[-2000:]

    home = tmp_path / "home"
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_", "CHROMA_"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), PYTHONPATH="", ANONYMIZED_TELEMETRY="False")
    where = _run([str(python), "-c", "import assistant; print(assistant.__file__)"], cwd=work, env=env)
    assert str(site) in where.stdout, where.stdout + where.stderr
    cli = [str(env_dir / "bin" / "hiring-assistant")]

    asked = _run(cli + ["ask", "Quel salaire pour un account manager débutant ?", "--json"], cwd=work, env=env)
    assert asked.returncode == 0, asked.stderr[-2000:]
    answer = json.loads(asked.stdout)
    assert not answer["abstained"] and answer["citations"] and "2" in answer["answer"]
    assert (home / "data" / "hiring-assistant").is_dir()  # the index went to the user's data folder

    notes = work / "notes.txt"
    notes.write_text("Très bonne maîtrise d'Excel et des KPI, a construit un business plan.\n", encoding="utf-8")
    summary = _run(cli + ["summarize", str(notes), "--format", "json"], cwd=work, env=env)
    assert summary.returncode == 0, summary.stderr[-2000:]
    assert any(c["status"] == "assessed" for c in json.loads(summary.stdout)["competencies"])

    brief = work / "brief.yaml"
    brief.write_text(
        "company: Lumen\nseniority: junior\nlocation: Lyon\nsalary: 3 000 € brut mensuel\n", encoding="utf-8"
    )  # with no pay the ad has an error flag (pay transparency) and draft-ad exits 3
    ad = _run(cli + ["draft-ad", str(brief), "--format", "json"], cwd=work, env=env)
    assert ad.returncode == 0, ad.stderr[-2000:]
    assert json.loads(ad.stdout)["ad"]["company"] == "Lumen"
