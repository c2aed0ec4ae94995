package dev.fmd.it.queries;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The application whose endpoints {@code QueryServicesIT} seeds requests for; its resources are never called, the
 * requests come through {@link QueriesProbe}.
 */
@ApplicationPath("shop")
public class ShopApplication extends Application {
}
