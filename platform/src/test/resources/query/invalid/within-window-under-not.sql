SELECT temperature FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE NOT WITHIN_WINDOW(P1D)
