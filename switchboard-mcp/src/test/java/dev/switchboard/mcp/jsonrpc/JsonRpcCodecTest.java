package dev.switchboard.mcp.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonRpcCodecTest {
    private final JsonRpcCodec codec = new JsonRpcCodec();

    private Decoded single(String json) {
        DecodedPayload p = codec.decode(json.getBytes(StandardCharsets.UTF_8));
        assertThat(p.batch()).isFalse();
        assertThat(p.items()).hasSize(1);
        return p.items().get(0);
    }

    private JsonRpcMessage valid(String json) {
        Decoded d = single(json);
        assertThat(d).isInstanceOf(Decoded.Valid.class);
        return ((Decoded.Valid) d).message();
    }

    private Decoded.Invalid invalid(String json) {
        Decoded d = single(json);
        assertThat(d).isInstanceOf(Decoded.Invalid.class);
        return (Decoded.Invalid) d;
    }

    @Test
    void writeToLeavesTheStreamOpenForTheNextMessage() {
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        codec.writeTo(new JsonRpcNotification("a", null), out);
        codec.writeTo(new JsonRpcNotification("b", null), out);

        assertThat(closed).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"a\"}{\"jsonrpc\":\"2.0\",\"method\":\"b\"}");
    }

    @Test
    void decodesRequestsWithNumericAndStringIds() {
        assertThat(valid("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}"))
                .isEqualTo(new JsonRpcRequest(RequestId.of(7), "tools/list", null));
        JsonRpcRequest r =
                (JsonRpcRequest) valid("{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"method\":\"x\",\"params\":{}}");
        assertThat(r.id()).isEqualTo(RequestId.of("a-1"));
        assertThat(r.id()).isNotEqualTo(RequestId.of(1));
    }

    @Test
    void keepsUnknownPayloadFieldsOnARoundTrip() {
        String json = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"new-kind\",\"x\":[1,2]}],"
                + "\"structuredContent\":{\"a\":{\"b\":null}},\"_meta\":{\"vendor/key\":true}}}";
        JsonRpcMessage m = valid(json);
        String again = codec.encodeToString(m);
        assertThat(codec.mapper().readTree(again)).isEqualTo(codec.mapper().readTree(json));
    }

    @Test
    void decodesNotificationsAndErrorResponses() {
        assertThat(valid("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
                .isEqualTo(new JsonRpcNotification("notifications/initialized", null));
        JsonRpcResponse e = (JsonRpcResponse)
                valid("{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32601,\"message\":\"nope\",\"data\":[1]}}");
        assertThat(e.isError()).isTrue();
        JsonRpcError error = e.error();
        assertThat(error).isNotNull();
        assertThat(error.code()).isEqualTo(-32601);
        assertThat(error.data()).isNotNull();
    }

    @Test
    void answersNonJsonWithAParseError() {
        Decoded.Invalid i = invalid("this is not json");
        assertThat(i.error().code()).isEqualTo(JsonRpcError.PARSE_ERROR);
        assertThat(i.id()).isNull();
        assertThat(i.expectsAnswer()).isTrue();
    }

    @Test
    void answersMalformedRequestsWithInvalidRequestAndTheirId() {
        Decoded.Invalid noVersion = invalid("{\"id\":5,\"method\":\"x\"}");
        assertThat(noVersion.error().code()).isEqualTo(JsonRpcError.INVALID_REQUEST);
        assertThat(noVersion.error().message()).contains("jsonrpc");
        assertThat(noVersion.id()).isEqualTo(RequestId.of(5));

        assertThat(invalid("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":3}")
                        .error()
                        .message())
                .contains("\"method\" must be a string");
        assertThat(invalid("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"x\"}")
                        .error()
                        .message())
                .contains("\"id\" must be a string or an integer");
        assertThat(invalid("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":3}")
                        .error()
                        .message())
                .contains("\"params\" must be an object or an array");
        assertThat(codec.decode("[1]").items())
                .singleElement()
                .isInstanceOfSatisfying(
                        Decoded.Invalid.class,
                        i -> assertThat(i.error().code()).isEqualTo(JsonRpcError.INVALID_REQUEST));
        assertThat(invalid("\"text\"").error().message()).contains("must be a JSON object");
    }

    @Test
    void notificationsWithBadFieldsNeedNoAnswer() {
        assertThat(invalid("{\"jsonrpc\":\"1.0\",\"method\":\"x\"}").expectsAnswer())
                .isFalse();
    }

    @Test
    void decodesBatchesElementByElement() {
        DecodedPayload p = codec.decode("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\"},{\"bad\":true},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"n\"}]");
        assertThat(p.batch()).isTrue();
        assertThat(p.items()).hasSize(3);
        assertThat(p.items().get(1)).isInstanceOf(Decoded.Invalid.class);
        assertThat(p.allValid()).isFalse();

        DecodedPayload empty = codec.decode("[]");
        assertThat(empty.items()).singleElement().isInstanceOf(Decoded.Invalid.class);
    }

    @Test
    void encodesEveryKindAndBatches() {
        JsonNode params = codec.mapper().readTree("{\"name\":\"echo\"}");
        String request = codec.encodeToString(new JsonRpcRequest(RequestId.of("x"), "tools/call", params));
        assertThat(request)
                .isEqualTo(
                        "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"}}");
        String error = codec.encodeToString(JsonRpcResponse.failure(null, JsonRpcError.of(-32700, "bad")));
        assertThat(error)
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"bad\"}}");
        byte[] batch = codec.encodeBatch(
                List.of(new JsonRpcNotification("a", null), JsonRpcResponse.success(RequestId.of(2), codec.object())));
        assertThat(new String(batch, StandardCharsets.UTF_8))
                .isEqualTo("[{\"jsonrpc\":\"2.0\",\"method\":\"a\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}]");
        assertThat(codec.toTree(new JsonRpcNotification("a", null)).toString())
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"a\"}");
    }

    @Test
    void decodeSingleRejectsBatchesAndInvalidMessages() {
        assertThatThrownBy(() -> codec.decodeSingle("[{\"jsonrpc\":\"2.0\",\"method\":\"a\"}]"))
                .isInstanceOf(JsonRpcException.class)
                .hasMessageContaining("batch");
        assertThatThrownBy(() -> codec.decodeSingle("{")).isInstanceOf(JsonRpcException.class);
    }

    @Test
    void responsesNeedExactlyOneOfResultAndError() {
        assertThat(invalid("{\"jsonrpc\":\"2.0\",\"id\":1}").error().message()).contains("exactly one");
        assertThatThrownBy(() -> new JsonRpcResponse(RequestId.of(1), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
