SELECT $id, temprature FROM dtmi:azurertos:devkit:hlby5jgib2o
