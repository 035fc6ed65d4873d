package io.pgforce.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.salesforce.http.ApiCalls;
import io.pgforce.salesforce.http.ApiRequest;
import io.pgforce.salesforce.http.ApiResponse;
import io.pgforce.salesforce.http.Json;
import io.pgforce.salesforce.http.ResponseReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Answers API calls from a function and keeps what was asked, for tests without a network. An
 * answer is JSON text, an object Jackson writes as JSON, an {@link ApiResponse}, or a runtime
 * exception to throw.
 */
public final class FakeApiCalls implements ApiCalls {

  public final List<ApiRequest> requests = new CopyOnWriteArrayList<>();
  private final Function<ApiRequest, Object> answers;

  public FakeApiCalls(Function<ApiRequest, Object> answers) {
    this.answers = answers;
  }

  @Override
  public String dataPath(String suffix) {
    return "/services/data/v60.0" + suffix;
  }

  @Override
  public JsonNode json(ApiRequest request) {
    return call(request, response -> Json.MAPPER.readTree(response.body()));
  }

  @Override
  public <T> T call(ApiRequest request, ResponseReader<T> reader) {
    try (ApiResponse response = open(request)) {
      return reader.read(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ApiResponse open(ApiRequest request) {
    requests.add(request);
    Object answer = answers.apply(request);
    if (answer instanceof RuntimeException failure) {
      throw failure;
    }
    if (answer instanceof ApiResponse response) {
      return response;
    }
    return ApiResponse.of(200, Map.of(), new ByteArrayInputStream(bytes(answer)));
  }

  /** The JSON body a request carried. */
  public static JsonNode body(ApiRequest request) {
    try {
      return Json.MAPPER.readTree(request.body().orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The paths asked for, in order. */
  public List<String> targets() {
    return requests.stream().map(r -> r.method() + " " + r.target()).toList();
  }

  private static byte[] bytes(Object answer) {
    try {
      return answer instanceof String text
          ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8)
          : Json.MAPPER.writeValueAsBytes(answer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
