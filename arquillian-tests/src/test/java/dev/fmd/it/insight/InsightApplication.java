package dev.fmd.it.insight;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The application of the profiler and outlier tests. */
@ApplicationPath("insight")
public class InsightApplication extends Application {
}
