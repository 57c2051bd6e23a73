package dev.switchboard.server.auth;

import dev.switchboard.core.policy.Principal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What authenticating a request gave: a principal ({@link Authenticated}), every caller let in as
 * {@link Principal#ANONYMOUS} because authentication is off ({@link Anonymous}), or a refusal with
 * its HTTP status ({@link Rejected}). No result holds or shows the credentials that were presented.
 */
public sealed interface AuthResult permits AuthResult.Authenticated, AuthResult.Anonymous, AuthResult.Rejected {

    /** The result of every request while authentication is off. */
    AuthResult ANONYMOUS = new Anonymous();

    /** The principal the request runs as, or {@code null} when it was rejected. */
    @Nullable
    Principal principal();

    /** How a principal was authenticated, for logs and metrics. */
    enum Method {
        /** An API key from {@code gateway.auth.apiKeys}. */
        API_KEY,
        /** A bearer JWT checked against {@code gateway.auth.jwt}. */
        JWT
    }

    /**
     * The credentials were valid and name {@code principal}.
     *
     * @param principal who the caller is
     * @param method how it was authenticated
     */
    record Authenticated(Principal principal, Method method) implements AuthResult {
        /** Checks that no field is null. */
        public Authenticated {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(method, "method");
        }
    }

    /** Authentication is off: the request runs as {@link Principal#ANONYMOUS}. */
    record Anonymous() implements AuthResult {
        /** Always {@link Principal#ANONYMOUS}. */
        @Override
        public Principal principal() {
            return Principal.ANONYMOUS;
        }
    }

    /**
     * The request is refused. The reason is a fixed text of ours: it never repeats the credentials
     * or anything else the caller sent.
     *
     * @param status the HTTP status: 401 (no or bad credentials) or 403 (valid, but not allowed)
     * @param error the OAuth 2.0 bearer error code ({@code invalid_request}, {@code invalid_token},
     *     {@code insufficient_scope}), or {@code null} when no credentials came at all
     * @param reason what was wrong, for the {@code WWW-Authenticate} header and the JSON body
     */
    record Rejected(int status, @Nullable String error, String reason) implements AuthResult {
        /** The realm named in {@code WWW-Authenticate}. */
        public static final String REALM = "switchboard";

        /** Checks that the status is 401 or 403 and the reason is present. */
        public Rejected {
            if (status != 401 && status != 403) {
                throw new IllegalArgumentException("status: " + status + " (expected: 401 or 403)");
            }
            Objects.requireNonNull(reason, "reason");
        }

        /** Always {@code null}: a rejected request runs as nobody. */
        @Override
        public @Nullable Principal principal() {
            return null;
        }

        /**
         * The value of the {@code WWW-Authenticate} header (RFC 6750), such as {@code Bearer
         * realm="switchboard", error="invalid_token", error_description="token has expired"}.
         */
        public String wwwAuthenticate() {
            StringBuilder value =
                    new StringBuilder("Bearer realm=\"").append(REALM).append('"');
            if (error != null) {
                value.append(", error=\"").append(quotable(error)).append('"');
                value.append(", error_description=\"").append(quotable(reason)).append('"');
            }
            return value.toString();
        }

        /**
         * The JSON body of the response: {@code {"error": {"code": "unauthorized", "message":
         * REASON}}}, with code {@code unauthorized} for 401 and {@code forbidden} for 403.
         */
        public String jsonBody() {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.putObject("error")
                    .put("code", status == 401 ? "unauthorized" : "forbidden")
                    .put("message", reason);
            return body.toString();
        }

        /** Only the characters RFC 6750 allows in a quoted error description. */
        private static String quotable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                out.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '?');
            }
            return out.toString();
        }
    }
}
