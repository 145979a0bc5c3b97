"""Run learners' notebooks for grading: every code cell, past failures, and report each cell's fate.

Usage: python3 runForGrades.py --report FILE --mime TYPE [--timeout SECONDS] NOTEBOOK...

Each notebook runs alone in a fresh kernel (the kernelspec "tslab"), in its own folder, one after the
other. Unlike scripts/executeNotebooks.py it does not stop at a failed cell: the grader decides what a
failure means for each exercise. For every code cell the report gives its status, the reason when it is
not "ok", and the exercise verdicts it showed (the data of MIME type TYPE in its outputs):
  ok        the kernel replied "ok"
  error     the kernel replied "error" (tslab puts the diagnostic on the cell's stderr)
  abort     tslab cancelled the cell (it aborts what arrives within 200 ms of a failure; the runner
            waits that out and retries once, so this is rare)
  timeout   the cell ran longer than --timeout seconds and was interrupted (SIGINT); the first code
            cell, which compiles the course's src, may take FIRST_CELL_SECONDS
  dead      the kernel died while running this cell, or did not answer the interrupt: it is stopped
  not run   a cell after a dead kernel
The report is JSON: [{notebook, seconds, error?, cells: [{index, id, status, reason?, verdicts}]}].
A notebook nbformat cannot read, or whose kernel does not start, gets `error` and no cells.
"""
import argparse
import asyncio
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from executeNotebooks import cell_stderr, without_kernel_frames  # noqa: E402

# tslab cancels every request that arrives within 200 ms after a failed cell.
ABORT_WINDOW = 0.3
# The first code cell imports ./src/index: tslab type-checks and compiles the course's src then, which
# takes seconds (more on a loaded machine) whatever the learner wrote. It gets at least this long.
FIRST_CELL_SECONDS = 120


class GradingClient(NotebookClient):
    """Keeps each cell's reply; interrupts a cell that runs too long once, and gives up on the kernel
    when it does not answer the interrupt (a second timeout on the same cell)."""

    timed_out = None
    reply = None

    async def _async_handle_timeout(self, timeout, cell=None):
        if self.timed_out is cell:
            raise CellTimeoutError.error_from_timeout_and_cell("no answer to the interrupt", timeout, cell)
        self.timed_out = cell
        await self.km.interrupt_kernel()
        return None

    async def _check_raise_for_error(self, cell, cell_index, exec_reply):
        self.reply = exec_reply  # with allow_errors, nothing is raised: the grader reads the status


def verdicts_of(cell, mime):
    """The verdicts a cell showed: the data of the verdict MIME type in its outputs."""
    return [
        o["data"][mime]
        for o in cell.get("outputs", [])
        if o.get("output_type") in ("display_data", "execute_result") and mime in o.get("data", {})
    ]


def reason_of(cell, reply):
    """Why a cell failed: its stderr without the kernel's own stack frames, or the reply's error."""
    text = without_kernel_frames(cell_stderr(cell)).strip()
    if not text:
        content = (reply or {}).get("content", {})
        text = " ".join(p for p in (content.get("ename"), content.get("evalue")) if p)
    return text


async def run_cell(client, cell, index):
    """Runs one cell; returns (status, reason). An aborted cell never ran: it is tried once more."""
    timeout = client.timeout_func(cell)
    for attempt in (1, 2):
        client.timed_out, client.reply = None, None
        try:
            await client.async_execute_cell(cell, index)
        except CellTimeoutError:
            return "dead", f"ran longer than {timeout} s and did not answer the interrupt: the kernel was stopped"
        except DeadKernelError:
            return "dead", "the kernel died while running this cell"
        status = ((client.reply or {}).get("content") or {}).get("status", "error")
        if status == "abort" and attempt == 1:
            await asyncio.sleep(ABORT_WINDOW)
            continue
        break
    if client.timed_out is cell:
        return "timeout", f"ran longer than {timeout} s (an endless loop?) and was interrupted"
    if status == "ok":
        return "ok", None
    if status == "abort":
        return "abort", "the kernel aborted this cell (a cell before it failed, or it was interrupted)"
    return status, reason_of(cell, client.reply) or f"the kernel replied {status!r} with no message"


async def run_notebook(path, timeout, mime):
    started = time.monotonic()
    result = {"notebook": path, "cells": []}
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as error:  # not JSON, or not nbformat's shape
        result.update(error=f"nbformat cannot read it: {type(error).__name__}: {error}", seconds=0)
        return result
    first = next((c for c in nb.cells if c.cell_type == "code"), None)
    client = GradingClient(
        nb,
        timeout_func=lambda cell: max(timeout, FIRST_CELL_SECONDS) if cell is first else timeout,
        kernel_name="tslab",
        allow_errors=True,
        interrupt_on_timeout=True,
        record_timing=False,
        startup_timeout=120,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    try:
        async with client.async_setup_kernel():
            stopped = None
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                entry = {"index": index, "id": cell.get("id"), "verdicts": []}
                result["cells"].append(entry)
                if stopped:
                    entry.update(status="not run", reason=stopped)
                    continue
                status, reason = await run_cell(client, cell, index)
                entry.update(status=status, verdicts=verdicts_of(cell, mime))
                if reason:
                    entry["reason"] = reason
                if status == "dead":
                    stopped = f"the kernel stopped at cell {index + 1}: {reason}"
                elif status != "ok":
                    await asyncio.sleep(ABORT_WINDOW)
    except Exception as error:  # the kernel would not start, and the like
        result["error"] = f"the kernel could not run it: {type(error).__name__}: {error}"
    result["seconds"] = round(time.monotonic() - started, 1)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*")
    parser.add_argument("--report", required=True)
    parser.add_argument("--mime", required=True, help="the MIME type of the exercise verdicts")
    parser.add_argument("--timeout", type=int, default=120, help="seconds one cell may run")
    args = parser.parse_args()
    results = []
    for path in args.notebooks:
        results.append(asyncio.run(run_notebook(path, args.timeout, args.mime)))
        print(f"{os.path.basename(path)}: {results[-1]['seconds']} s", flush=True)
    with open(args.report, "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
