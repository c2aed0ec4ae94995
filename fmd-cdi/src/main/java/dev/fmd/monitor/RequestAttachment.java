package dev.fmd.monitor;

/** Something stored about a request besides its measurements (a profile, an outlier's context). */
public interface RequestAttachment {

    /** @return the request it belongs to */
    RequestHandle request();
}
