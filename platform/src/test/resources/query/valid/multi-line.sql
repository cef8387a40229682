SELECT $id,
	$ts,
  temperature AS t
FROM dtmi:azurertos:devkit:hlby5jgib2o
WHERE t >= 10
  AND WITHIN_WINDOW(PT15M)
ORDER BY t
