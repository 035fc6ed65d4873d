package io.pgforce.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CLI's side of the admin API: what {@code status}, {@code pause}, {@code resume}, {@code
 * reload} and {@code mappings import|export} send to a running daemon.
 */
final class AdminClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

  private final String baseUrl;
  private final Optional<String> token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

  AdminClient(String baseUrl, Optional<String> token) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.token = token.filter(t -> !t.isBlank());
  }

  String baseUrl() {
    return baseUrl;
  }

  JsonNode get(String path) throws DaemonUnreachableException {
    return parse(send(request(path).GET()));
  }

  String getText(String path) throws DaemonUnreachableException {
    return send(request(path).GET());
  }

  JsonNode post(String path, String body) throws DaemonUnreachableException {
    HttpRequest.Builder r =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return parse(send(r));
  }

  /** An object name as one path segment. */
  static String segment(String objectName) {
    return URLEncoder.encode(objectName, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1" + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json");
    token.ifPresent(t -> r.header("Authorization", "Bearer " + t));
    return r;
  }

  private String send(HttpRequest.Builder request) throws DaemonUnreachableException {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new DaemonUnreachableException(baseUrl);
    } catch (IOException e) {
      throw new IllegalStateException("the call to " + baseUrl + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling " + baseUrl, e);
    }
    if (response.statusCode() >= 300) {
      throw AdminCallFailedException.from(response.statusCode(), response.body());
    }
    return response.body();
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("the daemon answered with something that is not JSON", e);
    }
  }

  /** Nothing answers at the admin URL: no daemon runs there. */
  static final class DaemonUnreachableException extends Exception {
    DaemonUnreachableException(String url) {
      super(
          "no pgforce daemon answers at "
              + url
              + " (start one with 'pgforce run --config pgforce.yml', or give --admin-url)");
    }
  }

  /** The daemon answered, and refused: its message says why. */
  static final class AdminCallFailedException extends RuntimeException {
    private final int status;
    private final List<String> problems;

    AdminCallFailedException(String message, int status, List<String> problems) {
      super(message);
      this.status = status;
      this.problems = List.copyOf(problems);
    }

    /** The HTTP status the daemon answered with. */
    int status() {
      return status;
    }

    /** Each problem the daemon listed (400 answers list what is wrong with the input). */
    List<String> problems() {
      return problems;
    }

    static AdminCallFailedException from(int status, String body) {
      try {
        JsonNode error = JSON.readTree(body);
        StringBuilder message = new StringBuilder(error.path("message").asText("HTTP " + status));
        List<String> problems = new ArrayList<>();
        error.path("problems").forEach(p -> problems.add(p.asText()));
        problems.forEach(p -> message.append("\n  - ").append(p));
        if (status == 401) {
          message.append(" (set PGFORCE_ADMIN_TOKEN)");
        }
        return new AdminCallFailedException(message.toString(), status, problems);
      } catch (IOException e) {
        return new AdminCallFailedException(
            "the daemon answered HTTP " + status, status, List.of());
      }
    }
  }
}
