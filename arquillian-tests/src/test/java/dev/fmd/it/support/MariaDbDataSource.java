package dev.fmd.it.support;

import jakarta.annotation.sql.DataSourceDefinition;

/** Deployed into a test WAR to store fmd's tables in the local MariaDB. */
@DataSourceDefinition(name = Database.JNDI_NAME, className = "org.mariadb.jdbc.MariaDbDataSource",
        url = "jdbc:mariadb://127.0.0.1:3306/test", user = "root", password = "")
public class MariaDbDataSource {
}
