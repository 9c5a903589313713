"""Claims the model may not invent (Code du travail L5331-3): figures and benefits in its wording must come from
the brief, the framework or the passages it cites; what still does not is dropped and flagged."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from ..guide.framework import Framework
from ..guide.models import ScoredChunk
from ..rules.models import Flag
from ..rules.safety import find_injections, find_protected_criteria
from ..text import sentences
from .models import JobAd
from .plan import AdPlan

# A figure: "500", "9 999", "9,8", "15 %", "45k". Glued to letters ("B2B", "CO2", "Q1") it is a name, not a claim.
_FIGURE = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f.']\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)\s?(k(?![a-z]))?(?![a-z\d])", re.I
)
# Benefits a candidate reads as promises (L5331-3): stated only when the brief states them. Matched on casefolded
# text with accents kept, so that "primé" (award-winning) is not "prime" (bonus).
BENEFITS = {
    "company car": r"\bv(?:oiture|[ée]hicule)s? de (?:fonction|soci[ée]t[ée]|service)\b|\bcompany cars?\b",
    "meal vouchers": r"\b(?:tickets?|titres?|cartes?)[- ]restaurants?\b|\bswile\b|\bmeal (?:vouchers?|allowance)\b",
    "health insurance": r"\bmutuelles?\b|\bpr[ée]voyance\b|\b(?:private )?health (?:insurance|cover|plan)\b",
    "stock options": r"\bstock[- ]?options?\b|\bbspce\b|\bactions? gratuites?\b|\bequity\b|\bshare options?\b|\brsus?\b",
    "bonus": r"(?<!est un )(?<!is a )\bbonus(?:es)?\b|\bprimes?\b|\b13(?:e|ème|th)[- ]mois\b|\b13th[- ]month\b|"
    r"\btreizi[èe]me mois\b|\bint[ée]ressement\b|\bprofit[- ]sharing\b",
    "extra days off": r"\brtt\b|\bjours? de (?:cong[ée]s|repos) (?:suppl[ée]mentaires?|offerts?)\b|\bextra (?:days off|holidays?|leave)\b|"
    r"\bunlimited (?:pto|holidays?|leave)\b",
    "gym / sport": r"\bsalle de sport\b|\bgym(?: membership)?\b|\babonnement sportif\b",
    "relocation": r"\brelocation\b|\baide au d[ée]m[ée]nagement\b",
}
_BENEFITS = {name: re.compile(pattern) for name, pattern in BENEFITS.items()}


def amounts(text: str) -> set[float]:
    """Every figure in a text, as a number ("9 999 €" → 9999, "45k" → 45000, "9,8/10" → 9.8 and 10)."""
    out = set()
    for m in _FIGURE.finditer(unicodedata.normalize("NFC", text or "")):
        num = m.group(1)
        if re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f.']\d{3})+(?:,\d+)?", num):
            value = float(re.sub(r"[ \u00a0\u202f.']", "", num).replace(",", "."))
        else:
            value = float(num.replace(",", "."))
        out.add(value * 1000 if m.group(2) else value)
    return out


def benefits_in(text: str) -> set[str]:
    folded = unicodedata.normalize("NFC", text or "").casefold().replace("’", "'")
    return {name for name, regex in _BENEFITS.items() if regex.search(folded)}


@dataclass(frozen=True)
class ClaimSources:
    """What the model's text may draw figures and benefits from: the brief, the framework, the cited passages."""

    figures: set[float]
    """Figures the brief (as the model saw it, plus pay and dates) and the framework state."""
    benefits: set[str]
    """Benefits the brief states."""
    passages: dict[str, set[float]]
    """Chunk id → the figures that passage states (allowed where the text cites it)."""

    def problems(self, text: str, citations: list[str]) -> list[str]:
        """Why this text states something its sources do not (empty when it is supported)."""
        allowed = self.figures.union(*(self.passages.get(c, set()) for c in citations))
        figures = sorted(f for f in amounts(text) if f not in allowed)
        out = [
            f"the figure {f:g} is in neither the brief, the guide's framework nor the passages cited" for f in figures
        ]
        out += [f"the benefit “{b}” is not in the brief" for b in sorted(benefits_in(text) - self.benefits)]
        return out


def claim_sources(plan: AdPlan, framework: Framework, retrieved: dict[str, ScoredChunk]) -> ClaimSources:
    """The brief's facts (as the model saw them, plus pay and dates) and the framework's figures."""
    brief = plan.brief
    brief_text = " ".join(
        str(x)
        for x in (
            plan.facts(),
            brief.salary if isinstance(brief.salary, str) else "",
            plan.salary.variable or "",
            brief.variable_pay or "",
        )
        if x
    )
    figures = amounts(brief_text) | amounts(framework.model_dump_json())
    figures |= {v for v in (plan.salary.min, plan.salary.max) if v is not None}
    for day in (plan.date_posted, brief.valid_through):
        if day:
            figures |= {float(day.day), float(day.month), float(day.year)}
    passages = {cid: amounts(hit.chunk.text) for cid, hit in retrieved.items()}
    return ClaimSources(figures=figures, benefits=benefits_in(brief_text), passages=passages)


def _model_texts(ad: JobAd) -> list[tuple[str, str, list[str]]]:
    """(where, text, citations) for every piece of the model's wording in an ad (pay is the application's)."""
    cited = [c for s in ad.sections for c in s.citations]
    out = [
        ("descriptive_line", ad.descriptive_line or "", cited),
        ("experience", ad.experience or "", cited),
        ("education", ad.education or "", cited),
    ]
    out += [("skills", x, cited) for x in ad.skills]
    for s in ad.sections:
        if s.id != "pay":
            out += [(s.id, x, s.citations) for x in [*s.paragraphs, *s.bullets]]
    return [x for x in out if x[1]]


def claim_problems(ad: JobAd, sources: ClaimSources) -> list[str]:
    """The re-ask's list of unsupported figures and benefits in the model's wording."""
    out = []
    for where, text, cited in _model_texts(ad):
        why = sources.problems(text, cited)
        if why:
            out.append(
                f"unsupported_claim ({where}): {'; '.join(why)}: state only the brief's facts, or remove it "
                f"(offending text: “{text}”)"
            )
    return out


def remove_sentences(ad: JobAd, why: Callable[[str, list[str]], list[str]]) -> list[tuple[str, list[str]]]:
    """Remove from the model's wording each sentence or bullet for which `why(text, citations)` gives reasons.

    Returns (removed text, reasons) pairs. The pay section is the application's and is never touched."""
    removed: list[tuple[str, list[str]]] = []

    def kept(text: str, cited: list[str]) -> str:
        parts = []
        for sentence in sentences(text):
            reasons = why(sentence, cited)
            if reasons:
                removed.append((sentence, reasons))
            else:
                parts.append(sentence)
        return " ".join(parts)

    def keep_item(text: str, cited: list[str]) -> bool:
        reasons = why(text, cited)
        if reasons:
            removed.append((text, reasons))
        return not reasons

    cited_all = [c for s in ad.sections for c in s.citations]
    for s in ad.sections:
        if s.id == "pay":
            continue
        s.paragraphs = [p for p in (kept(x, s.citations) for x in s.paragraphs) if p]
        s.bullets = [b for b in s.bullets if keep_item(b, s.citations)]
    ad.skills = [x for x in ad.skills if keep_item(x, cited_all)]
    for name in ("descriptive_line", "experience", "education"):
        value = getattr(ad, name)
        if value:
            setattr(ad, name, kept(value, cited_all) or None)
    return removed


def drop_unsupported(ad: JobAd, sources: ClaimSources) -> list[Flag]:
    """Remove each sentence or bullet that still states an unsupported figure or benefit; one flag per removal."""
    flags: list[Flag] = []
    for text, why in remove_sentences(ad, sources.problems):
        criteria = find_protected_criteria(text, context="ad")
        if criteria:  # "Moins de 30 ans" goes for its figure, but the recruiter must learn it was a protected criterion
            flags.append(
                Flag(
                    kind="discrimination",
                    severity="error",
                    evidence=text,
                    message=(f"Left out of the ad: the model wrote a protected criterion. {criteria[0].message}"),
                    message_fr=(
                        f"Écarté de l’annonce : le modèle a écrit un critère protégé. {criteria[0].text('fr')}"
                    ),
                )
            )
        flags.append(
            Flag(
                kind="unsupported_claim",
                severity="warning",
                evidence=text,
                message=(
                    "Left out of the ad: the model wrote something the brief does not support ("
                    + "; ".join(why)
                    + "). "
                    "False or misleading claims about a job are an offence (Code du travail L5331-3); add it to the brief if true."
                ),
                message_fr=(
                    "Écarté de l’annonce : le modèle a écrit ce que le brief n’étaye pas ("
                    + "; ".join(why)
                    + "). Les allégations fausses ou trompeuses sur un poste sont une infraction (Code du travail "
                    "L5331-3) ; ajoutez-le au brief si c’est exact."
                ),
            )
        )
    return flags


def drop_discriminatory(ad: JobAd) -> list[Flag]:
    """Remove each sentence of the model's wording that names a protected criterion or carries an instruction aimed
    at an AI; the flag quotes it and says it was left out (L5321-2: an ad may not refer to these criteria)."""

    def why(text: str, _cited: list[str]) -> list[str]:
        found = find_protected_criteria(text, context="ad") + find_injections(text)
        return [f.message for f in found if f.severity == "error" or f.kind == "prompt_injection"]

    return [
        Flag(
            kind="discrimination",
            severity="error",
            evidence=text,
            message=f"Left out of the ad: the model wrote this after being asked to fix it. {reasons[0]}",
            message_fr=f"Écarté de l’annonce : le modèle l’a écrit malgré la demande de correction. {reasons[0]}",
        )
        for text, reasons in remove_sentences(ad, why)
    ]
