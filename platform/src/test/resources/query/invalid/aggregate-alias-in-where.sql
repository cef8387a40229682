SELECT AVG(temperature) AS a FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE a > 5
