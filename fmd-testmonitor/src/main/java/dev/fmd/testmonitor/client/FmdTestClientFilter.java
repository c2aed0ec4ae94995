package dev.fmd.testmonitor.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * A JAX-RS client filter that tags every request with the current test's {@link FmdTestHeaders} (nothing when no
 * test is current or no token is configured).
 *
 * <pre>{@code
 * Client client = ClientBuilder.newClient().register(new FmdTestClientFilter());
 * }</pre>
 * With Jersey 3.1 (and any Jakarta REST 3.1 client that loads features from {@code META-INF/services}) the
 * {@link FmdTestClientFeature} registers it on every client already.
 */
public final class FmdTestClientFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        FmdTestHeaders.current().forEach((name, value) -> request.getHeaders().putSingle(name, value));
    }
}
