package dev.fmd.ui;

import dev.fmd.config.EffectiveSetting;
import dev.fmd.config.EffectiveSettings;
import dev.fmd.config.FmdConfig;
import dev.fmd.query.StorageQueries;
import dev.fmd.query.TableSize;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * Backs the configuration page ({@code configuration.xhtml}): every {@code fmd.*} key with the value fmd uses and
 * where it comes from (secrets masked), the instances writing to the database, and the size of each of fmd's
 * tables (catalog estimates on PostgreSQL and MariaDB, so the page costs the same at ten million requests). The
 * header's figures (queue, dropped, database state) come from {@code #{fmdView.status}}. Nothing here changes
 * anything: a guest sees the same page.
 */
@Named("fmdConfiguration")
@RequestScoped
public class ConfigurationPage {

    @Inject
    DashboardView view;

    @Inject
    Instance<FmdConfig> config;

    @Inject
    Instance<StorageQueries> storage;

    private List<TableSize> tables;

    /** @return every key fmd knows, sorted, with its value and source */
    public List<EffectiveSetting> getSettings() {
        return config.isResolvable() ? EffectiveSettings.of(config.get()) : List.of();
    }

    /** @return fmd's tables, largest first; empty while the database does not answer */
    public List<TableSize> getTables() {
        if (tables == null) {
            tables = List.of();
            if (view.isDatabaseUp() && storage.isResolvable()) {
                List<TableSize> read = view.read("the table sizes", () -> storage.get().tableSizes());
                tables = read == null ? List.of() : read;
            }
        }
        return tables;
    }

    /** @return true when some table's row count is the database's estimate */
    public boolean isEstimated() {
        return getTables().stream().anyMatch(TableSize::estimated);
    }

    /** @return the rows of every table together, or -1 when one is unknown */
    public long getTotalRows() {
        return getTables().stream().anyMatch(t -> t.rows() < 0) ? -1
                : getTables().stream().mapToLong(TableSize::rows).sum();
    }

    /** @return the size of every table together, or -1 when the database does not say */
    public long getTotalBytes() {
        return getTables().stream().anyMatch(t -> t.bytes() < 0) ? -1
                : getTables().stream().mapToLong(TableSize::bytes).sum();
    }

    /**
     * @param rows a row count, or -1
     * @return it with thousands separators, or a dash
     */
    public String rows(long rows) {
        return rows < 0 ? "–" : NumberText.count(rows);
    }

    /**
     * @param bytes a size in bytes, or -1
     * @return it in B, kB, MB or GB (powers of 1024) with 3 significant digits, or a dash
     */
    public String bytes(long bytes) {
        if (bytes < 0) {
            return "–";
        }
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (unit == 0 ? String.valueOf(bytes) : view.duration(value)) + " " + units[unit];
    }
}
