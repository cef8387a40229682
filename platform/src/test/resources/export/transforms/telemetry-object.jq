.telemetry | map({key: .name, value: .value}) | from_entries
