"""Refuse network access outside loopback in the test process, and keep child processes offline."""

from __future__ import annotations

import ipaddress
import os
import socket
from typing import Any

# What the guard replaces, kept so uninstall_guard() can put it back.
_ORIGINALS: dict[str, Any] = {}

# Set for this process and inherited by child processes (Chroma server, CLI runs, browsers).
# The socket patches below do NOT reach subprocesses: a child process gets only these variables,
# which switch off the telemetry and downloads the libraries we use would otherwise attempt.
OFFLINE_ENV: dict[str, str] = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",  # Chroma's posthog telemetry
    "NO_PROXY": "127.0.0.1,localhost",
    "no_proxy": "127.0.0.1,localhost",
}
UNSET_ENV: tuple[str, ...] = ("OPENAI_API_KEY",)
_SAVED_ENV: dict[str, str | None] = {}

_LOCAL_NAMES = {"localhost", "localhost.", "ip6-localhost", "ip6-loopback"}


def _message(addr: object) -> str:
    return f"network access outside loopback is refused in tests: {addr!r}"


def is_loopback_host(host: object) -> bool:
    """True when host (a name or an IP literal, str or bytes) designates this machine's loopback."""
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    name = host.strip().lower()
    if name in _LOCAL_NAMES or name.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(name.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        return False  # any other hostname would need DNS: refused
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def _check_address(family: int, address: object) -> None:
    """Raise RuntimeError unless a connect() target is loopback or a unix socket."""
    if family == getattr(socket, "AF_UNIX", object()):
        return
    if family in (socket.AF_INET, socket.AF_INET6):
        host = address[0] if isinstance(address, tuple) and address else address
        if not is_loopback_host(host):
            raise RuntimeError(_message(address))
        return
    # Other families (netlink, packet, ...) cannot reach a remote host through connect().
    return


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    _check_address(self.family, address)
    return _ORIGINALS["connect"](self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> Any:
    _check_address(self.family, address)
    return _ORIGINALS["connect_ex"](self, address)


def _guarded_create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
    host = address[0] if isinstance(address, tuple) and address else address
    if not is_loopback_host(host):
        raise RuntimeError(_message(address))
    return _ORIGINALS["create_connection"](address, *args, **kwargs)


def _guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    # host None or "" asks for the wildcard address to bind a server: no remote lookup happens.
    if host not in (None, "", b"") and not is_loopback_host(host):
        raise RuntimeError(_message(host))
    return _ORIGINALS["getaddrinfo"](host, *args, **kwargs)


def set_offline_env() -> None:
    """Set the offline variables and unset the API keys in os.environ (children inherit them)."""
    for key, value in OFFLINE_ENV.items():
        _SAVED_ENV.setdefault(key, os.environ.get(key))
        os.environ[key] = value
    for key in UNSET_ENV:
        _SAVED_ENV.setdefault(key, os.environ.get(key))
        os.environ.pop(key, None)


def restore_env() -> None:
    """Put back the variables set_offline_env() changed."""
    for key, value in _SAVED_ENV.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    _SAVED_ENV.clear()


def guard_installed() -> bool:
    """True while the socket patches are in place."""
    return bool(_ORIGINALS)


def install_guard() -> None:
    """Patch socket connect/connect_ex/create_connection/getaddrinfo to refuse non-loopback targets."""
    set_offline_env()
    if _ORIGINALS:
        return  # idempotent
    _ORIGINALS["connect"] = socket.socket.connect
    _ORIGINALS["connect_ex"] = socket.socket.connect_ex
    _ORIGINALS["create_connection"] = socket.create_connection
    _ORIGINALS["getaddrinfo"] = socket.getaddrinfo
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
    socket.create_connection = _guarded_create_connection  # type: ignore[assignment]
    socket.getaddrinfo = _guarded_getaddrinfo  # type: ignore[assignment]


def uninstall_guard() -> None:
    """Undo install_guard(): original socket functions and environment."""
    if _ORIGINALS:
        socket.socket.connect = _ORIGINALS["connect"]  # type: ignore[method-assign]
        socket.socket.connect_ex = _ORIGINALS["connect_ex"]  # type: ignore[method-assign]
        socket.create_connection = _ORIGINALS["create_connection"]  # type: ignore[assignment]
        socket.getaddrinfo = _ORIGINALS["getaddrinfo"]  # type: ignore[assignment]
        _ORIGINALS.clear()
    restore_env()
