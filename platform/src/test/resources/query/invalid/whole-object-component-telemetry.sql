SELECT $id FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE sensor.position = 1
