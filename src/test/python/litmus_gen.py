#!/usr/bin/env python3
"""Generates the litmus-gen suite: diy7-style cycles in the kernel's C litmus format.

Each test is a cycle of communication edges (Rfe W->R, Fre R->W, Wse W->W between threads)
and program-order edges inside a thread, as diy7 builds them; every program-order edge is
drawn from the kernel's primitives (fences, dependencies, RCU and SRCU read-side sections and
grace periods, spinlocks and spin_trylock()) and every access from its access primitives
(READ_ONCE()/WRITE_ONCE(), plain C, acquire/release, xchg() and cmpxchg() in every ordering,
the atomic_t operations). The condition asks for the cycle: each read sees the write the
cycle says, and where a location has two writes, the last one in the cycle is the final value.

The choices come from a seeded random generator, so a run with the same seed and count writes
the same tests. Names follow herd7's: SHAPE+EDGE0+EDGE1+...[+Single], an edge being its kind
and the two accesses' forms (fencembonceonce, poacquirerelease, ctrlonceonce...), single-access
threads' forms at the end (OnceOnce), as the kernel's own tests are named.

With --herd7 PATH (herd7 with the kernel's LKMM, e.g. a wrapper running
`herd7 -conf linux-kernel.cfg`), the verdict herd7 gives becomes the test's `Result:` line and
herd7's output without its Time line is written beside it as NAME.litmus.herd7; tests herd7
takes longer than --max-seconds on, or refuses, are left out and listed on stderr.

Python 3 standard library only.
"""
import argparse
import os
import random
import re
import subprocess
import sys
import time

# Shapes: per thread the kinds of its accesses in cycle order. The communication edge between
# a thread's last access and the next thread's first follows from their kinds.
SHAPES = {
    "MP": ["WW", "RR"],
    "SB": ["WR", "WR"],
    "LB": ["RW", "RW"],
    "S": ["WW", "RW"],
    "R": ["WW", "WR"],
    "2+2W": ["WW", "WW"],
    "WRC": ["W", "RW", "RR"],
    "RWC": ["W", "RR", "WR"],
    "WWC": ["W", "RW", "WW"],
    "ISA2": ["WW", "RW", "RR"],
    "W+RWC": ["WW", "RR", "WR"],
    "Z6.0": ["WW", "RW", "WR"],
    "Z6.1": ["WW", "WW", "RW"],
    "Z6.2": ["WW", "RW", "RW"],
    "Z6.3": ["WW", "WW", "RR"],
    "Z6.4": ["WW", "WR", "WR"],
    "Z6.5": ["WW", "WW", "WR"],
    "3.SB": ["WR", "WR", "WR"],
    "3.LB": ["RW", "RW", "RW"],
    "3.2W": ["WW", "WW", "WW"],
    "IRIW": ["W", "RR", "W", "RR"],
}
# How often each shape is drawn: the two-thread ones most, the four-thread IRIW least.
SHAPE_WEIGHTS = {"MP": 6, "SB": 6, "LB": 5, "S": 4, "R": 4, "2+2W": 3, "WRC": 4, "RWC": 3, "WWC": 2,
                 "ISA2": 4, "W+RWC": 2, "Z6.0": 2, "Z6.1": 1, "Z6.2": 1, "Z6.3": 1, "Z6.4": 1,
                 "Z6.5": 1, "3.SB": 2, "3.LB": 2, "3.2W": 1, "IRIW": 3}

COM = {("W", "R"): "Rfe", ("R", "W"): "Fre", ("W", "W"): "Wse"}

# Read forms: name -> (template, weight); P is the pointer, D the dereferenced location.
READS = {
    "once": ("READ_ONCE({D})", 40),
    "plain": ("{D}", 3),
    "acquire": ("smp_load_acquire({P})", 10),
    "deref": ("rcu_dereference({D})", 1),
    "atomicread": ("atomic_read({P})", 1),
    "atomicreadacquire": ("atomic_read_acquire({P})", 1),
    "cmpxchgfail": ("cmpxchg({P}, 9, 10)", 1),
    "cmpxchgrelaxedfail": ("cmpxchg_relaxed({P}, 9, 10)", 1),
    "cmpxchgacquirefail": ("cmpxchg_acquire({P}, 9, 10)", 1),
}
# Write forms: name -> (template, weight, kind). V is the value written; "inc" forms write one
# more than they read, which is the value the cycle wants since writes to a location take
# 1, 2, ... in coherence order; "rmw" forms return a value into a register the condition leaves out.
WRITES = {
    "once": ("WRITE_ONCE({D}, {V});", 40, "store"),
    "plain": ("{D} = {V};", 3, "store"),
    "release": ("smp_store_release({P}, {V});", 10, "store"),
    "storemb": ("smp_store_mb({D}, {V});", 1, "store"),
    "assign": ("rcu_assign_pointer({D}, {V});", 1, "store"),
    "atomicset": ("atomic_set({P}, {V});", 1, "store"),
    "atomicsetrelease": ("atomic_set_release({P}, {V});", 1, "store"),
    "xchg": ("{R} = xchg({P}, {V});", 2, "rmw"),
    "xchgrelaxed": ("{R} = xchg_relaxed({P}, {V});", 1, "rmw"),
    "xchgacquire": ("{R} = xchg_acquire({P}, {V});", 1, "rmw"),
    "xchgrelease": ("{R} = xchg_release({P}, {V});", 1, "rmw"),
    "cmpxchg": ("{R} = cmpxchg({P}, {U}, {V});", 2, "rmw"),
    "cmpxchgrelaxed": ("{R} = cmpxchg_relaxed({P}, {U}, {V});", 1, "rmw"),
    "cmpxchgacquire": ("{R} = cmpxchg_acquire({P}, {U}, {V});", 1, "rmw"),
    "cmpxchgrelease": ("{R} = cmpxchg_release({P}, {U}, {V});", 1, "rmw"),
    "atomicinc": ("atomic_inc({P});", 2, "inc"),
    "atomicadd": ("atomic_add(1, {P});", 1, "inc"),
    "addreturn": ("{R} = atomic_add_return(1, {P});", 1, "incrmw"),
    "addreturnrelaxed": ("{R} = atomic_add_return_relaxed(1, {P});", 1, "incrmw"),
    "addreturnacquire": ("{R} = atomic_add_return_acquire(1, {P});", 1, "incrmw"),
    "addreturnrelease": ("{R} = atomic_add_return_release(1, {P});", 1, "incrmw"),
    "fetchinc": ("{R} = atomic_fetch_inc({P});", 1, "incrmw"),
    "fetchincrelaxed": ("{R} = atomic_fetch_inc_relaxed({P});", 1, "incrmw"),
    "fetchaddacquire": ("{R} = atomic_fetch_add_acquire(1, {P});", 1, "incrmw"),
    "increturnrelease": ("{R} = atomic_inc_return_release({P});", 1, "incrmw"),
    "addunless": ("{R} = atomic_add_unless({P}, 1, 9);", 1, "incrmw"),
}
RMW_READS = {"cmpxchgfail", "cmpxchgrelaxedfail", "cmpxchgacquirefail"}

# Program-order edges: name -> (weight, which access kinds it fits: "any", "R?" first is a read,
# "RW" read then write).
EDGES = {
    "po": (8, "any"),
    "fencemb": (6, "any"),
    "fencermb": (3, "any"),
    "fencewmb": (3, "any"),
    "barrier": (1, "any"),
    "fencembbeforeatomic": (2, "any"),
    "fencembafteratomic": (2, "any"),
    "addr": (3, "R?"),
    "data": (3, "RW"),
    "ctrl": (3, "R?"),
    "rcu": (2, "any"),
    "syncrcu": (2, "any"),
    "srcu": (2, "any"),
    "syncsrcu": (2, "any"),
    "lock": (2, "any"),
    "trylock": (1, "any"),
    "unlocklock": (1, "any"),
    "unlocklockmb": (1, "any"),
    "lockmbafterspinlock": (1, "any"),
    "srcuunlockmb": (1, "any"),
    "srcudownup": (1, "any"),
}
LOCKING = {"lock", "trylock", "unlocklock", "unlocklockmb", "lockmbafterspinlock"}
SRCU = {"srcu", "syncsrcu", "srcuunlockmb", "srcudownup"}
# How often a thread whose first access is a write reads it back before its program-order edge
# (diy7's Rfi: SB+rfionceonce-poonceonces).
RFI_WEIGHT = 0.12
LOCATIONS = ["x", "y", "z", "a"]


def weighted(rng, table, weight, ok=lambda k: True):
    keys = [k for k in table if ok(k)]
    return rng.choices(keys, weights=[weight(table[k]) for k in keys])[0]


class Access:
    def __init__(self, thread, index, kind):
        self.thread, self.index, self.kind = thread, index, kind
        self.loc = None
        self.value = None
        self.form = None


def cycle(shape):
    """The accesses in cycle order, with locations and values as the cycle demands."""
    threads = SHAPES[shape]
    accs = [Access(t, i, k) for t, kinds in enumerate(threads) for i, k in enumerate(kinds)]
    n = len(accs)
    # edge after access i: po when the next access is in the same thread
    po_after = [accs[i].thread == accs[(i + 1) % n].thread for i in range(n)]
    start = next(i for i in range(n) if po_after[i - 1])
    loc = 0
    counters = {}
    order = [accs[(start + k) % n] for k in range(n)]
    for k, a in enumerate(order):
        a.loc = LOCATIONS[loc]
        c = counters.get(a.loc, 0)
        if a.kind == "W":
            c += 1
        a.value = c
        counters[a.loc] = c
        if po_after[(start + k) % n]:
            loc += 1
    writes = {}
    for a in accs:
        if a.kind == "W":
            writes[a.loc] = writes.get(a.loc, 0) + 1
    finals = [(l, counters[l]) for l in sorted(writes, key=LOCATIONS.index) if writes[l] > 1]
    return threads, accs, order, po_after, finals


def cycle_text(order, po_after, start_index_map):
    parts = []
    n = len(order)
    for k, a in enumerate(order):
        parts.append("%s%s=%d" % (a.kind, a.loc, a.value))
        nxt = order[(k + 1) % n]
        if a.thread == nxt.thread:
            parts.append("Pod" + a.kind + nxt.kind)
        else:
            parts.append(COM[(a.kind, nxt.kind)])
    return " ".join(parts)


def generate(rng, shape):
    threads, accs, order, po_after, finals = cycle(shape)
    by_thread = {}
    for a in accs:
        by_thread.setdefault(a.thread, []).append(a)
    edges = {}
    rfi = {}
    locking_threads = 0
    for t, kinds in enumerate(threads):
        if len(kinds) != 2:
            continue
        a, b = by_thread[t]

        def fits(e):
            need = EDGES[e][1]
            if need == "R?" and a.kind != "R":
                return False
            if need == "RW" and (a.kind, b.kind) != ("R", "W"):
                return False
            if e in LOCKING and (locking_threads >= 2 or len(threads) > 3):
                return False
            return True
        e = weighted(rng, EDGES, lambda v: v[0], fits)
        if e in LOCKING:
            locking_threads += 1
        edges[t] = e
        if a.kind == "W" and rng.random() < RFI_WEIGHT:
            rfi[t] = weighted(rng, READS, lambda v: v[1], lambda f: f not in RMW_READS)
    for a in accs:
        e = edges.get(a.thread)
        second = a.index == 1
        if a.kind == "R":
            a.form = weighted(rng, READS, lambda v: v[1])
        else:
            def wok(f):
                kind = WRITES[f][2]
                if e == "data" and second and kind.startswith("inc"):
                    return False  # the dependency is carried by the value written
                if e == "fencembbeforeatomic" and second:
                    return kind != "store"
                if e == "fencembafteratomic" and not second:
                    return kind != "store"
                return True
            a.form = weighted(rng, WRITES, lambda v: v[1], wok)
        if a.kind == "R" and e == "fencembafteratomic" and not second and a.index == 0:
            a.form = rng.choice(sorted(RMW_READS))
        if a.kind == "R" and e == "fencembbeforeatomic" and second:
            a.form = rng.choice(sorted(RMW_READS))
    return threads, accs, order, po_after, finals, edges, rfi


def name_of(shape, threads, by_thread, edges, rfi):
    doubles = []
    singles = []
    for t, kinds in enumerate(threads):
        accs = by_thread[t]
        if len(kinds) == 2:
            doubles.append(("rfi" + accs[0].form + rfi[t] + "-" if t in rfi else "")
                           + edges[t] + accs[0].form + accs[1].form)
        else:
            singles.append(accs[0].form[0].upper() + accs[0].form[1:])
    parts = [shape] + doubles
    if singles:
        parts.append("".join(singles))
    return "+".join(parts)


def render(shape, threads, accs, order, po_after, finals, edges, rfi, seed, ordinal):
    by_thread = {}
    for a in accs:
        by_thread.setdefault(a.thread, []).append(a)
    name = name_of(shape, threads, by_thread, edges, rfi)
    cond = []
    bodies = []
    for t, kinds in enumerate(threads):
        mine = by_thread[t]
        e = edges.get(t)
        regs = []
        lines = []
        observed = []

        def reg():
            r = "r%d" % len(regs)
            regs.append(r)
            return r

        locs = sorted({a.loc for a in mine}, key=LOCATIONS.index)
        params = ["int *%s" % l for l in locs]
        if e in SRCU:
            params.append("struct srcu_struct *s")
        if e in LOCKING:
            params.append("spinlock_t *l")
        first_reg = None
        stmts = []
        for a in mine:
            ptr = a.loc
            value = str(a.value)
            if a.index == 1 and e == "addr":
                ptr = "(%s + (%s & 0))" % (a.loc, first_reg)
            if a.index == 1 and e == "data":
                value = "(%s & 0) + %d" % (first_reg, a.value)
            deref = "*" + ptr
            if a.kind == "R":
                r = reg()
                if a.index == 0:
                    first_reg = r
                expr = READS[a.form][0].format(P=ptr, D=deref)
                stmts.append("%s = %s;" % (r, expr))
                observed.append("%d:%s=%d" % (t, r, a.value))
            else:
                tmpl = WRITES[a.form][0]
                text = tmpl.format(P=ptr, D=deref, V=value, U=a.value - 1,
                                   R=reg() if "{R}" in tmpl else None)
                stmts.append(text)
                if a.index == 0 and t in rfi:
                    # the thread reads its own write back (Rfi) before the program-order edge
                    r = reg()
                    stmts[-1] += "\n" + "%s = %s;" % (r, READS[rfi[t]][0].format(P=ptr, D=deref))
                    observed.append("%d:%s=%d" % (t, r, a.value))
        a0 = stmts[0]
        if len(stmts) == 1:
            lines = [a0]
        else:
            b0 = stmts[1]
            if e == "po" or e == "addr" or e == "data":
                lines = [a0, b0]
            elif e == "ctrl":
                lines = [a0, "if (%s == %d)" % (first_reg, mine[0].value), "\t" + b0]
            elif e in ("fencemb", "fencermb", "fencewmb", "barrier", "fencembbeforeatomic", "fencembafteratomic",
                       "syncrcu", "syncsrcu"):
                fence = {"fencemb": "smp_mb();", "fencermb": "smp_rmb();", "fencewmb": "smp_wmb();",
                         "barrier": "barrier();", "fencembbeforeatomic": "smp_mb__before_atomic();",
                         "fencembafteratomic": "smp_mb__after_atomic();", "syncrcu": "synchronize_rcu();",
                         "syncsrcu": "synchronize_srcu(s);"}[e]
                lines = [a0, fence, b0]
            elif e == "rcu":
                lines = ["rcu_read_lock();", a0, b0, "rcu_read_unlock();"]
            elif e == "srcu":
                idx = reg()
                lines = ["%s = srcu_read_lock(s);" % idx, a0, b0, "srcu_read_unlock(s, %s);" % idx]
            elif e == "lock":
                lines = ["spin_lock(l);", a0, b0, "spin_unlock(l);"]
            elif e == "unlocklock":
                lines = ["spin_lock(l);", a0, "spin_unlock(l);", "spin_lock(l);", b0, "spin_unlock(l);"]
            elif e == "unlocklockmb":
                lines = ["spin_lock(l);", a0, "spin_unlock(l);", "spin_lock(l);", "smp_mb__after_unlock_lock();", b0,
                         "spin_unlock(l);"]
            elif e == "lockmbafterspinlock":
                lines = [a0, "spin_lock(l);", "smp_mb__after_spinlock();", b0, "spin_unlock(l);"]
            elif e == "srcuunlockmb":
                idx = reg()
                lines = ["%s = srcu_read_lock(s);" % idx, a0, "srcu_read_unlock(s, %s);" % idx,
                         "smp_mb__after_srcu_read_unlock();", b0]
            elif e == "srcudownup":
                idx = reg()
                lines = ["%s = srcu_down_read(s);" % idx, a0, b0, "srcu_up_read(s, %s);" % idx]
            elif e == "trylock":
                got = reg()
                lines = ["%s = spin_trylock(l);" % got, "if (%s) {" % got, "\t" + a0, "\t" + b0, "\tspin_unlock(l);", "}"]
                observed.insert(0, "%d:%s=1" % (t, got))
            else:
                raise AssertionError(e)
        cond.extend(observed)
        body = ["P%d(%s)" % (t, ", ".join(params)), "{"]
        for r in regs:
            body.append("\tint %s;" % r)
        if regs:
            body.append("")
        for l in lines:
            parts = l.split("\n")
            indent = l[:len(l) - len(l.lstrip("\t"))]
            body.append("\t" + parts[0])
            body.extend("\t" + indent + q for q in parts[1:])
        body.append("}")
        bodies.append("\n".join(body))
    for loc, v in finals:
        cond.append("%s=%d" % (loc, v))
    text = ["C " + name, "", "(*", " * Result: RESULT", " *",
            " * Generated by src/test/python/litmus_gen.py (seed %d, test %d): %s," % (seed, ordinal, shape),
            " * cycle " + cycle_text(order, po_after, None) + ".", " *)", "", "{}", ""]
    text.append("\n\n".join(bodies))
    text.append("")
    text.append("exists (" + " /\\ ".join(cond) + ")")
    return name, "\n".join(text) + "\n"


def herd7(path, herd, timeout):
    t0 = time.monotonic()
    p = subprocess.run([herd, path], capture_output=True, text=True, timeout=timeout)
    return p, time.monotonic() - t0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="directory to write NAME.litmus (and .herd7) into")
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--count", type=int, default=400, help="how many distinct tests to draw")
    ap.add_argument("--herd7", help="herd7 with the LKMM (one file argument); records Result: and .herd7")
    ap.add_argument("--max-seconds", type=float, default=2.0, help="leave out tests herd7 takes longer on")
    ap.add_argument("--exclude", default="", help="file listing test names to leave out, one a line")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    excluded = set()
    if args.exclude:
        with open(args.exclude) as f:
            excluded = {l.split()[0] for l in f if l.strip() and not l.startswith("#")}
    os.makedirs(args.out, exist_ok=True)
    seen = set()
    tests = []
    shapes = list(SHAPE_WEIGHTS)
    draws = 0
    # Every shape once with plain READ_ONCE/WRITE_ONCE po first, then seeded draws.
    while len(tests) < args.count and draws < args.count * 50:
        draws += 1
        shape = rng.choices(shapes, weights=[SHAPE_WEIGHTS[s] for s in shapes])[0]
        g = generate(rng, shape)
        name, text = render(shape, *g, seed=args.seed, ordinal=draws)
        if name in seen:
            continue
        seen.add(name)
        if name in excluded:
            continue
        tests.append((name, text))
    left_out = []
    for name, text in tests:
        path = os.path.join(args.out, name + ".litmus")
        if not args.herd7:
            with open(path, "w") as f:
                f.write(text)
            continue
        with open(path, "w") as f:
            f.write(text)
        try:
            p, secs = herd7(path, args.herd7, 60)
        except subprocess.TimeoutExpired:
            left_out.append((name, "herd7 did not finish in 60 s"))
            os.remove(path)
            continue
        m = re.search(r"^Observation \S+ (\w+)", p.stdout, re.M)
        if p.returncode != 0 or not m:
            left_out.append((name, "herd7: " + (p.stderr.strip().splitlines() or ["no answer"])[0]))
            os.remove(path)
            continue
        if secs > args.max_seconds:
            left_out.append((name, "herd7 took %.2f s" % secs))
            os.remove(path)
            continue
        with open(path, "w") as f:
            f.write(text.replace("Result: RESULT", "Result: " + m.group(1)))
        # herd7 names the test in its output as the file says it; drop only its Time line
        out = "".join(l for l in p.stdout.splitlines(True) if not l.startswith("Time "))
        with open(path + ".herd7", "w") as f:
            f.write(out)
    for name, why in left_out:
        print("left out: %s: %s" % (name, why), file=sys.stderr)
    print("%d tests written to %s (%d drawn, %d left out)" % (len(tests) - len(left_out), args.out, draws,
                                                              len(left_out)), file=sys.stderr)


if __name__ == "__main__":
    main()
