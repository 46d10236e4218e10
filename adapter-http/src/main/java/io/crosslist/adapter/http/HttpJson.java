package io.crosslist.adapter.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crosslist.domain.CanonicalId;
import io.crosslist.domain.StorableTime;
import io.crosslist.domain.tenant.InvalidTenantIdException;
import io.crosslist.domain.tenant.TenantId;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Request and response bodies: strict JSON. Each JSON value has one meaning: unknown fields are refused,
 * a number is never read from a string nor an integer from {@code 1.5} or {@code 1e3}, a tenant id is a
 * JSON integer in {@link CanonicalId}'s form, no text holds a NUL character (PostgreSQL cannot store
 * one) and no instant lies outside {@link StorableTime}. A body that breaks a rule is a problem naming
 * the field, before any use case runs.
 */
final class HttpJson {
  static final String NUL_RULE = "must not contain the NUL character (U+0000)";
  private final ObjectMapper mapper;
  private final int maxBodyBytes;

  HttpJson(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
    this.mapper = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(new SimpleModule("crosslist-strict")
            .addDeserializer(String.class, new NulFreeStrings())
            .addDeserializer(TenantId.class, new CanonicalTenantIds())
            .addDeserializer(Instant.class, new StorableInstants()))
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
  }

  /** A rule a JSON value breaks, raised while reading it; Jackson adds the path to the field. */
  static final class BrokenRule extends JsonMappingException {
    private static final long serialVersionUID = 1L;
    final String rule;

    BrokenRule(JsonParser parser, String rule) {
      super(parser, rule);
      this.rule = rule;
    }
  }

  /** Strings, refused when they hold U+0000. */
  private static final class NulFreeStrings extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    NulFreeStrings() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = StringDeserializer.instance.deserialize(p, ctxt);
      if (value != null && value.indexOf('\0') >= 0) {
        throw new BrokenRule(p, NUL_RULE);
      }
      return value;
    }
  }

  /** Tenant ids: a JSON integer whose literal {@link TenantId#parse} accepts; anything else is refused. */
  private static final class CanonicalTenantIds extends StdScalarDeserializer<TenantId> {
    private static final long serialVersionUID = 1L;

    CanonicalTenantIds() {
      super(TenantId.class);
    }

    @Override
    public TenantId deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        try {
          return TenantId.parse(p.getText());
        } catch (InvalidTenantIdException e) {
          throw new BrokenRule(p, CanonicalId.RULE);
        }
      }
      throw new BrokenRule(p, "must be a JSON integer that " + CanonicalId.RULE.replaceFirst("^must be", "is"));
    }
  }

  /** Instants, refused outside the range PostgreSQL stores. */
  private static final class StorableInstants extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    StorableInstants() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw new BrokenRule(p, "must be an ISO-8601 instant such as 2026-12-01T09:30:00Z");
      }
      Instant value;
      try {
        value = Instant.parse(p.getText());
      } catch (java.time.format.DateTimeParseException e) {
        throw new BrokenRule(p, "must be an ISO-8601 instant such as 2026-12-01T09:30:00Z");
      }
      if (value.isBefore(StorableTime.MIN) || !value.isBefore(StorableTime.END)) {
        throw new BrokenRule(p, StorableTime.RULE);
      }
      return value;
    }
  }

  /** The request body as {@code type}: JSON only, within the size limit; a problem naming the field otherwise. */
  <T> T read(Context ctx, Class<T> type) {
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new HttpProblem(415, "unsupported-media-type", "Unsupported media type",
          "send the body as application/json");
    }
    if (ctx.contentLength() > maxBodyBytes) {
      throw Problems.tooLarge();
    }
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > maxBodyBytes) {
      throw Problems.tooLarge();
    }
    try {
      T value = mapper.readValue(bytes, type);
      if (value == null) {
        throw new HttpProblem(400, "malformed-json", "Malformed JSON", "the body must be a JSON object");
      }
      return value;
    } catch (BrokenRule e) {
      throw new HttpProblem(422, "validation", "Invalid request", "one or more fields are invalid",
          List.of(new HttpProblem.FieldError(path(e), e.rule)));
    } catch (UnrecognizedPropertyException e) {
      throw new HttpProblem(400, "unknown-field", "Unknown field", "the body has a field this API does not know",
          List.of(new HttpProblem.FieldError(path(e), "is not a known field")));
    } catch (MismatchedInputException e) {
      throw new HttpProblem(400, "wrong-type", "Wrong type", "a field has a value of the wrong type",
          List.of(new HttpProblem.FieldError(path(e), "has the wrong type")));
    } catch (InputCoercionException e) {
      throw new HttpProblem(400, "wrong-type", "Wrong type", "a number is out of its field's range",
          List.of(new HttpProblem.FieldError(fieldOf(e), "is out of range for its type")));
    } catch (JsonMappingException e) {
      throw new HttpProblem(400, "wrong-type", "Wrong type", "a field has a value of the wrong type",
          List.of(new HttpProblem.FieldError(path(e), "has the wrong type")));
    } catch (JsonProcessingException e) {
      throw new HttpProblem(400, "malformed-json", "Malformed JSON", "the body is not valid JSON");
    } catch (IOException e) {
      throw new HttpProblem(400, "malformed-json", "Malformed JSON", "the body could not be read");
    }
  }

  void respond(Context ctx, Object body) throws IOException {
    ctx.contentType("application/json").result(mapper.writeValueAsBytes(body));
  }

  byte[] write(Object body) throws JsonProcessingException {
    return mapper.writeValueAsBytes(body);
  }

  private static String path(JsonMappingException e) {
    String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    return path.isEmpty() ? "body" : path;
  }

  private static String fieldOf(InputCoercionException e) {
    JsonParser parser = e.getProcessor();
    String name = parser == null || parser.getParsingContext() == null ? null
        : parser.getParsingContext().getCurrentName();
    return name == null ? "body" : name;
  }
}
