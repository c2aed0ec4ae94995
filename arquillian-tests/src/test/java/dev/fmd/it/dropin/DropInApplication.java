package dev.fmd.it.dropin;

import dev.fmd.it.support.FmdRowsProbe;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * An application written without fmd in mind: it lists its classes itself (so providers in library jars are not
 * scanned), mixes unscoped, CDI-scoped and EJB resources, a locator, an annotated interface, async methods, its own
 * exception mapper and filters. fmd is only added to its WAR.
 */
@ApplicationPath("rest")
public class DropInApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(PlainResource.class, NoteResource.class, AsyncResource.class, CatalogLocator.class,
                GreetingResource.class, RejectionMapper.class, ApiKeyFilter.class, AppHeaderFilter.class,
                FmdRowsProbe.class);
    }
}
