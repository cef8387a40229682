SELECT $id, temperature FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE $id IN ('a', 'b') AND temperature NOT IN [1, 2, 3]
