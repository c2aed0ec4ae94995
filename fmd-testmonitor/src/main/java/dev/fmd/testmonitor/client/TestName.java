package dev.fmd.testmonitor.client;

/**
 * A test's identity, the same in the request tags and in the upload: the fully qualified class name, {@code '#'},
 * the method name ({@code com.acme.OrderIT#placesOrder}), cut to the {@value #MAX_LENGTH} characters the server takes.
 */
final class TestName {

    static final int MAX_LENGTH = 500;

    private TestName() {
    }

    static String of(String className, String methodName) {
        String name = className + "#" + methodName;
        return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
    }
}
