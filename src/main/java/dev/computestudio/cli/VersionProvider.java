package dev.computestudio.cli;

import picocli.CommandLine;

import java.util.function.Supplier;

/** {@code --version}: the product, the runner {@code --runner auto} would pick, Java and the OS. */
final class VersionProvider implements CommandLine.IVersionProvider {

    private final String version;
    private final Supplier<String> runnerProbe;

    VersionProvider(String version, Supplier<String> runnerProbe) {
        this.version = version;
        this.runnerProbe = runnerProbe;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "Compute Studio " + version,
            "Runner (auto): " + runnerProbe.get(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
            "OS " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
