UPDATE dtmi:azurertos:devkit:hlby5jgib2o SET x = 1
