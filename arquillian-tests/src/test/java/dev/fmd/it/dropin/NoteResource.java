package dev.fmd.it.dropin;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** An EJB resource with the application's persistence unit, injected without a unit name. */
@Stateless
@Path("notes")
public class NoteResource {

    @PersistenceContext
    EntityManager em;

    @POST
    public Response add(@QueryParam("text") String text) {
        Note note = new Note(text);
        em.persist(note);
        em.flush();
        return Response.status(Response.Status.CREATED).entity(String.valueOf(note.getId())).build();
    }

    @GET
    public String count() {
        return String.valueOf(em.createQuery("SELECT COUNT(n) FROM Note n", Long.class).getSingleResult());
    }

    /** Throws from inside the EJB: the container wraps it, the client gets a 500. */
    @GET
    @Path("broken")
    public String broken() {
        throw new IllegalStateException("broken note");
    }
}
