package com.acme.shop.products;

/** Keeps every rule: qualified tenant SQL, a shared table with its schema, and read-only mentions of the setting. */
public class ProductQueries {
  static final String BY_ID = "select p.title, b.name from ${tenant}.products p join shared.brands b on b.code = p.brand"
      + " where p.id = ?";
  static final String SHOW_PATH = "SHOW search_path";
  static final String READ_PATH = "select current_setting('search_path'), current_schema()";
  static final String TIMEOUT = "select set_config('statement_timeout', '5s', false)";
  static final String RENAME = "update ${tenant}.products set schema = ? where id = ?";

  String[] statements() {
    return new String[] {BY_ID, SHOW_PATH, READ_PATH, TIMEOUT, RENAME};
  }
}
