package io.crosslist.adapter.persistence.internal.suggestion;

import io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork;
import io.crosslist.domain.CanonicalId;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.suggestion.ListingSuggestion;
import io.crosslist.domain.suggestion.ListingSuggestionRepository;
import io.crosslist.domain.suggestion.SuggestionField;
import io.crosslist.domain.suggestion.SuggestionId;
import io.crosslist.domain.suggestion.SuggestionRun;
import io.crosslist.domain.suggestion.SuggestionStatus;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link ListingSuggestionRepository} on {@code ${tenant}.listing_suggestions} and {@code ${tenant}.suggestion_runs}. */
@Singleton
public final class MyBatisSuggestionRepository implements ListingSuggestionRepository {
  private final MyBatisUnitOfWork sessions;

  @Inject
  MyBatisSuggestionRepository(MyBatisUnitOfWork sessions) {
    this.sessions = sessions;
  }

  @Override
  public ListingSuggestion add(TenantId tenant, ListingSuggestion suggestion) {
    SuggestionRow row = SuggestionRow.of(suggestion);
    Long id = sessions.call(tenant, s -> s.getMapper(SuggestionMapper.class).insert(tenant, row));
    return suggestion.stored(SuggestionId.of(id));
  }

  @Override
  public Optional<ListingSuggestion> find(TenantId tenant, ProductId product, SuggestionId id) {
    return sessions.call(tenant, s -> s.getMapper(SuggestionMapper.class).find(tenant, product.value(), id.value()))
        .map(SuggestionRow::toSuggestion);
  }

  @Override
  public List<ListingSuggestion> listFor(TenantId tenant, ProductId product, SuggestionStatus status) {
    return sessions.call(tenant, s -> s.getMapper(SuggestionMapper.class).listFor(tenant, product.value(),
        status == null ? null : status.name())).stream().map(SuggestionRow::toSuggestion).toList();
  }

  @Override
  public boolean decide(TenantId tenant, ListingSuggestion decided) {
    if (decided.id() == null || decided.status() == SuggestionStatus.SUGGESTED || decided.decidedAt() == null) {
      throw new IllegalArgumentException("only a stored suggestion's decision is stored, got " + decided);
    }
    return sessions.call(tenant, s -> s.getMapper(SuggestionMapper.class).decide(tenant, decided.id().value(),
        decided.status().name(), decided.decidedAt())) == 1;
  }

  @Override
  public Set<ProductId> suggestedBy(TenantId tenant, JobId job) {
    return sessions.call(tenant, s -> s.getMapper(SuggestionMapper.class).suggestedBy(tenant, job.value())).stream()
        .map(ProductId::of).collect(Collectors.toSet());
  }

  @Override
  public void saveRun(TenantId tenant, SuggestionRun run) {
    String ids = run.products().stream().map(p -> Long.toString(p.value())).collect(Collectors.joining(","));
    List<String> fields = run.fields().stream().map(Enum::name).sorted().toList();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    sessions.call(tenant, s -> s.getMapper(SuggestionMapper.class).insertRun(tenant, run.job().value(), ids, fields,
        now));
  }

  @Override
  public Optional<SuggestionRun> findRun(TenantId tenant, JobId job) {
    return sessions.call(tenant, s -> s.getMapper(SuggestionMapper.class).findRun(tenant, job.value()))
        .map(row -> new SuggestionRun(job, Arrays.stream(row.productIds.split(",")).map(id -> ProductId.of(
            CanonicalId.parse(id).orElseThrow())).toList(), row.fields.stream().map(SuggestionField::valueOf)
            .collect(Collectors.toSet())));
  }
}
