package dev.fmd.it.tiny;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** A minimal application for the configuration tests. */
@ApplicationPath("tiny")
public class TinyApplication extends Application {
}
