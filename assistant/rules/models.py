"""A flag: what the safety checks and the linter report, shared by every job."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, computed_field

Severity = Literal["error", "warning", "info"]

KIND_LABELS: dict[str, tuple[str, str]] = {
    "discrimination": ("Critère protégé (discrimination)", "Protected criterion (discrimination)"),
    "gendered_wording": ("Formulation genrée", "Gendered wording"),
    "title": ("Intitulé du poste", "Job title"),
    "salary": ("Rémunération", "Pay"),
    "language": ("Langue de l'annonce", "Language of the ad"),
    "date": ("Date de publication", "Publication date"),
    "prompt_injection": ("Instruction visant l'IA", "Instruction aimed at the AI"),
    "pii": ("Donnée personnelle", "Personal data"),
    "pay_history": ("Historique de rémunération", "Pay history"),
    "private_life": ("Vie privée", "Private life"),
    "unsupported_claim": ("Affirmation sans source", "Unsupported claim"),
}
"""A flag's kind as a reader says it, (French, English): the page's labels and the notices name kinds so; the stable
name stays in the JSON."""


def kind_words(kind: str, lang: str) -> str:
    """A flag kind as words inside a sentence ("language of the ad", « langue de l'annonce »); an unknown kind with
    spaces for its underscores."""
    pair = KIND_LABELS.get(kind)
    if pair is None:
        return kind.replace("_", " ")
    label = pair[0] if lang == "fr" else pair[1]
    return label[:1].lower() + label[1:]


class Flag(BaseModel):
    """Something a human must look at: a rule broken, a risk, or text that must not count."""

    kind: str = Field(description="Stable name, e.g. discrimination, gendered_wording, salary, prompt_injection, pii.")
    severity: Severity = "warning"
    message: str = Field(description="What is wrong and how to fix it, in English, with its legal reference.")
    message_fr: str | None = Field(
        None, description="The same message in French, with the same legal reference; None when not translated."
    )
    evidence: str | None = Field(None, description="The offending text, verbatim.")
    start: int | None = Field(None, description="Character offset of the evidence in the text checked.")
    end: int | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def quote(self) -> str | None:
        """Alias of `evidence`, the name the scorecard JSON uses."""
        return self.evidence

    def text(self, lang: str | None) -> str:
        """The message in `lang` ('fr' or 'en', 'fr-FR' too): the French one when there is one, else `message`."""
        code = (lang or "").strip().lower().replace("_", "-").split("-", 1)[0]
        return self.message_fr if code == "fr" and self.message_fr else self.message
