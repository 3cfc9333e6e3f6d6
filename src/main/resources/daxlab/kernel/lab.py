"""Jupyter Notebook for `daxlab lab`, tied to the daxlab command that starts it.

Usage: lab.py DAXLAB_PID NOTEBOOK_ARGS...

Runs the notebook server in this process. A thread watches the daxlab command (DAXLAB_PID, this
process's parent): when it is gone, however it ended (SIGTERM, SIGINT, or killed outright so that
it could not stop us itself), the server is stopped as by SIGTERM, which shuts its kernels down.
"""
import os
import runpy
import signal
import sys
import threading
import time

POLL_SECONDS = 0.5
GRACE_SECONDS = 20


def gone(pid, first_parent):
    if os.getppid() != first_parent:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass  # it exists, as another user's process would
    return False


def watch(pid, first_parent):
    while not gone(pid, first_parent):
        time.sleep(POLL_SECONDS)
    print("daxlab lab: the daxlab command (pid %d) is gone; stopping Jupyter and its kernels" % pid,
          file=sys.stderr, flush=True)
    os.kill(os.getpid(), signal.SIGTERM)
    # The server stops its kernels and exits; if it has not after a while, leave regardless.
    time.sleep(GRACE_SECONDS)
    print("daxlab lab: Jupyter did not stop within %d s; exiting" % GRACE_SECONDS, file=sys.stderr, flush=True)
    os._exit(1)


def main():
    pid = int(sys.argv[1])
    threading.Thread(target=watch, args=(pid, os.getppid()), name="daxlab-parent-watch", daemon=True).start()
    sys.argv = ["jupyter-notebook"] + sys.argv[2:]
    runpy.run_module("notebook", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
