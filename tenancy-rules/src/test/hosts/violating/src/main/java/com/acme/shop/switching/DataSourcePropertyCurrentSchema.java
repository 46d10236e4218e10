package com.acme.shop.switching;

import com.zaxxer.hikari.HikariConfig;

/** Breaks no_schema_switch_in_code: PgJDBC's currentSchema set as a data-source property. */
public class DataSourcePropertyCurrentSchema {
  void configure(HikariConfig config, String schema) {
    config.addDataSourceProperty("currentSchema", schema);
  }
}
