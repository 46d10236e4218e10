package com.acme.shop.switching;

import java.sql.Connection;
import java.sql.SQLException;

/** Breaks no_schema_switch_calls: switches the schema through JDBC, with no string at all, through a subtype. */
public class CallsConnectionSetSchema {
  /** A pool's connection type. */
  public interface PooledConnection extends Connection {}

  void use(PooledConnection connection, String schema) throws SQLException {
    connection.setSchema(schema);
  }
}
