package dev.computestudio.service;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.Problems;
import dev.computestudio.domain.port.EnvironmentTable;

import java.util.Map;

/**
 * The local table of Azure ML environment names and the images that stand for them
 * ({@code environment list|set|delete}): there is no registry on one machine.
 */
public final class EnvironmentService {

    private final EnvironmentTable table;

    public EnvironmentService(EnvironmentTable table) {
        this.table = table;
    }

    public Map<String, String> list() {
        return table.entries();
    }

    /** Maps {@code name} (or {@code name:version}) to an image, replacing what it mapped to. */
    public void set(String name, String image) {
        Problems problems = new Problems();
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,254}(:[A-Za-z0-9._-]{1,64})?")) {
            problems.add("name", "environment-name", Message.of("invalid.environment.name", name));
        }
        if (image == null || !image.matches("[a-zA-Z0-9][a-zA-Z0-9._/:@-]*")) {
            problems.add("image", "image-name", Message.of("invalid.environment.image", image));
        }
        problems.throwIfAny();
        table.put(name, image);
    }

    /** @return false when the name was not in the table */
    public boolean delete(String name) {
        return table.remove(name);
    }

    /** Where the table lives, so a user can edit it. */
    public String location() {
        return table.location();
    }
}
