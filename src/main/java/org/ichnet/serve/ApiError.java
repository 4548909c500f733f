package org.ichnet.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request the service refuses, as TorchServe answers: HTTP status, a short type and a one-line message.
 * The body is one line of JSON, {@code {"code":413,"type":"PayloadTooLarge","message":"..."}}, never a stack trace.
 */
public final class ApiError extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String type;

    public ApiError(int status, String type, String message) {
        super(oneLine(message), null, false, false);
        this.status = status;
        this.type = type;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "BadRequest", message);
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(401, "Unauthorized", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "NotFound", message);
    }

    public static ApiError tooLarge(long limit) {
        return new ApiError(413, "PayloadTooLarge", "upload larger than the limit of " + limit + " bytes (--max-upload)");
    }

    public static ApiError unsupported(String message) {
        return new ApiError(415, "UnsupportedMediaType", message);
    }

    public static ApiError busy(int queued) {
        return new ApiError(429, "TooManyRequests", "all workers busy and " + queued + " requests queued; retry later");
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String json() {
        ObjectNode node = JSON.createObjectNode();
        node.put("code", status);
        node.put("type", type);
        node.put("message", getMessage());
        return node.toString();
    }

    private static String oneLine(String message) {
        String m = String.valueOf(message).strip();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).replace('\r', ' ');
    }
}
