package dev.fmd.it.unmatched;

import jakarta.ws.rs.GET;

import java.util.UUID;

/** One catalog entry, reached through {@link CatalogResource}'s locator. */
public class CatalogEntry {

    private final UUID id;

    public CatalogEntry(UUID id) {
        this.id = id;
    }

    @GET
    public String get() {
        return "entry " + id;
    }
}
