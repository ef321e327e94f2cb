package dev.computestudio.testing;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards a Unix socket of the test's own to the Docker engine's, so that a test can make the
 * engine "go away" (and come back) without stopping the real one that other tests use.
 */
public final class UnixSocketProxy implements AutoCloseable {

    private final Path listen;
    private final Path target;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocketChannel server;

    public UnixSocketProxy(Path listen, Path target) {
        this.listen = listen;
        this.target = target;
    }

    /**
     * The socket file of a Docker host address (unix:///var/run/docker.sock), so that the proxy
     * forwards to whichever engine the environment names; empty for an engine over TCP.
     */
    public static Optional<Path> socketOf(String dockerHost) {
        String scheme = "unix://";
        return dockerHost.startsWith(scheme) ? Optional.of(Path.of(dockerHost.substring(scheme.length())))
                : Optional.empty();
    }

    /** The DOCKER_HOST value that reaches the engine through this proxy. */
    public String dockerHost() {
        return "unix://" + listen;
    }

    public void start() throws IOException {
        Files.deleteIfExists(listen);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(listen));
        ServerSocketChannel accepting = server;
        Thread acceptor = new Thread(() -> {
            while (accepting.isOpen()) {
                try {
                    SocketChannel client = accepting.accept();
                    SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(target));
                    open.add(client);
                    open.add(engine);
                    pump(client, engine);
                    pump(engine, client);
                } catch (IOException e) {
                    return;
                }
            }
        }, "docker-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public boolean isRunning() {
        return server != null && server.isOpen();
    }

    /** The engine stops answering: the socket is gone and every connection is cut. */
    public void stop() throws IOException {
        server.close();
        for (SocketChannel channel : open) {
            channel.close();
        }
        open.clear();
        Files.deleteIfExists(listen);
    }

    @Override
    public void close() throws IOException {
        if (isRunning()) {
            stop();
        }
    }

    private static void pump(SocketChannel from, SocketChannel to) {
        Thread thread = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                // the other side closed: the connection is over
            }
        }, "docker-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }
}
