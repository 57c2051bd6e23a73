package dev.switchboard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.config.ConfigResult;
import dev.switchboard.core.config.ConfigSnapshot;
import dev.switchboard.core.config.ConfigValidator;
import dev.switchboard.core.config.PolicyConfig;
import dev.switchboard.core.config.PolicyDecision;
import dev.switchboard.core.config.PolicyRule;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.dataformat.yaml.YAMLMapper;

class PolicyTest {
    private static final List<PolicyRule> RULES = List.of(
            rule("alice", null, null, List.of("github"), List.of("*"), List.of("delete_*")),
            rule(null, null, "admin", List.of("*"), List.of("*"), List.of()),
            rule(null, "claude*", null, List.of("fs"), List.of("read_*"), List.of()),
            rule("*", null, null, List.of("git?ub"), List.of(), List.of("*_secret")),
            rule(null, null, "ops-*", List.of("k8s"), List.of("get_*", "list_*"), List.of()),
            rule("mallory", null, null, List.of("*"), List.of(), List.of("*")));

    private static final Policy DEFAULT_DENY = Policy.of(new PolicyConfig(PolicyDecision.DENY, RULES));
    private static final Policy DEFAULT_ALLOW = Policy.of(new PolicyConfig(PolicyDecision.ALLOW, RULES));

    private static final Principal ALICE = new Principal("alice", null, Set.of());
    private static final Principal ALICE_IN_CLAUDE = new Principal("alice", "claude-desktop", Set.of());
    private static final Principal ALICE_IN_CURSOR = new Principal("alice", "cursor", Set.of());
    private static final Principal BOB_ADMIN = new Principal("bob", null, Set.of("admin"));
    private static final Principal CAROL_OPS = new Principal("carol", null, Set.of("dev", "ops-east"));
    private static final Principal MALLORY_ADMIN = new Principal("mallory", null, Set.of("admin"));
    private static final Principal ANONYMOUS = Principal.ANONYMOUS;

    /** Policy, principal, server, tool, and whether the tool is allowed. */
    static Stream<Arguments> toolDecisions() {
        return Stream.of(
                // a user rule allows, and its own deny wins over its allow
                decision(DEFAULT_DENY, ALICE, "github", "create_issue", true),
                decision(DEFAULT_DENY, ALICE, "github", "delete_repo", false),
                // a rule for other servers does not apply; default deny
                decision(DEFAULT_DENY, ALICE, "fs", "read_file", false),
                // an agent rule needs an agent that matches
                decision(DEFAULT_DENY, ALICE_IN_CLAUDE, "fs", "read_file", true),
                decision(DEFAULT_DENY, ALICE_IN_CLAUDE, "fs", "write_file", false),
                decision(DEFAULT_DENY, ALICE_IN_CURSOR, "fs", "read_file", false),
                // a role rule with * allows what no deny names
                decision(DEFAULT_DENY, BOB_ADMIN, "github", "delete_repo", true),
                decision(DEFAULT_DENY, BOB_ADMIN, "k8s", "delete_pod", true),
                // deny wins across rules: everyone's deny of *_secret on git?ub beats admin's allow
                decision(DEFAULT_DENY, BOB_ADMIN, "github", "get_secret", false),
                decision(DEFAULT_DENY, ALICE, "github", "get_secret", false),
                decision(DEFAULT_DENY, BOB_ADMIN, "gitlab", "get_secret", true),
                // a role pattern matches any of the principal's roles
                decision(DEFAULT_DENY, CAROL_OPS, "k8s", "get_pods", true),
                decision(DEFAULT_DENY, CAROL_OPS, "k8s", "list_nodes", true),
                decision(DEFAULT_DENY, CAROL_OPS, "k8s", "delete_pod", false),
                decision(DEFAULT_DENY, CAROL_OPS, "github", "create_issue", false),
                // a deny of everything wins over the admin role's allow of everything
                decision(DEFAULT_DENY, MALLORY_ADMIN, "github", "create_issue", false),
                decision(DEFAULT_DENY, MALLORY_ADMIN, "k8s", "get_pods", false),
                // nobody's rule allows the anonymous caller anything
                decision(DEFAULT_DENY, ANONYMOUS, "github", "create_issue", false),
                // default allow: what no rule allows is allowed, what a rule denies stays denied
                decision(DEFAULT_ALLOW, ANONYMOUS, "github", "create_issue", true),
                decision(DEFAULT_ALLOW, ANONYMOUS, "github", "get_secret", false),
                decision(DEFAULT_ALLOW, ALICE, "fs", "write_file", true),
                decision(DEFAULT_ALLOW, ALICE, "github", "delete_repo", false),
                decision(DEFAULT_ALLOW, CAROL_OPS, "k8s", "delete_pod", true),
                decision(DEFAULT_ALLOW, MALLORY_ADMIN, "fs", "read_file", false),
                // names are compared case-sensitively
                decision(DEFAULT_DENY, ALICE, "GitHub", "create_issue", false),
                decision(DEFAULT_DENY, new Principal("Alice", null, Set.of()), "github", "create_issue", false));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1} on {2} calls {3} -> {4}")
    @MethodSource("toolDecisions")
    void decidesEachToolByTheRulesThatApply(
            Policy policy, Principal principal, String server, String tool, boolean allowed) {
        assertThat(policy.allowsTool(principal, server, tool)).isEqualTo(allowed);
        assertThat(policy.allowsPrompt(principal, server, tool)).isEqualTo(allowed);
    }

    /** Policy, principal, server, and whether the server is visible at all. */
    static Stream<Arguments> serverDecisions() {
        return Stream.of(
                server(DEFAULT_DENY, ALICE, "github", true),
                server(DEFAULT_DENY, ALICE, "fs", false),
                server(DEFAULT_DENY, ALICE_IN_CLAUDE, "fs", true),
                server(DEFAULT_DENY, CAROL_OPS, "k8s", true),
                server(DEFAULT_DENY, CAROL_OPS, "github", false),
                server(DEFAULT_DENY, BOB_ADMIN, "anything", true),
                server(DEFAULT_DENY, MALLORY_ADMIN, "github", false),
                server(DEFAULT_DENY, ANONYMOUS, "github", false),
                server(DEFAULT_ALLOW, ANONYMOUS, "fs", true),
                server(DEFAULT_ALLOW, ALICE, "github", true),
                server(DEFAULT_ALLOW, MALLORY_ADMIN, "fs", false));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1} sees {2} -> {3}")
    @MethodSource("serverDecisions")
    void hidesAServerWhenNoToolOfItCouldBeAllowed(Policy policy, Principal principal, String server, boolean visible) {
        assertThat(policy.allowsServer(principal, server)).isEqualTo(visible);
        assertThat(policy.allowsResource(principal, server, "file:///notes.txt"))
                .isEqualTo(visible);
    }

    @Test
    void hidesEveryToolOfAHiddenServer() {
        for (Arguments arguments : serverDecisions().toList()) {
            Object[] a = arguments.get();
            Policy policy = (Policy) a[0];
            Principal principal = (Principal) a[1];
            String server = (String) a[2];
            if (!(boolean) a[3]) {
                assertThat(policy.allowsTool(principal, server, "read_file")).isFalse();
                assertThat(policy.allowsTool(principal, server, "get_pods")).isFalse();
            }
        }
    }

    @Test
    void decidesAlikeForMorePrincipalsThanItRemembers() {
        int principals = Policy.MAX_REMEMBERED_PRINCIPALS + 10;

        for (int i = 0; i < principals; i++) {
            Principal ops = new Principal("user-" + i, null, Set.of("ops-" + i));
            assertThat(DEFAULT_DENY.allowsTool(ops, "k8s", "get_pods")).isTrue();
            assertThat(DEFAULT_DENY.allowsTool(ops, "k8s", "delete_pod")).isFalse();
        }
        assertThat(DEFAULT_DENY.allowsTool(
                        new Principal("user-" + (principals - 1), null, Set.of()), "k8s", "get_pods"))
                .isFalse();
    }

    @Test
    void allowsEverythingToEveryoneWithoutRules() {
        Policy policy = Policy.allowAll();

        assertThat(policy.allowsServer(ANONYMOUS, "github")).isTrue();
        assertThat(policy.allowsTool(ANONYMOUS, "github", "delete_repo")).isTrue();
        assertThat(Policy.of(PolicyConfig.ALLOW_ALL)).isSameAs(policy);
        assertThat(policy.config()).isEqualTo(PolicyConfig.ALLOW_ALL);
    }

    @Test
    void deniesEverythingWithADefaultOfDenyAndNoRules() {
        Policy policy = Policy.of(new PolicyConfig(PolicyDecision.DENY, List.of()));

        assertThat(policy.allowsServer(BOB_ADMIN, "github")).isFalse();
        assertThat(policy.allowsTool(BOB_ADMIN, "github", "create_issue")).isFalse();
        assertThat(policy).hasToString("Policy[default=deny, rules=0]");
    }

    @Test
    void appliesThePolicyAsTheConfigurationFileWritesIt() {
        String yaml = """
                mcpServers:
                  github: {command: npx}
                  fs: {command: npx}
                gateway:
                  policy:
                    default: deny
                    rules:
                      - {user: alice, servers: [github], deny: ["delete_*"]}
                      - {role: reader, allow: ["read_*", "list_*"]}
                """;
        ConfigResult result = new ConfigValidator(Map.of())
                .validate(YAMLMapper.builder().build().readTree(yaml));
        Policy policy = Policy.of(((ConfigSnapshot) result).config().gateway().policy());
        Principal reader = new Principal("dave", null, Set.of("reader"));

        // allow defaults to ["*"] and servers to ["*"] in the file
        assertThat(policy.allowsTool(ALICE, "github", "create_issue")).isTrue();
        assertThat(policy.allowsTool(ALICE, "github", "delete_repo")).isFalse();
        assertThat(policy.allowsTool(ALICE, "fs", "read_file")).isFalse();
        assertThat(policy.allowsTool(reader, "fs", "read_file")).isTrue();
        assertThat(policy.allowsTool(reader, "github", "list_issues")).isTrue();
        assertThat(policy.allowsTool(reader, "github", "create_issue")).isFalse();
    }

    @Test
    void answersAHiddenToolExactlyAsAMissingOne() {
        JsonRpcError error = Policy.unknownTool("github__delete_repo").error();

        assertThat(error).isEqualTo(JsonRpcError.of(JsonRpcError.INVALID_PARAMS, "Unknown tool: github__delete_repo"));
        assertThat(Policy.unknownTool("github__delete_repo"))
                .hasMessage(Policy.unknownTool("github__delete_repo").getMessage());
        assertThat(Policy.unknownPrompt("review").error())
                .isEqualTo(JsonRpcError.of(JsonRpcError.INVALID_PARAMS, "Unknown prompt: review"));
        JsonRpcError resource = Policy.unknownResource("file:///x").error();
        assertThat(resource.code()).isEqualTo(JsonRpcError.RESOURCE_NOT_FOUND);
        assertThat(resource.message()).isEqualTo("Resource not found");
        assertThat(resource.data()).isNotNull();
        assertThat(resource.data().get("uri").asString()).isEqualTo("file:///x");
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> Policy.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DEFAULT_DENY.allowsTool(ALICE, "github", null))
                .isInstanceOf(NullPointerException.class);
    }

    private static PolicyRule rule(
            @Nullable String user,
            @Nullable String agent,
            @Nullable String role,
            List<String> servers,
            List<String> allow,
            List<String> deny) {
        return new PolicyRule(user, agent, role, servers, allow, deny);
    }

    private static Arguments decision(Policy policy, Principal principal, String server, String tool, boolean allowed) {
        return Arguments.of(policy, principal, server, tool, allowed);
    }

    private static Arguments server(Policy policy, Principal principal, String server, boolean visible) {
        return Arguments.of(policy, principal, server, visible);
    }
}
