SELECT $id FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE $id IN ['a', 5]
