SELECT $id, $ts, temperature FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE $ts >= '2021-09-10T12:00:00Z' AND $ts < '2021-09-11T00:00:00+02:00' ORDER BY $ts
