"""A small OpenAI-compatible server on 127.0.0.1 for the LLM tests (Chat Completions, streaming).

Each test sets `server.behaviour` to a function (request body → reply content, or a special
action) and reads `server.requests` (and `server.headers`) to see exactly what the app sent.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Behaviour = Callable[[dict[str, Any]], Any]


def scripted_line(body: dict[str, Any]) -> str:
    """The scripted answer the app put in the prompt ("" when there is none)."""
    system = body["messages"][0]["content"]
    match = re.search(r'what you observed and answer is: "(.*?)"\. Say it', system, re.S)
    return match.group(1) if match else ""


def paraphrase(body: dict[str, Any]) -> dict[str, Any]:
    """A well-behaved model: repeats the scripted answer in persona, names no intent."""
    line = scripted_line(body)
    french = "« vous »" in body["messages"][0]["content"]
    filler = "Bon, d'accord." if french else "Right, okay."
    return {"intents": [], "reply": f"{filler} {line}".strip()}


@dataclass(frozen=True)
class Cut:
    """A streamed answer that breaks after `after` characters: `then` is stall, error or drop."""

    content: str
    after: int
    then: str = "stall"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:  # keep test output quiet
        pass

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length) or b"{}")
        server: LLMServer = self.server.owner  # type: ignore[attr-defined]
        server.requests.append(body)
        server.headers.append({k.lower(): v for k, v in self.headers.items()})
        result = server.behaviour(body)
        if result == "429":
            return self._send(429, {"error": {"message": "rate limited", "type": "rate_limit"}})
        if result == "500":
            return self._send(500, {"error": {"message": "boom", "type": "server_error"}})
        if result == "timeout":
            time.sleep(server.slow_seconds)
            return self._send(200, _completion("{}"))
        if isinstance(result, Cut):
            return self._stream(result.content, cut=result)
        content = result if isinstance(result, str) else json.dumps(result, ensure_ascii=False)
        if body.get("stream"):
            return self._stream(
                content, usage=bool((body.get("stream_options") or {}).get("include_usage"))
            )
        return self._send(200, _completion(content))

    def _send(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _stream(self, content: str, usage: bool = False, cut: Cut | None = None) -> None:
        server: LLMServer = self.server.owner  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        end = cut.after if cut else len(content)
        for i in range(0, end, 7):
            chunk = {
                "id": "c1",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": "test",
                "choices": [
                    {
                        "index": 0,
                        "delta": {"content": content[i : min(i + 7, end)]},
                        "finish_reason": None,
                    }
                ],
            }
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            self.wfile.flush()
            if server.chunk_seconds:
                time.sleep(server.chunk_seconds)
        if cut and cut.then == "stall":
            time.sleep(server.slow_seconds)
            return
        if cut and cut.then == "error":
            self.wfile.write(
                b'data: {"error": {"message": "overloaded", "type": "server_error"}}\n\n'
            )
            return
        if cut:  # drop: the connection closes in the middle of the answer
            return
        if usage:
            chunk = {
                "id": "c1",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": "test",
                "choices": [],
                "usage": {"prompt_tokens": 321, "completion_tokens": 23, "total_tokens": 344},
            }
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")


def _completion(content: str) -> dict[str, Any]:
    return {
        "id": "c1",
        "object": "chat.completion",
        "created": 0,
        "model": "test",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 321, "completion_tokens": 23, "total_tokens": 344},
    }


class LLMServer:
    """The server, its behaviour and what it received."""

    def __init__(self) -> None:
        self.behaviour: Behaviour = paraphrase
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []  # each request's headers (names in lower case)
        self.slow_seconds = 3.0
        self.chunk_seconds = 0.0
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.owner = self  # type: ignore[attr-defined]
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}/v1"

    def __enter__(self) -> LLMServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
