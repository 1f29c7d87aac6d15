package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests {@code scripts/find-jdk.sh}, with which {@code ./slipway} and {@code .ci/run} choose the
 * JDK, by sourcing it in bash with a controlled environment.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherScriptTest {
    /** Tests run in the module folder; the repository root is its parent. */
    private static final Path REPO_ROOT = Path.of("").toAbsolutePath().getParent();

    private static final Path FINDER = REPO_ROOT.resolve("scripts").resolve("find-jdk.sh");

    /** The JDK running this test: Slipway builds with 21 or newer, so it is one. */
    private static final Path TEST_JAVA_HOME = Path.of(System.getProperty("java.home"));

    @TempDir Path temp;

    private Path emptyPath;
    private Path emptySearchDir;
    private Path home;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(
                Files.isExecutable(TEST_JAVA_HOME.resolve("bin").resolve("javac")),
                "the tests run on a JDK, not a JRE");
        emptyPath = Files.createDirectories(temp.resolve("empty-path"));
        emptySearchDir = Files.createDirectories(temp.resolve("empty-search"));
        home = Files.createDirectories(temp.resolve("home"));
    }

    @Test
    void findJdk_javaHomeIsJdk21OrNewer_selectsJavaHome() throws Exception {
        Result result = findJdk(TEST_JAVA_HOME, emptySearchDir);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Path.of(result.stdout().strip())).isEqualTo(TEST_JAVA_HOME);
        assertThat(result.stderr()).as("prints nothing on success").isEmpty();
    }

    @Test
    void findJdk_onlyJdk17Found_failsAskingForJdk21() throws Exception {
        Path jdk17 = fakeJdk17();

        Result result = findJdk(jdk17, emptySearchDir);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr())
                .contains("Slipway needs a JDK 21 or newer")
                .contains("https://adoptium.net")
                .contains("JAVA_HOME");
        assertThat(
                        result.stderr()
                                .lines()
                                .filter(line -> line.contains(jdk17.toString()))
                                .map(line -> line.replace(jdk17.toString(), "")))
                .as("the line listing the JDK found, without its path")
                .singleElement()
                .asString()
                .containsPattern("\\b17\\b");
    }

    @Test
    void findJdk_javaHomeIsJdk17_skipsToJdk21OrNewerInSearchDirs() throws Exception {
        Path jdk17 = fakeJdk17();
        Path searchDir = TEST_JAVA_HOME.getParent();

        Result result = findJdk(jdk17, searchDir);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).isEmpty();
        Path selected = Path.of(result.stdout().strip());
        assertThat(selected).isNotEqualTo(jdk17);
        assertThat(selected).startsWith(searchDir);
        assertThat(selected.resolve("bin").resolve("javac")).isExecutable();
        assertThat(featureVersion(selected)).isGreaterThanOrEqualTo(21);
    }

    /** A folder that looks like a JDK 17 to the finder, whose java only prints its version. */
    private Path fakeJdk17() throws IOException {
        Path jdk = temp.resolve("fake-jdk-17");
        Path bin = Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");
        writeScript(
                bin.resolve("java"),
                "#!/bin/sh\necho 'openjdk version \"17.0.2\" 2022-01-18' >&2\n");
        writeScript(bin.resolve("javac"), "#!/bin/sh\necho 'javac 17.0.2'\n");
        return jdk;
    }

    private static void writeScript(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * Sources the finder in bash and prints the JDK it selects. The environment holds only what the
     * test sets: a PATH without java, and the search restricted to {@code searchDir}.
     */
    private Result findJdk(Path javaHome, Path searchDir) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(
                        "bash",
                        "-c",
                        "source \"$1\" && slipway_find_jdk && printf '%s\\n' \"$SLIPWAY_JAVA_HOME\"",
                        "bash",
                        FINDER.toString());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", emptyPath.toString());
        env.put("HOME", home.toString());
        env.put("JAVA_HOME", javaHome.toString());
        env.put("SLIPWAY_JDK_SEARCH_DIRS", searchDir.toString());
        Path stdout = temp.resolve("stdout.txt");
        Path stderr = temp.resolve("stderr.txt");
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());

        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("find-jdk.sh did not finish within 60 s");
        }
        return new Result(
                process.exitValue(),
                Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /**
     * The feature version (21 for 21.0.2) of the JDK at {@code javaHome}, from its release file.
     */
    private static int featureVersion(Path javaHome) throws IOException {
        String prefix = "JAVA_VERSION=";
        String version =
                Files.readAllLines(javaHome.resolve("release")).stream()
                        .filter(line -> line.startsWith(prefix))
                        .map(line -> line.substring(prefix.length()).replace("\"", "").strip())
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no JAVA_VERSION in " + javaHome));
        return Runtime.Version.parse(version).feature();
    }

    private record Result(int exitCode, String stdout, String stderr) {}
}
