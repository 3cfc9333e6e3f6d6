"""Protocol checks the conformance suite does not make: a forged message (bad HMAC) is refused
and the kernel keeps serving; an interrupt stops a long enumeration. Prints one JSON object.
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
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(json.dumps(out))


if __name__ == "__main__":
    sys.exit(main())
