SELECT TOP 1.5 temperature FROM dtmi:azurertos:devkit:hlby5jgib2o
