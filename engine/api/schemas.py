"""The request bodies the API accepts, in OpenAI's shapes, and nothing more.

Every model forbids unknown fields: a parameter Airlock does not support is answered 400
naming it, never silently ignored (GPT4All drops ``response_format``; llama-server may not
enforce ``json_schema``). Airlock's own additions (``top_k``, ``min_p``,
``repeat_penalty``, ``template_variables``, image ``negative_prompt``/``steps``/
``guidance``/``seed``) are documented in docs/api.md.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class ContentPart(Strict):
    type: Literal["text"]
    text: str


class Message(Strict):
    role: Literal["system", "developer", "user", "assistant"]
    content: str | list[ContentPart]
    name: str | None = None

    def text(self) -> str:
        if isinstance(self.content, str):
            return self.content
        return "".join(part.text for part in self.content)


class JsonSchemaSpec(Strict):
    name: str = "reply"
    description: str | None = None
    json_schema: dict[str, Any] = Field(alias="schema")
    strict: bool | None = None


class ResponseFormat(Strict):
    type: Literal["text", "json_object", "json_schema"]
    json_schema: JsonSchemaSpec | None = None
    object_schema: dict[str, Any] | None = Field(None, alias="schema")
    """llama.cpp's form: ``{"type": "json_object", "schema": {...}}``."""

    def schema_dict(self) -> dict[str, Any] | None:
        """The schema to enforce, or None for free text; {} means "any JSON object"."""
        if self.type == "text":
            return None
        if self.type == "json_schema":
            if self.json_schema is None:
                raise ValueError("response_format of type json_schema needs a json_schema object")
            return self.json_schema.json_schema
        return self.object_schema if self.object_schema is not None else {"type": "object"}


class StreamOptions(Strict):
    include_usage: bool = False


class Sampling(Strict):
    max_tokens: int | None = Field(None, ge=1)
    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    min_p: float | None = None
    repeat_penalty: float | None = None
    seed: int | None = None
    n: Literal[1] | None = None
    stream: bool = False
    stream_options: StreamOptions | None = None
    user: str | None = Field(None, max_length=200)


class ChatRequest(Sampling):
    model: str = Field(min_length=1, max_length=200)
    messages: list[Message] = Field(min_length=1, max_length=1000)
    max_completion_tokens: int | None = Field(None, ge=1)
    response_format: ResponseFormat | None = None
    template_variables: dict[str, Any] | None = None


class CompletionRequest(Sampling):
    model: str = Field(min_length=1, max_length=200)
    prompt: str | list[str]
    response_format: ResponseFormat | None = None

    def prompt_text(self) -> str:
        if isinstance(self.prompt, str):
            return self.prompt
        if len(self.prompt) != 1:
            raise ValueError("prompt must be one string (batches of prompts are not supported)")
        return self.prompt[0]


class ImageRequestBody(Strict):
    prompt: str = Field(min_length=1, max_length=4000)
    model: str | None = None
    n: int = Field(1, ge=1, le=8)
    size: str | None = None
    response_format: Literal["b64_json", "url", "file"] = "b64_json"
    user: str | None = Field(None, max_length=200)
    negative_prompt: str = ""
    steps: int | None = Field(None, ge=1, le=150)
    guidance: float | None = None
    seed: int | None = None
