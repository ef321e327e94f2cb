package dev.computestudio.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code compute create -f} and {@code job create -f} given files no one should import, through
 * the real command line over a real data folder: exit code 2, the field and the rule on stderr,
 * no stack trace, and nothing created.
 */
class HostileFilesCommandTest {

    @TempDir
    Path data;
    @TempDir
    Path files;

    private InProcessCli.Result run(String... args) {
        return new InProcessCli(data).run(args);
    }

    @BeforeEach
    void createWorkspaceAndCluster() {
        assertThat(run("workspace", "create", "--name", "ws1").exitCode()).isZero();
        assertThat(run("compute", "create", "-w", "ws1", "--name", "cpu", "--max-instances", "1").exitCode()).isZero();
    }

    @Test
    void hostileClusterFilesAreBadInputWithFieldAndRule() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            bomb.append(c).append(": &").append(c).append(" [*").append((char) (c - 1)).append(", *")
                    .append((char) (c - 1)).append("]\n");
        }
        Map<String, byte[]> hostile = Map.of(
                "big.yml", ("name: big\ntype: amlcompute\ndescription: " + "x".repeat(3_000_000) + "\n")
                        .getBytes(StandardCharsets.UTF_8),
                "bomb.yml", (bomb + "name: lol\ntype: amlcompute\n").getBytes(StandardCharsets.UTF_8),
                "deep.yml", ("name: deep\ntype: amlcompute\ntags: " + "[".repeat(5_000) + "]".repeat(5_000))
                        .getBytes(StandardCharsets.UTF_8),
                "utf16.yml", "\uFEFFname: abc\ntype: amlcompute\n".getBytes(StandardCharsets.UTF_16LE),
                "shell.yml", "name: \"x;touch /tmp/pwned-cli\"\ntype: amlcompute\n".getBytes(StandardCharsets.UTF_8));
        Map<String, String> rules = Map.of("big.yml", "file: big.yml is larger than 1024 KiB",
                "bomb.yml", "(rule: no-alias)", "deep.yml", "(rule: nesting-depth)", "utf16.yml", "(rule: utf-8)",
                "shell.yml", "error: name: shell.yml, line 1: may contain only letters, digits and '-' (rule: characters)");

        for (Map.Entry<String, byte[]> file : hostile.entrySet()) {
            Path path = Files.write(files.resolve(file.getKey()), file.getValue());

            InProcessCli.Result result = run("compute", "create", "-w", "ws1", "-f", path.toString());

            assertThat(result.exitCode()).as(file.getKey() + ": " + result.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(result.err()).as(file.getKey()).startsWith("error: ").contains(rules.get(file.getKey()))
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
        InProcessCli.Result list = run("compute", "list", "-w", "ws1", "-o", "json");
        assertThat(list.out()).contains("\"cpu\"").doesNotContain("\"big\"").doesNotContain("\"lol\"");
        assertThat(Path.of("/tmp/pwned-cli")).doesNotExist();
    }

    @Test
    void aJobWhoseCodeLinksOutOfItsFolderIsBadInputAndNotSubmitted() throws IOException {
        Path secret = Files.writeString(files.resolve("secret.txt"), "s3cr3t");
        Path source = Files.createDirectories(files.resolve("project/src"));
        Files.createSymbolicLink(source.resolve("secret.txt"), secret);
        Path job = Files.writeString(files.resolve("project/job.yml"),
                "name: leak\ncommand: cat secret.txt\ncompute: azureml:cpu\ncode: ./src\n");

        InProcessCli.Result result = run("job", "create", "-w", "ws1", "-f", job.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).startsWith("error: code: job.yml, line 4: ").contains("(rule: link-outside)")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run("job", "show", "-w", "ws1", "--name", "leak").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void binaryGarbageAsAJobFileIsBadInput() throws IOException {
        byte[] garbage = new byte[10_000];
        new java.util.Random(3).nextBytes(garbage);
        Path file = Files.write(files.resolve("garbage.yml"), garbage);

        InProcessCli.Result result = run("job", "create", "-w", "ws1", "-f", file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).startsWith("error: file: ").containsPattern("\\(rule: (utf-8|yaml-syntax)\\)")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}
