package dev.fmd.store;

import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.util.List;

/**
 * One resource-local transaction of the writer, as its parts see it: the JPA entity manager, the JDBC connection
 * of the same transaction (for rows inserted in batches), the table names and the id blocks.
 *
 * @param em         the entity manager, its transaction active
 * @param connection the same transaction's connection
 * @param schema     the table names
 * @param ids        ids for rows inserted with JDBC
 */
record Transaction(EntityManager em, Connection connection, Schema schema, IdBlocks ids, List<Runnable> committed) {

    /** @param action what to do once the transaction committed (remembering new ids, say); never on rollback */
    void afterCommit(Runnable action) {
        committed.add(action);
    }
}
