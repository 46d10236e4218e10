package com.acme.shop.switching;

/** Breaks no_schema_switch_in_code: SET LOCAL SCHEMA in a text block. */
public class SetsLocalSchema {
  String statement() {
    return """
        begin;
        SET LOCAL SCHEMA 'user_1';
        """;
  }
}
