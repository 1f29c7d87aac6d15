package dev.slipway.store.internal;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Routes Flyway's warnings and errors to java.util.logging and drops everything else, so that
 * migrations never print to standard output. Flyway instantiates it by class name.
 */
public final class FlywayWarnings implements LogCreator {

    /** Called by Flyway. */
    public FlywayWarnings() {}

    @Override
    public Log createLogger(Class<?> clazz) {
        return new JulWarnings(Logger.getLogger(clazz.getName()));
    }

    private record JulWarnings(Logger logger) implements Log {
        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public void debug(String message) {}

        @Override
        public void info(String message) {}

        @Override
        public void notice(String message) {}

        @Override
        public void warn(String message) {
            logger.warning(message);
        }

        @Override
        public void error(String message) {
            logger.severe(message);
        }

        @Override
        public void error(String message, Exception e) {
            logger.log(Level.SEVERE, message, e);
        }
    }
}
