"""A small client for any OpenAI-compatible endpoint: structured JSON replies, usage, failures.

Configuration comes from the environment (or the app's settings): HOTLINER_LLM_BASE_URL,
HOTLINER_LLM_API_KEY (else OPENAI_API_KEY), HOTLINER_LLM_MODEL, HOTLINER_LLM_TIMEOUT,
HOTLINER_LLM_RETRIES, HOTLINER_LLM_STREAM ("0" for servers that cannot stream). The key is never
logged nor shown back. Every failure becomes an LLMFailure
with a short reason, so the caller can fall back to scripted mode without breaking the call.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from simulator.lazy_import import lazy

openai = lazy("openai")  # a second to import: on the first client, not with the app


class LLMFailure(Exception):
    """The model could not give a usable answer; `reason` is one short word for the event log."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class LLMConfig:
    """Where and how to reach the model."""

    base_url: str
    model: str
    api_key: str = field(default="", repr=False)
    timeout: float = 20.0
    retries: int = 1
    stream: bool = True

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> LLMConfig | None:
        """The configuration in `env`, or None when no endpoint is configured."""
        base_url = env.get("HOTLINER_LLM_BASE_URL", "").strip()
        model = env.get("HOTLINER_LLM_MODEL", "").strip()
        if not base_url or not model:
            return None
        key = env.get("HOTLINER_LLM_API_KEY") or env.get("OPENAI_API_KEY") or "not-needed"
        return cls(
            base_url=base_url,
            model=model,
            api_key=key,
            timeout=float(env.get("HOTLINER_LLM_TIMEOUT", "20") or 20),
            retries=int(env.get("HOTLINER_LLM_RETRIES", "1") or 1),
            stream=env.get("HOTLINER_LLM_STREAM", "1").strip().lower()
            not in ("0", "no", "false", "off"),
        )


@dataclass(frozen=True)
class Completion:
    """A parsed JSON answer and what it cost."""

    data: dict[str, Any]
    prompt_tokens: int
    completion_tokens: int
    seconds: float


class LLMClient:
    """Chat completions with a JSON schema, validated here whatever the server claims."""

    def __init__(self, config: LLMConfig):
        self.config = config
        self._client = openai.OpenAI(
            base_url=config.base_url,
            api_key=config.api_key,
            timeout=config.timeout,
            max_retries=config.retries,
        )

    def complete_json(
        self,
        messages: list[dict[str, str]],
        schema: dict[str, Any],
        name: str,
        stream: bool = False,
        temperature: float = 0.7,
        on_text: Callable[[str], None] | None = None,
    ) -> Completion:
        """Ask for one JSON object matching `schema`; raise LLMFailure on any failure.

        When streaming, `on_text` (if given) receives the raw text received so far after each chunk.
        """
        started = time.perf_counter()
        extra = {"stream_options": {"include_usage": True}} if stream else {}
        try:
            response = self._client.chat.completions.create(
                model=self.config.model,
                messages=messages,
                temperature=temperature,
                stream=stream,
                response_format={
                    "type": "json_schema",
                    "json_schema": {"name": name, "schema": schema, "strict": True},
                },
                **extra,
            )
            text, usage = _read_stream(response, on_text) if stream else _read(response)
        except openai.APITimeoutError as exc:
            raise LLMFailure("timeout") from exc
        except openai.RateLimitError as exc:
            raise LLMFailure("rate_limited") from exc
        except openai.APIConnectionError as exc:
            raise LLMFailure("connection") from exc
        except openai.APIStatusError as exc:
            raise LLMFailure("http_error", str(exc.status_code)) from exc
        except openai.APIError as exc:  # an error event in the middle of a stream
            raise LLMFailure("stream_error", type(exc).__name__) from exc
        except openai.OpenAIError as exc:
            raise LLMFailure("client_error", type(exc).__name__) from exc
        try:
            data = json.loads(text)
        except (TypeError, ValueError) as exc:
            raise LLMFailure("invalid_json") from exc
        problem = check_schema(data, schema)
        if problem:
            raise LLMFailure("schema", problem)
        return Completion(data, usage[0], usage[1], round(time.perf_counter() - started, 3))

    def check(self) -> dict[str, Any]:
        """Whether the endpoint answers and honours JSON-schema output."""
        schema = {
            "type": "object",
            "additionalProperties": False,
            "required": ["ok", "word"],
            "properties": {"ok": {"type": "boolean"}, "word": {"type": "string"}},
        }
        messages = [
            {"role": "user", "content": 'Answer with the JSON object {"ok": true, "word": "pong"}.'}
        ]
        try:
            reply = self.complete_json(messages, schema, "check", temperature=0)
        except LLMFailure as exc:
            return {
                "reachable": exc.reason not in ("timeout", "connection", "http_error"),
                "json_schema": False,
                "reason": exc.reason,
                "detail": exc.detail,
            }
        return {"reachable": True, "json_schema": True, "seconds": reply.seconds}


def _read(response: Any) -> tuple[str, tuple[int, int]]:
    choice = response.choices[0] if response.choices else None
    text = choice.message.content if choice and choice.message else None
    usage = response.usage
    return text or "", (
        getattr(usage, "prompt_tokens", 0) or 0,
        getattr(usage, "completion_tokens", 0) or 0,
    )


def _read_stream(
    response: Any, on_text: Callable[[str], None] | None = None
) -> tuple[str, tuple[int, int]]:
    parts, usage = [], (0, 0)
    for chunk in response:
        if chunk.choices and chunk.choices[0].delta and chunk.choices[0].delta.content:
            parts.append(chunk.choices[0].delta.content)
            if on_text is not None:
                on_text("".join(parts))
        if getattr(chunk, "usage", None):
            usage = (chunk.usage.prompt_tokens or 0, chunk.usage.completion_tokens or 0)
    return "".join(parts), usage


def check_schema(data: Any, schema: dict[str, Any]) -> str:
    """'' if `data` matches the (small) JSON schema subset used here, else what is wrong."""
    kind = schema.get("type")
    if kind == "object":
        if not isinstance(data, dict):
            return "not an object"
        missing = [k for k in schema.get("required", []) if k not in data]
        if missing:
            return f"missing {', '.join(missing)}"
        if schema.get("additionalProperties") is False:
            extra = sorted(set(data) - set(schema.get("properties", {})))
            if extra:
                return f"unexpected {', '.join(extra)}"
        for key, sub in schema.get("properties", {}).items():
            if key in data:
                problem = check_schema(data[key], sub)
                if problem:
                    return f"{key}: {problem}"
        return ""
    if kind == "array":
        if not isinstance(data, list):
            return "not a list"
        for item in data:
            problem = check_schema(item, schema.get("items", {}))
            if problem:
                return problem
        return ""
    checks = {"string": str, "boolean": bool, "integer": int, "number": (int, float)}
    if kind in checks and (
        not isinstance(data, checks[kind]) or (kind != "boolean" and isinstance(data, bool))
    ):
        return f"not a {kind}"
    if "enum" in schema and data not in schema["enum"]:
        return f"{str(data)[:40]!r} not allowed"
    if kind == "string" and len(data) > schema.get("maxLength", 10**6):
        return "too long"
    return ""
