package dev.fmd.ui;

/** What each monitoring level keeps, in the words the pages use. */
final class Levels {

    private Levels() {
    }

    /**
     * @param level 0 to 3
     * @return what fmd keeps at that level
     */
    static String meaning(int level) {
        return switch (level) {
            case 0 -> "0: not monitored; only the last request time is kept";
            case 1 -> "1: every request's duration, status, version, user and IP";
            case 2 -> "2: as 1, plus the context of outliers";
            case 3 -> "3: as 2, plus call trees sampled by the profiler";
            default -> level + ": unknown level";
        };
    }
}
