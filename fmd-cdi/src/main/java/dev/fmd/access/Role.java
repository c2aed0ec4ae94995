package dev.fmd.access;

/**
 * What a person logged in to the dashboard may do. Both see every page; only the admin changes anything (levels,
 * and what later pages offer), which the server enforces on every change, not just by hiding buttons.
 */
public enum Role {
    /** sees everything and changes settings ({@code fmd.username}/{@code fmd.password} or {@code fmd.admin-role}) */
    ADMIN,
    /** sees everything, changes nothing ({@code fmd.guest-username}/{@code fmd.guest-password} or {@code fmd.guest-role}) */
    GUEST;

    /** @return true when this role may change what fmd does */
    public boolean canChange() {
        return this == ADMIN;
    }

    /** @return the role in words, as the pages show it */
    public String label() {
        return this == ADMIN ? "admin" : "guest (read-only)";
    }
}
