#!/usr/bin/env python3
"""bench/gc-per-message's summary of one run (see that script): per acknowledged message in the sim's measured window,
the bytes allocated and promoted (from the /metrics samples), the GC pauses per 100,000 messages (from the GC log),
the sim's ack latency and, with a JFR allocation dump, the sampled allocation by class and by OpenCentral frame.

  bench/gc-per-message-helper.py OUT-DIR LABEL UPTIME-START UPTIME-END JAVA-OPTS ALLOCATIONS-JSON
"""
import json, re, sys, datetime
out, label, up_start, up_end, opts, allocations = sys.argv[1:]
lines = open(f"{out}/{label}.sim.log").read().splitlines()
def first(phase):
    return next(float(l.split()[0]) for l in lines if re.match(r"^\S+ \[" + phase + r"\s", l))
t0, t1 = first("measure") - 1, first("drain") + 1   # progress lines come once a second, after their second
samples, now = [], None
for l in open(f"{out}/{label}.metrics"):
    if l.startswith("@ "):
        now = {"t": float(l.split()[1])}; samples.append(now)
    elif now is not None:
        name, value = l.rsplit(" ", 1); now[name.split("{")[0]] = float(value)
samples = [s for s in samples if "jvm_gc_memory_allocated_bytes_total" in s and "opencentral_mqtt_ack_latency_seconds_count" in s]
a = min((s for s in samples if s["t"] >= t0), key=lambda s: s["t"])
b = max((s for s in samples if s["t"] <= t1), key=lambda s: s["t"])
acked = b["opencentral_mqtt_ack_latency_seconds_count"] - a["opencentral_mqtt_ack_latency_seconds_count"]
alloc = (b["jvm_gc_memory_allocated_bytes_total"] - a["jvm_gc_memory_allocated_bytes_total"]) / acked
promo = (b["jvm_gc_memory_promoted_bytes_total"] - a["jvm_gc_memory_promoted_bytes_total"]) / acked
pauses, gc_cpu = [], 0.0
for l in open(f"{out}/{label}.gc.log"):
    stamp = re.match(r"^\[([^\]]+)\]", l)
    if not stamp or not a["t"] <= datetime.datetime.strptime(stamp.group(1), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp() <= b["t"]:
        continue
    m = re.search(r"Pause .* ([0-9.]+)ms$", l.strip())
    if m:
        pauses.append(float(m.group(1)))
    m = re.search(r"User=([0-9.]+)s Sys=([0-9.]+)s", l)   # G1's gc+cpu: the GC threads' CPU in a pause
    if m:
        gc_cpu += float(m.group(1)) + float(m.group(2))
pauses.sort()
per100k = 100_000 / acked
run = json.load(open(f"{out}/{label}.json"))
cpu = run.get("server", {}).get("cpuAvgPercent", 0)   # the sim's average over its measured window
lat = run["latencyMs"]
row = {"label": label, "java_opts": opts, "acked_in_window": int(acked), "seconds": round(b["t"] - a["t"], 1),
       "acked_per_s": round(acked / (b["t"] - a["t"])), "alloc_bytes_per_msg": round(alloc),
       "promoted_bytes_per_msg": round(promo), "pauses_per_100k": round(len(pauses) * per100k, 1),
       "pause_ms_sum_per_100k": round(sum(pauses) * per100k, 1),
       "pause_p50_ms": pauses[len(pauses) // 2] if pauses else 0, "pause_max_ms": pauses[-1] if pauses else 0,
       "pause_cpu_s_per_100k": round(gc_cpu * per100k, 2),
       "ack_ms": {k: lat[k + "Ms"] for k in ("p50", "p99", "p999", "max")},
       "server_cpu_pct": round(cpu, 1),
       "msgs_per_server_cpu_s": round(acked / (b["t"] - a["t"]) / (cpu / 100)) if cpu else None, "uptime_start": up_start.split("load average:")[-1].strip(),
       "uptime_end": up_end.split("load average:")[-1].strip()}
print(json.dumps(row))
try:
    events = json.load(open(allocations))["recording"]["events"]
except OSError:
    events = []
by_class, by_frame = {}, {}
for e in events:
    v = e["values"]
    t = datetime.datetime.fromisoformat(v["startTime"].replace("Z", "+00:00")).timestamp()
    if not a["t"] <= t <= b["t"]:
        continue
    cls = v["objectClass"]["name"]
    frames = (v.get("stackTrace") or {}).get("frames") or []
    ours = next((f for f in frames if f["method"]["type"]["name"].startswith("org.opencentral")
                 and "$$Lambda" not in f["method"]["type"]["name"]), None)
    site = f'{ours["method"]["type"]["name"].rsplit(".", 1)[-1]}.{ours["method"]["name"]}' if ours else "(no OpenCentral frame)"
    by_class[cls] = by_class.get(cls, 0) + v["weight"]
    by_frame[site] = by_frame.get(site, 0) + v["weight"]
for title, table in (("class", by_class), ("first OpenCentral frame", by_frame)):
    if table:
        print(f"sampled allocation per acknowledged message by {title} (JFR, the window):")
        for name, weight in sorted(table.items(), key=lambda kv: -kv[1])[:20]:
            print(f"  {weight / acked:8.0f} B  {name}")
with open(f"{out}/summary.tsv", "a") as f:
    f.write(json.dumps(row) + "\n")
