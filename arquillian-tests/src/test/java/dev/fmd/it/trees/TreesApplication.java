package dev.fmd.it.trees;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The application of {@code ProfilerTreesIT}. */
@ApplicationPath("trees")
public class TreesApplication extends Application {
}
