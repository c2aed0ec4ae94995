package dev.fmd.access;

import java.io.Serializable;

/**
 * Who uses the dashboard: kept in the application's HTTP session after a login on fmd's login page, or found anew
 * on each request from the application's own authentication ({@code fmd.admin-role}, {@code fmd.guest-role}).
 *
 * @param name      the name shown in the header
 * @param role      what the user may do
 * @param container true when the application's container authenticated the user (its roles), so that a logout also
 *                  logs out of the container's login fmd made
 */
public record DashboardUser(String name, Role role, boolean container) implements Serializable {
}
