SELECT AVG(accelerometer.calibration.scale) FROM dtmi:azurertos:devkit:hlby5jgib2o
