package com.acme.shop.switching;

/** Breaks no_schema_switch_in_code: SET SESSION SCHEMA built by concatenation, in odd case and spacing. */
public class SetsSessionSchema {
  String statement(String schema) {
    return "Set  Session   Schema '" + schema + "'";
  }
}
