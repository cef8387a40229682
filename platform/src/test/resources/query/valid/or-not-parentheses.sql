SELECT $id, temperature FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE (temperature > 30 OR humidity > 80) AND NOT ($id = 'a' OR $id = "b") AND WITHIN_WINDOW(PT5H)
