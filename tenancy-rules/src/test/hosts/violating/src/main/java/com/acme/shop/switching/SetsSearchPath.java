package com.acme.shop.switching;

/** Breaks no_schema_switch_in_code: the legacy per-tenant switch, as a constant. */
public class SetsSearchPath {
  static final String SWITCH = "SET search_path TO user_1";

  String statement() {
    return SWITCH;
  }
}
