SELECT TOP 0 temperature FROM dtmi:azurertos:devkit:hlby5jgib2o
