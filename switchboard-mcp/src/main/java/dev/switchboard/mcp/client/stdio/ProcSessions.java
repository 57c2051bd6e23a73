package dev.switchboard.mcp.client.stdio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the processes of a Unix session or process group through Linux's {@code /proc}. Java's
 * {@link ProcessHandle} does not show process groups, and once a process exits its children are
 * re-parented and no longer appear among its descendants; their session and group ids stay. Stateless
 * apart from the root directory; thread-safe.
 */
final class ProcSessions {
    private final Path root;

    ProcSessions(Path root) {
        this.root = root;
    }

    /** The real {@code /proc}. */
    static ProcSessions system() {
        return new ProcSessions(Path.of("/proc"));
    }

    /** Whether {@code /proc} can be read here (Linux). */
    boolean available() {
        return Files.isReadable(root.resolve("self").resolve("stat"));
    }

    /**
     * The live (not zombie) processes whose session id or process group id is {@code id}; empty
     * when {@code /proc} cannot be read.
     */
    Set<Long> members(long id) {
        Set<Long> result = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, ProcSessions::isPidDirectory)) {
            for (Path entry : entries) {
                long[] ids = readIds(entry.resolve("stat"));
                if (ids != null && (ids[0] == id || ids[1] == id)) {
                    result.add(Long.parseLong(entry.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable /proc leaves only the descendants Java can see
        }
        return result;
    }

    /**
     * Whether {@code pid} is a zombie: dead, but not yet reaped by its parent. {@link
     * ProcessHandle#isAlive()} counts a zombie as alive; a re-parented child stays one until the
     * system's init reaps it. False when it cannot be told.
     */
    boolean isZombie(long pid) {
        try {
            String stat = new String(
                    Files.readAllBytes(root.resolve(Long.toString(pid)).resolve("stat")), StandardCharsets.ISO_8859_1);
            int close = stat.lastIndexOf(')');
            return close >= 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isPidDirectory(Path entry) {
        String name = entry.getFileName().toString();
        if (name.isEmpty() || name.length() > 19) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static long @Nullable [] readIds(Path stat) {
        try {
            return parseStat(new String(Files.readAllBytes(stat), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return null; // the process went away while we looked
        }
    }

    /**
     * Reads the process group and session ids from a {@code /proc/PID/stat} line: {@code pid (comm)
     * state ppid pgrp session ...}, where comm may itself hold spaces and parentheses.
     *
     * @return {@code [pgrp, session]}, or {@code null} for a zombie or an unreadable line
     */
    static long @Nullable [] parseStat(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 >= stat.length()) {
            return null;
        }
        String[] fields = stat.substring(close + 2).split(" ", 5);
        if (fields.length < 4 || fields[0].equals("Z") || fields[0].equals("X")) {
            return null;
        }
        try {
            return new long[] {Long.parseLong(fields[2]), Long.parseLong(fields[3])};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
