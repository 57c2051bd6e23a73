package dev.switchboard.bench.jmh;

import java.nio.charset.StandardCharsets;

/** The messages the benchmarks read and write: a typical {@code tools/call} and its result. */
final class Payloads {
    private Payloads() {}

    /** A {@code tools/call} request as a client sends it, with a progress token. */
    static final String TOOLS_CALL_REQUEST = """
            {"jsonrpc":"2.0","id":4711,"method":"tools/call","params":{"name":"search_issues",\
            "arguments":{"query":"label:bug state:open sort:updated","limit":20,"includeComments":false,\
            "fields":["title","url","labels","updatedAt"]},"_meta":{"progressToken":"p4711"}}}""";

    /** A {@code tools/call} result: two text blocks and structured content. */
    static final String TOOLS_CALL_RESULT = """
            {"jsonrpc":"2.0","id":4711,"result":{"content":[{"type":"text","text":"Found 3 open issues \
            labelled bug, most recently updated first."},{"type":"text","text":"#812 Reconnect loop when \
            the server restarts; #799 Timeout not applied to the initialize request; #790 Progress \
            notifications lost after cancellation"}],"structuredContent":{"total":3,"issues":[{"number":812,\
            "title":"Reconnect loop when the server restarts","labels":["bug","transport"]},{"number":799,\
            "title":"Timeout not applied to the initialize request","labels":["bug"]},{"number":790,\
            "title":"Progress notifications lost after cancellation","labels":["bug","session"]}]},\
            "isError":false}}""";

    static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
