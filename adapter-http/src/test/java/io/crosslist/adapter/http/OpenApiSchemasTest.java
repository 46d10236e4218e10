package io.crosslist.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosslist.adapter.http.ActivityRoutes.ConversationView;
import io.crosslist.adapter.http.ActivityRoutes.ErrorView;
import io.crosslist.adapter.http.ActivityRoutes.ListingView;
import io.crosslist.adapter.http.ActivityRoutes.StatisticsView;
import io.crosslist.adapter.http.AdminRoutes.ProvisionBody;
import io.crosslist.adapter.http.AdminRoutes.TenantView;
import io.crosslist.adapter.http.ConnectionJson.ConnectBody;
import io.crosslist.adapter.http.ConnectionJson.ConnectionBody;
import io.crosslist.adapter.http.ConnectionJson.SecretBody;
import io.crosslist.adapter.http.JobJson.BatchBody;
import io.crosslist.adapter.http.JobJson.BatchView;
import io.crosslist.adapter.http.JobJson.JobBody;
import io.crosslist.adapter.http.JobJson.JobTypeView;
import io.crosslist.adapter.http.JobJson.JobView;
import io.crosslist.adapter.http.JobJson.ProgressView;
import io.crosslist.adapter.http.ProductJson.PriceBody;
import io.crosslist.adapter.http.ProductJson.ProductBody;
import io.crosslist.adapter.http.ProductJson.ProductView;
import io.crosslist.adapter.http.ProductRoutes.StatusBody;
import io.crosslist.domain.job.BatchCounts;
import io.crosslist.domain.tenant.TenantId;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document's schemas, checked against the records the API reads and writes: every field of
 * every record is in its schema with a matching type, nothing else is, and {@code required} lists the
 * {@link Required} fields of a request and every field of a response. A field added to a record and not to
 * the document fails here.
 */
class OpenApiSchemasTest {
  /** Request bodies: their required fields are the {@link Required} ones. */
  private static final Map<String, Class<? extends Record>> REQUESTS = new LinkedHashMap<>();
  /** Response bodies (and values nested in them): every field is always written. */
  private static final Map<String, Class<? extends Record>> RESPONSES = new LinkedHashMap<>();

  static {
    REQUESTS.put("ProductBody", ProductBody.class);
    REQUESTS.put("Price", PriceBody.class);
    REQUESTS.put("StatusBody", StatusBody.class);
    REQUESTS.put("JobBody", JobBody.class);
    REQUESTS.put("BatchBody", BatchBody.class);
    REQUESTS.put("ConnectBody", ConnectBody.class);
    REQUESTS.put("TenantBody", ProvisionBody.class);
    REQUESTS.put("FleetMigrationBody", FleetRoutes.MigrationBody.class);
    REQUESTS.put("TaskRunBody", TaskRoutes.TaskRunBody.class);
    REQUESTS.put("SuggestBody", SuggestionRoutes.SuggestBody.class);
    REQUESTS.put("SuggestionJobBody", SuggestionRoutes.SuggestionJobBody.class);
    RESPONSES.put("Product", ProductView.class);
    RESPONSES.put("Job", JobView.class);
    RESPONSES.put("Progress", ProgressView.class);
    RESPONSES.put("JobType", JobTypeView.class);
    RESPONSES.put("Batch", BatchView.class);
    RESPONSES.put("BatchCounts", BatchCounts.class);
    RESPONSES.put("Connection", ConnectionBody.class);
    RESPONSES.put("ConnectionSecret", SecretBody.class);
    RESPONSES.put("Tenant", TenantView.class);
    RESPONSES.put("Listing", ListingView.class);
    RESPONSES.put("Withdrawal", ActivityRoutes.WithdrawalView.class);
    RESPONSES.put("Order", OrderRoutes.OrderView.class);
    RESPONSES.put("Conversation", ConversationView.class);
    RESPONSES.put("ErrorLogEntry", ErrorView.class);
    RESPONSES.put("Statistics", StatisticsView.class);
    RESPONSES.put("FleetMigration", FleetRoutes.MigrationView.class);
    RESPONSES.put("FleetFailure", FleetRoutes.FailureView.class);
    RESPONSES.put("RecurringTask", TaskRoutes.TaskView.class);
    RESPONSES.put("TaskRun", TaskRoutes.TaskRunView.class);
    RESPONSES.put("Import", ImportRoutes.ImportView.class);
    RESPONSES.put("ImportCounts", ImportRoutes.Counts.class);
    RESPONSES.put("ImportIssue", ImportRoutes.IssueView.class);
    RESPONSES.put("Suggestion", SuggestionRoutes.SuggestionView.class);
    RESPONSES.put("TokenUsage", SuggestionRoutes.TokenUsageView.class);
  }

  private final JsonNode schemas;

  OpenApiSchemasTest() throws Exception {
    schemas = new ObjectMapper().readTree(CrosslistHttpApi.openApi()).get("components").get("schemas");
  }

  @Test
  void every_record_field_is_documented_with_its_type_and_whether_it_is_required() {
    List<String> problems = new ArrayList<>();
    REQUESTS.forEach((name, type) -> check(name, type, true, problems));
    RESPONSES.forEach((name, type) -> check(name, type, false, problems));
    assertTrue(problems.isEmpty(), "openapi.json does not match the records:\n" + String.join("\n", problems));
  }

  @Test
  void the_check_itself_catches_a_field_missing_from_the_document() {
    List<String> problems = new ArrayList<>();
    check("Price", ProductView.class, false, problems); // a record checked against another one's schema
    assertTrue(problems.stream().anyMatch(p -> p.contains("Price: field 'title' is not documented")),
        problems.toString());
  }

  @Test
  void request_bodies_refer_to_their_schemas() {
    JsonNode doc;
    try {
      doc = new ObjectMapper().readTree(CrosslistHttpApi.openApi());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertEquals("#/components/schemas/TenantBody", doc.at("/paths/~1admin~1tenants/post/requestBody/content/"
        + "application~1json/schema/$ref").asText());
  }

  private void check(String name, Class<? extends Record> type, boolean request, List<String> problems) {
    JsonNode schema = schemas.get(name);
    if (schema == null) {
      problems.add(name + ": no such schema (for " + type.getSimpleName() + ")");
      return;
    }
    JsonNode properties = schema.path("properties");
    Set<String> documented = new TreeSet<>();
    properties.fieldNames().forEachRemaining(documented::add);
    Set<String> fields = new TreeSet<>();
    Set<String> required = new TreeSet<>();
    for (RecordComponent component : type.getRecordComponents()) {
      fields.add(component.getName());
      if (!request || component.isAnnotationPresent(Required.class)) {
        required.add(component.getName());
      }
      JsonNode property = properties.get(component.getName());
      if (property == null) {
        problems.add(name + ": field '" + component.getName() + "' is not documented");
        continue;
      }
      String expected = jsonType(component.getGenericType());
      Set<String> actual = types(property);
      if (!actual.contains(expected)) {
        problems.add(name + "." + component.getName() + ": documented as " + actual + ", the record holds "
            + expected);
      }
      if (component.getType().isPrimitive() && actual.contains("null")) {
        problems.add(name + "." + component.getName() + ": documented as nullable, but is never null");
      }
    }
    for (String extra : documented) {
      if (!fields.contains(extra)) {
        problems.add(name + ": documents '" + extra + "', which " + type.getSimpleName() + " does not have");
      }
    }
    Set<String> documentedRequired = new TreeSet<>();
    schema.path("required").forEach(n -> documentedRequired.add(n.asText()));
    if (!documentedRequired.equals(required)) {
      problems.add(name + ": required is " + documentedRequired + ", the record needs " + required);
    }
    if (request && !schema.path("additionalProperties").equals(com.fasterxml.jackson.databind.node.BooleanNode.FALSE)) {
      problems.add(name + ": a request schema says additionalProperties: false (unknown fields are refused)");
    }
  }

  private static Set<String> types(JsonNode property) {
    Set<String> types = new TreeSet<>();
    if (property.has("$ref")) {
      types.add("object");
    }
    JsonNode type = property.path("type");
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else if (type.isTextual()) {
      types.add(type.asText());
    }
    for (String combinator : List.of("oneOf", "anyOf")) {
      property.path(combinator).forEach(alternative -> types.addAll(types(alternative)));
    }
    return types;
  }

  private static String jsonType(Type type) {
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (raw == String.class || raw == Instant.class || raw == LocalDate.class || raw.isEnum()) {
      return "string";
    }
    if (raw == long.class || raw == int.class || raw == Long.class || raw == Integer.class || raw == TenantId.class) {
      return "integer";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return "boolean";
    }
    if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
      return "array";
    }
    if (raw == JsonNode.class || Map.class.isAssignableFrom(raw)) {
      return "object";
    }
    if (raw.isRecord()) {
      return "object";
    }
    throw new IllegalArgumentException("no JSON type known for " + type + " in " + Arrays.toString(new Object[0]));
  }
}
