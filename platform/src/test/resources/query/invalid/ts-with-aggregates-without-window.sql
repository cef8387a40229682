SELECT $ts, AVG(temperature) FROM dtmi:azurertos:devkit:hlby5jgib2o
