SELECT temperature, humidity AS temperature FROM dtmi:azurertos:devkit:hlby5jgib2o
