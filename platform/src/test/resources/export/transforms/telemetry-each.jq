.telemetry[]
