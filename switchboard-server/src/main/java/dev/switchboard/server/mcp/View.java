package dev.switchboard.server.mcp;

/**
 * One upstream view: the servers and names it serves, and the tools it offers for them.
 *
 * @param scope which servers, under which names
 * @param tools what {@code tools/list} and {@code tools/call} do: the servers' tools, or the meta-tools
 */
record View(Scope scope, ToolSurface tools) {
    /** The aggregate at {@code /mcp}. */
    static View aggregate() {
        return new View(new Scope.Aggregate(), CatalogTools.INSTANCE);
    }

    /** One server at {@code /mcp/servers/{name}}. */
    static View server(String name) {
        return new View(new Scope.Single(name), CatalogTools.INSTANCE);
    }

    /** The meta-tools at {@code /mcp/meta}. */
    static View meta() {
        return new View(new Scope.Aggregate(), MetaTools.INSTANCE);
    }
}
