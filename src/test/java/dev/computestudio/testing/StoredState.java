package dev.computestudio.testing;

import dev.computestudio.domain.Job;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Workspace;
import dev.computestudio.domain.port.Repositories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything a rejected request must leave as it was: the rows of every store a create writes,
 * and the files under the data folder. Two snapshots compare equal when nothing was written.
 */
public record StoredState(List<String> workspaces, List<String> clusters, List<String> jobs, long events,
                          List<String> identities, List<String> files) {

    public static StoredState of(Repositories stores, Path dataFolder) {
        List<String> workspaces = stores.workspaces().list().stream().map(Workspace::name).toList();
        List<String> clusters = stores.clusters().listAll().stream()
                .map(cluster -> cluster.workspace() + "/" + cluster.name()).toList();
        List<String> jobs = workspaces.stream().flatMap(ws -> stores.jobs().list(ws).stream())
                .map(Job::name).sorted().toList();
        List<LogEvent> events = stores.events().after(0, Integer.MAX_VALUE);
        List<String> identities = workspaces.stream().flatMap(ws -> stores.identities().list(ws).stream())
                .map(identity -> identity.workspace() + "/" + identity.name()).toList();
        return new StoredState(workspaces, clusters, jobs, events.size(), identities, files(dataFolder));
    }

    private static List<String> files(Path folder) {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> tree = Files.walk(folder)) {
            return tree.map(path -> folder.relativize(path).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
