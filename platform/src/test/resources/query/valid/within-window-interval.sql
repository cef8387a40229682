SELECT $id, $ts, temperature FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE WITHIN_WINDOW('2021-06-13T13:00:00Z/2021-06-13T15:30:00Z')
