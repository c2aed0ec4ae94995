package dev.fmd.benchapp;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Every resource of the benchmark app, under {@code /api}. */
@ApplicationPath("api")
public class BenchApplication extends Application {
}
