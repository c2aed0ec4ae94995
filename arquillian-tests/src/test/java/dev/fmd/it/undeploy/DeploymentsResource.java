package dev.fmd.it.undeploy;

import fish.payara.micro.PayaraMicro;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.io.File;

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
