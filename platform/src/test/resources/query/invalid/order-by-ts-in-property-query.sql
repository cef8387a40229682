SELECT $id, customerName FROM dtmi:azurertos:devkit:hlby5jgib2o ORDER BY $ts DESC
