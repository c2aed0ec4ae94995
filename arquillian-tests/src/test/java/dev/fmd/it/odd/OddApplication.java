package dev.fmd.it.odd;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The application of {@code OddRequestsLeaveNothingBehindIT}: resources whose requests end in odd ways. */
@ApplicationPath("odd")
public class OddApplication extends Application {
}
