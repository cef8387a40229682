/**
 * The shared vocabulary of OpenCentral: ids, error codes, JSON helpers, device and platform events,
 * and the storage ports. Imports nothing but the JDK, Jackson and SLF4J; no Netty, Javalin or JDBC.
 */
package org.opencentral.core;
