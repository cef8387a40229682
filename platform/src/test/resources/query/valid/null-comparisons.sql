SELECT $id, room, firmwareVersion FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE room = null OR firmwareVersion != NULL
