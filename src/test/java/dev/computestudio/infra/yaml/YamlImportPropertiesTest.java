package dev.computestudio.infra.yaml;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.service.SpecFiles;
import dev.computestudio.testing.HostileValues;
import dev.computestudio.testing.StoredState;
import dev.computestudio.testing.StudioFixture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.computestudio.testing.StudioFixture.WS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated and mutated YAML files (amlCompute and commandJob), many of them hostile
 * or not YAML at all, imported as {@code compute create -f} and {@code job create -f} do: each is
 * imported, or refused with the product's own validation error naming a field and a rule, and a
 * refused file writes nothing.
 */
class YamlImportPropertiesTest {

    private static final List<String> CLUSTER_SAMPLES = List.of("cluster/full.yml", "cluster/minimal.yml",
            "cluster/azure-docs-example.yml", "cluster/unknown-keys.yml", "cluster/lowpriority-spelling.yml");
    private static final List<String> JOB_SAMPLES = List.of("job/full/job.yml", "job/minimal.yml",
            "job/inline-environment.yml", "job/unknown-keys.yml", "job/runs-code/job.yml");
    private static final List<String> CLUSTER_KEYS = List.of("$schema", "name", "type", "size", "tier",
            "min_instances", "max_instances", "idle_time_before_scale_down", "location", "description", "tags",
            "ssh_public_access_enabled", "ssh_settings", "network_settings", "identity");
    private static final List<String> JOB_KEYS = List.of("$schema", "type", "name", "display_name",
            "experiment_name", "description", "command", "code", "environment", "environment_variables", "compute",
            "resources", "limits", "inputs", "outputs");
    /** YAML that breaks a parser's or a reader's expectations, spliced into otherwise good files. */
    private static final List<String> YAML_FRAGMENTS = List.of("\n---\n", "&a ", "*a", "!!binary ", "!!python/object ",
            "? [a, b]\n: c\n", "<<: {a: 1}\n", "{", "}", "[", "]", ": ", "\t", "\0", "\uFEFF", "%YAML 1.1\n",
            "key: [" + "[".repeat(100), "{a: ".repeat(2_000), "- ".repeat(300), "\"unterminated", "'", "|\n  x\n",
            "\n  inputs:\n    ../x: 1\n", "\ncode: /etc\n", "\ncode: ../../etc\n", "\ncode: \"a\\0b\"\n",
            "\ninputs:\n  n: 1e999999999\n", "\nmax_instances: 99999999999999999999\n");

    private final Path folder;
    private final StudioFixture studio;
    private final SpecFiles files;
    private int fileNumber;

    YamlImportPropertiesTest() throws IOException {
        folder = Files.createTempDirectory("yaml-properties");
        Path data = folder.resolve("data");
        studio = new StudioFixture(data);
        for (String identity : List.of("trainer-id", "reader-id", "my-id")) {
            studio.createIdentity(identity);
        }
        studio.createCluster("cpu-cluster", StudioFixture.dedicated(StudioFixture.DS3, 0, 2));
        YamlEnvironmentTable environments = new YamlEnvironmentTable(data);
        // The table writes itself with its defaults on first use, by design; a try must not be that first use.
        environments.entries();
        files = new SpecFiles(new YamlSpecCodec(environments), studio.compute, studio.jobs);
        // The jobs' relative paths (./src, ./data) are found beside the files written here.
        copyTree(YamlFiles.path("job/full"), folder.resolve("files"));
    }

    @AfterProperty
    void close() throws IOException {
        studio.close();
        try (Stream<Path> tree = Files.walk(folder)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> {
                path.toFile().setWritable(true);
                path.toFile().delete();
            });
        }
    }

    @Property(tries = 1000)
    void aMutatedClusterFileIsImportedOrRefusedWithoutATrace(@ForAll("mutatedClusterFiles") byte[] file) {
        importCluster(file);
    }

    @Property(tries = 1000)
    void aGeneratedClusterFileIsImportedOrRefusedWithoutATrace(@ForAll("generatedClusterFiles") String file) {
        importCluster(file.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 1000)
    void aMutatedJobFileIsSubmittedOrRefusedWithoutATrace(@ForAll("mutatedJobFiles") byte[] file) {
        importJob(file);
    }

    @Property(tries = 1000)
    void aGeneratedJobFileIsSubmittedOrRefusedWithoutATrace(@ForAll("generatedJobFiles") String file) {
        importJob(file.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 1000)
    void bytesThatAreNotYamlAreRefusedWithoutATrace(@ForAll("garbage") byte[] file) {
        importCluster(file);
        importJob(file);
    }

    private void importCluster(byte[] content) {
        Path file = write(content);
        StoredState before = state();
        try {
            String name = files.createCluster(WS, file, Map.of()).cluster().name();
            Statistics.label("cluster file").collect("imported");
            assertThat(studio.compute.delete(WS, name)).isTrue();
        } catch (ValidationException refused) {
            Statistics.label("cluster file").collect("refused");
            assertNamesFieldsAndRules(refused);
            assertThat(state()).isEqualTo(before);
        } catch (ConflictException taken) {
            Statistics.label("cluster file").collect("name taken");
            assertThat(taken.getMessage()).contains("already has compute named 'cpu-cluster'");
            assertThat(state()).isEqualTo(before);
        }
    }

    private void importJob(byte[] content) {
        Path file = write(content);
        StoredState before = state();
        try {
            files.createJob(WS, file, Map.of());
            Statistics.label("job file").collect("submitted");
        } catch (ValidationException refused) {
            Statistics.label("job file").collect("refused");
            assertNamesFieldsAndRules(refused);
            assertThat(state()).isEqualTo(before);
        } catch (NotFoundException | ConflictException other) {
            // A compute the workspace does not have, or a job name used by an earlier try.
            Statistics.label("job file").collect("not found or taken");
            assertThat(other.getMessage()).matches("(?s)(compute '.*' was not found in workspace 'ws-demo'"
                    + "|workspace 'ws-demo' already has a job named '.*')");
            assertThat(state()).isEqualTo(before);
        }
    }

    static void assertNamesFieldsAndRules(ValidationException refused) {
        assertThat(refused.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.field()).isNotBlank();
            assertThat(problem.rule()).isNotBlank();
            assertThat(problem.message()).isNotBlank().hasSizeLessThan(5_000);
        });
    }

    private Path write(byte[] content) {
        Path file = folder.resolve("files").resolve("try-" + fileNumber++ + ".yml");
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private StoredState state() {
        return StoredState.of(studio.stores, studio.dataFolder);
    }

    // Generators

    @Provide
    Arbitrary<byte[]> mutatedClusterFiles() {
        return mutated(Arbitraries.of(CLUSTER_SAMPLES).map(YamlFiles::text));
    }

    @Provide
    Arbitrary<byte[]> mutatedJobFiles() {
        return mutated(Arbitraries.of(JOB_SAMPLES).map(YamlFiles::text));
    }

    /** A sample file with a few edits: a hostile fragment or value spliced in, a piece cut out, bytes flipped. */
    private static Arbitrary<byte[]> mutated(Arbitrary<String> samples) {
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(YAML_FRAGMENTS), HostileValues.text());
        return Combinators.combine(samples, insert.list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.doubles().between(0, 1).list().ofSize(3), Arbitraries.of(true, false))
                .as((sample, inserts, positions, flipBytes) -> {
                    StringBuilder text = new StringBuilder(sample);
                    for (int i = 0; i < inserts.size(); i++) {
                        int at = (int) (positions.get(i) * text.length());
                        text.insert(at, inserts.get(i));
                    }
                    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                    if (flipBytes && bytes.length > 0) {
                        bytes[(int) (positions.get(0) * (bytes.length - 1))] ^= (byte) 0x80;
                    }
                    return bytes;
                });
    }

    @Provide
    Arbitrary<String> generatedClusterFiles() {
        return document(CLUSTER_KEYS, "type: amlcompute\nname: generated\n");
    }

    @Provide
    Arbitrary<String> generatedJobFiles() {
        return document(JOB_KEYS, "command: echo hi\ncompute: azureml:cpu-cluster\n");
    }

    /** A mapping of known (and some unknown) keys to hostile values of every YAML shape, often over a valid file. */
    private static Arbitrary<String> document(List<String> keys, String usualLine) {
        Arbitrary<String> key = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(keys)),
                Tuple.of(1, HostileValues.text().map(YamlImportPropertiesTest::doubleQuoted)));
        Arbitrary<String> line = Combinators.combine(key, value(2)).as((k, v) -> k + ": " + v + "\n");
        return Combinators.combine(Arbitraries.of(true, false), line.list().ofMaxSize(4))
                .as((usual, lines) -> (usual ? usualLine : "") + String.join("", lines));
    }

    /** A YAML value written inline: a scalar in one of its styles, a list or a mapping of them. */
    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> text = HostileValues.text();
        Arbitrary<String> scalar = Arbitraries.oneOf(
                text.map(YamlImportPropertiesTest::doubleQuoted),
                text.map(t -> "'" + t.replace("'", "''").replace("\n", " ") + "'"),
                Arbitraries.strings().alpha().numeric().withChars("-_./:").ofMaxLength(30),
                Arbitraries.of("~", "null", "true", "no", "0", "-1", "3", "2147483648", "1e999999999", ".inf",
                        ".nan", "0x1F", "'4'", "/etc", "../../etc", "./src", "[]", "{}",
                        "azureml:cpu-cluster", "azureml:env@latest", "uri_folder"));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> list = value(depth - 1).list().ofMaxSize(3).map(items -> "[" + String.join(", ", items) + "]");
        Arbitrary<String> mapping = Combinators.combine(Arbitraries.of("type", "path", "resource_id", "value",
                        "instance_count", "timeout", "admin_username", "x", "../y"), value(depth - 1))
                .as((k, v) -> k + ": " + v).list().ofMaxSize(3).map(entries -> "{" + String.join(", ", entries) + "}");
        return Arbitraries.frequencyOf(Tuple.of(4, scalar), Tuple.of(1, list), Tuple.of(1, mapping));
    }

    /** Any text as a YAML double-quoted scalar, with the escapes YAML has (so NUL and lone surrogates get in). */
    private static String doubleQuoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append((char) c);
            } else if (c < 0x20 || c == 0x7F || Character.isSurrogate((char) c)) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.append((char) c);
            }
        });
        return quoted.append('"').toString();
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
        Arbitrary<byte[]> marked = Combinators.combine(
                Arbitraries.of(new byte[]{(byte) 0xFE, (byte) 0xFF}, new byte[]{(byte) 0xFF, (byte) 0xFE},
                        new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[]{(byte) 0xC3, (byte) 0x28},
                        new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF8, (byte) 0x88},
                        new byte[0]),
                Arbitraries.of("name: abc\ntype: amlcompute\n", "command: echo\ncompute: cpu-cluster\n", "")
                        .map(text -> text.getBytes(StandardCharsets.UTF_16LE)))
                .as((mark, body) -> {
                    byte[] all = new byte[mark.length + body.length];
                    System.arraycopy(mark, 0, all, 0, mark.length);
                    System.arraycopy(body, 0, all, mark.length, body.length);
                    return all;
                });
        return Arbitraries.oneOf(random, marked);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        List<Path> paths;
        try (Stream<Path> tree = Files.walk(source)) {
            paths = new ArrayList<>(tree.toList());
        }
        for (Path path : paths) {
            Path copy = target.resolve(source.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(copy);
            } else {
                Files.copy(path, copy);
            }
        }
    }
}
