package dev.fmd.it.dropin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Set;

/**
 * The application's own authentication: {@code Authorization: Bearer user-<name>} logs {@code <name>} in, in the group
 * {@code user}; names starting with {@code op-} (operators) are also in the group {@code operator}.
 */
@ApplicationScoped
public class TokenAuthentication implements HttpAuthenticationMechanism {

    private static final String PREFIX = "Bearer user-";

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.startsWith(PREFIX)) {
            String name = authorization.substring(PREFIX.length());
            return context.notifyContainerAboutLogin(name, name.startsWith("op-") ? Set.of("user", "operator")
                    : Set.of("user"));
        }
        return context.doNothing();
    }
}
