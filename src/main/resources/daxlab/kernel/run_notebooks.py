"""Executes notebooks with nbclient and renders each to an HTML page; `daxlab notebooks` runs this.

Usage: run_notebooks.py --site DIR --kernel NAME [--timeout S] [--iopub-timeout S]
                        [--update-committed] NOTEBOOK...

For each notebook, in the order given: read it, execute it in a fresh kernel, write the executed
copy (SITE/NAME.ipynb) and its page (SITE/NAME.html, with links to the previous and next page and
the index), and with --update-committed write the executed notebook back over NOTEBOOK. Every
file is written to a temporary file in its own directory and renamed over the old one, so a full
disk or a kill leaves the old file whole. A notebook that cannot be read, whose kernel dies, whose
cell fails, or whose output arrives incomplete is reported and the next one runs.

Reports one line per notebook on stdout, "@daxlab-result " followed by JSON:
{"notebook", "ok", "seconds", "html", "executed", "title", "title_html", "summary_html", "error"}.
Exit status: 0 when every notebook ran, 1 otherwise.
"""
import argparse
import html
import json
import os
import re
import stat
import sys
import tempfile
import time

import jinja2
import nbformat
import zmq
from jupyter_client.asynchronous.client import AsyncKernelClient
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter
from traitlets.config import Config

RESULT = "@daxlab-result "

# nbconvert's HTML template passes SVG output through its HTML sanitizer, which strips the
# shapes of a chart; PNG goes in as an <img>. So the HTML takes PNG before SVG (the notebook
# itself keeps both).
PRIORITY = ["application/javascript", "text/html", "text/markdown", "image/png", "image/jpeg",
            "image/svg+xml", "text/latex", "text/plain"]

# The iopub messages that become a cell's outputs (status and execute_input do not).
OUTPUT_MESSAGES = {"stream", "display_data", "update_display_data", "execute_result", "error",
                   "clear_output"}

# Where a kernel may say how many output messages it published for a request, in its
# execute_reply's metadata. When it does, fewer arriving means some were lost on the way.
SENT_KEY = "daxlab_outputs"

NAV_STYLE = """<style>
.daxlab-nav{display:flex;justify-content:space-between;gap:1em;max-width:1100px;margin:.8em auto;
  padding:.5em .8em;font:14px/1.4 sans-serif;background:#f4f6f8;border:1px solid #d9dee3;border-radius:4px}
.daxlab-nav a{color:#1f5fa8;text-decoration:none}.daxlab-nav a:hover{text-decoration:underline}
.daxlab-nav .none{color:#999}.daxlab-nav code{font-size:90%}
.daxlab-status{max-width:1100px;margin:.4em auto;font:13px/1.4 sans-serif;color:#555}
.daxlab-failed{max-width:1100px;margin:.4em auto;padding:.6em .8em;font:14px/1.4 sans-serif;
  color:#8b1a1a;background:#fce4e4;border:1px solid #d62728;border-radius:4px;white-space:pre-wrap}
</style>
"""


class OutputLost(Exception):
    """A cell's output did not arrive whole."""


class LosslessClient(AsyncKernelClient):
    """A kernel client whose sockets queue without limit: ZeroMQ's default drops iopub messages
    past 1,000 queued, silently."""

    def _context_default(self):
        context = super()._context_default()
        context.setsockopt(zmq.RCVHWM, 0)
        return context


class Runner(NotebookClient):
    """nbclient that knows which cell it is running and checks that each cell's output arrived."""

    def __init__(self, nb, **kw):
        super().__init__(nb, on_cell_executed=self._check_outputs, **kw)
        self.cell_index = None
        self.received = 0

    def create_kernel_manager(self):
        km = super().create_kernel_manager()
        km.client_factory = LosslessClient
        return km

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        self.cell_index = cell_index
        self.received = 0
        return await super().async_execute_cell(cell, cell_index, execution_count, store_history)

    def process_message(self, msg, cell, cell_index):
        if msg.get("msg_type") in OUTPUT_MESSAGES:
            self.received += 1
        return super().process_message(msg, cell, cell_index)

    def _check_outputs(self, cell, cell_index, execute_reply):
        sent = ((execute_reply or {}).get("metadata") or {}).get(SENT_KEY)
        if isinstance(sent, int) and sent != self.received:
            raise OutputLost("the kernel sent %d output message(s), %d arrived: %d lost"
                             % (sent, self.received, sent - self.received))


def cell_name(nb, index):
    """'code cell 3 (cell 5 of 12): `first line`' for error reports."""
    if index is None:
        return "before the first cell"
    cells = nb.cells
    code = sum(1 for c in cells[:index + 1] if c.cell_type == "code")
    first = next((line for line in cells[index].source.splitlines() if line.strip()), "").strip()
    if len(first) > 80:
        first = first[:77] + "..."
    return "code cell %d (cell %d of %d): %s" % (code, index + 1, len(cells), first)


def read_notebook(path):
    """(notebook, None) or (None, what is wrong with the file, with line and column for bad JSON)."""
    name = os.path.basename(path)
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        return None, "%s: cannot be read: %s" % (name, e)
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        return None, "%s:%d:%d: not a notebook: invalid JSON (%s)" % (name, e.lineno, e.colno, e.msg)
    try:
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except Exception as e:  # nbformat's validation errors have many types
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        return None, "%s: not a valid notebook: %s" % (name, first)
    return nb, None


def title_of(nb, fallback):
    """The first heading of the first markdown cell that has one."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            m = re.match(r"^#{1,6}\s+(.*\S)\s*$", line)
            if m:
                return m.group(1)
    return fallback


def summary_of(nb):
    """What the notebook settles: its metadata's daxlab.settles, else the first sentence of the
    paragraph of its first markdown cell that opens with a statement (not a heading, a quote, code,
    a list, or a lead-in ending in a colon); None when there is none."""
    settles = (nb.metadata.get("daxlab") or {}).get("settles")
    if isinstance(settles, str) and settles.strip():
        return " ".join(settles.split())
    first = next((c for c in nb.cells if c.cell_type == "markdown"), None)
    if first is None:
        return None
    # A heading ends a paragraph whether or not a blank line follows it.
    source = re.sub(r"(?m)^#{1,6}\s.*$", "", first.source)
    for p in re.split(r"\n\s*\n", source):
        p = " ".join(p.split())
        if not p or p.startswith(("#", ">", "```", "|", "* ", "- ")):
            continue
        m = re.match(r"(.+?[.!?:])(\s|$)", p)
        sentence = m.group(1) if m else p
        if sentence.endswith(":"):
            continue
        return sentence if len(sentence) <= 240 else sentence[:237] + "..."
    return None


def inline_html(text):
    """Markdown's inline code and emphasis, the rest escaped."""
    parts = re.split(r"(`[^`]*`)", text)
    out = []
    for part in parts:
        if len(part) >= 2 and part.startswith("`") and part.endswith("`"):
            out.append("<code>" + html.escape(part[1:-1], quote=False) + "</code>")
        else:
            out.append(html.escape(re.sub(r"(\*\*|__|\*)", "", part), quote=False))
    return "".join(out)


# nbconvert's lab page without the scripts it fetches from a CDN (RequireJS, MathJax): the
# notebooks use neither, and the site then works offline and loads nothing from elsewhere.
TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{% block html_head_js_requirejs %}{% endblock %}
{% block html_head_js_mathjax %}{% endblock %}
"""


def html_exporter():
    c = Config()
    c.NbConvertBase.display_data_priority = PRIORITY
    c.HTMLExporter.display_data_priority = PRIORITY
    try:
        exporter = HTMLExporter(config=c, extra_loaders=[jinja2.DictLoader({"daxlab.html.j2": TEMPLATE})],
                                template_file="daxlab.html.j2")
        exporter.from_notebook_node(nbformat.v4.new_notebook())
        return exporter
    except Exception as e:  # an nbconvert whose lab template is laid out differently
        print("run_notebooks: nbconvert's own lab page then (%s)" % e, file=sys.stderr)
        return HTMLExporter(config=c)


def atomic_write(path, text):
    """Writes text to a temporary file beside path, then renames it over path: a reader (or a
    full disk, or a kill) sees the old file or the new one, never half of one."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass  # the rename is done; a directory that cannot be synced is no reason to fail


def notebook_text(nb):
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def nav(pages, i):
    """Links to the previous page, the index and the next page, for page i of pages."""
    def link(rel, j, arrow_left):
        if j < 0 or j >= len(pages):
            return '<span class="none">%s</span>' % ("first notebook" if arrow_left else "last notebook")
        p = pages[j]
        label = inline_html(p["title"])
        text = ("&larr; " + label) if arrow_left else (label + " &rarr;")
        return '<a rel="%s" href="%s">%s</a>' % (rel, html.escape(p["page"]), text)
    return ('<nav class="daxlab-nav" aria-label="notebooks">%s<a rel="index" href="index.html">All notebooks</a>%s</nav>\n'
            % (link("prev", i - 1, True), link("next", i + 1, False)))


def page(body, pages, i, status, error):
    """nbconvert's page with the links added above and below, a status line, and the error."""
    top = nav(pages, i)
    top += '<p class="daxlab-status">%s</p>\n' % status
    if error:
        top += '<div class="daxlab-failed" role="alert">FAILED: %s</div>\n' % html.escape(error)
    head_end = body.find("</head>")
    if head_end >= 0:
        body = body[:head_end] + NAV_STYLE + body[head_end:]
    m = re.search(r"<body[^>]*>", body)
    at = m.end() if m else 0
    body = body[:at] + "\n" + top + body[at:]
    end = body.rfind("</body>")
    end = end if end >= 0 else len(body)
    return body[:end] + nav(pages, i) + body[end:]


def execute(nb, path, kernel, timeout, iopub_timeout):
    """Runs nb; returns (seconds, error or None)."""
    client = Runner(nb, timeout=timeout, iopub_timeout=iopub_timeout, raise_on_iopub_timeout=True,
                    kernel_name=kernel, record_timing=False,
                    resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    started = time.time()
    error = None
    try:
        client.execute()
    except CellExecutionError as e:
        error = "%s failed:\n%s" % (cell_name(nb, client.cell_index), e)
    except DeadKernelError:
        error = "the kernel died while running %s" % cell_name(nb, client.cell_index)
    except CellTimeoutError as e:
        if "IOPub" in str(e):
            error = ("%s: output lost: the kernel replied, but its output did not end within %d s"
                     " (Timeout waiting for IOPub output)" % (cell_name(nb, client.cell_index), iopub_timeout))
        else:
            error = "%s: timed out after %d s" % (cell_name(nb, client.cell_index), timeout)
    except OutputLost as e:
        error = "%s: output lost: %s" % (cell_name(nb, client.cell_index), e)
    except Exception as e:  # a kernel that does not start, a protocol error: still render what ran
        error = "%s: %s: %s" % (cell_name(nb, client.cell_index), type(e).__name__, e)
    return time.time() - started, error


def write_results(p, result, pages, args, exporter, kernel_shown):
    """Runs one readable notebook and writes what came of it: the committed notebook (when asked
    and it ran), the executed copy, the page. Each write is tried on its own, so a page still
    appears (and the pages linking to it still lead somewhere) when another write fails."""
    nb = p["nb"]
    seconds, error = execute(nb, p["path"], args.kernel, args.timeout, args.iopub_timeout)
    result["seconds"] = round(seconds, 2)
    problems = [error] if error else []

    def attempt(what, write):
        try:
            write()
            return True
        except Exception as e:  # a full disk, a read-only file: report it, go on
            problems.append("could not write the results (%s): %s: %s" % (what, type(e).__name__, e))
            return False

    text = notebook_text(nb)
    if args.update_committed and error is None:
        attempt("the committed notebook", lambda: atomic_write(p["path"], text))
    executed = os.path.join(args.site, p["stem"] + ".ipynb")
    if attempt("the executed copy", lambda: atomic_write(executed, text)):
        result["executed"] = executed
    status = ('Executed headless with the %s kernel in %.1f s. The executed notebook: <a href="%s" download>%s</a>.'
              % (html.escape(kernel_shown), seconds, html.escape(p["stem"] + ".ipynb"),
                 html.escape(p["stem"] + ".ipynb")))
    out = os.path.join(args.site, p["stem"] + ".html")

    def write_page():
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": p["stem"]}})
        atomic_write(out, page(body, pages, p["page_index"], status, error))

    if attempt("the page", write_page):
        result["html"] = out
    result["error"] = "\n".join(problems) if problems else None
    result["ok"] = not problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", required=True)
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--iopub-timeout", type=int, default=60)
    ap.add_argument("--update-committed", action="store_true")
    ap.add_argument("notebooks", nargs="+")
    args = ap.parse_args()
    os.makedirs(args.site, exist_ok=True)

    exporter = html_exporter()
    try:
        kernel_shown = KernelSpecManager().get_kernel_spec(args.kernel).display_name
    except Exception:  # no such kernel: every notebook will say so when it starts one
        kernel_shown = args.kernel

    # Read every notebook first: the pages link to each other by title.
    plan = []
    for path in args.notebooks:
        stem = os.path.splitext(os.path.basename(path))[0]
        nb, problem = read_notebook(path)
        title = title_of(nb, stem) if nb is not None else stem
        plan.append({"path": path, "stem": stem, "nb": nb, "problem": problem, "title": title,
                     "summary": summary_of(nb) if nb is not None else None})
    pages = []
    for p in plan:
        if p["nb"] is not None:
            p["page_index"] = len(pages)
            pages.append({"title": p["title"], "page": p["stem"] + ".html"})

    failed = 0
    for p in plan:
        result = {"notebook": p["path"], "ok": False, "seconds": 0.0, "html": None, "executed": None,
                  "title": p["title"], "title_html": inline_html(p["title"]),
                  "summary_html": inline_html(p["summary"]) if p["summary"] else None, "error": p["problem"]}
        if p["nb"] is not None:
            write_results(p, result, pages, args, exporter, kernel_shown)
        failed += not result["ok"]
        print(RESULT + json.dumps(result), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
