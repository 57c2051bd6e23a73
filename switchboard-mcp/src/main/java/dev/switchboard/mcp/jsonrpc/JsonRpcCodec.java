package dev.switchboard.mcp.jsonrpc;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes JSON-RPC 2.0 messages. A payload is parsed once into envelopes whose {@code
 * params}, {@code result} and {@code error.data} stay JSON trees; writing streams the envelope and
 * the trees without intermediate copies. Thread-safe; share one instance.
 */
public final class JsonRpcCodec {
    private static final String VERSION = "2.0";

    private final JsonMapper mapper;
    // Closing a generator would otherwise close its target: writeTo must leave streams such as stdout open.
    private final ObjectWriter streamWriter;

    /** A codec with a default {@link JsonMapper}. */
    public JsonRpcCodec() {
        this(JsonMapper.builder().build());
    }

    /** A codec that uses {@code mapper} for parsing and writing. */
    public JsonRpcCodec(JsonMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.streamWriter = mapper.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET);
    }

    /** The mapper this codec parses and writes with, for building payload trees. */
    public JsonMapper mapper() {
        return mapper;
    }

    /** A new empty JSON object, for building params and results. */
    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    /** Decodes a UTF-8 payload; never throws for bad input, which decodes to {@link Decoded.Invalid}. */
    public DecodedPayload decode(byte[] utf8) {
        return decode(utf8, 0, utf8.length);
    }

    /** Decodes {@code length} bytes of UTF-8 starting at {@code offset}. */
    public DecodedPayload decode(byte[] utf8, int offset, int length) {
        JsonNode tree;
        try {
            tree = mapper.readTree(utf8, offset, length);
        } catch (JacksonException e) {
            return parseError(e);
        }
        return decodeTree(tree);
    }

    /** Decodes a payload held as a string. */
    public DecodedPayload decode(String json) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JacksonException e) {
            return parseError(e);
        }
        return decodeTree(tree);
    }

    /** Decodes a payload already parsed into a tree. */
    public DecodedPayload decodeTree(@Nullable JsonNode tree) {
        if (tree == null || tree.isMissingNode()) {
            return new DecodedPayload(
                    false,
                    List.of(new Decoded.Invalid(
                            null, JsonRpcError.of(JsonRpcError.PARSE_ERROR, "empty message"), true)));
        }
        if (tree.isArray()) {
            if (tree.isEmpty()) {
                return new DecodedPayload(
                        true,
                        List.of(new Decoded.Invalid(
                                null, JsonRpcError.of(JsonRpcError.INVALID_REQUEST, "empty batch"), true)));
            }
            List<Decoded> items = new ArrayList<>(tree.size());
            for (JsonNode element : tree) {
                items.add(decodeElement(element));
            }
            return new DecodedPayload(true, items);
        }
        return new DecodedPayload(false, List.of(decodeElement(tree)));
    }

    /**
     * Decodes one message; a batch or an invalid message is an error.
     *
     * @throws JsonRpcException with the JSON-RPC error naming what is wrong
     */
    public JsonRpcMessage decodeSingle(String json) {
        DecodedPayload payload = decode(json);
        if (payload.batch()) {
            throw new JsonRpcException(JsonRpcError.INVALID_REQUEST, "expected one message, got a batch");
        }
        Decoded d = payload.items().get(0);
        if (d instanceof Decoded.Invalid invalid) {
            throw new JsonRpcException(invalid.error());
        }
        return ((Decoded.Valid) d).message();
    }

    private static DecodedPayload parseError(JacksonException e) {
        String detail = e.getOriginalMessage();
        return new DecodedPayload(
                false,
                List.of(new Decoded.Invalid(
                        null,
                        JsonRpcError.of(
                                JsonRpcError.PARSE_ERROR, "Parse error: " + (detail == null ? "invalid JSON" : detail)),
                        true)));
    }

    private static Decoded decodeElement(JsonNode node) {
        if (!node.isObject()) {
            return invalid(
                    null,
                    "a message must be a JSON object, got "
                            + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
                    true);
        }
        JsonNode idNode = node.get("id");
        RequestId id = RequestId.fromJson(idNode);
        boolean hasId = idNode != null && !idNode.isNull();
        JsonNode version = node.get("jsonrpc");
        if (version == null || !version.isString() || !VERSION.equals(version.asString())) {
            return invalid(id, "\"jsonrpc\" must be \"2.0\"", hasId);
        }
        if (hasId && id == null) {
            return invalid(null, "\"id\" must be a string or an integer", true);
        }
        JsonNode method = node.get("method");
        if (method != null) {
            if (!method.isString()) {
                return invalid(id, "\"method\" must be a string", hasId);
            }
            JsonNode params = node.get("params");
            if (params != null && !params.isObject() && !params.isArray()) {
                if (params.isNull()) {
                    params = null;
                } else {
                    return invalid(id, "\"params\" must be an object or an array", hasId);
                }
            }
            if (id == null) {
                return new Decoded.Valid(new JsonRpcNotification(method.asString(), params));
            }
            return new Decoded.Valid(new JsonRpcRequest(id, method.asString(), params));
        }
        return decodeResponse(node, id, hasId);
    }

    private static Decoded decodeResponse(JsonNode node, @Nullable RequestId id, boolean hasId) {
        JsonNode result = node.get("result");
        JsonNode error = node.get("error");
        if ((result == null) == (error == null)) {
            return invalid(id, "a message needs \"method\", or exactly one of \"result\" and \"error\"", false);
        }
        if (result != null) {
            if (id == null) {
                return invalid(null, "a result needs an \"id\"", false);
            }
            return new Decoded.Valid(JsonRpcResponse.success(id, result));
        }
        if (!error.isObject() || !error.path("code").isIntegralNumber()) {
            return invalid(id, "\"error\" must be an object with an integer \"code\"", false);
        }
        JsonNode message = error.get("message");
        JsonNode data = error.get("data");
        JsonRpcError rpcError = new JsonRpcError(
                error.get("code").intValue(), message == null || message.isNull() ? "" : message.asString(), data);
        return new Decoded.Valid(JsonRpcResponse.failure(hasId ? id : null, rpcError));
    }

    private static Decoded.Invalid invalid(@Nullable RequestId id, String why, boolean expectsAnswer) {
        return new Decoded.Invalid(
                id, JsonRpcError.of(JsonRpcError.INVALID_REQUEST, "Invalid request: " + why), expectsAnswer);
    }

    /** Writes one message as compact UTF-8 JSON. */
    public byte[] encode(JsonRpcMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        writeTo(message, out);
        return out.toByteArray();
    }

    /** Writes messages as a JSON array (a batch response). */
    public byte[] encodeBatch(List<? extends JsonRpcMessage> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * Math.max(1, messages.size()));
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartArray();
            for (JsonRpcMessage m : messages) {
                write(m, g);
            }
            g.writeEndArray();
        }
        return out.toByteArray();
    }

    /** Writes one message as a string of compact JSON. */
    public String encodeToString(JsonRpcMessage message) {
        return new String(encode(message), StandardCharsets.UTF_8);
    }

    /** Writes one message to {@code out} as compact UTF-8 JSON, without closing it. */
    public void writeTo(JsonRpcMessage message, OutputStream out) {
        try (JsonGenerator g = streamWriter.createGenerator(out)) {
            write(message, g);
        }
    }

    /** The JSON tree of a message, for embedding it in another document. */
    public ObjectNode toTree(JsonRpcMessage message) {
        ObjectNode node = mapper.createObjectNode();
        node.put("jsonrpc", VERSION);
        switch (message) {
            case JsonRpcRequest r -> {
                node.set("id", r.id().toJson());
                node.put("method", r.method());
                if (r.params() != null) {
                    node.set("params", r.params());
                }
            }
            case JsonRpcNotification n -> {
                node.put("method", n.method());
                if (n.params() != null) {
                    node.set("params", n.params());
                }
            }
            case JsonRpcResponse r -> {
                RequestId id = r.id();
                node.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id.toJson());
                JsonRpcError error = r.error();
                if (error != null) {
                    ObjectNode e = node.putObject("error");
                    e.put("code", error.code());
                    e.put("message", error.message());
                    if (error.data() != null) {
                        e.set("data", error.data());
                    }
                } else {
                    node.set("result", r.result());
                }
            }
        }
        return node;
    }

    private static void write(JsonRpcMessage message, JsonGenerator g) {
        g.writeStartObject();
        g.writeStringProperty("jsonrpc", VERSION);
        switch (message) {
            case JsonRpcRequest r -> {
                writeId(g, r.id());
                g.writeStringProperty("method", r.method());
                if (r.params() != null) {
                    g.writeName("params");
                    g.writeTree(r.params());
                }
            }
            case JsonRpcNotification n -> {
                g.writeStringProperty("method", n.method());
                if (n.params() != null) {
                    g.writeName("params");
                    g.writeTree(n.params());
                }
            }
            case JsonRpcResponse r -> {
                RequestId id = r.id();
                if (id == null) {
                    g.writeNullProperty("id");
                } else {
                    writeId(g, id);
                }
                JsonRpcError error = r.error();
                if (error != null) {
                    g.writeName("error");
                    g.writeStartObject();
                    g.writeNumberProperty("code", error.code());
                    g.writeStringProperty("message", error.message());
                    if (error.data() != null) {
                        g.writeName("data");
                        g.writeTree(error.data());
                    }
                    g.writeEndObject();
                } else {
                    g.writeName("result");
                    g.writeTree(r.result());
                }
            }
        }
        g.writeEndObject();
    }

    private static void writeId(JsonGenerator g, RequestId id) {
        g.writeName("id");
        g.writeTree(id.toJson());
    }
}
