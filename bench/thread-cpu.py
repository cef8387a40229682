#!/usr/bin/env python3
"""CPU per thread of a running OpenCentral server over a window, and each event-log consumer's CPU per event.

  bench/thread-cpu.py PID METRICS_URL SECONDS [--json FILE]

Reads the JVM's per-thread CPU time (`jcmd PID Thread.print`: "cpu=…ms" of every platform and VM thread, with
its full Java name) and `opencentral_eventlog_consumer_events_total` and the telemetry messages counted
(`opencentral_mqtt_messages_in_total{kind="telemetry"}`) from /metrics, at the start and the end of the window.
Prints the CPU-seconds of each thread group (trailing numbers of pool threads folded: `epollEventLoopGroup-3-*`)
and, for each `consumer-NAME` thread, its CPU-seconds per 100,000 events it handled in the window. Threads the JVM
does not know (native threads such as DuckDB's workers, all named `java` by the OS) are read from
/proc/PID/task/*/stat and grouped as `native (nice N)`, by the nice value each runs at; the first line's total is
the whole process's, from /proc/PID/stat.
"""
import json
import os
import re
import subprocess
import sys
import time
import urllib.request

THREAD = re.compile(r'^"(?P<name>[^"]+)".*?cpu=(?P<cpu>[0-9.]+)ms.*?nid=(?P<nid>\S+)', re.M)
TICKS = os.sysconf("SC_CLK_TCK")


def stat_fields(path):
    """The fields of a /proc stat file after the command name (which may hold spaces): [0] is field 3, state."""
    with open(path) as f:
        return f.read().rsplit(")", 1)[1].split()


def threads(pid):
    """CPU-seconds per Java thread name, plus per `native (nice N)` group of the threads the JVM does not list."""
    dump = subprocess.run(["jcmd", str(pid), "Thread.print"], capture_output=True, text=True, check=True).stdout
    known, cpu = set(), {}
    for m in THREAD.finditer(dump):
        known.add(int(m["nid"], 0))
        cpu[m["name"]] = float(m["cpu"]) / 1000
    for task in os.listdir(f"/proc/{pid}/task"):
        if int(task) in known or int(task) == int(pid):
            continue
        try:
            fields = stat_fields(f"/proc/{pid}/task/{task}/stat")
        except FileNotFoundError:
            continue
        name = f"native (nice {fields[16]}) #{task}"
        cpu[name] = (int(fields[11]) + int(fields[12])) / TICKS
    return cpu


def process_cpu(pid):
    fields = stat_fields(f"/proc/{pid}/stat")
    return (int(fields[11]) + int(fields[12])) / TICKS


def metrics(url):
    text = urllib.request.urlopen(url, timeout=60).read().decode()
    consumers, telemetry = {}, 0.0
    for line in text.splitlines():
        m = re.match(r'opencentral_eventlog_consumer_events_total\{.*consumer="([^"]+)".*\} ([0-9.eE+]+)', line)
        if m:
            consumers[m[1]] = float(m[2])
        m = re.match(r'opencentral_mqtt_messages_in_total\{.*kind="telemetry".*\} ([0-9.eE+]+)', line)
        if m:
            telemetry += float(m[1])
    return consumers, telemetry


def group(name):
    if name.startswith("consumer-"):
        return name
    if name.startswith("native ("):
        return name.split(" #")[0]
    return re.sub(r"[-#_ ]?\d+$", "-*", re.sub(r"(\D)\d+(-\d+)$", r"\1*\2", name))


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    pid, url, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    out = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--json" else None
    t0, p0, (c0, m0), w0 = threads(pid), process_cpu(pid), metrics(url), time.monotonic()
    time.sleep(seconds)
    t1, p1, (c1, m1), w1 = threads(pid), process_cpu(pid), metrics(url), time.monotonic()
    wall, messages = w1 - w0, m1 - m0
    groups = {}
    for name, cpu in t1.items():
        groups[group(name)] = groups.get(group(name), 0.0) + cpu - t0.get(name, 0.0)
    total = p1 - p0
    print(f"window {wall:.1f} s, telemetry messages {messages:,.0f} ({messages / wall:,.0f}/s), "
          f"process CPU {total:.2f} s = {100 * total / wall:.0f} % of a core, "
          f"{total * 1e5 / messages if messages else 0:.2f} CPU-s per 100k messages")
    print(f"{'thread (group)':40} {'CPU-s':>8} {'% core':>7} {'events':>10} {'CPU-s/100k ev':>14} {'per 100k msgs':>14}")
    rows = []
    for name, cpu in sorted(groups.items(), key=lambda kv: -kv[1]):
        consumer = name[len("consumer-"):] if name.startswith("consumer-") else None
        events = c1.get(consumer, 0) - c0.get(consumer, 0) if consumer else 0
        per_event = cpu * 1e5 / events if events else None
        per_msg = cpu * 1e5 / messages if messages else None
        rows.append({"thread": name, "cpuSeconds": cpu, "events": events, "cpuPer100kEvents": per_event,
                     "cpuPer100kMessages": per_msg})
        if cpu >= 0.005 or consumer:
            print(f"{name[:40]:40} {cpu:8.2f} {100 * cpu / wall:6.1f}% {events:10,.0f} "
                  f"{per_event if per_event is not None else float('nan'):14.2f} "
                  f"{per_msg if per_msg is not None else float('nan'):14.3f}")
    if out:
        with open(out, "w") as f:
            json.dump({"wallSeconds": wall, "messages": messages, "processCpuSeconds": total, "threads": rows}, f, indent=1)


if __name__ == "__main__":
    main()
