import "iotc" as iotc;
{
  deviceId: .device.id,
  timestamp: .enqueuedTime,
  site: .enrichments.site,
  firmware: (.device.properties.reported | iotc::find(.name == "firmware").value),
  rangeOfMotion: (.telemetry | iotc::find(.name == "rangeOfMotion").value | . * 3.14159265358979323846 / 180)
}
