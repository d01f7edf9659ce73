"""Drives `cadence repl` through a pseudo-terminal, as a person would type.

Usage: repl_session.py CADENCE WORKSPACE STATE_DIR
Exits non-zero, naming the step, when the REPL does not answer as expected.
"""
import os
import sys
import time

import pexpect

cadence, workspace, state = sys.argv[1:4]
# The "C" locale, as a bare login or a cron job has it: the REPL must still read UTF-8.
env = dict(os.environ, XDG_STATE_HOME=state, TERM="xterm", NO_COLOR="1", LANG="C")
env.pop("LC_ALL", None)
env.pop("LC_CTYPE", None)


def start():
    child = pexpect.spawn(cadence, ["repl", "--workspace", workspace], env=env, encoding="utf-8", timeout=10)
    child.expect_exact("> ")
    return child


def leave(child):
    """Ctrl-D at the prompt: typed while a line still runs, the terminal is not
    yet in libedit's mode and would take it as its own end-of-file mark."""
    child.expect_exact("> ")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)


def step(name, child, pattern):
    try:
        child.expect(pattern)
    except (pexpect.TIMEOUT, pexpect.EOF):
        sys.exit(f"{name}: expected {pattern!r}, got {child.before!r}")


child = start()
# Tab completion of a field path, and of methods after ':'.
child.send("cadence.transa\t")
step("completion", child, "ction")
child.sendcontrol("u")
child.sendline("2 + 2")
step("expression", child, r"\r\n4\r\n")
# Letters beyond ASCII are typed whole, whatever locale the terminal started in.
child.sendline('"Müller Straße " .. cadence.money_text(cadence.money("65.000 €"))')
step("UTF-8 typed at the prompt", child, "Müller Straße 65,000 EUR")
# A chunk continues on the next line; Ctrl-C drops it.
child.sendline("1 +")
step("continuation prompt", child, ">> ")
child.sendcontrol("c")
child.expect_exact("> ")
child.sendline("10 * 10")
step("after cancelling the line", child, r"\r\n100\r\n")
# Ctrl-C interrupts running code, also a loop inside pcall, and the state survives.
child.sendline("kept = 7")
child.sendline("while true do pcall(function() while true do end end) end")
child.expect_exact("while true")
time.sleep(0.5)
child.sendcontrol("c")
step("interrupt", child, "interrupted")
# The message names no file of Cadence's own.
if "Scripts/" in child.before or ".lua:" in child.before:
    sys.exit(f"interrupt message names a path: {child.before!r}")
child.sendline("kept")
step("state intact", child, r"\r\n7\r\n")
child.sendline("2 * 21")
step("last line", child, r"\r\n42\r\n")
# Ctrl-D leaves and saves the history.
leave(child)
# libedit writes spaces in its history file as \040.
history = open(os.path.join(state, "cadence", "history")).read().replace("\\040", " ")
if "10 * 10" not in history:
    sys.exit(f"history: not saved ({history!r})")
# The next session recalls it with the up arrow.
child = start()
child.send("\x1b[A")
step("history recall", child, "2 \\* 21")
child.sendline("")
step("recalled line runs", child, r"\r\n42\r\n")
leave(child)
print("ok")
