package dev.fmd.outlier;

import dev.fmd.monitor.Monitor;
import dev.fmd.monitor.MonitorExtension;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;

/**
 * The outlier concern's CDI extension: puts an {@link OutlierDetector} on the application's monitor, with the
 * {@link OutlierWatch} thread that takes the stacks of requests stuck past their threshold; stops it at shutdown.
 */
public class OutlierExtension implements Extension {

    private OutlierWatch watch;

    void register(@Observes AfterBeanDiscovery discovery, BeanManager beanManager) {
        beanManager.getExtension(MonitorExtension.class).monitor().ifPresent(this::register);
    }

    private void register(Monitor monitor) {
        OutlierDetector detector = new OutlierDetector(monitor.config(), monitor.attachments(), monitor.problems());
        watch = new OutlierWatch(detector, monitor.problems());
        monitor.addObserver(detector);
        Thread thread = new Thread(watch, "fmd-outlier-watch");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes BeforeShutdown shutdown) {
        if (watch != null) {
            watch.stop();
        }
    }
}
