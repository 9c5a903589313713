"""The offline composer: an ad's sections written from templates, the framework and the plan (French or English)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial

from ..guide.framework import Framework
from ..text import fold
from .models import AdSection
from .pay import pay_section
from .plan import AdPlan
from .wording import CONTRACT_PHRASES, contract_words, join, lower_first, t

# The guide's sentence behind the farmer wording (not a framework item, so quoted here for the citation).
FARMER_SOURCE = "construire et de maintenir un lien de confiance avec les différents interlocuteurs"


def _skill_line(label: str, description: str) -> str:
    """'Label — description', or just the description when it repeats the label."""
    if fold(label) in fold(description):
        return description[:1].upper() + description[1:]
    return f"{label} — {lower_first(description)}"


@dataclass(frozen=True)
class Required:
    """A fact an ad must state, with the offline sentence that states it: the LLM draft is completed with it when the
    model left the fact out (complete.py)."""

    what: tuple[str, str]
    """What the fact is, (French, English), for the result's notice in either language (« compétence : Anglais »,
    "skill: English")."""
    section: str
    """The section that states it: company, missions or profile."""
    text: str
    """The offline composer's sentence."""
    place: str
    """Where it goes in the section: paragraph or bullet."""
    needles: tuple[str, ...]
    """Regular expressions over the folded text (`fold`): the fact is stated when every one is found."""
    scope: str = "ad"
    """Where the needles are looked for: the whole ad (facts of the brief), the section (skills of the profile), or
    one line of the ad (a brief's requirement, whose words must come together)."""
    source: str | None = None
    """The framework `source` quote behind the sentence (a guide citation for the section)."""
    skill: str | None = None
    """The skill label it adds to the ad's skills (JobPosting `skills`), if any."""


_NUMBER_WORDS = {
    2: ("deux", "two"),
    3: ("trois", "three"),
    4: ("quatre", "four"),
    5: ("cinq", "five"),
    6: ("six",),
    7: ("sept", "seven"),
    8: ("huit", "eight"),
    9: ("neuf", "nine"),
    10: ("dix", "ten"),
    11: ("onze", "eleven"),
    12: ("douze", "twelve"),
}


def number_needle(n: int) -> str:
    """A whole number as written in figures (1 200, 1,200, 1200) or, from two to twelve, in French or English words."""
    digits = str(n)
    figure = digits if n < 1000 else digits[:-3] + r"[\s.,\u202f]?" + digits[-3:]
    words = "|".join(_NUMBER_WORDS.get(n, ()))
    # Not the start of a larger figure: "4" in "4 800" or "4.800" is not four.
    return rf"(?<![\d.,]){figure}(?![\d]|[\s.,\u202f]\d{{3}}(?!\d))" + (rf"|\b(?:{words})\b" if words else "")


PEOPLE = r"personne|collaborat|commerci|salarie|employe|membre|people|person|member|staff|report|sales|conseill|vendeu"
"""Folded stems of the nouns a head count goes with ("4 personnes", "quatre commerciaux", "12 people")."""
CLIENTS = r"partner|partenaire|client|compte|account|enseigne|marque|brand"
"""Folded stems of the nouns a number of partners goes with."""


def counted_needle(n: int, nouns: str) -> str:
    """The number `n` (see number_needle) with one of `nouns` at most three words after it ("4 personnes", "douze
    commerciaux expérimentés"), or after one of them or team/équipe, at most five words before it ("partenaires
    existants est de 140", "team of 12"): a figure elsewhere (the pay's "4 800", "5 ans") is not it."""
    num = number_needle(n)
    return (
        rf"(?:{num})\s+(?:[\w'’-]+\s+){{0,3}}?(?:{nouns})"
        rf"|\b(?:equipe|team|{nouns})\w*(?:\W+[\w'’-]+){{0,5}}?\W+(?:{num})"
    )


def phrase_needle(text: str) -> str:
    """A phrase of the brief, as written (folded, its spacing and final punctuation loose)."""
    words = re.findall(r"\w+", fold(text))
    return r"\W+".join(map(re.escape, words)) if words else r"(?!)"


# Words of the competency labels too common in an ad to say that a skill is stated.
_COMMON = frozenset(
    """sens connaissance experience equipe team process processus secteur sector dans avec and the des les du skills
    commercial chiffrees donnees figures""".split()
)


def skill_needle(*labels: str) -> str:
    """Any significant word of a skill's labels, as a stem long enough not to catch a neighbour ("relationn" for
    relationnelle, not relation; "confl" for conflit and conflict)."""
    words = {w for label in labels for w in re.findall(r"[a-z]{3,}", fold(label))} - _COMMON
    stems = sorted({w[: max(5, len(w) - 3)] for w in words})
    return r"\b(?:" + "|".join(stems) + ")" if stems else r"(?!)"


_ANY_GENDER_OR_NUMBER = r"(?:[·.(-]?e\)?)?s?\b"
"""After a word: its feminine and plural forms, inclusive ones too (« organisé·e », « organisée(s) »)."""

# The soft skills as a profile states them in adjectives (« organisé·e », « réactif », "proactive"), which their
# labels' stems do not reach; a short stem of the label would ("react" is in « réaction »), so each form is listed,
# whole: « vous organisez » is a verb, « attentif aux détails » is not listening.
SOFT_SKILL_FORMS = {
    "organisation": rf"\borganise{_ANY_GENDER_OR_NUMBER}|\borgani[sz]ed\b",
    "listening": r"\ba l'ecoute\b|\bgood listener\b",
    "interpersonal": r"\brelationnel\b|\bpeople person\b|\bpersonable\b",
    "reactivity": r"\breacti(?:f|ve)s?\b|\bresponsive\b",
    "proactivity": r"\bproacti(?:f|ve)s?\b|\bforte? de propositions?\b",
}

# Words of a brief's requirement that do not carry it: grammar, and how strongly it is asked for (« Anglais courant
# exigé » is stated by « un anglais courant est indispensable », « Permis B apprécié » by « le permis B est un plus »).
_REQUIREMENT_FILLER = frozenset(
    """de du des la le les un une et en a au aux ou of the and an in on or with avec pour for to par sur dans est
    is be etre exige exigee exiges exigees requis requise requises indispensable indispensables obligatoire
    obligatoires imperatif imperative minimum apprecie appreciee apprecies appreciees souhaite souhaitee souhaites
    souhaitees plus atout required essential mandatory preferred must nice have""".split()
)
# The level a requirement asks for (« Bonne connaissance du CRM », "Strong Excel skills"): stated by any word of
# level (« Vous connaissez bien le CRM », "Advanced Excel skills"), not by none ("Technical skills: Excel, CRM").
_LEVELS = (
    r"bon|bonne|bons|bonnes|bien|tres|very|excellent\w*|solide\w*|solid|strong|good|advanced|avance\w*|parfait\w*|"
    r"perfect\w*|fluent\w*|courant\w*|couramment|expert\w*|confirme\w*|approfondi\w*|deep|well"
)
_LEVEL_WORDS = re.compile(rf"^(?:{_LEVELS})$")
LEVEL_NEEDLE = rf"\b(?:{_LEVELS}|fluen\w*|maitris\w*|master\w*|proficien\w*|bilingu\w*|nati\w*|fort\w*|[abc][12])\b"
"""Some word of level in the ad: the requirement's own level words, and the other ways an ad states one (« maîtrise »,
"fluency", "native", « B2 »)."""
# French clitics elided before an apostrophe (« l'anglais », « d'Excel »): no word of the requirement.
_ELIDED = frozenset("l d j n s c m t qu jusqu lorsqu puisqu quoiqu".split())
# Inclusive and bracketed endings (« Organisé(e) », « commercial·e », « vendeur·se »): the word is the same.
_INCLUSIVE = re.compile(r"\((?:e|s|es)\)|(?<=\w)·(?:e|se|ve|re|ne|le|ice|rice|euse)s?\b")


def requirement_needles(text: str) -> tuple[str, ...]:
    """Patterns that together state a brief's requirement in one sentence of the ad's profile (scope "line"): each
    word that carries it, as a stem when it is long enough to take other forms (« Maîtrise de Salesforce » is stated
    by « Vous maîtrisez Salesforce »), whole when short ("Excel" is not "Excellent", "IT" not « italien »), its
    numbers and single letters as written (« Permis B »: not « permis C »), and, when it asks for a level (« Bonne
    connaissance »), some word of level."""
    folded = _INCLUSIVE.sub("", fold(text))
    words, level = [], False
    for m in re.finditer(r"(\w+)(')?", folded):
        word, apostrophe = m.group(1), bool(m.group(2))
        if apostrophe and word in _ELIDED:
            continue  # « l'anglais »: the article is no word of the requirement
        if word == "s" and m.start() > 0 and folded[m.start() - 1] == "'":
            continue  # "the customer's": an English possessive
        if word in _REQUIREMENT_FILLER:
            continue
        if _LEVEL_WORDS.match(word):
            level = True
        else:
            words.append(word)
    if len(words) == 1 and not level and len(words[0]) > 1 and not words[0].isdigit():
        # One word (« Organisé. »): that word, in any gender or number, not its family (« organisation »).
        return (rf"\b{re.escape(words[0])}{_ANY_GENDER_OR_NUMBER}",)
    needles = []
    for w in words:
        if w.isdigit():
            needles.append(rf"(?<!\d){w}(?!\d)")
        elif len(w) <= 5:
            needles.append(rf"\b{re.escape(w)}s?\b")
        else:
            needles.append(r"\b" + re.escape(w[: max(5, len(w) - 4)]))
    if level:
        needles.append(LEVEL_NEEDLE)
    return tuple(dict.fromkeys(needles)) or (r"(?!)",)


HUNTER_NEEDLE = (
    r"\b(?:prospect|conquet|conquer|chass|hunt|acquisition|new business|nouveaux? (?:\w+ ){0,2}?(?:clients?|contrats?|"
    r"comptes?|marches?|partenaires?)|(?:new|win) (?:\w+ ){0,2}?(?:clients?|customers?|contracts?|accounts?|markets?|"
    r"partners?|logos?))"
)
"""The hunter's mission stated (folded text): prospecting, new clients, contracts, accounts or markets."""
FARMER_NEEDLE = (
    r"\b(?:portefeuille|portfolio|fidelis|retention|retain|renouvel|renew|upsell|up-sell|cross-sell|farm|"
    r"(?:clients?|comptes?) (?:existants?|actuels?)|(?:existing|current) (?:\w+ )?(?:clients?|customers?|accounts?))"
)
"""The farmer's mission stated: a client portfolio, existing clients, retention, renewals, upselling."""


AXIS_NEEDLES = {
    "client_onboarding": r"\b(?:accompagn|onboard|mise en place|mettre en place|deploi|deploy|install|formation|former|"
    r"train|roll(?:ing)?.out|implement|adoption|prise en main)",
    "performance_tracking": r"\b(?:indicateur|kpi|performance|commandes|factur|invoic|orders?\b|reporting|"
    r"tableaux? de bord|dashboard|metrics)",
    "new_markets": r"\b(?:marches?|markets?|conquet|conquer|prospect|au.dela des clients|beyond (?:the |your )?"
    r"(?:existing|current)|new business|nouveaux? (?:\w+ ){0,2}?clients|new (?:\w+ ){0,2}?(?:clients|customers))",
}
"""The guide's mission axes stated in the missions section, in any words (team management has its own facts)."""


@dataclass(frozen=True)
class OfflineDraft:
    """The offline composer's ad: sections, the framework sources each drew on, and the profile's summary fields."""

    sections: list[AdSection]
    """company, missions, profile, pay, process."""
    sources: dict[str, list[str]]
    """Section id → the framework `source` quotes it used (turned into guide citations by the pipeline)."""
    skills: list[str]
    """The skills the profile asks for, short labels."""
    experience: str
    """The experience sentence."""
    education: str
    """The education sentence."""
    required: list[Required] = field(default_factory=list)
    """The facts of the brief and the guide every ad must state, each with its sentence here (complete.py)."""


def compose_offline(plan: AdPlan, framework: Framework) -> OfflineDraft:
    """The ad's sections written from templates, with the framework sources each section used."""
    lang, brief = plan.lang, plan.brief
    say = partial(t, lang)
    sources: dict[str, list[str]] = {}

    # The company: the guide's four selling points, filled only from the brief.
    paragraphs = list(plan.pitch)
    contract = contract_words(CONTRACT_PHRASES, brief.contract, lang, brief.country)
    where = f" {say('à', 'in')} {plan.location}" if plan.location and brief.remote != "full" else ""
    label = plan.title_label
    article = "an" if label[:1].upper() in "AEIOU" else "a"
    paragraphs.insert(
        0,
        say(
            f"{brief.company} recrute un·e {label} (F/H) {contract}{where}.",
            f"{brief.company} is hiring {article} {label}{where} {contract}.",
        ),
    )
    facts: list[str] = []
    used_points = []
    required: list[Required] = []
    for point in framework.selling_points:
        if point.brief_field == "key_clients" and plan.key_clients:
            sentence = say(
                f"Parmi nos clients : {join(plan.key_clients, lang)}.",
                f"Our clients include {join(plan.key_clients, lang)}.",
            )
            needles = tuple(phrase_needle(c) for c in plan.key_clients)
            what = ("clients de référence", "key clients")
        elif point.brief_field == "partners_count" and brief.partners_count:
            sentence = say(
                f"{brief.partners_count} partners (clients) nous font déjà confiance.",
                f"{brief.partners_count} partners (clients) already work with us.",
            )
            needles = (counted_needle(brief.partners_count, CLIENTS),)
            what = ("nombre de partners", "number of partners")
        elif point.brief_field == "team_size" and brief.team_size:
            n = brief.team_size
            sentence = say(
                f"Vous rejoindrez une équipe de {n} personne{'s' if n > 1 else ''}.",
                f"You will join a team of {n} {'people' if n > 1 else 'person'}.",
            )
            needles, what = (counted_needle(n, PEOPLE),), ("taille de l’équipe", "team size")
        elif point.brief_field == "sector" and plan.sector:
            sentence = say(f"Notre secteur d’expertise : {plan.sector}.", f"Our sector of expertise: {plan.sector}.")
            needles, what = (phrase_needle(plan.sector),), ("secteur", "sector")
        else:
            continue
        facts.append(sentence)
        used_points.append(point.source)
        required.append(Required(what, "company", sentence, "paragraph", needles, source=point.source))
    if facts:
        paragraphs.append(" ".join(facts))
    of = "d’" if fold(brief.company[:1]) in "aeiouyh" else "de "
    company = AdSection(
        id="company", heading=say(f"À propos {of}{brief.company}", f"About {brief.company}"), paragraphs=paragraphs
    )
    sources["company"] = used_points

    # The missions: the four axes, chosen by profile (hunter/farmer) and team.
    intro = say(
        "Interlocuteur ou interlocutrice privilégié·e de vos clients, vous gérez et développez un portefeuille "
        "client après la signature du contrat.",
        "As your clients' main point of contact, you manage and grow a client portfolio once the contract is signed.",
    )
    intros = [intro]
    mission_sources = [framework.role.source] if framework.role.source else []
    if plan.accounts:
        scope = say(f"Votre périmètre : {plan.accounts}", f"Your scope: {plan.accounts}").rstrip(".") + "."
        intros.append(scope)
        required.append(
            Required(("périmètre", "accounts"), "missions", scope, "paragraph", (phrase_needle(plan.accounts),))
        )
    profiles = {p.id: p for p in framework.missions.profiles}
    if plan.profile in ("farmer", "both") and "farmer" in profiles:
        intros.append(
            say(
                "Vous vous occupez des clients existants : vous construisez et maintenez un lien de confiance avec "
                "vos interlocuteurs, afin de confirmer voire d’accroître le budget engagé par le client et de "
                "proposer des offres complémentaires.",
                "You look after existing clients: you build and maintain trust with your contacts, to confirm or "
                "grow the budget each client commits and to offer complementary products.",
            )
        )
        mission_sources += [profiles["farmer"].source, FARMER_SOURCE]
        required.append(
            Required(
                ("mission : clients existants", "mission: existing clients"),
                "missions",
                intros[-1],
                "paragraph",
                (FARMER_NEEDLE,),
                scope="section",
                source=profiles["farmer"].source,
            )
        )
    if plan.profile in ("hunter", "both") and "hunter" in profiles:
        intros.append(
            say("Vous prospectez afin de faire signer de nouveaux contrats.", "You prospect to sign new contracts.")
        )
        mission_sources.append(profiles["hunter"].source)
        required.append(
            Required(
                ("mission : prospection", "mission: new business"),
                "missions",
                intros[-1],
                "paragraph",
                (HUNTER_NEEDLE,),
                scope="section",
                source=profiles["hunter"].source,
            )
        )
    bullets = []
    for axis in framework.missions.axes:
        if axis.id == "new_markets" and plan.profile == "farmer":
            continue
        if axis.id == "team_management":
            if not brief.team_to_manage:
                continue
            n = brief.team_to_manage
            bullet = say(
                f"{axis.label.fr} — encadrer une équipe de {n} personne{'s' if n > 1 else ''}.",
                f"{axis.label.en} — leading a team of {n} {'people' if n > 1 else 'person'}.",
            )
            bullets.append(bullet)
            needles = (counted_needle(n, PEOPLE), r"\b(?:encadr|manag|dirig|lead|supervis)")
            required.append(
                Required(
                    ("équipe à encadrer", "team to manage"),
                    "missions",
                    bullet,
                    "bullet",
                    needles,
                    source=axis.source,
                )
            )
        else:
            bullet = f"{axis.label.get(lang)} — {lower_first(axis.details.get(lang))}"
            bullets.append(bullet)
            if axis.id in AXIS_NEEDLES:
                what = (f"axe : {axis.label.fr}", f"axis: {axis.label.en}")
                needles = (AXIS_NEEDLES[axis.id],)
                required.append(
                    Required(what, "missions", bullet, "bullet", needles, scope="section", source=axis.source)
                )
        mission_sources.append(axis.source)
    missions = AdSection(
        id="missions", heading=say("Vos missions", "What you will do"), paragraphs=intros, bullets=bullets
    )
    sources["missions"] = mission_sources

    # The profile: experience by level, education, skills, soft skills, the brief's own (clean) requirements.
    comp = {c.id: c for c in framework.competencies}
    senior_years = framework.salary.levels.get("senior")
    years = senior_years.from_years if senior_years and senior_years.from_years else None
    experience = {
        "junior": say(
            "Débutant·e accepté·e : une première expérience en relation client, consulting, gestion de projet "
            "ou business development est appréciée.",
            "Entry level welcome: a first experience in customer relations, consulting, project management or "
            "business development is a plus.",
        ),
        "mid": say(
            "Vous avez une expérience significative dans un poste similaire ; une expérience en relation client, "
            "consulting, gestion de projet, organisation ou business development est particulièrement appréciée.",
            "You have significant experience in a similar role; experience in customer relations, consulting, "
            "project management, operations or business development is especially welcome.",
        ),
        "senior": say(
            f"Vous avez {'au moins ' + str(years) + ' ans d’' if years else 'une solide '}expérience dans un poste similaire, "
            "idéalement complétée par une expérience en conseil, gestion de projet ou business development.",
            f"You have {'at least ' + str(years) + ' years of ' if years else 'solid '}experience in a similar role, "
            "ideally alongside consulting, project management or business development experience.",
        ),
    }[brief.seniority]
    education = say(
        f"Formation : {lower_first(comp['education'].description.fr)}",
        f"Education: {lower_first(comp['education'].description.en)}",
    )
    profile_sources = [comp["experience_similar"].source, comp["experience_adjacent"].source, comp["education"].source]
    if brief.seniority == "senior" and years:
        profile_sources.append(framework.salary.source)
    level_needle = {
        # The entry level stated, not only named: "pour le niveau junior, une expérience significative" is not it.
        "junior": r"\b(?:debutant|entry.level|premiere experience|first experience|graduate|sans experience)",
        "mid": r"\bexperi",
        "senior": rf"(?:{number_needle(years)})\s*\+?\s*(?:ans|annees|years?)\b" if years else r"\bexperi",
    }[brief.seniority]
    required.append(
        Required(
            ("expérience pour le niveau", "experience for the level"),
            "profile",
            experience,
            "paragraph",
            (level_needle,),
            scope="section",  # « depuis 5 ans » of the company is no requirement of the candidate
            source=comp["experience_similar"].source,
        )
    )
    required.append(
        Required(
            ("formation", "education"),
            "profile",
            education,
            "paragraph",
            (r"\b(?:formation|diplom|bac\b|ecole|degree|education|master|business school|universit)",),
            scope="section",  # the company's training school is not the candidate's education
            source=comp["education"].source,
        )
    )
    skill_ids = ["marketing_culture", "data_kpi", "sales_temperament", "conflict_resolution"]
    if plan.international:
        skill_ids.append("english")
    if brief.seniority != "junior":
        skill_ids.append("process_improvement")
    if plan.sector or plan.key_accounts:
        skill_ids.append("sector_knowledge")
    if plan.profile in ("hunter", "both"):
        skill_ids.append("network")
    if brief.team_to_manage:
        skill_ids.append("team_management")
    skill_bullets, skills = [], []
    for cid in skill_ids:
        c = comp[cid]
        if cid == "english":
            line = say(
                "Anglais — un bon niveau est requis, dans un contexte international.",
                "English — a good level is required, in an international context.",
            )
        else:
            line = _skill_line(c.label.get(lang), c.description.get(lang))
        skill_bullets.append(line)
        skills.append(c.label.get(lang))
        profile_sources.append(c.source)
        needle = (skill_needle(c.label.fr, c.label.en),)
        what = (f"compétence : {c.label.fr}", f"skill: {c.label.en}")
        required.append(
            Required(what, "profile", line, "bullet", needle, scope="section", source=c.source, skill=c.label.get(lang))
        )
    soft = [c for c in framework.competencies if c.group == "soft_skill"]
    soft_labels = [lower_first(c.label.get(lang)) for c in soft]
    skill_bullets.append(
        say(f"Qualités attendues : {join(soft_labels, lang)}.", f"Soft skills: {join(soft_labels, lang)}.")
    )
    skills.extend(c.label.get(lang) for c in soft)
    profile_sources.extend(c.source for c in soft)
    for c in soft:
        label = c.label.get(lang)
        forms = SOFT_SKILL_FORMS.get(c.id)
        needle = (skill_needle(c.label.fr, c.label.en) + (f"|{forms}" if forms else ""),)
        what = (f"qualité : {c.label.fr}", f"soft skill: {c.label.en}")
        # place "soft": the missing soft skills are added as one bullet (complete.py writes it).
        required.append(
            Required(what, "profile", lower_first(label), "soft", needle, scope="section", source=c.source, skill=label)
        )
    if plan.requirements:
        skill_bullets.extend(plan.requirements)
        for requirement in plan.requirements:
            required.append(
                Required(
                    ("exigence du brief", "requirement of the brief"),
                    "profile",
                    requirement,
                    "bullet",
                    requirement_needles(requirement),
                    scope="line",
                )
            )
    profile = AdSection(
        id="profile",
        heading=say("Votre profil", "About you"),
        paragraphs=[experience, education],
        bullets=skill_bullets,
    )
    sources["profile"] = profile_sources

    pay = pay_section(plan.salary, framework, lang)
    sources["pay"] = [framework.salary.source]

    steps = framework.interview.steps
    process = AdSection(
        id="process",
        heading=say("Processus de recrutement", "Hiring process"),
        bullets=[f"{s.label.get(lang)} — {lower_first(s.description.get(lang))}" for s in steps],
    )
    sources["process"] = [s.source for s in steps]
    return OfflineDraft(
        sections=[company, missions, profile, pay, process],
        sources=sources,
        skills=skills,
        experience=experience,
        education=education,
        required=required,
    )
