SELECT TOP x temperature FROM dtmi:azurertos:devkit:hlby5jgib2o
