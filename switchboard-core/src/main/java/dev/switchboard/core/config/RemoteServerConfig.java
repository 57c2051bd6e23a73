package dev.switchboard.core.config;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * A server the gateway reaches by URL. In the file: {@code {"url": "https://mcp.example.com/mcp",
 * "headers": {"Authorization": "Bearer ${TOKEN}"}}}.
 *
 * @param name the server's name (see {@link ServerConfig#name()})
 * @param url the endpoint: {@code http} or {@code https}, or {@code ws} or {@code wss} for {@link
 *     RemoteTransport#WEBSOCKET}
 * @param transport the transport, from the file's {@code type}; default {@link RemoteTransport#HTTP}
 * @param headers sent with every request, in file order; values are secrets and never appear in
 *     {@link #toString()}; default empty
 * @param settings what every server has
 */
public record RemoteServerConfig(
        String name, URI url, RemoteTransport transport, Map<String, String> headers, ServerSettings settings)
        implements ServerConfig {

    /** Copies the headers and checks that no field is null. */
    public RemoteServerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(transport, "transport");
        headers = Redaction.copy(headers, "headers");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * Every field, with header values shown as {@code ***} and the URL without user info, query and
     * fragment.
     */
    @Override
    public String toString() {
        return "RemoteServerConfig[name=" + name + ", url=" + Redaction.url(url) + ", transport=" + transport
                + ", headers=" + Redaction.masked(headers) + ", settings=" + settings + "]";
    }
}
