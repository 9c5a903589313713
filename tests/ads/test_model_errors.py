"""Which errors of a model's ad count against it: those the offline ad from the same brief does not have."""

from __future__ import annotations

from assistant.ads.pipeline import _model_errors
from assistant.rules.models import Flag


def flag(kind: str, evidence: str) -> Flag:
    return Flag(kind=kind, severity="error", message="m", evidence=evidence)


def test_an_error_kind_the_brief_causes_does_not_count_against_the_model() -> None:
    offline = [flag("salary", "[salaire à compléter]")]
    assert _model_errors([flag("salary", "[salaire à compléter]")], offline) == []


def test_an_english_passage_counts_even_when_the_briefs_own_text_gives_the_offline_ad_a_language_error() -> None:
    # A brief naming a client in another script gives the offline ad a language flag of its own; the model's English
    # sentence is another passage, and must still count.
    offline = [flag("language", "客户端")]
    linted = [flag("language", "客户端"), flag("language", "We are looking for someone who loves their clients.")]
    assert _model_errors(linted, offline) == ["language"]
    assert _model_errors([flag("language", "客户端")], offline) == []


def test_a_rewordable_warning_of_the_models_own_counts_beside_one_the_brief_causes() -> None:
    # Third review (stop 29): warnings were compared by kind, so a gendered form of the offline ad (from the brief's
    # own words) hid the model's own unfixed one, and the still-wrong notice went missing.
    def warning(evidence: str) -> Flag:
        return Flag(kind="gendered_wording", severity="warning", message="m", evidence=evidence)

    offline = [warning("vendeur")]
    assert _model_errors(
        [warning("vendeur"), warning("l'homme de la situation")], offline, warnings=("gendered_wording",)
    ) == ["gendered_wording"]
    assert _model_errors([warning("vendeur")], offline, warnings=("gendered_wording",)) == []
