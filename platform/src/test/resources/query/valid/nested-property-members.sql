SELECT $id, config.interval, config.mode FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE config.mode = 'fast' ORDER BY config.interval
