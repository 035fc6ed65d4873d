package io.pgforce.salesforce.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request, described before it is sent so that it can be sent again: on a retry, and after
 * a re-authentication. The target is either an absolute URL or a path below the org's instance URL.
 */
public final class ApiRequest {

  public static final String JSON = "application/json";
  public static final String CSV = "text/csv";
  public static final String FORM = "application/x-www-form-urlencoded";

  private final String method;
  private final String target;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private byte[] body;
  private String contentType;
  private String accept = JSON;
  private boolean idempotent;

  private ApiRequest(String method, String target, boolean idempotent) {
    this.method = method;
    this.target = target;
    this.idempotent = idempotent;
  }

  public static ApiRequest get(String target) {
    return new ApiRequest("GET", target, true);
  }

  public static ApiRequest delete(String target) {
    return new ApiRequest("DELETE", target, true);
  }

  /** A POST; not idempotent unless {@link #idempotent(boolean)} says otherwise. */
  public static ApiRequest post(String target) {
    return new ApiRequest("POST", target, false);
  }

  public static ApiRequest patch(String target) {
    return new ApiRequest("PATCH", target, true);
  }

  public static ApiRequest put(String target) {
    return new ApiRequest("PUT", target, false);
  }

  /** Sends {@code value} as a JSON body. */
  public ApiRequest json(Object value) {
    try {
      return body(Json.MAPPER.writeValueAsBytes(value), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the request body as JSON: " + e, e);
    }
  }

  public ApiRequest body(byte[] content, String type) {
    this.body = content;
    this.contentType = type;
    return this;
  }

  public ApiRequest form(String urlEncodedForm) {
    return body(urlEncodedForm.getBytes(StandardCharsets.UTF_8), FORM);
  }

  public ApiRequest header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public ApiRequest accept(String mediaType) {
    this.accept = mediaType;
    return this;
  }

  /** Whether sending this request twice is harmless; decides retries after a lost answer. */
  public ApiRequest idempotent(boolean value) {
    this.idempotent = value;
    return this;
  }

  public String method() {
    return method;
  }

  /** An absolute URL, or a path below the instance URL. */
  public String target() {
    return target;
  }

  public boolean isAbsolute() {
    return target.startsWith("http://") || target.startsWith("https://");
  }

  public Map<String, String> headers() {
    return headers;
  }

  public Optional<byte[]> body() {
    return Optional.ofNullable(body);
  }

  public String contentType() {
    return contentType;
  }

  public String accept() {
    return accept;
  }

  public boolean idempotent() {
    return idempotent;
  }

  /** Method and path without the query string, which may hold SOQL: for logs and errors. */
  public String describe() {
    int query = target.indexOf('?');
    return method + " " + (query < 0 ? target : target.substring(0, query));
  }
}
