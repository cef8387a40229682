SELECT $id, temperature FROM dtmi:azurertos:devkit:hlby5jgib2o ORDER BY humidity
