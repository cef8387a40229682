SELECT temperature, firmwareVersion FROM dtmi:azurertos:devkit:hlby5jgib2o
