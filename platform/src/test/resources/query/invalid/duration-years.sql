SELECT AVG(temperature) FROM dtmi:azurertos:devkit:hlby5jgib2o GROUP BY WINDOW(P1Y)
