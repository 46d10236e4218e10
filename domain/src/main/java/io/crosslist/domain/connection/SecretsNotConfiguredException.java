package io.crosslist.domain.connection;

import io.crosslist.domain.DomainException;

/**
 * Marketplace credentials cannot be sealed or read because this deployment has no secret keyset. It is the
 * operator's setting, not the caller's mistake: the message names the setting, and adapters answer it as
 * a refusal of the service (HTTP 503), never as a bug.
 */
public final class SecretsNotConfiguredException extends DomainException {
  private static final long serialVersionUID = 1L;
  /** The setting that configures the keyset, for messages: the library's and the command line's names. */
  public static final String SETTING = "PersistenceSettings.withSecretKeyset(json); for crosslist.jar"
      + " --secret-keyset or CROSSLIST_SECRET_KEYSET";

  public SecretsNotConfiguredException() {
    super("no secret keyset is configured, so marketplace credentials cannot be stored or read: set "
        + SETTING + " (crosslist keyset new makes one)");
  }

  /** @param why what needed the keyset, e.g. {@code "importing under another tenant id re-seals 3 credentials"} */
  public SecretsNotConfiguredException(String why) {
    super(why + ", but no secret keyset is configured: set " + SETTING + " to the keyset that sealed them");
  }
}
