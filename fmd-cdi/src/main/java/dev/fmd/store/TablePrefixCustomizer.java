package dev.fmd.store;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseTable;
import org.eclipse.persistence.sequencing.Sequence;
import org.eclipse.persistence.sequencing.TableSequence;
import org.eclipse.persistence.sessions.Session;

/**
 * Puts {@code fmd.table-prefix} in front of every table of fmd's entities and of its id table. EclipseLink creates
 * the customizer by class name, so the prefix travels in the session name: {@code dev.fmd[<prefix>]<unique id>}.
 */
public final class TablePrefixCustomizer implements SessionCustomizer {

    /**
     * @param prefix   the table prefix
     * @param uniqueId makes the session name unique among the server's EclipseLink sessions
     * @return the session name to configure
     */
    static String sessionName(String prefix, String uniqueId) {
        return "dev.fmd[" + prefix + "]" + uniqueId;
    }

    @Override
    public void customize(Session session) {
        String name = session.getName();
        String prefix = name.substring(name.indexOf('[') + 1, name.indexOf(']'));
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            for (DatabaseTable table : descriptor.getTables()) {
                table.setName(prefix + table.getName());
            }
        }
        for (Sequence sequence : session.getLogin().getSequences().values()) {
            if (sequence instanceof TableSequence tableSequence) {
                tableSequence.setTableName(prefix + "sequence");
            }
        }
    }
}
