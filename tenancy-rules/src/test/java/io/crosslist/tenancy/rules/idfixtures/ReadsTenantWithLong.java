package io.crosslist.tenancy.rules.idfixtures;

/** Breaks the id rule: a host reading a tenant id with Long.parseLong, which takes "+42", "042" and "٤٢" for 42. */
public class ReadsTenantWithLong {
  public long tenantOf(String claim) {
    return Long.parseLong(claim);
  }

  public Long viaValueOf(String text) {
    return Long.valueOf(text);
  }
}
