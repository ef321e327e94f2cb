package dev.computestudio.domain;

/** One row of list-usage: what is used of a limit. {@code unit} is "Count" or "vCPUs". */
public record QuotaUsage(String key, String name, long currentValue, long limit, String unit) {

    public long available() {
        return Math.max(0, limit - currentValue);
    }
}
