package io.crosslist.adapter.http;

import io.crosslist.domain.CanonicalId;
import io.crosslist.domain.ValidationException;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;

/** Reading a request's path and query parameters, each refusal a problem naming the parameter and its rule. */
final class Requests {
  private Requests() {}

  /**
   * The {@code {id}} path parameter, in {@link CanonicalId}'s one form: {@code /products/7} names product 7,
   * and {@code /products/007}, {@code /products/+7} or {@code /products/٧} name nothing (400, naming {@code id}).
   */
  static long pathId(Context ctx) {
    return CanonicalId.parse(ctx.pathParam("id")).orElseThrow(() -> new HttpProblem(400, "invalid-parameter",
        "Invalid parameter", "the path parameter id is not an id", List.of(new HttpProblem.FieldError("id",
        CanonicalId.RULE))));
  }

  /** A query parameter parsed by {@code parse}; a value it refuses is a 422 naming the parameter. */
  static <T> T query(Context ctx, String name, Function<String, T> parse) {
    return query(ctx, name, parse, "has an invalid value");
  }

  /** As {@link #query(Context, String, Function)}, with the rule a refused value breaks. */
  static <T> T query(Context ctx, String name, Function<String, T> parse, String rule) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return parse.apply(value);
    } catch (ValidationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ValidationException.of(name, rule);
    }
  }

  /** A query parameter holding an id, in {@link CanonicalId}'s form. */
  static Long queryId(Context ctx, String name) {
    return query(ctx, name, v -> CanonicalId.parse(v).orElseThrow(), CanonicalId.RULE);
  }

  /** The {@code limit} query parameter, or {@code fallback}; the use case checks its range. */
  static int limit(Context ctx, int fallback) {
    Integer limit = query(ctx, "limit", Integer::valueOf, "must be a whole number");
    return limit == null ? fallback : limit;
  }
}
