package com.acme.shop.switching;

/** Breaks no_schema_switch_in_code: currentSchema in a JDBC URL. */
public class JdbcUrlWithCurrentSchema {
  String url() {
    return "jdbc:postgresql://db:5432/shop?currentSchema=user_1";
  }
}
