SELECT tags.env FROM dtmi:azurertos:devkit:hlby5jgib2o
