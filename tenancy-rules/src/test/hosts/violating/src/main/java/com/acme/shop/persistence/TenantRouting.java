package com.acme.shop.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/** The host's own persistence adapter (crosslist.tenancy.persistencePackages): allowed to switch, so not reported. */
public class TenantRouting {
  static final String RESET = "SET search_path TO shop_no_tenant";

  void reset(Connection connection) throws SQLException {
    connection.setSchema("shop_no_tenant");
  }
}
