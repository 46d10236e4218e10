package io.crosslist.application.port.out;

/**
 * Out-port: whether the database answers and its shared schema is at the version this build expects,
 * for a readiness probe. Never throws: a failure is a {@link Status} that says what is wrong.
 */
public interface Readiness {

  /**
   * @param ready true when the database answered and the shared schema is current
   * @param detail what was checked, or what failed (no SQL, no credentials)
   */
  record Status(boolean ready, String detail) {}

  Status check();
}
