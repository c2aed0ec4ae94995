package dev.fmd.it.tiny;

import dev.fmd.GroupBy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** Groups requests by their {@code X-User} header. */
@RequestScoped
public class HeaderGroupBy implements GroupBy {

    @Inject
    HttpServletRequest request;

    @Override
    public Object groupBy() {
        return request.getHeader("X-User");
    }
}
