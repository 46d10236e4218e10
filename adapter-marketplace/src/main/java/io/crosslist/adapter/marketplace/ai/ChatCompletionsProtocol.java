package io.crosslist.adapter.marketplace.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.suggestion.ListingSuggester;
import io.crosslist.domain.suggestion.SuggestedListing;
import io.crosslist.domain.suggestion.SuggestionFailedException;
import io.crosslist.domain.suggestion.SuggestionField;
import io.crosslist.domain.suggestion.TokenUsage;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chat-completions messages: the question (a system message with the rules, a user message with the product as
 * JSON) and the strict reading of the answer. The model must answer one JSON object whose keys are among {@code
 * title}, {@code description} and {@code attributes} (an object of reference codes); anything else is malformed.
 */
final class ChatCompletionsProtocol {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  static final String SYSTEM = "You write marketplace listings for a second-hand reseller. Answer with one JSON object"
      + " and nothing else. Its keys are only those the user asks for among: \"title\" (a string of at most"
      + " limits.title characters), \"description\" (a string of at most limits.description characters) and"
      + " \"attributes\" (an object whose keys are among brand, category, colour, condition and size, and whose"
      + " values are lower-case reference codes of letters, digits and '-', such as \"nike\", \"womens-shoes\" or"
      + " \"eu-38\"). Describe only what the product data says; never invent a brand, a material or a defect.";

  private ChatCompletionsProtocol() {}

  /** The request body for {@code model}. */
  static byte[] requestBody(String model, ListingSuggester.Request request) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    body.put("temperature", 0.2);
    body.putObject("response_format").put("type", "json_object");
    var messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", SYSTEM);
    messages.addObject().put("role", "user").put("content", question(request));
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) { // a tree of plain values: cannot happen
      throw new IllegalStateException(e);
    }
  }

  private static String question(ListingSuggester.Request request) {
    ProductDetails d = request.product().details();
    ObjectNode q = JSON.createObjectNode();
    q.put("marketplace", request.marketplace().name());
    var fields = q.putArray("fields");
    for (SuggestionField field : SuggestionField.values()) {
      if (request.fields().contains(field)) {
        fields.add(field.jsonName());
      }
    }
    q.putObject("limits").put("title", request.limits().maxTitle()).put("description",
        request.limits().maxDescription());
    ObjectNode product = q.putObject("product");
    product.put("title", d.title());
    product.put("description", d.description());
    product.put("price", d.price().amount().toPlainString() + " " + d.price().currency());
    product.put("brand", d.brand());
    product.put("category", d.category());
    product.put("condition", d.condition());
    product.put("size", d.size());
    product.put("colour", d.colour());
    return q.toString();
  }

  /**
   * The suggestion in a chat-completions answer: the first choice's message content, read as the JSON object the
   * system message asks for, with the answer's token usage and model.
   *
   * @throws SuggestionFailedException (not retryable) naming what is malformed
   */
  static SuggestedListing parse(String configuredModel, String body) {
    JsonNode root = read(body, "the answer is not JSON");
    JsonNode choices = root.path("choices");
    if (!choices.isArray() || choices.isEmpty()) {
      throw malformed("the answer has no choices");
    }
    JsonNode content = choices.get(0).path("message").path("content");
    if (!content.isTextual()) {
      throw malformed("the answer's first choice has no message content");
    }
    JsonNode answer = read(content.asText(), "the model's content is not a JSON object");
    if (!answer.isObject()) {
      throw malformed("the model's content is not a JSON object");
    }
    String title = null;
    String description = null;
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = answer.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      switch (field.getKey()) {
        case "title" -> title = text("title", value);
        case "description" -> description = text("description", value);
        case "attributes" -> {
          if (!value.isNull() && !value.isObject()) {
            throw malformed("attributes must be an object of reference codes");
          }
          for (Iterator<Map.Entry<String, JsonNode>> a = value.fields(); a.hasNext(); ) {
            Map.Entry<String, JsonNode> attribute = a.next();
            attributes.put(attribute.getKey(), text("attributes." + attribute.getKey(), attribute.getValue()));
          }
        }
        default -> throw malformed("the model's content has the key '" + shorten(field.getKey())
            + "'; only title, description and attributes are allowed");
      }
    }
    JsonNode model = root.path("model");
    String source = model.isTextual() && !model.asText().isBlank() && model.asText().length() <= 200
        ? model.asText() : configuredModel;
    try {
      return new SuggestedListing(title, description, attributes, source, usage(root.path("usage")));
    } catch (ValidationException e) {
      throw malformed("the model's answer breaks a rule: " + e.getMessage());
    }
  }

  private static TokenUsage usage(JsonNode usage) {
    return new TokenUsage(count(usage.path("prompt_tokens")), count(usage.path("completion_tokens")));
  }

  private static int count(JsonNode n) {
    return n.canConvertToInt() && n.isIntegralNumber() && n.asInt() >= 0 ? n.asInt() : 0;
  }

  private static String text(String field, JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw malformed(field + " must be a string");
    }
    return value.asText();
  }

  private static JsonNode read(String text, String problem) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw malformed(problem);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw malformed(problem);
    }
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  private static SuggestionFailedException malformed(String problem) {
    return new SuggestionFailedException(false, "malformed answer: " + problem);
  }
}
