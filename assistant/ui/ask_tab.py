"""The "Ask the guide" tab: a conversation whose answers cite the guide, or say that it does not cover the question.

A follow-up ("Et pour un senior ?") is understood from the previous turns. The conversation belongs to the browser
session only: the chat shown and the turns `ask` reads are that session's component and `gr.State` values (held in
memory by Gradio until the session ends), never written to disk or to a log; "New conversation" (or the chat's own
bin button) clears them. Our own words (labels, the abstention, notices) are in
the page's language (see `i18n`); the answers are in the question's language, as the guide and the engine give them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import AssistantError
from ..qa.models import QUESTION_WITHHELD
from .events import plain_errors
from .i18n import Binder, error_text, localize, register, register_messages, t
from .render import citations_markdown, inert

if TYPE_CHECKING:
    from ..qa import Answer
    from ..services import Services

TEXTS = register(
    {
        "ask.chat": ("Conversation avec le guide", "Conversation with the guide"),
        "ask.chat_placeholder": (
            "Posez une question sur le recrutement d'un Account Manager. Les réponses citent le guide. Une question "
            "de suite (« Et pour un senior ? ») reprend la précédente.",
            "Ask a question about recruiting an Account Manager. Answers quote the guide and cite it. A follow-up "
            "(“What about a senior?”) builds on the previous question.",
        ),
        "ask.question": ("Votre question", "Your question"),
        "ask.question_placeholder": (
            "ex. Quel salaire pour un account manager débutant ?",
            "e.g. What salary for an entry-level account manager?",
        ),
        "ask.send": ("Demander", "Ask"),
        "ask.new": ("Nouvelle conversation", "New conversation"),
        "ask.examples": ("Exemples :", "Examples:"),
        "ask.example.salary": (
            "Quel salaire pour un account manager débutant ?",
            "What salary for an entry-level account manager?",
        ),
        "ask.example.follow_up": ("Et pour un senior ?", "What about a senior?"),
        "ask.example.soft_skills": ("Quelles soft skills faut-il rechercher ?", "Which soft skills should I look for?"),
        "ask.example.profiles": (
            "Quelle différence entre un farmer et un hunter ?",
            "What is the difference between a farmer and a hunter?",
        ),
        "ask.searching": ("Recherche dans le guide…", "Searching the guide…"),
        "ask.not_covered": ("Le guide ne couvre pas cette question.", "The guide does not cover this question."),
        "ask.withheld": (
            "Cette réponse n'est pas affichée : elle fait référence à un critère protégé.",
            "This answer is not shown: it refers to a protected criterion.",
        ),
        "ask.withheld.question": (QUESTION_WITHHELD["fr"], QUESTION_WITHHELD["en"]),
        "ask.understood_as": ("Compris comme : {question}", "Understood as: {question}"),
        "ask.note": ("Remarque : {notice}", "Note: {notice}"),
        "ask.answered_by": ("Réponse de : {engine}", "Answered by: {engine}"),
        "ask.notice.protected_criterion": (
            "la réponse du modèle faisait référence à un critère protégé (âge, situation de famille, sexe, origine…), "
            "qui ne doit jouer aucun rôle dans un recrutement (Code du travail L1132-1).",
            "the model's answer referred to a protected criterion (age, family situation, sex, origin…), which must "
            "play no part in hiring (Code du travail L1132-1).",
        ),
        "ask.notice.criterion_in_question": (
            "la question fait intervenir un critère protégé (âge, sexe, situation de famille, origine, religion, "
            "santé…) : il ne peut jouer aucun rôle dans le choix, "
            "l'évaluation ou la rémunération d'un·e candidat·e (Code du travail L1132-1 et L1221-6). Le guide n'en "
            "fait pas un critère.",
            "the question brings in a protected criterion (age, sex, family situation, origin, religion, health…): "
            "it may play no part in choosing, assessing or "
            "paying a candidate (Code du travail L1132-1 and L1221-6). The guide does not make it a criterion.",
        ),
        "ask.notice.figures": (
            "la réponse du modèle donnait des chiffres absents des passages cités : elle n'est pas affichée.",
            "the model's answer gave figures that are not in the passages it cited, so it is not shown.",
        ),
        "ask.notice.unsupported": (
            "la réponse du modèle ne s'appuie sur aucun passage retrouvé : elle n'est pas affichée.",
            "the model's answer is not supported by any retrieved passage, so it is not shown.",
        ),
        "ask.notice.uncovered": (
            "le guide ne semble pas couvrir cette question, et la réponse du modèle ne tient pas sur les passages "
            "qu'il cite : elle n'est pas affichée.",
            "the guide does not seem to cover this question, and the model's answer does not hold up against the "
            "passages it cites, so it is not shown.",
        ),
        "ask.notice.fallback": (
            "le LLM n'a pas pu répondre ; voici la réponse hors ligne.",
            "the LLM could not answer; showing the offline answer instead.",
        ),
    }
)

# The question's checks (assistant/qa/__init__.py) and the LLM answer's notices (assistant/qa/llm.py), in English there.
register_messages(
    "assistant/qa/__init__.py",
    {
        "msg.ask.not_text": ("La question doit être du texte, pas {kind}.", "The question must be text, not {kind}."),
        "msg.ask.empty": (
            "La question est vide : tapez une question sur le guide.",
            "The question is empty: type a question about the guide.",
        ),
        "msg.ask.no_words": ("La question ne contient aucun mot.", "The question has no words in it."),
        "msg.ask.too_long": (
            "La question fait {n} caractères ; la limite est de {limit}. Raccourcissez-la.",
            "The question is {n} characters long; the limit is {limit}. Shorten it.",
        ),
        "msg.ask.fallback": ("Voici la réponse hors ligne.", "Showing the offline answer instead."),
    },
)
register_messages(
    "assistant/qa/llm.py",
    {
        "msg.ask.other_language": (
            "Le modèle a répondu dans une autre langue que celle de la question (en {language} attendu).",
            "The model answered in another language than the question's ({language} expected).",
        ),
        "msg.ask.unusable": ("La réponse du LLM est inutilisable :", "The LLM's answer could not be used:"),
    },
    words={"French": "français", "English": "anglais"},
)

EXAMPLE_KEYS = ("ask.example.salary", "ask.example.follow_up", "ask.example.soft_skills", "ask.example.profiles")


def answer_markdown(answer: Answer, lang: str = "en", *, fallback: bool = False) -> str:
    """One chat reply in the page's language: how a follow-up was understood, the answer (or the abstention), its
    own citations, any notice, the engine. `fallback`: the LLM failed and this is the offline answer."""
    parts = []
    if answer.understood_as:
        parts.append(f"*{inert(t('ask.understood_as', lang, question=answer.understood_as))}*")
    if answer.abstained:
        key = {"protected_criterion": "ask.withheld", "criterion_in_question": "ask.withheld.question"}.get(
            answer.withheld or "", "ask.not_covered"
        )
        parts.append(f"**{inert(t(key, lang))}**")
    else:
        parts.append(inert(answer.answer))
    if answer.citations:
        parts.append(citations_markdown(answer.citations, lang=lang))
    if answer.withheld == "criterion_in_question" and answer.notice:
        notice: str | None = answer.notice  # names the criterion, in the question's language (qa/screen.py)
    elif answer.withheld:
        notice = t(f"ask.notice.{answer.withheld}", lang)
    elif fallback:
        notice = t("ask.notice.fallback", lang)
    else:
        notice = localize(answer.notice, lang)  # e.g. "the model answered in another language"
    if notice:
        parts.append(f"*{inert(t('ask.note', lang, notice=notice))}*")
    engine = answer.backend + (f" · {answer.model}" if answer.model else "")
    parts.append(f"*{inert(t('ask.answered_by', lang, engine=engine))}*")
    return "\n\n".join(parts)


def user_message(question: str) -> dict:
    """The user's question as a chat message, shown inert."""
    return {"role": "user", "content": inert(question.strip())}


@dataclass(frozen=True)
class ChatTurn:
    """The conversation after one more question: what the chat shows and what the next `ask` reads."""

    messages: list[dict] = field(default_factory=list)
    """The chat's messages ({"role", "content"}, Gradio 6's message format), the new question and answer last."""
    turns: list[dict] = field(default_factory=list)
    """The previous turns for `ask(history=...)` (questions, how they were understood, cited ids), bounded."""
    replies: list[dict] = field(default_factory=list)
    """Each assistant message's answer ({"answer": Answer as JSON, "fallback": bool}), in the chat's order: what a
    language switch shows again in the new language (`relabel_chat`)."""


def chat_turn(
    question: str,
    history: list[dict] | None,
    services: Services,
    turns: list[dict] | None = None,
    lang: str = "en",
    replies: list[dict] | None = None,
) -> ChatTurn:
    """Ask the guide within the conversation so far; the chat, the turns and the replies with the question and
    answer appended."""
    from ..qa import Turn, ask
    from ..qa.conversation import bounded

    previous = bounded(turns)
    answer = ask(question, services, history=previous, fallback_offline=True)
    fallback = services.chat_model is not None and answer.backend == "offline"
    reply = {"role": "assistant", "content": answer_markdown(answer, lang, fallback=fallback)}
    kept = bounded([*previous, Turn.of(question, answer, previous)])
    return ChatTurn(
        messages=[*(history or []), user_message(question), reply],
        turns=[turn.model_dump() for turn in kept],
        replies=[*(replies or []), {"answer": answer.model_dump(mode="json"), "fallback": fallback}],
    )


def relabel_chat(lang: str, messages: list[dict] | None, replies: list[dict] | None) -> list[dict]:
    """The page changed language: each answer of the chat shown again in `lang` (the questions as typed, nothing
    asked again). A chat whose replies are not all known (the chat's own bin, an error) is left as it is."""
    from ..qa import Answer

    messages, replies = list(messages or []), list(replies or [])
    answers = [i for i, m in enumerate(messages) if m.get("role") == "assistant"]
    if len(answers) != len(replies):
        return messages
    for i, reply in zip(answers, replies, strict=True):
        content = answer_markdown(Answer.model_validate(reply["answer"]), lang, fallback=bool(reply["fallback"]))
        messages[i] = {**messages[i], "content": content}
    return messages


def new_conversation() -> tuple[list[dict], list[dict], str]:
    """An empty chat, no previous turns, an empty question box."""
    return [], [], ""


def build_ask_tab(services: Services, ui: Binder | None = None) -> None:
    """The tab's components and events, inside the enclosing gr.Tab, in `ui`'s language (English by default)."""
    import gradio as gr

    ui = ui or Binder("en")
    if ui.state is None:  # built outside build_app (a test): a session language of its own
        ui.state = gr.State(ui.lang)
    lang_state = ui.state
    turns = gr.State([])  # this session's previous turns: in memory, per browser session, never written
    replies = gr.State([])  # the answers shown, to show them again in another language: in memory, never written

    chat = ui.bind(
        gr.Chatbot(
            label=ui.t("ask.chat"),
            height=480,
            sanitize_html=True,
            allow_tags=False,
            feedback_options=None,
            buttons=["copy"],
            placeholder=ui.t("ask.chat_placeholder"),
            elem_id="ask-chat",
        ),
        label="ask.chat",
        placeholder="ask.chat_placeholder",
    )
    with gr.Row(equal_height=True):
        question = ui.bind(
            gr.Textbox(
                label=ui.t("ask.question"),
                placeholder=ui.t("ask.question_placeholder"),
                max_length=services.settings.max_question_chars,
                scale=5,
                elem_id="ask-question",
            ),
            label="ask.question",
            placeholder="ask.question_placeholder",
        )
        with gr.Column(scale=1, min_width=160):
            send = ui.bind(gr.Button(ui.t("ask.send"), variant="primary", elem_id="ask-send"), value="ask.send")
            new = ui.bind(gr.Button(ui.t("ask.new"), size="sm", elem_id="ask-new"), value="ask.new")
    with gr.Row():
        ui.bind(gr.Markdown(ui.t("ask.examples"), elem_id="ask-examples-label"), value="ask.examples")
        examples = [
            (key, ui.bind(gr.Button(ui.t(key), size="sm", variant="secondary", elem_classes="ask-example"), value=key))
            for key in EXAMPLE_KEYS
        ]

    def respond(
        text: str, history: list[dict], previous: list[dict], shown: list[dict], lang: str
    ) -> Iterator[tuple[Any, ...]]:
        from ..qa import validate_question

        try:
            validate_question(text, services.settings.max_question_chars)
        except AssistantError as exc:
            raise gr.Error(error_text(exc, lang), print_exception=False) from None
        history = list(history or [])
        searching = {"role": "assistant", "content": f"*{inert(t('ask.searching', lang))}*"}
        yield [*history, user_message(text), searching], "", previous, shown  # the question shows at once
        try:
            result = plain_errors(chat_turn)(text, history, services, previous, lang, replies=shown)
        except gr.Error:
            yield history, text, previous, shown  # put the question back so the user can fix it
            raise
        yield result.messages, "", result.turns, result.replies

    inputs = [question, chat, turns, replies, lang_state]
    outputs = [chat, question, turns, replies]
    send.click(respond, inputs, outputs, api_name="ask")
    question.submit(respond, inputs, outputs, api_name=False)  # type: ignore[arg-type]  # False (a private endpoint) works; gradio annotates str | None
    for key, button in examples:
        button.click(lambda lang, key=key: t(key, lang), [lang_state], [question], api_name=False)  # type: ignore[arg-type]
    new.click(lambda: (*new_conversation(), []), None, [chat, turns, question, replies], api_name=False)  # type: ignore[arg-type]
    # The chat's own clear (bin) button empties the chat: the turns the next question builds on go with it.
    chat.clear(lambda: ([], []), None, [turns, replies], api_name=False)  # type: ignore[arg-type]
    # The answers are written on the server: a language switch shows them again in the new language.
    ui.on_language(plain_errors(relabel_chat, lang_at=0), [chat, replies], [chat])
