SELECT COUNT() FROM dtmi:azurertos:devkit:hlby5jgib2o
