SELECT location.latitude FROM dtmi:azurertos:devkit:hlby5jgib2o
