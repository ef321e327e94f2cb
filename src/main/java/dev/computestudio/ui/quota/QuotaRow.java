package dev.computestudio.ui.quota;

import dev.computestudio.domain.QuotaUsage;

/** One quota as the screen shows it: what is used of the limit, and how full it is. */
public record QuotaRow(String key, String name, long used, long limit, String unit, boolean regional) {

    static QuotaRow of(QuotaUsage usage, boolean regional) {
        return new QuotaRow(usage.key(), usage.name(), usage.currentValue(), usage.limit(), usage.unit(), regional);
    }

    /** 0 to 1; a limit of 0 with nothing used is empty, with something used (or wanted) it is full. */
    public double fraction() {
        if (limit <= 0) {
            return used > 0 ? 1 : 0;
        }
        return Math.min(1, (double) used / limit);
    }

    public boolean exhausted() {
        return used >= limit;
    }
}
