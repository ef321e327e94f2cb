package dev.computestudio.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The VM sizes a cluster can use, read from {@code vm-sizes.csv}; lookups ignore case as the cloud does. */
public final class VmCatalog {

    public static final String DEFAULT_SIZE = "Standard_DS3_v2";
    private static final String RESOURCE = "/dev/computestudio/domain/vm-sizes.csv";

    private final Map<String, VmSize> byKey;

    public VmCatalog(List<VmSize> sizes) {
        Map<String, VmSize> map = new LinkedHashMap<>();
        sizes.forEach(size -> map.put(key(size.name()), size));
        this.byKey = Collections.unmodifiableMap(map);
    }

    /** The catalog shipped with the product. */
    public static VmCatalog standard() {
        try (InputStream in = VmCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new VmCatalog(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<VmSize> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(name)));
    }

    public List<VmSize> sizes() {
        return List.copyOf(byKey.values());
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static List<VmSize> parse(BufferedReader reader) throws IOException {
        List<VmSize> sizes = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("name,")) {
                continue;
            }
            String[] f = line.split(",", -1);
            sizes.add(new VmSize(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), Integer.parseInt(f[3]),
                    f[4], f[5], Double.parseDouble(f[6]), Double.parseDouble(f[7])));
        }
        return sizes;
    }
}
