SELECT $id, temperature FROM dtmi:azurertos:devkit:hlby5jgib2o GROUP BY WINDOW(PT10M)
