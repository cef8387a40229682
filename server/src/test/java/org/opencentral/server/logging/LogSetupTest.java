package org.opencentral.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.Status;
import java.util.ArrayList;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencentral.server.config.LogConfig;
import org.slf4j.LoggerFactory;

class LogSetupTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void restoreDefaults() {
        LogSetup.apply(LogConfig.defaults());
    }

    @Test
    void textIsTheDefaultFormat() {
        LogSetup.apply(LogConfig.defaults());

        assertThat(rootAppenders()).singleElement().satisfies(appender -> assertThat(((ConsoleAppender<?>) appender).getEncoder())
                .isNotInstanceOf(LogstashEncoder.class));
        assertThat(logger("org.opencentral").getLevel()).isEqualTo(Level.INFO);
        assertNoConfigurationErrors();
    }

    @Test
    void jsonFormatUsesTheLogstashEncoder() {
        LogSetup.apply(new LogConfig(LogConfig.Format.JSON, LogConfig.Level.INFO));

        assertThat(rootAppenders()).singleElement().satisfies(appender ->
                assertThat(((ConsoleAppender<?>) appender).getEncoder()).isInstanceOf(LogstashEncoder.class));
        assertNoConfigurationErrors();
    }

    @Test
    void theLevelAppliesToOpenCentralWhileThirdPartyLibrariesStayAtWarn() {
        LogSetup.apply(new LogConfig(LogConfig.Format.TEXT, LogConfig.Level.DEBUG));

        assertThat(logger("org.opencentral").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(logger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
        for (String name : List.of("io.netty", "org.eclipse.jetty", "org.duckdb", "com.zaxxer.hikari")) {
            assertThat(logger(name).getLevel()).as(name).isEqualTo(Level.WARN);
        }
    }

    @Test
    void aLevelAboveInfoAlsoQuietsTheRoot() {
        LogSetup.apply(new LogConfig(LogConfig.Format.TEXT, LogConfig.Level.ERROR));

        assertThat(logger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.ERROR);
    }

    private Logger logger(String name) {
        return context.getLogger(name);
    }

    private List<Appender<?>> rootAppenders() {
        List<Appender<?>> appenders = new ArrayList<>();
        logger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(appenders::add);
        return appenders;
    }

    private void assertNoConfigurationErrors() {
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .filteredOn(status -> status.getLevel() >= Status.WARN)
                .isEmpty();
    }
}
