package dev.computestudio.service;

import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobInput;
import dev.computestudio.domain.JobOutput;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.NetworkSettings;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.SshSettings;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.VmSize;
import dev.computestudio.domain.VmTier;
import dev.computestudio.testing.HostileValues;
import dev.computestudio.testing.StoredState;
import dev.computestudio.testing.StudioFixture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.computestudio.testing.StudioFixture.WS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated workspace, cluster and job requests, many of them hostile, through the
 * services over a real (in-memory) H2 database: each is created, or refused with the product's
 * own validation error whose every problem names a field and a rule, and a refused request
 * writes nothing, neither rows nor files.
 */
class SpecValidationPropertiesTest {

    /** The rules as the cloud documents them, to check what the services accept. */
    private static final String COMPUTE_NAME = "^[a-zA-Z](?![a-zA-Z0-9-]*-\\d+$)[a-zA-Z0-9\\-]{2,23}$";
    private static final String WORKSPACE_NAME = "^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$";
    private static final String CLUSTER = "cpu-a";

    private final Path dataFolder;
    private final StudioFixture studio;
    private final String identityId;
    private final Set<String> jobNamesTaken = new HashSet<>();
    private final List<String> codeFolders;

    SpecValidationPropertiesTest() throws IOException {
        dataFolder = Files.createTempDirectory("spec-properties");
        studio = new StudioFixture(dataFolder.resolve("data"));
        identityId = studio.createIdentity("trainer-id");
        studio.createCluster(CLUSTER, StudioFixture.dedicated(StudioFixture.DS3, 0, 2));
        codeFolders = codeFolders(dataFolder.resolve("sources"));
    }

    @AfterProperty
    void close() throws IOException {
        studio.close();
        try (Stream<Path> tree = Files.walk(dataFolder)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> {
                path.toFile().setWritable(true);
                path.toFile().delete();
            });
        }
    }

    // Workspaces

    @Property(tries = 1000)
    void aWorkspaceIsCreatedOnlyWithAValidNameAndARefusalWritesNothing(
            @ForAll("names") String name, @ForAll("locations") String location, @ForAll("groups") String group) {
        StoredState before = state();
        try {
            studio.workspaces.create(name, location, group);
            assertThat(name).matches(WORKSPACE_NAME);
            assertThat(studio.workspaces.show(name).name()).isEqualTo(name);
            studio.workspaces.delete(name);
        } catch (ValidationException refused) {
            assertNamesFieldsAndRules(refused);
            assertThat(state()).isEqualTo(before);
        } catch (ConflictException taken) {
            assertThat(name).isEqualTo(WS);
            assertThat(state()).isEqualTo(before);
        }
    }

    // Clusters

    @Property(tries = 1000)
    void aClusterIsCreatedOnlyFromAValidSpecAndARefusalWritesNothing(
            @ForAll("names") String name, @ForAll("clusterSpecs") ClusterSpec spec) {
        StoredState before = state();
        try {
            studio.compute.create(WS, name, spec);
            assertThat(name).matches(COMPUTE_NAME);
            assertThat(studio.compute.show(WS, name).spec().maxNodes()).isEqualTo(spec.maxNodes());
            assertThat(studio.compute.delete(WS, name)).isTrue();
        } catch (ValidationException refused) {
            assertNamesFieldsAndRules(refused);
            assertThat(state()).isEqualTo(before);
        } catch (ConflictException taken) {
            assertThat(name).isEqualTo(CLUSTER);
            assertThat(state()).isEqualTo(before);
        }
    }

    // Jobs

    @Property(tries = 1000)
    void aJobIsQueuedOnlyFromAValidSpecAndARefusalWritesNothing(@ForAll("jobSpecs") JobSpec spec) {
        StoredState before = state();
        try {
            Job job = studio.jobs.submit(WS, spec);
            jobNamesTaken.add(job.name());
            assertThat(studio.jobs.show(WS, job.name()).spec()).isEqualTo(job.spec());
            assertLaunchable(job.spec());
        } catch (ValidationException refused) {
            assertNamesFieldsAndRules(refused);
            assertThat(state()).isEqualTo(before);
        } catch (NotFoundException noCompute) {
            assertThat(spec.compute()).isNotEqualTo(CLUSTER);
            assertThat(noCompute.getMessage()).contains("compute '" + spec.compute() + "' was not found");
            assertThat(state()).isEqualTo(before);
        } catch (ConflictException taken) {
            assertThat(jobNamesTaken).contains(spec.name());
            assertThat(state()).isEqualTo(before);
        }
    }

    /** What a runner needs from an accepted job: a command and variables that a process can be given. */
    private static void assertLaunchable(JobSpec spec) {
        assertThat(spec.command()).doesNotContain("\0");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", spec.command());
        builder.environment().putAll(spec.environmentVariables());
        spec.inputs().values().forEach(input -> assertThat(input.value()).doesNotContain("\0"));
    }

    private static void assertNamesFieldsAndRules(ValidationException refused) {
        assertThat(refused.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.field()).isNotBlank();
            assertThat(problem.rule()).isNotBlank();
            assertThat(problem.message()).isNotBlank().hasSizeLessThan(2_000);
        });
        assertThat(refused.problems()).extracting(Problem::rule).doesNotContainNull();
    }

    private StoredState state() {
        return StoredState.of(studio.stores, studio.dataFolder);
    }

    // Generators

    @Provide
    Arbitrary<String> names() {
        return HostileValues.text();
    }

    @Provide
    Arbitrary<String> locations() {
        return Arbitraries.oneOf(Arbitraries.of("eastus", "westeurope", "brazilsouth"), HostileValues.textOrNull());
    }

    @Provide
    Arbitrary<String> groups() {
        return Arbitraries.oneOf(Arbitraries.of("rg-ml", "my.group(1)"), HostileValues.textOrNull());
    }

    @Provide
    Arbitrary<ClusterSpec> clusterSpecs() {
        Arbitrary<String> sizes = Arbitraries.oneOf(
                Arbitraries.of(VmCatalog.standard().sizes()).map(VmSize::name),
                Arbitraries.of("standard_ds3_v2", "STANDARD_D2_V2"), HostileValues.textOrNull());
        Arbitrary<Duration> idle = Arbitraries.longs().between(-10, 100_000).map(Duration::ofSeconds);
        Arbitrary<SshSettings> ssh = Combinators.combine(Arbitraries.of(true, false), HostileValues.textOrNull(),
                Arbitraries.oneOf(Arbitraries.just("correct-horse-battery"), HostileValues.textOrNull()),
                Arbitraries.oneOf(Arbitraries.just("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 ana@host"),
                        HostileValues.textOrNull())).as(SshSettings::new).injectNull(0.5);
        Arbitrary<NetworkSettings> network = Combinators.combine(HostileValues.textOrNull(),
                Arbitraries.oneOf(HostileValues.textOrNull(), Arbitraries.just("s".repeat(2000))))
                .as(NetworkSettings::new).injectNull(0.5);
        Arbitrary<ClusterIdentity> identity = Arbitraries.oneOf(
                Arbitraries.just(ClusterIdentity.NONE), Arbitraries.just(ClusterIdentity.SYSTEM_ASSIGNED),
                Arbitraries.oneOf(Arbitraries.just(identityId), HostileValues.text()).list().ofMaxSize(3)
                        .map(ids -> new ClusterIdentity(IdentityType.USER_ASSIGNED, ids)),
                HostileValues.text().list().ofMaxSize(2).map(ids -> new ClusterIdentity(IdentityType.SYSTEM_ASSIGNED, ids)));
        Arbitrary<Map<String, String>> tags = Arbitraries.maps(HostileValues.text(), HostileValues.text())
                .ofMaxSize(4);
        Arbitrary<Map<String, String>> manyTags = Arbitraries.integers().between(49, 52).map(count ->
                java.util.stream.IntStream.range(0, count).boxed().collect(java.util.stream.Collectors.toMap(
                        i -> "tag" + i, i -> "v")));
        return Combinators.combine(sizes, Arbitraries.of(VmTier.values()), HostileValues.count(),
                        HostileValues.count(), idle, ssh, network, identity)
                .flatAs((size, tier, min, max, idleTime, sshSettings, networkSettings, clusterIdentity) ->
                        Combinators.combine(Arbitraries.oneOf(tags, manyTags), HostileValues.textOrNull(),
                                        Arbitraries.oneOf(Arbitraries.just((String) null), HostileValues.text()))
                                .as((tagMap, description, location) -> new ClusterSpec(size, tier, min, max, idleTime,
                                        sshSettings, networkSettings, clusterIdentity, tagMap, description, location)));
    }

    @Provide
    Arbitrary<JobSpec> jobSpecs() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.just(""), HostileValues.text());
        Arbitrary<String> compute = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(CLUSTER)), net.jqwik.api.Tuple.of(1, HostileValues.textOrNull()));
        Arbitrary<String> command = Arbitraries.oneOf(Arbitraries.of("python train.py", "echo ${{inputs.x}}",
                "echo ${{outputs.out}}", "x".repeat(100_001)), HostileValues.textOrNull());
        Arbitrary<String> image = Arbitraries.oneOf(Arbitraries.of("python:3.11-slim", "a".repeat(600)),
                HostileValues.textOrNull());
        Arbitrary<Map<String, String>> variables = Arbitraries.oneOf(
                Arbitraries.maps(HostileValues.text(), HostileValues.text()).ofMaxSize(3),
                Arbitraries.just(Map.of("BIG", "v".repeat(100_001))));
        Arbitrary<Duration> timeout = Arbitraries.longs().between(-5, 1_000_000_000L).map(Duration::ofSeconds)
                .injectNull(0.5);
        Arbitrary<JobInput> input = Combinators.combine(Arbitraries.of(JobInput.Type.values()),
                Arbitraries.oneOf(HostileValues.text(), Arbitraries.of(codeFolders))).as(JobInput::new);
        Arbitrary<Map<String, JobInput>> inputs = Arbitraries.maps(
                Arbitraries.oneOf(Arbitraries.just("x"), HostileValues.text()), input).ofMaxSize(2);
        Arbitrary<Map<String, JobOutput>> outputs = Arbitraries.maps(
                Arbitraries.oneOf(Arbitraries.just("out"), HostileValues.text()),
                Arbitraries.of(JobOutput.Type.values()).map(JobOutput::new)).ofMaxSize(2);
        Arbitrary<String> code = Arbitraries.oneOf(Arbitraries.of(codeFolders), HostileValues.text()).injectNull(0.4);
        return Combinators.combine(name, HostileValues.textOrNull(), HostileValues.textOrNull(), compute, command,
                        image, HostileValues.count(), variables)
                .flatAs((jobName, display, experiment, cluster, cmd, img, count, env) ->
                        Combinators.combine(timeout, HostileValues.textOrNull(), code, inputs, outputs)
                                .as((limit, description, codeFolder, in, out) -> new JobSpec(jobName, display,
                                        experiment, cluster, cmd, img, count, env, limit, description, codeFolder,
                                        in, out)));
    }

    /**
     * Code folders and inputs a user may name: a good one, ones that break a rule (a link out of
     * the folder, a broken link, a pipe), and paths that are not folders or climb out.
     */
    private static List<String> codeFolders(Path root) {
        try {
            Path good = Files.createDirectories(root.resolve("good"));
            Files.writeString(good.resolve("train.py"), "print('hi')\n");
            Path linkOut = Files.createDirectories(root.resolve("link-out"));
            Files.createSymbolicLink(linkOut.resolve("passwd"), Path.of("/etc/passwd"));
            Path broken = Files.createDirectories(root.resolve("broken-link"));
            Files.createSymbolicLink(broken.resolve("gone"), broken.resolve("nothing-here"));
            Path withPipe = Files.createDirectories(root.resolve("with-pipe"));
            Process mkfifo = new ProcessBuilder("mkfifo", withPipe.resolve("pipe").toString()).start();
            assertThat(mkfifo.waitFor()).isZero();
            Path linkToGood = Files.createSymbolicLink(root.resolve("link-to-good"), good);
            return List.of(good.toString(), linkOut.toString(), broken.toString(), withPipe.toString(),
                    linkToGood.toString(), good.resolve("train.py").toString(), root.resolve("missing").toString(),
                    good.resolve("../../../../../../etc").toString(), "/etc", "/", "../../etc", "relative/folder");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
