"""The call screen's streamed say step (LLM mode): the caller's words as they pass the guard, then
the very HTML the htmx step returns, so the page ends in the same state either way.

`POST /calls/<id>/say/stream` answers `text/event-stream` with, in order:

- `delta` events `{"text": "..."}`: pieces of the model's reply that passed the guard so far
  (nothing unrevealed ever reaches the page; the final reply may still be the scripted one);
- then exactly one of `final` `{"html": ...}` (the step's entries and status panel),
  `redirect` `{"url": ...}` (the call ended: its debrief) or `error` `{"status": 4xx/5xx, "html":
  ...}`
  (the step was refused or failed: the step-error banner, nothing lost from the form).

The step runs in a worker thread under the same per-call lock as the normal step
(`web.shared.live_calls.apply_step`); the response's generator relays its deltas through a queue.
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Iterator
from typing import Any

from flask import (
    Blueprint,
    Flask,
    Response,
    current_app,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_babel import gettext as _
from flask_login import login_required

from simulator.call import CallEnded
from simulator.steps import StepError
from web.calls.call_screen import by_mail, ended_words, own_call, step_refusal, step_result_html
from web.shared.database import get_db
from web.shared.live_calls import StaleCall, apply_step
from web.shared.rate_limits import limited
from web.shared.step_form import step_from_form

bp = Blueprint("say_stream", __name__)


def _event(kind: str, data: dict[str, Any]) -> str:
    return f"event: {kind}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _error(status: int, message: str) -> str:
    return _event(
        "error",
        {"status": status, "html": render_template("calls/_step_error.html", message=message)},
    )


def _stream(body: Iterator[str]) -> Response:
    response = Response(stream_with_context(body), mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"  # a proxy in front must not hold the deltas back
    return response


def _run(app: Flask, call_id: int, raw: Any, pieces: queue.Queue) -> None:
    """The worker: apply the step with its own database connection; report through `pieces`."""
    with app.app_context():
        try:
            call, events = apply_step(
                get_db(), call_id, raw, lambda text: pieces.put(("delta", text))
            )
        except (StepError, CallEnded, StaleCall) as exc:
            pieces.put(("refused", exc))
        except Exception as exc:  # noqa: BLE001 - reported to the page, logged here
            app.logger.exception("streamed step of call %s failed", call_id)
            pieces.put(("failed", exc))
        else:
            pieces.put(("done", (call, events)))


def _failed_words(mail: bool) -> str:
    if mail:
        return _(
            "The step could not be completed. Reload the page to see where the exchange stands."
        )
    return _("The step could not be completed. Reload the page to see where the call stands.")


@bp.route("/calls/<int:call_id>/say/stream", methods=["POST"])
@login_required
@limited("step")
def say(call_id: int):
    """Apply a say step, streaming the guarded model reply, then the step's HTML."""
    db, row = own_call(call_id)
    if row["status"] != "active":
        return _stream(iter([_error(409, ended_words(by_mail(db, call_id)))]))
    form = request.form.copy()
    form["step"] = "say"
    try:
        raw = step_from_form(form)
    except StepError as exc:
        return _stream(iter([_error(422, str(exc))]))
    app = current_app._get_current_object()
    pieces: queue.Queue = queue.Queue()

    def body() -> Iterator[str]:
        threading.Thread(target=_run, args=(app, call_id, raw, pieces), daemon=True).start()
        kind, value = pieces.get()
        while kind == "delta":
            yield _event("delta", {"text": value})
            kind, value = pieces.get()
        if kind == "refused":
            message, status = step_refusal(value, by_mail(get_db(), call_id))
            yield _error(status, message)
        elif kind == "failed":
            yield _error(500, _failed_words(by_mail(get_db(), call_id)))
        else:
            call, events = value
            if call.ended:
                yield _event("redirect", {"url": url_for("calls.debrief", call_id=call_id)})
            else:
                yield _event("final", {"html": step_result_html(row, call, events)})

    return _stream(body())
