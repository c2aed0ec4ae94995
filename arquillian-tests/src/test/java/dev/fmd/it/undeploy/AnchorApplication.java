package dev.fmd.it.undeploy;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The application that stays deployed while {@code UndeployLeavesNothingIT} deploys and undeploys a WAR with fmd in
 * the same Payara Micro: it has no fmd, so every {@code dev.fmd} class the server holds afterwards is a leak.
 */
@ApplicationPath("anchor")
public class AnchorApplication extends Application {
}
