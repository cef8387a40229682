SELECT $id, state FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE state < true
