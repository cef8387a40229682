SELECT temperature AS FROM dtmi:azurertos:devkit:hlby5jgib2o
