SELECT TOP 10000 $id, firmwareVersion FROM dtmi:azurertos:devkit:hlby5jgib2o ORDER BY firmwareVersion
