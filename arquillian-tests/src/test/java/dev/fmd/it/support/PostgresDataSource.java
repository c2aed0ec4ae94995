package dev.fmd.it.support;

import jakarta.annotation.sql.DataSourceDefinition;

/** Deployed into a test WAR to store fmd's tables in the local PostgreSQL. */
@DataSourceDefinition(name = Database.JNDI_NAME, className = "org.postgresql.ds.PGSimpleDataSource",
        serverName = "127.0.0.1", portNumber = 5432, databaseName = "test", user = "postgres", password = "")
public class PostgresDataSource {
}
