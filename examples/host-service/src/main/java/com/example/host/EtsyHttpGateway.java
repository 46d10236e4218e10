package com.example.host;

import io.crosslist.domain.marketplace.CataloguePage;
import io.crosslist.domain.marketplace.ExternalListing;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.marketplace.MarketplaceOrder;
import io.crosslist.domain.marketplace.ProductEnrichment;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.tenant.TenantId;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The host's real Etsy gateway: an HTTP client of the marketplace's API at {@code baseUrl}. (The example's tests run a
 * stub of that API on loopback.) Bound with {@code CrosslistModule.builder().marketplace(...)}, it replaces the
 * simulated Etsy; the other marketplaces stay simulated.
 */
public final class EtsyHttpGateway implements MarketplaceGateway {
  private final URI baseUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public EtsyHttpGateway(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  @Override
  public Marketplace marketplace() {
    return Marketplace.ETSY;
  }

  @Override
  public ExternalListing createListing(TenantId account, String idempotencyKey, Product product) {
    String id = send("POST", "/listings", "account=" + account.value() + "&key=" + encode(idempotencyKey)
        + "&title=" + encode(product.details().title()));
    return new ExternalListing(id, baseUrl + "/listings/" + id);
  }

  @Override
  public void updateListing(TenantId account, String externalId, Product product) {
    send("PUT", "/listings/" + encode(externalId), "title=" + encode(product.details().title()));
  }

  @Override
  public void deleteListing(TenantId account, String externalId) {
    send("DELETE", "/listings/" + encode(externalId), "");
  }

  @Override
  public CataloguePage catalogue(TenantId account, int page, int pageSize) {
    return new CataloguePage(List.of(), 0, true); // this example imports nothing from Etsy
  }

  @Override
  public ProductEnrichment enrich(TenantId account, Product product) {
    return new ProductEnrichment(product.details().description());
  }

  @Override
  public List<MarketplaceOrder> ordersSince(TenantId account, Instant since) {
    return List.of();
  }

  /** One call; a 5xx or an I/O error may pass (retryable), a 4xx will not. */
  private String send(String method, String path, String form) {
    HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .method(method, HttpRequest.BodyPublishers.ofString(form)).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new MarketplaceException(Marketplace.ETSY, response.statusCode() >= 500,
            method + " " + path + ": " + response.statusCode() + " " + response.body());
      }
      return response.body().strip();
    } catch (IOException e) {
      throw new MarketplaceException(Marketplace.ETSY, true, method + " " + path + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MarketplaceException(Marketplace.ETSY, true, "interrupted");
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
