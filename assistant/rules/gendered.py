"""Gendered wording in a job ad (Code du travail L1142-1; EU Directive 2023/970 art. 5): gendered job nouns,
pronouns and phrases, the title's gender marker, and masculine-coded words (Gaucher, Friesen & Kay 2011)."""

from __future__ import annotations

import re

from ..text import Language, fold
from . import wordlists as wl
from .criteria import in_proper_name
from .models import Flag, Severity
from .sanitize import TextView, drop_overlaps

_INCLUSIVE_END = re.compile(
    r"(?:[·.•\-/(]\s?(?:e|ne|fe|euse|se|rice|trice|ere|iere|ienne|eure|ice|le|sse|te)\)?(?:s)?)(?![a-z])"
)
_INCLUSIVE_DET = re.compile(r"(?:un|le|l')\s*[·.•(/]\s*(?:e|la|une)\)?|la\s*/\s*le|le\s*/\s*la|une?\s+ou\s+une?")
_DET = r"(?:un|une|le|la|l'|du|notre|votre|ce|cette|futur|future|nouveau|nouvelle)"
_PRONOUN_FR = re.compile(
    r"\b(?:il|elle)\s+(?:sera|devra|aura|pourra|disposera|saura|doit|devrait|possede|maitrise|travaillera|rejoindra|gerera|"
    r"accompagnera|interviendra|assurera|managera|prendra|veillera|participera|reportera|rapportera|beneficiera|evoluera|"
    r"est\s+(?:rattachee?|chargee?|responsable|capable|autonome|amenee?|en\s+charge))\b"
)
_IMPERSONAL_AFTER = re.compile(
    r"\s+(?:possible|necessaire|demande|question|utile|important|preferable|souhaitable|bon|appreciable|apprecie|"
    r"indispensable|essentiel|judicieux|envisage|propose|difficile|facile|temps|y\s+avoir)\b"
)
_PAIR_BEFORE = re.compile(r"(?:\b(?:il|elle|he|she|him|his|her|hers|s)\s*(?:/|\bou\b|\bor\b|\(|·)\s*|\(s\)\s*)$")
_PRONOUN_EN = re.compile(
    r"\b(?:he|she)\s+(?:will|should|must|shall|would|can|could|is|has|needs|may|might)\b|\b(?:he|she)'(?:ll|s|d)\b"
)
_POSSESSIVE_EN = re.compile(r"\b(?:his|him|himself)\b")
_PAIR_AFTER_EN = re.compile(r"\s*(?:/|\bor\b)\s*(?:her|hers|herself|she|they|their)\b")
# A gender marker names both sexes: F with H or M (« F/H », "M/F"), or M with W ("m/w/d"), in either order, with
# an optional third letter; « (H ou F) » and « (HF) » too. A one-sex marker (« (H/H) », « (F/F) ») is none.
_BOTH_SEXES = r"(?:f\s*/\s*[hm]|[hm]\s*/\s*f|m\s*/\s*w|w\s*/\s*m)(?:\s*/\s*[xdn])?|f\s*-\s*h|h\s*-\s*f"
MARKER = re.compile(
    r"(?<![a-z])\(?\s*(?:" + _BOTH_SEXES + r")\s*\)?(?![a-z])"
    r"|\((?:all\s+genders|tous\s+genres|e/f|h\s+ou\s+f|f\s+ou\s+h|hf|fh)\)"
)
# The marker's letters alone, to find every marker in a text: MARKER's leading « \s* » would rescan a run of spaces
# from each of its characters.
_MARKER_CORE = re.compile(
    r"(?<![a-z])(?:" + _BOTH_SEXES + r")(?![a-z])|\((?:all\s+genders|tous\s+genres|e/f|h\s+ou\s+f|f\s+ou\s+h|hf|fh)\)"
)
# Each message is an (English, French) pair: Flag.message and Flag.message_fr, with the same references.
Message = tuple[str, str]
_GENDERED_MESSAGE_FR: Message = (  # about French wording
    "Gendered wording: write the epicene or doubled form (« chargé·e », « un·e », « commercial ou commerciale »); "
    "« H/F » does not make a gendered form lawful (Code du travail L1142-1, L5321-2; Pôle emploi guide, 2010).",
    "Formulation genrée : écrivez la forme épicène ou doublée (« chargé·e », « un·e », « commercial ou "
    "commerciale ») ; « H/F » ne rend pas licite une forme genrée (Code du travail L1142-1, L5321-2 ; guide "
    "Pôle emploi, 2010).",
)
_GENDERED_MESSAGE_EN: Message = (  # about English wording
    "Gendered wording: use a neutral form (they, salesperson, 'he or she'); EU Directive 2023/970 art. 5 "
    "asks for gender-neutral ads, and French law applies to ads for jobs in France (L1142-1).",
    "Formulation genrée : employez une forme neutre (they, salesperson, « he or she ») ; la directive (UE) "
    "2023/970, art. 5, demande des offres neutres du point de vue du genre, et le droit français s'applique aux "
    "offres pour un emploi en France (L1142-1).",
)


_ACCENTED = {fold(f): f for pair in wl.FR_GENDERED_NOUNS for f in pair}  # folded form → written form
_NOUNS = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(_ACCENTED, key=len, reverse=True)) + r")\b")
_FEMININE = frozenset(fold(f) for _, f in wl.FR_GENDERED_NOUNS)
_COUNTERPART = {fold(m): fold(f) for m, f in wl.FR_GENDERED_NOUNS}
_COUNTERPART |= {f: m for m, f in _COUNTERPART.items()}


def _noun_is_balanced(folded: str, s: int, e: int) -> bool:
    """True when the noun at [s, e) has an inclusive ending or its counterpart right next to it."""
    noun = folded[s:e]
    if _INCLUSIVE_END.match(folded, e):
        return True
    other = re.escape(_COUNTERPART[noun])
    after = folded[e : e + 40]
    before = folded[max(0, s - 40) : s]
    return bool(
        re.match(rf"\s*(?:/|\bou\b|\bet\b|\bor\b|\()\s*(?:(?:une?|la|le|l')\s*)?{other}\b", after)
        or re.search(rf"\b{other}\s*(?:/|\bou\b|\bet\b)\s*(?:(?:une?|la|le|l')\s*)?$", before)
    )


# « rattaché·e à la directrice commerciale », « un entretien avec le directeur »: the noun names someone
# already in post, not the person sought, so it is only worth a note.
_ROLE_HOLDER_BEFORE = re.compile(
    r"(?:\b(?:a|avec|aupres\s+de|par|envers|sous\s+la\s+(?:responsabilite|direction|supervision)\s+de|"
    r"sous\s+l'autorite\s+de|rattachee?\S*\s+a|reporte\w*\s+a|reporting\s+to|report\s+to)\s+)$"
)
_ROLE_HOLDER_MESSAGE: Message = (
    "Gendered noun naming a person already in post (« à la directrice »): fine if it describes that person; "
    "if it describes the job advertised, use the epicene or doubled form (Code du travail L1142-1).",
    "Nom genré désignant une personne déjà en poste (« à la directrice ») : correct s'il décrit cette personne ; "
    "s'il décrit le poste proposé, employez la forme épicène ou doublée (Code du travail L1142-1).",
)
_DEFINITE = re.compile(r"(?:la|le|l'|notre)\b")
# « un homme ou une femme de terrain »: the doubled form the standards recommend.
_DOUBLED_PHRASE_BEFORE = re.compile(r"\b(?:hommes?|femmes?)\s+(?:ou|et)\s+(?:une?\s+|des\s+|la\s+|le\s+)?$")


def _names_role_holder(folded: str, s: int) -> bool:
    """True when a definite determiner at `s` follows a preposition pointing to someone already in post.

    « à un commercial » (indefinite) still describes the person sought: it stays a warning.
    """
    return bool(_DEFINITE.match(folded, s) and _ROLE_HOLDER_BEFORE.search(folded, max(0, s - 50), s))


_DET_BEFORE = re.compile(rf"(?:{_INCLUSIVE_DET.pattern})\s*$|\b{_DET}(?:\s+(?:futur|future|nouveau|nouvelle))?\s*$")


def _nouns_in(view: TextView, start: int, end: int, need_det: bool) -> list[tuple[int, int]]:
    """Gendered French job nouns in folded[start:end] (after a determiner when `need_det`)."""
    folded = view.folded
    out = []
    for m in _NOUNS.finditer(folded, start, end):
        s, e = m.span()
        if view.lower[s:e] != _ACCENTED[m.group()] or _noun_is_balanced(folded, s, e):
            continue
        if need_det:
            det = _DET_BEFORE.search(folded[max(0, s - 20) : s])
            if not det or _INCLUSIVE_DET.search(det.group()):
                continue
            s = max(0, s - 20) + det.start()
        out.append((s, e))
    return out


_PHRASE_END = re.compile(r"[\n.!?;,:]")


def _marked_feminine_nouns(view: TextView, title: tuple[int, int]) -> list[tuple[int, int]]:
    """Feminine job nouns with a gender marker a few words on (« Vendeuse (H/F) », « Hôtesse d'accueil H/F »).

    The marker does not make the feminine form neutral. A masculine generic with a marker in the text
    (« Commercial terrain (H/F) ») is common practice; the title itself is the title rule's (`title_nouns`).
    """
    folded = view.folded
    out = []
    for m in _NOUNS.finditer(folded):
        s, e = m.span()
        if title[0] <= s < title[1] or m.group() not in _FEMININE:
            continue
        if view.lower[s:e] != _ACCENTED[m.group()] or _noun_is_balanced(folded, s, e):
            continue
        after = folded[e : e + 30]
        stop = _PHRASE_END.search(after)
        if MARKER.search(after[: stop.start()] if stop else after):
            out.append((s, e))
    # and a feminine noun read by its ending right before a marker (« comme coiffeuse (H/F) »; not « Société
    # pétrolière recrute Juriste (H/F) », review of stop 38)
    seen = set(out)
    for marker in _MARKER_CORE.finditer(folded):
        if title[0] <= marker.start() < title[1]:
            continue
        last = _LAST_WORD.search(folded, max(0, marker.start() - 40), marker.start())
        if last is None or (last.start() > 0 and folded[last.start() - 1].isalpha()):
            continue
        s, e = last.span(1)
        if (
            (s, e) not in seen
            and _by_ending(last.group(1), feminine_only=True)
            and not _ending_is_balanced(folded, s, e)
        ):
            seen.add((s, e))
            out.append((s, e))
    return sorted(out)


# A French job noun outside FR_GENDERED_NOUNS is read by its ending (« infirmière », « magasinier », « coiffeuse »):
# feminine -euse, -trice, -ière, -ienne, -eure, -ante, -gère, -chère; masculine -eur, -ier, -ien. Masculine -er,
# -ant and -if are left out: English nouns end so too (« Manager », « Accountant », « Executive »). Only the
# title's first word is read this way (its job noun; the words after it name a place, a brand or a thing), and in
# the text only a feminine noun with a marker right after it: elsewhere the endings also make adjectives.
_FEMININE_END = re.compile(r"[a-z]{2,}(?:euse|trice|iere|ienne|eure|ante|gere|chere)")
_MASCULINE_END = re.compile(r"[a-z]{2,}(?:eur|ier|ien)")
_NOT_JOB_NOUNS = frozenset(
    "carriere matiere maniere filiere lumiere frontiere barriere riviere croisiere chaudiere premiere derniere "
    "entiere biere priere poussiere cimetiere derriere arriere particuliere reguliere singuliere familiere "
    "heure demeure meilleure majeure mineure superieure interieure exterieure anterieure posterieure inferieure "
    "secteur moteur valeur couleur honneur bonheur malheur erreur labeur coeur odeur saveur chaleur fleur soeur "
    "douceur largeur hauteur longueur profondeur ampleur rigueur vigueur faveur humeur lueur rumeur grandeur "
    "senteur teneur primeur meilleur majeur mineur superieur interieur exterieur anterieur posterieur inferieur "
    "lien rien chien soutien maintien entretien ancien quotidien chantier metier quartier papier dossier fichier "
    "panier escalier atelier courrier acier palier janvier fevrier premier dernier entier particulier regulier "
    "sentier clavier calendrier cahier collier grossier foncier financier immobilier routier hospitalier "
    "saisonnier financiere fonciere immobiliere routiere hospitaliere saisonniere etrangere supplier cashier "
    "courier frontier importante courante suivante constante puissante vacante exigeante croissante marchande".split()
)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_LAST_WORD = re.compile(r"([a-z]+)[ \t]*\(?[ \t]*$")


def _ending_is_balanced(folded: str, s: int, e: int) -> bool:
    """True when a noun read by its ending has an inclusive ending (« infirmier·ère ») or its other form near it
    (« infirmier / infirmière », « pharmacien adjoint ou pharmacienne adjointe »): another word with its first
    letters within 40 characters."""
    if _INCLUSIVE_END.match(folded, e):
        return True
    stem = folded[s : s + max(3, min(6, e - s - 3))]
    near = re.compile(r"(?<![a-z])" + re.escape(stem) + r"[a-z]*")
    return any(m.start() != s for m in near.finditer(folded, max(0, s - 40), min(len(folded), e + 40)))


def _by_ending(word: str, feminine_only: bool) -> bool:
    if word in _NOT_JOB_NOUNS or word in _ACCENTED:
        return False
    return bool(_FEMININE_END.fullmatch(word) or (not feminine_only and _MASCULINE_END.fullmatch(word)))


def _title_nouns_by_ending(view: TextView, start: int, end: int) -> list[tuple[int, int]]:
    """Job nouns read by their ending in the title's first word (see _FEMININE_END)."""
    folded = view.folded
    text_start = start + len(folded[start:end]) - len(folded[start:end].lstrip(" #*_\t"))
    first = re.match(r"[a-z'-]+", folded[text_start:end])
    if first is None:
        return []
    out = []
    # the job noun is the head's first word (« Aide-soignante » counts its parts); the words after it are a place, a
    # brand or a thing (« Business Developer Montpellier », « Comptable Fournisseur », review of stop 38)
    for m in _WORD.finditer(folded, text_start, text_start + first.end()):
        if _by_ending(m.group(), feminine_only=False) and not _ending_is_balanced(folded, *m.span()):
            out.append(m.span())
    return out


def title_nouns(view: TextView, start: int, end: int) -> list[tuple[int, int]]:
    """Gendered French job nouns in the title span [start, end): a title needs no determiner (« Vendeuse H/F »);
    its first words are also read by their ending (« Infirmière (H/F) », see `_FEMININE_END`)."""
    listed = _nouns_in(view, start, end, need_det=False)
    more = [
        span
        for span in _title_nouns_by_ending(view, start, end)
        if not any(s < span[1] and span[0] < e for s, e in listed)
    ]
    return sorted(listed + more)


def gendered_flags(view: TextView, lang: Language, title: tuple[int, int] = (0, 0)) -> list[Flag]:
    """Gendered forms (warning), nouns naming someone in post (info) and masculine-coded words (info).

    `title`: the clean span of the ad's title, whose marked nouns the title rule checks. In an English ad the French
    checks do not run: a French word there (a quoted job title, « le commercial ») is not the ad's wording.
    """
    folded = view.folded
    spans: list[tuple[int, int, Severity, Message]] = []  # start, end, severity, (English, French) message
    if lang != "en":
        spans += _french_spans(view, title)
    for pattern in wl.EN_GENDERED_NOUNS:
        for m in re.finditer(pattern, folded):
            if "Five Guys" in view.clean.text[max(0, m.start() - 5) : m.end()]:
                continue  # the restaurant chain, capitalised (a client), not a team of five men (review of stop 54)
            spans.append((m.start(), m.end(), "warning", _GENDERED_MESSAGE_EN))
    for regex in (_PRONOUN_EN, _POSSESSIVE_EN):
        for m in regex.finditer(folded):
            if _PAIR_BEFORE.search(folded, max(0, m.start() - 12), m.start()) or _PAIR_AFTER_EN.match(folded, m.end()):
                continue
            spans.append((m.start(), m.end(), "warning", _GENDERED_MESSAGE_EN))
    spans = _keep_longest(spans)
    spans += _coded_words(view, lang)
    spans.sort(key=lambda x: (x[0], x[1]))
    return [view.flag("gendered_wording", sev, en, s, e, message_fr=fr) for s, e, sev, (en, fr) in spans]


# (stop 52) Epicene job nouns: one form for both sexes, so an indefinite determiner or « futur/nouveau » before one
# gives it a gender (« une secrétaire », « d'un responsable grands comptes », « notre future account manager »): the
# job sought, written for one sex. « un·e », « un ou une », « un comptable ou une comptable » leave it epicene; « avec
# un responsable » names someone in post. A definite or demonstrative determiner is not read (« la responsable RH
# vous contactera », « ce responsable vous formera »: most often someone in post; review of stop 52), nor « le
# responsable du traitement » and the like (the GDPR's legal roles).
_EPICENE_NOUNS = (
    "key account manager",
    "account manager",
    "business developer",
    "secretaire",
    "responsable",
    "comptable",
    "stagiaire",
    "juriste",
    "architecte",
    "analyste",
)
_EPICENE_ALTERNATIVES = "|".join(n.replace(" ", r"\s+") for n in _EPICENE_NOUNS)
_EPICENE_DET = r"(?:une?(?:\s+(?:futur|future|nouveau|nouvel|nouvelle))?|futur|future|nouveau|nouvel|nouvelle)"
EPICENE_PHRASE = re.compile(
    rf"(?<![a-z·.(/-]){_EPICENE_DET}\s+(?P<noun>{_EPICENE_ALTERNATIVES})s?(?![a-z·(/-]|\.[a-z])"
)
_EPICENE_NOT_THE_JOB = re.compile(
    r"\s+(?:(?:du|de|des)\s+(?:la\s+protection\s+des\s+)?(?:traitement|donnees)|hierarchique|legal)\b"
)
_DOUBLED_DET_BEFORE = re.compile(r"\b(?:une?|futur|future|nouveau|nouvel|nouvelle)\s+(?:ou|et)\s+(?:une?\s+)?$")


def _epicene_doubled(folded: str, m: re.Match[str]) -> bool:
    """« un ou une secrétaire », « futur ou future comptable », « un comptable ou une comptable » (either half)."""
    s, e = m.span()
    if _DOUBLED_DET_BEFORE.search(folded, max(0, s - 24), s):
        return True
    noun = re.escape(m.group("noun"))
    return bool(
        re.match(rf"\s+(?:ou|et)\s+{_EPICENE_DET}\s+{noun}", folded[e : e + 60])
        or re.search(rf"{_EPICENE_DET}\s+{noun}s?\s+(?:ou|et)\s+$", folded[max(0, s - 60) : s])
    )


_ONE_SEX_ONLY = frozenset({"hotesse", "hotesses"})
_OPENS_PHRASE = re.compile(r"(?:^|[\n.!?;:•*\-–—#>])[ \t]*$")
_SOUGHT_AFTER = re.compile(r"(?:[ \t]+[a-z'-]+){0,2}[ \t]+(?:recherchee?s?|souhaitee?s?|wanted)\b(?!\s*[·.(/]\s*e)")


def _french_spans(view: TextView, title: tuple[int, int]) -> list[tuple[int, int, Severity, Message]]:
    """Gendered French phrases, job nouns and pronouns."""
    folded = view.folded
    spans: list[tuple[int, int, Severity, Message]] = []
    for pattern in wl.FR_GENDERED_PHRASES:
        for m in re.finditer(pattern, folded):
            if _DOUBLED_PHRASE_BEFORE.search(folded, max(0, m.start() - 20), m.start()):
                continue  # « un homme ou une femme de terrain »
            spans.append((m.start(), m.end(), "warning", _GENDERED_MESSAGE_FR))
    for s, e in _nouns_in(view, 0, len(folded), need_det=True):
        if _names_role_holder(folded, s):
            spans.append((s, e, "info", _ROLE_HOLDER_MESSAGE))
        else:
            spans.append((s, e, "warning", _GENDERED_MESSAGE_FR))
    spans += [(s, e, "warning", _GENDERED_MESSAGE_FR) for s, e in _marked_feminine_nouns(view, title)]
    # (stop 47's ads review) a job noun with no determiner that only one sex can hold (« Hôtesse d'accueil… »), or one
    # said to be sought (« Commerciale dynamique recherchée », « Vendeur expérimenté souhaité »)
    taken = {i for s, e, _, _ in spans for i in range(s, e)}  # linear: a set of the flagged positions
    for s, e in _nouns_in(view, 0, len(folded), need_det=False):
        if s in taken:
            continue
        opens = bool(_OPENS_PHRASE.search(folded, max(0, s - 12), s))  # « Profil commercial recherché »: an adjective
        if folded[s:e] in _ONE_SEX_ONLY or (opens and _SOUGHT_AFTER.match(folded, e)):
            spans.append((s, e, "warning", _GENDERED_MESSAGE_FR))
    for m in EPICENE_PHRASE.finditer(folded):
        s, e = m.span()
        if s in taken or _EPICENE_NOT_THE_JOB.match(folded, e) or _epicene_doubled(folded, m):
            continue
        if _ROLE_HOLDER_BEFORE.search(folded, max(0, s - 50), s):
            continue  # « avec un responsable des ventes »: someone in post
        spans.append((s, e, "warning", _GENDERED_MESSAGE_FR))
    spans += [(s, e, "warning", _GENDERED_MESSAGE_FR) for s, e in _applicant_adjectives(view)]
    for m in _PRONOUN_FR.finditer(folded):
        if _PAIR_BEFORE.search(folded, max(0, m.start() - 12), m.start()) or _IMPERSONAL_AFTER.match(folded, m.end()):
            continue
        spans.append((m.start(), m.end(), "warning", _GENDERED_MESSAGE_FR))
    return spans


# (stop 53's outside probe of ads) An adjective or participle said of the applicant, in the masculine only: « Vous êtes
# passionné par le SaaS et motivé », « Rigoureux, organisé et autonome, vous savez prioriser », « Diplômé d'une école
# de commerce, … ». The applicant is « vous »: the words that agree with it take the inclusive form (« motivé·e »).
_VOUS_ETRE = re.compile(
    r"\b(?:vous\s+(?:etes|serez|seriez|etiez|avez\s+ete|devez\s+etre|devrez\s+etre|saurez\s+etre|restez|resterez|"
    r"semblez|sentez)|etes-vous|soyez)\s+"
)
_ADVERBS = frozenset(
    "tres plutot particulierement vraiment reellement deja aussi egalement naturellement bien absolument totalement "
    "parfaitement pleinement fortement hautement surtout idealement idealement avant tout ne pas plus".split()
)
# words that end like a masculine adjective and are not one (or are the same in both genders)
_NOT_ADJECTIVES = frozenset(
    "souvent parent client agent talent moment ambiant accident argent content present absent urgent cent dent "
    "vent lent ciel sel tel quel mel cheval total global local social mental capital final egal legal normal "
    "special vital rural general central national international principal amical cote fluent".split()
)
_MASCULINE_ADJECTIVE = re.compile(r"(?:é|if|eux|ier|el|ien|al|ant|ent)$")
_BALANCED_AFTER = re.compile(r"(?:\s*[·•/]\s*[a-z]{1,4}\b|\.[a-z]{1,3}\b|\s*\(\s*[a-z]{1,4}\s*\)|-[a-z]{1,3}\b(?!-))")
_CLAUSE_STOP = re.compile(
    r"[.;:!?\n()]|\b(?:qui|que|pour|avec|dans|de|d'|du|des|par|a|au|aux|sur|en|un|une|le|la|les|l'|"
    r"votre|vos|son|sa|ses|mais|car|si|lorsque|quand|vous)\b"
)
_LIST_THEN_VOUS = re.compile(r"(?:[\w'-]+(?:\s*,\s*|\s+et\s+|\s+)){0,5}?[\w'-]+(?=\s*,\s*vous\b)")
_TE_NOUNS = frozenset(
    "cote qualite societe activite priorite specialite realite communaute sante ete identite autorite "
    "capacite liberte securite proximite rentabilite mobilite flexibilite nationalite diversite".split()
)
_SENTENCE_END = re.compile(r"[.;:!?\n()]|\bvous\b")
# After a complement, only words that say what a person is (folded, masculine): « un marché dynamique et
# compétitif », « un CRM intuitif et collaboratif », « un environnement exigeant, structuré et compétitif » describe a
# thing (third review of stop 54).
_APPLICANT_TRAITS = frozenset(
    """
    motive organise passionne implique investi determine engage rigoureux curieux serieux consciencieux minutieux
    ambitieux courageux audacieux chaleureux creatif reactif proactif persuasif attentif combatif inventif
    communicatif sportif interesse doue diplome experimente forme habitue rompu issu oriente tourne dote base
    rattache amene appele charge convaincu positionne situe reconnu
    """.split()
)
_COORDINATED = re.compile(
    r"((?:,\s*[a-z]+)*)\s+et\s+(?:(?:tres|vraiment|particulierement|surtout|aussi|egalement)\s+)?([a-z]+)\b"
)
_SEGMENT_START = re.compile(r"(?:\A|[\n.!?;•*>-]++)[ \t]*+")
_OPENING_PARTICIPLE = re.compile(
    r"(?:diplome|issu|forme|titulaire|passionne|dote|habitue|rompu)\s+(?:d'|de|du|des|en|a|au|aux|par)\b"
)


def _masculine_word(view: TextView, s: int, e: int) -> bool:
    """Whether the word at [s, e) of the folded text is an adjective or participle in the masculine, with no
    inclusive or doubled form after it."""
    word = view.lower[s:e]
    if len(word) < 4 or fold(word) in _NOT_ADJECTIVES or word.endswith("ment"):
        return False
    doubled = re.match(r"\s+ou\s+([a-z]+)", view.folded[e : e + 40])  # « impliqué ou impliquée »
    before = re.search(r"([a-z]+)\s+ou\s+$", view.folded[max(0, s - 40) : s])  # « curieuse ou curieux »
    if (
        _BALANCED_AFTER.match(view.folded, e)
        or (doubled and doubled.group(1).startswith(fold(word)[:4]))
        or (before and before.group(1).startswith(fold(word)[:4]))
    ):
        return False
    return fold(word) == "issu" or bool(_MASCULINE_ADJECTIVE.search(word))


_WORD_RUN = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _words_until_stop(view: TextView, start: int, limit: int = 80) -> list[tuple[int, int]]:
    """The words from `start` to the clause's end (a preposition, a determiner, a relative, punctuation)."""
    stop = _CLAUSE_STOP.search(view.folded, start, min(len(view.folded), start + limit))
    end = stop.start() if stop else min(len(view.folded), start + limit)
    return [m.span() for m in _WORD_RUN.finditer(view.folded, start, end)]


def _applicant_adjectives(view: TextView) -> list[tuple[int, int]]:
    """Masculine adjectives and participles said of « vous » (the applicant) in a French ad."""
    folded = view.folded
    found: list[tuple[int, int]] = []
    for m in _VOUS_ETRE.finditer(folded):
        for s, e in _words_until_stop(view, m.end()):
            if folded[s:e] in _ADVERBS or folded[s:e] == "et":
                continue
            if _masculine_word(view, s, e):
                found.append((s, e))
        # (probe of stop 53) an adjective coordinated by « et » after a complement, in the same sentence: « Vous êtes
        # passionné par le SaaS et motivé », « … et créatif »; and a list that ends so (« Vous êtes à l'aise avec
        # Excel, rigoureux et autonome »). Only words in « -é », « -if », « -eux »; a word after a comma only in such
        # a list: « un portefeuille de 40 comptes, situé à Lyon », « le service client et commercial », « des clients
        # exigeants et nombreux » are not said of « vous » (reviews of stop 54).
        sentence = _SENTENCE_END.search(folded, m.end(), min(len(folded), m.end() + 160))
        end = sentence.start() if sentence else min(len(folded), m.end() + 160)
        for c in _COORDINATED.finditer(folded, m.end(), end):
            listed = [(c.start(1) + w.start(), c.start(1) + w.end()) for w in re.finditer(r"[a-z]+", c.group(1))]
            for s, e in [*listed, c.span(2)]:
                if folded[s:e] in _APPLICANT_TRAITS and _masculine_word(view, s, e):
                    found.append((s, e))
    # a segment's start: the text's, or after a boundary and the blanks after it (one try per run of boundaries,
    # not one per character: 20,000 dashes took 20 s; review of stop 53)
    for m in _SEGMENT_START.finditer(folded):
        start = m.end()
        if start >= len(folded) or not folded[start].isalpha():
            continue
        lst = _LIST_THEN_VOUS.match(folded, start, min(len(folded), start + 120))
        if lst and lst.end() - start <= 80:
            words = [w.span() for w in re.finditer(r"[a-z]+", folded[start : lst.end()])]
            words = [(start + a, start + b) for a, b in words]
            if all(
                folded[a:b] in _ADVERBS or folded[a:b] == "et" or not _CLAUSE_STOP.fullmatch(folded[a:b])
                for a, b in words
            ):
                # (review of stop 53) not a noun in « té » opening the line: « Côté client, vous gérez… »
                found += [
                    (a, b)
                    for a, b in words
                    if folded[a:b] not in _ADVERBS and folded[a:b] not in _TE_NOUNS and _masculine_word(view, a, b)
                ]
        opening = _OPENING_PARTICIPLE.match(folded, start)
        if opening:
            e = start + len(opening.group(0).split()[0])
            if _masculine_word(view, start, e):
                found.append((start, e))
    return sorted(set(found))


def _keep_longest(spans: list[tuple[int, int, Severity, Message]]) -> list[tuple[int, int, Severity, Message]]:
    return [(s, e, sev, msg) for s, e, (sev, msg) in drop_overlaps([(s, e, (sev, msg)) for s, e, sev, msg in spans])]


_CODED_EN = re.compile(r"(?<![a-z-])(?:" + "|".join(re.escape(s) for s in wl.EN_MASCULINE_CODED) + r")[a-z-]*")
_CODED_FR = re.compile(r"(?<![a-z-])(?:" + "|".join(re.escape(s) for s in wl.FR_MASCULINE_CODED) + r")[a-z-]*")


def _coded_words(view: TextView, lang: Language) -> list[tuple[int, int, Severity, Message]]:
    """First occurrence of each masculine-coded word (info), with its count in the message.

    A word capitalised inside a proper name (« Acme Analytics », « Leader Price ») names a company, not the job:
    it is not counted, except in a heading, where English capitalises every word.
    """
    regex = _CODED_EN if lang == "en" else _CODED_FR
    first: dict[str, tuple[int, int]] = {}
    counts: dict[str, int] = {}
    text = view.clean.text
    for m in regex.finditer(view.folded):
        line_start = text.rfind("\n", 0, m.start()) + 1
        in_heading = text[line_start : m.start()].lstrip().startswith("#")  # "## Our Ambitious Team": Title Case
        if not in_heading and in_proper_name(text, *m.span()):
            continue
        word = m.group()
        first.setdefault(word, m.span())
        counts[word] = counts.get(word, 0) + 1
    if lang == "en":
        note = "Masculine-coded word (Gaucher, Friesen & Kay 2011, JPSP 101(1)): such words lower women's interest in an ad"
        note_fr = (
            "Mot à connotation masculine (Gaucher, Friesen & Kay 2011, JPSP 101(1)) : ces mots réduisent l'intérêt "
            "des femmes pour une offre"
        )
    else:
        note = (
            "Masculine-coded word (French list written for this project, UNVALIDATED, by analogy with "
            "Gaucher, Friesen & Kay 2011)"
        )
        note_fr = (
            "Mot à connotation masculine (liste française écrite pour ce projet, NON VALIDÉE, par analogie avec "
            "Gaucher, Friesen & Kay 2011)"
        )
    return [
        (
            s,
            e,
            "info",
            (
                f"{note}; found {counts[w]}×. Consider a neutral wording.",
                f"{note_fr} ; trouvé {counts[w]} fois. Envisagez une formulation neutre.",
            ),
        )
        for w, (s, e) in first.items()
    ]


__all__ = ["MARKER", "Message", "gendered_flags", "title_nouns"]
