package dev.switchboard.core.config;

/**
 * Which upstream views the gateway serves. In the file: {@code views: {aggregate: true, meta: true,
 * servers: true}}; at least one must be on.
 *
 * @param aggregate {@code /mcp}: every permitted tool of every server, namespaced; default on
 * @param meta {@code /mcp/meta}: a few meta-tools to list, search and call tools; default on
 * @param servers {@code /mcp/servers/{name}}: each server passed through with its own names;
 *     default on
 */
public record Views(boolean aggregate, boolean meta, boolean servers) {

    /** The default: every view on. */
    public static final Views ALL = new Views(true, true, true);
}
