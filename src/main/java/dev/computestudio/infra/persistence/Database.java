package dev.computestudio.infra.persistence;

import dev.computestudio.domain.port.ClusterRepository;
import dev.computestudio.domain.port.EngineLease;
import dev.computestudio.domain.port.EventLog;
import dev.computestudio.domain.port.IdentityCredentialRepository;
import dev.computestudio.domain.port.IdentityRepository;
import dev.computestudio.domain.port.JobRepository;
import dev.computestudio.domain.port.LockRepository;
import dev.computestudio.domain.port.NodeRepository;
import dev.computestudio.domain.port.QuotaRepository;
import dev.computestudio.domain.port.Repositories;
import dev.computestudio.domain.port.SettingsRepository;
import dev.computestudio.domain.port.UnitOfWork;
import dev.computestudio.domain.port.WorkspaceRepository;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The embedded H2 database that holds all of Compute Studio's state, migrated to the current
 * schema on open, and the repositories over it.
 *
 * <p>A file database is opened in H2's AUTO_SERVER mode: the first process to open it serves it,
 * and later ones (a CLI call beside the studio window) connect to that process, so every process
 * sees the same state. Its folder and files are readable by their owner only, because they hold
 * secrets such as SSH passwords as given.
 */
public final class Database implements AutoCloseable {

    static {
        // AUTO_SERVER listens on every interface by default; only this machine's processes share the file.
        // H2 reads the property once, when its first class loads, which is after this.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /** The base name of the files in the data folder: compute-studio.mv.db and, while open, its .lock.db. */
    static final String NAME = "compute-studio";

    private static final String USER = "sa";
    /**
     * Parsed statements kept per connection: an engine pass runs a few dozen distinct statements,
     * more than H2's default 8, and parsing them again was a tenth of a pass.
     */
    private static final String QUERY_CACHE = ";QUERY_CACHE_SIZE=64";
    /**
     * H2 writes a commit to the file up to half a second later by default, so a process killed in
     * that time (a crash, SIGKILL, a power cut of the studio's machine) lost changes it had already
     * reported done: a submitted job, a cancel, a job's end. Each commit is written at once.
     */
    private static final String DURABLE_COMMITS = ";WRITE_DELAY=0";
    private static final Duration OPEN_PATIENCE = Duration.ofSeconds(60);
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final JdbcConnectionPool pool;
    private final boolean inMemory;
    private final Jdbc jdbc;
    private final WorkspaceRepository workspaces;
    private final ClusterRepository clusters;
    private final NodeRepository nodes;
    private final JobRepository jobs;
    private final QuotaRepository quotas;
    private final LockRepository locks;
    private final IdentityRepository identities;
    private final IdentityCredentialRepository identityCredentials;
    private final EventLog eventLog;
    private final SettingsRepository settings;
    private final EngineLease lease;
    private boolean closed;

    private Database(JdbcConnectionPool pool, boolean inMemory) {
        this.pool = pool;
        this.inMemory = inMemory;
        this.jdbc = new Jdbc(pool);
        this.workspaces = new JdbcWorkspaceRepository(jdbc);
        this.clusters = new JdbcClusterRepository(jdbc);
        this.nodes = new JdbcNodeRepository(jdbc);
        this.jobs = new JdbcJobRepository(jdbc);
        this.quotas = new JdbcQuotaRepository(jdbc);
        this.locks = new JdbcLockRepository(jdbc);
        this.identities = new JdbcIdentityRepository(jdbc);
        // Never part of the engine pass's unit of work: a job started in the pass asks the token
        // endpoint (another connection) with its node's secret at once, so the secret is committed at once.
        this.identityCredentials = new JdbcIdentityCredentialRepository(new Jdbc(pool));
        this.eventLog = new JdbcEventLog(jdbc);
        this.settings = new JdbcSettingsRepository(jdbc);
        this.lease = new JdbcEngineLease(jdbc);
    }

    /**
     * Opens (creating it if needed) the database in {@code dataFolder}, e.g. {@code ~/.compute-studio}.
     * A folder that does not exist yet is created owner-only (rwx------); an existing one keeps its
     * permissions, and the database files in it are made owner-only (rw-------) either way. On file
     * systems without POSIX permissions both are left to the system's defaults.
     */
    public static Database openFile(Path dataFolder) {
        Path folder = dataFolder.toAbsolutePath().normalize();
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            } else {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + folder, e);
        }
        // AUTO_RECONNECT: when the process serving the file dies, the others take over instead of failing.
        Database database = open("jdbc:h2:file:" + folder.resolve(NAME) + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE"
                + DURABLE_COMMITS + QUERY_CACHE,
                false);
        if (posix) {
            try {
                restrictDatabaseFiles(folder);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }
        return database;
    }

    /**
     * Opens a new, empty database that lives in this process's memory until it is closed: the same
     * schema and repositories without a file, for fast tests.
     */
    public static Database openInMemory() {
        return open("jdbc:h2:mem:" + NAME + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + QUERY_CACHE, true);
    }

    private static Database open(String url, boolean inMemory) {
        long deadline = System.nanoTime() + OPEN_PATIENCE.toNanos();
        for (int attempt = 1; ; attempt++) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, "");
            try {
                Migrations.apply(pool);
                return new Database(pool, inMemory);
            } catch (RuntimeException e) {
                pool.dispose();
                if (!isLockHandover(e) || System.nanoTime() > deadline) {
                    throw new PersistenceException("cannot open the database " + url + ": " + e.getMessage(), e);
                }
                pause(attempt);
            }
        }
    }

    /**
     * H2 refuses an open while another process is starting or stopping to serve the file ("Lock
     * file recently modified", "Concurrent update", "already in use"), and a process whose JVM
     * is exiting drops those connected through it ("Database is already closed"); that passes
     * within moments, so the open is tried again.
     */
    private static boolean isLockHandover(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1
                    || sql.getErrorCode() == ErrorCode.ERROR_OPENING_DATABASE_1
                    || sql.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN)) {
                return true;
            }
        }
        return false;
    }

    /** Random waits, so that processes which collided once do not collide again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, Math.min(1_000, 100L * attempt) + 21));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("interrupted while waiting for the database", e);
        }
    }

    /** H2 creates the files with the process's default permissions; narrow them once they exist. */
    private static void restrictDatabaseFiles(Path folder) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, NAME + ".*")) {
            for (Path file : files) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
                    } catch (NoSuchFileException e) {
                        // Another process closed the database and H2 removed its lock file meanwhile.
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the database files in " + folder + " owner-only", e);
        }
    }

    public WorkspaceRepository workspaces() {
        return workspaces;
    }

    public ClusterRepository clusters() {
        return clusters;
    }

    public NodeRepository nodes() {
        return nodes;
    }

    public JobRepository jobs() {
        return jobs;
    }

    public QuotaRepository quotas() {
        return quotas;
    }

    public LockRepository locks() {
        return locks;
    }

    public IdentityRepository identities() {
        return identities;
    }

    /** The managed-identity endpoint's secrets (hashes); only the endpoint uses them, so not in {@link #repositories()}. */
    public IdentityCredentialRepository identityCredentials() {
        return identityCredentials;
    }

    public EventLog eventLog() {
        return eventLog;
    }

    public SettingsRepository settings() {
        return settings;
    }

    public EngineLease lease() {
        return lease;
    }

    /** Every repository, for the composition root. */
    public Repositories repositories() {
        return new Repositories(workspaces, clusters, nodes, jobs, quotas, locks, identities, eventLog, settings, lease,
                new UnitOfWork() {
                    @Override
                    public void run(Runnable work) {
                        jdbc.inUnitOfWork(work);
                    }

                    @Override
                    public void commitSoFar() {
                        jdbc.commitUnitOfWork();
                    }

                    @Override
                    public <T> T atomically(Supplier<T> work) {
                        return jdbc.atomically(work);
                    }
                });
    }

    /**
     * Gives back this process's connections. A file database stays open while another
     * {@code Database} on the same folder still uses it; a memory database is gone.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (inMemory) {
                // DB_CLOSE_DELAY=-1 keeps a memory database alive without connections, so end it here.
                jdbc.update("SHUTDOWN", p -> { });
            }
        } finally {
            pool.dispose();
        }
    }
}
