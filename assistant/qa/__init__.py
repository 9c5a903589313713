"""Questions about the guide: validate → retrieve → (LLM structured answer | offline extract) → verified citations."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import InputError, LLMError
from ..guide.knowledge import CANDIDATES
from ..guide.models import ScoredChunk
from ..rules.compliance import find_pay_history_request
from ..rules.safety import find_injections, find_pii
from ..text import Language, detect_language, figures, fold, other_language
from .conversation import Resolved, Turn, bounded, resolve
from .examples import Votes, margin, votes
from .expand import expansion, role_tokens
from .framework_answers import framework_answer, glossary_answer
from .llm import llm_answer
from .models import NOT_COVERED, WITHHELD, Answer, AnswerDraft
from .offline import (
    CHOICE_NOTICE,
    FIGURE_NOTICE,
    Evidence,
    asks_for_figure,
    covers,
    gather_evidence,
    gives_figure,
    offline_answer,
    paid_job,
    question_list_first,
    recruited_roles,
    unknown_choice,
    unknown_job,
    with_guide_quote,
    with_guide_words,
    with_offline_passages,
)
from .screen import question_criteria, screened, withheld_for_question
from .shorthand import other_role, pay_abroad, shown_place, spelled_out

if TYPE_CHECKING:
    from ..services import Services


def validate_question(question: object, max_chars: int) -> str:
    """The question, stripped; InputError when it is not text, empty, or too long."""
    if not isinstance(question, str):
        raise InputError(f"The question must be text, not {type(question).__name__}.")
    cleaned = "".join(ch for ch in question if unicodedata.category(ch) != "Cf").strip()
    if not cleaned:
        raise InputError("The question is empty: type a question about the guide.")
    if not re.search(r"\w", cleaned):
        raise InputError("The question has no words in it.")
    if len(cleaned) > max_chars:
        raise InputError(f"The question is {len(cleaned)} characters long; the limit is {max_chars}. Shorten it.")
    return cleaned


def ask(
    question: str,
    services: Services,
    *,
    history: Sequence[Turn | dict] | None = None,
    k: int | None = None,
    fallback_offline: bool = False,
) -> Answer:
    """Answer a question about the guide, citing the passages the answer rests on, or abstain.

    `history` holds the previous turns of a conversation (see `conversation`): a follow-up such as "Et pour un
    senior ?" is answered from the previous question's topic. It is bounded here, whatever the caller keeps."""
    q = validate_question(question, services.settings.max_question_chars)
    turns = bounded(history)
    if small_talk(q):
        lang = _small_talk_language(q, turns)
        return Answer(answer=NOT_COVERED[lang], abstained=True, backend="offline", notice=SMALL_TALK_NOTICE[lang])
    injected = bool(find_injections(q))
    typed = q
    # Identifiers are blanked out of the question and of the earlier questions a follow-up draws on, before anything
    # reads them (the screen below, retrieval, how the question was understood, the model).
    q = without_personal_data(q)
    turns = [_without_personal_data_turn(t) for t in turns]
    resolved = resolve(q, turns)
    # Before any retrieval or model call (screen.py): the question as typed, and as understood from the conversation
    # (a follow-up such as « Et pour un senior ? » carries the previous question's words).
    criteria = question_criteria(typed) or (question_criteria(resolved.text) if resolved.text != q else [])
    if not criteria and (_about_the_person(folded := fold(typed)) or _draws_consequence(folded)):
        # (stop 53's probe of ask) « la candidate vient de m'annoncer qu'elle attend un bébé » was withheld, then « du
        # coup je peux ne pas valider sa période d'essai ? » and « quel salaire lui proposer alors ? » were answered:
        # a question about the same person, right after a turn that named a protected criterion, carries it
        criteria = next((c for t in reversed(turns[-CRITERION_MEMORY:]) if (c := question_criteria(t.question))), [])
    if criteria:
        answer = withheld_for_question(criteria, resolved.language)
    else:
        answer = _ask(q, resolved, services, turns, k, fallback_offline)
    if injected:
        _add_notice(answer, INJECTION_NOTICE.get(resolved.language, INJECTION_NOTICE["en"]))
    premise = amounts_not_in_guide(resolved.question, answer)
    if premise:
        _add_notice(
            answer,
            PREMISE_NOTICE[resolved.language if resolved.language in PREMISE_NOTICE else "en"].format(
                amounts=", ".join(premise)
            ),
        )
    if asks_pay_history(typed):
        _add_notice(answer, PAY_HISTORY_NOTICE.get(resolved.language, PAY_HISTORY_NOTICE["en"]))
    if other_language(resolved.question):  # the question asked after pasted material, not the paste
        _add_notice(answer, OTHER_LANGUAGE_NOTICE[detect_language(q)])
    return answer


# A question about a person (a pronoun, a possessive): it may be about the one an earlier turn described.
_ABOUT_SOMEONE = re.compile(  # not « il » (« il faut »), "they" (the interviewers)
    r"\b(?:sa|son|ses|lui|elle|la\s+candidate|le\s+candidat|her|his|him|she|he|the\s+candidate)\b"
)
# Or a decision about the hire drawn from the earlier turn, with no pronoun: « Quel salaire proposer alors ? », "What
# salary should I offer then?" (stop 53's outside probe of ask). Both a consequence word and a decision word: « Alors,
# combien d'entretiens pour recruter un AM ? » is a new question (review of stop 54).
_CONSEQUENCE = re.compile(
    r"\b(?:alors|du\s+coup|donc|dans\s+ce\s+cas|en\s+consequence|quand\s+meme|malgre\s+tout|vu\s+(?:ca|cela|sa\s+situation)|"
    r"in\s+that\s+case|given\s+(?:that|this)|in\s+this\s+case|then|so|still|therefore|anyway)\b"
)
_DECISION = re.compile(
    r"\b(?:salaire|remunera\w*|package|propos\w*|offr\w*|offer\w*|pay|paid|salary|embauch\w*|hire\w*|hiring|"
    r"recrut\w*|reten\w*|retien\w*|refus\w*|reject\w*|gard\w*|keep|continu\w*|arret\w*|stop\w*|valid\w*|"
    r"avanc\w*|move\s+forward|go\s+ahead|proceed|periode\s+d'essai|essai|trial|contrat|contract|cdi|cdd|"
    r"promotion|augment\w*|raise|rompre|romp\w*|licenci\w*|dismiss\w*|fire|prend\w*|recal\w*|elimin\w*|ecart\w*|"
    r"turn\s+down|go\s+with|on\s+y\s+va|ou\s+pas|or\s+not)\b"
)
# An information question (« Alors, quelles sont les étapes du recrutement ? », "Then how do I continue the
# interview?") asks the guide, it decides nothing about anyone: only one on pay may be a decision about hers (« Quel
# salaire proposer alors ? »). Reviews of stop 54.
_INFORMATION = re.compile(r"\b(?:comment|quel(?:le)?s?|combien|pourquoi|ou|how|what|which|why|where|when)\b")
_PAY_WORDS = re.compile(r"\b(?:salaire|remunera\w*|package|pay|paid|salary|offer|offre|augment\w*|raise)\b")
# « on la recrute », « je l'embauche », « la garder »: the person as the object of a decision
_HER_AS_OBJECT = re.compile(
    r"\b(?:la|l'|le|les)\s*(?:recrut|embauch|gard|prend|recal|elimin|refus|retien|reten|accept|valid|ecart|vir|licenci)"
    r"(?:e|es|er|ons|ez|ent|s|ra|rai|rais|rait|era|erai|erais|erait)?\b"  # a verb, not « la validation »
)


def _about_the_person(folded: str) -> bool:
    """The question names a person by a pronoun or a possessive, or makes her the object of a decision."""
    return bool(_ABOUT_SOMEONE.search(folded) or _HER_AS_OBJECT.search(folded))


def _draws_consequence(folded: str) -> bool:
    """A decision about the hire drawn from the turn before, not a question for information: « Du coup, on
    arrête ? », "In that case, do we move forward?"."""
    if not (_CONSEQUENCE.search(folded) and _DECISION.search(folded)):
        return False
    return not _INFORMATION.search(folded) or bool(_PAY_WORDS.search(folded))


CRITERION_MEMORY = 2
"""How many earlier turns a question about a person inherits a protected criterion from."""


def _add_notice(answer: Answer, notice: str) -> None:
    """`notice` after the answer's own."""
    answer.notice = f"{answer.notice} {notice}" if answer.notice else notice


# A thanks, a greeting or an acknowledgement asks nothing: retrieval answered « merci ! », "ok" and "thanks" with
# the glossary entry its words happened to be nearest (stop 44's review), and a follow-up reading would repeat the
# previous answer. Every word of the message must be one of these (folded) for it to count as small talk.
_COURTESY_FR = frozenset(
    """dac daccord d accord merci mercii remercie remercions beaucoup bcp infiniment mille fois vraiment tres parfait
    parfaite genial geniale nickel bien bonjour bonsoir salut coucou au revoir bonne journee soiree clair compris recu
    vu entendu ca marche c est oui ouais non utile""".split()
)
_COURTESY_EN = frozenset(
    """okay thanks thank thx ty tks you u so much very really great nice perfect awesome good hello hi hey bye day
    clear understood got it noted yes yeah yep yup no nope alright right sure cheers appreciated helpful a lot lots
    the""".split()
)
_COURTESY = (
    _COURTESY_FR
    | _COURTESY_EN
    | frozenset("ok oki okk cool super top excellent excellente bravo note lol haha ah oh ciao".split())
)
SMALL_TALK_NOTICE = {
    "fr": "Rien à chercher dans le guide ici : posez une question sur le recrutement d'un·e Account Manager (salaire, "
    "intitulés du poste, compétences, étapes d'entretien…).",
    "en": "Nothing to look up in the guide here: ask a question about recruiting an Account Manager (pay, job titles, "
    "competencies, interview steps…).",
}


def small_talk(question: str) -> bool:
    """The message is only a thanks, a greeting or an acknowledgement (« merci ! », "ok", "great, got it")."""
    if "?" in question or re.search(r"[\d€$£%]", question):  # « 50 000 €, c'est bien ? », "Top 3 ?" ask something
        return False
    words = _letter_words(question)
    return bool(words) and len(words) <= 12 and all(w in _COURTESY for w in words)


def _letter_words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", fold(text))


def _small_talk_language(message: str, turns: Sequence[Turn] = ()) -> Language:
    """The courtesy words' language; on a tie ("ok", "super"), the conversation's, else detect_language's."""
    words = _letter_words(message)
    fr, en = sum(w in _COURTESY_FR for w in words), sum(w in _COURTESY_EN for w in words)
    if en != fr:
        return "en" if en > fr else "fr"
    asked = [t for t in turns if not small_talk(t.question)]  # "ok" then "super" after an English question
    return ("en" if asked[-1].language == "en" else "fr") if asked else detect_language(message)


# The label a pasted identifier comes with ("IBAN", « N° sécu : », "DOB"), right before it (looked for in the
# _LABEL_WINDOW characters before it: a long run of spaces made the search cubic).
_LABEL_WINDOW = 60
_PII_LABEL = re.compile(
    r"(?:\bn°\s*|\bnum[ée]ro\s+(?:de\s+)?)?\b(?:s[ée]cu(?:rit[ée] sociale)?|nir|iban|bic|t[ée]l(?:[ée]phone)?|phone|"
    r"mobile|portable|e-?mail|mail|courriel|dob|date of birth|date de naissance|n[ée]e? le|born(?: on)?|"
    r"passport(?: no\.?| number)?|passeport)\s*(?:du candidat|de la candidate|of the candidate)?\s*[:#]?\s*$",
    re.IGNORECASE,
)


def without_personal_data(question: str) -> str:
    """The question with its contact details and identifiers (e-mail, phone, social security number, IBAN, date of
    birth…: rules.pii) blanked out. The guide answers none of them, and as words they only pushed retrieval away: stop
    48's review saw « N° sécu … IBAN … Que dit le guide sur la période d'essai ? » abstain. Nor are they repeated in
    how the question was understood. A question that is nothing but such data is kept as it is."""
    spans = [(f.start or 0, f.end or 0) for f in find_pii(question)]
    if not spans:
        return question
    out, last = [], 0
    for start, end in sorted(spans):
        if start >= last:
            label = _PII_LABEL.search(question, max(last, start - _LABEL_WINDOW), start)
            out.append(question[last : label.start() if label else start])
            last = end
    out.append(question[last:])
    blanked = re.sub(r"\(\s*(?:(?:[^\W\d_][\w'-]*\s*){1,2}:\s*)?(?:[,;]\s*)*\)", "", "".join(out))  # « (candidat : ) »
    # a separator left before the end or other punctuation goes too (« Et pour un senior, ? »: stop 53's probe)
    blanked = re.sub(r"\s*[,;:]\s*(?=[,;.:?!]|$)|[ \t]{2,}", " ", blanked).strip(" ,;:").lstrip(".").strip()
    blanked = re.sub(r"\s+([?!])", r" \1", blanked)
    return blanked if re.search(r"[^\W\d_]{2,}", blanked) else question


def _without_personal_data_turn(turn: Turn) -> Turn:
    """An earlier turn with identifiers blanked out of what a follow-up reads of it."""
    question = without_personal_data(turn.question)
    understood = without_personal_data(turn.understood_as) if turn.understood_as else turn.understood_as
    if question == turn.question and understood == turn.understood_as:
        return turn
    return turn.model_copy(update={"question": question, "understood_as": understood})


# An instruction aimed at the assistant inside a question (« Ignore les instructions précédentes », a pasted e-mail's
# "NOTE TO THE AI ASSISTANT:") never changes what the engine does, and the model's prompt marks the question as data;
# stop 48's outside review found the answer silent about it, so the user could not tell it had been ignored.
INJECTION_NOTICE = {
    "fr": "La question contient une instruction adressée à l'assistant : elle est ignorée, la réponse ne repose que sur "
    "le guide.",
    "en": "The question contains an instruction aimed at the assistant: it is ignored, and the answer rests on the "
    "guide alone.",
}

# Asking an applicant's current or past pay (stop 48's first review of ask: "Can I ask the candidate's current
# salary?" was answered with the grid alone). The grid may still answer what to offer; the notice says what not to ask.
PAY_HISTORY_NOTICE = {
    "fr": "L'employeur ne peut pas interroger un·e candidat·e sur sa rémunération actuelle ou passée (directive (UE) "
    "2023/970, art. 5(2)) : indiquez plutôt la rémunération proposée.",
    "en": "An employer may not ask applicants about their current or past pay (Directive (EU) 2023/970, art. 5(2)): "
    "state the pay offered instead.",
}
_ASKS_PAY_HISTORY_FR = re.compile(
    r"\b(?:demander|demande|demandons|interroger|questionner|exiger|connaitre|savoir)\b[^.?!;]{0,40}?"
    r"\b(?:son|sa|leur|le|la|ses|leurs)\s+(?:salaire|remuneration|package|fixe|paie|brut)s?\s+"
    r"(?:actuel(?:le)?s?|precedente?s?|d'avant|anterieure?s?|passee?s?|chez\s+(?:son|sa)\s+employeur)"
)


def asks_pay_history(question: str) -> bool:
    """The question asks whether to ask an applicant's current or past pay (the ad linter's request reading in
    English, « demander son salaire actuel » in French)."""
    return bool(_ASKS_PAY_HISTORY_FR.search(fold(question)) or find_pay_history_request(question))


# An amount in the question that the passages cited do not give (stop 48's first review: « the guide recommends
# 8000€/month for juniors, right? » answered with the grid and no word that the guide says otherwise). Amounts only
# (with a currency or "k"): a count or a duration in a question ("5 ans d'expérience") is no premise on pay.
PREMISE_NOTICE = {
    "fr": "Le guide ne donne pas le montant de la question ({amounts} €) : comparez avec les siens, cités ici.",
    "en": "The guide does not give the question's amount ({amounts} €): compare with its own, quoted here.",
}
_AMOUNT = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+|\d+)(?:[.,]\d+)?\s*(k\b|K\b)?\s*(?:€|euros?\b|eur\b)"
    r"|(?<![\w.,])(\d{1,3})\s*(k|K)\b"
)


def amounts_not_in_guide(question: str, answer: Answer) -> list[str]:
    """The amounts of `question` (in euros, "3k" as 3000) that none of the answer's cited passages gives, when the
    answer cites passages that give amounts; [] otherwise."""
    if answer.abstained or not answer.citations:
        return []
    asked = []
    for m in _AMOUNT.finditer(question):
        digits = re.sub(r"\D", "", m.group(1) or m.group(3) or "")
        if digits:
            asked.append(str(int(digits) * 1000) if (m.group(2) or m.group(4)) else digits)
    if not asked:
        return []
    known = set().union(*(figures(c.text) for c in answer.citations))
    if not any(len(f) >= 4 for f in known):  # the passages cited give no amount to compare with
        return []
    return list(dict.fromkeys(a for a in asked if a not in known))


OTHER_LANGUAGE_NOTICE = {
    "fr": "La question ne semble rédigée ni en français ni en anglais : l'assistant lit ces deux langues (le guide est "
    "en français), la réponse peut passer à côté.",
    "en": "The question does not look written in French or English: the assistant reads those two languages (the "
    "guide is in French), so the answer may miss the point.",
}


def _ask(
    q: str, resolved: Resolved, services: Services, turns: list[Turn], k: int | None, fallback_offline: bool
) -> Answer:
    """ask() once the question is validated, the history bounded and the question resolved against it."""
    model = services.chat_model
    if model is None:
        return screened(_offline(resolved, services, k), resolved.language)
    if resolved.focused:
        # The model reads the question asked after pasted material, not the paste: the 1.5B model repeated a pasted
        # ad's pay range, which no passage gives, and its answer was withheld. The paste is no guide passage.
        q = resolved.text
    # One retrieval for both: the model reads the passages the offline engine retrieves (the question spelled out
    # and expanded), and the offline engine's reading of coverage (it abstains where the guide does not cover the
    # question) decides whether the model's answer must hold up against its passages on its own
    # (llm.uncovered_problem).
    retrieved = evidence_for(resolved.text, services)
    offline = _offline(resolved, services, k, retrieved)
    if offline.abstained and offline.notice and refused_by_rule(resolved.text, services):
        return screened(offline, resolved.language)
    covered = not offline.abstained
    if covered:
        hits = _with_previous_citations(_focus(offline, retrieved[0], services), turns, services)
    else:
        hits = _with_previous_citations(retrieved[0][: k or services.settings.top_k], turns, services)
    try:
        answer = llm_answer(q, hits, services, history=turns, language=resolved.language, covered=covered)
        why = _not_the_offline_evidence(answer, offline, q)
        if why:
            return screened(_instead_of_model(offline, answer, why, resolved.language), resolved.language)
        if not answer.abstained and answer.citations:
            # The guide's own sentences behind the model's words (a small model paraphrases), verbatim, checkable: the
            # one that best matches the question and the answer, and those the offline engine found in the passages
            # the model also cites, where the model's words do not hold them.
            words = f"{spelled_out(resolved.text)} {answer.answer}"
            with_guide_words(answer, offline, words, services.kb, resolved.language)
            # What the offline engine's answer rests on and the model left out, quoted from the guide and cited.
            with_offline_passages(answer, offline, spelled_out(resolved.text), services.kb, resolved.language)
        if not answer.understood_as and (resolved.follow_up or resolved.focused):
            answer.understood_as = resolved.text
        return screened(answer, resolved.language)
    except LLMError as exc:
        if not fallback_offline:
            raise
        answer = screened(_offline(resolved, services, k), resolved.language)
        if answer.withheld is None:
            answer.notice = f"{exc} Showing the offline answer instead."
        return answer


def refused_by_rule(question: str, services: Services) -> bool:
    """Whether the code's rules refuse the question whatever passages a model would cite: pay set outside France, a
    job the guide never names, or another job the question recruits for (« comment recruter un customer success
    manager ? »). No model answer to it could be shown, so LLM mode does not ask (stop 51: the 1.5B model answered
    that question from the AM's passages, which llm.uncovered_problem let through; each call costs 10-30 s on two
    cores). Not a role the question only mentions ("we have no head of sales: who runs the second round?", answered
    by the model before), nor a figure or a choice, which llm.uncovered_problem reads on the passages the model
    cites rather than on the best retrieved one (review of stop 51)."""
    return bool(
        pay_abroad(question)
        or unknown_job(question, services.kb, services.framework)
        or recruited_roles(question)
        or paid_job(question)
    )


# Where the offline engine finds the guide covers the question, code checks the model's answer against the passages
# the offline engine cites, and shows the offline answer instead (with a notice) when the model's does not hold up.
# On the real 1.5B model (qa-dev5), given the offline engine's passages first, the model still answered from another
# passage ("how much English is required" answered with the passage on selling the company), said in a sentence
# that the passages do not answer, or repeated a figure from the question's wrong premise ("capped at 10%, right?").
INSTEAD_NOTICE = {
    "en": "The model's answer is not shown ({why}): here is the offline answer.",
    "fr": "La réponse du modèle n'est pas affichée ({why}) : voici la réponse hors ligne.",
}
INSTEAD_WHY = {
    "figures": {
        "en": "it repeated the question's figures, which the guide does not give",
        "fr": "elle reprenait les chiffres de la question, que le guide ne donne pas",
    },
    "made_up": {  # the figures are not repeated: a skimming reader could take them for the guide's
        "en": "it gave figures that no passage holds",
        "fr": "elle donnait des chiffres qu'aucun passage ne contient",
    },
    "unsupported": {
        "en": "no passage it was given supports it",
        "fr": "aucun des passages fournis ne l'appuie",
    },
    "no_answer": {
        "en": "it found no answer in the passages",
        "fr": "il n'a pas trouvé de réponse dans les passages",
    },
    "elsewhere": {
        "en": "it rests on other passages than those that answer the question",
        "fr": "elle s'appuie sur d'autres passages que ceux qui répondent à la question",
    },
}


def _not_the_offline_evidence(answer: Answer, offline: Answer, question: str) -> str:
    """Why (a key of INSTEAD_WHY) the model's answer to a question the offline engine answers gives way to the
    offline answer, or "" (always "" where the offline engine abstains): the model gave no answer (it abstained, or
    said the passages do not answer), an unsupported one, figures that are only the question's own, or it rests on
    none of the passages the offline engine cites. A withheld protected criterion stays withheld, and a model's
    failure is the caller's."""
    if offline.abstained or answer.withheld == "protected_criterion":
        return ""
    if answer.withheld == "figures":
        # The question's own figure repeated ("capped at 10%, right?") is a premise the offline answer corrects; a
        # figure the model made up ("up to 70% of the salary") is withheld all the same, and the offline answer, which
        # code checked, is shown in its place with a notice naming the figures (stop 55: on the real 1.5B model, an
        # answerable question the offline engine answered ended as an abstention).
        if answer.unsupported_figures and set(answer.unsupported_figures) <= set(figures(question)):
            return "figures"
        return "made_up"
    if answer.withheld == "unsupported":
        return "unsupported"
    if answer.abstained:
        return "no_answer"
    offline_ids = {c.chunk_id for c in offline.citations}
    if offline_ids and not offline_ids & {c.chunk_id for c in answer.citations}:
        return "elsewhere"
    return ""


def _instead_of_model(offline: Answer, model: Answer, why: str, lang: str) -> Answer:
    """The offline answer, with a notice saying why the model's was not shown (`why`: a key of INSTEAD_WHY), the
    model's usage kept and the model's dropped citations that the offline answer does not cite."""
    lang = lang if lang in INSTEAD_NOTICE else "en"
    notice = INSTEAD_NOTICE[lang].format(why=INSTEAD_WHY[why][lang])
    shown = {c.chunk_id for c in offline.citations}
    return offline.model_copy(
        update={
            "notice": f"{offline.notice} {notice}" if offline.notice else notice,
            "usage": model.usage,
            "dropped_citations": [c for c in model.dropped_citations if c not in shown],
        }
    )


# When the offline engine answers, the model sees the passages it cites first, then the best other retrieved
# ones, this many in all. On the real 1.5B model (dev split), given the five retrieved passages it often answered
# from the wrong one where the offline engine had the right one.
FOCUS_PASSAGES = 3


def _focus(offline: Answer, pool: list[ScoredChunk], services: Services) -> list[ScoredChunk]:
    """The offline answer's cited passages (all of them), then the best retrieved others up to FOCUS_PASSAGES."""
    by_id = {h.chunk.id: h for h in pool}
    out: dict[str, ScoredChunk] = {}
    for cited in offline.citations:
        chunk = services.kb.get(cited.chunk_id)
        if chunk is not None and chunk.id not in out:
            out[chunk.id] = by_id.get(chunk.id) or ScoredChunk(chunk=chunk, score=0.0)
    for hit in pool:
        if len(out) >= FOCUS_PASSAGES:
            break
        out.setdefault(hit.chunk.id, hit)
    return list(out.values())


# A follow-up's LLM prompt also gets the passages the previous answer cited, at most this many beyond the retrieved.
PREVIOUS_CITATIONS = 2


def _with_previous_citations(hits: list[ScoredChunk], turns: list[Turn], services: Services) -> list[ScoredChunk]:
    """The retrieved passages, then those the last answer cited that retrieval did not bring back."""
    if not turns:
        return hits
    seen = {h.chunk.id for h in hits}
    extra: list[ScoredChunk] = []
    for chunk_id in turns[-1].citations:
        chunk = services.kb.get(chunk_id)
        if chunk is not None and chunk_id not in seen and len(extra) < PREVIOUS_CITATIONS:
            extra.append(ScoredChunk(chunk=chunk, score=0.0))
            seen.add(chunk_id)
    return hits + extra


def evidence_for(question: str, services: Services) -> tuple[list[ScoredChunk], Evidence | None]:
    """Retrieval for the offline engine: the question with its shorthand spelled out and the framework's French
    wording appended, a pool of CANDIDATES fused hits, and the evidence that the guide covers it (None without
    embeddings). `evals/calibrate_qa.py` fits the abstention model on exactly this."""
    kb = services.kb
    expanded = expansion(spelled_out(question), services.framework)
    pool = kb.search(expanded.text, CANDIDATES, bm25_drop=role_tokens(question, services.framework))
    evidence = gather_evidence(question, pool, kb, expanded.framework, services.framework) if kb.dense else None
    if evidence is not None:
        evidence.example_margin = margin(question, services)
        lang = detect_language(question)
        # A structured answer for another job ("a job title to hire a software engineer?") is none: the margin
        # applies (review of stop 50).
        evidence.structured = not evidence.other_role and (
            framework_answer(spelled_out(question), services.framework, kb, lang) is not None
        )
    pool = voted(pool, votes(question, services))
    return question_list_first(question, pool), evidence


SECTION_BONUS = 0.003
"""What a section's share of the section votes of the example questions nearest the question (examples.votes) adds
to the fused score of its passages: 0.003 when all five name it, worth a few ranks near the top of the
reciprocal-rank fusion (a passage first in both rankings scores 2/61 = 0.0328, one fifth in both 2/65 = 0.0308). On
dev, each question's own file held out of the examples, the expected passage was in the top 3 for 0.889 of
answerable questions with no bonus, 0.910-0.915 from 0.0015 to 0.004, 0.895 at 0.012 (stop 50)."""

PASSAGE_BONUS = 0.005
"""What a passage's share of the passage votes (examples.votes: the three nearest covered examples, each for the
passage that answers it) adds on top: a section holds several passages, and the section vote cannot tell which one.
Top-3 recall on dev .915 → .925-.932 for 0.004-0.006 (examples.PASSAGE_NEIGHBOURS; stop 51)."""


def voted(pool: list[ScoredChunk], votes: Votes) -> list[ScoredChunk]:
    """The pool re-ranked with SECTION_BONUS times each passage's section's share of the section votes (a section is
    the last heading of a passage's path: a vote for « Les formations » is not one for its subsection on soft
    skills), plus PASSAGE_BONUS times its own share of the passage votes."""
    if not votes.sections and not votes.passages:
        return pool
    scored = [
        h.model_copy(
            update={
                "score": h.score
                + SECTION_BONUS * votes.sections.get(h.chunk.section.split(" > ")[-1], 0.0)
                + PASSAGE_BONUS * votes.passages.get(h.chunk.id, 0.0)
            }
        )
        for h in pool
    ]
    return sorted(scored, key=lambda h: (-h.score, h.chunk.order))


def _offline(
    resolved: Resolved,
    services: Services,
    k: int | None,
    retrieved: tuple[list[ScoredChunk], Evidence | None] | None = None,
) -> Answer:
    """Offline: expand the question with the framework's French wording, weigh all the evidence, then answer from
    the framework when it covers the question, else extract from the best passages. `retrieved`: what
    `evidence_for` already returned for this question."""
    kb = services.kb
    q, lang = resolved.text, resolved.language
    pool, evidence = retrieved if retrieved is not None else evidence_for(q, services)
    hits = pool[: k or services.settings.top_k]
    score = round(evidence.score(lang), 4) if evidence is not None else None
    # A question that names a glossary term and asks what it means is covered, whatever the retrieval scores.
    structured = glossary_answer(q, services.framework, kb, lang)
    if structured is None and hits and covers(hits, kb.dense, lang, evidence):
        structured = framework_answer(q, services.framework, kb, lang)
        if structured is not None:
            with_guide_quote(structured, spelled_out(q), kb, lang)
    if structured is not None:
        structured.score = score
        answer = structured
    else:
        answer = offline_answer(
            q, hits, kb, evidence, language=lang, expanded=expansion(spelled_out(q), services.framework).text
        )
    # Code abstains, with a notice that says why, where the guide cannot answer whatever retrieval found: a figure
    # its passages do not give, a choice between names it never uses, pay set outside France. An answer the evidence
    # already withheld gets the same notice when one applies (the passage read for a figure: the best retrieved).
    notice = ""
    read = [c.text for c in answer.citations] if not answer.abstained else [h.chunk.text for h in hits[:1]]
    other_pay = paid_job(q)  # another job's pay: the other-job notice below, not the figure one
    if asks_for_figure(q) and not other_pay and not any(gives_figure(text, q) for text in read):
        notice = FIGURE_NOTICE[lang]
    choice = unknown_choice(q, kb, services.framework) if not notice else []
    if choice:
        notice = CHOICE_NOTICE[lang].format(names=", ".join(choice))
    abroad = pay_abroad(q) if not notice else []
    if abroad:
        notice = PAY_ABROAD_NOTICE[lang].format(places=", ".join(shown_place(p, q) for p in abroad))
    # Recruiting for another job: the guide's titles, steps or grid are the AM's, not that job's. The refit of stop 50
    # weighs this reading less than the first model did, and "a job title to hire a software engineer?" was answered
    # with the AM's titles (review of stop 50); on dev no answerable question the model answers has it.
    jobs = (other_role(q) + unknown_job(q, kb, services.framework) + other_pay) if not notice else []
    if jobs:
        names = list(dict.fromkeys(job.replace("-", " ") for job in jobs))
        # « directeur commercial » (other_role) and its head word « directeur » (unknown_job) are one job
        names = [n for n in names if not any(n != m and f" {n} " in f" {m} " for m in names)]
        shown = (shown_place(name, q) for name in names)  # as the question writes it
        notice = OTHER_JOB_NOTICE[lang].format(jobs=", ".join(dict.fromkeys(shown)))
    if notice:
        answer = Answer(answer=NOT_COVERED[lang], abstained=True, backend="offline", score=score, notice=notice)
    if resolved.follow_up or resolved.focused:
        answer.understood_as = resolved.text
    return answer


OTHER_JOB_NOTICE = {
    "fr": "Le guide porte sur le recrutement d'un.e account manager : il ne dit rien de ce poste-ci ({jobs}).",
    "en": "The guide is about hiring an account manager: it says nothing of this job ({jobs}).",
}

PAY_ABROAD_NOTICE = {
    "fr": "Le guide ne donne qu'une grille de salaire française, en euros : rien sur la rémunération hors de France ou "
    "dans une autre monnaie (ici : {places}).",
    "en": "The guide only gives a French salary grid, in euros: nothing on pay outside France or in another currency "
    "(here: {places}).",
}


__all__ = ["NOT_COVERED", "WITHHELD", "Answer", "AnswerDraft", "Turn", "ask", "covers", "screened", "validate_question"]
