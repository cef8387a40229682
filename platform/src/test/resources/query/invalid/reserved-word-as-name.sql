SELECT order FROM dtmi:azurertos:devkit:hlby5jgib2o
