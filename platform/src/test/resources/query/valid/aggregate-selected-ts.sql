SELECT $ts AS window, avg(humidity) FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE within_window(P1W) group by window(PT1H) order by window
