package com.acme.shop.legacy;

/** Breaks tenant_tables_are_qualified: a declared tenant table (invoices) unqualified in a SQL constant. */
public class LegacyInvoiceQueries {
  static final String BY_ID = "select id, total from invoices where id = ?";

  String byId() {
    return BY_ID;
  }
}
