package dev.fmd.profiler;

/**
 * One line of code in a call tree: deduplicated in {@code <prefix>code_line}.
 *
 * @param className  the class
 * @param methodName the method
 * @param fileName   the source file, derived from the outermost class name (JFR frames do not carry it)
 * @param lineNumber the line being executed in that method; 0 for the endpoint method as a whole
 */
public record CodeLine(String className, String methodName, String fileName, int lineNumber) {

    /** @return a code line whose file name is derived from the class name ({@code a.b.Outer$Inner} → {@code Outer.java}) */
    public static CodeLine of(String className, String methodName, int lineNumber) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        return new CodeLine(className, methodName, (nested > 0 ? simple.substring(0, nested) : simple) + ".java",
                lineNumber);
    }
}
