SELECT $id FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE temperature > 5 # comment
