"""A Jupyter kernel that loses output on purpose, for the notebook pipeline's tests. Like the daxlab
kernel it says in each execute_reply's metadata how many output messages it published for the
request ("daxlab_outputs"); asked to, it publishes fewer, or never reports going idle.

Cells:  send N        N stream messages, says N
        lose K of N   N - K stream messages, says N (K lost on the way, as a full queue would)
        no idle       one stream message, then the reply, and no idle status
Run:    lossy_kernel.py -f CONNECTION_FILE  (kernelspec argv)
"""
from ipykernel.kernelapp import IPKernelApp
from ipykernel.kernelbase import Kernel


class LossyKernel(Kernel):
    implementation = "lossy"
    implementation_version = "1.0"
    banner = "a kernel that loses output on purpose"
    language_info = {"name": "text", "mimetype": "text/plain", "file_extension": ".txt"}

    claimed = None
    skip_idle = False

    def do_execute(self, code, silent, store_history=True, user_expressions=None, allow_stdin=False,
                   **kwargs):
        words = code.split()
        sent = claimed = 0
        if words[:1] == ["send"]:
            sent = claimed = int(words[1])
        elif words[:1] == ["lose"]:
            claimed = int(words[3])
            sent = claimed - int(words[1])
        elif code.strip() == "no idle":
            sent = claimed = 1
            self.skip_idle = True
        for i in range(sent):
            self.send_response(self.iopub_socket, "stream", {"name": "stdout", "text": "line %d\n" % i})
        self.claimed = claimed
        return {"status": "ok", "execution_count": self.execution_count, "payload": [], "user_expressions": {}}

    def finish_metadata(self, parent, metadata, reply_content):
        metadata = super().finish_metadata(parent, metadata, reply_content)
        if self.claimed is not None:
            metadata["daxlab_outputs"] = self.claimed
        return metadata

    def _publish_status(self, status, channel, parent=None):
        if status == "idle" and channel == "shell" and self.skip_idle:
            self.skip_idle = False
            return
        super()._publish_status(status, channel, parent)


if __name__ == "__main__":
    IPKernelApp.launch_instance(kernel_class=LossyKernel)
