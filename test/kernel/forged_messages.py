"""Messages the kernel must not act on: wrong signature, altered content, replays.

Each test sends a message over the kernel's shell socket that, if executed, would create a marker
file, then checks that no marker appeared and that the kernel still answers a real client.
The kernel takes shell requests in the order they arrive and runs execute requests one after the
other in that order, so once a signed execute sent after the forged message on the same socket
has been answered, the forged one has had its turn: the marker check comes after that answer.
Run by test/kernel/python.test.ts; results go to SPARK_TS_PY_RESULTS.
"""
import os
import sys
import tempfile
import unittest
import uuid

from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

sys.path.insert(0, os.path.dirname(__file__))
from pyresults import run_and_record  # noqa: E402


def process_tree(root):
    """The pid and every descendant's, from the parent links in /proc/<pid>/stat."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    # The command name may hold spaces; the fields after its ")" are fixed.
                    parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (FileNotFoundError, ProcessLookupError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        children = [child for child, parent in parents.items() if parent == pid]
        tree.update(children)
        frontier.extend(children)
    return tree


def marker_code(path):
    return f'require("fs").writeFileSync({path!r}, "ran")'


class ForgedMessages(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=os.environ["SPARK_TS_KERNEL_NAME"])
        cls.tmp = tempfile.mkdtemp()

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel()

    def marker(self, name):
        return os.path.join(self.tmp, name)

    def send_raw(self, session, content):
        msg = session.msg("execute_request", content)
        session.send(self.kc.shell_channel.socket, msg)
        return msg

    def after_what_was_sent(self):
        """Runs a signed execute behind what was sent before it and waits for its answer.

        Its own marker shows that the same code, signed with the connection key, does run.
        """
        control = self.marker(f"control-{uuid.uuid4()}")
        reply = self.kc.execute_interactive(marker_code(control), timeout=60)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertTrue(os.path.exists(control), "the signed execute ran")

    def assert_not_run(self, path):
        self.after_what_was_sent()
        self.assertFalse(os.path.exists(path), "the forged message was executed")

    def test_a_message_signed_with_another_key_is_not_executed(self):
        path = self.marker("wrong-key")
        forger = Session(key=b"not-the-connection-key", username="mallory")
        self.send_raw(forger, {"code": marker_code(path), "silent": False, "store_history": True,
                               "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        self.assert_not_run(path)

    def test_a_signed_message_with_altered_content_is_not_executed(self):
        path = self.marker("altered")
        session = self.kc.session
        msg = session.msg("execute_request", {"code": "1 + 1", "silent": False, "store_history": True,
                                              "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        frames = session.serialize(msg)
        # frames: [DELIM, signature, header, parent, metadata, content]; swap the content only.
        frames[5] = session.pack({"code": marker_code(path), "silent": False, "store_history": True,
                                  "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        self.kc.shell_channel.socket.send_multipart(frames)
        self.assert_not_run(path)

    def test_sockets_listen_only_on_the_connection_files_address(self):
        if not os.path.exists("/proc/net/tcp"):
            self.skipTest("needs Linux's /proc")
        # The kernel may run in a child of the launched process (started from its startup
        # snapshot), so every socket of the launched process and its descendants counts.
        inodes = set()
        for pid in process_tree(self.km.provisioner.process.pid):
            for fd in os.listdir(f"/proc/{pid}/fd"):
                try:
                    target = os.readlink(f"/proc/{pid}/fd/{fd}")
                except FileNotFoundError:
                    continue
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
        listening = []
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            with open(table) as f:
                for line in f.readlines()[1:]:
                    cols = line.split()
                    if cols[3] == "0A" and cols[9] in inodes:  # 0A: LISTEN
                        listening.append(cols[1])
        ports = {self.km.shell_port, self.km.iopub_port, self.km.stdin_port, self.km.control_port, self.km.hb_port}
        self.assertEqual({int(a.split(":")[1], 16) for a in listening}, ports)
        # 0100007F is 127.0.0.1 in /proc's byte order; anything else would be reachable from outside.
        self.assertEqual({a.split(":")[0] for a in listening}, {"0100007F"})

    def test_a_replayed_message_is_executed_once(self):
        path = self.marker("replayed")
        session = self.kc.session
        msg = session.msg("execute_request", {
            "code": f'require("fs").appendFileSync({path!r}, "x")', "silent": False, "store_history": True,
            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        frames = session.serialize(msg)
        self.kc.shell_channel.socket.send_multipart(frames)
        self.after_what_was_sent()
        with open(path) as f:
            self.assertEqual(f.read(), "x", "the original message ran once")
        self.kc.shell_channel.socket.send_multipart(frames)
        self.after_what_was_sent()
        with open(path) as f:
            self.assertEqual(f.read(), "x", "the replay did not run")


if __name__ == "__main__":
    run_and_record(ForgedMessages)
