package dev.fmd.monitor;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One resource method of the application as a path matcher, for requests the JAX-RS runtime did not take to a
 * resource method (a {@code @PreMatching} filter ended them, or a sub-resource locator failed): which endpoint
 * were they going to?
 *
 * @param httpMethod the resource method's HTTP method
 * @param pattern    its path template as a regular expression ({@code {id}} matches one segment, {@code {id: re}}
 *                   the expression)
 * @param literals   the number of literal characters of the template, by which JAX-RS prefers one match
 * @param endpoint   its endpoint, or empty when the method is not monitored
 */
record Route(String httpMethod, Pattern pattern, int literals, Optional<Endpoint> endpoint) {

    /**
     * @param httpMethod the resource method's HTTP method
     * @param template   its full path template, as {@link ResourceMethods#join} made it
     * @param endpoint   its endpoint, or empty when it is not monitored
     * @return the route, or empty when the template's expression does not compile
     */
    static Optional<Route> of(String httpMethod, String template, Optional<Endpoint> endpoint) {
        StringBuilder regex = new StringBuilder();
        int literals = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                regex.append(Pattern.quote(String.valueOf(c)));
                literals++;
                i++;
                continue;
            }
            int depth = 1;
            int end = i + 1;
            while (end < template.length() && depth > 0) {
                char d = template.charAt(end);
                depth += d == '{' ? 1 : d == '}' ? -1 : 0;
                end++;
            }
            String variable = template.substring(i + 1, Math.max(i + 1, end - 1));
            int colon = variable.indexOf(':');
            regex.append('(').append(colon < 0 ? "[^/]+" : variable.substring(colon + 1).trim()).append(')');
            i = end;
        }
        try {
            return Optional.of(new Route(httpMethod, Pattern.compile(regex.toString()), literals, endpoint));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Picks the route the JAX-RS runtime would take for the request, when the routes say it unambiguously: of the
     * routes of the method whose template matches the path, the one with the most literal characters (then the one
     * of the very method, rather than {@code GET} for a {@code HEAD}), when no other ranks as high.
     *
     * @param routes     every route of the application
     * @param httpMethod the request's method ({@code HEAD} also matches {@code GET})
     * @param path       the request's path below the context path, {@link PathTemplate#normalized}
     * @return the route, or empty when none or several fit
     */
    static Optional<Route> pick(Collection<Route> routes, String httpMethod, String path) {
        Route best = null;
        int bestRank = -1;
        boolean tie = false;
        for (Route route : routes) {
            boolean exact = route.httpMethod.equals(httpMethod);
            boolean method = exact || "HEAD".equals(httpMethod) && "GET".equals(route.httpMethod);
            if (!method || !route.pattern.matcher(path).matches()) {
                continue;
            }
            int rank = route.literals * 2 + (exact ? 1 : 0);
            if (rank > bestRank) {
                best = route;
                bestRank = rank;
                tie = false;
            } else if (rank == bestRank) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }
}
