SELECT $id, room FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE room = 'O''Brien\'s \"lab\"' OR room = "tab\there \u00e9 \\ \/"
