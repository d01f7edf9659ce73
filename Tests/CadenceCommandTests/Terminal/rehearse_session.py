"""Drives `cadence rehearse` through a pseudo-terminal, as a person would type.

Usage: rehearse_session.py CADENCE WORKSPACE STATE_DIR
Exits non-zero, naming the step, when the rehearsal does not answer as expected.
"""
import os
import sys

import pexpect

cadence, workspace, state = sys.argv[1:4]
env = dict(os.environ, XDG_STATE_HOME=state, TERM="xterm", NO_COLOR="1")
child = pexpect.spawn(cadence, ["rehearse", "wayne", "--seed", "3", "--workspace", workspace], env=env,
                      encoding="utf-8", timeout=10)


def step(name, pattern):
    try:
        child.expect(pattern)
    except (pexpect.TIMEOUT, pexpect.EOF):
        sys.exit(f"{name}: expected {pattern!r}, got {child.before!r}")


step("salary question", "salary expectations")
step("prompt", "you> ")
child.sendline("I'd rather hear your proposal first")
step("push", "need a number")
step("prompt", "you> ")
child.sendline("Somewhere in the mid-fifties")
step("offer", "offer")
step("prompt", "you> ")
# Ctrl-D at the prompt ends the role play early: the feedback still comes.
child.sendcontrol("d")
step("feedback", "Feedback")
step("rule 2", "rule 2: no number first")
step("transcript", "The transcript is in")
child.expect(pexpect.EOF)
print("ok")
