"""Jupyter's kernel conformance suite (Debian's python3-jupyter-kernel-test) against our kernel.

Run by daxlab.kernel.ConformanceIT with JUPYTER_PATH pointing at the project's kernelspec.
"""
import unittest

import jupyter_kernel_test as jkt
from jupyter_client.manager import start_new_kernel
from jupyter_client.utils import run_sync
from jupyter_kernel_test.msgspec_v5 import validate_message

IOPUB_WAIT = 5  # seconds for each iopub message once the reply is in

SCENARIO = ("var s = Scenarios.build(Scenario.PUT_VS_GET, PutVariant.ORIGINAL);\n"
            "var h = Interleavings.enumerate(s.program(), s.classifier());\n")


class DaxlabKernelTests(jkt.KernelTests):
    kernel_name = "daxlab"
    language_name = "java"
    file_extension = ".jshell"

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=cls.kernel_name, startup_timeout=120)
        # The suite allows 15 s per reply; the first cell also waits for JShell to start.
        cls.kc.execute_interactive("1", timeout=120)

    def execute_helper(self, code, timeout=jkt.TIMEOUT, silent=False, store_history=True, stop_on_error=True):
        """The suite's own check of one execution, with the same message checks, except that it
        waits up to IOPUB_WAIT seconds (not 0.1) for each iopub message after the reply: the
        protocol asks for busy, the outputs, then idle, not for a deadline, and on a loaded
        2-core machine the idle status can arrive more than 0.1 s after the reply."""
        msg_id = self.kc.execute(code=code, silent=silent, store_history=store_history,
                                 stop_on_error=stop_on_error)
        reply = self.get_non_kernel_info_reply(timeout=timeout)
        validate_message(reply, "execute_reply", msg_id)
        busy = run_sync(self.kc.iopub_channel.get_msg)(timeout=IOPUB_WAIT)
        validate_message(busy, "status", msg_id)
        self.assertEqual(busy["content"]["execution_state"], "busy")
        outputs = []
        while True:
            msg = run_sync(self.kc.iopub_channel.get_msg)(timeout=IOPUB_WAIT)
            validate_message(msg, msg["msg_type"], msg_id)
            kind = msg["msg_type"]
            if kind == "status":
                self.assertEqual(msg["content"]["execution_state"], "idle")
                return reply, outputs
            if kind == "execute_input":
                self.assertEqual(msg["content"]["code"], code)
                continue
            outputs.append(msg)

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("on stderr");'

    completion_samples = [
        {"text": "Scenarios.bui", "matches": {"build("}},
        {"text": "PutVariant.PATCH_V1_R", "matches": {"PATCH_V1_RELAXED"}},
    ]
    complete_code_samples = ["1 + 1", "int x = 1;", "for (int i = 0; i < 2; i++) { }"]
    incomplete_code_samples = ["for (int i = 0; i < 2; i++) {", "void f() {"]
    invalid_code_samples = ["}", "int x = ;", "else { }"]

    code_generate_error = 'throw new IllegalStateException("boom");'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"put" + "-vs-" + "get"', "result": "put-vs-get"},
        {"code": SCENARIO + "h.total()", "result": "4"},
    ]
    code_display_data = [
        {"code": SCENARIO + "display(h);", "mime": "image/png"},
        {"code": SCENARIO + "display(h);", "mime": "image/svg+xml"},
        {"code": SCENARIO + "display(h);", "mime": "text/plain"},
    ]
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6 *"
    code_inspect_sample = "Scenarios.build"


if __name__ == "__main__":
    unittest.main(verbosity=2)
