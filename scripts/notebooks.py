"""Runs the example notebooks with the real kernel (nbclient), to write their outputs or to check
that a fresh run gives the committed ones.

  python scripts/notebooks.py run   --kernel NAME examples/*.ipynb   # execute and save outputs
  python scripts/notebooks.py check --kernel NAME examples/x.ipynb   # execute a copy and compare

`check` fails on any error output, and on outputs that differ from the committed ones once what
changes from run to run (timings, Spark's expression ids, progress displays) is normalized.
A cell keeps a progress summary ("Spark: 3 stages, ...") only when its Spark work took a second
or more, so whether one is there depends on the machine: `run` saves them, `check` ignores them.
"""
import argparse
import copy
import difflib
import json
import os
import re
import sys

import nbformat
from nbclient import NotebookClient

VOLATILE = [
    (re.compile(r"#\d+L?\b"), "#N"),                       # Spark expression ids in plans
    (re.compile(r"\b\d+(\.\d+)? s\b"), "<secs> s"),        # elapsed times
    (re.compile(r"\b\d+(\.\d+)?\s?ms\b"), "<ms> ms"),
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"), "<uuid>"),
    (re.compile(r"sc://[^\s\"'<]+"), "sc://<server>"),
]


def normalize_text(text):
    for pattern, repl in VOLATILE:
        text = pattern.sub(repl, text)
    return text


def kept_outputs(cell):
    """Outputs worth keeping: progress displays end empty and are dropped."""
    kept = []
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if out.get("output_type") == "display_data" and set(data) <= {"text/plain"} and not data.get("text/plain", "").strip():
            continue
        kept.append(out)
    return kept


def is_progress_summary(out):
    text = out.get("data", {}).get("text/plain", "")
    text = "".join(text) if isinstance(text, list) else text
    return out.get("output_type") == "display_data" and text.startswith("Spark: ")


def comparable(nb):
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outs = []
        for out in kept_outputs(cell):
            if is_progress_summary(out):
                continue
            out = copy.deepcopy(out)
            out.pop("execution_count", None)
            out.pop("metadata", None)
            out.pop("transient", None)
            outs.append(out)
        cells.append({"source": cell.source, "outputs": outs})
    return normalize_text(json.dumps(cells, indent=1, sort_keys=True, ensure_ascii=False))


def execute(path, kernel):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=kernel, timeout=600, allow_errors=True,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    client.execute()
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = kept_outputs(cell)
    return nb


def errors_of(nb):
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error" and not cell.metadata.get("tags", []).count("raises-exception"):
                found.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}")
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["run", "check"])
    parser.add_argument("--kernel", required=True)
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    failed = False
    for path in args.notebooks:
        fresh = execute(path, args.kernel)
        errors = errors_of(fresh)
        if args.mode == "run":
            fresh.metadata["kernelspec"] = {"name": "spark-ts", "display_name": "TypeScript (Spark)", "language": "typescript"}
            nbformat.write(fresh, path)
            print(f"{path}: executed and saved" + (f" ({len(errors)} unexpected errors)" if errors else ""))
            failed |= bool(errors)
            continue
        committed = nbformat.read(path, as_version=4)
        want, got = comparable(committed), comparable(fresh)
        if errors:
            failed = True
            print(f"{path}: unexpected errors:\n  " + "\n  ".join(errors))
        if want != got:
            failed = True
            diff = difflib.unified_diff(want.splitlines(), got.splitlines(), "committed", "fresh run", lineterm="", n=2)
            print(f"{path}: outputs differ from the committed ones:\n" + "\n".join(list(diff)[:80]))
        if not errors and want == got:
            print(f"{path}: ok")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
