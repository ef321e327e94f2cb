package dev.computestudio.infra.yaml;

import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.port.SpecCodec;
import dev.computestudio.service.SpecFiles;
import dev.computestudio.testing.StoredState;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.computestudio.testing.StudioFixture.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Files a user should never have to import, each refused with one clear problem (a field and a
 * rule), quickly and without filling memory, and with nothing written.
 */
class HostileYamlFilesTest {

    @TempDir
    Path folder;

    private StudioFixture studio;
    private SpecFiles files;

    @BeforeEach
    void open() {
        Path data = folder.resolve("data");
        studio = new StudioFixture(data);
        studio.createCluster("cpu-cluster", StudioFixture.dedicated(StudioFixture.DS3, 0, 2));
        YamlEnvironmentTable environments = new YamlEnvironmentTable(data);
        environments.entries();
        files = new SpecFiles(new YamlSpecCodec(environments), studio.compute, studio.jobs);
    }

    @AfterEach
    void close() {
        studio.close();
    }

    @Test
    void aFiftyMegabyteFileIsRefusedBySizeWithoutBeingRead() throws IOException {
        Path file = folder.resolve("huge.yml");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("name: huge\ntype: amlcompute\ndescription: |\n".getBytes(StandardCharsets.UTF_8));
            byte[] line = ("  " + "x".repeat(1_021) + "\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 50 * 1024; i++) {
                out.write(line);
            }
        }
        assertThat(Files.size(file)).isGreaterThan(50L * 1024 * 1024);

        Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refusedCluster(file));

        assertThat(problem.field()).isEqualTo("file");
        assertThat(problem.rule()).isEqualTo("max-size");
        assertThat(problem.message()).isEqualTo("huge.yml is larger than 1024 KiB, the most a YAML spec file may be; "
                + "is it the right file?");
    }

    @Test
    void aValueOfSeveralMegabytesIsRefusedBySize() throws IOException {
        Path file = write("big-value.yml", "name: big\ntype: amlcompute\ndescription: " + "x".repeat(5_000_000) + "\n");

        Problem problem = refusedCluster(file);

        assertThat(problem.rule()).isEqualTo("max-size");
        assertThat(problem.message()).contains("1024 KiB");
    }

    @Test
    void aDeviceThatNeverEndsIsRefusedBySize() {
        Path zero = Path.of("/dev/zero");
        if (!Files.exists(zero)) {
            return;
        }

        Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refusedCluster(zero));

        assertThat(problem.rule()).isEqualTo("max-size");
    }

    @Test
    void justUnderTheLimitIsReadAsUsual() throws IOException {
        String head = "name: roomy\ntype: amlcompute\n";
        Path file = write("roomy.yml", head + "#".repeat(SpecCodec.MAX_FILE_BYTES - head.length() - 1) + "\n");

        assertThat(files.createCluster(WS, file, Map.of()).cluster().name()).isEqualTo("roomy");
    }

    @Test
    void deepNestingIsRefusedWithItsOwnRule() throws IOException {
        Path flow = write("deep-flow.yml", "name: deep\ntype: amlcompute\ntags: " + "{a: ".repeat(100_000) + "1"
                + "}".repeat(100_000) + "\n");
        StringBuilder block = new StringBuilder("name: deep\ntype: amlcompute\ntags:\n");
        for (int level = 1; level <= 200; level++) {
            block.append("  ".repeat(level)).append("k").append(level).append(":\n");
        }
        Path indented = write("deep-block.yml", block.toString());

        for (Path file : List.of(flow, indented)) {
            Problem problem = refusedCluster(file);
            assertThat(problem.rule()).isEqualTo("nesting-depth");
            assertThat(problem.message()).contains("nested deeper than 32 levels");
        }
    }

    @Test
    void aBillionLaughsFileStopsAtItsFirstAlias() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char previous = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(previous).append(", *").append(previous)
                    .append(", *").append(previous).append(", *").append(previous).append("]\n");
        }
        bomb.append("name: lol\ntype: amlcompute\ntags: *z\n");

        Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> refusedCluster(write("lol.yml", bomb.toString())));

        assertThat(problem.rule()).isEqualTo("no-alias");
        assertThat(problem.message()).contains("line 2").contains("aliases (*a) are not supported");
    }

    @Test
    void textThatIsNotUtf8IsRefusedAsSuch() throws IOException {
        byte[] utf16 = "\uFEFFname: abc\ntype: amlcompute\n".getBytes(StandardCharsets.UTF_16BE);
        byte[] invalid = {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};

        Problem fromUtf16 = refusedCluster(writeBytes("utf16.yml", utf16));
        Problem fromInvalid = refusedCluster(writeBytes("latin.yml", invalid));

        assertThat(fromUtf16.rule()).isEqualTo("utf-8");
        assertThat(fromUtf16.message()).contains("is UTF-16 text").contains("save it as UTF-8");
        assertThat(fromInvalid.rule()).isEqualTo("utf-8");
        assertThat(fromInvalid.message()).contains("is not UTF-8 text");
    }

    @Test
    void anEmptyFileAndBinaryGarbageAreRefused() throws IOException {
        byte[] garbage = new byte[4096];
        new java.util.Random(11).nextBytes(garbage);

        assertThat(refusedCluster(writeBytes("empty.yml", new byte[0])).rule()).isEqualTo("empty");
        assertThat(refusedJob(writeBytes("garbage.yml", garbage)).rule()).isIn("utf-8", "yaml-syntax");
        assertThat(refusedJob(writeBytes("nul.yml", "command: echo\0\ncompute: cpu-cluster\n"
                .getBytes(StandardCharsets.UTF_8))).rule()).isEqualTo("yaml-syntax");
    }

    @Test
    void aCodeFolderWithALinkToAFileOutsideIsRefused() throws IOException {
        Path secret = Files.writeString(Files.createDirectories(folder.resolve("outside")).resolve("secret.txt"), "s3cr3t");
        Path project = Files.createDirectories(folder.resolve("project/src"));
        Files.createSymbolicLink(project.resolve("secret.txt"), secret);
        Path job = write("project/job.yml", "command: cat secret.txt\ncompute: cpu-cluster\ncode: ./src\n");

        Problem problem = refusedJob(job);

        assertThat(problem.field()).isEqualTo("code");
        assertThat(problem.rule()).isEqualTo("link-outside");
        assertThat(problem.message()).contains("job.yml, line 3").contains("secret.txt")
                .contains("is a link to something outside");
    }

    @Test
    void systemFoldersAsCodeAreRefusedNotCopied() throws IOException {
        Files.createDirectories(folder.resolve("a/b"));
        for (String code : List.of("../../../../../../../../etc", "/etc", "/proc", "/")) {
            Path job = write("a/b/job.yml", "command: ls\ncompute: cpu-cluster\ncode: " + code + "\n");

            Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> refusedJob(job));

            assertThat(problem.field()).as(code).isEqualTo("code");
            assertThat(problem.rule()).as(code).isIn("link-outside", "broken-link", "special-file", "readable",
                    "max-size");
        }
    }

    @Test
    void aCodePathThatCannotBeAPathIsRefused() throws IOException {
        Problem problem = refusedJob(write("nul-path.yml", "command: ls\ncompute: cpu-cluster\ncode: \"src\\0x\"\n"));

        assertThat(problem.field()).isEqualTo("code");
        assertThat(problem.rule()).isEqualTo("local-path");
    }

    @Test
    void aCodeFolderReachedThroughALinkIsCopiedWithItsFiles() throws IOException {
        Path real = Files.createDirectories(folder.resolve("real-src"));
        Files.writeString(real.resolve("train.sh"), "echo hi\n");
        Files.createSymbolicLink(real.resolve("same.sh"), real.resolve("train.sh"));
        Files.createSymbolicLink(folder.resolve("src-link"), real);
        Path job = write("job.yml", "name: via-link\ncommand: sh train.sh\ncompute: cpu-cluster\ncode: ./src-link\n");

        files.createJob(WS, job, Map.of());

        Path snapshot = studio.dataFolder.resolve("jobs").resolve(WS).resolve("via-link").resolve("code");
        assertThat(snapshot.resolve("train.sh")).hasContent("echo hi");
        assertThat(snapshot.resolve("same.sh")).hasContent("echo hi");
    }

    @Test
    void aNumberThatWouldBeABillionDigitsLongIsRefusedAtOnce() throws IOException {
        Path job = write("huge-number.yml", "command: echo ${{inputs.n}}\ncompute: cpu-cluster\ninputs:\n  n: 1e999999999\n");

        Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refusedJob(job));

        assertThat(problem.field()).isEqualTo("inputs.n");
        assertThat(problem.rule()).isEqualTo("number");
        assertThat(problem.message()).contains("'1e999999999' is not a finite number");
    }

    private Problem refusedCluster(Path file) {
        return refused(() -> files.createCluster(WS, file, Map.of()));
    }

    private Problem refusedJob(Path file) {
        return refused(() -> files.createJob(WS, file, Map.of()));
    }

    /** The one problem of a refusal; nothing was written. */
    private Problem refused(Runnable importing) {
        StoredState before = StoredState.of(studio.stores, studio.dataFolder);
        ValidationException refused = catchThrowableOfType(ValidationException.class, importing::run);
        assertThat(refused).as("a ValidationException").isNotNull();
        assertThat(StoredState.of(studio.stores, studio.dataFolder)).isEqualTo(before);
        assertThat(refused.problems()).hasSize(1);
        Problem problem = refused.problems().get(0);
        assertThat(problem.field()).isNotBlank();
        assertThat(problem.rule()).isNotBlank();
        return problem;
    }

    private Path write(String name, String text) throws IOException {
        return writeBytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path writeBytes(String name, byte[] bytes) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }
}
