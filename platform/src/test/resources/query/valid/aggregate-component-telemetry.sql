SELECT AVG(sensor.level) AS level, max(sensor.level) FROM dtmi:azurertos:devkit:hlby5jgib2o GROUP BY WINDOW('PT30M')
