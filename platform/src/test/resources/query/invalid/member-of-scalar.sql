SELECT temperature.x FROM dtmi:azurertos:devkit:hlby5jgib2o
