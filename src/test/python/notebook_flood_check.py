"""A cell printing 200,000 lines through the notebook server (`daxlab lab`, default IOPub rate
limits: 1000 messages/s and 1 MB/s over a 3 s window), over the kernel's websocket as a notebook
page sends it: the cell must end with its reply and idle status, and the server must not have
cut the output (it says so in a stream message when a limit is exceeded). Prints one JSON object.
Usage: notebook_flood_check.py BASE_URL TOKEN
"""
import json
import sys
import time
import uuid

from tornado import gen, httpclient, ioloop, websocket

LINES = 200_000


def request(msg_id, session, code):
    return json.dumps({
        "header": {"msg_id": msg_id, "username": "flood_check", "session": session,
                   "msg_type": "execute_request", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True}})


async def run_cell(ws, code, timeout):
    """Sends a cell; returns its messages up to both its reply and its idle status."""
    msg_id, session = uuid.uuid4().hex, uuid.uuid4().hex
    await ws.write_message(request(msg_id, session, code))
    msgs, reply, idle = [], None, False
    deadline = time.time() + timeout
    while time.time() < deadline and not (reply and idle):
        try:
            raw = await gen.with_timeout(time.time() + max(0.1, deadline - time.time()), ws.read_message())
        except gen.TimeoutError:
            break
        if raw is None:
            break
        m = json.loads(raw)
        if m.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        msgs.append(m)
        if m["msg_type"] == "execute_reply":
            reply = m
        elif m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            idle = True
    return msgs, reply, idle


async def main(base, token):
    http = httpclient.AsyncHTTPClient()
    auth = {"Authorization": "token " + token}
    kernel = json.loads((await http.fetch(base + "/api/kernels", method="POST", headers=auth,
                                          body=json.dumps({"name": "daxlab"}))).body)
    url = base.replace("http", "ws") + "/api/kernels/%s/channels?token=%s" % (kernel["id"], token)
    ws = await websocket.websocket_connect(url, max_message_size=64 * 1024 * 1024)
    out = {}
    await run_cell(ws, "1", 120)  # JShell warm
    started = time.time()
    msgs, reply, idle = await run_cell(
        ws, 'for (int i = 0; i < %d; i++) System.out.println("line " + i);' % LINES, 180)
    out["seconds_to_idle"] = round(time.time() - started, 3)
    out["idle"] = idle
    out["status"] = reply["content"]["status"] if reply else None
    streams = [m for m in msgs if m["msg_type"] == "stream"]
    text = "".join(m["content"]["text"] for m in streams)
    stdout = "".join(m["content"]["text"] for m in streams if m["content"]["name"] == "stdout")
    out["stdout_chars"] = len(stdout)
    out["stdout_lines"] = stdout.count("\n")
    out["stream_messages"] = len(streams)
    out["chars"] = len(text)
    out["rate_limited"] = any("rate exceeded" in m["content"]["text"] for m in streams)
    out["first_line"] = text.split("\n", 1)[0]
    out["last_line"] = text.rstrip("\n").rsplit("\n", 1)[-1]
    out["cut_notice"] = next((l for l in text.split("\n") if l.startswith("[daxlab: ")), None)
    msgs, reply, idle = await run_cell(ws, "6 * 7", 60)
    out["after_status"] = reply["content"]["status"] if reply else None
    ws.close()
    await http.fetch(base + "/api/kernels/" + kernel["id"], method="DELETE", headers=auth)
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    ioloop.IOLoop.current().run_sync(lambda: main(sys.argv[1], sys.argv[2]), timeout=400)
