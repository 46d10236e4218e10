package io.crosslist.adapter.persistence.internal.suggestion;

import io.crosslist.domain.job.JobId;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.suggestion.ListingSuggestion;
import io.crosslist.domain.suggestion.SuggestedListing;
import io.crosslist.domain.suggestion.SuggestionId;
import io.crosslist.domain.suggestion.SuggestionStatus;
import io.crosslist.domain.suggestion.TokenUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A row of {@code ${tenant}.listing_suggestions} (attributes as {@code name=code} texts). */
public final class SuggestionRow {
  public Long id;
  public long productId;
  public String marketplace;
  public String title;
  public String description;
  public List<String> attributes;
  public String source;
  public int promptTokens;
  public int completionTokens;
  public String status;
  public long productVersion;
  public Long jobId;
  public Instant createdAt;
  public Instant decidedAt;

  static SuggestionRow of(ListingSuggestion s) {
    SuggestionRow row = new SuggestionRow();
    row.id = s.id() == null ? null : s.id().value();
    row.productId = s.product().value();
    row.marketplace = s.marketplace().name();
    row.title = s.content().title();
    row.description = s.content().description();
    row.attributes = new ArrayList<>();
    s.content().attributes().forEach((name, code) -> row.attributes.add(name + "=" + code));
    row.source = s.content().source();
    row.promptTokens = s.content().usage().prompt();
    row.completionTokens = s.content().usage().completion();
    row.status = s.status().name();
    row.productVersion = s.productVersion();
    row.jobId = s.job() == null ? null : s.job().value();
    row.createdAt = s.createdAt();
    row.decidedAt = s.decidedAt();
    return row;
  }

  ListingSuggestion toSuggestion() {
    Map<String, String> attributeMap = new LinkedHashMap<>();
    for (String pair : attributes) {
      int eq = pair.indexOf('=');
      attributeMap.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    SuggestedListing content = new SuggestedListing(title, description, attributeMap, source,
        new TokenUsage(promptTokens, completionTokens));
    return new ListingSuggestion(SuggestionId.of(id), ProductId.of(productId), Marketplace.of(marketplace), content,
        SuggestionStatus.valueOf(status), productVersion, jobId == null ? null : JobId.of(jobId), createdAt, decidedAt);
  }
}
