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

  /** One invalid field and the rule it breaks. */
  record FieldError(String field, String rule) {}

  HttpProblem(int status, String type, String title, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  HttpProblem(int status, String type, String title, String detail) {
    this(status, type, title, detail, List.of());
  }
}
