package dev.fmd.it.undeploy;

import fish.payara.micro.PayaraMicro;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.io.File;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;

/**
 * Deploys and undeploys other WARs in the Payara Micro this application runs in, through the Payara Micro runtime:
 * Arquillian's Payara Micro container starts a new server for each deployment, so it cannot redeploy into one
 * running server.
 */
@Path("deployments")
public class DeploymentsResource {

    /** @return the names of the applications deployed now, comma-separated */
    @GET
    public String names() {
        return String.join(",", PayaraMicro.getInstance().getRuntime().getDeployedApplicationNames());
    }

    /**
     * @param name        the application's name
     * @param file        the WAR's path on this machine
     * @param contextRoot its context root
     * @return "true" when it deployed
     */
    @PUT
    @Path("{name}")
    public String deploy(@PathParam("name") String name, @QueryParam("file") String file,
                         @QueryParam("contextRoot") String contextRoot) {
        return Boolean.toString(PayaraMicro.getInstance().getRuntime().deploy(name, contextRoot, new File(file)));
    }

    /**
     * Makes the server's default managed executor start this many pool threads now, for this application: Payara
     * starts them lazily, from the thread that submits a task (Weld's bootstrap of every CDI application does), and
     * each keeps that application's context class loader for its keep-alive (300 s), after the application is gone.
     * Started here first, they are the ones the later deployments reuse.
     *
     * @param count how many threads, each busy until all have started
     * @return how many started
     */
    @POST
    @Path("executor-threads")
    public String startExecutorThreads(@QueryParam("count") int count) throws Exception {
        ManagedExecutorService executor = (ManagedExecutorService) new InitialContext()
                .lookup("java:comp/DefaultManagedExecutorService");
        CountDownLatch started = new CountDownLatch(count);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < count; i++) {
            executor.execute(() -> {
                started.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        boolean all = started.await(30, TimeUnit.SECONDS);
        release.countDown();
        return Long.toString(all ? count : count - started.getCount());
    }

    /**
     * @param name the application's name
     * @return the names deployed afterwards
     */
    @DELETE
    @Path("{name}")
    public String undeploy(@PathParam("name") String name) {
        PayaraMicro.getInstance().getRuntime().undeploy(name);
        return names();
    }
}
