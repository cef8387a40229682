SELECT TOP 99999999999999999999999 temperature FROM dtmi:azurertos:devkit:hlby5jgib2o
