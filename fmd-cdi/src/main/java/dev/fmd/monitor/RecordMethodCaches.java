package dev.fmd.monitor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.runtime.ObjectMethods;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets go of fmd's record classes in the JDK's shared record-method factory, on undeploy. On JDK 17, the
 * {@code equals}, {@code hashCode} and {@code toString} of a record are built by {@link ObjectMethods} from a few
 * method handles held in its static fields, and {@code MethodHandle.asType} keeps its last result on the handle it
 * was called on: the handle's type names the last record class (or component type) built, so the class loader of the
 * last application that first used a record's method stays loaded after it is undeployed (later JDKs keep only a
 * soft reference there). Building those methods once more for {@link String}, a JDK class, replaces what the handles
 * keep.
 */
final class RecordMethodCaches {

    private static final Logger LOG = Logger.getLogger("dev.fmd");

    private RecordMethodCaches() {
    }

    /** Replaces what {@link ObjectMethods}' shared handles keep by types of the JDK's own; never throws. */
    static void forget() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle self = MethodHandles.identity(String.class);
            ObjectMethods.bootstrap(lookup, "equals", MethodType.methodType(boolean.class, String.class,
                    Object.class), String.class, "value", self);
            ObjectMethods.bootstrap(lookup, "hashCode", MethodType.methodType(int.class, String.class),
                    String.class, "value", self);
            ObjectMethods.bootstrap(lookup, "toString", MethodType.methodType(String.class, String.class),
                    String.class, "value", self);
        } catch (Throwable t) {
            LOG.log(Level.FINE, "fmd: could not clear the JDK's record-method caches", t);
        }
    }
}
