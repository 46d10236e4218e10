package io.crosslist.application.imports.port.in;

import io.crosslist.domain.imports.ProductImport;
import io.crosslist.domain.tenant.TenantId;
import java.io.InputStream;
import java.util.Objects;

/**
 * In-port: stores a WooCommerce product export (streamed, in constant memory, into the tenant's schema, where any
 * worker reads it) and enqueues the job that imports it ({@code WOOCOMMERCE IMPORT_PRODUCTS}).
 */
public interface StartProductImportUseCase {

  /**
   * Stores the file and enqueues its import; nothing is kept when the file or the mapping is refused.
   *
   * @return the import, with its job
   * @throws io.crosslist.domain.ValidationException for a bad mapping (each line named), currency or header
   * @throws io.crosslist.domain.imports.ImportFileTooLargeException when the file is over the limit
   */
  ProductImport start(StartImportCommand command);

  /**
   * What to import.
   *
   * @param tenant whose products they are
   * @param fileName the file's name, for the report (may be null)
   * @param content the CSV bytes (UTF-8); read to the end, not closed
   * @param mapping the operator's reference mapping ({@code ReferenceMapping}'s format), or null for none
   * @param currency the prices' currency, ISO 4217; null for EUR
   */
  record StartImportCommand(TenantId tenant, String fileName, InputStream content, String mapping, String currency) {
    public StartImportCommand {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(content, "content");
      currency = currency == null ? "EUR" : currency;
      mapping = mapping == null ? "" : mapping;
      fileName = fileName == null ? "" : fileName;
    }
  }
}
