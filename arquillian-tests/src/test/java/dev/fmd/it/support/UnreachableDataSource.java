package dev.fmd.it.support;

import jakarta.annotation.sql.DataSourceDefinition;

/** A PostgreSQL datasource on a loopback port where nothing listens: fmd's database is down. */
@DataSourceDefinition(name = UnreachableDataSource.JNDI_NAME, className = "org.postgresql.ds.PGSimpleDataSource",
        serverName = "127.0.0.1", portNumber = 9, databaseName = "test", user = "postgres", password = "",
        properties = {"connectTimeout=2"})
public class UnreachableDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/unreachable";
}
