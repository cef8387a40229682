SELECT $id, AVG(temperature) AS avgT FROM dtmi:azurertos:devkit:hlby5jgib2o ORDER BY avgT DESC
