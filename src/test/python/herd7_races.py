"""Records herd7's data races for litmus tests, as the expected answers of HerdRacesTest.

For each test: how many executions the LKMM allows, how many of them raise data-race, and for
each racing pair of accesses (thread, R or W, location, plain or marked, the lower thread
first) in how many executions it races. herd7 is asked through a three-line model that includes
the kernel's linux-kernel.cat and shows its ww-race | wr-race | rw-race; the pairs are read from
the graphs herd7 writes for every allowed execution (-show all), with -showraw so that herd7 keeps
the edges its pictures would leave out as implied by others (a->b->c hides a->c otherwise).

Usage: python3 src/test/python/herd7_races.py HERD7_DIR OUT.txt FILE.litmus...
(HERD7_DIR holds herd7.bin, libdir/ and lkmm/ as herdtools7 7.58 installs them.)
"""
import os
import re
import subprocess
import sys
import tempfile

SHOW_RACES = '"races shown"\ninclude "linux-kernel.cat"\nlet racing = ww-race | wr-race | rw-race\nshow racing\n'

NODE = re.compile(r'^(eiid\d+) \[label="[a-z]+: ([RW])\*?((?:\[[^\]]*\])*)=')
THREAD = re.compile(r'^proc(\d+)_label_node ')
EDGE = re.compile(r'^(eiid\d+) -> (eiid\d+) \[(?:tail)?label="racing')


def herd(herd7, args):
    cmd = [os.path.join(herd7, "herd7.bin"), "-set-libdir", os.path.join(herd7, "libdir"),
           "-I", os.path.join(herd7, "lkmm"), "-conf", os.path.join(herd7, "lkmm", "linux-kernel.cfg")] + args
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def side(thread, node):
    rw, brackets = node
    parts = re.findall(r'\[([^\]]*)\]', brackets)
    # [ANNOT]...[location]: a plain access has no annotation
    return "P%d %s %s %s" % (thread, rw, parts[-1], "plain" if len(parts) == 1 else "marked")


def graphs(dot):
    """One dict per execution: racing pairs (as text) present in it."""
    out = []
    for g in dot.split("digraph G {")[1:]:
        thread = -1
        nodes = {}
        pairs = set()
        for line in g.splitlines():
            m = THREAD.match(line)
            if m:
                thread = int(m.group(1))
                continue
            m = NODE.match(line)
            if m:
                nodes[m.group(1)] = (thread, (m.group(2), m.group(3)))
                continue
            m = EDGE.match(line)
            if m:
                a = nodes[m.group(1)]
                b = nodes[m.group(2)]
                if b[0] < a[0]:
                    a, b = b, a
                pairs.add(side(*a) + " | " + side(*b))
        out.append(pairs)
    return out


def main(herd7, out_file, tests):
    blocks = []
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "races.cat"), "w") as f:
            f.write(SHOW_RACES)
        for t in sorted(tests, key=os.path.basename):
            name = os.path.basename(t)[:-len(".litmus")]
            plain = herd(herd7, [t])
            pos_neg = re.search(r"Positive: (\d+) Negative: (\d+)", plain)
            flag = "data-race" if "Flag data-race" in plain else "none"
            dots = os.path.join(tmp, "dot")
            os.makedirs(dots, exist_ok=True)
            herd(herd7, ["-model", os.path.join(tmp, "races.cat"), "-o", dots, "-show", "all", "-doshow", "racing", "-showraw", "racing", t])
            with open(os.path.join(dots, name + ".dot")) as f:
                executions = graphs(f.read())
            expected = int(pos_neg.group(1)) + int(pos_neg.group(2))
            if len(executions) != expected:
                raise SystemExit("%s: %d graphs but herd7 counts %d executions" % (name, len(executions), expected))
            counts = {}
            for pairs in executions:
                for p in pairs:
                    counts[p] = counts.get(p, 0) + 1
            lines = ["test %s" % name, "executions %d" % expected, "flag %s" % flag,
                     "racy %d" % sum(1 for p in executions if p)]
            lines += ["pair %s : %d" % (p, counts[p]) for p in sorted(counts)]
            blocks.append("\n".join(lines))
    with open(out_file, "w") as f:
        f.write("# herd7 7.58 under the LKMM (linux-kernel.cfg): allowed executions, data races per pair\n")
        f.write("# written by src/test/python/herd7_races.py\n\n")
        f.write("\n\n".join(blocks) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
