SELECT temperature FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE WITHIN_WINDOW('2021-06-13/2021-06-14')
