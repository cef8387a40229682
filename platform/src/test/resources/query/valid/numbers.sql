SELECT temperature FROM dtmi:azurertos:devkit:hlby5jgib2o WHERE temperature IN [0, -0.5, +7, 1.25E-3, 12345678901234567890]
