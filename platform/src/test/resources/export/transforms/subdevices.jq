import "iotc" as iotc;
{
  enqueuedTime: .enqueuedTime,
  deviceId: .device.id,
  parentStatus: .telemetry | iotc::find(.name == "parentStatus").value
} + (
  .telemetry
  | iotc::find(.name == "data").value[]
  | {subdeviceId: .id, running: .values.running, cycleCount: .values.cycleCount}
)
