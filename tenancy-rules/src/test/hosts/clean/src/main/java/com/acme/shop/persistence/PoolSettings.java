package com.acme.shop.persistence;

import com.zaxxer.hikari.HikariConfig;

/** Keeps every rule: a pool with no schema of its own. */
public class PoolSettings {
  HikariConfig pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(10);
    return config;
  }
}
