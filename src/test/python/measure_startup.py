"""Times the Java (daxlab) kernel: start to kernel_info reply, start to the first cell's result,
and one more cell. Needs the kernelspec: bin/daxlab install-kernel, then
JUPYTER_PATH=target/jupyter /usr/bin/python3 src/test/python/measure_startup.py [RUNS]
"""
import sys
import time

from jupyter_client.manager import start_new_kernel


def main(runs):
    for _ in range(runs):
        t0 = time.time()
        km, kc = start_new_kernel(kernel_name="daxlab", startup_timeout=120)
        t1 = time.time()
        kc.execute_interactive("1 + 1", timeout=120, output_hook=lambda m: None)
        t2 = time.time()
        kc.execute_interactive("2 + 2", timeout=120, output_hook=lambda m: None)
        t3 = time.time()
        print("kernel_info reply %.2f s, first cell done %.2f s, next cell %.2f s" % (t1 - t0, t2 - t0, t3 - t2),
              flush=True)
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
