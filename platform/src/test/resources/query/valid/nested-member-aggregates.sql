SELECT $id, AVG(accelerometer.x) AS ax, MAX(location.alt), MIN(sensor.position.lat) FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE WITHIN_WINDOW(P1D) GROUP BY WINDOW(PT1H) ORDER BY ax DESC
