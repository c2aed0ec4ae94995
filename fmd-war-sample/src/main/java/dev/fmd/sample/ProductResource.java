package dev.fmd.sample;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Fast endpoints with path parameters: the bulk of a shop's traffic. */
@Path("products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    Catalog catalog;

    @GET
    public List<Product> list() {
        return catalog.all();
    }

    @GET
    @Path("{id}")
    public Product get(@PathParam("id") long id) {
        return catalog.find(id).orElseThrow(() -> new NotFoundException("no product " + id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(Product product) {
        Product added = catalog.add(product.name(), product.price().toPlainString(), product.stock());
        return Response.status(Response.Status.CREATED).entity(added).build();
    }
}
