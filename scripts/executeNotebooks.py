"""Execute notebooks in a real kernel (tslab or Deno's) and report every failure with notebook, cell and message.

Usage: python3 executeNotebooks.py --out DIR [--kernel tslab|deno] [--timeout SECONDS] [--runs N]
       [--report FILE] NOTEBOOK...

Each notebook runs in a fresh kernel with the notebook's own folder as working directory. The executed
copy is written to DIR (never over the source). tslab answers a failed cell with an *empty* error (the
diagnostic is on the cell's stderr) and then answers the cells queued behind it with status "abort";
both count as failures here, and the report shows the cell's stderr. Deno's kernel answers a failed
cell with a proper error reply (name, message, stack): the report shows those; and as it may deliver a
cell's outputs after reporting the cell done, each of its cells is followed by a marker output that
collects them (StrictClient.collect_late_outputs). One failing notebook does not stop
the others; the exit status is 1 when any notebook failed. With --runs 2 every cell's output must be the
same in both runs, except in cells tagged "timing" (measured times cannot repeat exactly).
"""
import argparse
import json
import os
import re
import sys
import uuid
import time

import nbformat
from jupyter_core.utils import ensure_async
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbclient.util import run_sync


class CellFailed(Exception):
    def __init__(self, cell_index, status, message):
        super().__init__(message)
        self.cell_index = cell_index
        self.status = status
        self.message = message


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def cell_stderr(cell):
    """The text a cell wrote to stderr, plus any error output it carries (without terminal colours)."""
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream" and output.get("name") == "stderr":
            parts.append(output.get("text", ""))
        elif output.get("output_type") == "error":
            heading = ": ".join(p for p in (output.get("ename"), output.get("evalue")) if p)
            traceback = [ANSI.sub("", line) for line in output.get("traceback", [])]
            # Deno's traceback starts with the same "Name: message" line: show it once.
            if traceback and ANSI.sub("", heading).startswith(traceback[0].strip()):
                traceback = traceback[1:]
            parts.append(heading)
            parts.extend(traceback)
    return ANSI.sub("", "\n".join(p for p in parts if p)).strip()


def without_kernel_frames(text):
    """The error without the stack frames of the kernels' and runtimes' internals (tslab, Node, Deno), which say nothing about the cell."""
    noise = ("node_modules/tslab/", "node:vm", "node:internal", "sigintHandlersWrap", "processTicksAndRejections", "ext:")
    return "\n".join(line for line in text.splitlines() if not (line.strip().startswith("at ") and any(n in line for n in noise)))


class StrictClient(NotebookClient):
    """A client for which an error reply *and* an aborted cell are failures."""

    current_cell = None
    runs = 1  # "Restart & Run All" this many times in one kernel session
    run = 0

    async def async_execute(self, reset_kc=False, **kwargs):
        self.reset_execution_trackers()
        async with self.async_setup_kernel(**kwargs):
            info = await self.async_wait_for_reply(await ensure_async(self.kc.kernel_info()))
            self.nb.metadata["language_info"] = info["content"]["language_info"]
            first_outputs = None
            for self.run in range(1, self.runs + 1):
                if self.run > 1:
                    await ensure_async(self.km.restart_kernel())
                    await ensure_async(self.kc.wait_for_ready(timeout=self.startup_timeout))
                    self.reset_execution_trackers()
                for index, cell in enumerate(self.nb.cells):
                    await self.async_execute_cell(cell, index, execution_count=self.code_cells_executed + 1)
                # A cell tagged "timing" shows measured times: it must run, but its output may differ.
                outputs = [None if "timing" in cell.get("metadata", {}).get("tags", []) else json.dumps(cell.get("outputs", []), sort_keys=True) for cell in self.nb.cells]
                if first_outputs is None:
                    first_outputs = outputs
                else:
                    changed = next((i for i, (a, b) in enumerate(zip(first_outputs, outputs)) if a != b), None)
                    if changed is not None:
                        raise CellFailed(changed, "not reproducible", "this cell's output differs between two runs: is some randomness not seeded, or a time or path shown?")
        return self.nb

    async def async_execute_cell(self, cell, cell_index, *args, **kwargs):
        self.current_cell = cell_index  # so a timeout or a dead kernel can name the cell
        result = await super().async_execute_cell(cell, cell_index, *args, **kwargs)
        if self.kernel_name == "deno" and cell.cell_type == "code" and cell.source.strip():
            await self.collect_late_outputs(cell, cell_index)
        return result

    async def collect_late_outputs(self, cell, cell_index):
        """Deno's kernel (2.9) hands a cell's outputs to a task that sends them on its own time, and
        tells Jupyter the cell is done ("idle") after a fixed 5 ms: on a busy machine outputs arrive
        after it, where nbclient (like JupyterLab) no longer looks, or under the next cell's request.
        They keep their order, so a marker output sent by a cell of its own comes after every one of
        them: everything before it belongs to this cell."""
        marker = f"downhill-flush-{uuid.uuid4().hex}"
        code = f'Deno.jupyter.broadcast("display_data", {{ data: {{ "text/plain": "{marker}" }}, metadata: {{}}, transient: {{}} }});'
        await ensure_async(self.kc.execute(code, store_history=False))
        deadline = time.monotonic() + (self.timeout or 600)
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise CellFailed(cell_index, "timeout", "the kernel did not deliver this cell's outputs")
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=remaining))
            kind = msg["msg_type"]
            if kind == "display_data" and msg["content"].get("data", {}).get("text/plain") == marker:
                return
            if kind in ("stream", "display_data", "update_display_data", "execute_result", "error", "clear_output"):
                self.process_message(msg, cell, cell_index)

    async def _check_raise_for_error(self, cell, cell_index, exec_reply):
        if exec_reply is None:
            return
        content = exec_reply["content"]
        status = content.get("status")
        if status == "ok":
            return
        message = without_kernel_frames(cell_stderr(cell))
        if not message:
            message = " ".join(p for p in (content.get("ename"), content.get("evalue")) if p)
        if status == "abort" and not message:
            message = "the kernel aborted this cell (a cell before it failed, or the kernel was interrupted)"
        raise CellFailed(cell_index, status, message or f"status {status!r} with no message")


def code_cell_number(nb, cell_index):
    """1-based position of a cell among the notebook's code cells, as a reader counts them."""
    return sum(1 for c in nb.cells[: cell_index + 1] if c.cell_type == "code")


def where(nb, cell_index):
    if cell_index is None:
        return {"cell": None}
    return {"cell": cell_index + 1, "code_cell": code_cell_number(nb, cell_index), "source": nb.cells[cell_index].source}


def execute(path, out_dir, timeout, kernel_name, runs=1):
    started = time.monotonic()
    result = {"notebook": path, "passed": False}
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as error:  # malformed JSON or schema: say which file
        result.update(cell=None, message=f"cannot read notebook: {error}")
        return result
    client = StrictClient(
        nb,
        timeout=timeout,
        kernel_name=kernel_name,
        record_timing=False,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    client.runs = runs
    try:
        run_sync(client.async_execute)()
        result["passed"] = True
    except CellFailed as failure:
        result.update(where(nb, failure.cell_index), status=failure.status, message=failure.message)
    except CellTimeoutError:
        result.update(where(nb, client.current_cell), status="timeout", message=f"the cell ran longer than {timeout} s (an endless loop?) and was stopped")
    except DeadKernelError as error:
        result.update(where(nb, client.current_cell), status="dead", message=f"the kernel died while running this cell: {error}")
    except Exception as error:  # kernel would not start, and the like
        result.update(cell=None, status="error", message=f"{type(error).__name__}: {error}")
    if not result["passed"] and runs > 1:
        result["run"] = client.run
    result["seconds"] = round(time.monotonic() - started, 1)
    os.makedirs(out_dir, exist_ok=True)
    nbformat.write(nb, os.path.join(out_dir, os.path.basename(path)))
    return result


def describe(result):
    name = os.path.basename(result["notebook"])
    if result["passed"]:
        return f"PASS {name} ({result['seconds']} s)"
    where = f"cell {result['cell']}" if result.get("cell") else "notebook"
    if result.get("code_cell"):
        where += f" (code cell {result['code_cell']})"
    if result.get("run", 1) > 1:
        where += f", in run {result['run']} after a kernel restart"
    lines = [f"FAIL {name}, {where} [{result.get('status', 'error')}]:"]
    lines += ["    " + line for line in str(result.get("message", "")).splitlines()]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--out", required=True, help="folder for the executed copies")
    parser.add_argument("--timeout", type=int, default=600, help="seconds one cell may run")
    parser.add_argument("--kernel", default="tslab", help="the kernelspec to run them in: tslab (default) or deno")
    parser.add_argument("--runs", type=int, default=1, help='"Restart & Run All" this many times in one kernel session')
    parser.add_argument("--report", help="write the results as JSON to this file")
    args = parser.parse_args()
    results = []
    for path in args.notebooks:
        result = execute(path, args.out, args.timeout, args.kernel, args.runs)
        print(describe(result), flush=True)
        results.append(result)
    if args.report:
        with open(args.report, "w") as f:
            json.dump(results, f, indent=2)
    failed = [r for r in results if not r["passed"]]
    print(f"{len(results) - len(failed)} of {len(results)} notebooks passed", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
