package dev.fmd.ui;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The login form as plain HTML (no Faces, no script), in the dashboard's look: fields {@code username} and
 * {@code password}, the page to go to after the login, and a message. Everything that comes from the request is
 * escaped; the page to go to must be a dashboard page, so the form cannot send anyone elsewhere.
 *
 * @param base      the dashboard's address, e.g. {@code /shop/fmd}
 * @param wanted    the page asked for before the login, or null
 * @param withRoles true when the application's own login is offered too
 */
record LoginPage(String base, String wanted, boolean withRoles) {

    /** @return where to go after the login: the page asked for when it is a dashboard page, else the overview */
    String next() {
        boolean dashboardPage = wanted != null && wanted.startsWith(base + "/") && !wanted.startsWith(base + "/login")
                && !wanted.contains("//") && !wanted.contains("\\") && wanted.chars().noneMatch(c -> c < 0x20);
        return dashboardPage ? wanted : base + "/index.xhtml";
    }

    /**
     * @param response the response
     * @param status   its status
     * @param message  a message above the form, or null
     * @param good     true when the message is good news
     * @throws IOException when the client went away
     */
    void write(HttpServletResponse response, int status, String message, boolean good) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        String next = escape(next());
        StringBuilder html = new StringBuilder(2048).append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="same-origin">
                <title>fmd · Log in</title>
                <link rel="stylesheet" href="%1$s/assets/fmd.css">
                </head>
                <body class="fmd-page fmd-login-page">
                <main class="fmd-login">
                <div class="fmd-login-brand">fmd<span>Monitoring Dashboard</span></div>
                <h1>Log in</h1>
                """.formatted(escape(base)));
        if (message != null) {
            html.append("<div class=\"fmd-message ").append(good ? "fmd-good" : status >= 400 ? "fmd-error" : "fmd-warn")
                    .append("\" id=\"login-message\">").append(escape(message)).append("</div>\n");
        }
        html.append("""
                <form method="post" action="%1$s/login" class="fmd-login-form">
                <input type="hidden" name="next" value="%2$s">
                <label for="username">User name</label>
                <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <button type="submit">Log in</button>
                </form>
                """.formatted(escape(base), next));
        if (withRoles) {
            html.append("<p class=\"fmd-login-alt\">Or <a id=\"app-login\" href=\"").append(escape(base))
                    .append("/login?app&amp;next=").append(escape(java.net.URLEncoder.encode(next(),
                            java.nio.charset.StandardCharsets.UTF_8)))
                    .append("\">log in with the application's own login</a>.</p>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        response.getWriter().write(html.toString());
    }

    /**
     * @param text text from anywhere
     * @return it, safe inside HTML text and quoted attributes
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
