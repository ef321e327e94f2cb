package dev.computestudio.ui.compute;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.service.ClusterFiles;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * "Import YAML..." (and a .yml dropped on the screen) and "Export YAML" of the compute screen: the
 * file is read and the cluster created on the background executor, and what came of it (the
 * problems, with their lines, or the warnings) is told through the screen's feedback.
 */
public final class ClusterYamlActions {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterYamlActions.class);

    private final ClusterFiles files;
    private final UiThreads threads;
    private final Messages messages;
    private final Supplier<String> workspace;
    private final Supplier<String> selectedCluster;
    private final Consumer<Feedback> feedback;
    private final Consumer<String> created;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding importDisabled;
    private final BooleanBinding exportDisabled;

    /**
     * @param files           null when the studio offers no YAML (both actions stay disabled)
     * @param selectedCluster the selected cluster created here, or null
     * @param created         shows a created cluster (reads the compute again and selects it)
     */
    ClusterYamlActions(ClusterFiles files, UiThreads threads, Messages messages, Supplier<String> workspace,
                       Supplier<String> selectedCluster, ObservableBooleanValue noWorkspace,
                       ObservableBooleanValue noManagedSelection, Consumer<Feedback> feedback, Consumer<String> created) {
        this.files = files;
        this.threads = threads;
        this.messages = messages;
        this.workspace = workspace;
        this.selectedCluster = selectedCluster;
        this.feedback = feedback;
        this.created = created;
        boolean unavailable = files == null;
        importDisabled = Bindings.createBooleanBinding(() -> unavailable || noWorkspace.get() || busy.get(),
                noWorkspace, busy);
        exportDisabled = Bindings.createBooleanBinding(() -> unavailable || noManagedSelection.get(),
                noManagedSelection);
    }

    /** A file a user may drop to import: a .yml or .yaml. */
    public static boolean isYamlFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    // Commands

    /** Creates a cluster in the shown workspace from each YAML file, one after the other, off the FX thread. */
    public void importFiles(List<Path> chosen) {
        if (importDisabled.get() || chosen.isEmpty()) {
            return;
        }
        List<Path> yaml = chosen.stream().filter(ClusterYamlActions::isYamlFile).toList();
        if (yaml.isEmpty()) {
            feedback.accept(new Feedback(Feedback.Kind.ERROR,
                    Texts.format(messages, "compute.yaml.notYaml", chosen.get(0).getFileName())));
            return;
        }
        String ws = workspace.get();
        busy.set(true);
        feedback.accept(new Feedback(Feedback.Kind.INFO, Texts.format(messages, "compute.yaml.importing",
                yaml.stream().map(file -> file.getFileName().toString()).collect(Collectors.joining(", ")))));
        threads.background().execute(() -> {
            List<String> done = new ArrayList<>();
            List<String> reports = new ArrayList<>();
            boolean failed = false;
            for (Path file : yaml) {
                try {
                    ClusterFiles.Imported imported = files.importCluster(ws, file);
                    done.add(imported.cluster().name());
                    reports.add(report(imported, file));
                } catch (ValidationException | ConflictException | NotFoundException e) {
                    failed = true;
                    reports.add(describe(e));
                } catch (RuntimeException e) {
                    LOG.warn("Could not import {}", file, e);
                    failed = true;
                    reports.add(Texts.format(messages, "compute.failed", e.getMessage()));
                }
            }
            Feedback.Kind kind = failed ? Feedback.Kind.ERROR
                    : reports.stream().anyMatch(text -> text.contains("\n")) ? Feedback.Kind.INFO : Feedback.Kind.SUCCESS;
            Feedback result = new Feedback(kind, String.join("\n", reports));
            threads.fx().execute(() -> {
                busy.set(false);
                feedback.accept(result);
                if (!done.isEmpty()) {
                    created.accept(done.get(done.size() - 1));
                }
            });
        });
    }

    public void importFile(Path file) {
        importFiles(List.of(file));
    }

    /** Saves the selected cluster's amlCompute YAML to a file, off the FX thread. */
    public void exportSelected(Path file) {
        String name = selectedCluster.get();
        if (exportDisabled.get() || name == null) {
            return;
        }
        String ws = workspace.get();
        threads.background().execute(() -> {
            Feedback result;
            try {
                files.exportCluster(ws, name, file);
                result = new Feedback(Feedback.Kind.SUCCESS, Texts.format(messages, "compute.yaml.exported", name, file));
            } catch (ValidationException | ConflictException | NotFoundException e) {
                result = new Feedback(Feedback.Kind.ERROR, describe(e));
            } catch (RuntimeException e) {
                LOG.warn("Could not export {}", name, e);
                result = new Feedback(Feedback.Kind.ERROR, Texts.format(messages, "compute.failed", e.getMessage()));
            }
            Feedback shown = result;
            threads.fx().execute(() -> feedback.accept(shown));
        });
    }

    /** The name "Export YAML" proposes: the cluster's. */
    public String suggestedFileName() {
        String name = selectedCluster.get();
        return (name == null ? "cluster" : name) + ".yml";
    }

    // Internals

    private String report(ClusterFiles.Imported imported, Path file) {
        List<String> warnings = new ArrayList<>();
        imported.fileWarnings().forEach(warning -> warnings.add(warning.message()));
        warnings.addAll(imported.quotaWarnings());
        String name = imported.cluster().name();
        String fileName = file.getFileName().toString();
        return warnings.isEmpty() ? Texts.format(messages, "compute.yaml.imported", name, fileName)
                : Texts.format(messages, "compute.yaml.importedWarnings", name, fileName, String.join("\n", warnings));
    }

    private static String describe(RuntimeException e) {
        if (e instanceof ValidationException invalid) {
            return invalid.problems().stream().map(ClusterYamlActions::line).collect(Collectors.joining("\n"));
        }
        return e.getMessage();
    }

    private static String line(Problem problem) {
        return problem.field() + ": " + problem.message();
    }

    // Read-only views

    public BooleanBinding importDisabledProperty() {
        return importDisabled;
    }

    public BooleanBinding exportDisabledProperty() {
        return exportDisabled;
    }

    /** True while files are being read. */
    public javafx.beans.property.ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
