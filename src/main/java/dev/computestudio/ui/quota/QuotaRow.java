package dev.computestudio.ui.quota;

import dev.computestudio.domain.QuotaUsage;

/**
 * One quota as the screen shows it: what is used of the limit, and how full it is. Its name and
 * unit are the cloud's keys; {@link QuotaViewModel} words them in the user's language.
 *
 * @param key  the quota key, e.g. {@code standardDSv2Family} or {@code clusters}
 * @param unit {@code Count} or {@code vCPUs}, as the cloud lists usages
 */
public record QuotaRow(String key, long used, long limit, String unit, boolean regional) {

    static QuotaRow of(QuotaUsage usage, boolean regional) {
        return new QuotaRow(usage.key(), usage.currentValue(), usage.limit(), usage.unit(), regional);
    }

    /** 0 to 1; a limit of 0 with nothing used is empty, with something used (or wanted) it is full. */
    public double fraction() {
        if (limit <= 0) {
            return used > 0 ? 1 : 0;
        }
        return Math.min(1, (double) used / limit);
    }

    /** Nothing can be used and nothing is: a family the region grants no quota for, not a full one. */
    public boolean noQuota() {
        return limit <= 0 && used <= 0;
    }

    /** The limit is reached (or passed, after it was lowered). */
    public boolean exhausted() {
        return used >= limit && !noQuota();
    }
}
