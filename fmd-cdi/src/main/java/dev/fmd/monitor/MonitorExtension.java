package dev.fmd.monitor;

import dev.fmd.config.FmdConfig;
import dev.fmd.config.InvalidConfigException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.InetAddress;

/**
 * The monitoring concern's CDI extension. At deployment: reads and validates the configuration (a wrong
 * {@code fmd.*} value fails the deployment with one message), makes it a bean, and adds the {@link Monitor},
 * {@link ManagedThreads} and {@link MonitoringInterceptor} beans. On undeploy, lets go of the JDK's references to
 * fmd's records ({@link RecordMethodCaches}).
 * <p>
 * It does not bind the interceptor to resources itself: which methods are monitored is decided per method by the
 * {@link MonitoringPolicy} when the JAX-RS runtime builds its resource model ({@link EndpointFeature}), and what the
 * interceptor noted (the exception escaping the resource method) the {@link ResponseFilter} reads from Jersey at no
 * cost per request. Binding it everywhere made Weld intercept every request-scoped resource: an interceptor instance
 * per resource instance and an interception chain per call, the largest part of fmd's cost per request at level 1
 * (docs/performance.md). The interceptor stays for what users annotate with {@link Monitored} themselves.
 */
public class MonitorExtension implements Extension {

    private FmdConfig config;
    private InvalidConfigException invalid;

    void readConfig(@Observes BeforeBeanDiscovery discovery) {
        discovery.addAnnotatedType(MonitoringInterceptor.class, MonitoringInterceptor.class.getName());
        discovery.addAnnotatedType(Monitor.class, Monitor.class.getName());
        discovery.addAnnotatedType(ManagedThreads.class, ManagedThreads.class.getName());
        try {
            Config source = ConfigProvider.getConfig();
            config = FmdConfig.read(key -> source.getOptionalValue(key, String.class), hostName());
        } catch (InvalidConfigException e) {
            invalid = e;
        }
    }

    void addConfig(@Observes AfterBeanDiscovery discovery) {
        FmdConfig validated = config;
        InvalidConfigException problem = invalid;
        discovery.addBean().beanClass(FmdConfig.class).types(FmdConfig.class, Object.class)
                .createWith(context -> {
                    if (validated == null) {
                        throw problem;
                    }
                    return validated;
                });
    }

    void failOnInvalidConfig(@Observes AfterDeploymentValidation validation) {
        if (invalid != null) {
            validation.addDeploymentProblem(invalid);
        }
    }

    /**
     * The application is undeployed, its beans are destroyed (their {@code @PreDestroy} stopped fmd's threads and its
     * JFR recording): lets go of the JDK's last references to fmd's classes.
     */
    void undeployed(@Observes BeforeShutdown shutdown) {
        RecordMethodCaches.forget();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
