"""Drives `cadence rehearse` through a pseudo-terminal, as a person would type.

Usage: rehearse_session.py CADENCE WORKSPACE STATE_DIR SCENARIO
SCENARIO is "gb" (Acme, Analyst: 31,000 GBP offered; 28,000/30,000/35,000 GBP)
or "us" (Initech, Staff Engineer: 172,000 USD offered; 160,000/175,000/195,000 USD).
Exits non-zero, naming the step, when the rehearsal does not answer as expected.
"""
import os
import re
import sys
import termios
import time

import pexpect

cadence, workspace, state, scenario = sys.argv[1:5]
env = dict(os.environ, XDG_STATE_HOME=state, TERM="xterm", NO_COLOR="1")
app = {"gb": "acme", "us": "initech"}[scenario]


def spawn():
    return pexpect.spawn(cadence, ["rehearse", app, "--seed", "3", "--workspace", workspace], env=env,
                         encoding="utf-8", timeout=60)


def step(child, name, pattern):
    try:
        child.expect(pattern)
    except (pexpect.TIMEOUT, pexpect.EOF):
        sys.exit(f"{scenario} {name}: expected {pattern!r}, got {child.before!r}")


def editing(child):
    """Waits until libedit has the terminal (no canonical mode): typed before, a line
    is the terminal's own and may be flushed as libedit takes over, so nothing reads it."""
    for _ in range(6000):
        if not termios.tcgetattr(child.child_fd)[3] & termios.ICANON:
            return
        time.sleep(0.01)
    sys.exit(f"{scenario}: the prompt never took the terminal")


def prompt(child):
    step(child, "prompt", "you> ")
    editing(child)


def say(child, text):
    prompt(child)
    child.sendline(text)


offer = re.escape({"gb": "£31,000", "us": "$172,000"}[scenario])
pushed = {"gb": "33-36k", "us": "$185k to $195k"}[scenario]

# A whole rehearsal: deflect, a range when pushed, time with a day and hour, the package.
child = spawn()
step(child, "salary question", "salary expectations")
say(child, "I'd rather hear your proposal first")
step(child, "push", "need a number")
say(child, pushed)
step(child, "the recorded offer", offer)
# Line editing: a typo corrected with backspace before Enter.
prompt(child)
child.send("Could I think it over and come back to you on Thursday at 10?x")
child.send("\x7f")
child.send("\r")
step(child, "time answered as time", "take the time")
say(child, "Could we look at the start date and a moving allowance?")
step(child, "the package heard", "more room|what I can do")
say(child, "Thank you, talk on Thursday at 10.")
step(child, "their close", "What happens next|When can you let us know")
say(child, "I'll come back to you on Thursday at 10, as agreed.")
step(child, "feedback", "Feedback")
step(child, "rule 2", "rule 2: no number first")
step(child, "rule 4", "rule 4: a range a little above your going rate")
step(child, "rule 5", "rule 5: you asked for time")
step(child, "rule 6", "rule 6: you raised the package")
step(child, "transcript", "The transcript is in")
child.expect(pexpect.EOF)

# Ctrl-D at the prompt ends the role play early: the feedback still comes, with progress over the two.
child = spawn()
step(child, "salary question again", "salary expectations")
say(child, "About thirty thousand." if scenario == "gb" else "About one eighty-five.")
step(child, "straight to the offer", offer)
prompt(child)
child.sendcontrol("d")
step(child, "feedback", "Feedback")
step(child, "rule 2 broken", "rule 2: you gave the first number")
step(child, "progress", "kept 1 of your last 2 rehearsals")
step(child, "transcript", "The transcript is in")
child.expect(pexpect.EOF)
print("ok")
