select(.device.simulated) | {simulatedOnly: .device.id}
