package dev.computestudio.cli;

import picocli.CommandLine;

/** {@code --version}: the product, the Java runtime and the operating system it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {

    private final String version;

    VersionProvider(String version) {
        this.version = version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "Compute Studio " + version,
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
            "OS " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
