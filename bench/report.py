#!/usr/bin/env python3
"""Turns one bench/run results directory into the BENCHMARKS.md section between the bench/run markers."""
import json
import pathlib
import re
import sys

BEGIN = "<!-- bench/run:begin -->"
END = "<!-- bench/run:end -->"


def load(results, name):
    path = results / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def cmd(results, name):
    path = results / f"{name}.cmd"
    text = re.sub(r"/tmp/opencentral-bench\.\w+", "$WORK", path.read_text().strip()) if path.exists() else ""
    return "bench/sim " + text if text else ""


def ms(v):
    return f"{v:.0f}" if v >= 100 else f"{v:.1f}"


def mib(b):
    return f"{b / 2**20:,.0f} MiB"


def errors(r):
    e = r.get("errors", {})
    return ", ".join(f"{k} {v:,}" for k, v in e.items()) if e else "none"


def cpu_per_100k(r):
    """Server CPU seconds per 100,000 acknowledged messages in the measured window: the per-message cost."""
    srv, acked = r.get("server", {}), r["messages"]["acked"]
    return f"{srv.get('cpuAvgPercent', 0) / 100 * r['measuredSeconds'] / acked * 100_000:.1f}" if acked else "–"


def broker(name, r):
    """OpenCentral (over MQTT), OpenCentral AMQP, or Mosquitto."""
    if not name.startswith("oc-"):
        return "Mosquitto"
    return "OpenCentral AMQP" if r["settings"].get("protocol") == "amqp" else "OpenCentral"


def ingest_rows(results):
    rows = []
    names = sorted(p.stem for p in results.glob("*ingest-*.json"))
    names = sorted(names, key=lambda n: (not n.startswith("oc-"), "plain" in n, int(n.rsplit("-", 1)[1]), "amqp" in n))
    for name in names:
        r = load(results, name)
        s, lat, srv = r["settings"], r["latencyMs"], r.get("server", {})
        rows.append(f"| {broker(name, r)} | {'TLS' if s.get('tls') == 'true' else 'plain'} | {int(s['devices']):,} | {s['window']} "
                    f"| {r['connections']['established']:,} ({r['connections']['perSecond']:,.0f}/s) "
                    f"| **{r['messages']['ackedPerSecond']:,.0f}** | {ms(lat['p50Ms'])} | **{ms(lat['p99Ms'])}** "
                    f"| {ms(lat['p999Ms'])} | {ms(lat['maxMs'])} "
                    f"| {srv.get('cpuAvgPercent', 0):.0f}% | {cpu_per_100k(r)} | {mib(srv.get('rssMaxBytes', 0))} "
                    f"| {r['loadGenerator']['cpuAvgPercent']:.0f}% | {errors(r)} |")
    return rows, names


def open_section(results, lines):
    """The open-loop ingest (issue 17): latency from each message's scheduled send, warm-up apart."""
    names = sorted((p.stem for p in results.glob("*-open-*.json")),
                   key=lambda n: (int(n.rsplit("x", 1)[1]), not n.startswith("oc-"), "amqp" in n))
    if not names:
        return []
    lines += ["", "### Open loop: every device sends on its own schedule, QoS 1 over TLS (issue 17)", "",
              "Latency is timed from each message's scheduled send (a late send counts); the warm-up is reported "
              "apart and left out of the measured columns.", "",
              "| broker | devices × msg/s each | offered msg/s | connected | msg/s acked | p50 ms | p99 | p99.9 | max "
              "| warm-up p99 / max ms | server CPU | errors |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name in names:
        r = load(results, name)
        s, lat, warm, srv = r["settings"], r["latencyMs"], r.get("warmupLatencyMs", {}), r.get("server", {})
        devices, rate = int(s["devices"]), float(s["rate-per-device"])
        lines.append(f"| {broker(name, r)} | {devices:,} × {rate:g} "
                     f"| {devices * rate:,.0f} | {r['connections']['established']:,} "
                     f"| **{r['messages']['ackedPerSecond']:,.0f}** | {ms(lat['p50Ms'])} | **{ms(lat['p99Ms'])}** "
                     f"| **{ms(lat['p999Ms'])}** | {ms(lat['maxMs'])} "
                     f"| {ms(warm.get('p99Ms', 0))} / {ms(warm.get('maxMs', 0))} "
                     f"| {srv.get('cpuAvgPercent', 0):.0f}% | {errors(r)} |")
    return names


def soak_section(results, lines):
    r = load(results, "oc-soak")
    if not r:
        return None
    heap = dict(kv.split("=") for kv in (results / "oc-soak-heap.txt").read_text().split()) \
        if (results / "oc-soak-heap.txt").exists() else {}
    c, srv = r["connections"], r.get("server", {})
    n = max(c["established"], 1)
    rss_delta = srv.get("rssMaxBytes", 0) - srv.get("rssStartBytes", 0)
    heap_delta = (int(heap.get("heap_during_kb", 0)) - int(heap.get("heap_before_kb", 0))) * 1024
    lines += ["", "### Idle TLS connections (soak)", "",
              "| requested | established | connect rate | connect p50 / p99 ms | server RSS start → max | RSS per connection "
              "| heap after full GC, before → during | heap per connection | errors |",
              "|---|---|---|---|---|---|---|---|---|",
              f"| {c['requested']:,} | **{c['established']:,}** | {c['perSecond']:,.0f}/s "
              f"| {ms(c['latencyMs']['p50Ms'])} / {ms(c['latencyMs']['p99Ms'])} "
              f"| {mib(srv.get('rssStartBytes', 0))} → {mib(srv.get('rssMaxBytes', 0))} | **{rss_delta / n / 1024:,.1f} KiB** "
              f"| {mib(int(heap.get('heap_before_kb', 0)) * 1024)} → {mib(int(heap.get('heap_during_kb', 0)) * 1024)} "
              f"| **{heap_delta / n / 1024:,.1f} KiB** | {errors(r)} |"]
    return r


def command_section(results, lines):
    r = load(results, "oc-command")
    if not r:
        return None
    lat, s = r["latencyMs"], r["settings"]
    lines += ["", "### Command round trip (REST POST → device → 201)", "",
              "| devices | concurrency | calls/s | p50 ms | p90 | p99 | p99.9 | max | errors |",
              "|---|---|---|---|---|---|---|---|---|",
              f"| {int(s['devices']):,} | {s['concurrency']} | {r['messages']['ackedPerSecond']:,.0f} | {ms(lat['p50Ms'])} "
              f"| {ms(lat['p90Ms'])} | **{ms(lat['p99Ms'])}** | {ms(lat['p999Ms'])} | {ms(lat['maxMs'])} | {errors(r)} |"]
    return r


def targets(results, soak, command):
    sizes = sorted(int(p.stem.rsplit("-", 1)[1]) for p in results.glob("oc-ingest-*.json"))
    big = load(results, f"oc-ingest-{sizes[-1]}") if sizes else None
    mq = load(results, f"mosquitto-tls-ingest-{sizes[-1]}") if sizes else None
    rows = ["", "### Against the targets of issues 8 and 17", "", "| target | measured |", "|---|---|"]
    if big:
        rows.append(f"| ingest QoS 1/TLS, 10,000 devices: ≥ 100,000 msg/s, p99 ≤ 20 ms "
                    f"| {big['messages']['ackedPerSecond']:,.0f} msg/s, p99 {ms(big['latencyMs']['p99Ms'])} ms "
                    f"with {big['connections']['established']:,} of {big['connections']['requested']:,} devices connected |")
        if mq and mq["messages"]["ackedPerSecond"] > 0:
            rows.append(f"| ≥ 1.0× Mosquitto's QoS 1 rate (TLS, same load) "
                        f"| {big['messages']['ackedPerSecond'] / mq['messages']['ackedPerSecond']:.2f}× "
                        f"({mq['messages']['ackedPerSecond']:,.0f} msg/s for Mosquitto) |")
    if soak:
        rows.append(f"| 100,000 TLS connections, ≤ 2 GiB heap (≤ 20 KB each) "
                    f"| {soak['connections']['established']:,} established (see the soak table for per-connection memory) |")
    if command:
        rows.append(f"| command round trip p99 ≤ 10 ms | p99 {ms(command['latencyMs']['p99Ms'])} ms |")
    for p in sorted(results.glob("oc-open-*.json")):
        r, mq = load(results, p.stem), load(results, "mosquitto-tls-" + p.stem[len("oc-"):])
        devices, rate = int(r["settings"]["devices"]), float(r["settings"]["rate-per-device"])
        bar = "p99 ≤ 20 ms, p99.9 ≤ 50 ms" if rate <= 1 else "p99 ≤ 50 ms"
        versus = f"; Mosquitto p99 {ms(mq['latencyMs']['p99Ms'])} ms" if mq else ""
        rows.append(f"| open loop (issue 17), {devices:,} TLS devices × {rate:g} msg/s: {bar} "
                    f"| p99 {ms(r['latencyMs']['p99Ms'])} ms, p99.9 {ms(r['latencyMs']['p999Ms'])} ms with "
                    f"{r['connections']['established']:,} of {devices:,} connected{versus} |")
    return rows if len(rows) > 5 else []


def section(results):
    machine = dict(line.split("=", 1) for line in (results / "machine.txt").read_text().splitlines() if "=" in line)
    lines = [BEGIN, "## Load benchmark (issue 8) — generated by `bench/run`", "",
             f"Run {machine.get('date')} on {machine.get('nproc')} cores ({machine.get('cpu')}), {machine.get('memory')} "
             f"memory, {machine.get('jdk')}, kernel {machine.get('kernel')}, open-file limit {machine.get('fd_limit')}; "
             f"commit {machine.get('commit')}, server launched by `{machine.get('launcher')}`; load average "
             f"{machine.get('loadavg_start')} at the start, {machine.get('loadavg_end')} at the end (other work shares "
             f"this machine). Server and load generator share the cores. "
             f"Raw results: `bench/results/{results.name}/`. Rerun with `bench/run` (this section is replaced)."]
    rows, names = ingest_rows(results)
    if rows:
        lines += ["", "### Ingest, QoS 1, 256-byte JSON bodies (8 fields), as fast as acknowledged with `window` messages "
                  "in flight per device", "",
                  "| broker | transport | devices | window | connected | msg/s acked | p50 ms | p99 | p99.9 | max "
                  "| server CPU | server CPU-s per 100k msgs | server RSS max | load gen. CPU | errors |",
                  "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"] + rows
    names += open_section(results, lines)
    soak = soak_section(results, lines)
    command = command_section(results, lines)
    lines += targets(results, soak, command)
    notes = results / "notes.md"
    if notes.exists():
        lines += ["", notes.read_text().strip()]
    lines += ["", "Commands (each also printed its progress and final table into the results directory):", "", "```sh"]
    lines += [cmd(results, n) for n in names + ["oc-soak", "oc-command"] if cmd(results, n)]
    lines += ["```", END]
    return "\n".join(lines)


def main():
    results, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    text = target.read_text() if target.exists() else "# Benchmarks\n"
    new = section(results)
    if BEGIN in text and END in text:
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda m: new, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + new + "\n"
    target.write_text(text)


if __name__ == "__main__":
    main()
