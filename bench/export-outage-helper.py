#!/usr/bin/env python3
"""bench/export-outage's REST, sampling and verification steps (see bench/export-outage).

  setup API TOKEN RECEIVER_URL BATCH_SIZE     the webhook destination and the telemetry export, through the REST API
  stamp                                       copies stdin to stdout, each line prefixed with the epoch time
  sample API TOKEN OUT                        every second until SIGINT: /metrics and the export's and destination's status
  caught-up API SECONDS                       waits (at most SECONDS) until the export's lag is 0; prints the seconds waited
  verify RESULTS                              every acknowledged message arrived, first arrivals in order, duplicates;
                                              the samples and the ingest per phase; writes summary.md and summary.json
"""
import json
import re
import signal
import sys
import time
import urllib.request
from collections import Counter, defaultdict

import benchlib
from benchlib import percentile

VERSION = "api-version=2022-10-31-preview"
EXPORT, DESTINATION = "outage", "outage-hook"
METRIC = re.compile(r'^opencentral_export_(sent_total|failed_total|retries_total|lag_events|lag_seconds)'
                    r'\{([^}]*)\} ([0-9.eE+-]+)$', re.M)


def call(api, token, method, path, body=None):
    return benchlib.call(api, token, method, path, body, VERSION)


def setup(api, token, url, batch_size):
    destination = {"displayName": "Outage receiver", "type": "webhook@v1", "url": url, "batchSize": int(batch_size)}
    print("destination:", json.dumps(call(api, token, "PUT", f"/dataExport/destinations/{DESTINATION}", destination)))
    export = {"displayName": "Outage telemetry", "enabled": True, "source": "telemetry",
              "destinations": [{"id": DESTINATION}]}
    print("export:", json.dumps(call(api, token, "PUT", f"/dataExport/exports/{EXPORT}", export)))
    for _ in range(120):
        if call(api, token, "GET", f"/dataExport/exports/{EXPORT}").get("status") == "healthy":
            print("export healthy")
            return
        time.sleep(0.5)
    raise SystemExit("the export did not become healthy within 60 s")


def stamp():
    for line in sys.stdin:
        sys.stdout.write(f"{time.time():.3f} {line}")
        sys.stdout.flush()


def export_metrics(api):
    with urllib.request.urlopen(f"{api}/metrics", timeout=10) as response:
        text = response.read().decode()
    values = {}
    for name, tags, value in METRIC.findall(text):
        if f'export="{EXPORT}"' in tags:
            values[name] = float(value)
    return values


def sample(api, token, out):
    stop = []
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    with open(out, "a") as file:
        while not stop:
            started = time.time()
            record = {"t": round(started, 3), "loadavg": open("/proc/loadavg").read().split()[0]}
            try:
                record["metrics"] = export_metrics(api)
                export = call(api, token, "GET", f"/dataExport/exports/{EXPORT}")
                destination = call(api, token, "GET", f"/dataExport/destinations/{DESTINATION}")
                record.update(export_status=export.get("status"), export_errors=export.get("errors", []),
                              destination_status=destination.get("status"),
                              destination_errors=destination.get("errors", []))
            except Exception as e:  # a failed sample is recorded, not fatal: the server's answer is the finding
                record["failure"] = repr(e)
            file.write(json.dumps(record) + "\n")
            file.flush()
            time.sleep(max(0.0, 1.0 - (time.time() - started)))


def caught_up(api, limit):
    started = time.time()
    while time.time() - started < float(limit):
        if export_metrics(api).get("lag_events", 1) == 0:
            print(f"{time.time() - started:.1f}")
            return
        time.sleep(0.5)
    raise SystemExit(f"the export's lag was not 0 within {limit} s")


# ---- verify ------------------------------------------------------------------------------------------------

def acknowledged(results):
    """Per device: the numbers sent, and those sent but not acknowledged (sim ingest --sequence-file)."""
    devices = {}
    for line in open(f"{results}/sequences.tsv"):
        device, sent, acked, missing = line.rstrip("\n").split("\t")
        unacked = set() if missing == "-" else {int(n) for n in missing.split(",")}
        assert int(sent) - len(unacked) == int(acked), line
        devices[device] = (int(sent), unacked)
    return devices


def phase_of(t, phases):
    if t < phases["receiver_stopped"]:
        return "before the stop"
    if t < phases["receiver_started"]:
        return "during the outage"
    return "after the restart"


def arrivals(results, devices, phases):
    """Reads received.tsv: per device the first arrivals in order; losses, order violations, duplicates."""
    first = defaultdict(dict)            # device -> seq -> first arrival ms
    highest = defaultdict(int)           # device -> highest first-arrived seq so far
    violations, duplicates, unknown, lines = [], Counter(), 0, 0
    for line in open(f"{results}/received.tsv"):
        lines += 1
        device, seq, arrived = line.rstrip("\n").split("\t")
        seq, arrived = int(seq), int(arrived)
        if device not in devices or seq < 1:
            unknown += 1
            continue
        seen = first[device]
        if seq in seen:
            duplicates[(phase_of(seen[seq] / 1000, phases), phase_of(arrived / 1000, phases))] += 1
            continue
        seen[seq] = arrived
        if seq < highest[device]:
            violations.append(f"{device}: {seq} first arrived after {highest[device]}")
        highest[device] = max(highest[device], seq)
    lost, unacked_arrived, acked_total = [], 0, 0
    for device, (sent, unacked) in devices.items():
        seen = first.get(device, {})
        for n in range(1, sent + 1):
            if n in unacked:
                unacked_arrived += n in seen
            else:
                acked_total += 1
                if n not in seen:
                    lost.append(f"{device}:{n}")
    return {"lines": lines, "acknowledged": acked_total, "lost": len(lost), "lost_examples": lost[:20],
            "order_violations": len(violations), "order_examples": violations[:20],
            "duplicates": sum(duplicates.values()),
            "duplicates_by_phase": {f"first {a}, again {b}": n for (a, b), n in sorted(duplicates.items())},
            "unacknowledged_sent": sum(len(u) for _, u in devices.values()), "unacknowledged_arrived": unacked_arrived,
            "unknown": unknown}


PROGRESS = re.compile(r'^(\d+\.\d+) \[measure\s+\d+s\].*?acked ([\d,]+)/s.*? p99 ([\d.]+) .*? max ([\d.]+) ms'
                      r'.*?server cpu ([\d.]+)%')


def ingest_by_phase(results, phases):
    """The load generator's per-second lines: acknowledged/s and the second's p99 and max, by phase."""
    by = defaultdict(list)
    for line in open(f"{results}/ingest.txt"):
        m = PROGRESS.match(line)
        if m:
            t = float(m.group(1))
            if phases["ingest_started"] + 5 <= t <= phases["ingest_ended"]:
                by[phase_of(t, phases)].append((int(m.group(2).replace(",", "")), float(m.group(3)),
                                                float(m.group(4)), float(m.group(5))))
    return {phase: {"seconds": len(rows), "acked_per_s": round(sum(r[0] for r in rows) / len(rows)),
                    "p99_ms_median": percentile([r[1] for r in rows], 50),
                    "p99_ms_worst_second": max(r[1] for r in rows), "max_ms": max(r[2] for r in rows),
                    "server_cpu_percent_median": percentile([r[3] for r in rows], 50)}
            for phase, rows in by.items() if rows}


def export_by_phase(results, phases):
    samples = [json.loads(line) for line in open(f"{results}/samples.jsonl")]
    stopped, started = phases["receiver_stopped"], phases["receiver_started"]
    outage = [s for s in samples if stopped <= s["t"] < started and "metrics" in s]

    def lag_at(offset):
        near = [s for s in outage if s["t"] >= stopped + offset]
        return near[0]["metrics"].get("lag_events") if near else None

    healthy = [s["metrics"].get("lag_events", 0) for s in samples
               if phases["ingest_started"] <= s["t"] < stopped and "metrics" in s]
    threshold = phases["devices"] * phases["rate_per_device"]   # one second of ingest
    after = [s for s in samples if s["t"] >= started and "metrics" in s]
    back = next((s for s in after if s["metrics"].get("lag_events", 1e12) <= threshold), None)
    first_sent = next((s for s in after if s["metrics"].get("sent_total", 0) > outage[-1]["metrics"].get(
        "sent_total", 0)), None) if outage else None
    errors = sorted({e["message"] for s in outage for e in s.get("destination_errors", [])})
    errors_after = sorted({e["message"] for s in after for e in s.get("destination_errors", [])})
    error_status = [s["t"] - stopped for s in samples if s.get("destination_status") == "error"]
    return {
        "samples": len(samples), "failed_samples": sum("failure" in s for s in samples),
        "healthy_lag_events_median_max": [percentile(healthy, 50), max(healthy, default=None)],
        "outage_lag_events": {f"+{o}s": lag_at(o) for o in (10, 60, 120, 300, 480, 590)},
        "outage_max_lag_events": max((s["metrics"].get("lag_events", 0) for s in outage), default=None),
        "outage_max_lag_seconds": max((s["metrics"].get("lag_seconds", 0) for s in outage), default=None),
        "outage_export_statuses": sorted({s.get("export_status") for s in outage}),
        "outage_destination_statuses": sorted({s.get("destination_status") for s in outage}),
        "outage_errors": errors[:5],
        "error_status_first_after_stop_s": round(min(error_status), 1) if error_status else None,
        "failed_during_outage": (outage[-1]["metrics"].get("failed_total", 0) - outage[0]["metrics"].get(
            "failed_total", 0)) if outage else None,
        "failed_after_restart": (after[-1]["metrics"].get("failed_total", 0) - after[0]["metrics"].get(
            "failed_total", 0)) if after else None,
        "errors_after_restart": errors_after[:5],
        "first_delivery_after_restart_s": round(first_sent["t"] - started, 1) if first_sent else None,
        "caught_up_threshold_events": threshold,
        "caught_up_after_restart_s": round(back["t"] - started, 1) if back else None,
        "max_lag_events_after_restart": max((s["metrics"].get("lag_events", 0) for s in after), default=None),
        "loadavg": [min(float(s["loadavg"]) for s in samples), max(float(s["loadavg"]) for s in samples)],
    }


def verify(results):
    phases = json.load(open(f"{results}/phases.json"))
    devices = acknowledged(results)
    report = {"phases": phases, "delivery": arrivals(results, devices, phases),
              "ingest": ingest_by_phase(results, phases), "export": export_by_phase(results, phases)}
    d, e = report["delivery"], report["export"]
    report["verdict"] = {
        "none_lost": d["lost"] == 0 and d["acknowledged"] > 0,
        "order_kept": d["order_violations"] == 0,
        "no_error_status_before_15_min": e["error_status_first_after_stop_s"] is None
        or e["error_status_first_after_stop_s"] >= 900,
        "caught_up": e["caught_up_after_restart_s"] is not None,
    }
    json.dump(report, open(f"{results}/summary.json", "w"), indent=2)
    with open(f"{results}/summary.md", "w") as out:
        out.write(markdown(report))
    print(markdown(report))
    if not all(report["verdict"].values()):
        sys.exit(1)


def markdown(r):
    p, d, e, i = r["phases"], r["delivery"], r["export"], r["ingest"]
    rows = [
        ("devices × rate", f"{p['devices']} × {p['rate_per_device']} msg/s, webhook batchSize {p['batch_size']}"),
        ("healthy / outage / after (s)", f"{p['receiver_stopped'] - p['ingest_started']:.0f} / "
                                         f"{p['receiver_started'] - p['receiver_stopped']:.0f} / "
                                         f"{p['ingest_ended'] - p['receiver_started']:.0f}"),
        ("connection refused during the outage", p.get("refused_checked")),
        ("messages acknowledged (PUBACK)", f"{d['acknowledged']:,}"),
        ("lost (acknowledged, never arrived)", d["lost"]),
        ("first arrivals out of per-device order", d["order_violations"]),
        ("duplicates", f"{d['duplicates']:,} " + json.dumps(d["duplicates_by_phase"])),
        ("sent without PUBACK / of those arrived", f"{d['unacknowledged_sent']} / {d['unacknowledged_arrived']}"),
        ("lines received / not from this run", f"{d['lines']:,} / {d['unknown']}"),
        ("lag (events) during the outage", json.dumps(e["outage_lag_events"])),
        ("max lag during the outage", f"{e['outage_max_lag_events']} events, {e['outage_max_lag_seconds']} s"),
        ("statuses during the outage (export / destination)",
         f"{e['outage_export_statuses']} / {e['outage_destination_statuses']}"),
        ("errors during the outage", "; ".join(e["outage_errors"])),
        ("refusals counted during the outage", e["failed_during_outage"]),
        ("`error` status first seen (s after the stop)", e["error_status_first_after_stop_s"]),
        ("first delivery after the receiver returned (s)", e["first_delivery_after_restart_s"]),
        (f"caught up (lag ≤ {e['caught_up_threshold_events']} events) after the return (s)",
         e["caught_up_after_restart_s"]),
        ("lag 0 after ingest stopped (s)", p.get("lag_zero_after_ingest_s")),
        ("lag before the stop, median / max (events)", e["healthy_lag_events_median_max"]),
        ("refusals after the return, and their errors", f"{e['failed_after_restart']}: "
                                                         + "; ".join(e["errors_after_restart"])),
        ("load average (1 min, sampled)", e["loadavg"]),
    ]
    for phase in ("before the stop", "during the outage", "after the restart"):
        if phase in i:
            x = i[phase]
            rows.append((f"ingest {phase}: acked/s, p99 ms (median second / worst), max ms, server CPU % (median)",
                         f"{x['acked_per_s']:,}, {x['p99_ms_median']} / {x['p99_ms_worst_second']}, {x['max_ms']}, "
                         f"{x['server_cpu_percent_median']}"))
    text = "| | |\n|---|---|\n" + "".join(f"| {k} | {v} |\n" for k, v in rows)
    return text + "\nverdict: " + json.dumps(r["verdict"]) + "\n"


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"setup": setup, "stamp": stamp, "sample": sample, "caught-up": caught_up, "verify": verify}[command](*args)
