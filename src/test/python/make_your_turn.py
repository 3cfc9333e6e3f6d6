#!/usr/bin/env python3
"""Writes notebooks/07-your-turn.ipynb and notebooks/solutions/07-your-turn-solutions.ipynb (sources only;
outputs come from executing them: bin/daxlab notebooks --update-committed).

Usage: python3 src/test/python/make_your_turn.py [NOTEBOOK_DIR]   (default: notebooks)
"""
import copy
import json
import re
import sys
import uuid
from pathlib import Path

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "notebooks")

META = {
    "kernelspec": {"display_name": "Java (daxlab)", "language": "java", "name": "daxlab"},
    "language_info": {"codemirror_mode": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source",
                      "name": "java", "nbconvert_exporter": "script", "pygments_lexer": "java"},
}


def md(text):
    return {"cell_type": "markdown", "id": uuid.uuid4().hex[:8], "metadata": {}, "source": text.strip("\n")}


def code(text):
    # Stress cells vary from run to run: tagged, they are checked by their claims, not compared.
    stress = "stress(" in text or re.search(r"\bst\b", text) is not None
    return {"cell_type": "code", "execution_count": None, "id": uuid.uuid4().hex[:8],
            "metadata": {"tags": ["stress"]} if stress else {}, "outputs": [], "source": text.strip("\n")}


def write(path, summary, cells):
    cells = copy.deepcopy(cells)  # the shared cells stay as written for the next notebook
    for c in cells:
        if c["cell_type"] == "code":
            n = len(c["source"].split("\n"))
            assert n <= 15, (path, n, c["source"])
    meta = dict(META)
    meta["daxlab"] = {"settles": summary}
    nb = {"cells": cells, "metadata": meta, "nbformat": 4, "nbformat_minor": 5}
    path.parent.mkdir(parents=True, exist_ok=True)
    old = {}
    if path.exists():
        # Keep cell ids stable where the source is unchanged.
        for c in json.loads(path.read_text())["cells"]:
            src = "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            old.setdefault(src, c.get("id"))
    for c in cells:
        if c["source"] in old and old[c["source"]]:
            c["id"] = old[c["source"]]
    for c in cells:
        lines = c["source"].split("\n")
        c["source"] = [l + "\n" for l in lines[:-1]] + [lines[-1]]
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")


def replaced(text, old, new):
    assert old in text, old
    return text.replace(old, new)


# ---- shared between the exercises and their solutions ----

INTRO = """
# 07 — Your turn: write the fix yourself

The thread leaves three questions open, and this notebook hands them to you:

* **(a)** the reader `dax_holder_notify_failure()` reads `holder_ops` twice; the review suggests
  `smp_load_acquire()` or `READ_ONCE()`. Which one, and why?
* **(b)** a wrong-holder `fs_put_dax()` wipes the legitimate holder's ops (concern #2). What should
  `fs_put_dax()` look like so that a stranger is harmless, without breaking surprise removal by `kill_dax()`?
* **(c)** concern #1 is about ordering. What is the litmus test, the one herd7 runs, for the ordering that
  matters?

You write kernel C, as in `drivers/dax/super.c`, and daxlab judges it exactly as it judged the built-in
versions in 00–06: every interleaving under `sc`, every allowed execution under `tso`, `armv8`, `lkmm` and
`lkmm-once`, claim by claim. Each exercise has a cell to fill in, with a first attempt that is wrong in an
instructive way, and a check cell that says `yes` or `not yet` for each claim. Run the cells top to bottom
first: every check says `not yet`. Then change the attempts until they all say `yes`.
"""

HOW = """
## Writing your own version

`fix(name, c)` makes your own `fs_put_dax()`, `reader(name, c)` your own `dax_holder_notify_failure()`. The C
is either the whole function or only its body, spelled as in `drivers/dax/super.c`:

* the parameters `dax_dev` and `holder` (and `off`, `len`, `mf_flags` for the reader, passed on to the
  callback); the shared fields `dax_dev->holder_data` and `dax_dev->holder_ops`; `NULL`;
* locals (`void *prev;`, `const struct dax_holder_operations *ops = ...;`), `if`/`else`, `return`, `goto` to
  a label further down, and `!`, `==`, `!=`, `&&`, `||`;
* the kernel's primitives: `READ_ONCE`, `WRITE_ONCE`, `smp_load_acquire`, `smp_store_release`, `cmpxchg` and
  `xchg` with their `_relaxed`, `_acquire` and `_release` forms, `smp_mb`, `smp_wmb`, `smp_rmb`; a plain
  `dax_dev->holder_ops = NULL` is a plain store;
* in `fs_put_dax()`: `WARN_ON(cond)` (a fired WARN is outcome field `warn=1`), `put_dax(dax_dev)` (drops the
  holder's inode reference, counted in `i_count`), `synchronize_srcu(&dax_srcu)` (waits for the readers);
* in the reader: `ops->notify_failure(dax_dev, off, len, mf_flags)`, the holder's callback, which finds its
  holder through `dax_holder()`; a call through `NULL` is an oops (`NULL_CALL`). A body runs inside
  mainline's `dax_read_lock()` and `dax_alive()` check; write the whole function to change that frame.

Your version goes wherever a built-in one goes: `enumerate(...)`, `allowed(...)`, `models(...)`,
`compare(...)`, `explain(...)`, `verdict(...)`, `kernelSource(...)`, `source(...)`, `exportLitmus(...)`. Its
rows, chart titles and files carry its name. Only `stress(...)` refuses it: jcstress runs a Java twin of each
built-in version, written by hand, and yours has none.

A warm-up: PATCH v1 typed as C, against the built-in PATCH v1.
"""

WARMUP = [
    code('var typed = fix("patch v1, typed", """\n'
         '        dax_dev->holder_ops = NULL;\n'
         '        cmpxchg(&dax_dev->holder_data, holder, NULL);\n'
         '        put_dax(dax_dev);\n'
         '        """);\n'
         'System.out.println(kernelSource(typed));'),
    code("compare(enumerate(PUT_VS_GET, PATCH_V1, \"lkmm\"), enumerate(PUT_VS_GET, typed, \"lkmm\"))"),
    md("A mistake in the C is reported at its line and column in your text, with what was expected there:"),
    code('try {\n'
         '    fix("a typo", """\n'
         '            dax_dev->holder_ops = NULL\n'
         '            cmpxchg(&dax_dev->holder_data, holder, NULL);\n'
         '            """);\n'
         '} catch (IllegalArgumentException e) {\n'
         '    System.out.println(e.getMessage());\n'
         '}'),
]

A_INTRO = """
## Exercise (a): the reader

Today's reader tests `holder_ops`, then loads it again to call it (04: the second load can be `NULL`). The
holder's callback then finds its own data through `dax_holder()`, a load of `holder_data`; when the ops it
was called through were just installed by `fs_dax_get()`, that load must see the holder that installed them
(03: message passing). Write a reader that

* never calls through `NULL` (**no NULL call**);
* called through ops that `fs_dax_get()` just installed, runs the callback with that holder's `holder_data`
  under every model (**context published**);
* with `CHECK_HOLDER_SRCU`, whose grace period waits for readers, never runs a callback with another
  holder's data or after the holder's `fs_put_dax()` returned (**in-flight reader safe**, **no callback after
  put**).
"""

A_TRY = """
To see what one model allows, `allowed(GET_VS_READER, PATCH_V1, r, MARKED)`; to see why, for the accessors as
mainline has them, `explain(GET_VS_READER, PATCH_V1, r, "armv8")`. The check runs your reader with
`CHECK_HOLDER_SRCU` and marked accessors around it, so that whatever breaks is the reader's:
"""

B_INTRO = """
## Exercise (b): a `fs_put_dax()` a stranger cannot hurt

PATCH v1 clears `holder_ops` whether or not the caller holds the device (05: a wrong-holder `fs_put_dax()`
wipes the holder's ops). Write a `fs_put_dax()` that

* still keeps a concurrent `fs_dax_get()`'s ops (**race fixed**);
* leaves the holder alone when a stranger calls it (**stranger harmless**);
* on surprise removal, where `kill_dax()` clears the holder while A still holds the device and A's
  `fs_put_dax()` comes later or at the same time, does not `WARN` (**no false WARN**: with `panic_on_warn`
  that is a panic) and still drops A's inode reference (**reference dropped**).
"""

B_TRY = """
Scenario `kill-vs-put` is surprise removal: `kill_dax()` against A's `fs_put_dax()`, with A's reference counted
in `i_count`. Its table shows each way it ends; `witness(h, "false WARN")` one schedule that gets there.
"""

B_CHECK = """
The verdict with your version: its rows come after the built-in ones (with each reader, then with the acquire
reader and marked accessors), marked `(yours)`. The check judges the marked row, where every `BAD` is your
code's:
"""

C_INTRO = """
## Exercise (c): the litmus test for the message passing

`fs_dax_get()` publishes its holder: `cmpxchg()` of `holder_data` from `NULL` to B, then the store of B's ops.
The reader consumes it: the load of `holder_ops`, then, if it got ops, the callback's load of `holder_data`.
Write this as a C litmus test herd7 runs, twice: `C get-vs-reader+once` with `READ_ONCE()` for the reader's
load of the ops, and `C get-vs-reader+acquire` with `smp_load_acquire()`. Use locations `holder_data` and
`holder_ops`, `1` for B and for B's ops, `0` for `NULL`; the `exists` clause is the bad outcome: the reader
got B's ops and its callback saw `holder_data` still `0`.

The attempts below take concern #1's words literally ("the reader can observe cmpxchg's release of
holder_data while still seeing the old holder_ops"). Each `%%litmus` cell runs its test under the models named
on its first line.
"""

C_CHECK = """
The check compares each test with scenario `get-vs-reader`, the one 03 runs: the same accesses in the same
order, and the bad outcome allowed by the same models (`READ_ONCE()`) or by none (`smp_load_acquire()`).
"""

C_CHECK_CODE = ('var shape = accesses(scenario(GET_VS_READER, PATCH_V1, READ_ONCE));\n'
                'var once = litmusRun("get-vs-reader+once");\n'
                'var acquire = litmusRun("get-vs-reader+acquire");\n'
                'var byModel = allowed(GET_VS_READER, PATCH_V1, READ_ONCE, MARKED).modelsAllowingForbidden();\n'
                'byModel.remove("lkmm-once"); // the tests run under sc, tso, armv8, lkmm\n'
                'var c1 = check(accesses(once).equals(shape) && accesses(acquire).equals(shape),\n'
                '        "both make get-vs-reader\'s accesses in its order: " + shape + "; yours: " + accesses(once));\n'
                'var c2 = check(once.modelsAllowing().equals(byModel),\n'
                '        "with READ_ONCE() the models that allow it are " + byModel + "; yours: " + once.modelsAllowing());\n'
                'var c3 = check(acquire.modelsAllowing().isEmpty(),\n'
                '        "with smp_load_acquire() no model allows it; yours: " + acquire.modelsAllowing());\n'
                'System.out.println(c1 + "\\n" + c2 + "\\n" + c3);')

DONE = """
## When every check says yes

`report(verdict(mine))` adds your rows to the report, each with its first failure and a witness;
`exportLitmus(dir, mine)` writes every scenario that runs your `fs_put_dax()` as a litmus file herd7 runs
(`herd7 -conf linux-kernel.cfg FILE`), named after your version:
"""

DONE_CODE = ('var files = exportLitmus(Files.createTempDirectory("yours"), mine);\n'
             'System.out.println(files.size() + " files, e.g. " + files.get(0).getFileName());')

A_START = ('var r = reader("my reader", """\n'
           '        const struct dax_holder_operations *ops = READ_ONCE(dax_dev->holder_ops);\n'
           '\n'
           '        if (!ops)\n'
           '                return -EOPNOTSUPP;\n'
           '        return ops->notify_failure(dax_dev, off, len, mf_flags);\n'
           '        """);\n'
           'System.out.println(kernelSource(r));')

A_CHECK_CODE = ('var va = verdict(CHECK_HOLDER_SRCU, r);\n'
                'check(va, Property.NO_NULL_CALL, Property.CONTEXT_PUBLISHED, Property.IN_FLIGHT_SAFE,\n'
                '        Property.NO_CALLBACK_AFTER_PUT)')

B_START = ('var mine = fix("my fs_put_dax", """\n'
           '        if (READ_ONCE(dax_dev->holder_data) != holder)\n'
           '                return;\n'
           '        WRITE_ONCE(dax_dev->holder_ops, NULL);\n'
           '        WARN_ON(cmpxchg(&dax_dev->holder_data, holder, NULL) != holder);\n'
           '        put_dax(dax_dev);\n'
           '        """);\n'
           'System.out.println(kernelSource(mine));')

B_TRY_CODE = ('var kill = enumerate(KILL_VS_PUT, mine, LOAD_ACQUIRE);\n'
              'System.out.println(kill.table());')

B_CHECK_CODE = ('check(vb, Property.RACE_FIXED, Property.STRANGER_HARMLESS, Property.NO_FALSE_WARN,\n'
                '        Property.REFERENCE_DROPPED)')


def litmus_cell(name, p1_lines):
    return code("%%litmus sc tso armv8 lkmm\n"
                "C " + name + "\n"
                "{}\n"
                "P0(int *holder_data, int *holder_ops)\n"
                "{\n"
                "\tint r0 = cmpxchg(holder_data, 0, 1);\n"
                "\tif (r0 == 0) WRITE_ONCE(*holder_ops, 1);\n"
                "}\n"
                "P1(int *holder_data, int *holder_ops)\n"
                "{\n" + "".join("\t" + l + "\n" for l in p1_lines) + "}\n"
                "exists (1:r0=1 /\\ 1:r1=0)")


write(OUT / "07-your-turn.ipynb",
      "Workshop: write your own reader and fs_put_dax() in kernel C and the litmus test for the message passing, "
      "each judged like the built-in versions, claim by claim and model by model",
      [md(INTRO), md(HOW)] + WARMUP + [
          md(A_INTRO + "\nThe first attempt loads the ops once, into a local:"),
          code(A_START),
          md(A_TRY),
          code("allowed(GET_VS_READER, PATCH_V1, r, MARKED)"),
          code(A_CHECK_CODE),
          md(B_INTRO + "\nThe first attempt returns early when the caller is not the holder, and warns when the "
             "release fails:"),
          code(B_START),
          md(B_TRY),
          code(B_TRY_CODE),
          md(B_CHECK),
          code("var vb = verdict(mine);\nvb"),
          code(B_CHECK_CODE),
          md(C_INTRO),
          litmus_cell("get-vs-reader+once", ["int r1 = READ_ONCE(*holder_data);", "int r0 = READ_ONCE(*holder_ops);"]),
          litmus_cell("get-vs-reader+acquire",
                      ["int r1 = smp_load_acquire(holder_data);", "int r0 = READ_ONCE(*holder_ops);"]),
          md(C_CHECK),
          code(C_CHECK_CODE),
          md(DONE),
          code(DONE_CODE),
          md("The solutions, with why they work, are in `solutions/07-your-turn-solutions.ipynb`: try first."),
      ])

# ---- the solutions ----

write(OUT / "solutions" / "07-your-turn-solutions.ipynb",
      "Solutions of 07: the acquire reader (or READ_ONCE() and smp_rmb()), a fs_put_dax() that checks the holder, "
      "always drops its reference and WARNs only for another holder, and the message-passing litmus test",
      [md(replaced(replaced(INTRO, "# 07 — Your turn: write the fix yourself", "# 07 — Your turn: solutions"),
                   "Run the cells top to bottom\nfirst: every check says `not yet`. Then change the attempts until "
                   "they all say `yes`.",
                   "This notebook has\nthe answers: each check is asserted with `claim(...)`, so a regression fails it.")),
       md(HOW)] + WARMUP + [
          md(A_INTRO + """
### A solution: load the ops once, with `smp_load_acquire()`

One load (into a local) removes the `NULL` call: the test and the call see the same value. `READ_ONCE()` alone
does not publish the context: the call is only a control dependency, and arm64 (and the LKMM) may satisfy the
callback's load of `holder_data` before the load of the ops, from before `fs_dax_get()`'s `cmpxchg()`. An acquire
load orders every later access after it, the callback's load included:
"""),
          code(A_START.replace("my reader", "acquire once").replace("READ_ONCE(dax_dev->holder_ops)",
                                                                      "smp_load_acquire(&dax_dev->holder_ops)")),
          code("allowed(GET_VS_READER, PATCH_V1, r, MARKED)"),
          code('var ca = check(verdict(CHECK_HOLDER_SRCU, r), Property.NO_NULL_CALL, Property.CONTEXT_PUBLISHED,\n'
               '        Property.IN_FLIGHT_SAFE, Property.NO_CALLBACK_AFTER_PUT);\n'
               'System.out.println(ca);\n'
               'System.out.println(claim(ca.holds(), "the acquire reader holds every claim of (a) under every model"));'),
          md("""
The starting point, `READ_ONCE()` alone, fails **context published** under `armv8`, `lkmm` and `lkmm-once`,
and so **in-flight reader safe** too (the callback of an in-flight reader can see `holder_data` from before B's
claim). Another answer keeps `READ_ONCE()` and orders the two loads with `smp_rmb()` between the test and the
call, the older idiom (`smp_load_acquire()` says the same in one place):
"""),
          code('var rmb = reader("once, then smp_rmb", """\n'
               '        const struct dax_holder_operations *ops = READ_ONCE(dax_dev->holder_ops);\n'
               '\n'
               '        if (!ops)\n'
               '                return -EOPNOTSUPP;\n'
               '        smp_rmb(); /* the callback\'s dax_holder() after the load of the ops */\n'
               '        return ops->notify_failure(dax_dev, off, len, mf_flags);\n'
               '        """);\n'
               'var cr = check(verdict(CHECK_HOLDER_SRCU, rmb), Property.NO_NULL_CALL, Property.CONTEXT_PUBLISHED,\n'
               '        Property.IN_FLIGHT_SAFE, Property.NO_CALLBACK_AFTER_PUT);\n'
               'System.out.println(cr);\n'
               'System.out.println(claim(cr.holds(), "READ_ONCE() and smp_rmb() hold every claim of (a) too"));'),
          md(B_INTRO + """
### A solution: check the holder, warn only for another holder, always drop the reference

The starting point has two mistakes, and the check names both. When `kill_dax()` clears `holder_data` first,
A's `READ_ONCE()` finds `NULL`: the early `return` then skips `put_dax()` (**reference leaked**, `i_count=1`);
and when `kill_dax()` clears it between A's check and A's `cmpxchg()`, the `cmpxchg()` fails with `NULL` and the
`WARN_ON` fires (**false WARN**). `NULL` is a supported answer, not somebody else's holder: warn only when
another holder is found, and drop the reference on every path:
"""),
          code('var mine = fix("check, release, always put", """\n'
               '        void *prev;\n'
               '\n'
               '        if (READ_ONCE(dax_dev->holder_data) != holder) {\n'
               '                put_dax(dax_dev);\n'
               '                return;\n'
               '        }\n'
               '        WRITE_ONCE(dax_dev->holder_ops, NULL);\n'
               '        prev = cmpxchg(&dax_dev->holder_data, holder, NULL);\n'
               '        WARN_ON(prev && prev != holder); /* NULL: kill_dax() was first */\n'
               '        put_dax(dax_dev);\n'
               '        """);\n'
               'System.out.println(kernelSource(mine));'),
          code(B_TRY_CODE),
          md(B_CHECK),
          code("var vb = verdict(mine);\nvb"),
          code('var cb = ' + B_CHECK_CODE + ';\n'
               'System.out.println(cb);\n'
               'System.out.println(claim(cb.holds(), "the holder check holds every claim of (b) under every model"));'),
          md("""
It is 05's `CHECK_HOLDER` with the `put_dax()` written on each path. Clearing the ops before the `cmpxchg()`
keeps the patch's fix (B can claim only after A's `cmpxchg()`, which comes after A's store of `NULL`); the
check on `holder_data` keeps a stranger away from the ops. What it does not do: make in-flight readers safe (a
reader that loaded A's ops before the store can still call them after A's `fs_put_dax()` returned). That takes
the grace period of `CHECK_HOLDER_SRCU`, with its cost (04, 06). The table says so:
"""),
          code('var inFlight = check(vb, Property.IN_FLIGHT_SAFE);\n'
               'System.out.println(inFlight);\n'
               'System.out.println(claim(!inFlight.holds(), "without a grace period in-flight readers are not safe"));'),
          md(replaced(C_INTRO, "The attempts below take concern #1's words literally (\"the reader can observe "
                             "cmpxchg's release of\nholder_data while still seeing the old holder_ops\").",
                             "The reader loads the ops first; the callback loads `holder_data` after, and only when it got "
                             "ops.\nThe acquire goes on the first load, because an acquire orders what comes after it:")),
          litmus_cell("get-vs-reader+once",
                      ["int r1 = 0;", "int r0 = READ_ONCE(*holder_ops);", "if (r0) r1 = READ_ONCE(*holder_data);"]),
          litmus_cell("get-vs-reader+acquire",
                      ["int r1 = 0;", "int r0 = smp_load_acquire(holder_ops);", "if (r0) r1 = READ_ONCE(*holder_data);"]),
          md(C_CHECK),
          code(replaced(C_CHECK_CODE, 'System.out.println(c1 + "\\n" + c2 + "\\n" + c3);',
                                    'System.out.println(c1 + "\\n" + c2 + "\\n" + c3);\n'
                                    'System.out.println(claim(c1.holds() && c2.holds() && c3.holds(), '
                                    '"the two tests are get-vs-reader"));')),
          md("""
The attempts in concern #1's order load `holder_data` first. Then the bad outcome is allowed even under `sc`:
the reader loads `holder_data` before `fs_dax_get()` runs and the ops after it, which is an interleaving, not a
reordering, and says nothing about the ordering the code needs. With the loads in the reader's order, the
outcome needs a reordering: `sc` and `tso` forbid it, `armv8` and the LKMM allow it with `READ_ONCE()`, and no
model allows it with `smp_load_acquire()` on the load of the ops. An acquire on the load of `holder_data`, the
later one, orders nothing that matters here.
"""),
          md(DONE),
          code(DONE_CODE),
      ])
print("ok")
