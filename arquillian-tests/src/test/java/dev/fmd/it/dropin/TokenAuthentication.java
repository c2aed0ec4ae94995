package dev.fmd.it.dropin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Set;

/** The application's own authentication: {@code Authorization: Bearer user-<name>} logs {@code <name>} in. */
@ApplicationScoped
public class TokenAuthentication implements HttpAuthenticationMechanism {

    private static final String PREFIX = "Bearer user-";

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.startsWith(PREFIX)) {
            return context.notifyContainerAboutLogin(authorization.substring(PREFIX.length()), Set.of("user"));
        }
        return context.doNothing();
    }
}
