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
 * A WAR with fmd, deployed and undeployed five times in one running Payara Micro, leaves behind no {@code fmd-*}
 * thread, no JFR recording, and at most one generation of fmd's classes: the first deployment's. Each time, every
 * endpoint is at level 3, so that the profiler's recording, the outlier watch and the writer all run, and the writer
 * has written the requests before the undeploy.
 * <p>
 * Arquillian's Payara Micro container starts a new server per deployment (its deploy runs {@code java -jar
 * payara-micro.jar --deploy}), so the five deployments go through the Payara Micro runtime, called by an anchor
 * application without fmd ({@link dev.fmd.it.undeploy.DeploymentsResource}). The server's JVM is then looked at with
 * {@code jcmd}: {@code Thread.print}, {@code JFR.check}, and {@code VM.class_hierarchy} after {@code GC.run} (a full
 * collection, which unloads the classes of unreachable class loaders; retried a few times, as a deployment's
 * temporary loaders and the server's last references to an undeployed application go a moment later).
 * <p>
 * The baseline, from heap dumps of this test: a plain JAX-RS WAR deployed the same way leaves nothing. Two things
 * outside fmd keep one generation each:
 * <ul>
 * <li>Payara starts the pool threads of its default {@code ManagedExecutorService} lazily, from the thread that
 * submits (Weld's bootstrap of every CDI application does), and each keeps that application's context class loader
 * for its keep-alive (300 s). The anchor is a CDI application and starts eight of them first, so that the fmd
 * deployments reuse them.</li>
 * <li>JDK 17's JFR starts its own threads ("JFR Recorder Thread", "JFR Periodic Tasks", "JFR Shutdown Hook") with the
 * JVM's first recording, and they keep the access-control context they inherit, whose protection domains name the
 * classes on the stack that started it: fmd-cdi.jar's, and so the class loader of the first deployment that profiled.
 * This happens once per JVM, never once per deployment (fmd opens its recordings with no context class loader, so
 * that the loader itself is not inherited too).</li>
 * </ul>
 * Any leak per deployment shows as a second generation, or as a generation other than the first.
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
        assertEquals("8", server.send("POST", "anchor/deployments/executor-threads?count=8").body());

        for (int i = 1; i <= DEPLOYMENTS; i++) {
            assertEquals("true", server.send("PUT", "anchor/deployments/tiny?contextRoot=tiny&file="
                    + URLEncoder.encode(war.getAbsolutePath(), StandardCharsets.UTF_8)).body(), "deployment " + i);
            for (int r = 0; r < 20; r++) {
                assertEquals(200, tiny.get("tiny/echo").statusCode());
            }
            int written = 20 * i;
            tiny.awaitRequestRows("EchoResource.echo", rows -> rows.size() >= written);
            if (i == 1) {
                Map<String, String> threads = jvm.threads();
                assertTrue(threads.keySet().containsAll(WORKERS), "fmd's workers run while deployed: " + threads);
                for (String worker : WORKERS) { // no thread of fmd's own: each comes from the server's factory
                    assertTrue(threads.get(worker).contains("ManagedThreadFactoryImpl$ManagedThread.run"),
                            worker + " is not a thread of the server's ManagedThreadFactory: " + threads.get(worker));
                }
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
        if (!first.containsAll(loaders.keySet())) { // for the paths that hold them: open it in a heap analyser
            File dump = new File(war.getParentFile(), "undeploy-leak.hprof");
            dump.delete();
            jvm.jcmd("GC.heap_dump " + dump.getAbsolutePath());
        }
        assertTrue(first.containsAll(loaders.keySet()), "class loaders holding fmd's classes after " + DEPLOYMENTS
                + " undeployments and a full GC, other than the first deployment's " + first + ": " + loaders);
    }

    /**
     * @param allowed the class loaders (addresses) that may still hold fmd's classes; when empty, any one may
     * @return the class loaders holding fmd's classes (not the test's), after full collections until there is at most
     *         one and it is allowed, ten at most, a second apart: a deployment's temporary class loaders (JPA weaving)
     *         and the server's last references to an undeployed application go a moment later
     */
    private static Map<String, String> fmdLoaders(ServerJvm jvm, Set<String> allowed) {
        Map<String, String> loaders = Map.of();
        for (int attempt = 0; attempt < 10; attempt++) {
            jvm.collectGarbage();
            loaders = jvm.loadersOf("dev.fmd.", "dev.fmd.it.");
            if (loaders.size() <= 1 && (allowed.isEmpty() || allowed.containsAll(loaders.keySet()))) {
                break;
            }
            FmdClient.sleep(1000);
        }
        return loaders;
    }
}
