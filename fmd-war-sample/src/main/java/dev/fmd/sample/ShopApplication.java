package dev.fmd.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The shop's REST API, under {@code /api}. fmd needs no code here: its jar in the WAR is enough. */
@ApplicationPath("api")
public class ShopApplication extends Application {
}
