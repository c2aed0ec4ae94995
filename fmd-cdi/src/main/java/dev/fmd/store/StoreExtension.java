package dev.fmd.store;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

import java.util.List;

/**
 * The storage concern's CDI extension: adds the store's beans (the {@link Store}, the {@link BatchWriter} and its
 * parts, the query services). The {@link StoreInitializer} starts the writer when the web module starts.
 */
public class StoreExtension implements Extension {

    void addBeans(@Observes BeforeBeanDiscovery discovery) {
        for (Class<?> type : List.of(Store.class, BatchWriter.class, ProfileRows.class, OutlierRows.class,
                JpaEndpointQueries.class, JpaProfileQueries.class, JpaOutlierQueries.class, StoreStatus.class,
                StoreLevelChanges.class, JpaUsageQueries.class, JpaPerformanceQueries.class,
                JpaDimensionQueries.class, JpaRequestQueries.class, StoreExport.class, CatalogTableSizes.class,
                JpaTestmonitorQueries.class, StoreTestRuns.class)) {
            discovery.addAnnotatedType(type, type.getName());
        }
    }
}
