package dev.fmd.monitor;

import dev.fmd.Monitored;
import dev.fmd.config.FmdConfig;
import dev.fmd.config.InvalidConfigException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;

/**
 * The monitoring concern's CDI extension. At deployment: reads and validates the configuration (a wrong
 * {@code fmd.*} value fails the deployment with one message), makes it a bean, adds the {@link Monitor} and
 * {@link ManagedThreads} beans, and binds the {@link MonitoringInterceptor} to every monitored resource method CDI
 * discovers. On undeploy, lets go of the JDK's references to fmd's records ({@link RecordMethodCaches}).
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

    <T> void bindInterceptor(@Observes ProcessAnnotatedType<T> event) {
        if (config == null || !config.enabled() || !config.autoBind()) {
            return;
        }
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (!ResourceMethods.isResourceClass(type) || Modifier.isFinal(type.getModifiers())
                || type.isAnnotationPresent(Monitored.class)) {
            return;
        }
        MonitoringPolicy policy = new MonitoringPolicy(true);
        event.configureAnnotatedType()
                .filterMethods(method -> isBindable(type, method, policy))
                .forEach(method -> method.add(Monitored.Literal.INSTANCE));
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

    private static boolean isBindable(Class<?> type, AnnotatedMethod<?> annotated, MonitoringPolicy policy) {
        Method method = annotated.getJavaMember();
        return !Modifier.isFinal(method.getModifiers()) && !annotated.isAnnotationPresent(Monitored.class)
                && ResourceMethods.isResourceMethod(type, method) && policy.isMonitored(type, method);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
