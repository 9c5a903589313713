"""Every flag the rules raise has a French message that keeps the English one's legal references.

The corpus is the project's own test and eval texts (hostile sentences, PII, pay history, interview notes, briefs)
plus ads written to reach every rule and branch of the linter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import yaml

from assistant.guide.framework import load_framework
from assistant.rules.compliance import lint_ad, title_flags
from assistant.rules.criteria import find_protected_criteria
from assistant.rules.models import Flag
from assistant.rules.pii import redact
from assistant.rules.safety import check_notes
from assistant.settings import PROJECT_ROOT, bundled_dir

ROOT = PROJECT_ROOT
# References a message may cite: articles of the Code du travail (L1132-1, R5334-1), the Code pénal (225-2), the
# EU directive (2023/970), OWASP LLM01, the year of a guide, the CNIL.
_REFS = re.compile(r"\b[LR]\d{4}-\d+\b|\b225-2\b|\b2023/970\b|\bLLM01\b|\b(?:19|20)\d{2}\b|\bCNIL\b|\bart\. \d+")


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def corpus() -> list[str]:
    """Every text of the hostile datasets, the notes evals and the job-ad briefs, and the example files."""
    texts: list[str] = []
    for path in sorted((ROOT / "tests" / "hostile" / "data").glob("*.yaml")):
        texts += [item["text"] for item in yaml.safe_load(path.read_text(encoding="utf-8")) if item.get("text")]
    for folder in ("notes", "notes-heldout", "notes-test"):
        for path in sorted((ROOT / "evals" / folder).glob("*.yaml")):
            notes = yaml.safe_load(path.read_text(encoding="utf-8")).get("notes")
            if notes:
                texts.append(notes)
    for path in sorted((ROOT / "evals" / "briefs").glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            texts += [s for s in _strings(case.get("brief", {})) if s.strip()]
    texts += [p.read_text(encoding="utf-8") for p in sorted(bundled_dir("examples").glob("*.txt"))]
    return [t for t in texts if t.strip()]


# Ads that reach each branch of each lint rule (language, pay, date, titles, gendered wording, criteria).
ADS = [
    "# Responsable de compte\n\nIl sera rattaché au directeur. Un vrai commercial, ambitieux. Moins de 30 ans.\n",
    "# Account Manager\n\nHe will manage accounts; competitive and dominant. Salary: competitive. No pregnant women.\n",
    "# Account Manager (F/H)\n\nPubliée le 27/11/2026. Salaire : 50 000 € à 40 000 € brut annuel.\n",
    "# Account Manager (F/H)\n\nchargé·e de comptes\n\nPubliée le 27/11/2026. Salaire : 3 000 $ brut mensuel.\n",
    "# Account Manager (F/H)\n\nchargé·e de comptes\n\nPubliée le 27/11/2026. Salaire : 2 500 € net mensuel.\n",
    "# Account Manager junior (F/H)\n\nPubliée le 27/11/2026. Salaire : 2 000 € brut mensuel, selon profil.\n",
    "# Account Manager senior (F/H)\n\nPubliée le 27/11/2026. Salaire : 90 000 € brut par an.\n",
    "# Account Manager (F/H)\n\nPubliée le 27/11/2026. Salaire : 20 000 €.\n",
    "# Vendeuse (H/F)\n\nPubliée le 27/11/2026. Gestionnaire de comptes dans le texte. Salaire à négocier.\n",
    "# Commercial H/F\n\nVous serez rattaché·e à la directrice commerciale. Un homme de terrain.\n",
]


def _flags() -> Iterator[tuple[str, Flag]]:
    framework = load_framework(bundled_dir("guides") / "account-manager")
    for text in corpus():
        for flag in check_notes(text).flags + find_protected_criteria(text, context="ad") + redact(text).flags:
            yield text, flag
        for flag in lint_ad(text, framework=framework) + lint_ad(text):
            yield text, flag
    for ad in ADS:
        for flag in lint_ad(ad, framework=framework) + lint_ad(ad) + lint_ad(ad, job_in_france=True, language="en"):
            yield ad, flag
        first_line = ad.split("\n", 1)[0].lstrip("# ")
        for flag in title_flags(first_line, language="fr", framework=framework):
            yield ad, flag


@pytest.fixture(scope="module")
def flags() -> list[tuple[str, Flag]]:
    return list(_flags())


def test_the_corpus_reaches_every_kind_of_flag(flags: list[tuple[str, Flag]]) -> None:
    kinds = {f.kind for _, f in flags}
    assert kinds >= {
        "discrimination",
        "gendered_wording",
        "title",
        "salary",
        "language",
        "date",
        "prompt_injection",
        "pii",
    }
    assert len({f.message for _, f in flags}) > 40  # many distinct messages, not one repeated


def test_every_flag_has_a_french_message_with_the_same_references(flags: list[tuple[str, Flag]]) -> None:
    seen: set[str] = set()
    for text, flag in flags:
        if flag.message in seen:
            continue
        seen.add(flag.message)
        assert flag.message_fr, f"no French message for {flag.kind}: {flag.message!r} (text: {text[:80]!r})"
        assert flag.message_fr != flag.message
        assert sorted(set(_REFS.findall(flag.message))) == sorted(set(_REFS.findall(flag.message_fr))), (
            flag.message,
            flag.message_fr,
        )
        assert flag.text("fr") == flag.message_fr and flag.text("en") == flag.message


def test_french_messages_are_french(flags: list[tuple[str, Flag]]) -> None:
    from assistant.text import detect_language

    fr = [f.message_fr for _, f in flags if f.message_fr]
    assert fr and all(detect_language(m) == "fr" for m in set(fr)), [m for m in set(fr) if detect_language(m) != "fr"]


def test_flag_text_falls_back_to_the_english_message() -> None:
    flag = Flag(kind="x", message="Only English.")
    assert flag.text("fr") == "Only English." and flag.text("en") == "Only English."
    both = Flag(kind="x", message="English.", message_fr="Français.")
    assert both.text("fr-FR") == "Français." and both.text("EN") == "English." and both.text(None) == "English."
    assert "message_fr" in both.model_dump() and Flag.model_validate(both.model_dump()) == both
