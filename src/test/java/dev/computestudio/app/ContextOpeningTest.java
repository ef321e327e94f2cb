package dev.computestudio.app;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.engine.EngineSettings;
import dev.computestudio.infra.persistence.Database;
import dev.computestudio.infra.runner.ProcessNodeRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContextOpeningTest {

    @TempDir
    Path folder;

    @Test
    void opensOnAnotherThreadAndClosesWhatItOpened() {
        Thread[] openedOn = new Thread[1];
        AppContext context;
        try (ContextOpening opening = ContextOpening.start(() -> {
            openedOn[0] = Thread.currentThread();
            return AppContext.over(folder, Database.openInMemory(), new ProcessNodeRunner(folder),
                    Clock.systemUTC(), EngineSettings.defaults(), "test");
        })) {
            context = opening.await();
            assertThat(context.workspaces().list()).isEmpty();
        }

        assertThat(openedOn[0]).isNotSameAs(Thread.currentThread());
        assertThatThrownBy(() -> context.workspaces().list()).hasMessageContaining("disposed");
    }

    @Test
    void aFailureComesOutAsItWasThrown() {
        ValidationException failure = ValidationException.of("runner", "docker-engine",
                Message.of("invalid.runner.no-docker", "unix:///var/run/docker.sock"));
        try (ContextOpening opening = ContextOpening.start(() -> {
            throw failure;
        })) {
            assertThatThrownBy(opening::await).isSameAs(failure);
        }
    }
}
