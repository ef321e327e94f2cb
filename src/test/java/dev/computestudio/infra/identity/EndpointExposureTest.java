package dev.computestudio.infra.identity;

import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.infra.persistence.Database;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the managed-identity endpoint and the data folder expose to other users and machines: the
 * endpoint listens on loopback only, and the database, the data folder and the signing key are
 * readable by their owner only.
 */
class EndpointExposureTest {

    private static final Path TCP4 = Path.of("/proc/net/tcp");
    private static final Path TCP6 = Path.of("/proc/net/tcp6");
    /** The state of a listening socket in /proc/net/tcp. */
    private static final String LISTEN = "0A";

    @TempDir
    Path folder;
    private StudioFixture studio;

    @BeforeEach
    void open() {
        studio = new StudioFixture(folder.resolve("data"));
        studio.createCluster("sys-cluster", dedicated(DS3, 0, 1).withIdentity(ClusterIdentity.SYSTEM_ASSIGNED));
    }

    @AfterEach
    void close() {
        studio.close();
    }

    /** Starts the endpoint as a user's first token request does; its port. */
    private int startedEndpointPort() {
        assertThat(studio.identities.requestToken(WS, "sys-cluster", "https://management.azure.com/", null)
                .signatureVerified()).isTrue();
        return URI.create(studio.context.identityEndpoint().orElseThrow()).getPort();
    }

    @Test
    void theTokenEndpointIsBoundToLoopbackOnly() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(TCP4), "no /proc/net/tcp here (not Linux): the bound addresses "
                + "cannot be read");
        int port = startedEndpointPort();

        List<String> bound = listeningAddresses(port);

        assertThat(bound).as("addresses listening on port " + port).isNotEmpty()
                .allSatisfy(address -> assertThat(address).isIn("127.0.0.1", "::1"));
    }

    @Test
    void itDoesNotAnswerOnAnotherAddressOfThisMachine() throws IOException {
        int port = startedEndpointPort();

        // Another loopback address: the same machine, but not the one the endpoint is bound to.
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), port), 2_000);
            }
        }).isInstanceOf(ConnectException.class);

        // The machine's network addresses: no traffic is sent to them from here (this workplace allows
        // traffic to loopback only), so the kernel's table of listening sockets says whether they answer.
        List<InetAddress> others = nonLoopbackAddresses();
        Assumptions.assumeFalse(others.isEmpty(), "this machine has no address besides loopback; only 127.0.0.2 "
                + "was tried");
        Assumptions.assumeTrue(Files.isReadable(TCP4), "no /proc/net/tcp here: the listening sockets cannot be read");
        List<String> bound = listeningAddresses(port);
        for (InetAddress other : others) {
            assertThat(bound).as("listening on %s port %d", other.getHostAddress(), port)
                    .doesNotContain(other.getHostAddress(), "0.0.0.0", "::");
        }
    }

    @Test
    void theDatabaseTheDataFolderAndTheSigningKeyAreOwnerOnly() throws IOException {
        Path data = folder.resolve("fresh-data");
        try (Database database = Database.openFile(data)) {
            database.workspaces().list();
            assertThat(permissions(data)).isEqualTo("rwx------");
            assertThat(permissions(data.resolve("compute-studio.mv.db"))).isEqualTo("rw-------");
            try (var files = Files.newDirectoryStream(data, "compute-studio.*")) {
                files.forEach(file -> assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------"));
            }
        }

        startedEndpointPort();

        Path keyFolder = studio.dataFolder.resolve(SigningKey.FOLDER);
        assertThat(permissions(keyFolder)).isEqualTo("rwx------");
        assertThat(permissions(keyFolder.resolve(SigningKey.FILE))).isEqualTo("rw-------");
        try (var keyFiles = Files.list(keyFolder)) {
            assertThat(keyFiles.map(file -> file.getFileName().toString())).containsExactly(SigningKey.FILE);
        }
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The local addresses of the sockets listening on a port, from the kernel's tables. */
    private static List<String> listeningAddresses(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (Path table : List.of(TCP4, TCP6)) {
            if (!Files.isReadable(table)) {
                continue;
            }
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                String[] local = columns[1].split(":");
                if (Integer.parseInt(local[1], 16) == port && columns[3].equals(LISTEN)) {
                    addresses.add(InetAddress.getByAddress(littleEndianWords(local[0])).getHostAddress()
                            .replace("0:0:0:0:0:0:0:1", "::1").replace("0:0:0:0:0:0:0:0", "::"));
                }
            }
        }
        return addresses;
    }

    /** /proc/net/tcp writes an address as 32-bit words, each in the machine's (little-endian) byte order. */
    private static byte[] littleEndianWords(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2).toUpperCase(Locale.ROOT), 16);
            }
        }
        return bytes;
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : NetworkInterface.networkInterfaces().toList()) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            network.inetAddresses().filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                    .forEach(addresses::add);
        }
        return addresses;
    }
}
