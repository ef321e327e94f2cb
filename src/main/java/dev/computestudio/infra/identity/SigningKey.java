package dev.computestudio.infra.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Set;

/**
 * The installation's token-signing key: an RSA key pair kept as a JWK in the data folder,
 * readable by its owner only, made on first use. Every process over the same folder signs with
 * the same key, so a token from one verifies against the keys another publishes.
 */
final class SigningKey {

    static final String FOLDER = "identity";
    static final String FILE = "token-signing-key.jwk.json";
    private static final int BITS = 2048;
    private static final int READ_TRIES = 20;
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private SigningKey() {
    }

    /** The key of this data folder: read, or made and stored when there is none yet. */
    static RSAKey loadOrCreate(Path dataFolder) {
        Path folder = dataFolder.resolve(FOLDER);
        Path file = folder.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(folder, file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token-signing key " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writes a new key beside the target and links it into place, which fails if another process
     * was first: then both use that one. A reader never sees a half-written file.
     */
    private static void create(Path folder, Path file) throws IOException {
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        } else {
            Files.createDirectories(folder);
        }
        Path draft = posix
                ? Files.createTempFile(folder, "key-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                : Files.createTempFile(folder, "key-", ".tmp");
        try {
            Files.writeString(draft, generate().toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.createLink(file, draft);
            } catch (FileAlreadyExistsException e) {
                // Another process made the key first.
            } catch (UnsupportedOperationException e) {
                if (!Files.exists(file)) {
                    Files.move(draft, file);
                }
            }
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static RSAKey read(Path file) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (!key.isPrivate()) {
                    throw new IOException("the file holds no private key");
                }
                return key;
            } catch (ParseException e) {
                if (attempt >= READ_TRIES) {
                    throw new IOException("the file is not a JWK: " + e.getMessage(), e);
                }
                sleep();
            }
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(BITS).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key: " + e.getMessage(), e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
