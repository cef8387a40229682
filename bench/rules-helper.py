#!/usr/bin/env python3
"""bench/rules' REST and /metrics steps (see bench/rules): templates, rules, sample, catch-up, summary."""
import datetime
import json
import os
import re
import signal
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import benchlib

VERSION = "api-version=2022-07-31"
# bench/sim's body: "f<i>": 20 + (i * 7.31) % 60 (see sim Payload)
VALUES = [20 + (i * 7.31) % 60 for i in range(8)]
# how often sample reads /metrics
SAMPLE_SECONDS = 0.25


def call(api, token, method, path, body):
    return benchlib.call(api, token, method, path, body, VERSION)


def template_id(t):
    return f"dtmi:bench:rules:Sensor{t};1"


def templates(api, token, count, devices):
    for t in range(count):
        model = {"@id": f"dtmi:bench:rules:Sensor{t}_cm;1", "@type": "Interface", "@context": "dtmi:dtdl:context;2",
                 "contents": [{"@type": "Telemetry", "name": f"f{i}", "schema": "double"} for i in range(8)]}
        call(api, token, "PUT", "/deviceTemplates/" + urllib.parse.quote(template_id(t), safe=""),
             {"displayName": f"Sensor {t}", "capabilityModel": model})
    ids = [f"sim-{i:06d}" for i in range(devices)]
    started = time.time()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: call(api, token, "PATCH", f"/devices/{ids[i]}", {"template": template_id(i % count)}),
                      range(devices)))
    print(f"{count} templates; {devices} devices assigned in {time.time() - started:.0f} s")


def rules(api, token, templates_count, count):
    """Rule k watches template k % T: f(k % 8) > a threshold; one rule in 100 holds (it fires once per device)."""
    started = time.time()

    def put(k):
        field = k % 8
        threshold = VALUES[field] - 1 if k % 100 == 0 else VALUES[field] + 1 + k / 1000
        call(api, token, "PUT", f"/rules/bench-{k:04d}", {
            "displayName": f"Bench {k}", "template": template_id(k % templates_count),
            "conditions": {"items": [{"telemetry": f"f{field}", "operator": ">", "value": threshold}]}})

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(put, range(count)))
    print(f"{count} rules in {time.time() - started:.0f} s")


def metrics(api):
    with urllib.request.urlopen(f"{api}/metrics", timeout=10) as response:
        text = response.read().decode()
    lag = re.search(r'^opencentral_rules_lag_seconds(?:\{[^}]*\})? ([0-9.eE+-]+)$', text, re.M)
    events = re.search(r'^opencentral_eventlog_consumer_lag_events\{consumer="rules"[^}]*\} ([0-9.eE+-]+)$', text, re.M)
    return (float(lag.group(1)) if lag else None, float(events.group(1)) if events else None)


def sample(api, out):
    samples = []
    stop = []
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    while not stop:
        started = time.time()
        try:
            seconds, events = metrics(api)
            samples.append({"t": started, "lagSeconds": seconds, "lagEvents": events})
        except OSError:
            pass
        time.sleep(max(0.0, SAMPLE_SECONDS - (time.time() - started)))
    json.dump(samples, open(out, "w"))


def catch_up(api, out):
    started = time.time()
    while True:
        seconds, events = metrics(api)
        if events == 0 or time.time() - started > 1800:
            break
        time.sleep(1)
    result = {"seconds": time.time() - started, "lagEventsAtEnd": events}
    json.dump(result, open(out, "w"))
    print(f"the rule engine caught up {result['seconds']:.0f} s after the load stopped")


def percentile(values, p):
    return benchlib.percentile(values, p, empty=float("nan"))


def phases(run, samples):
    """The lag samples split like the ingest's latency: the measured window, and the warm-up before it
    (from the run's start, its connects and its --warmup seconds)."""
    started = datetime.datetime.fromisoformat(run["started"].replace("Z", "+00:00")[:26] + "+00:00").timestamp()
    window_start = started + run["connections"]["seconds"] + float(run["settings"]["warmup"])
    window_end = window_start + run["measuredSeconds"]
    window = [s["lagSeconds"] for s in samples if s["lagSeconds"] is not None and window_start <= s["t"] <= window_end]
    warmup = [s["lagSeconds"] for s in samples if s["lagSeconds"] is not None and started <= s["t"] < window_start]
    return window, warmup


def summary(results, devices, rules_count, templates_count):
    rows = ["| run | msg/s acked | ack p50 ms | ack p99 ms | connected | rule lag p50 / p99 / max s (measured window) "
            "| samples < 1 s | warm-up rule lag max s | rules' lag events max | server CPU s (whole run) |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    cpu_path = os.path.join(results, "cpu.txt")
    cpu = dict(line.split() for line in open(cpu_path)) if os.path.exists(cpu_path) else {}
    for name in ("without-rules", "with-rules"):
        path = os.path.join(results, name + ".json")
        if not os.path.exists(path):
            rows.append(f"| {name} | (no result) | | | | | | | | |")
            continue
        r = json.load(open(path))
        samples = json.load(open(os.path.join(results, name + "-lag.json")))
        lags, warmup = phases(r, samples)
        under = f"{100 * sum(1 for lag in lags if lag < 1) / len(lags):.1f} % ({len(lags)})" if lags else "?"
        events = [s["lagEvents"] for s in samples if s["lagEvents"] is not None]
        rows.append(f"| {name} | {r['messages']['ackedPerSecond']:,.0f} | {r['latencyMs']['p50Ms']:.1f} "
                    f"| {r['latencyMs']['p99Ms']:.1f} | {r['connections']['established']:,} "
                    f"| {percentile(lags, 50):.2f} / {percentile(lags, 99):.2f} / {max(lags or [float('nan')]):.2f} "
                    f"| {under} | {max(warmup or [float('nan')]):.2f} | {max(events or [0]):,.0f} | {cpu.get(name, '?')} |")
    machine = open(os.path.join(results, "machine.txt")).read().split()
    catch = os.path.join(results, "catch-up.json")
    caught = json.load(open(catch))["seconds"] if os.path.exists(catch) else float("nan")
    print(f"{devices} devices, {rules_count} rules over {templates_count} templates "
          f"({int(rules_count) // int(templates_count)} rules per device); caught up {caught:.0f} s after the load; "
          + " ".join(machine) + "\n")
    print("\n".join(rows))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "templates":
        templates(args[0], open(args[1]).read().strip() if os.path.exists(args[1]) else args[1], int(args[2]), int(args[3]))
    elif command == "rules":
        rules(args[0], open(args[1]).read().strip() if os.path.exists(args[1]) else args[1], int(args[2]), int(args[3]))
    elif command == "sample":
        sample(args[0], args[1])
    elif command == "catch-up":
        catch_up(args[0], args[1])
    elif command == "summary":
        summary(*args)
    else:
        sys.exit(f"unknown command {command}")
