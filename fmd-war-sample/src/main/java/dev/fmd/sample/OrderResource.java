package dev.fmd.sample;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Endpoints that fail: one with the shop's own mapped exception, one with a bug nobody mapped. */
@Path("orders")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class OrderResource {

    @Inject
    Catalog catalog;

    /** Orders one unit; 409 when out of stock (mapped by the shop's {@link OutOfStockMapper}). */
    @POST
    @Path("{productId}")
    public String order(@PathParam("productId") long productId) {
        Product product = catalog.find(productId).orElseThrow(() -> new NotFoundException("no product " + productId));
        if (product.stock() <= 0) {
            throw new OutOfStockException(product.name() + " is out of stock");
        }
        return "ordered " + product.name();
    }

    /** A bug: the exception escapes and the client gets a 500. */
    @POST
    @Path("{productId}/gift-wrap")
    public String giftWrap(@PathParam("productId") long productId) {
        throw new IllegalStateException("gift wrapping is not implemented");
    }
}
