"""Polarity of a passage of notes: positive, negative or neutral, from cue phrases with negation handled."""

from __future__ import annotations

import re

from ..text import fold
from .models import Polarity

# Phrases, accent-folded and lowercase; the longest match wins where they overlap ("tres bon" over "bon").
_POSITIVE = """
excellent | excellente | excellents | excellentes | tres bon | tres bonne | bon | bonne | bons | bonnes | solide |
solides | fort | forte | point fort | points forts | maitrise | maitrisee | maitrise parfaitement | convaincant |
convaincante | impressionnant | impressionnante | brillant | brillante | remarquable | pertinent | pertinente |
pertinents | precis | precise | efficace | reussi | a reussi | reussite | parfait | parfaitement | aisance | atout |
motive | motivee | experimente | experimentee | concret | concrets | concrete | concretes | courant | clair | claire |
clairement | structuree | rigoureux | rigoureuse | a l'aise | tres bien | bien | obtenu | obtenus |
a obtenu | a evite | evite | resolu | a resolu | depasse | a depasse | en hausse | hausse | croissance | signee |
a signe | gere tres bien | facilement | calme | credible | credibles | sans attendre | sans delai | sans hesiter |
tres reactif | tres reactive | reactif | reactive | carre | tres carre | organise | organisee | a l'ecoute |
excellent | strong | solid | great | good | very good | impressive | convincing | confident | fluent | effective |
successful | successfully | mastered | proficient | skilled | outstanding | relevant | concrete | precise | thorough |
strength | strengths | impressed | comfortable | at ease | sharp | well | clearly | clear | capable | won |
achieved | exceeded | grew | increased | resolved | solved | delivered | easily | consistent | calmly | fixed |
calm | credible | without delay | right away | organised | organized | good listener | listens well | responsive |
polished | native | natif | native speaker | fine | handled it | smooth | bien geree | bien gere | not afraid |
n'a pas peur | pas peur | sans forcer | kept the account | saved the account | a garde le client | built | rebuilt |
set up | mis en place | a mis en place | a monte | construit | a construit | launched | a lance |
avance | avancee | avances | advanced | ok | sait | easy to read | easy to follow | easy to skim | lisible |
lisibles | sur le bout des doigts | par coeur | by heart | inside out | inside and out | rien ne lui echappe |
without notes | without her notes | without his notes | without hesitation | without hesitating | from memory |
sans ses notes | sans hesitation | de memoire |
rien ne lui passe sous le nez | nothing slips through | nothing falls through the cracks | never drops the ball |
de lui-meme | d'elle-meme | d'eux-memes | spontanement | unprompted | of his own accord | of her own accord |
ravi | ravie | ravis | delighted | satisfait | satisfaite | satisfaits | thrilled | desamorce | a desamorce |
defused | de-escalated | sauve | sauvee | a sauve | re-signe | resigne | a re-signe | recupere | a recupere |
won back | won them back | retained | l'a garde | l'a gardee | a tout gere | tout gere | handled everything |
off the top of her head | off the top of his head | de tete | friendly | sympathique | chaleureux | chaleureuse |
signpos | nobody asked | no one asked | nobody asked her to | nobody asked him to | personne ne lui a demande |
personne lui a demande | personne ne l'a demande | personne me l'a demande | personne ne me l'a demande |
personne ne leur a demande | tres cale | tres calee | hyper cale | hyper calee | super cale | super calee |
incollable | better than | mieux que | stronger than | plus fort que | plus forte que | settled | regle | reglee |
did n't wait | n'a pas attendu | without waiting | same day | same afternoon | le jour meme | dans la journee |
dans l'heure | within the hour | suivi propre | tres propre | a fait passer | asked us a lot | asked us lots |
asked me a lot | asked me lots | le plus rentable | la plus rentable | rentable |
without being asked | without anyone asking | without being told | without being prompted |
sans qu'on le lui demande | sans qu'on lui demande | sans qu'on le lui ait demande | sans qu'on lui ait demande |
sans que personne le lui demande | sans que personne ne le lui demande | sans que personne lui demande |
sans que personne ne lui demande | sans que personne ne le lui ait demande | sans qu'on le lui dise |
without me asking | without us asking | without my asking | without our asking | without anyone prompting |
sans que je le lui demande | sans que je lui demande | sans que je demande | sans qu'on ait a le demander |
sans qu'on ait eu a le demander | sans qu'on ait a demander | fluide | fluides | naturel | naturelle | natural |
naturally | polite | courteous | poli | polie | courtois | courtoise | warm | no excuses | without excuses |
owned it | took ownership | owned the problem | owned the mistake | sans excuses | sans se chercher d'excuses |
je n'avais pas pense | on n'avait pas pense | nous n'avions pas pense | je n'aurais pas pense | i hadn't thought |
we hadn't thought | i had not thought | we had not thought | i hadn't considered | we hadn't considered |
i'd never thought | i had never thought | tb
"""
_NEGATIVE = """
faible | faibles | insuffisant | insuffisante | insuffisants | limite | limitee | limites | manque | manquait |
manque de | hesitant | hesitante | confus | confuse | vague | vagues | flou | floue | difficulte | difficultes |
difficilement | mauvais | mauvaise | lacune | lacunes | decevant | decevante | superficiel | superficielle |
a eu du mal | du mal | mal a l'aise | point faible | points faibles | fragile | inexistant | inexistante | lent |
lente | incapable | echec | echoue | probleme | problemes | souci | soucis | moyen | moyenne | peu | trop |
weak | weakness | weaknesses | lacks | lacking | lack | struggled | struggles | struggle | poor | poorly | limited |
unclear | hesitant | confused | insufficient | inadequate | disappointing | shallow | superficial | failed | unable |
concern | concerns | concerning | mediocre | slow | problem | problems | issue | issues | difficulty |
difficulties | gap | gaps | little | missed | misses | late | delay | delays | forgot | so so | meh |
retard | retards | oublie | oublie de | bof |
interrupted | interrupts | interrupting | cut me off | talked over | talks over | talked a lot | coupe la parole |
m'a coupe | m'a coupee | repond a cote | a cote de la plaque | brouillon | brouillonne | scolaire | lache vite |
rude | arrogant | arrogante | impatient | impatiente | s'enerve | agace | disorganised | disorganized |
desorganise | desorganisee | gave away | jumped | rushed | vague | unprepared | pas prepare | not prepared |
lost | perdu | perdue | overselling | talks too much | parle trop | stiff | guinde | guindee | illisible |
illisibles | unreadable | hard to follow | difficile a suivre | nervous | nerveux | nerveuse | pb | pbs | signneg |
passive | passif | d'en placer une | parle tout seul | parler tout seul | parle tt seul | parler tt seul |
s'est braque | s'est braquee | se braque | ton sec | sur la defensive | defensive | bristled | curt | too polished |
worse than | moins bon que | moins bonne que | weaker than | only named | only mentioned | only cited | only listed |
worries me | worried me | worry me | worrying | worrisome | m'inquiete | m'inquietent | m'inquietait | inquietant |
inquietante | cutting in | cut in | cuts in | a l'arrache | moy |
far from it | nul en | nulle en | zero experience | less great | pas terrible |
a la ramasse | peu reactif |
peu reactive | peu proactif | peu proactive | peu organise | peu organisee | tres peu organise | tres peu organisee |
peu a l'ecoute | peu rigoureux | peu rigoureuse | peu structure | peu structuree | peu convaincant | peu convaincante
"""
# (stop 53's outside probe of notes: "Zero experience managing a team", "Great KPI knowledge? Far from it.",
# « Peu réactif », « Nul en anglais », "I wouldn't say she's a great listener" read as strengths or as nothing; its
# review: not « sur le papier », "on paper", « nul », « loin d'être », "no experience", which also say the opposite)
# Reservations: the interviewer doubts or wants to test the point ("à challenger sur la négo", "needs work on
# discovery"). They outweigh one positive word in the same clause: "solide… à challenger sur la négo" is no strength.
_RESERVATION = """
a challenger | a challenger sur | challenger sur | needs work | need work | needs to work on | needs improvement |
could improve | room for improvement | a ameliorer | a travailler | a retravailler | perfectible |
point de vigilance | points de vigilance | vigilance | question mark | point d'interrogation | not sure | unsure |
doubt | doubts | doubtful | doute | doutes | mitige | mitigee | not convinced | pas convaincu | pas convaincue |
pas convaincant | pas convaincante | un peu juste | reste a prouver | to be proven | a confirmer |
work in progress | en progres | could be better | a muscler | a consolider | to watch | a surveiller |
avec reserve | avec reserves | reserve sur | reserves sur | quelques reserves | des reserves | with reservations |
some reservations | reservations about | reservations on | moins convaincu | moins convaincue | less convinced |
not so sure
"""
# Phrases holding a negator that negate nothing: saying no to a client is a stance, not a negation.
_NEUTRAL = """
say no | says no | saying no | said no | dire non | dit non | dis non | sans contrepartie | plus aucun |
no longer any | made no difference | no difference | aucune difference | sans rien dire | without a word |
without saying a word
"""
_NEGATORS = {
    "ne",
    "n'",
    "pas",
    "jamais",
    "jms",  # SMS shorthand for « jamais »
    "aucun",
    "aucune",
    "sans",
    "ni",
    "rien",
    "guere",
    "not",
    "no",
    "never",
    "n't",
    "without",
    "cannot",
    "hardly",
    "barely",
    "nor",
    "neither",
    "none",
}


# Telegraphic signs after a topic ("négo ++", "excel --", "orga +"): doubled or tripled anywhere they stand alone, a
# single one only at the end of the text ("un avoir + un point", "Lyon - Paris" are no judgement).
_SIGNS = re.compile(
    r"(?<!\S)(\+{2,3}|-{2,3})(?=[\s.,;:!)]|$)|(?<=\w)\s+([+-])\s*[.!]?\s*$"
    r"|(?<![\w+])\+\s?\d+(?:[.,]\d+)?\s?%"  # "+30 % d'attach rate": a rise the notes report
)


# A figure that rose ("from 81% to 90%", « de 150k à 600k », "1.2M -> 1.8M"), both sides in the same unit; a rise of
# what should fall (churn, costs, delays) is no good news.
_NUM = r"(\d+(?:[.,]\d+)?)\s*(%|k|m|md|bn|million|millions|mille|points?|pts?)?\s*(?:€|eur|euros?|\$|usd)?"
_RISE = re.compile(
    r"\b(?:from|de|d'|du)\s*"
    + _NUM
    + r"\s+(?:to|a|au)\s+"
    + _NUM
    + r"|(?<![\w.,])"
    + _NUM
    + r"\s*(?:->|→|=>)\s*"
    + _NUM
)
_SHOULD_FALL = re.compile(
    r"\b(?:churn\w*|attrition|costs?|couts?|delais?|delays?|retards?|pertes?|loss(?:es)?|turnover|resiliations?|"
    r"cancellations?|tickets?|complaints?|plaintes?|reclamations?|dso|impayes?)\b"
)


_CHANGE = re.compile(
    r"\b(?:went|gone|grew|grown|increased|rose|risen|took|taken|moved|brought|raised|pushed|lifted|dropped|fell|cut|"
    r"reduced|passe\w*|passer|augmente\w*|monte\w*|developpe\w*|fait\s+passer|baisse\w*|reduit\w*)\b"
)


def _figure(number: str) -> float:
    return float(number.replace(",", "."))


def _rises_as_words(folded: str) -> str:
    """The text with each figure that rose (or fell, for what should fall) replaced by "signpos" / "signneg"."""

    def word(m: re.Match[str]) -> str:
        g = m.groups()
        a, ua, b, ub = g[0:4] if g[0] is not None else g[4:8]
        if (ua or "") != (ub or ""):
            return m.group(0)
        if not (ua or _CHANGE.search(folded, max(0, m.start() - 40), m.start())):
            return m.group(0)  # "from 9 to 5", « de 2 à 3 rdv par semaine »: a range, not a change
        if _figure(b) == _figure(a):
            return m.group(0)
        up = _figure(b) > _figure(a)
        if _SHOULD_FALL.search(folded, max(0, m.start() - 40), m.start()):
            up = not up
        return " signpos " if up else " signneg "

    def taken(m: re.Match[str]) -> str:
        a, ua, b, ub = m.groups()
        if (ua or "") != (ub or "") or _figure(b) == _figure(a):
            return m.group(0)
        if not (ua or re.search(r"[€$]|\beur", m.group(0))):
            return m.group(0)  # « pris à 15h, il est à 16h »: times, not an account's value
        up = _figure(b) > _figure(a)
        if _SHOULD_FALL.search(folded, max(0, m.start() - 40), m.start()):
            up = not up
        return m.group(0)[: m.start(1) - m.start()] + (" signpos " if up else " signneg ")

    return _TAKEN_AT.sub(taken, _RISE.sub(word, folded))


# An account taken over at one figure and now at another (« je l'ai pris à 200 k€, il est à 450 k€ », "took it over at
# 300k, it's at 520k now"): a rise told as a story, not as "from X to Y".
_TAKEN_AT = re.compile(
    r"\b(?:pris|repris|recupere|herite|took(?:\s+(?:it|them|\w+))?(?:\s+over)?|inherited|picked\s+(?:it\s+)?up)\b"
    r"[^.;]{0,25}?\b(?:a|at|on)\s+"
    + _NUM
    + r"[^.;]{0,40}?\b(?:est|etait|is|it's|now|maintenant|aujourd'hui|today)\s+(?:a|at|on)\s+"
    + _NUM
)


def _signs_as_words(folded: str) -> str:
    """The text with its telegraphic signs replaced by the words "signpos" / "signneg" that the cue lists hold, and
    its rising or falling figures too (_rises_as_words). A run of dashes that opens its line, or closes a line it also
    opens (« --- LinkedIn, 28/11 --- », "-- listens well"), is a separator or a bullet, not a judgement; « ++ écoute »
    is one."""
    text = _rises_as_words(folded)

    def sign(m: re.Match[str]) -> str:
        if m.group(1) and m.group(1).startswith("-"):
            line_start = text.rfind("\n", 0, m.start()) + 1
            before = text[line_start : m.start()]
            if not before.strip() or before.lstrip().startswith(m.group(1)):
                return m.group(0)
        return " signpos " if "+" in m.group(0) else " signneg "

    return _SIGNS.sub(sign, text)


def _tokens(folded: str) -> list[str]:
    """Words, with French elisions kept as "n'", "l'"… and English "n't" split off; clause punctuation (, ; : ( ))
    kept as tokens, since a negation does not reach past it ("n'écoute pas vraiment, répond à côté")."""
    toks = re.findall(r"n't|[a-z0-9]+'?|[,;:()]", _signs_as_words(folded).replace("n't", " n't"))
    # a plural the lists do not spell out ("réponses claires et structurées") reads as its singular
    return [
        t[:-1] if t.endswith("es") and len(t) > 5 and t not in _NOT_PLURALS and t[:-1] in _SINGLE_WORDS else t
        for t in toks
    ]


# French feminine plurals only ("claires", "structurees"): "goods", "fines", « règles » (not « réglé »), "motives"
# are words of their own.
_NOT_PLURALS = frozenset("regles motives fines lignes".split())


_SINGLE_WORDS: frozenset[str] = frozenset()  # filled once the phrase lists are read (below)


# "ne"/"n'" go with "pas", "jamais"… in one negation ("n'est pas"): counted alone only when nothing else negates.
_NE = {"ne", "n'"}
_BRIDGES = {
    "say",
    "said",
    "saying",
    "think",
    "thought",
    "call",
    "claim",
    "that",
    "dire",
    "dit",
    "penser",
    "pense",
    "affirmer",
    "que",
    "qu'",
}
_OUTER_REACH = 4  # tokens before a negation in which a second one makes a double negation


def _negation_count(negators: set[int], toks: list[str]) -> int:
    """How many negations the negator tokens make: "n'est pas" is one, "can't say she isn't" is two."""
    full = [j for j in negators if toks[j] not in _NE]
    return len(full) if full else min(1, len(negators))


def _governing_negators(toks: list[str], start: int) -> set[int]:
    """The negator tokens governing the polar phrase at `start`: those in the three tokens before it, then, chained
    back within _OUTER_REACH tokens of each, the ones of an outer negation ("can't say she isn't comfortable",
    "on ne peut pas dire qu'il n'est pas rigoureux"); never past clause punctuation."""
    found: set[int] = set()
    for j in range(start - 1, max(-1, start - 4), -1):
        if toks[j] in _PUNCT:
            break
        if toks[j] in _NEGATORS:
            found.add(j)
    if not found:
        return found
    cursor = min(found)
    while True:
        outer = None
        for j in range(cursor - 1, max(-1, cursor - 1 - _OUTER_REACH), -1):
            if toks[j] in _PUNCT:
                break
            if toks[j] in _NEGATORS:
                outer = j
                break
        # An outer negation bears on a statement ("can't SAY she isn't", "ne peut pas DIRE QU'il n'est pas"), not on
        # a noun beside it: "no CRM and not good with numbers" is two negations, not a double one.
        if outer is None or not any(t in _BRIDGES for t in toks[outer + 1 : cursor]):
            return found
        found.add(outer)
        cursor = outer
        for j in range(outer - 1, max(-1, outer - 3), -1):  # "ne peut pas": its "ne" belongs to the same negation
            if toks[j] in _PUNCT:
                break
            if toks[j] in _NE:
                found.add(j)
                cursor = j


_PUNCT = {",", ";", ":", "(", ")"}
_INTERVIEWER_RELATIVE = {
    ("qu'", "on"),
    ("que", "nous"),
    ("que", "je"),
    ("laquelle", "je"),
    ("lequel", "je"),
    ("auquel", "je"),
    ("auxquelles", "je"),
    ("auxquels", "je"),
    ("that", "we"),
    ("which", "we"),
    ("that", "i"),
    ("which", "i"),
}


def _phrases(spec: str) -> list[tuple[str, ...]]:
    """The "|"-separated phrases of `spec` as token tuples, longest first."""
    return sorted({tuple(_tokens(p.strip())) for p in spec.split("|") if p.strip()}, key=len, reverse=True)


_POS_PHRASES = _phrases(_POSITIVE)
_NEG_PHRASES = _phrases(_NEGATIVE)
_RES_PHRASES = _phrases(_RESERVATION)
_NEUTRAL_PHRASES = _phrases(_NEUTRAL)
_SINGLE_WORDS = frozenset(
    p[0] for phrases in (_POS_PHRASES, _NEG_PHRASES, _RES_PHRASES, _NEUTRAL_PHRASES) for p in phrases if len(p) == 1
)


# A claim the writer does not vouch for (folded text): "allegedly", "claims to be", "self-described", « soi-disant »,
# « se dit », « dit avoir ». Its praise is the candidate's word, not the interviewer's judgement.
_HEDGE = re.compile(
    r"\b(?:allegedly|supposedly|purportedly|ostensibly|so-called|self-(?:described|proclaimed|styled|declared|professed)|"
    r"claims?\s+to\s+(?:be|have|know|manage|run|speak|handle|own|lead|master)|claims?\s+(?:that\s+)?(?:he|she|they)\s|"
    r"claim(?:ed|ing)\s+(?:to|that)|according\s+to\s+(?:him|her|them|himself|herself)|"
    r"claims?\s+(?:an?\s+)?(?:excellent|fluent|great|strong|good|perfect|solid|native|advanced)\b|"
    # praise on paper only (review of stop 53: « Bon relationnel... sur le papier »)
    r"(?:\.\.\.|…|,)\s*(?:sur\s+le\s+papier|on\s+paper)\s*[.!?]?\s*$|"
    r"describes\s+(?:himself|herself|themselves)|(?:says|said)\s+(?:he|she|they)(?:'s|\s+is|\s+was|\s+are|\s+has|\s+had)|"
    r"soi-disant|pretendu\w*|pretend(?:u|ument|ait|ent)?|(?<!\bon\s)(?<!\bqui\s)(?<!\bca\s)se\s+(?:dit|disait|decrit|presente\s+comme|qualifie\s+de|"
    r"voit\s+comme|definit\s+comme)|(?:dit|disait|affirme|assure)\s+(?:etre|avoir)|selon\s+(?:lui|elle|eux)|"
    r"d'apres\s+(?:lui|elle|eux))\b"
)
# A short phrase in quotation marks ("great relationships", « top closer »): the candidate's label, a claim.
_SHORT_QUOTE = re.compile(r"[\"“”«»]\s*([^\"“”«»\n]{1,40}?)\s*[\"“”«»]")
_DIMINISHERS = {"less", "moins"}  # "less at ease", « moins à l'aise »: a lesser strength is a weakness


def is_hedged(text: str) -> bool:
    """Whether the text reports a claim the writer does not vouch for ("supposedly manages 30 accounts")."""
    return bool(_HEDGE.search(fold(text)))


def _without_scare_quotes(folded: str) -> str:
    """The text with short quoted praise (four words at most) blanked: a label the candidate gave, not a judgement."""

    def blank(m: re.Match[str]) -> str:
        inner = m.group(1)
        if len(re.findall(r"\w+", inner)) > 4 or _score(_tokens(inner)) <= 0:
            return m.group(0)
        return " " * len(m.group(0))

    return _SHORT_QUOTE.sub(blank, folded)


def has_reservation(text: str) -> bool:
    """Whether the text voices a reservation ("à challenger sur", "needs work on", "question mark")."""
    toks = _tokens(fold(text))
    return any(tuple(toks[i : i + len(p)]) == p for p in _RES_PHRASES for i in range(len(toks) - len(p) + 1))


# The interviewer's question, then the answer after a colon ("Asked what he had suggested without being asked: no
# example.", « Demandé s'il suit ses marges : non »): the answer carries the judgement, not the question's words.
_ASKED_THEN_ANSWER = re.compile(
    r"^(?:(?:(?:i|we|interviewer|hm)\s+)?(?:asked|questioned|probed|pressed)\s+(?:him|her|them|the\s+candidate|what|how|why|"
    r"if|whether|about|for|which|when|where|to)\b|(?:je|on)\s+(?:lui\s+)?a?i?\s*demande|demande\s+(?:s'il|si|comment|"
    r"pourquoi|quel\w*|un|une|des|ce|de|d')|relance\s+sur|questionne\s+sur)[^:]{3,}:\s*(\S.*)$"
)


# Shorthand spelled like something else: "2 TB of data" (terabytes, not « très bien »). A mark after a question or
# an exercise ("Q2 TB", « cas n°2 TB ») stays « très bien »: only a bare number followed by what is stored.
_NOT_SHORTHAND = re.compile(
    r"(?<![\w°])(\d+(?:[.,]\d+)?)\s?(?i:tb)\b(?=\s+(?i:of|de|d'|data|donn\w+|ssd|disque|storage|stockage|ram)\b)"
)


def polarity(text: str) -> Polarity:
    """positive / negative / neutral from cue words, with negation flipping the polar word it governs; praise in a
    hedged claim ("supposedly", "claims to be") or in short scare quotes does not count."""
    folded = _without_scare_quotes(fold(_NOT_SHORTHAND.sub(r"\1", text)))
    asked = _ASKED_THEN_ANSWER.match(folded.strip())
    if asked:
        folded = asked.group(1)
    score = _score(_tokens(folded), hedged=bool(_HEDGE.search(folded)))
    return "positive" if score > 0 else "negative" if score < 0 else "neutral"


def _score(toks: list[str], hedged: bool = False) -> int:
    """The polarity score of tokens (see polarity); with `hedged`, positive readings count for nothing."""
    score = 0
    used_negators: set[int] = set()
    polar_spans: list[tuple[int, int, int]] = []  # (start, end, sign)
    # Where each token stands, so that a phrase is tried only where its first word is (the same spans, in the same
    # order, as trying every phrase at every position; on a long text that was slow by a factor of the lists' size).
    at: dict[str, list[int]] = {}
    for i, tok in enumerate(toks):
        at.setdefault(tok, []).append(i)
    for sign, phrases in ((1, _POS_PHRASES), (-1, _NEG_PHRASES), (-2, _RES_PHRASES), (0, _NEUTRAL_PHRASES)):
        for phrase in phrases:
            n = len(phrase)
            for i in at.get(phrase[0], ()):
                if i + n <= len(toks) and tuple(toks[i : i + n]) == phrase:
                    polar_spans.append((i, i + n, sign))
    # Keep the longest phrase where phrases overlap ("tres bon" over "bon", "mal a l'aise" over "a l'aise").
    polar_spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken: set[int] = set()
    for start, end, sign in polar_spans:
        if taken & set(range(start, end)):
            continue
        taken |= set(range(start, end))
        negators = _governing_negators(toks, start)
        if negators:
            used_negators |= negators
            if _negation_count(negators, toks) % 2:
                sign = -sign
        elif sign > 0 and start > 0 and toks[start - 1] in _DIMINISHERS:
            sign = -sign
        if hedged and sign > 0:
            continue
        score += sign
    # "veut tout pour rien", "de rien": no negation
    loose = {j for j, t in enumerate(toks) if t == "rien" and j > 0 and toks[j - 1] in ("pour", "de")}
    # "deux questions qu'on n'avait pas mises dans le brief": a negation in a relative clause about the interviewer
    for j in range(1, len(toks)):
        if (toks[j - 1], toks[j]) in _INTERVIEWER_RELATIVE:
            loose |= {k for k in range(j + 1, min(len(toks), j + 5)) if toks[k] in _NEGATORS}
    accounted = used_negators | taken | loose  # built once: rebuilt for every token, it made long texts quadratic
    if any(t in _NEGATORS for j, t in enumerate(toks) if j not in accounted):
        score -= 1  # a bare negation ("n'a jamais managé", "no CRM experience") speaks against the point
    return score
