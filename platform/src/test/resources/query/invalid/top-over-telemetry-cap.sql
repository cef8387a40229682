SELECT TOP 100001 temperature FROM dtmi:azurertos:devkit:hlby5jgib2o
