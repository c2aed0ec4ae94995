package dev.fmd.ui;

import dev.fmd.config.FmdConfig;
import dev.fmd.query.ExportKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Backs the export page ({@code export.xhtml}): a form that downloads from {@link ExportServlet} (what, format, time
 * window in the dashboard's zone, instance), what each export's columns are, and the same download as a script's
 * {@code curl} call with the admin token. The servlet, not this page, refuses guests.
 */
@Named("fmdExport")
@RequestScoped
public class ExportPage {

    @Inject
    DashboardView view;

    @Inject
    Instance<FmdConfig> config;

    /** @return what can be exported, in the form's order */
    public List<ExportKind> getKinds() {
        return List.of(ExportKind.values());
    }

    /**
     * @param kind an export
     * @return its columns, separated by commas
     */
    public String columns(ExportKind kind) {
        return String.join(", ", kind.columns());
    }

    /** @return the address of the export servlet, absolute */
    public String getAddress() {
        return view.getDashboardUrl() + "/export";
    }

    /**
     * @return the form's end: the page window's end in the dashboard's zone, rounded up to the minute (the input
     *         has minutes only), so that the default window includes the requests of the last minute
     */
    public String getToInput() {
        java.time.ZonedDateTime to = view.getWindow().to().atZone(view.getZone());
        java.time.ZonedDateTime minute = to.truncatedTo(ChronoUnit.MINUTES);
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                .format(minute.equals(to) ? minute : minute.plusMinutes(1));
    }

    /** @return a script's call for the requests of the page's window, as CSV */
    public String getCurl() {
        return "curl -H \"Authorization: Bearer $FMD_ADMIN_TOKEN\" -OJ \\\n     \"" + getAddress()
                + "?what=requests&format=csv&from=" + view.getWindow().from().truncatedTo(ChronoUnit.SECONDS)
                + "&to=" + view.getWindow().to().truncatedTo(ChronoUnit.SECONDS) + "\"";
    }

    /** @return true when {@code fmd.admin-token} is set, so scripts can export */
    public boolean isTokenSet() {
        return config.isResolvable() && !config.get().adminToken().isEmpty();
    }
}
