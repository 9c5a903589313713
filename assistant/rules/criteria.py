"""Protected criteria (Code du travail L1132-1) in interview notes and job ads, French and English."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..errors import InputError
from ..text import ocr_letters
from . import wordlists as wl
from .demark import MARKUP_CHARS, MARKUP_OR_ENTITY, Demarked, demarked
from .matching import compile_word_start, may_match, pattern_literals, starts_word
from .models import Flag
from .sanitize import TextView, drop_overlaps

Context = Literal["notes", "ad"]
_WINDOW = 40


@dataclass(frozen=True)
class _CompiledTerm:
    regex: re.Pattern[str]
    not_before: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    need_before: re.Pattern[str] | None
    accents: bool
    names_ok: bool
    strict: bool
    literals: tuple[str, ...] | None


def _tail(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(rf"(?:{pattern})\s*$") if pattern else None


@lru_cache(maxsize=1)
def _compiled_criteria() -> tuple[tuple[wl.Criterion, tuple[_CompiledTerm, ...], re.Pattern[str] | None], ...]:
    out = []
    for crit in wl.CRITERIA:
        terms = tuple(
            _CompiledTerm(
                compile_word_start(t.pattern),
                _tail(t.not_before),
                re.compile(t.not_after) if t.not_after else None,
                _tail(t.need_before),
                t.accents,
                t.names_ok,
                t.strict,
                pattern_literals(t.pattern),
            )
            for t in crit.terms
        )
        out.append((crit, terms, re.compile(crit.ad_ok) if crit.ad_ok else None))
    return tuple(out)


_EQUAL_OPPORTUNITY = re.compile(wl.EQUAL_OPPORTUNITY)
# (stop 47's reviews) A criterion's word followed by what a business sells, serves or runs (up to three words on): "mental
# health services", "disability support providers", "church-furniture supplier", "a religious publishing house",
# "retirement communities", "the LGBT+ travel market", "genetic testing workflows". Not a person: "disabled applicants",
# "religious candidates" stay flagged.
_BUSINESS_AFTER = re.compile(
    # (a word joined by a hyphen or spaces, never " - ": "white - wine sector background" is two things)
    # (at most one word between, never "and": "She is pregnant and will need childcare services" is about her)
    r"\+?(?:(?:-|\s+)(?!(?:to|your|their|his|her|our|my|for|of|the|a|an|in|on|with|at|by|from|is|are|was|were|be|or|as|"
    r"via|and|will|need|needs|sees|community)\b)[a-z]+)?(?:-|\s+)(?:services?|providers?|insurers?|insurance|markets?|sectors?|"
    r"industry|software|modules?|workflows?|platforms?|apps?|products?|solutions?|channels?|hotlines?|communities|"
    r"operators?|publish\w*|schools?|networks?|textbooks?|books?|suppliers?|furniture|chains?|retailers?|labs?|"
    r"laboratories|vendors?|brands?)\b"
    # …and not people named by it: "school leavers", "school graduates", "network members"
    r"(?!\s+(?:leavers?|graduates?|students?|pupils?|members?|volunteers?|attendees?|goers?|users?|alumni|ambassadors?|"
    r"reps?|representatives?|managers?|executives?|sellers?|staff|people|hires?|candidates?|applicants?))"
)
# …unless it is the person's own: "active in his church network", « son réseau associatif musulman »
_OWN_BEFORE = re.compile(r"\b(?:his|her|their|my|son|sa|ses|leur|leurs)\s+(?:[a-z'-]+\s+){0,3}$")
# Worship is no business: "church services", "mosque groups"
_WORSHIP_AFTER = re.compile(r"\s+(?:services?|groups?|meetings?|attendance|networks?|communit(?:y|ies))\b")
_AD_EXCLUSION = re.compile(wl.AD_EXCLUSION)
_AD_PREFERENCE = re.compile(wl.AD_PREFERENCE)
# (stop 47's ads review) not the full stops of "e.g.", "i.e.", « ex. », "etc." inside a sentence
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\be)(?<!\bi)(?<!\bex)(?<!\bcf)\.|[!?;\n]")
_STARTS_SENTENCE = re.compile(r"(?:^|[.!?;:\n•*#>(«\"\-–—])\s*$")
_WORDS = re.compile(r"[^\W\d_]+")
_NAME_LINKS = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "of", "the", "and"})


def _neighbour(words: list[str]) -> str:
    """The nearest word of `words` (nearest first) that is not a linking word such as « de », « l' »."""
    return next((w for w in words if w not in _NAME_LINKS), "")


def in_proper_name(text: str, s: int, e: int) -> bool:
    """True when the word at [s, e) is capitalised in mid-sentence next to another capitalised word.

    « L'Atelier de l'Homme Élégant recrute » names a shop, not a sex; « Profil : Homme » starts a phrase and
    « un Homme » stands alone, so both stay mentions.
    """
    before = text[max(0, s - 40) : s]
    if not text[s:e][:1].isupper() or _STARTS_SENTENCE.search(before):
        return False
    prev = _neighbour(_WORDS.findall(before)[::-1])
    nxt = _neighbour(_WORDS.findall(text[e : e + 40]))
    return prev[:1].isupper() or nxt[:1].isupper()


class _Sentences:
    """Sentence bounds of a text, and which sentences contain a given kind of statement (computed once)."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.ends = [m.start() for m in _SENTENCE_END.finditer(folded)]  # sorted positions of . ! ? ; newline
        self._hits: dict[str, set[int]] = {}

    def index(self, pos: int) -> int:
        """The number of the sentence holding `pos`."""
        return bisect.bisect_left(self.ends, pos)

    def containing(self, regex: re.Pattern[str]) -> set[int]:
        """Numbers of the sentences in which `regex` matches."""
        if regex.pattern not in self._hits:
            self._hits[regex.pattern] = {self.index(m.start()) for m in regex.finditer(self.folded)}
        return self._hits[regex.pattern]


# How a reader reads the text, the same length: quotation marks around a word do not hide it (« quartier
# « sensible » », 'her "clinic Fridays"'), and a « 1 » between letters is the « l » OCR misread (« diffici1e »,
# « ma1adie »).
_QUOTE_MARKS = re.compile(r"[«»\"“”„‹›]")


def as_read(text: str) -> str:
    """`text` with quotation marks as spaces and OCR's « 1 » for « l » between letters undone; the same length."""
    return _QUOTE_MARKS.sub(" ", ocr_letters(text))


_SPACES = "[ \u00a0\u202f]{0,2}"
# (opening, closing, the closing mark right after a span, the opening mark right before it), compiled once
_QUOTE_PAIRS = tuple(
    (o, c, re.compile(_SPACES + re.escape(c)), re.compile(re.escape(o) + _SPACES + r"\Z"))
    for o, c in (("«", "»"), ("“", "”"), ("„", "“"), ("‹", "›"), ('"', '"'))
)


def _with_quotation_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A flagged span that opens a quotation mark (« quartier « sensible ») or closes one ('rough” area'), grown to
    the mark next to it that closes or opens it, so the flag quotes the words as written; else the span as is."""
    span = text[start:end]
    for opening, closing, closing_after, opening_before in _QUOTE_PAIRS:
        if opening == closing:
            opens = closes = span.count(opening) % 2 == 1
        else:
            opens = span.count(opening) > span.count(closing)
            closes = span.count(closing) > span.count(opening)
        if opens and (after := closing_after.match(text, end)):
            return start, after.end()
        if closes and (before := opening_before.search(text[max(0, start - 3) : start])):
            return start - len(before.group()), end
    return start, end


def _read_view(view: TextView) -> TextView:
    read_lower, read_folded = as_read(view.lower), as_read(view.folded)
    if read_lower == view.lower and read_folded == view.folded:
        return view
    return TextView(view.clean, read_lower, read_folded)


_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014.!?\n]")
_REACH = 200  # how far a reading looks for the break that bounds it, either side


def _bounds(folded: str, s: int, e: int, breaks: re.Pattern[str]) -> tuple[int, int]:
    """Where the piece around [s, e) starts and ends: after the nearest break before `s`, before the nearest after
    `e`, each looked for within _REACH characters (a bounded look: linear however long the text)."""
    start = max((m.end() for m in breaks.finditer(folded, max(0, s - _REACH), s)), default=max(0, s - _REACH))
    end_m = breaks.search(folded, e, e + _REACH)
    return start, end_m.start() if end_m else min(len(folded), e + _REACH)


def _clause(folded: str, s: int, e: int) -> str:
    """The clause around [s, e): between the nearest comma, colon, dash or sentence end on either side. A preference
    cancels an equal-opportunity statement only there (review of 2b7c2ee: "regardless of age, only full-time roles"
    is no preference for an age)."""
    start, end = _bounds(folded, s, e, _CLAUSE_BREAK)
    return folded[start:end]


# (stop 53's outside probe of ads) A criterion's word in what the business sells or whom it serves, earlier in its
# sentence: « Nos clients sont des enseignes de puériculture et des magasins de jouets pour enfants », « Vous vendez
# nos solutions aux salons de coiffure », « Notre application aide les femmes enceintes », "You will manage accounts
# for trade unions". Not a requirement, nor a preference: the sentence says neither (_AD_PREFERENCE, _AD_EXCLUSION),
# and names no applicant (_APPLICANT). Non-strict terms only: a cap or a range asked of people stays flagged. Ads
# only (see _criteria_spans).
_SERVED_BEFORE = re.compile(
    r"(?P<list>\b(?:clients?|clientele|references?)\s*:)|\b(?:vend\w*|commercialis\w*|distribu\w*|"
    r"clients?\s+(?:sont|comptent|incluent)|clientele|enseignes?|magasins?|"
    r"boutiques?|(?:application|appli|app|plateforme|platform|solution|logiciel|software|produit|product|outil|tool|service|"
    r"offre)s?\s+(?:[\w'-]+\s+){0,2}(?:aide\w*|accompagne\w*|permet\w*|helps?|serves?|supports?|s'adresse\w*|destinee?s?)"
    r"|vous\s+(?:accompagn\w*|vend\w*|prospect\w*|gerez|suivez|developp\w*|fidelis\w*|conseill\w*|equip\w*)"
    r"|you(?:'ll|\s+will)?\s+(?:manage|sell|serve|support|look\s+after|handle)|sell\w*\s+to|(?:customers?|clients?)\s+(?:are|include)"
    r"|serves?|serving)\b"
)
# (review of stop 53) Between the market's verb and the criterion's word, only the market itself: no clause break (a
# comma, except in a list of clients after « clients : »), no person, no verb of the applicant's, no preference —
# « Vous gérez un portefeuille de 40 comptes, hommes jeunes bienvenus », « Vous prospectez les PME et êtes de
# nationalité française », « Nos clients sont des enseignes de mode et nous recrutons une jeune femme » stay flagged.
_MARKET_TAIL_BLOCK = re.compile(
    r"[;:]|\b(?:vous|nous|you|we|il|elle|ils|elles|they|he|she|etes|est|sont|serez|seriez|etre|be|is|are|should|must|"
    r"will|recrut\w*|cherch\w*|recherch\w*|looking|seek\w*|hire|hiring|want\w*|veut|veulent|souhait\w*|prefer\w*|"
    r"perfect|ideal\w*|parfait\w*|bienvenu\w*|welcome|poste|role|job|position|avez|have|has|avec|alongside)\b"
    r"|\b(?:pour|for|as)\s+(?:un|une|a|an)\b|\ben\s+tant\s+que\b"
)
# after « clients : », a list of names (« Groupe Hospitalier Est, … »): only a person or a wish stops it there
_LIST_TAIL_BLOCK = re.compile(
    r"[;:]|\b(?:vous|nous|you|we|recrut\w*|cherch\w*|recherch\w*|looking|seek\w*|hire|hiring|want\w*|veut|veulent|"
    r"souhait\w*|prefer\w*|ideal\w*|bienvenu\w*|welcome|poste|role|job|position|femmes?|hommes?|women|woman|men|man|"
    r"personnes?|persons?|people|profils?)\b|\b(?:pour|for|as)\s+(?:un|une|a|an)\b|\ben\s+tant\s+que\b"
)
MAX_MARKET_TAIL = 100


# (stop 53's blind measure) In notes as in ads, a criterion's word right after products made for a group, a market
# sold into, or a target: « A vendu des produits pour bébés et femmes enceintes », « cosmétiques pour hommes, cible
# 18-35 ans », "Sold into the religious & nonprofit sector". Right after: nothing but the group's words in between.
_PRODUCT_OR_TARGET_BEFORE = re.compile(
    r"(?:\b(?:produits?|articles?|gammes?|cosmetiques?|vetements?|soins|jouets?|products?|clothing|apparel|cosmetics?|"
    r"toys?|skincare)\s+(?:[a-z'-]+\s+){0,2}?(?:pour|for|destines?\s+aux|dedies?\s+aux)"
    r"|\b(?:sold|sells|selling)\s+(?:in)?to)\b(?P<tail>[a-z'&( -]{0,50})$"
    # a target, not a profile's (« Profil cible : jeune femme », « Candidat cible : 25-35 ans »: review of stop 53)
    r"|(?<!profil\s)(?<!candidat\s)(?<!poste\s)(?<!personne\s)\b(?:cible|ciblee?s?|target(?:ed|ing)?|audience|clientele)"
    r"\s*(?::|de|des|of)?\s*(?:\d{1,2}\s*(?:-|a)\s*)?$"
)
# between the products and the word, only the group's own words: no person, verb, contrast or restriction (review of
# stop 53: "Sold to banks but is pregnant now", "products for women and must be a woman", « pour le jardin réservée
# aux hommes »)
_PERSON_IN_TAIL = re.compile(
    r"\b(?:elle|il|she|he|her|his|candidat\w*|candidate?|lui|son|sa|herself|himself|mais|but|though|although|is|est|"
    r"sont|are|has|have|ont|must|doit|doivent|should|only|uniquement|seulement|need|needs|apply|reserve\w*|exclusive\w*|"
    r"avez|avoir)\b"
)


def _product_or_target(folded: str, s: int) -> bool:
    """Whether the criterion's word at `s` names the group products are made for, a market sold into or a target
    (_PRODUCT_OR_TARGET_BEFORE), with no person named in between."""
    m = _PRODUCT_OR_TARGET_BEFORE.search(folded, max(0, s - 100), s)
    return bool(m and not _PERSON_IN_TAIL.search(m.group("tail") or ""))


_SENTENCE_BREAK = re.compile(r"[.;!?\n]")  # not a colon: « Parmi nos clients : … » is one sentence
_APPLICANT = re.compile(
    r"\b(?:vous\s+etes|etes-vous|candidat\w*|profils?|applicants?|candidates?|you\s+are|you're|must|doit|doivent|devez|"
    r"exige\w*|requis\w*|required)\b"
)


def _asks_of_the_applicant(folded: str, s: int, e: int) -> bool:
    """Whether the sentence around [s, e) states a preference, an exclusion or names the applicant."""
    a, b = _bounds(folded, s, e, _SENTENCE_BREAK)
    sentence = folded[a:b]
    return bool(_AD_PREFERENCE.search(sentence) or _AD_EXCLUSION.search(sentence) or _APPLICANT.search(sentence))


def _served_market(folded: str, s: int, e: int) -> bool:
    """Whether [s, e) is in what the business sells or whom it serves: the object of a market's verb earlier in its
    sentence (_SERVED_BEFORE), with only the market in between (_MARKET_TAIL_BLOCK), in a sentence that asks
    nothing of the applicant."""
    a, b = _bounds(folded, s, e, _SENTENCE_BREAK)
    triggers = list(_SERVED_BEFORE.finditer(folded, max(a, s - MAX_MARKET_TAIL - 60), s))
    if not triggers:
        return False
    trigger = triggers[-1]  # the nearest
    tail = folded[trigger.end() : s]
    block = _LIST_TAIL_BLOCK if trigger.group("list") else _MARKET_TAIL_BLOCK
    if len(tail) > MAX_MARKET_TAIL or block.search(tail) or ("," in tail and not trigger.group("list")):
        return False
    if trigger.group("list"):  # the whole item of the list: « Clients : Dior, jeune femme de bonne présentation »
        item_start = folded.rfind(",", trigger.end(), s) + 1 or trigger.end()
        item_end = min([i for i in (folded.find(",", e, b), b) if i >= 0])
        if block.search(folded, item_start, item_end):
            return False
    return not _asks_of_the_applicant(folded, s, e)


# An exclusion after an equal-opportunity phrase cancels it for the group it names (review of stop 38: "We welcome
# all applicants but no pregnant women", « Poste ouvert à tous, pas de femmes enceintes », "not to those with a
# disability"); a limit denied stays lawful (« aucune limite d'âge », "no age limit").
_CONTRAST_BEFORE = re.compile(r"\b(?:but|mais|sauf|except\w*|hormis|excepte)\b")
_DENIED_BEFORE = re.compile(
    r"\b(?:pas\s+d[e']|no|aucune?|not\s+(?:to|for))\s*(?:(?:les|des|the|those|any|people|personnes|with|avec|a|an|un|une|"
    r"femmes?|hommes?|women|men|candidat\w*|candidates?|applicants?|profils?|profiles?)\s+){0,4}$"
)
# (stop 40) …or after it, when the clause turns the group away with a verb of selection (« Poste ouvert à tous, sans
# discrimination, les femmes enceintes ne seront pas retenues », "Open to all, pregnant candidates need not apply");
# a criterion named to say it will not count (« l'âge ne sera pas pris en compte », "will not be held against") or a
# group said not to be set aside (« ne seront pas écartées », « ne sont nullement écartés ») stays lawful. Read up to
# the clause's end, but not past « et », « mais », « qui »…: « ouvert à tous les âges et les candidatures sans CV ne
# seront pas retenues » turns away other applications (review of stop 40).
_SELECTED = (
    r"(?:retenu|accepte|admis|admissible|selectionne|recrute|embauche|eligible|bienvenu|etudie|examine|convoque|"
    r"invited|called\s+(?:in|for)|reviewed|given\s+(?:any\s+)?consideration|hired|accepted|"
    r"admitted|selected|retained|welcome|employed|recruited|shortlisted|interviewed|taken\s+on)"
)
# Verbs that set a group aside, in either language (folded).
_SET_ASIDE = (
    r"(?:exclu|refuse|ecarte|rejete|classee?s?\s+sans\s+suite|excluded|refused|rejected|turned\s+away|disqualified)"
)
_NOT_ONLY = r"(?!(?:just|only|merely|simply|seulement|simplement|uniquement|que)\b)"
_NEGATION = r"(?:pas|not|never|jamais|plus|nullement|aucunement|nowise|point)"
# Saying a group will not be taken into account turns it away (« les candidatures de femmes enceintes ne seront pas
# prises en compte », "pregnant applicants will not be considered"); saying it of a criterion is lawful (« l'âge ne
# sera pas pris en compte »): these verbs count only when the mention names people (_names_a_group; review of stop 40).
_CONSIDERED = (
    r"(?:pris\w*\s+en\s+(?:compte|consideration)|considere(?:e?s?)\b(?!\s+(?:differemment|autrement|comme\s+"
    r"(?:moins|plus|trop|inaptes?|indisponibles?|des?\s+(?:freins?|risques?|charges?)|une?\s+(?:frein|risque|charge|probleme))))|"
    r"considered(?!\s+(?:less|differently|any\s+differently|unfavou?rably|as\s+(?:less|unfit|unavailable|a\s+(?:burden|risk|problem))|"
    r"a\s+(?:burden|risk|problem|liability)))|taken\s+into\s+account)"
)


def _excluded_after(selected: str) -> re.Pattern[str]:
    """A clause that turns its subject away with a verb of selection (`selected`) denied, or a verb that sets aside."""
    return re.compile(
        r"\bne\s+(?:\w+\s+){1,2}(?:pas|plus|jamais)\s+"
        + _NOT_ONLY
        + r"(?:\w+\s+){0,2}"
        + selected
        + r"|\bn'\w+\s+(?:\w+\s+)?(?:pas|plus|jamais)\s+"
        + _NOT_ONLY
        + r"(?:\w+\s+){0,2}"
        + selected
        + r"|\b(?:(?:non|pas|not|never)\s*-?\s*|in)"
        + selected
        + r"|\b(?:will|would|are|is|were|was|can|shall|may|could|must)\s*(?:not|n't|never)\s+"
        + _NOT_ONLY
        + r"(?:\w+\s+){0,2}"
        + selected
        + r"|\b(?:cannot|can't|won't)\s+"
        + _NOT_ONLY
        + r"(?:\w+\s+){0,2}"
        + selected
        + r"|\b(?:need|should|must|may|can|please\s+do|do)\s*(?:not|n't)\s+apply\b|\bcannot\s+apply\b"
        + r"|\bne\s+(?:\w+\s+)?(?:pas|plus)\s+(?:\w+\s+)?postuler\b"
        + r"|\b(?:sont|seront|sera|est|serait|seraient|are|is|will\s+be|would\s+be)\s+"
        r"(?:(?!" + _NEGATION + r"\b)\w+\s+){0,2}(?:" + _SET_ASIDE + r"|inadmissible|ineligible|barred)"
    )


_EXCLUDED_AFTER = _excluded_after(_SELECTED)
_GROUP_EXCLUDED_AFTER = _excluded_after(r"(?:" + _SELECTED + "|" + _CONSIDERED + ")")
# A mention that names people (a group), not the criterion itself: a word for people in the mention (« les
# seniors », "Candidates over 50"), right after it ("pregnant applicants"), or up to four words before it in its clause
# (« les femmes enceintes », « les candidats de plus de 50 ans », "applicants with any disability", "people whose age
# exceeds 50"). « L'âge », "disability", « la situation familiale » name the criterion (review of stop 41: a list of
# criteria that will not count is lawful however long).
_PEOPLE = (
    r"(?:femmes?|hommes?|personnes?|candidat\w*|seniors?|jeunes|juniors?|meres?|peres?|parents?|salaries?|gens|"
    r"profils?|women|men|people|persons?|applicants?|applications?|candidates?|those|anyone|mothers?|fathers?|"
    r"workers?|employees?|individuals?|staff)"
)
# (not their possessions: "older workers' pension status will not be considered" names an attribute)
_PEOPLE_IN = re.compile(r"\b" + _PEOPLE + r"\b(?!')")
_PEOPLE_RIGHT_AFTER = re.compile(r"\s+" + _PEOPLE + r"\b(?!')")
_PEOPLE_BEFORE = re.compile(r"\b" + _PEOPLE + r"\b(?:\s+[\w']+){0,4}\s*$")


def _names_a_group(folded: str, s: int, e: int, before: str) -> bool:
    """Whether the mention at [s, e) names people (a group), not the criterion itself."""
    return bool(
        _PEOPLE_IN.search(folded, s, e) or _PEOPLE_RIGHT_AFTER.match(folded, e) or _PEOPLE_BEFORE.search(before)
    )


# A criterion said to count (« la grossesse sera prise en compte », "your age will be taken into account"): a
# selection on it, not a statement that frames it (review of stop 41).
_COUNTED_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:will|shall|would|may|can|could|is|are)\s+(?:also\s+)?(?:be\s+)?(?:taken\s+into\s+account|considered|"
    r"a\s+factor|assessed|weighed)|\s*(?:,\s*)?(?:sera|seront|est|sont|pourra|pourront)\s+(?:aussi\s+|egalement\s+)?"
    r"(?:etre\s+)?(?:pris\w*\s+en\s+(?:compte|consideration)|examine\w*|evalue\w*|un\s+critere)"
)
# An incise between the group and its verb (« les femmes enceintes, quelle que soit leur expérience, ne seront pas
# retenues », "pregnant women (even if qualified) will not be hired"; review of stop 40): short, no sentence end in it.
# It may follow the rest of the group's noun phrase ("pregnant" → "women").
# (review of stop 41: up to six words, « les femmes enceintes de plus de 3 mois, même qualifiées, … »)
_INCISE_OPEN = re.compile(r"(?:\s+(?!(?:et|and|mais|but|qui|who)\b)[a-z0-9']+){0,6}?\s*([,(]|-(?=\s))")
# An incise a writer may forget to close (« les seniors, même expérimentés ne seront pas recrutés », "pregnant women,
# even if qualified will not be hired"; review of stop 41): the words that open one.
_INCISE_WORD = re.compile(
    r"\s*(?:meme|y\s+compris|malgre|bien\s+que|quoique|toutefois|cependant|pourtant|neanmoins|quel\w*\s+que|"
    r"even|however|though|although|nevertheless|regardless|whatever|whether)\b"
)
_NEXT_WORD = re.compile(r"\s+(?=\w)")
# …where a verb group or a subject starts (« ne seront pas », "will not", « nous ne les »), not a participle inside the
# incise ("even if not hired last time are encouraged to reapply"; review of stop 42)
_FINITE_START = re.compile(
    r"(?:ne|n'|will|would|shall|are|aren't|is|isn't|sont|seront|sera|serait|seraient|doivent|doit|"
    r"can|cannot|can't|won't|may|must|need|should|nous|on|we)\b"
)
# An incise that leaves the choice to the group is an accommodation, not an exclusion ("people with disabilities,
# unless they request it, will not be interviewed by phone"); a condition on them is not ("pregnant women, if
# qualified, will not be hired" is flagged).
_LEFT_TO_THEM = (
    r"(?:unless\s+they\s+(?:so\s+)?(?:ask|request|prefer|wish|choose)|if\s+they\s+(?:so\s+)?(?:prefer|wish|request|ask|choose)|at\s+their\s+(?:request|choice)|"
    r"sauf\s+(?:si\s+)?(?:elles?|ils?)\s+le\s+(?:souhaitent|demandent|preferent)|"
    r"si\s+(?:elles?|ils?)\s+le\s+(?:souhaitent|demandent|preferent)|a\s+leur\s+demande|sur\s+leur\s+demande)\b"
)
_CONDITION = re.compile(r"\s*" + _LEFT_TO_THEM)
_INCISE_CLOSE = {",": ",", "(": ")", "-": "-"}
_INCISE_BREAK = re.compile(r"[.!?;:\n]")


def _past_incise(folded: str, e: int) -> tuple[int, list[int]]:
    """Where an incise opens after position `e` (after up to four words), and where the text may resume after it
    (after each closing mark within 120 characters and before a sentence end: « quelle que soit leur expérience,
    leur diplôme ou leur motivation, ne seront pas retenues »)."""
    m = _INCISE_OPEN.match(folded, e)
    if not m or _CONDITION.match(folded, m.end()):
        return e, []
    close = _INCISE_CLOSE[m.group(1)]
    stop = _INCISE_BREAK.search(folded, m.end(), m.end() + 120)
    limit = stop.start() if stop else min(len(folded), m.end() + 120)
    out: list[int] = []
    j = folded.find(close, m.end(), limit)
    while j >= 0 and len(out) < 3:
        out.append(j + 1)
        j = folded.find(close, j + 1, limit)
    if not out and close == "," and _INCISE_WORD.match(folded, m.end()):
        # not closed: the text may resume at any of the next eight words, not past a relative clause (« même ceux
        # qui ne sont pas retenus ailleurs sont les bienvenus » is lawful)
        relative = _AFTER_STOP.search(folded, m.end(), limit)
        out = [
            w.end()
            for w in _NEXT_WORD.finditer(folded, m.end(), relative.start() if relative else limit)
            if _FINITE_START.match(folded, w.end())
        ][:8]
    return m.start(1), out


_REJECTED_AFTER = re.compile(r"\b(?:" + _SET_ASIDE + r"|discrimin|penalis|penaliz)")
# What ends the reading after the group: another subject or a relative clause.
_AFTER_STOP = re.compile(r"\b(?:et|and|mais|but|ou|or|qui|who|that|which|dont|whose)\b")
# A group named after a negative determiner (« aucune candidature de personne handicapée ne sera refusée », "no
# candidate with a disability will be rejected"): a double negation, lawful.
_NONE_BEFORE = re.compile(r"\b(?:aucune?|nul|nulle|no|none|never|jamais)\b")
# A verb of hiring denied before the group (« nous ne recrutons pas les femmes enceintes », "we do not hire pregnant
# women"; review of stop 40), also through the group's applications (« nous ne retiendrons pas les candidatures de
# femmes enceintes », "we will not accept applications from candidates over 50"; review of stop 41).
_GROUP_FILLER = (
    r"(?:(?:(?:les|des|de|d'|du|the|any|a|an|from|of|by|candidatures?|dossiers?|cv|applications?|cvs|resumes?|"
    r"femmes?|hommes?|personnes?|candidat\w*|women|men|people|persons?|applicants?|candidates?|with|avec|who|qui|are|"
    r"sont|emanant|submitted|toutes|tous|all|ayant|having|anyone|anybody|staff|have|has)\s*){0,6})$"
)
_TURNED_AWAY_BEFORE = re.compile(
    r"\b(?:ne\s+(?:recrut|embauch|reten|retien|accept|selectionn|convoqu)\w*\s+(?:plus|pas|jamais)"
    r"|n'(?:embauch|accept|examin|admet|admett|etudi)\w*\s+(?:plus|pas|jamais)"
    r"|(?:do|does|did|will|would|can)\s*(?:not|n't)\s+(?:hire|recruit|accept|employ|take\s+on|want|interview)"
    r"|(?:cannot|can't|won't)\s+(?:hire|recruit|accept|employ|take\s+on|take|interview))\s+" + _GROUP_FILLER
)
# Taking into account, considering: only of a group (« nous ne prendrons pas en compte les candidatures de femmes
# enceintes »); of a criterion it is the lawful promise (« nous ne prendrons pas en compte l'âge », "we will not
# consider age, sex or origin"; review of stop 41).
_NOT_CONSIDERED_BEFORE = re.compile(
    r"\b(?:ne\s+(?:pren|consider|etudi)\w*\s+(?:plus|pas|jamais)(?:\s+en\s+(?:compte|consideration))?"
    r"|ne\s+tien\w*\s+(?:plus|pas|jamais)\s+compte"
    r"|(?:do|does|did|will|would|can)\s*(?:not|n't)\s+(?:consider|take\s+into\s+account|review|process|examine)"
    r"|(?:cannot|can't|won't)\s+(?:consider|take\s+into\s+account|review|process|examine))\s+" + _GROUP_FILLER
)
# …but not a manner after it ("we will not consider applications from pregnant women any differently", "we do not
# interview candidates with disabilities any differently"); "on that basis" gives a reason, not a manner (reviews of
# stop 42).
_A_MANNER_AFTER = re.compile(r"\b(?:differently|differemment|autrement|any\s+less|less\s+favou?rably)\b")
# …nor an accommodation the group asks for ("we do not interview candidates with a disability by phone unless they ask").
_ACCOMMODATION_AFTER = re.compile(r"\b" + _LEFT_TO_THEM)
_A_REASON = re.compile(r"\b(?:because|since|as|car|parce|puisque|given)\b")
# A purpose after the group ("we do not want anyone with a disability to feel excluded"): no turning away.
_A_PURPOSE_AFTER = re.compile(
    r"\b(?:to|being|de\s+se|a\s+se)\s+(?:feel|worry|miss|be\s+left|sentir|inquieter)\b|\bbeing\s+left\b"
)
_THROUGH_A_RELATION = re.compile(r"\b(?:with|avec|who|qui|are|sont|having|ayant|have|has)\b")
_A_LIMIT_AFTER = re.compile(
    r"\s*(?:limits?|limites?|requirements?|conditions?|criteria|criteres?|restrictions?|barriers?)\b"
)


# (review of stop 41) The group taken up by a pronoun after the incise: « les femmes enceintes, quelle que soit leur
# expérience, nous ne les retiendrons pas », "pregnant women, even if qualified, we will not hire".
# The whole clause, so that a manner after the verb keeps it lawful (« nous ne les sélectionnons jamais sur leur
# âge », « nous ne les considérons pas différemment »; review of stop 41).
_WE_TURN_THEM_AWAY = re.compile(
    r"(?:(?:nous|on)\s+ne\s+les\s+(?:\w+\s+)?(?:retien|recrut|embauch|accept|selectionn|consider|convoqu|reten|pren)\w*"
    r"(?:\s+(?:pas|plus|jamais|point))?"
    r"|(?:nous|on)\s+les\s+(?:ecarter|exclur|refuser|rejeter)\w*"
    # a partitive pronoun (« on n'en embauchera pas », « nous n'en recruterons aucun »; review of stop 41)
    r"|(?:nous|on)\s+n['\u2019]en\s+(?:\w+\s+)?(?:retien|recrut|embauch|accept|selectionn|consider|convoqu|reten|pren|veu|voul)\w*"
    r"(?:\s+(?:pas|plus|jamais|point|aucune?))?"
    r"|we(?:'ll|\s+will|\s+would|\s+do|\s+can|\s+shall|\s+are)?\s*(?:not|n't|never)\s+(?:be\s+)?"
    r"(?:hire|hiring|recruit|recruiting|accept|accepting|employ|consider|interview|select|want|taking\s+on)"
    r"|we\s+(?:won't|cannot|can't)\s+(?:be\s+)?(?:hire|hiring|recruit|accept|employ|consider|interview|select)"
    r"|we\s+(?:reject|exclude|refuse|turn\s+away))(?:\s+(?:them|those|these))?"
)
# The criterion itself, not people (« l'âge, le handicap ou la grossesse, nous ne les considérons jamais »).
_CRITERION_NOUN = re.compile(
    r"(?:age|ages|sexe|sex|gender|genre|religion|religions|handicap|disability|disabilities|grossesse|pregnancy|origine|"
    r"origin|nationalite|nationality|ethnicity|orientation\s+sexuelle|sexual\s+orientation|situation\s+de\s+famille|"
    r"family\s+status|marital\s+status|etat\s+de\s+sante|health)"
)
_GROUP_THEN_COMMA = re.compile(r"(?:\s+(?!(?:et|and|mais|but|qui|who)\b)[a-z0-9']+){0,6}?\s*,\s*")
_NEGATIVE_WORD = re.compile(r"\b(?:no|not|never|aucune?|jamais|nullement|aucunement|pas|nul|nulle)\b")
_AUXILIARY_BEFORE_INCISE = re.compile(
    r"\b(?:will|would|shall|can|could|must|are|is|sont|seront|sera|pourront|pourra|peuvent|peut)\s*$"
)


def _reading_end(folded: str, pos: int) -> int:
    """Where the reading after `pos` stops: the clause's end, or another subject or a relative clause before it."""
    end = _bounds(folded, pos, pos, _CLAUSE_BREAK)[1]
    stop = _AFTER_STOP.search(folded, pos, end)
    return stop.start() if stop else end


def _excludes_after_all(folded: str, s: int, e: int) -> bool:
    """Whether the clause of the mention at [s, e) excludes its group despite an equal-opportunity phrase."""
    start, manner_end = _bounds(folded, s, e, _CLAUSE_BREAK)
    before = folded[start:s]
    end = _reading_end(folded, e)
    reason = _A_REASON.search(folded, e, manner_end)
    manner = _A_MANNER_AFTER.search(folded, e, reason.start() if reason else manner_end)
    if _CONTRAST_BEFORE.search(before):
        return True
    if _DENIED_BEFORE.search(before) and not _A_LIMIT_AFTER.match(folded, e):
        # "no candidate with a disability will be rejected": a double negation (review of stop 40)
        return not _REJECTED_AFTER.search(folded, e, end)
    turned = _TURNED_AWAY_BEFORE.search(before)
    if (
        turned
        and not manner
        and not _ACCOMMODATION_AFTER.search(folded, e, manner_end)
        and not _A_PURPOSE_AFTER.search(folded, e, manner_end)
    ):
        # through "with", "who are"… the mention must name people ("we do not accept CVs with age … on them")
        if not _THROUGH_A_RELATION.search(turned.group()) or _names_a_group(folded, s, e, before):
            return True
    if _NONE_BEFORE.search(before):
        return False
    group = _names_a_group(folded, s, e, before)
    if group and _NOT_CONSIDERED_BEFORE.search(before) and not manner:
        return True
    if not group and _COUNTED_AFTER.match(folded, e):
        return True
    excluded = _GROUP_EXCLUDED_AFTER if group else _EXCLUDED_AFTER
    if excluded.search(folded, e, end):
        return True
    names_people = not _CRITERION_NOUN.fullmatch(folded, s, e)  # a pronoun after it may take it up
    straight = _GROUP_THEN_COMMA.match(folded, e)
    if straight and names_people:
        clause = folded[straight.end() : _reading_end(folded, straight.end())]
        if _WE_TURN_THEM_AWAY.fullmatch(clause.strip()):
            return True
    opening, resumes = _past_incise(folded, e)
    for resume in resumes:
        # the verb must come straight after the incise: « …, aux seniors, les candidatures incomplètes ne seront pas
        # retenues » turns away other applications
        verb = resume + len(folded[resume:]) - len(folded[resume:].lstrip())
        predicate = folded[verb : _reading_end(folded, verb)]
        if excluded.match(predicate) or (names_people and _WE_TURN_THEM_AWAY.fullmatch(predicate.strip())):
            return True  # the pronoun takes up people, not a list of criteria (« l'âge, le handicap…, nous ne les considérons jamais »)
        # (review of stop 41) or cut the verb group in two: "pregnant women will, however, not be hired"; not when
        # the incise holds the negation ("will, under no circumstances, be rejected" is lawful)
        if (
            _AUXILIARY_BEFORE_INCISE.search(folded, e, opening)
            and not _NEGATIVE_WORD.search(folded, opening, resume)
            and excluded.search(f"{folded[e:opening]} {predicate}")
        ):
            return True
    return False


# (reviews of stop 42) An age adjective for the person sought is a preference whatever phrase is beside it: "Equal
# opportunity employer - we hire young graduates", "Young graduate wanted - equal opportunity employer", « Poste ouvert
# à tous – profil : jeune diplômé ». Not when the part pairs it with an older age or includes it (« jeunes et
# seniors », "young or old", "including young graduates", « jeunes diplômés comme seniors, postulez »).
_AGE_ADJECTIVE = re.compile(r"(?:young(?:er|est)?|jeunes?)")
_PART_BREAK = re.compile(r"[,;.!?\n]|\s[-\u2013\u2014]\s")
_SOUGHT = re.compile(
    r"\b(?:recherch\w*|cherch\w*|seek\w*|looking\s+for|wanted|want|voulons|souhaitons|hire|hires|hiring|recruit\w*|"
    r"recrut\w*|embauch\w*|profil|profile|suits?|ideal\w*|join\s+us|rejoignez|need|needs|il\s+nous\s+faut)\b"
)
_INCLUDED = re.compile(
    r"\b(?:or|ou|comme|alike|including|notamment|y\s+compris|welcome\w*|bienvenu\w*|encourag\w*|whether|que\s+vous|"
    r"regardless|quel\w*\s+que|all\s+ages|tous\s+ages|de\s+tous\s+ages|too\s+(?:young|old)|trop\s+(?:jeune|age)\w*|"
    r"moins\s+jeunes?|old|older|seniors?|agee?s?|experimente\w*|experienced|returners|career\s+changers|programme|program|"
    r"charity|fondation|foundation|drivers?|conducteurs?|adults?|adultes?|clients?|customers?|users?|network|reseau)\b"
)


def _age_sought(folded: str, s: int, e: int) -> bool:
    """Whether the age adjective at [s, e) sits in a part of its sentence (between commas, full stops and spaced dashes)
    that seeks someone and neither pairs nor includes it."""
    if not _AGE_ADJECTIVE.fullmatch(folded, s, e):
        return False
    start, end = _bounds(folded, s, e, _PART_BREAK)
    part = folded[start:end]
    return bool(_SOUGHT.search(part)) and not _INCLUDED.search(part)


def _criteria_spans(view: TextView, context: Context) -> list[tuple[int, int, wl.Criterion]]:
    view = _read_view(view)
    spans: list[tuple[int, int, wl.Criterion]] = []
    sentences = _Sentences(view.folded) if context == "ad" else None
    for crit, terms, ad_ok in _compiled_criteria():
        found: list[tuple[int, int, wl.Criterion]] = []
        for term in terms:
            haystack = view.lower if term.accents else view.folded
            if not may_match(term.literals, haystack):
                continue
            for m in term.regex.finditer(haystack):
                s, e = m.span()
                if s == e or not starts_word(haystack, s):
                    continue
                before = view.folded[max(0, s - _WINDOW) : s]
                if term.not_before and term.not_before.search(before):
                    continue
                if term.need_before and not term.need_before.search(before):
                    continue
                if term.not_after and term.not_after.match(view.folded, e, e + _WINDOW):
                    continue
                if term.names_ok and in_proper_name(view.clean.text, s, e):
                    continue
                if (
                    not term.strict
                    and _BUSINESS_AFTER.match(view.folded, e, e + _WINDOW + 20)
                    and not _OWN_BEFORE.search(before)
                    and not (crit.id == "religion" and _WORSHIP_AFTER.match(view.folded, e))
                ):
                    continue  # what a business sells or serves: "mental health services", "church-furniture supplier"
                if sentences is not None and not term.strict and _served_market(view.folded, s, e):
                    continue  # ads only: in notes, « elle vend aux retraités, retraitée elle-même » is about her
                if (
                    not term.strict
                    and _product_or_target(view.folded, s)
                    and not _asks_of_the_applicant(view.folded, s, e)
                ):
                    continue  # products for a group, a market sold into, a target (notes and ads; stop 53)
                if sentences is not None:
                    # an equal-opportunity statement, or a perk in a sentence that excludes nobody, makes the
                    # mention acceptable ("We offer maternity leave" but not "No pregnant women; maternity leave").
                    # The statement frames the criteria it names (« ouvert aux personnes handicapées », "of all
                    # ages"), never a restriction beside it: an age threshold (« ouvert aux personnes de moins de
                    # 35 ans ») or a preference (« Hommes ou femmes, célibataires de préférence »). Ads only: in
                    # notes the same statement (a pasted job ad, an e-mail footer) can sit beside a remark on the
                    # candidate, and telling them apart failed review (stop 41: "We are an equal-opportunity
                    # employer - pregnant, due in March").
                    n = sentences.index(s)
                    if (
                        not term.strict
                        and n in sentences.containing(_EQUAL_OPPORTUNITY)
                        and not _AD_PREFERENCE.search(_clause(view.folded, s, e))
                        and not _excludes_after_all(view.folded, s, e)
                        and not _age_sought(view.folded, s, e)
                    ):
                        continue
                    # (a restriction is never excused by a perk beside it either: "Fit and healthy applicants welcome")
                    if (
                        ad_ok
                        and not term.strict
                        and n in sentences.containing(ad_ok)
                        and n not in sentences.containing(_AD_EXCLUSION)
                    ):
                        continue
                found.append((*_with_quotation_marks(view.clean.text, s, e), crit))
        spans.extend(drop_overlaps(found))
    # A span inside another criterion's span ("femme" in "sa femme") adds nothing: keep the outer one.
    out: list[tuple[int, int, wl.Criterion]] = []
    max_end = -1
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if span[1] > max_end:
            out.append(span)
            max_end = span[1]
    return out


def _criterion_message(crit: wl.Criterion, context: Context) -> str:
    if context == "notes":
        return (
            f"Protected criterion ({crit.label}) mentioned in the notes: it must not count in the assessment "
            "(Code du travail L1132-1; L1221-6: what is assessed needs a direct and necessary link with the job)."
        )
    return (
        f"Protected criterion ({crit.label}) in the ad: remove it (Code du travail L1132-1 and L5321-2{crit.law}; "
        "penalties under Code pénal 225-2)."
    )


def _criterion_message_fr(crit: wl.Criterion, context: Context) -> str:
    label, law = wl.CRITERIA_FR[crit.id]
    if context == "notes":
        return (
            f"Critère protégé ({label}) mentionné dans les notes : il ne doit pas compter dans l'évaluation "
            "(Code du travail L1132-1 ; L1221-6 : ce qui est évalué doit présenter un lien direct et nécessaire "
            "avec l'emploi)."
        )
    return (
        f"Critère protégé ({label}) dans l'annonce : à retirer (Code du travail L1132-1 et L5321-2{law} ; "
        "sanctions prévues par le Code pénal, article 225-2)."
    )


def criteria_flags(view: TextView, context: Context) -> list[Flag]:
    """Protected-criteria flags on an already sanitised text (see `find_protected_criteria`)."""
    return [
        view.flag(
            "discrimination",
            "error",
            _criterion_message(crit, context),
            s,
            e,
            message_fr=_criterion_message_fr(crit, context),
        )
        for s, e, crit in _criteria_spans(view, context)
    ]


def find_protected_criteria(text: str, *, context: Context) -> list[Flag]:
    """Mentions of protected criteria (kind `discrimination`, severity error), French and English, sorted by position.

    context="notes": every mention; context="ad": requirements and preferences, not equal-opportunity
    statements or perks (parental leave, health insurance). The text is also read without its inline markup (an LLM
    writes Markdown: « moins de **35** ans »), see `with_criteria_under_markup`.
    """
    if context not in ("notes", "ad"):
        raise InputError(f"Unknown context {context!r}: use 'notes' or 'ad'.")
    return with_criteria_under_markup(text, criteria_flags(TextView.of(text), context), context)


def labelled(crit: wl.Criterion | str) -> tuple[str, str, str]:
    """(id, English label, French label) of a criterion, or of the criterion with that id."""
    if isinstance(crit, str):
        crit = next(c for c in wl.CRITERIA if c.id == crit)
    return crit.id, crit.label, wl.CRITERIA_FR.get(crit.id, (crit.label, ""))[0]


def criteria_named(text: str, *, context: Context = "notes") -> list[tuple[str, str, str]]:
    """The protected criteria `text` names, once each in order of first mention, as (id, English label, French label):
    what a notice may say of them without repeating the text's own words (they can be health data)."""
    readings = [text]
    if any(ch in text for ch in MARKUP_CHARS):  # « Il a **52** ans », « en<b>ceinte</b> » (with_criteria_under_markup)
        readings.append(demarked(text).text)
    seen: dict[str, tuple[str, str, str]] = {}
    for reading in readings:
        for _, _, crit in sorted(_criteria_spans(TextView.of(reading), context), key=lambda x: x[0]):
            seen.setdefault(crit.id, labelled(crit))
    return list(seen.values())


def with_criteria_under_markup(text: str, found: list[Flag], context: Context) -> list[Flag]:
    """`found` (the protected-criteria flags of `text` as written) with what `text` read without its inline markup
    shows (« Il a **52** ans », « en*cein*te », « en<b>ceinte</b> », « 45&nbsp;ans »), quoted on the text as written,
    markup inside included; sorted by position.

    Only the lines holding markup are read again, with a line of context on either side (plain text costs one look
    for a markup character), and every flag of that reading counts, near markup or not: markup may change how a
    whole sentence reads (« Ouvert à tous<br>Pas de femmes enceintes. »). A span a flag of `found` already
    covers, or one of the same criterion overlaps, is not flagged again. In an ad, a flag of `found` that the
    reading without markup excuses (« ouvert à **tous les âges** ») is dropped, unless its words are inside a
    comment that reading leaves out."""
    if not any(ch in text for ch in MARKUP_CHARS):
        return found
    marks = [m.span() for m in MARKUP_OR_ENTITY.finditer(text)]
    mark_starts = [s for s, _ in marks]
    taken = SpanIndex(found)
    extra: list[Flag] = []
    excused: set[int] = set()
    by_start = sorted(range(len(found)), key=lambda i: found[i].start or 0)
    found_starts = [found[i].start or 0 for i in by_start]
    for block_start, block_end in _blocks(text, marks):
        read = demarked(text[block_start:block_end])
        if read.text == text[block_start:block_end]:
            continue
        seen: list[tuple[int, int]] = []
        for f in criteria_flags(TextView.of(read.text), context):
            if f.start is None or f.end is None or f.end <= f.start:
                continue
            start, end = read.span_to_original(f.start, f.end)
            start, end = start + block_start, end + block_start
            seen.append((start, end))
            # every flag of this reading the text as written lacks counts, near markup or not (stop 40): markup
            # anywhere in the block may change how a whole sentence reads (an equal-opportunity phrase in a comment
            # no reader sees, a line break written as « <br> »), as in the ad linter
            if taken.repeats(start, end, f.message):
                continue
            extra.append(f.model_copy(update={"start": start, "end": end, "evidence": text[start:end]}))
        if context == "ad":
            inside = by_start[
                bisect.bisect_left(found_starts, block_start) : bisect.bisect_left(found_starts, block_end)
            ]
            excused |= excused_under_markup(text, mark_starts, found, read, block_start, block_end, seen, inside)
    kept = [f for i, f in enumerate(found) if i not in excused]
    return sorted(kept + extra, key=lambda f: (f.start or 0, f.end or 0)) if extra or excused else found


def excused_under_markup(
    text: str,
    mark_starts: list[int],
    found: list[Flag],
    read: Demarked,
    block_start: int,
    block_end: int,
    seen: list[tuple[int, int]],
    indexes: Iterable[int] | None = None,
) -> set[int]:
    """Indexes of the flags of `found` (those of `indexes`, else all) inside the block [block_start, block_end) of
    `text` that the block's reading without markup (`read`, whose flags cover `seen`, offsets in the text) does not
    flag, though markup starts on their own line (`mark_starts`, sorted) and the reading reads their first and last
    characters (their words are not inside a comment it leaves out)."""
    out: set[int] = set()
    seen_spans = SpanIndex.of(seen)
    for i in range(len(found)) if indexes is None else indexes:
        f = found[i]
        if f.start is None or f.end is None or f.start < block_start or f.end > block_end:
            continue
        if seen_spans.overlaps(f.start, f.end):
            continue
        # markup on its own line changed its reading (not only a line of context: "is\nwhite.\nyour **CV**")
        line_start = text.rfind("\n", 0, f.start) + 1
        line_end = text.find("\n", f.end)
        k = bisect.bisect_left(mark_starts, line_start)
        if k == len(mark_starts) or (line_end >= 0 and mark_starts[k] >= line_end):
            continue
        # its first and last characters are read (not inside a comment the reading leaves out)
        first = bisect.bisect_left(read.starts, f.start - block_start)
        last = bisect.bisect_left(read.starts, f.end - 1 - block_start)
        if (
            first < len(read.starts)
            and read.starts[first] == f.start - block_start
            and last < len(read.starts)
            and read.starts[last] == f.end - 1 - block_start
        ):
            out.add(i)
    return out


class SpanIndex:
    """Sorted spans (a text's flags, or bare spans with `of`), to ask in log time whether a span overlaps one of them
    (`overlaps`) or repeats a flag (`repeats`)."""

    def __init__(self, flags: list[Flag]) -> None:
        self._index(sorted((f.start, f.end, f.message) for f in flags if f.start is not None and f.end is not None))

    @classmethod
    def of(cls, spans: list[tuple[int, int]]) -> SpanIndex:
        """Bare spans (no message), to ask whether a span overlaps one of them."""
        out = cls.__new__(cls)
        out._index(sorted((s, e, "") for s, e in spans))
        return out

    def _index(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = spans
        self.starts = [s for s, _, _ in self.spans]
        self.max_ends: list[int] = []  # the furthest end among spans[: i + 1]
        for _, e, _ in self.spans:
            self.max_ends.append(max(e, self.max_ends[-1]) if self.max_ends else e)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span overlaps [start, end)."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.max_ends[i] > start

    def repeats(self, start: int, end: int, message: str) -> bool:
        """Whether a flag overlaps [start, end) with the same message (the same criterion), or covers it whole."""
        i = bisect.bisect_left(self.starts, end) - 1
        while i >= 0 and self.max_ends[i] > start:
            s, e, msg = self.spans[i]
            if e > start and (msg == message or s <= start and end <= e):
                return True
            i -= 1
        return False


def _blocks(text: str, marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of whole lines holding the `marks`, each with the line before and the line after it; touching ones
    merged."""
    blocks: list[tuple[int, int]] = []
    for mark_start, mark_end in marks:
        if blocks and mark_end <= blocks[-1][1]:
            continue
        line_start = text.rfind("\n", 0, mark_start) + 1
        start = text.rfind("\n", 0, line_start - 1) + 1 if line_start else 0
        line_end = text.find("\n", mark_end)
        end = len(text) if line_end < 0 else text.find("\n", line_end + 1)
        end = len(text) if end < 0 else end
        if blocks and start <= blocks[-1][1] + 1:
            blocks[-1] = (blocks[-1][0], max(blocks[-1][1], end))
        else:
            blocks.append((start, end))
    return blocks


__all__ = [
    "Context",
    "SpanIndex",
    "criteria_flags",
    "find_protected_criteria",
    "excused_under_markup",
    "in_proper_name",
    "with_criteria_under_markup",
]
