"""The plan: every fact the ad will state, decided from the brief and the framework before any wording."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import yaml

from ..guide.framework import Framework, RecommendedTitle
from ..rules.models import Flag
from ..text import fold
from .models import TITLE_MARKERS, AdSection, JobAd, JobBrief, Salary
from .pay import plan_salary
from .screen import GENDER_MARK, brief_flag, clean_text, offending


@dataclass(frozen=True)
class AdPlan:
    """What the ad will say, decided before any wording: title, pay, kept brief text, flags about the brief."""

    brief: JobBrief
    """The validated brief."""
    lang: str
    """The ad's language, fr or en."""
    title: RecommendedTitle
    """The guide's recommended title that fits the brief (its description is the ad's descriptive line)."""
    profile: str
    """farmer (grows existing clients), hunter (prospects) or both, from the brief or guessed from its words."""
    key_accounts: bool
    """The brief speaks of key accounts."""
    international: bool
    """The brief speaks of an international context."""
    salary: Salary
    """The pay the ad states (the brief's, else the guide's grid, said so)."""
    date_posted: date
    """Publication date."""
    pitch: list[str] = field(default_factory=list)
    """The brief's company pitch, screened."""
    requirements: list[str] = field(default_factory=list)
    """The brief's requirements, screened."""
    accounts: str | None = None
    """The accounts to manage, screened."""
    sector: str | None = None
    """The company's sector, screened."""
    key_clients: list[str] = field(default_factory=list)
    """Clients the ad may cite, screened."""
    location: str | None = None
    """Where the job is, screened."""
    flags: list[Flag] = field(default_factory=list)
    """What the recruiter must know about the brief (left-out text, pay reading, dates, title)."""
    requested_label: str | None = None
    """The hiring manager's requested title when the ad uses it (a discouraged one is flagged by the check)."""

    @property
    def title_label(self) -> str:
        """The title without its gender marker: the requested one when usable, else the guide's."""
        return self.requested_label or self.title.label

    @property
    def title_text(self) -> str:
        """The title with its gender marker, as the ad shows it: (F/H) in French, (M/F) in English."""
        return f"{self.title_label} {TITLE_MARKERS.get(self.lang, TITLE_MARKERS['fr'])}"

    @property
    def descriptive_line(self) -> str:
        """The French (or English) description of the title, shown under it."""
        return self.title.description.get(self.lang)

    def job_ad(
        self,
        *,
        title: str,
        descriptive_line: str | None,
        sections: list[AdSection],
        skills: list[str],
        experience: str | None,
        education: str | None,
    ) -> JobAd:
        """A JobAd: the given wording with the plan's facts (company, place, contract, pay, dates)."""
        brief = self.brief
        return JobAd(
            title=title,
            descriptive_line=descriptive_line,
            sections=sections,
            skills=skills,
            experience=experience,
            education=education,
            language=self.lang,
            level=brief.seniority,
            company=brief.company,
            location=self.location,
            country=brief.country,
            remote=brief.remote,
            contract=brief.contract,
            salary=self.salary,
            date_posted=self.date_posted,
            valid_through=brief.valid_through,
        )

    def facts(self) -> str:
        """The brief's facts, already screened of protected criteria, as the LLM sees them (YAML)."""
        brief = self.brief
        facts = {
            "company": brief.company,
            "sector": self.sector,
            "level": brief.seniority,
            "location": self.location,
            "remote": brief.remote,
            "contract": brief.contract,
            "key_clients": self.key_clients or None,
            "partners_count": brief.partners_count,
            "team_size": brief.team_size,
            "accounts": self.accounts,
            "team_to_manage": brief.team_to_manage,
            "profile": self.profile,
            "international_context": self.international,
            "requirements_from_hiring_manager": self.requirements or None,
            "company_pitch": self.pitch or None,
        }
        kept = {k: v for k, v in facts.items() if v not in (None, [], "")}
        return yaml.safe_dump(kept, allow_unicode=True, sort_keys=False)

    def lint(self, text: str, framework: Framework) -> list[Flag]:
        """The compliance check on an ad's text, with the brief's level, date and country."""
        from .check import check_ad_text

        return list(
            check_ad_text(
                text,
                framework=framework,
                language=self.lang,
                level=self.brief.seniority,
                date_posted=self.date_posted,
                job_in_france=self.brief.country == "FR",
            )
        )


_KEY_ACCOUNTS = re.compile(
    r"\b(?:comptes? cles?|key accounts?|grands? comptes?|strategic accounts?|comptes? strategiques?|kam)\b"
)
_INTERNATIONAL = re.compile(
    r"\b(?:internationa\w*|global\w*|worldwide|monde|mondia\w*|multi ?pays|multinational\w*|anglais|english|"
    r"europe\w*|emea|apac|etranger\w*|abroad|cross border)\b"
)
_HUNTER = re.compile(
    r"\b(?:prospect\w*|nouveaux clients|new clients|new business|chasseur|hunter|conquete\w*|"
    r"acquisition|new logos|demarch\w*|conquerir|win new)\b"
)
_FARMER = re.compile(
    r"\b(?:clients? existants?|existing (?:clients|customers|accounts)|portefeuille existant|"
    r"fidelis\w*|retention|farmer|fermier|upsell|renouvel\w*|renewals?)\b"
)


def _brief_text(brief: JobBrief) -> str:
    parts = [brief.sector, brief.accounts, brief.requirements, brief.company_pitch, brief.requested_title]
    return fold(" ".join(p for p in parts if p))


def plan_ad(brief: JobBrief, framework: Framework, lang: str, *, today: date | None = None) -> AdPlan:
    """Decide the facts of the ad from the brief and the framework (no wording yet)."""
    text = _brief_text(brief)
    profile = brief.profile or (
        "both" if _HUNTER.search(text) and _FARMER.search(text) else "hunter" if _HUNTER.search(text) else "farmer"
    )
    key_accounts = bool(_KEY_ACCOUNTS.search(text))
    international = bool(_INTERNATIONAL.search(text))
    flags: list[Flag] = []
    title, requested_label = _choose_title(
        brief, framework, lang, key_accounts=key_accounts, international=international, profile=profile, flags=flags
    )
    screened = {name: clean_text(getattr(brief, name), name, framework, lang) for name in SCREENED_FIELDS}
    pay = plan_salary(brief, framework, screened["variable_pay"].text())
    flags += pay.flags
    wording = brief.seniority_wording
    if wording and "jeune" in fold(wording):
        flags.append(
            Flag(
                kind="discrimination",
                severity="warning",
                evidence=wording,
                message=f"The level “{wording}” refers to age: the ad says it is open to entry-level candidates instead.",
                message_fr=(
                    f"Le niveau « {wording} » renvoie à l’âge : l’annonce indique plutôt qu’elle est ouverte aux "
                    "débutant·es."
                ),
            )
        )
    today = today or date.today()
    flags += _date_flags(brief, today)
    for name in SCREENED_FIELDS:
        flags += screened[name].flags
    if not pay.salary.variable and framework.salary.variable_pct:
        flags.append(
            Flag(
                kind="salary",
                severity="info",
                message=(
                    "No variable pay in the brief: the ad states none. The guide's usual variable part is "
                    f"{framework.salary.variable_pct.min:g} to {framework.salary.variable_pct.max:g} % of pay; add it if "
                    "the job has one."
                ),
                message_fr=(
                    "Pas de part variable dans le brief : l’annonce n’en mentionne pas. Selon le guide, elle représente "
                    f"en général {framework.salary.variable_pct.min:g} à {framework.salary.variable_pct.max:g} % du "
                    "salaire ; ajoutez-la si le poste en comporte une."
                ),
            )
        )
    key_clients = []
    for client in brief.key_clients:
        checked = clean_text(client, "key_clients", framework, lang)
        flags += checked.flags
        if checked.kept:
            # a client named with a criterion beside it keeps only its clean part ("Decathlon"), never the raw text
            key_clients.append(client if not checked.flags else ", ".join(k.rstrip(".") for k in checked.kept))
    return AdPlan(
        brief=brief,
        lang=lang,
        title=title,
        profile=profile,
        key_accounts=key_accounts,
        international=international,
        salary=pay.salary,
        date_posted=brief.date_posted or today,
        pitch=screened["company_pitch"].kept,
        requirements=screened["requirements"].kept,
        accounts=screened["accounts"].text(),
        sector=screened["sector"].text(),
        location=screened["location"].text(),
        key_clients=key_clients,
        flags=flags,
        requested_label=requested_label,
    )


# The brief's free-text fields that may reach the ad, in the order their flags are reported.
SCREENED_FIELDS = ("company_pitch", "requirements", "accounts", "sector", "location", "variable_pay")


def _date_flags(brief: JobBrief, today: date) -> list[Flag]:
    """A publication date in the past, or an expiry date already gone, is most likely a stale brief."""
    flags = []
    if brief.date_posted and (today - brief.date_posted).days > 1:
        flags.append(
            Flag(
                kind="date",
                severity="warning",
                evidence=brief.date_posted.isoformat(),
                message=(
                    f"The brief's publication date {brief.date_posted.isoformat()} is in the past (today is {today.isoformat()}): "
                    "an ad is dated the day it is published (Code du travail L5332-1); check the date."
                ),
                message_fr=(
                    f"La date de publication du brief ({brief.date_posted.isoformat()}) est passée (nous sommes le "
                    f"{today.isoformat()}) : une annonce est datée du jour de sa publication (Code du travail "
                    "L5332-1) ; vérifiez la date."
                ),
            )
        )
    if brief.valid_through and brief.valid_through < today:
        flags.append(
            Flag(
                kind="date",
                severity="warning",
                evidence=brief.valid_through.isoformat(),
                message=(
                    f"The brief's expiry date {brief.valid_through.isoformat()} has passed: the ad would be published expired."
                ),
                message_fr=(
                    f"La date d’expiration du brief ({brief.valid_through.isoformat()}) est passée : l’annonce serait "
                    "publiée déjà expirée."
                ),
            )
        )
    return flags


def _choose_title(
    brief: JobBrief,
    framework: Framework,
    lang: str,
    *,
    key_accounts: bool,
    international: bool,
    profile: str,
    flags: list[Flag],
) -> tuple[RecommendedTitle, str | None]:
    """(the guide's title that fits the brief, the requested title when the ad uses it).

    A requested title is used as the title: a discouraged one is the check's flag with the guide's suggestion (and
    a one-click fix), not a silent replacement. Only an unlawful one (gendered, a protected criterion) is not used.
    """
    level = brief.seniority
    recommended = framework.titles.recommended
    requested = brief.requested_title
    problems = offending(requested, framework, lang, title=True) if requested else []
    if requested and problems:  # "Vendeuse H/F", "Jeune commercial": unlawful, never used; the guide's title instead
        flags.append(brief_flag("requested_title", requested, problems, lang))
        requested = None
    fitting = _fitting_title(brief, framework, key_accounts=key_accounts, international=international, profile=profile)
    if not requested:
        return fitting, None
    bare = GENDER_MARK.sub("", requested).strip()
    if not bare:
        return fitting, None
    for bad in framework.titles.discouraged:
        if any(re.search(p, fold(bare)) or re.search(p, bare.casefold()) for p in bad.patterns):
            # Used as asked; the check flags it in the ad's title with the guide's suggestion.
            return framework.title(bad.suggest), bare
    for title in recommended:
        if fold(bare) == fold(title.label) or fold(bare) in {fold(title.id.replace("_", " ")), fold(title.id)}:
            if level not in title.levels:
                flags.append(
                    Flag(
                        kind="title",
                        severity="info",
                        evidence=requested,
                        message=(
                            f"The guide keeps “{title.label}” for levels {', '.join(title.levels)}; for this level it "
                            f"suggests “{fitting.label}”."
                        ),
                        message_fr=(
                            f"Le guide réserve « {title.label} » aux niveaux {', '.join(title.levels)} ; pour ce "
                            f"niveau, il suggère « {fitting.label} »."
                        ),
                    )
                )
            return title, title.label
    flags.append(
        Flag(
            kind="title",
            severity="info",
            evidence=requested,
            message=f"“{bare}” is not one of the guide's recommended titles; for this brief it suggests “{fitting.label}”.",
            message_fr=(
                f"« {bare} » ne fait pas partie des intitulés recommandés par le guide ; pour ce brief, il suggère "
                f"« {fitting.label} »."
            ),
        )
    )
    return fitting, bare


def _fitting_title(
    brief: JobBrief, framework: Framework, *, key_accounts: bool, international: bool, profile: str
) -> RecommendedTitle:
    """The guide's recommended title for the brief's level, scope and profile."""
    level = brief.seniority
    recommended = framework.titles.recommended
    scope = "key_accounts" if key_accounts or (brief.team_to_manage or 0) > 0 else "standard"
    fits = [t for t in recommended if t.scope == scope and level in t.levels]
    if scope == "key_accounts" and fits:
        wanted = "global_account_manager" if international else "key_account_manager"
        return next(
            (t for t in fits if t.id == wanted), next((t for t in fits if t.id == "key_account_manager"), fits[0])
        )
    standard = [t for t in recommended if t.scope == "standard" and level in t.levels] or recommended
    if profile == "hunter":
        return next((t for t in standard if t.id == "account_executive"), standard[0])
    return next((t for t in standard if t.id == "account_manager"), standard[0])
