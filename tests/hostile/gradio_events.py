"""Run an app's events the way its page does, including those without an API name (api_name=False), which
gradio_client refuses to call: join the queue with the event's fn_index, then read the session's event stream."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx


def call_event(url: str, elem_id: str, trigger: str, data: list[Any], session: str | None = None) -> dict[str, Any]:
    """Run the `trigger` event ("click", "upload", ...) of the component with `elem_id`; returns the completion
    message (`success`, `output`). `data` holds the values of the event's first inputs; the rest (session state)
    are sent empty, as the browser does. `session`: a session hash to share state with (a gradio_client's)."""
    config = httpx.get(url + "config", timeout=10).json()
    ids = {c["id"] for c in config["components"] if c.get("props", {}).get("elem_id") == elem_id}
    dependency, trigger_id = next(
        (d, target)
        for d in config["dependencies"]
        for target, event in d["targets"]
        if target in ids and event == trigger
    )
    session = session or uuid.uuid4().hex
    data = data + [None] * (len(dependency["inputs"]) - len(data))
    body = {"data": data, "fn_index": dependency["id"], "trigger_id": trigger_id, "session_hash": session}
    httpx.post(url + "gradio_api/queue/join", json={**body, "event_data": None}, timeout=10).raise_for_status()
    with httpx.stream("GET", url + "gradio_api/queue/data", params={"session_hash": session}, timeout=60) as events:
        for line in events.iter_lines():
            if line.startswith("data:"):
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed":
                    return message
    raise AssertionError("the event stream ended before the event completed")


def upload(url: str, name: str, content: bytes) -> dict[str, Any]:
    """Upload a file as the browser does; returns the FileData an upload event then receives."""
    response = httpx.post(url + "gradio_api/upload", files=[("files", (name, content))], timeout=10)
    response.raise_for_status()
    path = response.json()[0]
    return {"path": path, "orig_name": name, "size": len(content), "meta": {"_type": "gradio.FileData"}}
