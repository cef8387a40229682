SELECT humidity AS temperature, temperature FROM dtmi:azurertos:devkit:hlby5jgib2o
