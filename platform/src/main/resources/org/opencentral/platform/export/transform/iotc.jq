# IoT Central's jq module for export transforms: import "iotc" as iotc;
# find(f): the elements of the input array for which f is true (a telemetry or property entry by name:
# .telemetry | iotc::find(.name == "temperature")).
def find(f): .[] | select(f);
