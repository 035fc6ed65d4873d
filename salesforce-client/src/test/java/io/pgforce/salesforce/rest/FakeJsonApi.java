package io.pgforce.salesforce.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.salesforce.http.ApiRequest;
import io.pgforce.salesforce.http.Json;
import io.pgforce.salesforce.http.JsonApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Answers requests from a function and keeps what was asked, for tests without a network. */
final class FakeJsonApi implements JsonApi {

  final List<ApiRequest> requests = new ArrayList<>();
  private final Function<ApiRequest, Object> answers;

  FakeJsonApi(Function<ApiRequest, Object> answers) {
    this.answers = answers;
  }

  @Override
  public String dataPath(String suffix) {
    return "/services/data/v60.0" + suffix;
  }

  @Override
  public JsonNode json(ApiRequest request) {
    requests.add(request);
    Object answer = answers.apply(request);
    return answer instanceof String text ? parse(text) : Json.MAPPER.valueToTree(answer);
  }

  static JsonNode body(ApiRequest request) {
    try {
      return Json.MAPPER.readTree(request.body().orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
