package dev.fmd.query;

import java.util.List;

/**
 * A page of outliers, newest first.
 *
 * @param outliers the outliers, newest first (by request start time, then request id)
 * @param next     the cursor of the next (older) page, or null when this is the last one
 */
public record OutlierPage(List<OutlierSummary> outliers, RequestCursor next) {
}
