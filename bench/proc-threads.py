#!/usr/bin/env python3
"""A process's CPU by thread group between two readings of /proc (no JVM attach, so also for Mosquitto).

  bench/proc-threads.py snap PID > before.json          every thread's user and system CPU seconds now
  bench/proc-threads.py diff PID before.json [UNITS]    the CPU since then, by group; per unit too (e.g. connects)

Threads are grouped by their OS name (the JVM gives each thread the first 15 characters of its Java name) with
trailing numbers folded, and the groups a connect storm is made of are named: the event loops (Netty's
`multiThreadIoEventLoopGroup-*`), virtual threads (their carriers, `ForkJoinPool-*`), the JIT compilers and the
collector's threads (G1's or ZGC's). A thread is matched by its id and name in both readings, so take the second
reading while the process still runs: a thread that ended in between counts in the total only.
"""
import json
import os
import re
import sys

TICKS = os.sysconf("SC_CLK_TCK")
GROUPS = [  # (group, pattern of the OS thread name), first match wins
    ("event loops", r"^multiThreadIoEv"),
    ("virtual threads (carriers)", r"^ForkJoinPool-"),
    ("JIT compilers", r"^C[12] CompilerThre"),
    ("GC: ZGC", r"^Z(Worker|Director|Driver|Stat|Uncommit)"),
    ("GC: G1", r"^(GC Thread|G1 )"),
    ("java (the main thread, native threads)", r"^java$"),
]


def stat(path):
    """user and system CPU seconds from a /proc stat file (fields 14 and 15; the name may hold spaces)."""
    with open(path) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) / TICKS, int(fields[12]) / TICKS


def snap(pid):
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            threads[f"{tid} {name}"] = stat(f"/proc/{pid}/task/{tid}/stat")
        except OSError:
            continue  # ended meanwhile
    return {"process": stat(f"/proc/{pid}/stat"), "threads": threads}


def group(name):
    for label, pattern in GROUPS:
        if re.search(pattern, name):
            return label
    return re.sub(r"[-#]?\d+$", "*", name)


def diff(before, after, units):
    total = sum(after["process"]) - sum(before["process"])
    groups = {}
    for key, (user, system) in after["threads"].items():
        user0, system0 = before["threads"].get(key, (0, 0))
        label = group(key.split(" ", 1)[1])
        u, s = groups.get(label, (0, 0))
        groups[label] = (u + user - user0, s + system - system0)
    per = f" | ms per unit ({units:,})" if units else ""
    print(f"| threads | CPU s | user / system s | share{per} |")
    print("|---|---|---|---|" + ("---|" if units else ""))
    rows = sorted(groups.items(), key=lambda kv: -sum(kv[1]))
    rows.append(("(threads that ended, and rounding)", (total - sum(sum(v) for v in groups.values()), 0)))
    for label, (u, s) in rows:
        cpu = u + s
        if abs(cpu) < 0.05:
            continue
        unit = f" | {1000 * cpu / units:.3f}" if units else ""
        print(f"| {label} | {cpu:.2f} | {u:.2f} / {s:.2f} | {100 * cpu / total if total else 0:.0f}%{unit} |")
    unit = f" | {1000 * total / units:.3f}" if units else ""
    print(f"| **process** | **{total:.2f}** | | 100%{unit} |")


def main(args):
    if len(args) == 2 and args[0] == "snap":
        json.dump(snap(args[1]), sys.stdout)
    elif len(args) in (3, 4) and args[0] == "diff":
        with open(args[2]) as f:
            before = json.load(f)
        diff(before, snap(args[1]), int(args[3]) if len(args) == 4 else 0)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
