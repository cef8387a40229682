select top 5 $id, temperature from dtmi:azurertos:devkit:hlby5jgib2o where within_window(pt1h) and temperature > 1 order by temperature desc
