package dev.fmd.it;

import dev.fmd.it.support.Database;
import dev.fmd.it.support.FmdClient;
import dev.fmd.it.support.ServerJvm;
import dev.fmd.it.support.TestWars;
import dev.fmd.it.support.TinyApp;
import dev.fmd.it.undeploy.AnchorApplication;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A WAR with fmd, deployed and undeployed five times in one running Payara Micro, leaves nothing behind: no
 * {@code fmd-*} thread, no JFR recording, and no generation of fmd's classes (the server's only other application,
 * the anchor this class deploys, has none). Each time, every endpoint is at level 3, so that the profiler's
 * recording, the outlier watch and the writer all run, and the writer has written the requests before the undeploy.
 * <p>
 * Arquillian's Payara Micro container starts a new server per deployment (its deploy runs {@code java -jar
 * payara-micro.jar --deploy}), so the five deployments go through the Payara Micro runtime, called by the anchor
 * application ({@link dev.fmd.it.undeploy.DeploymentsResource}). The server's JVM is then looked at with
 * {@code jcmd}: {@code Thread.print}, {@code JFR.check}, and {@code VM.class_hierarchy} after {@code GC.run} (a
 * full collection, which unloads the classes of unreachable class loaders; it is retried a few times, as the last
 * references to an undeployed application, such as the server's own caches of it, can go a moment later).
 */
@ExtendWith(ArquillianExtension.class)
class UndeployLeavesNothingIT {

    private static final String PREFIX = TestWars.uniquePrefix();
    private static final int DEPLOYMENTS = 5;
    private static final List<String> WORKERS = List.of("fmd-writer", "fmd-outlier-watch", "fmd-profiler-switch");

    @ArquillianResource
    private URL anchor;

    @Deployment(testable = false)
    static WebArchive anchor() {
        return ShrinkWrap.create(WebArchive.class, "anchor.war").addPackage(AnchorApplication.class.getPackage())
                .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                        + "version=\"4.0\" bean-discovery-mode=\"all\"/>"), "beans.xml");
    }

    @AfterAll
    static void dropTables() throws Exception {
        Database.current().dropTables(PREFIX);
    }

    @Test
    void fiveDeploymentsAtLevel3LeaveNoThreadNoRecordingAndNoClassLoader() throws Exception {
        File war = new File(System.getProperty("fmd.it.target", "target"), "undeploy-tiny.war");
        TinyApp.war(Map.of("fmd.monitor-level", "3", "fmd.outlier-warmup", "1"), PREFIX)
                .as(ZipExporter.class).exportTo(war, true);
        FmdClient server = new FmdClient(anchor, "anchor");
        FmdClient tiny = new FmdClient(new URL(anchor, "/tiny/"), "tiny");
        ServerJvm jvm = ServerJvm.payaraMicro();
        assertEquals(Map.of(), jvm.loadersOf("dev.fmd.", "dev.fmd.it."), "no fmd before the first deployment");
        Set<String> first = Set.of();

        for (int i = 1; i <= DEPLOYMENTS; i++) {
            assertEquals("true", server.send("PUT", "anchor/deployments/tiny?contextRoot=tiny&file="
                    + URLEncoder.encode(war.getAbsolutePath(), StandardCharsets.UTF_8)).body(), "deployment " + i);
            for (int r = 0; r < 20; r++) {
                assertEquals(200, tiny.get("tiny/echo").statusCode());
            }
            int written = 20 * i;
            tiny.awaitRequestRows("EchoResource.echo", rows -> rows.size() >= written);
            if (i == 1) {
                List<String> threads = jvm.threadNames();
                assertTrue(threads.containsAll(WORKERS), "fmd's workers run while deployed: " + threads);
                assertTrue(jvm.recordings().contains("Recording "), "the profiler's recording runs while deployed: "
                        + jvm.recordings());
                first = fmdLoaders(jvm, Set.of()).keySet();
                assertEquals(1, first.size(), "one generation while deployed");
            }
            assertEquals("anchor", server.send("DELETE", "anchor/deployments/tiny").body(), "undeployment " + i);
        }

        Map<String, String> loaders = fmdLoaders(jvm, first);
        List<String> left = jvm.threadNames().stream().filter(name -> name.startsWith("fmd-")).toList();
        assertEquals(List.of(), left, "fmd threads left after " + DEPLOYMENTS + " undeployments");
        String recordings = jvm.recordings();
        assertTrue(recordings.contains("No available recordings"), "JFR recordings left: " + recordings);
        if (!loaders.isEmpty()) { // for the paths that hold them: the dump opens in a heap analyser
            File dump = new File(war.getParentFile(), "undeploy-leak.hprof");
            dump.delete();
            jvm.jcmd("GC.heap_dump " + dump.getAbsolutePath());
        }
        assertTrue(first.containsAll(loaders.keySet()), "class loaders still holding fmd's classes after "
                + DEPLOYMENTS + " undeployments and a full GC, other than the first deployment's " + first
                + " (loader address = one of its classes): " + loaders);
    }

    /**
     * @param allowed the class loaders that may hold fmd's classes (by address)
     * @return the class loaders holding fmd's classes (not the test's), after full collections until they are among
     *         the allowed ones, or at most one when none is, ten at most, a second apart: a deployment's temporary
     *         class loaders (JPA weaving) and the server's last references to an undeployed application go a moment
     *         later
     */
    private static Map<String, String> fmdLoaders(ServerJvm jvm, Set<String> allowed) {
        Map<String, String> loaders = Map.of();
        for (int attempt = 0; attempt < 10; attempt++) {
            jvm.collectGarbage();
            loaders = jvm.loadersOf("dev.fmd.", "dev.fmd.it.");
            if (allowed.isEmpty() ? loaders.size() <= 1 : allowed.containsAll(loaders.keySet())) {
                break;
            }
            FmdClient.sleep(1000);
        }
        return loaders;
    }
}
