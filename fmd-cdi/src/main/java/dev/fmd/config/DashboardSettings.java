package dev.fmd.config;

import java.time.ZoneId;
import java.util.Map;

/**
 * The {@code fmd.*} settings of the dashboard: where it lives, who may log in, how it shows times and colours.
 * <pre>
 * fmd.custom-link=monitoring
 * fmd.username=admin
 * fmd.password=pbkdf2-sha256:310000:3q2+7w==:q9v...   # or a plain password
 * fmd.guest-role=developers
 * fmd.timezone=Europe/Amsterdam
 * fmd.colors=OrderResource.create=#d62728,OrderResource.list=#1f77b4
 * </pre>
 * Passwords are never part of {@link #toString()}.
 *
 * @param link          {@code fmd.custom-link}: the path of the dashboard in the application, without slashes
 *                      (default {@code fmd})
 * @param username      {@code fmd.username}: the admin's user name
 * @param password      {@code fmd.password}: the admin's password, plain or hashed; empty: no admin login by password
 * @param guestUsername {@code fmd.guest-username}: the read-only guest's user name
 * @param guestPassword {@code fmd.guest-password}: the guest's password, plain or hashed; empty: no guest login
 * @param adminRole     {@code fmd.admin-role}: a role of the application's own Jakarta Security whose users are admins
 *                      of the dashboard; empty for none
 * @param guestRole     {@code fmd.guest-role}: such a role for read-only guests; empty for none
 * @param timezone      {@code fmd.timezone}: the zone times are shown in, or null for the browser's
 * @param colors        {@code fmd.colors}: CSS colours of endpoints by name; the others get one hashed from the name
 */
public record DashboardSettings(String link, String username, String password, String guestUsername,
                                String guestPassword, String adminRole, String guestRole, ZoneId timezone,
                                Map<String, String> colors) {

    /** The settings when no key is set: at {@code /fmd}, nobody can log in. */
    public static final DashboardSettings DEFAULTS = new DashboardSettings("fmd", "admin", "", "guest", "", "", "",
            null, Map.of());

    public DashboardSettings {
        colors = Map.copyOf(colors);
    }

    /** @return true when some way to log in is configured: a password or a role */
    public boolean loginConfigured() {
        return !password.isEmpty() || !guestPassword.isEmpty() || !adminRole.isEmpty() || !guestRole.isEmpty();
    }

    @Override
    public String toString() {
        return "DashboardSettings[link=" + link + ", username=" + username + ", password="
                + (password.isEmpty() ? "(none)" : "(set)") + ", guestUsername=" + guestUsername + ", guestPassword="
                + (guestPassword.isEmpty() ? "(none)" : "(set)") + ", adminRole=" + adminRole + ", guestRole="
                + guestRole + ", timezone=" + timezone + ", colors=" + colors + "]";
    }
}
