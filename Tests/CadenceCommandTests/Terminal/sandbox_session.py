"""Runs `cadence run --sandbox` on a pseudo-terminal, as from a person's shell,
and looks at the sandboxed process from outside while its script runs.

Usage: sandbox_session.py CADENCE FOLDER
Exits non-zero, naming the step, when the sandboxed process could reach the
terminal: a controlling terminal, a terminal among its descriptors 0-2, or
the host's session. Also checks that Ctrl-C still stops the script (130).
"""
import os
import sys
import time

import pexpect

cadence, folder = sys.argv[1:3]
script = os.path.join(folder, "busy.lua")
with open(script, "w") as f:
    f.write("print('ready') local t = os.clock() while os.clock() - t < 20 do end print('finished')\n")


def fail(step, detail):
    sys.exit(f"{step}: {detail}")


def stat(pid):
    """state, ppid, pgrp, session, tty_nr of /proc/PID/stat (after the command's name)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return {"state": fields[0], "ppid": int(fields[1]), "pgrp": int(fields[2]), "session": int(fields[3]), "tty": int(fields[4])}


def children(pid):
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(word) for word in f.read().split()]
        except FileNotFoundError:
            pass
    return found


child = pexpect.spawn(cadence, ["run", "--sandbox", "--time-limit", "30", script], encoding="utf-8", timeout=15,
                      env=dict(os.environ, TERM="xterm"))
try:
    child.expect_exact("ready")
except (pexpect.TIMEOUT, pexpect.EOF):
    fail("start", f"no 'ready' from the script: {child.before!r}")

host = child.pid
found = []
deadline = time.time() + 5
while not found and time.time() < deadline:
    found = children(host)
    time.sleep(0.01)
if len(found) != 1:
    fail("sandboxed process", f"the host has {len(found)} children")
box = found[0]
host_stat, box_stat = stat(host), stat(box)

if host_stat["tty"] == 0:
    fail("host", "the host itself has no controlling terminal: the test's terminal is not set up")
if box_stat["tty"] != 0:
    fail("controlling terminal", f"the sandboxed process has one (tty_nr {box_stat['tty']})")
if box_stat["session"] == host_stat["session"] or box_stat["session"] != box:
    fail("session", f"the sandboxed process is in session {box_stat['session']} (host: {host_stat['session']}, itself: {box})")
if box_stat["pgrp"] != box:
    fail("process group", f"the sandboxed process is in group {box_stat['pgrp']}, not its own")

# Its descriptors 0-2 are pipes to the host, none a terminal. (A process
# that is not dumpable hides them from any user but root: that is a wall too.)
try:
    for fd in (0, 1, 2):
        target = os.readlink(f"/proc/{box}/fd/{fd}")
        if not target.startswith("pipe:"):
            fail("descriptors", f"its descriptor {fd} is {target}, not a pipe")
except PermissionError:
    pass

# Ctrl-C at the terminal reaches the host, which passes it on: the script stops with 130.
child.sendcontrol("c")
try:
    child.expect("interrupted")
    child.expect(pexpect.EOF)
except (pexpect.TIMEOUT, pexpect.EOF):
    fail("interrupt", f"Ctrl-C did not stop the script: {child.before!r}")
child.close()
if child.exitstatus != 130:
    fail("interrupt status", f"{child.exitstatus} (signal {child.signalstatus}), not 130")
if "finished" in child.before:
    fail("interrupt", "the script ran to its end")
print("ok")
