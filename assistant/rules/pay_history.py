"""Pay history in interview notes: the candidate's current or past pay, French and English.

EU Directive 2023/970 art. 5(2): employers may not ask applicants about their pay history in their current or previous
employment. A note that records it ("salaire actuel 62k", "currently earns 55k", "was on 48k at X") gets a flag of
kind `pay_history`, severity **error**: like a protected criterion it is a prohibition, not a style point, and the
notes pipeline removes the passage from the assessment, the practical facts and the exports (the severity says what
the code does). A volunteered figure is still pay history: it must not be kept nor used to set the offer.

What stays clean: expectations ("prétentions salariales 45k", "current salary expectations"), the offer, the role's
budget or grid, market benchmarks, amounts of business (a contract, a budget managed), and a refusal to disclose.

The flag's evidence is the clause with every amount replaced by a placeholder (`[rémunération actuelle]` /
`[current pay]`): the flag points at the passage without keeping what it says must not be kept. Its offsets cover the
whole clause in the original text.
"""

from __future__ import annotations

import re

from ..text import detect_language, fold
from .models import Flag
from .sanitize import TextView

KIND = "pay_history"
PLACEHOLDER = {"fr": "[rémunération actuelle]", "en": "[current pay]"}
MESSAGE = (
    "Pay history (the candidate's current or past pay) is recorded in the notes: employers may not ask applicants "
    "about their pay history (EU Directive 2023/970, art. 5(2)). The passage is kept out of the assessment, the "
    "practical facts and the exports; remove it from the notes and set pay from the role's range, not from past pay."
)
MESSAGE_FR = (
    "Rémunération actuelle ou passée du/de la candidat·e notée : l'employeur ne peut pas interroger les candidat·es "
    "sur leur historique de rémunération (directive (UE) 2023/970, art. 5(2)). Le passage est exclu de l'évaluation, "
    "des informations pratiques et des exports ; retirez-le des notes et fixez la rémunération à partir de la "
    "fourchette du poste, pas de la rémunération passée."
)

# Clauses: pay history is judged clause by clause ("ne souhaite pas communiquer son salaire actuel ; prétentions
# 48k" holds a refusal and an expectation, neither is history). A "." ends a clause only before a space or the end,
# so "3.5k" stays whole, nor after a pay word cut short (« sal. actuel 52k », « rém. actuelle »).
_CLAUSE_END = re.compile(r"[!?;\n]|(?<!\bsal)(?<!\brem)(?<!\bremu)(?<!\bremun)(?<!\bprev)\.(?=\s|$)")

# An amount of money (folded text): a currency sign, a "k", a currency word, or a grouped figure ("3 800", "62000").
AMOUNT = re.compile(
    r"(?<![\w.,])(?:"
    r"[€$£]\s?\d[\d.,' ]*\d\s?(?:k|m)?(?![a-z])|[€$£]\s?\d(?:\s?k)?(?![a-z])"
    r"|\d+(?:[.,]\d+)?\s?(?:k\s?€|k\s?eur\b|k\s?euros?\b|keur\b|k(?![a-z])|€|eur\b|euros?\b|m€)"
    r"|\d{1,3}(?:[ .,']\d{3})+(?:\s?(?:€|eur\b|euros?\b))?"
    r"|\d{4,6}(?![\w%])"
    r")"
)
# A share relative to the current pay ("+15 % par rapport à son salaire actuel", "20% more than her current pay").
_RELATIVE = re.compile(
    r"[+-]\s?\d+(?:[.,]\d+)?\s?%|\bpar\s+rapport\s+a\b|\bcompared\s+(?:to|with)\b|\bmore\s+than\b|\babove\b"
    r"|\bon\s+top\s+of\b|\bau[- ]dessus\s+de\b|\bde\s+plus\s+que\b|\bmatch(?:es|ing)?\b|\baligne\w*\s+sur\b"
)
# Business amounts: a figure right after these words is a contract, a budget or revenue, not pay.
_BUSINESS = re.compile(
    r"(?:contrat|deal|affaires|\bca\b|budget|portefeuille|portfolio|revenue|\barr\b|\bmrr\b|pipeline|quota|objectif|"
    r"target|ventes|sales|business|clients?|comptes?|accounts?|signe|signed|closed|vendu|sold|renouvellement|renewal|"
    r"investissement|levee|funding|raised|valorisation)\W+(?:\w+\W+){0,3}$"
)
_BUSINESS_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,2}(?:de\s+ca|d'affaires|of\s+(?:revenue|sales|business|arr)|in\s+(?:revenue|sales|new\s+business)|"
    r"de\s+budget|budget|de\s+ventes|arr\b|mrr\b|pipeline)"
)

_PAY_NOUN = r"(?:salaire|sal\.|remuneration|remun\.|remu\.?|rem\.|package|paie|paye|fixe|variable|brut|net|salary|pay|compensation|comp|base|ote|earnings|wages?)"
_NOT_HISTORY_NEXT = re.compile(
    r"^\W*(?:\w+\W+){0,1}(?:expectations?|requirements?|range|band|grid|target|ask|souhaite\w*|vise\w*|cible|"
    r"attendue?s?|attentes?|pretentions?|demande\w*|espere\w*|ideal\w*|vise|objectif|propose\w*|offert\w*|offered|"
    r"proposed|for\s+the\s+(?:role|job|position)|du\s+poste|pour\s+le\s+poste)\b"
)
# The marker names the candidate's own pay as it is or was.
_MARKERS = [
    # French: "salaire actuel", "rémunération précédente", "package actuel", "fixe actuel", "ancien salaire"
    re.compile(
        rf"\b{_PAY_NOUN}\s+(?:(?:fixe|brut|net|annuel|mensuel|global)\s+)?(?:actuel(?:le)?|precedente?|anciens?|"
        r"ancienne|passee?|d'avant|de\s+depart\b(?!\s+du\s+poste))\b"
    ),
    re.compile(rf"\b(?:dernier|derniere|ancien|ancienne|precedent|precedente)\s+{_PAY_NOUN}\b"),
    # "son fixe chez Globex était de 52 k€", "son package actuel", "sa rémunération"
    re.compile(rf"\b(?:son|sa|ses|leur)\s+{_PAY_NOUN}\b"),
    # English: "current salary", "previous comp", "last salary", "her current total compensation"
    re.compile(
        r"\b(?:current|currently|present|previous|prev|prior|last|former|old|existing|his|her|their)\.?\s+"
        r"(?:(?:total|base|annual|gross|net|monthly|yearly|fixed)\s+){0,2}"
        r"(?:salary|pay|compensation|comp|package|base|earnings|wages?|remuneration|ote)\b"
    ),
]
# (stop 53's blind measure) "Pay at Acme was 4.2k/mo gross", « salaire chez Orange : 48k »
_MARKERS.append(
    re.compile(
        rf"\b{_PAY_NOUN}\s+(?:at|chez|@|with)\s+(?!(?:nous|us|them|eux|our|notre|nos|the|their|leurs?|ses)\b)"
        r"[\w&'-]+(?:\s+[\w&'-]+)?\s*(?:was|is|were|etait|est|:)"
    )
)
# (stop 53's outside probe) "Salary history: 42k (2021), 47k (2023)", « Rému N-1 : 50k fixe »
_MARKERS.append(
    re.compile(
        r"\b(?:salary|pay|compensation|comp)\s+history\b|\bhistorique\s+(?:de\s+|des\s+)?(?:salaires?|remunerations?)\b"
        rf"|\b{_PAY_NOUN}\s+n-1(?!\d)"
    )
)
# (sixteenth notes round) The variable pay earned in a past year: « 11 k€ de variable touchés en 2025 », "commission
# earned in 2025"; not the plan's terms (« variable touché à 100 % de l'objectif »)
_MARKERS.append(
    re.compile(
        r"(?<!\bour\s)(?<!\bnotre\s)(?<!\bnos\s)"
        r"\b(?:variable|primes?|bonus|commissions?|com)\s+(?:touche|percu|encaisse|verse|earned|received|paid(?:\s+out)?)"
        r"\w*\s+(?:(?:en|sur)\s+(?:19|20)\d\d|in\s+(?:19|20)\d\d|l'an\s+(?:dernier|passe)|l'annee\s+(?:derniere|passee)|"
        r"last\s+year)\b"
        # (review of stop 42) not the plan's terms: « primes versées en 2026 chaque trimestre, jusqu'à 12 k€ »
        # (second review of stop 42: "Bonus received last year: €15k (capped at €20k)" is hers)
        r"(?![^.;\n]*\b(?:per\s+the\s+plan|selon\s+le\s+plan|under\s+the\s+plan|by\s+the\s+plan|averaged|en\s+moyenne|ranged|"
        r"chaque\s+trimestre|each\s+quarter|to\s+the\s+team|in\s+the\s+team|dans\s+l'equipe|to\s+(?:the\s+)?(?:ams|reps|sales\s+team)|"
        r"a\s+l'equipe|aux\s+am|allaient|(?:etaient|etait)\s+plafonn\w*)\b)"
    )
)
# (fourteenth notes round) The candidate's own payslip, with an amount in the clause: « sa dernière fiche de paie : 3 450 €
# brut », "her last payslip (3,850 a month)"; not « nos bulletins de paie sont dématérialisés », nor a client's
# (« leurs fiches de paie : 3 400 salariés », « dernières fiches de paie envoyées : 1 200 par mois »; review of stop 40)
# unless it reads as pay (« Fiche de paie fournie : 3 450 € brut mensuel »).
_PAYSLIP = (
    r"(?:payslips?|pay\s*slips?|pay\s*stubs?|paychecks?|(?:bulletins?|fiches?|feuilles?)\s+de\s+(?:paie|paye|salaire))"
)
_MARKERS.append(re.compile(rf"\b(?:son|sa|ses|his|her)\s+(?:[\w']+\s+){{0,2}}{_PAYSLIP}\b"))
_MARKERS.append(re.compile(rf"\b{_PAYSLIP}\b(?=.*\b(?:brut|bruts|net|nets|gross|net\s+pay)\b)"))
# (review of stop 40) …or with an amount of money right after it, or after « envoyé », "sent over", a month (« Bulletin
# de salaire envoyé : 3 400 € par mois », "Payslip (Dec.) - £3,100", "Payslip: 4,200 USD"); not payslips counted or
# sold (« 450 bulletins de paie par mois, erreurs < 1 € », « dématérialisation du bulletin de paie, panier moyen
# 15 k€ »; review of stop 41).
_MONEY = (
    # (a bare figure "per month" may count payslips: « fiches de paie envoyées : 1 200 par mois »)
    r"(?:[€$£]\s?\d|(?:usd|chf|eur|gbp)\s?\d|"
    r"\d[\d .,']*\s?(?:k\s?€|k\s?eur\b|keur\b|k\b|€|eur\b|euros?\b|usd\b|chf\b|gbp\b))"
)
# (not after a count: « 450 bulletins de paie »)
_MARKERS.append(
    re.compile(
        rf"(?<!\d )(?<!\d)\b{_PAYSLIP}\b(?:\s*\([^()]{{0,15}}\)|\s+(?:de\s+|d'|for\s+)[a-z]+(?:\s+\d{{4}})?|"
        r"\s+(?:envoye\w*|fourni\w*|recu\w*|transmis\w*|sent|provided|received|shared|over|attached|joint\w*|forwarded|"
        r"shows?|showing|indique\w*|mentionne\w*|dated\s+[\d/.-]+|date\s+du\s+[\d/.-]+)"
        # (review of stop 41) how it was sent, in a few words (« envoyé par mail ce matin au recruteur : 3 400 € »),
        # not to clients; and the thirteenth month it includes (« de décembre, 13e mois compris : 6 800 € »)
        # (review of stop 42) not sent by a platform, priced or per unit (« envoyées chaque mois par notre plateforme
        # pour 1 € par salarié », "Bulletin de paie envoyé par courrier coûte 1,20 €")
        # (second review of stop 42: "Payslip sent monthly: €3,400", « transmise via le portail RH : 3 200 € » are pay)
        # (third review of stop 42) not sent to the client's employees (a payroll vendor's volumes)
        r"(?:\s+(?!(?:aux?|to)\s+(?:(?:the|a|all|every|each|les|tous\s+les)\s+)?(?:clients?|customers?|prospects?|salaries|"
        r"employees?|employes)\b)(?!(?:clients?|customers?|prospects?|coute\w*|costs?)\b)"
        r"[^\W\d_]+(?:-[^\W\d_]+)*){0,8}"
        r"|\s*,?\s*(?:13e|13eme|13th)\s+(?:mois|month)\s+(?:compris|inclus|included)){0,3}"
        rf"\s*[:=\-–—,]?\s*{_MONEY}"
        # not a price per unit (« 0,80 € par bulletin », "€0.50 per document")
        r"(?![\d.,]*\s*(?:per|par|/)\s*(?:bulletin|salarie|employe|employee|document|unite|unit|payslip|fiche|envoi|page|"
        r"user|utilisateur|licen[cs]e|seat)s?\b|[\d.,]*\s*(?:each|chacun\w*|l'unite|a\s+l'unite|piece)\b"
        # …nor a vendor's fees (« 1 200 € de frais », « 2 400 € d'affranchissement », "3 000 € invoiced", "€0.50 a document")
        r"|[\d.,]*\s*(?:de\s+frais|d'affranchissement|invoiced|factur\w*|de\s+couts?|fees?|(?:a|an)\s+(?:document|payslip|page))\b)"
    )
)
# Verbs of earning, followed by an amount in the clause.
_EARNING = re.compile(
    # « gagne » folds « gagné » (won) too: earning only with the amount or its hedge right after ("il gagne 52k", « elle
    # gagne environ 50 k€ »), not « un appel d'offres gagné sur les coffrets (1,2 M€) » (twelfth notes round)
    r"\b(?:touche|touchait|touchent|(?:gagne|gagnait)(?=\s+(?:[€$£]|\d|environ|autour|pres\s+de|plus\s+de|moins\s+de|"
    r"actuellement|aujourd'hui|deja|bien|dans\s+les))|percoit|percevait|(?:est|etait|a\s+ete)\s+payee?s?|"
    r"(?:est|etait|sont|etaient|suis)\s+(?:deja\s+|actuellement\s+|aujourd'hui\s+|aussi\s+)?a(?=\s+(?:[€$£]|\d))|"
    r"earns?|earning|earned|makes|making|(?:is|was|were|are|gets?|got|being)\s+paid|takes\s+home|"
    # (stop 47's notes review) "he used to make 70k at Oracle"
    r"used\s+to\s+(?:make|earn|get|take\s+home)(?=\s+(?:[€$£]|\d|about|around|roughly))|"
    r"(?:is|was|were|are|currently|'m|am|'s|'re)\s+on(?=\s+(?:[€$£]|\d|a\s+salary|about|around|roughly))|"
    r"on\s+a\s+salary\s+of|"
    r"underpaid\s+at|paid\s+(?:about|around|roughly)|paid(?=\s+(?:[€$£]|\d))|"
    r"actuellement\s+a(?=\s+(?:[€$£]|\d))|currently\s+at(?=\s+(?:[€$£]|\d))|"
    r"pay\s+cut\s+from|raise\s+from|(?:is|was)\s+at(?=\s+(?:[€$£]|\d))|"
    # (stop 53's outside probe) « En freelance à 450€/jour »
    r"freelance\s+(?:a|at)(?=\s+(?:[€$£]|\d)))\b"
)
# (stop 53's outside probe) A figure with a pay word after it, on the candidate ("She's on 55 base now", "top performer
# on a 45k base"): no currency is needed, the pay word says what it is.
_ON_PAY = re.compile(
    r"\b(?:on|at)\s+(?:an?\s+)?(?:[€$£]\s?)?\d{2,3}(?:[.,]\d+)?\s*(?:k\s*)?(?:€\s*)?"
    r"(?:base|fixe|fixed|brut|gross|salary|package|ote)\b"
)
# …not the offer or what is asked ("Offer to be made at 55 base", « budget à 50 fixe »)
_OFFER = re.compile(
    r"\b(?:offer\w*|offre|propos\w*|budget\w*|grille|grid|band|range|expectations?|pretentions?|souhait\w*|target|"
    r"wants?|asks?|asking|vise\w*|poste|role|position)\b"
)
# …or a bare figure right after a marker (« Fixe actuel 45 / variable 10 », « Salaire actuel : 52 »)
_BARE_FIGURE = re.compile(
    r"\s*[:=~]?\s*\d{2,3}(?:[.,]\d+)?\b(?!\s*(?:%|ans\b|years?\b|comptes?\b|accounts?\b|clients?\b|users?\b|utilisateurs?\b|"
    r"licen[cs]es?\b|seats?\b|employees?\b|salaries\b|people\b|personnes?\b|sites?\b|stores?\b|magasins?\b))"
)
# …or an expectation anchored on the current pay, with its figure (« Prétentions : idem actuel (52k) », "same as now
# (52k)"): it says what the candidate earns now.
_SAME_AS_NOW = re.compile(
    r"\b(?:same\s+as\s+(?:now|today|current(?:ly)?|(?:her|his|their)\s+current)|idem\s+(?:actuel\w*|aujourd'hui)"
    r"|(?:comme|que)\s+(?:actuellement|aujourd'hui|maintenant)|equal\s+to\s+(?:her|his|their)\s+current)\b"
)
# A refusal to disclose is not pay history ("ne souhaite pas communiquer son salaire actuel").
# ... the candidate declining to say ...
_DECLINED = re.compile(
    r"\b(?:ne\s+(?:souhaite|veut|preferait|prefere)\s+pas\s+(?:communiquer|donner|divulguer|indiquer|preciser|parler)|"
    r"refuse\s+de\s+(?:communiquer|donner|divulguer|indiquer)|"
    r"declined\s+to\s+(?:share|disclose|give)|did\s*n'?t\s+(?:share|disclose)|did\s+not\s+(?:share|disclose)|"
    r"would\s+not\s+(?:share|disclose))\b"
)
# ... or the interviewer not asking, which gives way when the candidate volunteered it (_VOLUNTEERED, below).
_NOT_ASKED = re.compile(
    r"\b(?:pas\s+demande|non\s+demande|did\s*n'?t\s+ask|did\s+not\s+ask|not\s+asked(?:\s+by\s+(?:me|us))?|"
    r"we\s+do\s+not\s+ask)\b"
)


def _clauses(folded: str) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for m in _CLAUSE_END.finditer(folded):
        spans.append((cursor, m.start()))
        cursor = m.end()
    spans.append((cursor, len(folded)))
    out = []
    for s, e in spans:
        while s < e and folded[s] in " \t-*•·>–—:":
            s += 1
        while e > s and folded[e - 1] in " \t,":
            e -= 1
        if any(c.isalnum() for c in folded[s:e]):
            out.append((s, e))
    return out


def is_pay_history(clause: str) -> bool:
    """Whether a piece of text (one clause) records the candidate's current or past pay."""
    return _is_history(fold(clause))


# A bare four-digit figure after a word that introduces a date is a year, not an amount ("en 2024", "since 2019").
_YEAR = re.compile(r"(?:19[5-9]\d|20[0-4]\d)")
_BEFORE_YEAR = re.compile(
    r"\b(?:en|in|since|depuis|from|to|until|till|jusqu'en|de|d'|du|au|by|for|of|fin|debut|mi|mid|early|late|annee|"
    r"year|ete|hiver|printemps|automne|summer|winter|spring|autumn|fall|janvier|fevrier|mars|avril|mai|juin|juillet|"
    r"aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|et|and|ou|or)\W{0,2}$|[-/]\s*$"
)


def _pay_amounts(clause: str) -> list[tuple[int, int]]:
    """Amounts in a folded clause that are not business figures (a contract, a budget, revenue) nor years."""
    found = []
    for m in AMOUNT.finditer(clause):
        before, after = clause[max(0, m.start() - 40) : m.start()], clause[m.end() : m.end() + 30]
        if _BUSINESS.search(before) or _BUSINESS_AFTER.search(after):
            continue
        if _YEAR.fullmatch(m.group(0)) and _BEFORE_YEAR.search(before):
            continue
        found.append(m.span())
    return found


# "Il est à 450 k€", "it is at 520k": the bare "is at" shape of _EARNING says whose value only through its subject. When
# the clause is about a given account, client or deal ("mon plus gros compte, ...", "the account was at") and holds no
# pay word, the figure is that account's value; a count of accounts ("40 comptes, il est à 57k") names no subject.
_WEAK_EARNING = re.compile(r"(?:est|etait|sont|etaient|suis|is|was|were|are|actuellement|currently)\b")
_ACCOUNT_SUBJECT = re.compile(
    r"\b(?:mon|ma|son|sa|le|la|l'|ce|cet|cette|leur|the|his|her|my|this|that|their|its)\s*(?:[a-z-]+\s+){0,3}?"
    r"(?:comptes?|clients?|accounts?|customers?|contrats?|contracts?|deals?|portefeuilles?|portfolios?|ca|arr|mrr|"
    r"dossiers?)\b"
)
_PAY_WORD = re.compile(rf"\b{_PAY_NOUN}\b")


def _business_value(clause: str, earning: re.Match[str]) -> bool:
    """Whether an earning match of the bare "is at" shape is an account's value, not the candidate's pay."""
    return bool(
        _WEAK_EARNING.match(earning.group(0))
        and _ACCOUNT_SUBJECT.search(clause, 0, earning.start())
        and not _PAY_WORD.search(clause)
    )


# "comp: currently 78k base", « Salaire : actuellement 52 000 € brut », "base today ~70k": an amount right after "now"
# in a clause that names pay.
_NOW = re.compile(
    r"\b(?:currently|actuellement|aujourd'hui|today|now|presently)\b\s*[:~]?\s*"
    r"(?:(?:around|about|approx\w*|roughly|env\.?|environ|autour\s+de|~)\s*)?"
)


def _amount_now(clause: str, amounts: list[tuple[int, int]]) -> bool:
    """Whether a pay amount follows "currently" / « actuellement » (_NOW) closely, in a clause with a pay word."""
    if not amounts or not _PAY_WORD.search(clause):
        return False
    return any(
        any(m.end() <= a < m.end() + 4 for a, _ in amounts) and not _EXPECTATION.search(clause, 0, m.start())
        for m in _NOW.finditer(clause)
    )


_EXPECTATION = re.compile(r"\b(?:pretentions?|expectations?|souhait\w*|vise\w*|attentes?|wants?|asking|asks|target)\b")


# Pay the candidate gave without being asked is recorded all the same (eleventh notes round: "Current package 46k
# base + 6k bonus (she volunteered it, not asked)"): "not asked" is no refusal then.
_VOLUNTEERED = re.compile(
    r"\b(?:volunteered|unprompted|unasked|spontaneously|of\s+(?:her|his|their)\s+own\s+accord|without\s+being\s+asked|"
    r"offered\s+it(?:\s+freely)?|told\s+(?:me|us)\s+anyway|spontanement|de\s+son\s+plein\s+gre|"
    r"de\s+(?:lui|elle)-meme|d'elle-meme|sans\s+qu'on\s+(?:le\s+|la\s+)?(?:lui\s+)?demande|"
    r"sans\s+que\s+(?:je|nous)\s+(?:le\s+|la\s+)?(?:lui\s+)?demand\w*)"
)


def _on_pay(clause: str) -> bool:
    """ "She's on 55 base now", "top performer on a 45k base": a figure with a pay word after it (_ON_PAY), said of the
    candidate. A bare figure (no k, no currency) needs its subject right before (« GRR at 92 gross », "on a 120 base
    of SMB accounts" are not pay); the offer or a wish just before cancels it ("Offer to be made at 55 base")."""
    for m in _ON_PAY.finditer(clause):
        before = clause[max(0, m.start() - 30) : m.start()]
        if _OFFER.search(before) or re.match(r"\s+(?:of|de|d')\b", clause[m.end() :]):
            continue
        money = re.search(r"\d\s*(?:k|€)", m.group(0))
        if money or re.search(
            r"(?:^|\b(?:she|he|they|she's|he's|is|was|'s|currently|now|il|elle|est|etait)\s*)$", before
        ):
            return True
    return False


def _same_as_now(clause: str, amounts: list[tuple[int, int]]) -> bool:
    """« Prétentions : idem actuel (52k) »: an amount right after a "same as now" phrase (_SAME_AS_NOW)."""
    return any(any(m.end() <= a <= m.end() + 12 for a, _ in amounts) for m in _SAME_AS_NOW.finditer(clause))


def _is_history(clause: str) -> bool:
    """Whether one folded clause records the candidate's current or past pay."""
    # a refusal to disclose stays one beside a volunteered expectation (review: « Ne souhaite pas communiquer son
    # salaire actuel, a donné spontanément ses prétentions : 55k. » is no pay history)
    if _DECLINED.search(clause) or (_NOT_ASKED.search(clause) and not _VOLUNTEERED.search(clause)):
        return False
    amounts = _pay_amounts(clause)
    if _on_pay(clause) or _same_as_now(clause, amounts):
        return True
    earning = _EARNING.search(clause)
    if earning and amounts and not _business_value(clause, earning):
        return True
    if _amount_now(clause, amounts):
        return True
    if not amounts and not _RELATIVE.search(clause):
        if any(
            _BARE_FIGURE.match(clause, m.end()) and not _NOT_HISTORY_NEXT.search(clause[m.end() : m.end() + 40])
            for marker in _MARKERS
            for m in marker.finditer(clause)
        ):
            return True
        return False  # a marker alone ("son salaire actuel", no figure, no comparison) records nothing
    for marker in _MARKERS:
        for m in marker.finditer(clause):
            if not _NOT_HISTORY_NEXT.search(clause[m.end() : m.end() + 40]):
                return True  # not "current salary expectations", "sa rémunération souhaitée"
    return False


_ANY_FIGURE = re.compile(
    r"(?:[€$£]\s?)?(?:[+-]\s?)?\d(?:[\d.,' ]*\d)?(?:\s?(?:k\s?€|k\s?eur\b|keur\b|k(?![a-z])|m€|€|eur\b|euros?\b|%|\$|£))?"
)


def mask_amounts(text: str, lang: str) -> str:
    """`text` with every figure (amounts, percentages, any number) replaced by the pay placeholder of `lang`."""
    placeholder = PLACEHOLDER["en" if lang == "en" else "fr"]
    folded = fold(text)  # same length as `text`
    out, pos = [], 0
    for m in _ANY_FIGURE.finditer(folded):
        out += [text[pos : m.start()], placeholder]
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def pay_history_flags(view: TextView, lang: str | None = None) -> list[Flag]:
    """Pay-history flags on an already sanitised text, one per clause; offsets refer to the original text."""
    lang = lang or detect_language(view.clean.text)
    flags = []
    for s, e in _clauses(view.folded):
        if not _is_history(view.folded[s:e]):
            continue
        flag = view.flag(KIND, "error", MESSAGE, s, e, message_fr=MESSAGE_FR)
        flags.append(flag.model_copy(update={"evidence": _tidy(mask_amounts(flag.evidence or "", lang))}))
    return flags


def _tidy(text: str) -> str:
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def find_pay_history(text: str, lang: str | None = None) -> list[Flag]:
    """The clauses of `text` that record the candidate's current or past pay (kind `pay_history`, severity error)."""
    return pay_history_flags(TextView.of(text), lang)


__all__ = [
    "AMOUNT",
    "KIND",
    "MESSAGE",
    "MESSAGE_FR",
    "PLACEHOLDER",
    "find_pay_history",
    "is_pay_history",
    "mask_amounts",
    "pay_history_flags",
]
