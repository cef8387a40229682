SELECT $id FROM dtmi:azurertos:devkit:hlby5jgib2o ORDER BY $id DESC LIMIT
