package dev.computestudio.domain.port;

import java.util.Map;

/** Quota limits a workspace has raised or lowered; keys without an entry keep their default. */
public interface QuotaRepository {

    void setLimit(String workspace, String key, int limit);

    Map<String, Integer> limits(String workspace);
}
