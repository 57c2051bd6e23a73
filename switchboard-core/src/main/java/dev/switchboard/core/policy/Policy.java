package dev.switchboard.core.policy;

import dev.switchboard.core.config.PolicyConfig;
import dev.switchboard.core.config.PolicyDecision;
import dev.switchboard.core.config.PolicyRule;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may use which tools, prompts and resources: the compiled form of a {@link PolicyConfig}. The
 * same decisions filter listings and guard calls, so a principal never sees what it cannot call.
 *
 * <p>A rule applies to a principal when every one of its user, agent and role patterns that is set
 * matches (an agent pattern needs a principal with an agent; a role pattern, a principal with a
 * matching role), and covers a server when one of its server patterns matches the server's name.
 * For a tool of such a server, each applying rule may allow it (an allow pattern matches) or deny
 * it (a deny pattern matches). Deny wins over allow, within a rule and across rules; a tool that no
 * applying rule allows or denies gets the policy's default decision. Patterns take {@code *} (any
 * run of characters) and {@code ?} (one character) and are compared case-sensitively. Tool names
 * are the server's own names, never the namespaced names of the aggregate view.
 *
 * <p>Prompts follow the rules for tools, by prompt name. Resources are allowed on every server
 * that is {@linkplain #allowsServer allowed} at all.
 *
 * <p>A hidden item must be indistinguishable from a missing one: the engine answers a call to a
 * tool that does not exist and a call to a tool the policy hides with the same error, {@link
 * #unknownTool} (likewise {@link #unknownPrompt} and {@link #unknownResource}).
 *
 * <p>Patterns are compiled once, when the policy is built, and the rules that apply to a principal
 * are selected the first time it is checked (for up to {@value #MAX_REMEMBERED_PRINCIPALS}
 * principals); a check then matches only server and tool names against those rules, and allocates
 * nothing. Decisions do not change over the policy's life. Thread-safe.
 */
public final class Policy {
    // shared by every caller: without rules it never remembers a principal, so it holds no state
    private static final Policy ALLOW_ALL = new Policy(PolicyConfig.ALLOW_ALL);

    /** How many principals' applying rules are remembered; past that they are selected per check. */
    static final int MAX_REMEMBERED_PRINCIPALS = 10_000;

    private final PolicyConfig config;
    private final CompiledRule[] rules;
    private final boolean defaultAllows;
    private final ConcurrentHashMap<Principal, CompiledRule[]> rulesByPrincipal = new ConcurrentHashMap<>();

    private Policy(PolicyConfig config) {
        this.config = config;
        List<PolicyRule> configured = config.rules();
        rules = new CompiledRule[configured.size()];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = new CompiledRule(configured.get(i));
        }
        defaultAllows = config.defaultDecision() == PolicyDecision.ALLOW;
    }

    /**
     * The policy {@code config} describes, its patterns compiled.
     *
     * @throws NullPointerException if {@code config} is null
     */
    public static Policy of(PolicyConfig config) {
        Objects.requireNonNull(config, "config");
        return config.equals(PolicyConfig.ALLOW_ALL) ? ALLOW_ALL : new Policy(config);
    }

    /** The policy that allows everything to everyone: no rules, default allow. */
    public static Policy allowAll() {
        return ALLOW_ALL;
    }

    /** The configuration this policy was built from. */
    public PolicyConfig config() {
        return config;
    }

    /**
     * Whether {@code principal} may see {@code server} at all: whether any of its tools could be
     * allowed. False when an applying rule denies every tool of the server ({@code deny: ["*"]}), or
     * when the default is deny and no applying rule allows anything on it. A server this returns
     * false for is hidden whole (its resources too); one it returns true for may still hide every
     * tool, when the allowed patterns match none of the names the server has.
     *
     * @throws NullPointerException if an argument is null
     */
    public boolean allowsServer(Principal principal, String server) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(server, "server");
        boolean allowed = defaultAllows;
        for (CompiledRule rule : rulesFor(principal)) {
            if (!rule.coversServer(server)) {
                continue;
            }
            if (rule.deniesEverything()) {
                return false;
            }
            allowed |= rule.allowsSomething();
        }
        return allowed;
    }

    /**
     * Whether {@code principal} may list and call the tool {@code tool} of {@code server}.
     *
     * @param tool the server's own name of the tool, not the namespaced one
     * @throws NullPointerException if an argument is null
     */
    public boolean allowsTool(Principal principal, String server, String tool) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(tool, "tool");
        boolean allowed = false;
        for (CompiledRule rule : rulesFor(principal)) {
            if (!rule.coversServer(server)) {
                continue;
            }
            if (rule.denies(tool)) {
                return false;
            }
            allowed = allowed || rule.allows(tool);
        }
        return allowed || defaultAllows;
    }

    /**
     * Whether {@code principal} may list and get the prompt {@code prompt} of {@code server}: the
     * rules for tools, applied to the prompt's name.
     *
     * @param prompt the server's own name of the prompt
     * @throws NullPointerException if an argument is null
     */
    public boolean allowsPrompt(Principal principal, String server, String prompt) {
        return allowsTool(principal, server, prompt);
    }

    /**
     * Whether {@code principal} may list, read and subscribe to the resource {@code uri} (or the
     * resource template) of {@code server}: whenever the server is {@linkplain #allowsServer
     * allowed}. The URI is taken so that rules for resources can come without changing callers.
     *
     * @throws NullPointerException if an argument is null
     */
    public boolean allowsResource(Principal principal, String server, String uri) {
        Objects.requireNonNull(uri, "uri");
        return allowsServer(principal, server);
    }

    /**
     * The error for a {@code tools/call} of a tool that does not exist and of one the policy hides,
     * the same for both: JSON-RPC {@code -32602} (invalid params), message {@code Unknown tool:
     * NAME}, as the MCP specification shows it.
     *
     * @param name the tool name as the caller sent it (namespaced in the aggregate view)
     * @throws NullPointerException if {@code name} is null
     */
    public static JsonRpcException unknownTool(String name) {
        Objects.requireNonNull(name, "name");
        return new JsonRpcException(JsonRpcError.INVALID_PARAMS, "Unknown tool: " + name);
    }

    /**
     * The error for a {@code prompts/get} of a prompt that does not exist and of one the policy
     * hides: JSON-RPC {@code -32602} (invalid params), message {@code Unknown prompt: NAME}.
     *
     * @param name the prompt name as the caller sent it
     * @throws NullPointerException if {@code name} is null
     */
    public static JsonRpcException unknownPrompt(String name) {
        Objects.requireNonNull(name, "name");
        return new JsonRpcException(JsonRpcError.INVALID_PARAMS, "Unknown prompt: " + name);
    }

    /**
     * The error for reading or subscribing to a resource that does not exist and to one the policy
     * hides: JSON-RPC {@code -32002} (resource not found), message {@code Resource not found}, data
     * {@code {"uri": URI}}, as the MCP specification shows it.
     *
     * @param uri the resource URI as the caller sent it
     * @throws NullPointerException if {@code uri} is null
     */
    public static JsonRpcException unknownResource(String uri) {
        Objects.requireNonNull(uri, "uri");
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("uri", uri);
        return new JsonRpcException(new JsonRpcError(JsonRpcError.RESOURCE_NOT_FOUND, "Resource not found", data));
    }

    /**
     * The rules that apply to {@code principal}, selected once per principal: a principal keeps its
     * user, agent and roles, so only the server and tool patterns are left to match per check.
     * Bounded: past {@link #MAX_REMEMBERED_PRINCIPALS} principals, the rules are selected anew.
     */
    private CompiledRule[] rulesFor(Principal principal) {
        if (rules.length == 0) {
            return rules;
        }
        CompiledRule[] known = rulesByPrincipal.get(principal);
        if (known != null) {
            return known;
        }
        List<CompiledRule> applying = new ArrayList<>();
        for (CompiledRule rule : rules) {
            if (rule.appliesTo(principal)) {
                applying.add(rule);
            }
        }
        CompiledRule[] selected = applying.toArray(new CompiledRule[0]);
        if (rulesByPrincipal.size() < MAX_REMEMBERED_PRINCIPALS) {
            rulesByPrincipal.putIfAbsent(principal, selected);
        }
        return selected;
    }

    /** The default decision and the number of rules. */
    @Override
    public String toString() {
        return "Policy[default=" + config.defaultDecision().configName() + ", rules=" + rules.length + "]";
    }
}
