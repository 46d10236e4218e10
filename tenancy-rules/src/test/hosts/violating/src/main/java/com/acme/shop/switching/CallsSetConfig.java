package com.acme.shop.switching;

/** Breaks no_schema_switch_in_code: set_config with the setting's name bound as a parameter. */
public class CallsSetConfig {
  static final String SQL = "select set_config(?, ?, false)";

  String statement() {
    return SQL;
  }
}
