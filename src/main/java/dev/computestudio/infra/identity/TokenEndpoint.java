package dev.computestudio.infra.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The HTTP side of the managed-identity endpoint (JDK {@code HttpServer}): {@value #TOKEN_PATH}
 * answers token requests, {@value #JWKS_PATH} publishes the public keys. It listens on loopback,
 * and on more addresses only when asked (the Docker bridge, for jobs in containers); never on
 * every interface.
 */
final class TokenEndpoint implements AutoCloseable {

    static final String TOKEN_PATH = "/msi/token";
    static final String JWKS_PATH = "/msi/jwks";
    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TokenRequests requests;
    private final Supplier<String> jwks;
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "identity-endpoint");
        thread.setDaemon(true);
        return thread;
    });

    TokenEndpoint(TokenRequests requests, Supplier<String> jwks) {
        this.requests = requests;
        this.jwks = jwks;
    }

    /**
     * Listens on {@code address}, on {@code preferredPort} when it is free (0: any).
     *
     * @return the port it listens on
     */
    synchronized int listen(InetAddress address, int preferredPort) {
        HttpServer server;
        try {
            try {
                server = HttpServer.create(new InetSocketAddress(address, preferredPort), 16);
            } catch (BindException e) {
                if (preferredPort == 0) {
                    throw e;
                }
                server = HttpServer.create(new InetSocketAddress(address, 0), 16);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address.getHostAddress() + ": " + e.getMessage(), e);
        }
        server.createContext(TOKEN_PATH, this::token);
        server.createContext(JWKS_PATH, this::jwks);
        server.createContext("/", exchange -> send(exchange, 404, error("not_found",
                "Nothing here: ask " + TOKEN_PATH + " for tokens and " + JWKS_PATH + " for the signing keys")));
        server.setExecutor(workers);
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, error("invalid_request", "Use GET"));
            return;
        }
        if (!TOKEN_PATH.equals(exchange.getRequestURI().getPath())) {
            send(exchange, 404, error("not_found", "Ask " + TOKEN_PATH + " for tokens"));
            return;
        }
        // The App Service form of the header works too, for SDKs that send that one.
        String secret = exchange.getRequestHeaders().getFirst("secret");
        if (secret == null) {
            secret = exchange.getRequestHeaders().getFirst("X-IDENTITY-HEADER");
        }
        TokenRequests.Answer answer;
        try {
            answer = requests.answer(secret, query(exchange.getRequestURI().getRawQuery()));
        } catch (RuntimeException e) {
            LOG.warn("a token request failed: {}", e.getMessage());
            answer = new TokenRequests.Answer(500, error("server_error", "The endpoint failed: " + e.getMessage()));
        }
        send(exchange, answer.status(), answer.body());
    }

    private void jwks(HttpExchange exchange) throws IOException {
        byte[] body = jwks.get().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, Object> error(String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return body;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    @Override
    public synchronized void close() {
        servers.forEach(server -> server.stop(0));
        servers.clear();
        workers.shutdownNow();
    }
}
