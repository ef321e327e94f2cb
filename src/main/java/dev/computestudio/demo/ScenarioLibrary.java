package dev.computestudio.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The scenarios of a folder ({@code assets/demos/*.yaml}), in file-name order. Each file holds one
 * scenario with its texts in every language it is written in.
 */
public final class ScenarioLibrary {

    /** Overrides where the scenarios are read from. */
    public static final String FOLDER_PROPERTY = "compute-studio.demos";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<Scenario> scenarios;

    private ScenarioLibrary(List<Scenario> scenarios) {
        this.scenarios = List.copyOf(scenarios);
    }

    /** The scenarios of the installation: see {@link #locate()}. */
    public static ScenarioLibrary installed() {
        return load(locate());
    }

    /**
     * Where the scenarios are: the folder named by {@value #FOLDER_PROPERTY}, else {@code assets/demos}
     * beside the code (the project folder the launcher runs from), else in the working folder.
     */
    public static Path locate() {
        String configured = System.getProperty(FOLDER_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            Path code = Path.of(ScenarioLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path folder = code; folder != null; folder = folder.getParent()) {
                Path candidate = folder.resolve("assets").resolve("demos");
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // No code location to start from: fall back to the working folder.
        }
        return Path.of("assets", "demos");
    }

    public static ScenarioLibrary load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ScenarioException("no demo scenarios at " + folder.toAbsolutePath()
                    + "; set -D" + FOLDER_PROPERTY + "=<folder>");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(path -> path.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new ScenarioException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        List<Scenario> read = new ArrayList<>();
        for (Path file : files) {
            read.add(read(file));
        }
        return new ScenarioLibrary(read);
    }

    public static Scenario read(Path file) {
        try {
            return parse(YAML.readTree(file.toFile()), file.getFileName().toString());
        } catch (IOException e) {
            throw new ScenarioException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    static Scenario parse(JsonNode root, String source) {
        String id = required(root, "id", source);
        String workspace = required(root, "workspace", source);
        List<Step> steps = new ArrayList<>();
        JsonNode list = root.path("steps");
        if (!list.isArray() || list.isEmpty()) {
            throw new ScenarioException(source + ": 'steps' must be a list of steps");
        }
        int number = 0;
        for (JsonNode node : list) {
            number++;
            String name = node.path("do").asText("");
            int at = number;
            Action action = Action.parse(name).orElseThrow(() -> new ScenarioException(source + ": step " + at
                    + " has no known 'do' (" + name + ")"));
            Map<String, String> params = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!List.of("do", "say", "screen").contains(field.getKey())) {
                    params.put(field.getKey(), field.getValue().asText());
                }
            }
            steps.add(new Step(action, text(node.get("say")), node.hasNonNull("screen")
                    ? node.get("screen").asText() : null, params));
        }
        return new Scenario(id, workspace, text(root.get("title")), text(root.get("summary")), steps);
    }

    private static String required(JsonNode root, String field, String source) {
        JsonNode value = root.get(field);
        if (value == null || value.asText().isBlank()) {
            throw new ScenarioException(source + ": '" + field + "' is missing");
        }
        return value.asText();
    }

    private static Text text(JsonNode node) {
        if (node == null || node.isNull()) {
            return Text.NONE;
        }
        if (node.isTextual()) {
            return new Text(Map.of("en", node.asText()));
        }
        Map<String, String> byLanguage = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> byLanguage.put(entry.getKey(), entry.getValue().asText().strip()));
        return new Text(byLanguage);
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    public Optional<Scenario> find(String id) {
        return scenarios.stream().filter(scenario -> scenario.id().equals(id)).findFirst();
    }
}
