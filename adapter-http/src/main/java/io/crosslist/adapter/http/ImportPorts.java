package io.crosslist.adapter.http;

import io.crosslist.application.imports.port.in.GetProductImportUseCase;
import io.crosslist.application.imports.port.in.StartProductImportUseCase;
import java.util.Objects;

/** The product-import in-ports the HTTP API calls. */
public record ImportPorts(StartProductImportUseCase start, GetProductImportUseCase get) {
  public ImportPorts {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(get, "get");
  }
}
