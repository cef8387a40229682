SELECT temperature AS t, humidity AS t FROM dtmi:azurertos:devkit:hlby5jgib2o
