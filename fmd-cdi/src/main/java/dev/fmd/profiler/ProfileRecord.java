package dev.fmd.profiler;

import dev.fmd.monitor.RequestAttachment;
import dev.fmd.monitor.RequestHandle;

import java.util.List;

/**
 * A request's call tree, ready to be stored.
 *
 * @param request the request
 * @param lines   its tree in pre-order
 */
public record ProfileRecord(RequestHandle request, List<StackLine> lines) implements RequestAttachment {
}
