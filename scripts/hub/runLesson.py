"""Run one lesson in several learners' kernels at the same time, through their single-user servers.

Usage: python3 runLesson.py --hub URL --token TOKEN --notebook notebooks/01-….ipynb [--keep] USER...

For each user, all at once: read the user's own copy of the notebook (contents API), start a kernel in a
session for it (sessions API: the kernel runs in the notebook's folder, as when the learner opens it),
then send every code cell over the kernel's websocket, in order, as JupyterLab's "Run All" does. A cell
passes when its reply is "ok" and it showed no error. tslab answers the cells after a failed one with
"abort": that is a failure too; a cell during which the kernel died has status "died". Unless --keep, the session (and its kernel) is deleted at the end.
Prints one JSON object: {"users": [{user, ok, seconds, kernel_seconds, cells, failures}, ...],
"seconds": wall time of the whole run}; each failure is {cell, status, errors, stderr}, with cell 0 when
the user's run failed before any cell (reading the notebook, starting the kernel). Exit status 1 when
any cell of any user failed.
Needs only tornado (JupyterHub and Jupyter depend on it).
"""
import argparse
import asyncio
import json
import sys
import time
import uuid
from urllib.parse import quote

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect


def message(msg_type, content, session):
    return {
        "header": {
            "msg_id": uuid.uuid4().hex,
            "msg_type": msg_type,
            "username": "downhill",
            "session": session,
            "version": "5.3",
            "date": "",
        },
        "parent_header": {},
        "metadata": {},
        "content": content,
        "channel": "shell",
        "buffers": [],
    }


async def api(client, method, url, token, body=None):
    request = HTTPRequest(
        url,
        method=method,
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
        body=None if body is None else json.dumps(body),
        connect_timeout=120,
        request_timeout=300,
    )
    response = await client.fetch(request)
    return json.loads(response.body) if response.body else None


async def run_cell(ws, code, session, timeout):
    """Sends one execute_request; returns (status, errors, stderr) once the reply and the idle status came."""
    request = message(
        "execute_request",
        {"code": code, "silent": False, "store_history": True, "user_expressions": {},
         "allow_stdin": False, "stop_on_error": True},
        session,
    )
    msg_id = request["header"]["msg_id"]
    await ws.write_message(json.dumps(request))
    status, idle, errors, stderr = None, False, [], []
    deadline = time.monotonic() + timeout
    while status is None or not idle:
        left = deadline - time.monotonic()
        if left <= 0:
            return "timeout", errors, stderr
        raw = await asyncio.wait_for(ws.read_message(), left)
        if raw is None:
            return "dead", errors + ["the kernel's websocket closed"], stderr
        if isinstance(raw, bytes):
            continue  # binary frames carry buffers; the course sends none
        msg = json.loads(raw)
        state = msg.get("content", {}).get("execution_state")
        if msg["header"]["msg_type"] == "status" and state in ("restarting", "dead"):
            # The server's own message, with no parent: the kernel process died (JupyterLab shows
            # "The kernel appears to have died"), e.g. at its memory limit.
            return "died", errors + [f"the kernel died (its server says {state})"], "".join(stderr).strip()
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["header"]["msg_type"]
        if kind == "execute_reply":
            status = msg["content"]["status"]
        elif kind == "error":
            errors.append(": ".join(p for p in (msg["content"].get("ename"), msg["content"].get("evalue")) if p) or "error")
        elif kind == "stream" and msg["content"].get("name") == "stderr":
            stderr.append(msg["content"]["text"])
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            idle = True
    return status, errors, "".join(stderr).strip()


async def run_user(hub, token, user, notebook, keep, timeout, kernel_name="tslab"):
    client = AsyncHTTPClient()
    base = f"{hub}/user/{quote(user)}/api"
    started = time.monotonic()
    nb = (await api(client, "GET", f"{base}/contents/{quote(notebook)}", token))["content"]
    session = await api(client, "POST", f"{base}/sessions", token, {
        "path": notebook, "name": notebook.rsplit("/", 1)[-1], "type": "notebook", "kernel": {"name": kernel_name},
    })
    kernel = session["kernel"]["id"]
    ws_url = base.replace("http", "ws", 1) + f"/kernels/{kernel}/channels?session_id={uuid.uuid4().hex}"
    # The server answers the websocket's handshake only once the kernel is up (Notebook 6 waits for its
    # kernel_info): on a loaded machine that can take longer than tornado's 20 s default.
    ws = await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": f"token {token}"}, connect_timeout=120, request_timeout=300))
    session_id = uuid.uuid4().hex
    kernel_info = message("kernel_info_request", {}, session_id)
    await ws.write_message(json.dumps(kernel_info))
    while True:  # the kernel is up when it answers kernel_info
        msg = json.loads(await asyncio.wait_for(ws.read_message(), 120))
        if msg["header"]["msg_type"] == "kernel_info_reply":
            break
    kernel_seconds = time.monotonic() - started
    failures, cells = [], 0
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        cells += 1
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        status, errors, stderr = await run_cell(ws, source, session_id, timeout)
        if status != "ok" or errors:
            failures.append({"cell": index + 1, "status": status, "errors": errors, "stderr": stderr[-2000:]})
    ws.close()
    if not keep:
        try:
            await api(client, "DELETE", f"{base}/sessions/{session['id']}", token)
        except Exception:
            # A kernel that died may be restarting: its session cannot be deleted yet (HTTP 500).
            if not any(f["status"] == "died" for f in failures):
                raise
    return {
        "user": user,
        "ok": not failures and cells > 0,
        "seconds": round(time.monotonic() - started, 3),
        "kernel_seconds": round(kernel_seconds, 3),
        "cells": cells,
        "failures": failures,
    }


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hub", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--notebook", required=True)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--kernel", default="tslab", help="the kernelspec: tslab (default) or deno")
    parser.add_argument("users", nargs="+")
    args = parser.parse_args()
    started = time.monotonic()
    results = await asyncio.gather(
        *(run_user(args.hub, args.token, u, args.notebook, args.keep, args.timeout, args.kernel) for u in args.users),
        return_exceptions=True,
    )
    users = [
        r if isinstance(r, dict) else {"user": u, "ok": False, "cells": 0, "failures": [{"cell": 0, "status": "error", "errors": [f"{type(r).__name__}: {r}"], "stderr": ""}]}
        for u, r in zip(args.users, results)
    ]
    print(json.dumps({"users": users, "seconds": round(time.monotonic() - started, 3)}))
    return 0 if all(u["ok"] for u in users) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
