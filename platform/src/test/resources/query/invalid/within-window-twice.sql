SELECT temperature FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE WITHIN_WINDOW(P1D) AND temperature > 1 AND WITHIN_WINDOW(PT1H)
