#!/usr/bin/env python3
"""Times whole processes side by side, interleaved: every round runs each
command once, in a new random order, so that a change in the machine's load
(it is shared) falls on all of them alike instead of on whichever command
hyperfine happened to be running. Prints JSON: for each label, the wall times
CPU times (user + sys of the child, from wait4) and user times of every round,
in seconds: the kernel's share (sys) is mostly memory handed to the process,
which on a VM varies with what ran before.

Usage: interleave.py ROUNDS WARMUP COMMANDS.json > times.json
COMMANDS.json: [{"label": "...", "argv": ["prog", "arg", ...]}, ...]
Output: {"LABEL": {"wall": [...], "cpu": [...], "user": [...]}, ...}
"""
import json
import os
import random
import sys
import time


def run_once(argv):
    """Wall, CPU and user seconds of one run of argv, stdout and stderr discarded."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
        start = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
    finally:
        os.close(devnull)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"interleave.py: {argv[0]} failed (status {status})")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_utime


def main():
    rounds, warmup, commands_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    commands = json.load(open(commands_file))
    times = {c["label"]: {"wall": [], "cpu": [], "user": []} for c in commands}
    order = list(commands)
    for r in range(warmup + rounds):
        random.shuffle(order)
        for c in order:
            wall, cpu, user = run_once(c["argv"])
            if r >= warmup:
                times[c["label"]]["wall"].append(wall)
                times[c["label"]]["cpu"].append(cpu)
                times[c["label"]]["user"].append(user)
    json.dump(times, sys.stdout)


if __name__ == "__main__":
    main()
