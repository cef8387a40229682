package org.opencentral.server.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.opencentral.server.config.LogConfig;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Re-configures Logback from {@code logback.xml} with the configured format and level. Without
 * this call (tests, embeddings) {@code logback.xml} applies its defaults: text at INFO.
 */
public final class LogSetup {
    /** Logback context property naming the appender: {@code text} or {@code json}. */
    public static final String FORMAT_PROPERTY = "opencentral.log.format";
    /** Logback context property with the level of OpenCentral's own loggers. */
    public static final String LEVEL_PROPERTY = "opencentral.log.level";
    /** Logback context property with the root level: INFO, or the configured level when above INFO. */
    public static final String ROOT_LEVEL_PROPERTY = "opencentral.log.root.level";

    private LogSetup() {
    }

    public static void apply(LogConfig config) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        URL xml = LogSetup.class.getResource("/logback.xml");
        if (!(factory instanceof LoggerContext context) || xml == null) {
            return; // another SLF4J binding or a custom set-up: leave it alone
        }
        context.reset();
        context.putProperty(FORMAT_PROPERTY, config.format().key());
        context.putProperty(LEVEL_PROPERTY, config.level().name());
        LogConfig.Level root = config.level().compareTo(LogConfig.Level.INFO) > 0 ? config.level() : LogConfig.Level.INFO;
        context.putProperty(ROOT_LEVEL_PROPERTY, root.name());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(xml);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot apply " + xml, e);
        }
    }
}
