SELECT $id, $displayName, $provisioned, $simulated, firmwareVersion, room FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE $provisioned = true AND room = 'Room 42' AND firmwareVersion != "1.0.0"
