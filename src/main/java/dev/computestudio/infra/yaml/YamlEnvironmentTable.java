package dev.computestudio.infra.yaml;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.port.EnvironmentTable;
import dev.computestudio.infra.yaml.YamlNode.Mapping;
import dev.computestudio.infra.yaml.YamlNode.Scalar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment table as {@code environments.yml} in the data folder: one line per Azure ML
 * environment name (or {@code name:version}) and the image that stands for it here. It is created
 * with the curated environments people use most, and read again on every use, so an edit by hand
 * counts at once.
 */
public final class YamlEnvironmentTable implements EnvironmentTable {

    public static final String FILE_NAME = "environments.yml";

    /** Curated Azure ML environments and a public image that runs the same kind of code. */
    static final Map<String, String> DEFAULTS = defaults();

    private static final String HEADER = """
            # Azure ML environments and the images that stand for them on this machine.
            # There is no registry here: a job's 'environment: azureml:NAME@latest' runs in the image of NAME,
            # and 'azureml:NAME:VERSION' in the image of "NAME:VERSION" when that line exists, else of NAME.
            # Edit this file, or use: compute-studio environment set --name NAME --image IMAGE
            """;

    private final Path file;

    public YamlEnvironmentTable(Path dataFolder) {
        this.file = dataFolder.resolve(FILE_NAME);
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("AzureML-sklearn-1.0-ubuntu20.04-py38-cpu", "python:3.11-slim");
        defaults.put("AzureML-sklearn-1.5", "python:3.11-slim");
        defaults.put("AzureML-lightgbm-3.3", "python:3.11-slim");
        defaults.put("AzureML-minimal-ubuntu20.04-py38-cpu", "python:3.11-slim");
        defaults.put("AzureML-pytorch-1.10-ubuntu18.04-py38-cuda11-gpu", "pytorch/pytorch:latest");
        defaults.put("AzureML-ACPT-pytorch-2.2-cuda12.1", "pytorch/pytorch:latest");
        defaults.put("AzureML-tensorflow-2.12-cuda11", "tensorflow/tensorflow:2.12.0");
        return defaults;
    }

    @Override
    public Optional<String> imageFor(String name, String version) {
        Map<String, String> entries = entries();
        if (version != null && entries.containsKey(name + ":" + version)) {
            return Optional.of(entries.get(name + ":" + version));
        }
        return Optional.ofNullable(entries.get(name));
    }

    @Override
    public synchronized Map<String, String> entries() {
        if (!Files.exists(file)) {
            write(DEFAULTS);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the environment table " + file + ": " + e.getMessage(), e);
        }
        return read(text);
    }

    private Map<String, String> read(String text) {
        List<Problem> warnings = new ArrayList<>();
        YamlNode root = YamlTree.parse(text, file.toString(), warnings);
        Map<String, String> entries = new LinkedHashMap<>();
        if (root == null) {
            return entries;
        }
        if (!(root instanceof Mapping mapping)) {
            throw ValidationException.of(FILE_NAME, "mapping",
                    root.mark().locate(Message.of("invalid.environments.not-mapping")));
        }
        mapping.entries().forEach((key, entry) -> {
            if (!(entry.value() instanceof Scalar scalar) || scalar.text() == null || scalar.text().isBlank()) {
                throw ValidationException.of(FILE_NAME, "image",
                        entry.mark().locate(Message.of("invalid.environments.image", key)));
            }
            entries.put(key, scalar.text().trim());
        });
        return entries;
    }

    @Override
    public synchronized void put(String key, String image) {
        Map<String, String> entries = new LinkedHashMap<>(entries());
        entries.put(key, image);
        write(entries);
    }

    @Override
    public synchronized boolean remove(String key) {
        Map<String, String> entries = new LinkedHashMap<>(entries());
        if (entries.remove(key) == null) {
            return false;
        }
        write(entries);
        return true;
    }

    @Override
    public String location() {
        return file.toString();
    }

    /** Written whole to a temporary file, then moved over the table: a reader never sees half a file. */
    private void write(Map<String, String> entries) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            String body = entries.isEmpty() ? "" : YamlSpecCodec.write(entries);
            Files.writeString(temporary, HEADER + body, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the environment table " + file + ": " + e.getMessage(), e);
        }
    }
}
