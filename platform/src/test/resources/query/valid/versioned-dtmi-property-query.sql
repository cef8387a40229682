SELECT targetTemperature, maxTempSinceLastReboot FROM dtmi:contoso:Thermostat;1 WHERE targetTemperature > 20.5
