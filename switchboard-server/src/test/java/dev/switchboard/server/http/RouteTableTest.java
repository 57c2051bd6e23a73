package dev.switchboard.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final Handler a = new Nothing();
    private final Handler b = new Nothing();
    private final Handler c = new Nothing();

    @Test
    void prefersAnExactPathThenTheLongestPrefix() {
        RouteTable routes = new RouteTable()
                .route("/mcp", Access.MCP, a)
                .route("/mcp/*", Access.MCP, b)
                .route("/mcp/servers/*", Access.MCP, c);

        assertThat(routes.find("/mcp").handler()).isSameAs(a);
        assertThat(routes.find("/mcp/meta").handler()).isSameAs(b);
        assertThat(routes.find("/mcp/servers/demo").handler()).isSameAs(c);
        assertThat(routes.find("/mcpx")).isNull();
        assertThat(routes.find("/other")).isNull();
    }

    @Test
    void rejectsAPathRegisteredTwice() {
        RouteTable routes = new RouteTable().route("/mcp", Access.MCP, a);

        assertThatThrownBy(() -> routes.route("/mcp", Access.PUBLIC, b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("routes: /mcp (expected: a path not registered yet)");
    }

    @Test
    void rejectsMalformedPatterns() {
        RouteTable routes = new RouteTable();

        for (String pattern : new String[] {"mcp", "/mcp/", "/a*b", "/a/*/b"}) {
            assertThatThrownBy(() -> routes.route(pattern, Access.MCP, a))
                    .as(pattern)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected: an exact path");
        }
    }

    @Test
    void rejectsRoutesOnceFrozen() {
        RouteTable routes = new RouteTable().route("/mcp", Access.MCP, a);
        routes.freeze();

        assertThatThrownBy(() -> routes.route("/sse", Access.MCP, b)).isInstanceOf(IllegalStateException.class);
        assertThat(routes.find("/mcp").handler()).isSameAs(a);
    }

    @Test
    void listsEachHandlerOnce() {
        RouteTable routes = new RouteTable()
                .route("/sse", Access.MCP, a)
                .route("/message", Access.MCP, a)
                .route("/api/*", Access.ADMIN, b);

        assertThat(routes.handlers()).containsExactly(a, b);
        assertThat(routes.routes()).extracting(RouteTable.Route::pattern).containsExactly("/sse", "/message", "/api/*");
    }

    private static final class Nothing extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            return false;
        }
    }
}
