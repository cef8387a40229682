SELECT $ts, max, count, window FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE max > 1 AND count < 2 AND window = 3 ORDER BY count
