/**
 * The OpenCentral load generator: {@link org.opencentral.sim.LoadGenerator} is the entry point.
 * Sub-packages: {@code cli} (picocli commands and options), {@code client} (what the protocols'
 * clients share: the connection scenarios send through), {@code mqtt} (a lean Netty MQTT 3.1.1
 * client), {@code amqp} (a lean AMQP 1.0 device client: Proton-J engines on Netty channels), {@code iothub} (IoT Hub usernames, SAS passwords, topics, device creation over REST),
 * {@code scenario} (ingest, soak, command, twin), {@code metrics} (histograms, /proc sampling,
 * reports), {@code webhook} (a data export's webhook receiver that records what arrives). Nothing here imports OpenCentral's server code: the tool measures it from outside.
 */
package org.opencentral.sim;
