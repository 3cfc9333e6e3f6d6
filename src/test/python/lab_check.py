"""What a browser does with `daxlab lab`: list kernelspecs, open 00-start-here, start a Java
(daxlab) kernel, run a cell over the kernel's websocket. Prints one JSON object.
Usage: lab_check.py BASE_URL TOKEN
"""
import json
import sys
import time
import uuid

from tornado import gen, httpclient, ioloop, websocket


async def main(base, token):
    http = httpclient.AsyncHTTPClient()
    auth = {"Authorization": "token " + token}
    out = {}
    specs = json.loads((await http.fetch(base + "/api/kernelspecs", headers=auth)).body)
    out["java_spec"] = specs["kernelspecs"].get("daxlab", {}).get("spec", {}).get("display_name")
    nb = json.loads((await http.fetch(base + "/api/contents/00-start-here.ipynb", headers=auth)).body)
    out["notebook_kernel"] = nb["content"]["metadata"]["kernelspec"]["name"]
    page = await http.fetch(base + "/notebooks/00-start-here.ipynb", headers=auth)
    out["notebook_page"] = page.code
    kernel = json.loads((await http.fetch(base + "/api/kernels", method="POST", headers=auth,
                                          body=json.dumps({"name": "daxlab"}))).body)
    url = base.replace("http", "ws") + "/api/kernels/%s/channels?token=%s" % (kernel["id"], token)
    ws = await websocket.websocket_connect(url)
    msg_id = uuid.uuid4().hex
    started = time.time()
    await ws.write_message(json.dumps({
        "header": {"msg_id": msg_id, "username": "lab_check", "session": uuid.uuid4().hex,
                   "msg_type": "execute_request", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": "var s = Scenarios.build(Scenario.PUT_VS_GET, PutVariant.ORIGINAL);\n"
                            "Interleavings.enumerate(s.program(), s.classifier())",
                    "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True}}))
    deadline = time.time() + 120
    idle = False
    # Shell replies and iopub outputs share the websocket but not an order: wait for both the
    # reply and the kernel going idle after this request.
    while time.time() < deadline and not ("reply_status" in out and idle):
        raw = await gen.with_timeout(time.time() + 120, ws.read_message())
        if raw is None:
            break
        m = json.loads(raw)
        if m.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "execute_result":
            out["result_mimetypes"] = sorted(m["content"]["data"].keys())
        elif m["msg_type"] == "execute_reply":
            out["reply_status"] = m["content"]["status"]
        elif m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            idle = True
    out["cell_seconds"] = round(time.time() - started, 2)
    ws.close()
    await http.fetch(base + "/api/kernels/" + kernel["id"], method="DELETE", headers=auth)
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    ioloop.IOLoop.current().run_sync(lambda: main(sys.argv[1], sys.argv[2]), timeout=300)
