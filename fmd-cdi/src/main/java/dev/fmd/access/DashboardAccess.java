package dev.fmd.access;

import dev.fmd.config.DashboardSettings;
import dev.fmd.config.Passwords;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.security.Principal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Who may use the dashboard and its JSON API, from the {@code fmd.*} login settings:
 * <ul>
 * <li>{@code fmd.username}/{@code fmd.password} (the admin) and {@code fmd.guest-username}/{@code fmd.guest-password}
 * (a read-only guest), checked by {@link #login} and then kept in the application's HTTP session;</li>
 * <li>or the application's own authentication: a user in {@code fmd.admin-role} or {@code fmd.guest-role}, found
 * anew on every request the application authenticates, or logged in through fmd's form with the container's
 * {@code HttpServletRequest#login}.</li>
 * </ul>
 * With none of these keys set nobody can log in: there is no default password. Every change made with a session
 * must carry the session's CSRF token ({@link #csrfToken}), as the form field {@value #CSRF_FIELD} or the header
 * {@value #CSRF_HEADER}.
 * <p>
 * A login kept in the session counts only together with fmd's own cookie {@value #LOGIN_COOKIE}, set at the login:
 * {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} when the login came over TLS, and sent only to the dashboard's
 * addresses. fmd leaves the application's session cookie as the application configured it; this cookie gives the
 * dashboard's login the flags the session cookie may lack (a script of the application that can read the session id
 * still cannot use the dashboard, and another site's POST or fetch carries no login).
 */
public final class DashboardAccess {

    /** The header a script of the dashboard sends its CSRF token in. */
    public static final String CSRF_HEADER = "X-Fmd-Csrf";
    /** The form field a dashboard form sends its CSRF token in. */
    public static final String CSRF_FIELD = "fmd-csrf";
    /** What to set when nobody can log in; shown on the login page and logged once. */
    public static final String HOW_TO_CONFIGURE = "Nobody can log in to fmd's dashboard: no password and no role is "
            + "set. Set fmd.password (the admin, user name fmd.username, default admin) and optionally "
            + "fmd.guest-password (a read-only guest, fmd.guest-username, default guest), or fmd.admin-role / "
            + "fmd.guest-role to let users of the application's own login in. There is no default password.";

    /** fmd's own login cookie, which a session's dashboard login needs besides the session. */
    public static final String LOGIN_COOKIE = "fmd-login";

    private static final String USER = DashboardUser.class.getName();
    private static final String LOGIN = DashboardAccess.class.getName() + ".login";
    private static final String CSRF = DashboardAccess.class.getName() + ".csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DashboardSettings settings;

    /** @param settings the dashboard's settings */
    public DashboardAccess(DashboardSettings settings) {
        this.settings = settings;
    }

    /** @return true when someone can log in: a password or a role is set */
    public boolean loginConfigured() {
        return settings.loginConfigured();
    }

    /** @return true when users of the application's own login may come in by their roles */
    public boolean rolesConfigured() {
        return !settings.adminRole().isEmpty() || !settings.guestRole().isEmpty();
    }

    /**
     * @param request a request to the dashboard or its API
     * @return who sent it: the user logged in through fmd's form in this session, or else an authenticated user of
     *         the application in {@code fmd.admin-role} or {@code fmd.guest-role}; empty for a stranger
     */
    public Optional<DashboardUser> user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(USER) instanceof DashboardUser user
                && session.getAttribute(LOGIN) instanceof String token && Passwords.sameSecret(token,
                loginCookie(request))) {
            return Optional.of(user);
        }
        return containerUser(request);
    }

    private static String loginCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (LOGIN_COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /**
     * @param request a request
     * @return the application's authenticated user of the request when in one of fmd's roles
     */
    public Optional<DashboardUser> containerUser(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null || !rolesConfigured()) {
            return Optional.empty();
        }
        return roleOf(request).map(role -> new DashboardUser(principal.getName(), role, true));
    }

    private Optional<Role> roleOf(HttpServletRequest request) {
        if (!settings.adminRole().isEmpty() && request.isUserInRole(settings.adminRole())) {
            return Optional.of(Role.ADMIN);
        }
        if (!settings.guestRole().isEmpty() && request.isUserInRole(settings.guestRole())) {
            return Optional.of(Role.GUEST);
        }
        return Optional.empty();
    }

    /**
     * Checks a user name and password: fmd's own admin and guest first, then, when roles are set, the application's
     * container ({@code HttpServletRequest#login}). On success the user is kept as {@link #keep} keeps it.
     *
     * @param request  the login request
     * @param response its response, which gets the login cookie
     * @param username the user name typed
     * @param password the password typed
     * @return the user, or empty
     */
    public Optional<DashboardUser> login(HttpServletRequest request, HttpServletResponse response, String username,
                                         String password) {
        if (username == null || password == null || username.length() > 256 || password.length() > 1024) {
            return Optional.empty();
        }
        boolean admin = Passwords.sameSecret(settings.username(), username)
                & Passwords.matches(settings.password(), password);
        boolean guest = Passwords.sameSecret(settings.guestUsername(), username)
                & Passwords.matches(settings.guestPassword(), password);
        Optional<DashboardUser> user = admin ? Optional.of(new DashboardUser(username, Role.ADMIN, false))
                : guest ? Optional.of(new DashboardUser(username, Role.GUEST, false))
                : containerLogin(request, username, password);
        user.ifPresent(u -> keep(request, response, u));
        return user;
    }

    private Optional<DashboardUser> containerLogin(HttpServletRequest request, String username, String password) {
        if (!rolesConfigured()) {
            return Optional.empty();
        }
        try {
            if (request.getUserPrincipal() == null) {
                request.login(username, password);
            }
            Optional<DashboardUser> user = containerUser(request);
            if (user.isEmpty()) {
                request.logout();
            }
            return user;
        } catch (ServletException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Keeps a user who logged in (on fmd's form, or by the application's own authentication) in the HTTP session: a
     * session that existed gets a new id, so that a session id known before the login is worth nothing after it; the
     * session gets a new CSRF token; and the response sets the login cookie {@value #LOGIN_COOKIE} the session's
     * login needs from now on.
     *
     * @param request  the request
     * @param response its response
     * @param user     the user
     */
    public void keep(HttpServletRequest request, HttpServletResponse response, DashboardUser user) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        String login = newToken();
        session.setAttribute(USER, user);
        session.setAttribute(CSRF, newToken());
        session.setAttribute(LOGIN, login);
        response.addHeader("Set-Cookie", loginCookie(request, login, false));
    }

    /**
     * @param request the request
     * @param value   the cookie's value
     * @param expired true to delete the cookie
     * @return the {@code Set-Cookie} value of the login cookie: only for the dashboard's path, never for scripts, not
     *         sent with another site's requests but a link's, and only over TLS when the request came over TLS
     */
    private String loginCookie(HttpServletRequest request, String value, boolean expired) {
        return LOGIN_COOKIE + "=" + value + "; Path=" + request.getContextPath() + "/" + settings.link()
                + "; HttpOnly; SameSite=Lax" + (request.isSecure() ? "; Secure" : "") + (expired ? "; Max-Age=0" : "");
    }

    /**
     * Ends the dashboard's login in this session (and the container's login fmd made); the application's own
     * session otherwise stays as it was.
     *
     * @param request  the logout request
     * @param response its response, which deletes the login cookie
     */
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", loginCookie(request, "", true));
        HttpSession session = request.getSession(false);
        if (session != null) {
            Object user = session.getAttribute(USER);
            session.removeAttribute(USER);
            session.removeAttribute(CSRF);
            session.removeAttribute(LOGIN);
            if (user instanceof DashboardUser u && u.container()) {
                try {
                    request.logout();
                } catch (ServletException | RuntimeException e) {
                    // the container keeps its login; fmd's is gone
                }
            }
        }
    }

    /**
     * @param request a request of a logged-in user
     * @return the token that the session's changes must carry; made with the session when it has none
     */
    public static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        Object token = session.getAttribute(CSRF);
        if (token instanceof String text) {
            return text;
        }
        String made = newToken();
        session.setAttribute(CSRF, made);
        return made;
    }

    /**
     * @param request a request that changes something
     * @return true when it carries its session's CSRF token, in the header {@value #CSRF_HEADER} or the form field
     *         {@value #CSRF_FIELD}; compared in constant time
     */
    public static boolean csrfValid(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(CSRF);
        String given = request.getHeader(CSRF_HEADER);
        if (given == null) {
            given = request.getParameter(CSRF_FIELD);
        }
        return expected instanceof String token && Passwords.sameSecret(token, given);
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
