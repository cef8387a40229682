SELECT $id, room FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE room IN ['a', 'b']
