package dev.computestudio.infra.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The YAML files written for these tests, under src/test/resources/yaml. */
public final class YamlFiles {

    private YamlFiles() {
    }

    public static Path path(String name) {
        URL url = YamlFiles.class.getResource("/yaml/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test file yaml/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String name) {
        try {
            return Files.readString(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
