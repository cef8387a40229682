SELECT AVG(temperature) FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE AVG(temperature) > 5
