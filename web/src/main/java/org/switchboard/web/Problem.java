package org.switchboard.web;

/**
 * An error as an RFC 9457 problem document ({@code application/problem+json}). {@code type} is
 * a URI reference relative to the API (RFC 9457 §3.1.1) naming the kind of problem; {@code detail}
 * tells the client what to fix. Never carries a stack trace or a secret.
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem invalidRequest(String detail) {
        return new Problem("/problems/invalid-request", "Invalid request", 400, detail);
    }

    public static Problem unauthorized(String detail) {
        return new Problem("/problems/unauthorized", "Unauthorized", 401, detail);
    }

    public static Problem notFound(String detail) {
        return new Problem("/problems/not-found", "Not found", 404, detail);
    }

    public static Problem conflict(String detail) {
        return new Problem("/problems/conflict", "Conflict", 409, detail);
    }

    public static Problem internal() {
        return new Problem("/problems/internal-error", "Internal server error", 500,
                "The server could not complete the request; its log says why.");
    }

    /** A problem for an HTTP status the framework produced (unknown route, wrong method...). */
    public static Problem ofStatus(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail);
    }

    /** Thrown by a handler to answer with this problem. */
    public static final class Raised extends RuntimeException {
        private final transient Problem problem;

        public Raised(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() { return problem; }
    }

    public Raised raise() { return new Raised(this); }
}
