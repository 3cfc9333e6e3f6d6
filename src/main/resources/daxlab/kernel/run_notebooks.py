"""Executes notebooks with nbclient and renders each to HTML; daxlab's `notebooks` command runs this.

One JSON line per notebook on stdout: {"notebook", "ok", "seconds", "html", "error"}.
Usage: run_notebooks.py --site DIR --timeout SECONDS [--inplace] NOTEBOOK...
"""
import argparse
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter
from traitlets.config import Config

# nbconvert's HTML template passes SVG output through its HTML sanitizer, which strips the
# shapes of a chart; PNG goes in as an <img>. So the HTML takes PNG before SVG (the notebook
# itself keeps both).
PRIORITY = ["application/javascript", "text/html", "text/markdown", "image/png", "image/jpeg",
            "image/svg+xml", "text/latex", "text/plain"]


def html_exporter():
    c = Config()
    c.NbConvertBase.display_data_priority = PRIORITY
    c.HTMLExporter.display_data_priority = PRIORITY
    return HTMLExporter(config=c)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", required=True)
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--kernel", default="java")
    ap.add_argument("--inplace", action="store_true")
    ap.add_argument("notebooks", nargs="+")
    args = ap.parse_args()
    os.makedirs(args.site, exist_ok=True)
    exporter = html_exporter()
    failed = 0
    for path in args.notebooks:
        name = os.path.splitext(os.path.basename(path))[0]
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, timeout=args.timeout, kernel_name=args.kernel,
                                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        started = time.time()
        error = None
        try:
            client.execute()
        except CellExecutionError as e:
            error = str(e)
        except Exception as e:  # kernel died, timeout: still render what ran
            error = "%s: %s" % (type(e).__name__, e)
        seconds = time.time() - started
        if args.inplace and error is None:
            nbformat.write(nb, path)
        executed = os.path.join(args.site, name + ".ipynb")
        nbformat.write(nb, executed)
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": name}})
        html = os.path.join(args.site, name + ".html")
        with open(html, "w", encoding="utf-8") as f:
            f.write(body)
        failed += error is not None
        print(json.dumps({"notebook": path, "ok": error is None, "seconds": round(seconds, 2),
                          "html": html, "error": error}), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
