package dev.switchboard.mcp.client.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StdinWriterTest {

    @Test
    void neverInterleavesLinesOfConcurrentWriters() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        // a tiny chunked stream makes interleaving likely if the writer did not serialize
        OutputStream chunky = new OutputStream() {
            @Override
            public void write(int b) {
                sink.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    write(b[off + i]);
                    if (i % 7 == 0) {
                        Thread.yield();
                    }
                }
            }
        };
        StdinWriter writer = new StdinWriter(chunky, Duration.ofSeconds(10));
        int writers = 8;
        int linesEach = 200;
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int w = 0; w < writers; w++) {
                int id = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < linesEach; i++) {
                        byte[] line =
                                ("writer-" + id + "-line-" + i + "-" + "p".repeat(40)).getBytes(StandardCharsets.UTF_8);
                        assertThat(writer.writeLine(line, () -> true)).isEqualTo(StdinWriter.Result.WRITTEN);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        }

        String[] lines = sink.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(writers * linesEach);
        Set<String> distinct = new HashSet<>();
        for (String line : lines) {
            assertThat(line).matches("writer-\\d-line-\\d+-p{40}");
            distinct.add(line);
        }
        assertThat(distinct).hasSize(writers * linesEach);
    }

    @Test
    void writesNothingOnceClosed() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        StdinWriter writer = new StdinWriter(sink, Duration.ofSeconds(1));

        assertThat(writer.writeLine(new byte[] {'x'}, () -> false)).isEqualTo(StdinWriter.Result.CLOSED);
        assertThat(sink.size()).isZero();
    }

    @Test
    void reportsAWriterStuckOnAFullPipeInsteadOfWaitingForever() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OutputStream blocking = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
        };
        StdinWriter writer = new StdinWriter(blocking, Duration.ofMillis(50));
        Thread stuck = Thread.ofPlatform().start(() -> {
            try {
                writer.writeLine(new byte[] {'a'}, () -> true);
            } catch (Exception e) {
                // released at the end of the test
            }
        });
        try {
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(writer.writeLine(new byte[] {'b'}, () -> true)).isEqualTo(StdinWriter.Result.STUCK);
            assertThat(writer.close(Duration.ofMillis(10))).isFalse();
        } finally {
            release.countDown();
            stuck.join(Duration.ofSeconds(10));
        }
        assertThat(writer.close(Duration.ofSeconds(1))).isTrue();
    }
}
