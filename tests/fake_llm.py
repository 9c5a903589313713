"""An in-process scripted chat model: a real LangChain BaseChatModel for offline unit tests.

    model = FakeStructuredChatModel(responses=[{"answer": "x"}, {"answer": 1}, "plain text", TimeoutError()])
    model.with_structured_output(Answer).invoke(messages)   # -> Answer(answer="x")
    model.calls[0]                                          # the messages of the first call

Each model call consumes one scripted response:
    dict (or pydantic model) -> a tool call to the bound tool (function_calling), or JSON content when
                                the call asked for JSON (json_schema / json_mode) or bound no tool;
    str                      -> plain content;
    AIMessage                -> returned as is;
    an exception instance    -> raised (to test error mapping, e.g. openai.APITimeoutError).
Structured output is parsed by LangChain's own parsers (function_calling) or pydantic (json_schema), so bad
data raises pydantic.ValidationError exactly where ChatOpenAI would, and include_raw=True returns
{"raw", "parsed", "parsing_error"} as ChatOpenAI does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from operator import itemgetter
from typing import Any, Literal

from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.messages.ai import UsageMetadata
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.runnables import Runnable, RunnableLambda, RunnableMap, RunnablePassthrough
from langchain_core.utils.function_calling import convert_to_openai_tool
from langchain_core.utils.pydantic import is_basemodel_subclass
from pydantic import BaseModel, Field


def _count_tokens(text: str) -> int:
    return len(re.findall(r"\w+|[^\w\s]", text))


class FakeStructuredChatModel(BaseChatModel):
    """A scripted chat model supporting bind_tools, with_structured_output and plain invoke."""

    responses: list[Any] = Field(default_factory=list)
    """Scripted replies, consumed in order (see the module docstring)."""
    calls: list[list[BaseMessage]] = Field(default_factory=list)
    """The messages received, one list per model call."""
    call_kwargs: list[dict[str, Any]] = Field(default_factory=list)
    """The call options (tools, tool_choice, response_format, stop...) of each call."""
    structured_requests: list[dict[str, Any]] = Field(default_factory=list)
    """One {schema, method, include_raw} entry per with_structured_output() call."""
    model_name: str = "fake-structured"

    @property
    def _llm_type(self) -> str:
        return "fake-structured-chat-model"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_name": self.model_name}

    def script(self, items: Sequence[Any]) -> None:
        """Append scripted replies."""
        self.responses.extend(items)

    # -- generation ------------------------------------------------------------------------------
    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: Any = None,
        **kwargs: Any,
    ) -> ChatResult:
        self.calls.append(list(messages))
        self.call_kwargs.append({"stop": stop, **kwargs})
        if not self.responses:
            msg = f"FakeStructuredChatModel: no scripted response left for call #{len(self.calls)}"
            raise RuntimeError(msg)
        item = self.responses.pop(0)
        if isinstance(item, BaseException):
            raise item
        message = item if isinstance(item, AIMessage) else self._to_message(item, kwargs)
        if message.usage_metadata is None:
            prompt = sum(_count_tokens(m.text) for m in messages)
            completion = _count_tokens(message.text) + sum(
                _count_tokens(json.dumps(c["args"])) for c in message.tool_calls
            )
            message.usage_metadata = UsageMetadata(
                input_tokens=prompt, output_tokens=completion, total_tokens=prompt + completion
            )
        return ChatResult(generations=[ChatGeneration(message=message)])

    def _to_message(self, item: Any, kwargs: dict[str, Any]) -> AIMessage:
        if isinstance(item, BaseModel):
            item = item.model_dump(mode="json")
        if not isinstance(item, dict):
            return AIMessage(content=str(item), response_metadata={"finish_reason": "stop"})
        tools = kwargs.get("tools") or []
        if tools and not kwargs.get("response_format"):
            name = tools[0]["function"]["name"]
            call_id = f"call_fake_{len(self.calls)}"
            return AIMessage(
                content="",
                tool_calls=[{"name": name, "args": item, "id": call_id, "type": "tool_call"}],
                response_metadata={"finish_reason": "tool_calls"},
            )
        return AIMessage(content=json.dumps(item, ensure_ascii=False), response_metadata={"finish_reason": "stop"})

    # -- tools and structured output ---------------------------------------------------------------
    def bind_tools(
        self,
        tools: Sequence[Any],
        *,
        tool_choice: str | dict[str, Any] | bool | None = None,
        **kwargs: Any,
    ) -> Runnable[LanguageModelInput, AIMessage]:
        """Bind tools as ChatOpenAI does (OpenAI tool format), so structured output uses LangChain's parsers."""
        formatted = [convert_to_openai_tool(tool) for tool in tools]
        if tool_choice is not None:
            kwargs["tool_choice"] = tool_choice
        return self.bind(tools=formatted, **kwargs)

    def with_structured_output(
        self,
        schema: dict[str, Any] | type,
        *,
        method: Literal["function_calling", "json_mode", "json_schema"] = "json_schema",  # ChatOpenAI's default
        include_raw: bool = False,
        strict: bool | None = None,
        **kwargs: Any,
    ) -> Runnable[LanguageModelInput, dict[str, Any] | BaseModel]:
        """Structured output like ChatOpenAI's: function_calling via a tool call, json_schema/json_mode via JSON content."""
        if kwargs:
            msg = f"Received unsupported arguments {kwargs}"
            raise ValueError(msg)
        self.structured_requests.append({"schema": schema, "method": method, "include_raw": include_raw})
        if method == "function_calling":
            return super().with_structured_output(schema, include_raw=include_raw)
        if method not in ("json_schema", "json_mode"):
            msg = f"Unrecognized structured output method {method!r}"
            raise ValueError(msg)
        response_format = {"type": "json_object"} if method == "json_mode" else {"type": "json_schema"}
        llm = self.bind(response_format=response_format)

        def parse(message: AIMessage) -> Any:
            text = message.text
            if isinstance(schema, type) and is_basemodel_subclass(schema):
                return schema.model_validate_json(text)  # pydantic.ValidationError on bad data, like ChatOpenAI
            return json.loads(text)

        parser = RunnableLambda(parse)
        if include_raw:
            parser_assign = RunnablePassthrough.assign(parsed=itemgetter("raw") | parser, parsing_error=lambda _: None)
            parser_none = RunnablePassthrough.assign(parsed=lambda _: None)
            with_fallback = parser_assign.with_fallbacks([parser_none], exception_key="parsing_error")
            return RunnableMap(raw=llm) | with_fallback
        return llm | parser


__all__ = ["FakeStructuredChatModel"]
