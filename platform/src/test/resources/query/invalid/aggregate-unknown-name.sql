SELECT SUM(tempreature) FROM dtmi:azurertos:devkit:hlby5jgib2o
