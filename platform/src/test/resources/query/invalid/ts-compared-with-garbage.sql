SELECT $ts, temperature FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE $ts > 'yesterday'
