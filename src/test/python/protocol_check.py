"""Protocol checks the conformance suite does not make: a forged message (bad HMAC) is refused
and the kernel keeps serving; an interrupt stops a long enumeration, and cells that never look at
interrupts (tight loops, sleeps); completion answers while a cell runs; System.exit fails the cell
only; a cell printing 200,000 lines ends with its idle status. Prints one JSON object.
"""
import json
import queue
import sys
import time

from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

LONG = ('{ System.out.println("enumerating"); System.out.flush();\n'
        '  Interleavings.enumerate(Scenarios.scaled(6, PutVariant.PATCH_V1), Classifier.NONE,\n'
        '      Settings.defaults().withBudget(50_000_000)); }')


def drain(get_msg, seconds):
    msgs, deadline = [], time.time() + seconds
    while time.time() < deadline:
        try:
            msgs.append(get_msg(timeout=0.1))
        except queue.Empty:
            pass
    return msgs


def reply_to(kc, msg_id, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            m = kc.get_shell_msg(timeout=0.2)
        except queue.Empty:
            continue
        if m["parent_header"].get("msg_id") == msg_id:
            return m
    return None


SPINNERS = {
    "while_true": 'System.out.println("spinning");\nwhile (true) {}',
    "method_loop": 'long spin() { long x = 0; for (long i = 0; ; i++) { x += i; } }\n'
                   'System.out.println("spinning");\nspin();',
    "sleep_forever": 'System.out.println("spinning");\nThread.sleep(Long.MAX_VALUE);',
}

LITMUS_CELL = """%%litmus sc lkmm
C MP
{}
P0(int *buf, int *flag)
{
\tWRITE_ONCE(*buf, 1);
\tsmp_store_release(flag, 1);
}
P1(int *buf, int *flag)
{
\tint r0;
\tint r1;
\tr0 = smp_load_acquire(flag);
\tr1 = READ_ONCE(*buf);
}
exists (1:r0=1 /\\ 1:r1=0)
"""

FLOOD_LINES = 200_000
FLOOD = 'for (int i = 0; i < %d; i++) System.out.println("line " + i);' % FLOOD_LINES


def wait_for_output(kc, msg_id, text, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            m = kc.get_iopub_msg(timeout=0.2)
        except queue.Empty:
            continue
        if (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "stream"
                and text in m["content"]["text"]):
            return True
    return False


def interrupt_spinner(km, kc, code):
    """Starts code, interrupts it once it prints, returns what happened."""
    msg_id = kc.execute(code)
    started = wait_for_output(kc, msg_id, "spinning", 60)
    time.sleep(0.5)
    t0 = time.time()
    km.interrupt_kernel()
    reply = reply_to(kc, msg_id, 30)
    seconds = round(time.time() - t0, 4)
    after = kc.execute_interactive("6 * 7", timeout=60, output_hook=lambda m: None)
    return {"started": started, "seconds": seconds,
            "status": reply["content"]["status"] if reply else None,
            "ename": reply["content"].get("ename") if reply else None,
            "after": after["content"]["status"]}


def complete_while_running(km, kc):
    msg_id = kc.execute(SPINNERS["while_true"])
    wait_for_output(kc, msg_id, "spinning", 60)
    t0 = time.time()
    complete_id = kc.complete("Scenarios.bui", 13)
    reply = reply_to(kc, complete_id, 30)
    out = {"seconds": round(time.time() - t0, 4),
           "matches": reply["content"]["matches"] if reply else None}
    inspect_id = kc.inspect("Scenarios.build", 12)
    inspected = reply_to(kc, inspect_id, 30)
    out["inspect_found"] = inspected["content"].get("found") if inspected else None
    km.interrupt_kernel()
    stopped = reply_to(kc, msg_id, 30)
    out["cell_status"] = stopped["content"]["status"] if stopped else None
    return out


def flood(kc):
    """Runs the 200,000-line cell; counts what reaches the client up to the idle status."""
    t0 = time.time()
    msg_id = kc.execute(FLOOD)
    streams, chars, idle, text = 0, 0, False, []
    deadline = time.time() + 120
    while time.time() < deadline and not idle:
        try:
            m = kc.get_iopub_msg(timeout=0.5)
        except queue.Empty:
            continue
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "stream":
            streams += 1
            chars += len(m["content"]["text"])
            text.append((m["content"]["name"], m["content"]["text"]))
        elif m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            idle = True
    seconds = round(time.time() - t0, 3)
    reply = reply_to(kc, msg_id, 30)
    joined = "".join(t for name, t in text)
    stdout = "".join(t for name, t in text if name == "stdout")
    return {"stdout_chars": len(stdout), "stdout_lines": stdout.count("\n"),
            "idle": idle, "seconds_to_idle": seconds, "stream_messages": streams, "chars": chars,
            "status": reply["content"]["status"] if reply else None,
            "first_line": joined.split("\n", 1)[0],
            "last_line": joined.rstrip("\n").rsplit("\n", 1)[-1],
            "cut_notice": next((l for l in joined.split("\n") if l.startswith("[daxlab: ")), None)}


def main():
    out = {}
    started = time.time()
    km, kc = start_new_kernel(kernel_name="daxlab", startup_timeout=120)
    out["kernel_info_seconds"] = round(time.time() - started, 2)
    quiet = lambda m: None  # noqa: E731 (execute_interactive would print outputs on stdout)
    first = kc.execute_interactive("40 + 2", timeout=120, output_hook=quiet)
    out["first_cell_seconds"] = round(time.time() - started, 2)
    out["first_cell_status"] = first["content"]["status"]
    try:
        # 1. A message signed with the wrong key, on the real shell socket.
        forger = Session(key=b"not-the-connection-file-key", username="forger")
        forged = forger.msg("execute_request", content={
            "code": 'System.out.println("FORGED RAN");', "silent": False, "store_history": True,
            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        forger.send(kc.shell_channel.socket, forged)
        out["forged_reply"] = reply_to(kc, forged["header"]["msg_id"], 3) is not None
        iopub = drain(kc.get_iopub_msg, 0.5)
        out["forged_ran"] = any(m["msg_type"] == "stream" and "FORGED RAN" in m["content"]["text"] for m in iopub)
        after = kc.execute_interactive("6 * 7", timeout=60,
                                       output_hook=lambda m: out.setdefault("after_forged_outputs", []).append(
                                           m["content"].get("data", {}).get("text/plain")))
        out["after_forged_status"] = after["content"]["status"]

        # 2. Interrupt a long enumeration once it is running.
        msg_id = kc.execute(LONG)
        running = False
        deadline = time.time() + 60
        while time.time() < deadline and not running:
            try:
                m = kc.get_iopub_msg(timeout=0.2)
            except queue.Empty:
                continue
            running = (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "stream"
                       and "enumerating" in m["content"]["text"])
        out["long_cell_started"] = running
        time.sleep(1.5)  # well into the enumeration
        t0 = time.time()
        km.interrupt_kernel()
        reply = reply_to(kc, msg_id, 30)
        out["interrupt_to_reply_seconds"] = round(time.time() - t0, 3)
        out["interrupted_status"] = reply["content"]["status"] if reply else None
        out["interrupted_ename"] = reply["content"].get("ename") if reply else None
        out["interrupted_evalue"] = reply["content"].get("evalue") if reply else None
        after = kc.execute_interactive('"still here"', timeout=60, output_hook=quiet)
        out["after_interrupt_status"] = after["content"]["status"]

        # 3. Cells that never look at an interrupt.
        out["spinners"] = {name: interrupt_spinner(km, kc, code) for name, code in SPINNERS.items()}

        # 4. Completion and inspection while a cell runs.
        out["complete_while_running"] = complete_while_running(km, kc)

        # 5. System.exit fails the cell; the kernel lives on.
        exited = kc.execute_interactive("int before = 1;\nSystem.exit(0);", timeout=60, output_hook=quiet)
        out["exit_status"] = exited["content"]["status"]
        out["exit_ename"] = exited["content"].get("ename")
        out["exit_evalue"] = exited["content"].get("evalue")
        alive = kc.execute_interactive("before + 41", timeout=60, output_hook=quiet)
        out["after_exit_status"] = alive["content"]["status"]
        out["kernel_alive_after_exit"] = km.is_alive()

        # 6. A litmus test in a cell.
        results = []
        lit = kc.execute_interactive(LITMUS_CELL, timeout=120, output_hook=lambda m: results.append(m))
        out["litmus_status"] = lit["content"]["status"]
        data = next((m["content"]["data"] for m in results if m["msg_type"] == "execute_result"), {})
        out["litmus_mimetypes"] = sorted(data.keys())
        out["litmus_text"] = data.get("text/plain")
        bad = kc.execute_interactive(LITMUS_CELL.replace("smp_store_release", "smp_store_relase"),
                                     timeout=120, output_hook=quiet)
        out["litmus_error_ename"] = bad["content"].get("ename")
        out["litmus_error_evalue"] = bad["content"].get("evalue")

        # 7. An output flood.
        out["flood"] = flood(kc)
        after = kc.execute_interactive('"after the flood"', timeout=60, output_hook=quiet)
        out["after_flood_status"] = after["content"]["status"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(json.dumps(out))


if __name__ == "__main__":
    sys.exit(main())
