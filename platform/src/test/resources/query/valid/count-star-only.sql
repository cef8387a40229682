SELECT COUNT(*) FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE WITHIN_WINDOW(PT1H)
