SELECT TOP 100000 temperature FROM dtmi:azurertos:devkit:hlby5jgib2o
