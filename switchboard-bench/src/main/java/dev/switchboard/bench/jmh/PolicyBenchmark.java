package dev.switchboard.bench.jmh;

import dev.switchboard.core.config.PolicyConfig;
import dev.switchboard.core.config.PolicyDecision;
import dev.switchboard.core.config.PolicyRule;
import dev.switchboard.core.policy.Policy;
import dev.switchboard.core.policy.Principal;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one policy decision with 20 rules (user, agent and role rules; exact names and
 * wildcards), for a principal five of them apply to (the policy selects those once per
 * principal): a tool that is allowed (every applying rule is looked at), one that is denied (the
 * scan stops at the deny), one only the default decides, a whole server, and the policy without
 * rules. {@code memoized} looks the same decision up in a {@link ConcurrentHashMap} keyed by
 * principal, server and tool: a lower bound for what a decision cache (such as a Caffeine cache,
 * which reads through one) would cost per check, to compare with deciding afresh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PolicyBenchmark {
    private static final int RULES = 20;
    private static final int DECISIONS_PER_ROUND = 2_000_000;

    private final Policy policy = Policy.of(new PolicyConfig(PolicyDecision.DENY, rules()));
    private final Policy allowAll = Policy.allowAll();
    private final Principal alice = new Principal("alice", "claude-desktop", Set.of("dev", "ops-east"));
    private final ConcurrentHashMap<Decision, Boolean> memo = new ConcurrentHashMap<>();

    /** A key of the memoized decisions. */
    private record Decision(String principal, String server, String tool) {}

    private static List<PolicyRule> rules() {
        List<PolicyRule> rules = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rules.add(new PolicyRule("user" + i, null, null, List.of("server" + i), List.of("*"), List.of("delete_*")));
        }
        for (int i = 0; i < 5; i++) {
            rules.add(new PolicyRule(null, null, "team-" + i, List.of("*"), List.of("read_*", "list_*"), List.of()));
        }
        rules.add(new PolicyRule("alice", null, null, List.of("github"), List.of("*"), List.of("delete_*")));
        rules.add(new PolicyRule(null, "claude*", null, List.of("fs"), List.of("read_*"), List.of()));
        rules.add(new PolicyRule(null, null, "ops-*", List.of("k8s", "git?ub"), List.of("get_*", "list_*"), List.of()));
        rules.add(new PolicyRule("*", null, null, List.of("git?ub"), List.of(), List.of("*_secret")));
        rules.add(new PolicyRule(null, null, "admin", List.of("*"), List.of("*"), List.of()));
        rules.add(new PolicyRule("a*e", "*", null, List.of("web*"), List.of("fetch_?"), List.of("fetch_x")));
        rules.add(new PolicyRule("mallory", null, null, List.of("*"), List.of(), List.of("*")));
        rules.add(new PolicyRule(null, "cursor", "dev", List.of("*"), List.of("*"), List.of("*_admin")));
        rules.add(new PolicyRule("bob", "claude", "dev", List.of("jira"), List.of("create_*"), List.of()));
        if (rules.size() != RULES) {
            throw new IllegalStateException("rules: " + rules.size() + " (expected: " + RULES + ")");
        }
        return rules;
    }

    /** An allowed tool: every applying rule is looked at. */
    @Benchmark
    public boolean allowedTool() {
        return policy.allowsTool(alice, "github", "create_issue");
    }

    /** A denied tool: the scan stops at the rule that denies it. */
    @Benchmark
    public boolean deniedTool() {
        return policy.allowsTool(alice, "github", "delete_repo");
    }

    /** A tool no rule allows, so the default (deny) decides after every rule. */
    @Benchmark
    public boolean defaultDecision() {
        return policy.allowsTool(alice, "slack", "post_message");
    }

    /** Whether a server is visible at all. */
    @Benchmark
    public boolean server() {
        return policy.allowsServer(alice, "github");
    }

    /** The policy without rules. */
    @Benchmark
    public boolean noRules() {
        return allowAll.allowsTool(alice, "github", "create_issue");
    }

    /** The allowed tool's decision looked up in a map, as a decision cache would. */
    @Benchmark
    public boolean memoized() {
        return memo.computeIfAbsent(
                new Decision(alice.id(), "github", "create_issue"),
                d -> policy.allowsTool(alice, d.server(), d.tool()));
    }

    /**
     * Prints the CPU time of this thread per decision, round by round: steadier than JMH's wall
     * clock on a shared machine. Optional argument: the number of rounds (default 5).
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PolicyBenchmark b = new PolicyBenchmark();
        Map<String, BooleanSupplier> cases = new LinkedHashMap<>();
        cases.put("allowedTool", b::allowedTool);
        cases.put("deniedTool", b::deniedTool);
        cases.put("defaultDecision", b::defaultDecision);
        cases.put("server", b::server);
        cases.put("noRules", b::noRules);
        cases.put("memoized", b::memoized);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int allowed = 0;
        for (int round = 0; round < rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ": CPU ns per decision:");
            for (Map.Entry<String, BooleanSupplier> entry : cases.entrySet()) {
                BooleanSupplier decision = entry.getValue();
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < DECISIONS_PER_ROUND; i++) {
                    allowed += decision.getAsBoolean() ? 1 : 0;
                }
                double perDecision = (threads.getCurrentThreadCpuTime() - start) / (double) DECISIONS_PER_ROUND;
                line.append(String.format(Locale.ROOT, " %s %.1f", entry.getKey(), perDecision));
            }
            System.out.println(line);
        }
        System.out.println("(allowed " + allowed + " times)");
    }
}
