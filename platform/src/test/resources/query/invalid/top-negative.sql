SELECT TOP -3 temperature FROM dtmi:azurertos:devkit:hlby5jgib2o
