package dev.computestudio.infra.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.port.EnvironmentTable;
import dev.computestudio.domain.port.SpecCodec;
import dev.computestudio.infra.yaml.YamlNode.Mapping;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Azure ML v2 YAML with Jackson: a located tree for reading (lines in messages), a mapper for writing. */
public final class YamlSpecCodec implements SpecCodec {

    static final YAMLMapper WRITER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            // A key or a resource id on one line, however long: people copy them.
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private final EnvironmentTable environments;

    public YamlSpecCodec(EnvironmentTable environments) {
        this.environments = environments;
    }

    @Override
    public ClusterDocument readCluster(String text, String source, Map<String, String> overrides) {
        ReadContext context = new ReadContext(source);
        Mapping root = root(text, context, overrides, Message.of("invalid.cluster-file.needs"));
        ClusterDocument document = ClusterYaml.read(root, context);
        context.problems.throwIfAny();
        return document;
    }

    @Override
    public String writeCluster(String name, ClusterSpec spec) {
        String yaml = write(ClusterYaml.write(name, spec));
        if (spec.ssh().adminPassword() != null && !spec.ssh().adminPassword().isBlank()) {
            yaml += "# ssh_settings.admin_password is never written out: give it again to create this cluster\n"
                    + "# (--set ssh_settings.admin_password=...).\n";
        }
        return yaml;
    }

    @Override
    public JobDocument readJob(String text, String source, Path baseFolder, Map<String, String> overrides) {
        ReadContext context = new ReadContext(source);
        Mapping root = root(text, context, overrides, Message.of("invalid.job-file.needs"));
        JobDocument document = JobYaml.read(root, context, baseFolder, environments);
        context.problems.throwIfAny();
        return document;
    }

    @Override
    public String writeJob(JobSpec spec) {
        return write(JobYaml.write(spec));
    }

    /** The document's top mapping, with the overrides applied; a file that is empty or not a mapping is refused. */
    private static Mapping root(String text, ReadContext context, Map<String, String> overrides, Message needs) {
        YamlNode root = YamlTree.parse(text, context.source, context.warnings);
        if (root == null) {
            root = new Mapping(new YamlNode.Mark(context.source, 1, 1));
            if (overrides.isEmpty()) {
                throw ValidationException.of(YamlTree.FILE, "empty", Message.of("invalid.file.empty", context.source,
                        needs));
            }
        }
        if (!(root instanceof Mapping mapping)) {
            throw ValidationException.of(YamlTree.FILE, "mapping",
                    root.mark().locate(Message.of("invalid.file.not-mapping", YamlNode.describe(root))));
        }
        Overrides.apply(mapping, overrides);
        return mapping;
    }

    static String write(Object document) {
        try {
            return WRITER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
