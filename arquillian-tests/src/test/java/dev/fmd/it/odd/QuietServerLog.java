package dev.fmd.it.odd;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * While the application is deployed, silences the server's loggers that write a stack trace for every unmapped
 * exception and every connection a client reset: the test makes 100,000 of them on purpose, and writing their stack
 * traces would make it measure the server's log rather than the requests.
 */
@WebListener
public class QuietServerLog implements ServletContextListener {

    private static final String[] LOGGERS = {"jakarta.enterprise.web", "org.glassfish.jersey.server.ServerRuntime$Responder",
            "org.glassfish.jersey.server.ServerRuntime", "org.glassfish.jersey.servlet.internal.ResponseWriter",
            "org.glassfish.grizzly", "jakarta.enterprise.web.core"};

    private final Map<String, Level> before = new HashMap<>();
    private final Map<String, Logger> silenced = new HashMap<>();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            silenced.put(name, logger); // kept, so that the level set stays with the logger
            before.put(name, logger.getLevel());
            logger.setLevel(Level.OFF);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        silenced.forEach((name, logger) -> logger.setLevel(before.get(name)));
    }
}
