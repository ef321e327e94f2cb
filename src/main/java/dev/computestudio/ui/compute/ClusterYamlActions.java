package dev.computestudio.ui.compute;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.Problem;
import dev.computestudio.service.ClusterFiles;
import dev.computestudio.ui.common.ServiceCalls;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * "Import YAML..." (and a .yml dropped on the screen) and "Export YAML" of the compute screen: the
 * file is read and the cluster created through {@link ServiceCalls}, and what came of it (the
 * problems, with their lines, or the warnings) is told through the screen's feedback.
 */
public final class ClusterYamlActions {

    private final ClusterFiles files;
    private final ServiceCalls calls;
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
    ClusterYamlActions(ClusterFiles files, ServiceCalls calls, Supplier<String> workspace,
                       Supplier<String> selectedCluster, ObservableBooleanValue noWorkspace,
                       ObservableBooleanValue noManagedSelection, Consumer<Feedback> feedback, Consumer<String> created) {
        this.files = files;
        this.calls = calls;
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
            feedback.accept(Feedback.of(Feedback.Kind.ERROR,
                    Message.of("compute.yaml.notYaml", chosen.get(0).getFileName().toString())));
            return;
        }
        busy.set(true);
        feedback.accept(Feedback.of(Feedback.Kind.INFO, Message.of("compute.yaml.importing",
                yaml.stream().map(file -> file.getFileName().toString()).collect(Collectors.joining(", ")))));
        importNext(workspace.get(), yaml, new Outcome());
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
        calls.call(() -> {
            files.exportCluster(ws, name, file);
            return file;
        }, saved -> feedback.accept(Feedback.of(Feedback.Kind.SUCCESS,
                Message.of("compute.yaml.exported", name, saved.toString()))),
                refusal -> feedback.accept(Feedback.refused(refusal)));
    }

    /** The name "Export YAML" proposes: the cluster's. */
    public String suggestedFileName() {
        String name = selectedCluster.get();
        return (name == null ? "cluster" : name) + ".yml";
    }

    // Internals

    /** What the files imported so far came to. */
    private static final class Outcome {
        final List<String> done = new ArrayList<>();
        final List<Message> lines = new ArrayList<>();
        boolean failed;
        boolean warned;
    }

    private void importNext(String ws, List<Path> left, Outcome outcome) {
        if (left.isEmpty()) {
            busy.set(false);
            Feedback.Kind kind = outcome.failed ? Feedback.Kind.ERROR
                    : outcome.warned ? Feedback.Kind.INFO : Feedback.Kind.SUCCESS;
            feedback.accept(new Feedback(kind, outcome.lines));
            if (!outcome.done.isEmpty()) {
                created.accept(outcome.done.get(outcome.done.size() - 1));
            }
            return;
        }
        Path file = left.get(0);
        List<Path> rest = left.subList(1, left.size());
        calls.call(() -> files.importCluster(ws, file), imported -> {
            outcome.done.add(imported.cluster().name());
            report(imported, file, outcome);
            importNext(ws, rest, outcome);
        }, refusal -> {
            outcome.failed = true;
            outcome.lines.addAll(Feedback.lines(refusal));
            importNext(ws, rest, outcome);
        });
    }

    private static void report(ClusterFiles.Imported imported, Path file, Outcome outcome) {
        List<Message> warnings = new ArrayList<>();
        imported.fileWarnings().stream().map(Problem::text).forEach(warnings::add);
        warnings.addAll(imported.quotaWarnings());
        String name = imported.cluster().name();
        String fileName = file.getFileName().toString();
        if (warnings.isEmpty()) {
            outcome.lines.add(Message.of("compute.yaml.imported", name, fileName));
            return;
        }
        outcome.warned = true;
        outcome.lines.add(Message.of("compute.yaml.importedWarnings", name, fileName));
        outcome.lines.addAll(warnings);
    }

    // Read-only views

    public BooleanBinding importDisabledProperty() {
        return importDisabled;
    }

    public BooleanBinding exportDisabledProperty() {
        return exportDisabled;
    }

    /** True while files are being read. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
