package dev.fmd.it.dropin;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** The application's own exception mapper: a rejected argument is a 422. */
public class RejectionMapper implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException exception) {
        return Response.status(422).entity(exception.getMessage()).build();
    }
}
