package com.acme.shop.switching;

import com.zaxxer.hikari.HikariConfig;

/** Breaks no_schema_switch_calls: a pool whose every connection starts in one tenant's schema. */
public class ConfiguresHikariSchema {
  HikariConfig pool(String schema) {
    HikariConfig config = new HikariConfig();
    config.setSchema(schema);
    return config;
  }
}
