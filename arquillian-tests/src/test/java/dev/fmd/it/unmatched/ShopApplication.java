package dev.fmd.it.unmatched;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** An application whose requests often end before a resource method: CORS, locators, conversions, validation. */
@ApplicationPath("api")
public class ShopApplication extends Application {
}
