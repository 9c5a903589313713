"""Plain helpers the UI tests share: hostile payloads, sample notes and brief, and small checks."""

from __future__ import annotations

import os
import re
import socket
from pathlib import Path
from typing import Any

from assistant.ui.ad_tab import BRIEF_FIELDS

XSS_SCRIPT = "<script>window.__xss = 'script'</script>"
XSS_IMG = "<img src=x onerror=\"window.__xss = 'img'\">"
XSS_MD_IMAGE = "![tracker](http://evil.example/pixel.png)"
XSS_JS_LINK = "[click](javascript:window.__xss='link')"

NOTES_FR = (
    "Entretien téléphonique avec la candidate.\n"
    "- 5 ans d'expérience comme account manager chez un éditeur SaaS, portefeuille de 3 grands comptes.\n"
    "- Très à l'écoute : reformule les besoins du client avant de proposer.\n"
    "- Suit ses KPI chaque semaine dans un tableau de bord.\n"
    "- Elle a 45 ans et deux enfants.\n"
)

BRIEF = {
    "company": "Acme Analytics",
    "sector": "logiciels SaaS",
    "seniority": "junior",
    "location": "Lyon",
    "country": "FR",
    "remote": "hybrid",
    "contract": "CDI",
    "key_clients": "Renault, Decathlon",
    "partners_count": 40,
    "team_size": 12,
    "accounts": "",
    "team_to_manage": None,
    "profile": "",
    "requested_title": "Responsable de compte",
    "salary": "",
    "variable_pay": "",
    "language": "fr",
    "requirements": "",
    "company_pitch": "",
}


def brief_values(**changes: Any) -> list[Any]:
    """The form values in BRIEF_FIELDS order, as the Draft button sends them."""
    values = {**BRIEF, **changes}
    return [values[field] for field, _ in BRIEF_FIELDS]


def live_link(markdown: str) -> bool:
    """True when Markdown holds a link or image that would render: an unescaped `](`."""
    return re.search(r"(?<!\\)\]\s*\(", markdown) is not None


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Debian's chromium, driven by playwright (never `playwright install`), kept off the network.

CHROMIUM = os.environ.get("ASSISTANT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
TIMEOUT_MS = 20_000
