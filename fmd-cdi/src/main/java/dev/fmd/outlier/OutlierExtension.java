package dev.fmd.outlier;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/**
 * The outlier concern's CDI extension: adds the {@link OutlierDetector} bean, which the monitor tells about requests
 * of level 2 or more.
 */
public class OutlierExtension implements Extension {

    void addBeans(@Observes BeforeBeanDiscovery discovery) {
        discovery.addAnnotatedType(OutlierDetector.class, OutlierDetector.class.getName());
    }
}
