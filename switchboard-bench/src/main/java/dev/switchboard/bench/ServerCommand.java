package dev.switchboard.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start the demo server in a child JVM: this JVM's {@code java}, this JVM's class path (which
 * holds the server), the extra JVM options and the main class. Both clients start the same command.
 *
 * @param java the {@code java} executable
 * @param classPath the class path of the child
 * @param jvmArgs extra JVM options
 * @param mainClass the stdio server's main class
 * @param httpMainClass the HTTP server's main class
 */
record ServerCommand(String java, String classPath, List<String> jvmArgs, String mainClass, String httpMainClass) {

    /** The command for this JVM's runtime and class path. */
    static ServerCommand ofThisJvm(BenchOptions options) {
        return ofThisJvm(options.serverJvmArgs(), options.serverClass(), options.httpServerClass());
    }

    /** This JVM's {@code java} and class path running {@code stdioMain} or {@code httpMain}. */
    static ServerCommand ofThisJvm(List<String> jvmArgs, String stdioMain, String httpMain) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ServerCommand(java, System.getProperty("java.class.path"), jvmArgs, stdioMain, httpMain);
    }

    /** The command line of a server speaking stdio. */
    List<String> stdio() {
        return java(mainClass);
    }

    /** The command line of a server serving Streamable HTTP on {@code port}. */
    List<String> http(int port) {
        List<String> command = java(httpMainClass);
        command.add("--http");
        command.add(Integer.toString(port));
        return command;
    }

    private List<String> java(String main) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.add(main);
        return command;
    }
}
