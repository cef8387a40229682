SELECT temperature AS temperature, humidity FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE temperature > 1
