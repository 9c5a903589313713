"""The ad's one-click fixes in French: the epicene forms they write agree (a pronoun's participle, « au »), and no
accent-less word is taken for a job noun (« en charge » is not « chargé »). Lives beside the UI tests because the fix
picker shows these texts; it tests assistant/ads/fixes.py."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.ads.fixes import apply_fix, neutral_wording
from assistant.ui.ad_tab import check_text, fix_choices


@pytest.mark.parametrize(
    ("evidence", "expected"),
    [
        ("il sera", "la personne recrutée sera"),
        ("Il devra", "La personne recrutée devra"),
        ("il est chargé", "la personne recrutée est chargée"),  # the participle agrees with its new subject
        ("elle est rattachée", "la personne recrutée est rattachée"),
        ("il est amené", "la personne recrutée est amenée"),
        ("Il est responsable", "La personne recrutée est responsable"),  # epicene: unchanged
        ("il est en charge", "la personne recrutée est en charge"),  # « charge » is not the noun « chargé »
        ("au commercial", "au ou à la commercial·e"),
        ("du commercial", "du ou de la commercial·e"),
        ("un chargé", "un·e chargé·e"),
        ("la chargée de clientèle", "le ou la chargé·e de clientèle"),
    ],
)
def test_french_epicene_forms_agree(evidence: str, expected: str) -> None:
    assert neutral_wording(evidence) == expected


def test_a_word_without_the_nouns_accent_is_not_that_noun() -> None:
    assert neutral_wording("une charge") is None and neutral_wording("en charge") is None


def test_the_pronoun_fix_takes_the_participle_after_it(services: Any) -> None:
    text = "# Account Manager (F/H)\n\nIl sera chargé du suivi des comptes clés. Il devra être autonome.\n"
    checked = check_text(text, None, services)
    fixes = {fix.expected: fix for fix in checked.fixes if fix.kind == "gendered_wording"}
    fix = fixes["Il sera chargé"]  # the flag is on « Il sera »; the fix takes « chargé » in, so it agrees
    assert fix.replacement == "La personne recrutée sera chargée" and fix.evidence == "Il sera"
    fixed = apply_fix(text, fix)
    assert "La personne recrutée sera chargée du suivi des comptes clés." in fixed
    labels = [label for label, _ in fix_choices(checked, "fr")]
    assert "Remplacer « Il sera chargé » par « La personne recrutée sera chargée »" in labels
