"""Stopping what `make run` and the test servers start (devtools/local_aws.py `stop_process`)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from devtools.local_aws import stop_process

# A group leader that ignores SIGINT, as a child of `make run &` started by a non-interactive shell does,
# with a child of its own that inherits that; it prints once both are up.
IGNORES_SIGINT = """
import signal, subprocess, sys, time
signal.signal(signal.SIGINT, signal.SIG_IGN)
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
print(child.pid, flush=True)
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def _gone(pid: int, within: float = 10.0) -> bool:
    """Whether `pid` has exited (or is a zombie) by `within` seconds from now: a signal is delivered
    asynchronously, so a process signalled a moment ago may still be on its way out."""
    deadline = time.monotonic() + within
    while _alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_a_group_that_ignores_sigint_is_stopped_by_sigterm_not_killed() -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", IGNORES_SIGINT], stdout=subprocess.PIPE, start_new_session=True
    )
    assert process.stdout is not None
    child = int(process.stdout.readline())
    stop_process(process, group=True)
    assert process.returncode == -signal.SIGTERM  # SIGTERM after the grace, not the SIGKILL at the end
    assert _gone(child)


def test_a_group_that_stops_on_sigint_gets_nothing_else() -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", "import time; print('up', flush=True); time.sleep(120)"],
        stdout=subprocess.PIPE,
        start_new_session=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == b"up"
    stop_process(process, group=True)
    assert process.returncode == -signal.SIGINT  # an uncaught KeyboardInterrupt ends Python by SIGINT
