package dev.switchboard.mcp.client.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcSessionsTest {
    @TempDir
    Path proc;

    @Test
    void readsGroupAndSessionEvenWhenTheCommandNameHoldsParenthesesAndSpaces() {
        long[] ids = ProcSessions.parseStat("4242 (node (worker) 1) S 4200 4100 4000 0 -1 4194560 ...");

        assertThat(ids).containsExactly(4100, 4000);
    }

    @Test
    void treatsAZombieAsNoMember() {
        assertThat(ProcSessions.parseStat("4242 (sleep) Z 1 4100 4000 0")).isNull();
    }

    @Test
    void rejectsAnUnreadableLine() {
        assertThat(ProcSessions.parseStat("garbage")).isNull();
        assertThat(ProcSessions.parseStat("1 (x) S 1 two 3")).isNull();
    }

    @Test
    void findsTheMembersOfASessionOrGroupInProc() throws IOException {
        stat(100, "100 (server) S 1 100 100 0");
        stat(101, "101 (worker) S 100 100 100 0");
        stat(102, "102 (orphan) S 1 100 100 0");
        stat(103, "103 (own group) S 100 103 100 0");
        stat(200, "200 (other) S 1 200 200 0");
        stat(104, "104 (dead) Z 100 100 100 0");
        Files.createDirectories(proc.resolve("self"));

        assertThat(new ProcSessions(proc).members(100)).containsExactlyInAnyOrder(100L, 101L, 102L, 103L);
    }

    @Test
    void tellsAZombieFromALiveProcess() throws IOException {
        stat(7, "7 (a) Z 1 7 7 0");
        stat(8, "8 (b) S 1 8 8 0");
        ProcSessions sessions = new ProcSessions(proc);

        assertThat(sessions.isZombie(7)).isTrue();
        assertThat(sessions.isZombie(8)).isFalse();
        assertThat(sessions.isZombie(9)).isFalse();
    }

    @Test
    void findsNothingWhereThereIsNoProc() {
        ProcSessions missing = new ProcSessions(proc.resolve("missing"));

        assertThat(missing.available()).isFalse();
        assertThat(missing.members(1)).isEmpty();
    }

    private void stat(long pid, String line) throws IOException {
        Files.writeString(
                Files.createDirectories(proc.resolve(Long.toString(pid))).resolve("stat"), line + "\n");
    }
}
