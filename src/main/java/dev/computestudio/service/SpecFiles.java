package dev.computestudio.service;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.port.SpecCodec;
import dev.computestudio.domain.port.SpecCodec.ClusterDocument;
import dev.computestudio.domain.port.SpecCodec.JobDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Azure ML v2 YAML files for clusters ({@code compute create -f}) and command jobs ({@code job
 * create -f}), and the YAML of existing ones ({@code show -o yaml}), which those commands accept
 * again. Reading goes through the {@link SpecCodec} port; creating through the services, so a file
 * meets exactly the rules the command line and the studio meet.
 */
public final class SpecFiles implements ClusterFiles {

    private final SpecCodec codec;
    private final ComputeService compute;
    private final JobService jobs;

    public SpecFiles(SpecCodec codec, ComputeService compute, JobService jobs) {
        this.codec = codec;
        this.compute = compute;
        this.jobs = jobs;
    }

    /** A job submitted from a file, and the keys that were ignored. */
    public record JobImport(Job job, List<Problem> fileWarnings) {
        public JobImport {
            fileWarnings = List.copyOf(fileWarnings);
        }
    }

    @Override
    public Imported importCluster(String workspace, Path file) {
        return createCluster(workspace, file, Map.of());
    }

    /** Creates the cluster of an amlCompute file, with {@code --set} style overrides applied over it. */
    public Imported createCluster(String workspace, Path file, Map<String, String> overrides) {
        String source = file.getFileName().toString();
        ClusterDocument document = codec.readCluster(read(file), source, overrides);
        try {
            ComputeService.Created created = compute.create(workspace, document.name(), document.spec());
            return new Imported(created.cluster(), created.warnings(), document.warnings());
        } catch (ValidationException e) {
            throw located(e, source, document.lines());
        }
    }

    /** Submits the command job of a file; relative paths in it are taken from the file's folder. */
    public JobImport createJob(String workspace, Path file, Map<String, String> overrides) {
        String source = file.getFileName().toString();
        Path folder = file.toAbsolutePath().normalize().getParent();
        JobDocument document = codec.readJob(read(file), source, folder, overrides);
        try {
            return new JobImport(jobs.submit(workspace, document.spec()), document.warnings());
        } catch (ValidationException e) {
            throw located(e, source, document.lines());
        }
    }

    /** The amlCompute YAML of a cluster created here. */
    public String clusterYaml(String workspace, String name) {
        ComputeCluster cluster = compute.show(workspace, name);
        if (cluster.isAttached()) {
            throw new ConflictException("name", Message.of("conflict.compute.attached-no-yaml", name,
                    cluster.attachedResourceId()));
        }
        return codec.writeCluster(cluster.name(), cluster.spec());
    }

    @Override
    public void exportCluster(String workspace, String name, Path file) {
        String yaml = clusterYaml(workspace, name);
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The commandJob YAML of a job: what it was submitted with. */
    public String jobYaml(String workspace, String name) {
        return codec.writeJob(jobs.show(workspace, name).spec());
    }

    /**
     * The file's text, refused when it is not a readable file of at most
     * {@link SpecCodec#MAX_FILE_BYTES} of UTF-8. At most one byte more than that is ever read, so a
     * huge file, a device or a pipe that never ends cannot fill memory.
     */
    private static String read(Path file) {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(SpecCodec.MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw ValidationException.of("file", "readable", Message.of("invalid.file.missing", file.toString()));
        } catch (IOException e) {
            throw ValidationException.of("file", "readable",
                    Message.of("invalid.file.unreadable", file.toString(), e.getMessage()));
        }
        if (bytes.length > SpecCodec.MAX_FILE_BYTES) {
            throw SpecCodec.tooLarge(source);
        }
        if (startsWithUtf16Mark(bytes)) {
            throw ValidationException.of("file", "utf-8", Message.of("invalid.file.utf-16", file.toString()));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ValidationException.of("file", "utf-8", Message.of("invalid.file.not-utf-8", file.toString()));
        }
    }

    private static boolean startsWithUtf16Mark(byte[] bytes) {
        return bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
    }

    /** The services' problems name a field; this adds the line of the file where that field was. */
    private static ValidationException located(ValidationException e, String source, SpecCodec.Lines lines) {
        List<Problem> problems = e.problems().stream().map(problem -> {
            var line = lines.of(problem.field());
            return line.isPresent() ? new Problem(problem.field(), problem.rule(), Message.of("problem.at",
                    Message.of("where.line", source, line.getAsInt()), problem.text())) : problem;
        }).toList();
        return new ValidationException(problems);
    }
}
