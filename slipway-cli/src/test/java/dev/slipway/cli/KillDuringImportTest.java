package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.testkit.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code slipway data import} process killed with SIGKILL at random instants leaves no
 * half-imported dataset visible, and the next commands work.
 */
class KillDuringImportTest {

    private static final long SEED = 20261122L;
    private static final int KILLS = 6;
    private static final int COPIES = 4;

    @TempDir Path dir;

    @Test
    void importKilledAtRandomPoints_leavesNoPartialDataset() throws Exception {
        Path csv = bigCsv();
        long expectedRows = 32_561L * COPIES;
        Path home = dir.resolve("home");

        long fullNanos = timedImport(csv, home, "probe");
        Random random = new Random(SEED);
        for (int i = 0; i < KILLS; i++) {
            long delayMillis = (long) (random.nextDouble() * fullNanos / 1_000_000.0);
            Process p = start(csv, home, "big");
            Thread.sleep(delayMillis);
            p.destroyForcibly();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

            JsonNode list = listJson(home);
            for (JsonNode d : list) {
                if (d.get("dataset").asText().equals("big")) {
                    assertThat(d.get("rows").asLong())
                            .as("kill %d after %d ms", i, delayMillis)
                            .isEqualTo(expectedRows);
                    assertThat(Files.isRegularFile(Path.of(d.get("snapshot").asText()))).isTrue();
                }
            }
        }

        assertThat(
                        run(
                                "data",
                                "import",
                                csv.toString(),
                                "--name",
                                "big",
                                "--home",
                                home.toString()))
                .isZero();
        assertThat(run("data", "head", "big", "-n", "2", "--home", home.toString())).isZero();
        JsonNode big = find(listJson(home), "big");
        assertThat(big.get("rows").asLong()).isEqualTo(expectedRows);
        assertThat(big.get("versions").asInt()).isEqualTo(1);
        try (Stream<Path> tmp = Files.list(home.resolve("tmp"))) {
            assertThat(tmp.toList()).as("stale workspaces are swept").isEmpty();
        }
    }

    private Path bigCsv() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.dataset("adult_train.csv"));
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        for (int c = 0; c < COPIES; c++) {
            out.addAll(lines.subList(1, lines.size()));
        }
        return Files.write(dir.resolve("adult_x" + COPIES + ".csv"), out);
    }

    private long timedImport(Path csv, Path home, String name) throws Exception {
        long start = System.nanoTime();
        Process p = start(csv, home, name);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return System.nanoTime() - start;
    }

    private static Process start(Path csv, Path home, String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "data",
                        "import",
                        csv.toString(),
                        "--name",
                        name,
                        "--home",
                        home.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static JsonNode listJson(Path home) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            code = Main.run("data", "list", "--json", "--home", home.toString());
        } finally {
            System.setOut(old);
        }
        assertThat(code).as("data list after a kill").isZero();
        return Output.JSON.readTree(buf.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode d : list) {
            if (d.get("dataset").asText().equals(name)) {
                return d;
            }
        }
        throw new AssertionError("dataset " + name + " not listed: " + list);
    }

    private static int run(String... args) {
        return Main.run(args);
    }
}
