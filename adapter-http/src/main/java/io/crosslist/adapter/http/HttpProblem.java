package io.crosslist.adapter.http;

import java.util.List;

/**
 * An RFC 9457 problem the API answers with: thrown by the adapter's own checks and made from domain
 * errors by {@link Problems}. Never carries a stack trace or SQL.
 */
final class HttpProblem extends RuntimeException {
  final int status;
  final String type;
  final String title;
  final List<FieldError> errors;
  /** Seconds for a {@code Retry-After} header, or 0 for none. */
  final int retryAfterSeconds;

  /** One invalid field and the rule it breaks. */
  record FieldError(String field, String rule) {}

  HttpProblem(int status, String type, String title, String detail, List<FieldError> errors) {
    this(status, type, title, detail, errors, 0);
  }

  private HttpProblem(int status, String type, String title, String detail, List<FieldError> errors,
      int retryAfterSeconds) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** A temporary refusal (503): the client may try again after {@code seconds}. */
  static HttpProblem retryAfter(int seconds, String type, String title, String detail) {
    return new HttpProblem(503, type, title, detail, List.of(), seconds);
  }

  HttpProblem(int status, String type, String title, String detail) {
    this(status, type, title, detail, List.of());
  }
}
