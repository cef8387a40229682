SELECT AVG(*) FROM dtmi:azurertos:devkit:hlby5jgib2o
