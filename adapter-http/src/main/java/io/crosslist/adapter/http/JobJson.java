package io.crosslist.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.crosslist.application.job.port.in.ListJobTypesUseCase.SupportedJobType;
import io.crosslist.domain.FieldViolation;
import io.crosslist.domain.TypeName;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.BatchCounts;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.ProductId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The JSON shapes of marketplace jobs and batches. */
final class JobJson {
  private static final ObjectMapper RESULTS = new ObjectMapper();

  private JobJson() {}

  /**
   * The body of POST /jobs, and one job of a batch: e.g. publish product 7 to Vinted. {@code productIds} names the
   * products of an ENRICH_PRODUCTS job (POST /jobs only).
   */
  record JobBody(@Required String marketplace, @Required String action, Long productId, Integer priority,
      String idempotencyKey, List<Long> productIds) {

    /** The products named by {@code productIds}, each a positive id. */
    List<ProductId> namedProducts() {
      List<ProductId> ids = new java.util.ArrayList<>();
      for (int i = 0; i < productIds.size(); i++) {
        Long id = productIds.get(i);
        if (id == null || id < 1) {
          throw ValidationException.of("productIds[" + i + "]", "must be a positive id");
        }
        ids.add(ProductId.of(id));
      }
      return ids;
    }

    JobRequest toRequest() {
      Marketplace m = JobJson.marketplace(marketplace);
      JobAction a = JobJson.action(action);
      if (productId != null && productId < 1) {
        throw ValidationException.of("productId", "must be a positive id");
      }
      JobRequest request = inBodyTerms(() -> JobRequest.of(m, a, productId == null ? null : ProductId.of(productId)));
      request = priority == null ? request : request.withPriority(priority);
      return idempotencyKey == null ? request : request.withIdempotencyKey(idempotencyKey);
    }
  }

  /**
   * Runs {@code call}, naming a violation of the domain's {@code product} (also nested, {@code jobs[0].product}) by
   * this API's {@code productId}: the enqueue use case checks a job's product against its type.
   */
  static <T> T inBodyTerms(Supplier<T> call) {
    try {
      return call.get();
    } catch (ValidationException e) {
      throw new ValidationException(e.violations().stream().map(v -> v.field().equals("product")
          || v.field().endsWith(".product") ? new FieldViolation(v.field() + "Id", v.rule()) : v).toList());
    }
  }

  /**
   * A marketplace a request names: its name in the form {@link TypeName} describes, ASCII letters in either case
   * ({@code vinted} is {@code VINTED}). Any marketplace of that form is read; whether a job type is served is the
   * enqueue's to say.
   *
   * @throws ValidationException on {@code marketplace}, naming the rule
   */
  static Marketplace marketplace(String name) {
    return Marketplace.of(upperCaseAscii(name));
  }

  /** A job action a request names, as {@link #marketplace} reads a marketplace; refused on {@code action}. */
  static JobAction action(String name) {
    return JobAction.of(upperCaseAscii(name));
  }

  /** {@code text} with ASCII a-z in upper case, and nothing else changed (no locale folds another letter to A-Z). */
  private static String upperCaseAscii(String text) {
    if (text == null) {
      return null;
    }
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'a' && chars[i] <= 'z') {
        chars[i] = (char) (chars[i] - ('a' - 'A'));
      }
    }
    return new String(chars);
  }

  /** A job type this deployment serves. */
  record JobTypeView(String marketplace, String action, boolean needsProduct) {
    static JobTypeView of(SupportedJobType type) {
      return new JobTypeView(type.marketplace().name(), type.action().name(), type.needsProduct());
    }
  }

  /** The body of POST /batches: the jobs of one bulk action. */
  record BatchBody(String description, @Required List<JobBody> jobs) {}

  static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, String.valueOf(value).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  /** Progress as the API shows it. */
  record ProgressView(int done, int total, String message) {}

  /** A job as the API shows it; {@code result} is the handler's JSON result as JSON (an object), not a string. */
  record JobView(long id, String marketplace, String action, Long productId, Long batchId, String status,
      int priority, int attempts, int maxAttempts, Instant runAfter, Instant expiresAt, ProgressView progress,
      boolean cancelRequested, String lastError, JsonNode result, String idempotencyKey, Instant createdAt,
      Instant updatedAt, Instant startedAt, Instant finishedAt) {
    static JobView of(MarketplaceJob j) {
      return new JobView(j.id().value(), j.marketplace().name(), j.action().name(),
          j.product() == null ? null : j.product().value(), j.batch() == null ? null : j.batch().value(),
          j.status().name(), j.priority(), j.attempts(), j.maxAttempts(), j.runAfter(), j.expiresAt(),
          new ProgressView(j.progress().done(), j.progress().total(), j.progress().message()), j.cancelRequested(),
          j.lastError(), resultOf(j.result()), j.idempotencyKey(), j.createdAt(), j.updatedAt(), j.startedAt(), j.finishedAt());
    }
  }

  /** A handler's result text as JSON; text that is not JSON (a handler's mistake) is shown as a JSON string. */
  static JsonNode resultOf(String text) {
    if (text == null) {
      return null;
    }
    try {
      return RESULTS.readTree(text);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(text);
    }
  }

  /** A batch with its counts per status and its derived status. */
  record BatchView(long id, String description, String status, BatchCounts counts, int total, Instant createdAt,
      Instant updatedAt) {
    static BatchView of(BatchJob b) {
      return new BatchView(b.id().value(), b.description(), b.status().name(), b.counts(), b.counts().total(),
          b.createdAt(), b.updatedAt());
    }
  }
}
