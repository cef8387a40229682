SELECT $id, deviceInformation.model FROM dtmi:azurertos:devkit:hlby5jgib2o ORDER BY deviceInformation.model DESC, $id
