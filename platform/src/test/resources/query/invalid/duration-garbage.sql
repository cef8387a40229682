SELECT temperature FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE WITHIN_WINDOW(P1X)
