"""Answers pass the protected-criteria screen before they are shown (Code du travail L1132-1), and so do questions.

The guide's own passages never trip it (a test checks every passage), so it catches a model that adds
discriminatory advice ("favour young candidates without children"): such an answer is withheld, and the notice
says why. The screen reads the text as an ad would be read: equal-opportunity statements pass.

A question that brings a protected criterion into hiring (« on cherche plutôt un homme, non ? », "can I ask her if
she plans kids?") gets no passage at all: quoted beside the criterion, any passage reads as the way to apply it
(stop 48's outside review: « Idéalement, il disposera d'une expérience… » as the answer to the first). It gets a
notice that names the criterion and the law, never the question's own words (they can be health data), and the
model is not called.
"""

from __future__ import annotations

import re

from ..rules import wordlists as wl
from ..rules.compliance import EXPERIENCE_CAP
from ..rules.criteria import criteria_named, labelled
from ..rules.names import is_first_name
from ..rules.safety import find_protected_criteria
from ..text import fold
from .models import QUESTION_WITHHELD, WITHHELD, Answer, WithheldReason

REASON: WithheldReason = "protected_criterion"
QUESTION_REASON: WithheldReason = "criterion_in_question"

QUESTION_NOTICE = {
    "fr": "Critère protégé ({labels}) : il ne peut jouer aucun rôle dans le choix, l'évaluation ou la rémunération "
    "d'un·e candidat·e, et une question posée en entretien doit avoir un lien direct et nécessaire avec l'emploi "
    "(Code du travail L1132-1 et L1221-6). Le guide n'en fait pas un critère.",
    "en": "Protected criterion ({labels}): it may play no part in choosing, assessing or paying a candidate, and an "
    "interview question must have a direct and necessary link with the job (Code du travail L1132-1 and L1221-6). "
    "The guide does not make it a criterion.",
}


def question_criteria(question: str) -> list[tuple[str, str, str]]:
    """The protected criteria a question brings in, as rules.criteria.criteria_named gives them, read as an ad is:
    a requirement, a preference or a remark on a person counts, an equal-opportunity statement does not ("equal pay
    between men and women", « ouvert aux personnes handicapées »: a read-through of stop 48 found the notes reading,
    where every mention counts, took those questions' answers). Then what only a question about a candidate says
    (`_QUESTION_READINGS`)."""
    named = criteria_named(question, context="ad")
    folded = fold(question)
    if _PREGNANT.search(question) or (_OWN_LEAVE.search(folded) and _DECISION.search(folded)):
        # The ad reading excuses a pregnancy or a family leave named in a sentence that offers something (a perk:
        # « congé maternité proposé »), and a question asks « je lui propose quand même le poste ? » of a pregnant
        # candidate, or "do we pass on her?" of one back from parental leave (stop 48's second review): a person's
        # pregnancy or family named in a question is the criterion, whatever the sentence offers.
        named += [c for c in criteria_named(question, context="notes") if c[0] in _PERSONAL_LEAVE]
    for crit_id, reading in _QUESTION_READINGS:
        if reading(question, folded):
            named.append(labelled(crit_id))
    return list({c[0]: c for c in named}.values())


_PREGNANT = re.compile(
    r"\b(?:enceinte|enceintes|pregnant|pregnancy|grossesse|expecting\s+(?:a\s+baby|twins)|"
    + wl.PREGNANT_MISSPELT
    + r")\b",
    re.I,
)
_PERSONAL_LEAVE = ("pregnancy", "family")
# (folded) a person's own leave, or a gap in a CV explained by one; not a policy offered (« notre congé parental »)
_OWN_LEAVE = re.compile(
    r"\b(?:son|sa|ses|leur|her|his|their)\s+(?:[a-z'-]+\s+){0,2}(?:conges?|leave|maternite|paternite|parental)\b"
    r"|\b(?:trous?|gaps?|breaks?|pauses?|interruptions?)\b[^.?!;]{0,60}\b(?:conges?|leave)\b"
    r"|\b(?:back|returning|returns|returned)\s+from\s+(?:her\s+|his\s+|their\s+)?(?:maternity|paternity|parental)\s+leave\b"
    r"|\b(?:revient|rentre|rentree|retour)\s+(?:de|d')\s*(?:son\s+|sa\s+)?conge\s+(?:maternite|paternite|parental)"
)
# …held against the person: a decision or a doubt (« do we pass on her? », « on la recale ? »), not how a leave is paid
_DECISION = re.compile(
    r"\b(?:pass\s+on|recal\w*|ecart\w*|elimin\w*|reject\w*|refus\w*|drop\w*|skip\w*|rule\s+out|passe|passer|garde\w*|"
    r"keep|hire|hiring|embauch\w*|prend\w*|choisi\w*|choose|pick|risk\w*|risque\w*|worr\w*|inquiet\w*|probleme|problem|"
    r"issue|souci|frein|offer|offre|propos\w*|continu\w*|move\s+forward|go\s+with)\b"
)


# What only a question about a candidate says (stop 48's second review of `ask`: each was answered with guide
# passages). Read on the folded question. In notes or an ad these words are ordinary (« son nom », "is from Lyon"),
# so they stay here, not in the shared lexicon.
#
# A name as the worry: its sound stands for an origin (« avec ce nom », "her last name is Nguyen, will clients be ok
# with that?", « il s'appelle Mohamed, ça va passer ? »). A name alone is no worry ("call her by her first name"): a
# word of doubt or of the clients' reaction must be in the question too.
_WORRY = re.compile(
    r"\b(?:confiance|trust\w*|passer|passe|passera|frein|probleme|pb|souci|coinc\w*|genant\w*|struggle\w*|accept\w*|"
    r"issue|problem|risque\w*|risk\w*|tradi\w*|conservat\w*|rassur\w*|serieux|seriously|hesit\w*|pronounc\w*|"
    r"prononc\w*|awkward|bloqu\w*|worr\w*|inquiet\w*|comfortable|a\s+l'aise|rejet\w*|reject\w*|ecart\w*|mind|"
    r"derange\w*|put\s+off|off-?putting|be\s+ok|ok\s+with|ok\s+avec|(?:not|n't|won't)\s+like|n'aime\w*\s+pas|"
    r"the\s+other\s+(?:one|candidate|finalist)|l'autre\s+(?:candidat\w*|finaliste|profil))\b"
)
_NAME_WORD = r"(?:(?:last|first|family)\s+name|surname|name|nom|prenom|patronyme)s?"
_NOT_A_ROLE = (
    r"(?!\s+(?:de\s+poste|du\s+poste|de\s+l'offre|de\s+la\s+societe|de\s+l'entreprise|de\s+domaine|de\s+marque|"
    r"commercial|of\s+the\s+(?:role|job|position|company)|for\s+the\s+(?:role|job|position)))"
)
_FAMILY_NAME_WORRY = re.compile(
    rf"\b(?:avec|with)\s+(?:ce|un\s+tel|such\s+a|that|this|a|un|son|sa|her|his|their)\s+{_NAME_WORD}\b{_NOT_A_ROLE}"
    rf"|\b(?:son|sa|leur|her|his|their|candidate's|applicant's)\s+{_NAME_WORD}\b{_NOT_A_ROLE}"
    rf"|\b{_NAME_WORD}\s+(?:du|de\s+la|of\s+the)\s+(?:candidat\w*|candidate|applicant)\b"
)
# the kind of sound a name has: « un nom qui sonne français », "whose name sounds foreign"
_SOUNDS_LIKE = (
    r"(?:(?:bien|tres|trop|plus|vraiment|very|too|more|really)\s+)?(?:francais|french|etranger|foreign|arabe?|arabic|"
    r"africain|african|asiati\w*|asian|musulman|muslim|juif|jewish|exoti\w*|ethni\w*|local|d'ici|de\s+chez\s+nous|"
    r"[a-z]+ais|[a-z]+ien|[a-z]+ish|[a-z]+ese|[a-z]+ian)\b"
)
_NAME_SOUND = re.compile(
    rf"\b{_NAME_WORD}\s+qui\s+(?:fait|sonne)\s+{_SOUNDS_LIKE}|\b{_NAME_WORD}\s+(?:that\s+)?sounds?\s+{_SOUNDS_LIKE}"
)
# a first name given (capitalised, as typed): « elle s'appelle comment dans le lexique ? » asks a term's name
_FIRST_NAME = re.compile(
    r"\b(?:[Ii]l|[Ee]lle|[Cc]andidate?|[Cc]andidat)\s+s['’]appelle\s+[A-ZÀ-Ýa-zà-ÿ]{2,}(?<!comment)\b|\b(?:[Hh]e|[Ss]he)(?:['’]s|\s+is)\s+(?:called|named)\s+[A-ZÀ-Ý]"
    r"|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ss]on|[Ss]a|[Ll]eur)\s+(?:first\s+name|prénom|prenom)\s+(?:is|est)\s+[A-ZÀ-Ý]"
)


def _name_worry(question: str, folded: str) -> bool:
    if _NAME_SOUND.search(folded):
        return True
    return bool(_FAMILY_NAME_WORRY.search(folded) and not _FIRST_NAME.search(question) and _WORRY.search(folded))


def _first_name_worry(question: str, folded: str) -> bool:
    return bool(_FIRST_NAME.search(question) and _WORRY.search(folded))


# A country or a region a candidate comes from (« le candidat vient du Sénégal », "she's originally from Vietnam");
# not an employer (« il vient de chez Doctolib », "is from Salesforce") nor a client ("our client is from Germany").
_COUNTRIES = (
    r"afghanistan|afrique(?:\s+du\s+(?:nord|sud))?|africa|albanie|albania|algerie|algeria|allemagne|germany|angola|"
    r"arabie\s+saoudite|saudi\s+arabia|argentine|argentina|armenie|armenia|asie|asia|bangladesh|belgique|belgium|benin|"
    r"bosnie|bosnia|bresil|brazil|burkina(?:\s+faso)?|cameroun|cameroon|chili|chile|chine|china|colombie|colombia|"
    r"comores|comoros|congo|coree|korea|cote\s+d'ivoire|ivory\s+coast|cuba|egypte|egypt|erythree|eritrea|ethiopie|"
    r"ethiopia|gabon|ghana|guinee|guinea|haiti|inde|india|indonesie|indonesia|iran|irak|iraq|israel|italie|italy|"
    r"jamaique|jamaica|japon|japan|kenya|kosovo|liban|lebanon|libye|libya|madagascar|maghreb|mali|maroc|morocco|"
    r"mauritanie|mauritania|mexique|mexico|moyen-orient|middle\s+east|niger|nigeria|pakistan|palestine|perou|peru|"
    r"philippines|pologne|poland|portugal|roumanie|romania|russie|russia|rwanda|senegal|serbie|serbia|somalie|somalia|"
    r"soudan|sudan|sri\s+lanka|syrie|syria|tchad|chad|togo|tunisie|tunisia|turquie|turkey|ukraine|venezuela|vietnam|"
    r"viet\s+nam|l'est|eastern\s+europe|europe\s+de\s+l'est|the\s+(?:philippines|middle\s+east)|"
    # overseas France: an origin too (« il vient de Guadeloupe »)
    r"guadeloupe|martinique|guyane|mayotte|antilles|dom-?tom|outre-mer|caraibes|caribbean"
)
# "from China Telecom", "from Germany's biggest bank", "from the Africa desk": an employer or a team
_NOT_AN_EMPLOYER = (
    r"(?!['’]s\b|\s+(?:telecom|bank|banque|desk|office|bureau|team|equipe|subsidiary|filiale|branch|market|airlines?|"
    r"group|groupe|division|region)\b)"
)
_FROM_A_COUNTRY = re.compile(
    r"\b(?:candidate?s?|applicants?|he|she|he's|she's)\s+(?:is\s+|are\s+|was\s+|comes?\s+|came\s+)?"
    rf"(?:originally\s+)?from\s+(?:the\s+)?(?:{_COUNTRIES})\b{_NOT_AN_EMPLOYER}"
    r"|\b(?:candidate?s?|candidats?|il|elle)\s+(?:vient|viennent|est\s+originaire|est\s+nee?|a\s+grandi)\s+"
    rf"(?:du|de\s+la|des|de\s+l'|de|d'|en|au|aux)\s*(?:{_COUNTRIES})\b{_NOT_AN_EMPLOYER}"
)


def _from_a_country(question: str, folded: str) -> bool:
    return bool(_FROM_A_COUNTRY.search(folded))


# An age after a person's name: "John Smith, 62, had a heart attack", « Paul Martin, 58 ans ». Read on the question as
# typed: two capitalised words, then the number and a comma or a unit (« Martin Dupont, 45 comptes » is a portfolio).
_AGE_AFTER_NAME = re.compile(
    r"\b([A-ZÀ-Ý][\w'’-]+)\s+[A-ZÀ-Ý][\w'’-]+\s*(?:,\s*(?:1[89]|[2-7]\d)\s*(?:,|\)|ans\b|yo\b|y/?o\b|years?\b)"
    r"|\(\s*(?:1[89]|[2-7]\d)\s*(?:ans|yo|y/?o)?\s*\))"
)


def _age_after_name(question: str, folded: str) -> bool:
    """« Paul Martin, 58, … », "Jean DUPONT (58)": a first name the name list knows (not "Key Accounts, 40,")."""
    return any(is_first_name(m.group(1)) for m in _AGE_AFTER_NAME.finditer(question))


def _indirect_age(question: str, folded: str) -> bool:
    """An experience cap asked about: the ad linter's indirect age criterion. (Not its graduation recency: in a
    question, "our first AM is a fresh grad" says the level, as « débutant » does.)"""
    return bool(EXPERIENCE_CAP.search(folded))


# (stop 53's probe of ask) Asking a candidate's origin or age, in English: "can I ask where she's from originally?",
# "Can I ask how old he is?" were plain abstentions with no word that the law forbids it (the French forms had one).
_ORIGIN_ASKED = re.compile(
    r"\bwhere\s+(?:she|he|they|the\s+(?:candidate|applicant))(?:'s|\s+is|'re|\s+are|\s+comes?|\s+was)\s+"
    r"(?:really\s+|originally\s+|actually\s+)?(?:from|born)\b"
    r"|\b(?:her|his|their|the\s+candidate's|the\s+applicant's)\s+(?:origins?|ethnicity|ethnic\s+background|heritage|nationality)\b"
)
_AGE_ASKED = re.compile(
    r"\bhow\s+old\s+(?:she|he|they|the\s+(?:candidate|applicant))\s+(?:is|are|was)\b"
    r"|\bhow\s+old\s+is\s+(?:she|he|the\s+(?:candidate|applicant))\b"
    r"|\b(?:her|his|their|the\s+candidate's|the\s+applicant's)\s+(?:age|date\s+of\s+birth|birth\s+year|year\s+of\s+birth)\b"
)


def _origin_asked(question: str, folded: str) -> bool:
    return bool(_ORIGIN_ASKED.search(folded))


def _age_asked(question: str, folded: str) -> bool:
    return bool(_AGE_ASKED.search(folded))


_QUESTION_READINGS = (
    ("origin", _origin_asked),
    ("age", _age_asked),
    ("family_name", _name_worry),
    ("origin", _first_name_worry),
    ("origin", _from_a_country),
    ("age", _age_after_name),
    ("age", _indirect_age),
)


def withheld_for_question(criteria: list[tuple[str, str, str]], lang: str) -> Answer:
    """The answer to a question that brings in these protected criteria: no passage, a notice naming them."""
    lang = lang if lang in QUESTION_NOTICE else "en"
    labels = ", ".join(fr if lang == "fr" else en for _, en, fr in criteria)
    return Answer(
        answer=QUESTION_WITHHELD[lang],
        abstained=True,
        backend="offline",
        withheld=QUESTION_REASON,
        notice=QUESTION_NOTICE[lang].format(labels=labels),
    )


def protected_notice(text: str) -> str | None:
    """Why `text` must not be shown (the protected-criterion words it uses), or None when it may be."""
    found = find_protected_criteria(text, context="ad")
    if not found:
        return None
    quoted = ", ".join(dict.fromkeys(f"«{f.evidence}»" for f in found if f.evidence))
    return (
        f"The answer was withheld because it refers to a protected criterion ({quoted}): age, family situation, "
        "sex, origin and the other criteria of Code du travail L1132-1 must play no part in hiring."
    )


def screened(answer: Answer, lang: str) -> Answer:
    """The answer, or a withheld copy (no citations, a notice saying why) when its text names a protected criterion."""
    if answer.abstained:
        return answer
    notice = protected_notice(f"{answer.answer}\n{answer.understood_as or ''}")
    if notice is None:
        return answer
    return answer.model_copy(
        update={
            "answer": WITHHELD.get(lang, WITHHELD["en"]),
            "abstained": True,
            "citations": [],
            "withheld": REASON,
            "notice": notice,
        }
    )
