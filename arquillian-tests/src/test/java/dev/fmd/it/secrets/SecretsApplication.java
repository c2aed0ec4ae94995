package dev.fmd.it.secrets;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** An application whose clients send secrets in every place a request has. */
@ApplicationPath("api")
public class SecretsApplication extends Application {
}
