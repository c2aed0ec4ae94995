package dev.fmd.testmonitor;

import dev.fmd.access.JsonAnswer;
import dev.fmd.access.TokenGate;
import dev.fmd.monitor.Problems;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * {@code POST /fmd/api/test-runs}: a CI pipeline uploads its test run ({@link TestRunUpload}), with
 * {@code fmd.testmonitor-token} as its bearer token.
 * <pre>
 * curl -X POST -H "Authorization: Bearer $FMD_TESTMONITOR_TOKEN" -H "Content-Type: application/json" \
 *      --data @run.json http://host/app/fmd/api/test-runs
 * </pre>
 * Answers 201 with the run's id and its page in {@code Location}; 400 naming the wrong field; 401 for a missing or
 * wrong token (counted by the {@link TokenGate} like a failed login; 429 once an address failed too often); 403 when
 * uploads are off (no token configured); 409 when the run was uploaded already; 413 over
 * {@link TestRunUpload#MAX_BYTES}; 415 when the body is not declared JSON; 503 when fmd's database does not answer.
 * A refused upload changes nothing.
 */
public final class TestRunUploadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** What a client is told when uploads are off. */
    public static final String OFF_MESSAGE = "test-run uploads are off: set fmd.testmonitor-token (a bearer token of "
            + "16 characters or more) to turn them on";

    /** The most bytes of a too large body read (and dropped) before answering 413. */
    private static final long DRAINED = 32L * 1024 * 1024;

    private final transient String token;
    private final transient String appVersion;
    private final transient TokenGate gate;
    private final transient TestRuns runs;
    private final transient Problems problems;
    private final transient String base;

    /**
     * @param token      {@code fmd.testmonitor-token}, or empty
     * @param appVersion the version stored for a run that names none
     * @param gate       checks the bearer token against the login throttle
     * @param runs       where runs are stored
     * @param problems   where a failure of fmd's own is counted
     * @param base       the dashboard's address, e.g. {@code /app/fmd}, for the run's page
     */
    TestRunUploadServlet(String token, String appVersion, TokenGate gate, TestRuns runs, Problems problems,
                         String base) {
        this.token = token;
        this.appVersion = appVersion;
        this.gate = gate;
        this.runs = runs;
        this.problems = problems;
        this.base = base;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (token.isEmpty()) {
            JsonAnswer.error(response, HttpServletResponse.SC_FORBIDDEN, OFF_MESSAGE, null);
            return;
        }
        TokenGate.Verdict verdict = gate.check(request, token);
        switch (verdict.result()) {
            case THROTTLED -> {
                JsonAnswer.error(response, 429, TokenGate.refuse(response, verdict.retryAfter()), null);
                return;
            }
            case NO_TOKEN, WRONG -> {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"fmd\"");
                JsonAnswer.error(response, HttpServletResponse.SC_UNAUTHORIZED,
                        "a valid bearer token (fmd.testmonitor-token) is needed", null);
                return;
            }
            case VALID -> {
                // go on
            }
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            JsonAnswer.error(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "the body must be JSON "
                    + "(Content-Type: application/json)", "body");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = request.getContentLengthLong() > TestRunUpload.MAX_BYTES ? null
                    : in.readNBytes(TestRunUpload.MAX_BYTES + 1);
            if (body == null || body.length > TestRunUpload.MAX_BYTES) {
                tooLarge(response, in);
                return;
            }
        } catch (IOException e) {
            response.setHeader("Connection", "close");
            JsonAnswer.error(response, HttpServletResponse.SC_BAD_REQUEST, "body: ended before its Content-Length",
                    "body");
            return;
        }
        TestRunUpload upload;
        try {
            upload = TestRunUpload.parse(body);
        } catch (InvalidUploadException e) {
            JsonAnswer.error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage(), e.field());
            return;
        }
        OptionalLong id;
        try {
            id = runs.save(upload, appVersion);
        } catch (RuntimeException e) {
            problems.report("storing an uploaded test run", e);
            JsonAnswer.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "fmd's database did not take the run (" + e.getClass().getSimpleName()
                            + "); nothing was stored, upload it again later", null);
            return;
        }
        if (id.isEmpty()) {
            JsonAnswer.error(response, HttpServletResponse.SC_CONFLICT,
                    "run " + upload.runKey() + " was uploaded already; nothing changed", "run");
            return;
        }
        response.setHeader("Location", base + "/testmonitor.xhtml?run=" + id.getAsLong());
        JsonAnswer.json(response, HttpServletResponse.SC_CREATED, Json.createObjectBuilder().add("id", id.getAsLong())
                .add("run", upload.runKey()).add("tests", upload.tests().size()).add("failed", upload.failed())
                .build().toString());
    }

    /**
     * Answers 413. A body of up to {@link #DRAINED} bytes is read to its end first, so that the client, still
     * sending, gets the answer rather than a reset connection; a larger one is cut off.
     */
    private static void tooLarge(HttpServletResponse response, InputStream in) throws IOException {
        long skipped = 0;
        for (long n; skipped <= DRAINED && (n = in.skip(64 * 1024)) > 0; ) {
            skipped += n;
        }
        if (skipped > DRAINED || in.read() >= 0) {
            response.setHeader("Connection", "close");
        }
        JsonAnswer.error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body larger than "
                + TestRunUpload.MAX_BYTES + " bytes: upload fewer tests, or shorter failure messages", "body");
    }
}
