package io.crosslist.adapter.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a request body that the API refuses to go without (a 422 naming it when it is missing).
 * The OpenAPI document lists exactly these fields as {@code required}; a test reads both, so they cannot drift.
 * Every field of a response is always present (possibly null), so response records carry no mark.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface Required {}
