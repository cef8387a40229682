SELECT temperature FROM dtmi:azurertos:devkit:hlby5jgib2o ORDER BY $id ASC, $ts DESC
