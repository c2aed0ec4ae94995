package dev.fmd.query;

/** Whether fmd's database answers, as its writer last found it. */
public enum DatabaseState {
    /** fmd is off ({@code fmd.enabled=false}) */
    DISABLED,
    /** not reached yet since the application started */
    STARTING,
    /** answering */
    UP,
    /** not answering: measurements wait in memory */
    UNREACHABLE
}
