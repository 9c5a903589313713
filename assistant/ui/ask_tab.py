"""The "Ask the guide" tab: a chat whose answers cite the guide, or say that it does not cover the question."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..errors import AssistantError
from .events import plain_errors
from .render import citations_markdown, inert

if TYPE_CHECKING:
    from ..qa import Answer
    from ..services import Services

ASK_EXAMPLES = [
    "Quel salaire pour un account manager débutant ?",
    "Quelles soft skills faut-il rechercher ?",
    "What is the difference between a farmer and a hunter?",
    "Quelles questions poser en entretien ?",
]


def answer_markdown(answer: Answer) -> str:
    """One chat reply: the answer (or the abstention), its citations, any notice, the backend."""
    if answer.abstained:
        body = f"**{inert(answer.answer)}**"
    else:
        body = inert(answer.answer)
    parts = [body]
    if answer.citations:
        parts.append(citations_markdown(answer.citations))
    if answer.notice:
        parts.append(f"*Note: {inert(answer.notice)}*")
    engine = answer.backend + (f" · {answer.model}" if answer.model else "")
    parts.append(f"*Answered by: {inert(engine)}*")
    return "\n\n".join(parts)


def chat_turn(question: str, history: list[dict] | None, services: Services) -> list[dict]:
    """Ask the guide and return the chat history with the question and the cited answer appended."""
    from ..qa import ask

    answer = ask(question, services, fallback_offline=True)
    return [*(history or []), user_message(question), {"role": "assistant", "content": answer_markdown(answer)}]


def user_message(question: str) -> dict:
    """The user's question as a chat message, shown inert."""
    return {"role": "user", "content": inert(question.strip())}


def build_ask_tab(services: Services) -> None:
    """The tab's components and events, inside the enclosing gr.Tab."""
    import gradio as gr

    chat = gr.Chatbot(
        label="Conversation with the guide",
        height=480,
        sanitize_html=True,
        allow_tags=False,
        feedback_options=None,
        buttons=["copy"],
        placeholder="Ask a question about recruiting an Account Manager. Answers quote the guide and cite it.",
        elem_id="ask-chat",
    )
    with gr.Row():
        question = gr.Textbox(
            label="Your question",
            placeholder="e.g. Quel salaire pour un account manager débutant ?",
            max_length=services.settings.max_question_chars,
            scale=5,
            elem_id="ask-question",
        )
        send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask-send")
    gr.Examples(examples=[[q] for q in ASK_EXAMPLES], inputs=[question], label="Examples")

    def respond(text: str, history: list[dict]) -> Iterator[tuple[list[dict], str]]:
        from ..qa import validate_question

        try:
            validate_question(text, services.settings.max_question_chars)
        except AssistantError as exc:
            raise gr.Error(str(exc), print_exception=False) from None
        history = list(history or [])
        pending = [*history, user_message(text), {"role": "assistant", "content": "*Searching the guide…*"}]
        yield pending, ""  # the question shows at once; the answer replaces the placeholder
        try:
            yield plain_errors(chat_turn)(text, history, services), ""
        except gr.Error:
            yield history, text  # put the question back so the user can fix it
            raise

    send.click(respond, [question, chat], [chat, question], api_name="ask")
    question.submit(respond, [question, chat], [chat, question], api_name=False)  # type: ignore[arg-type]  # False (a private endpoint) works; gradio annotates str | None
