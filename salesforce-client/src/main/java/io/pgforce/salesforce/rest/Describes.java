package io.pgforce.salesforce.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.salesforce.auth.SessionTransport;
import io.pgforce.salesforce.http.ApiRequest;
import io.pgforce.salesforce.http.ApiResponse;
import io.pgforce.salesforce.http.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versions, describeGlobal and describe. Describes are cached per object: within the refresh
 * interval the cached one is returned without a call; after it, the client asks again with {@code
 * If-Modified-Since} and keeps the cached describe on {@code 304 Not Modified}.
 */
public final class Describes {

  private static final Logger log = LoggerFactory.getLogger(Describes.class);

  private static final TypeReference<List<ApiVersion>> VERSIONS = new TypeReference<>() {};
  private static final TypeReference<List<SObjectSummary>> SUMMARIES = new TypeReference<>() {};

  private final SessionTransport transport;
  private final Clock clock;
  private final Duration refreshInterval;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public Describes(SessionTransport transport, Clock clock, Duration refreshInterval) {
    this.transport = transport;
    this.clock = clock;
    this.refreshInterval = refreshInterval;
  }

  /** The API versions the org serves, oldest first. */
  public List<ApiVersion> versions() {
    JsonNode body = transport.json(ApiRequest.get("/services/data/"));
    return Json.MAPPER.convertValue(body, VERSIONS);
  }

  public List<SObjectSummary> describeGlobal() {
    JsonNode body = transport.json(ApiRequest.get(transport.dataPath("/sobjects/")));
    return Json.MAPPER.convertValue(body.path("sobjects"), SUMMARIES);
  }

  /** The object's describe, from the cache when fresh or unchanged since it was fetched. */
  public SObjectDescribe describe(String objectName) {
    ApiNames.requireApiName(objectName, "object");
    String key = objectName.toLowerCase(Locale.ROOT);
    Cached cached = cache.get(key);
    Instant now = clock.instant();
    if (cached != null && now.isBefore(cached.checkedAt().plus(refreshInterval))) {
      return cached.describe();
    }
    Cached fresh = fetch(objectName, Optional.ofNullable(cached), now);
    cache.put(key, fresh);
    return fresh.describe();
  }

  private Cached fetch(String objectName, Optional<Cached> cached, Instant now) {
    ApiRequest request =
        ApiRequest.get(transport.dataPath("/sobjects/" + objectName + "/describe"));
    cached.ifPresent(c -> request.header("If-Modified-Since", c.lastModified()));
    return transport.call(request, response -> read(response, cached, now));
  }

  private static Cached read(ApiResponse response, Optional<Cached> cached, Instant now)
      throws IOException {
    if (response.status() == 304 && cached.isPresent()) {
      log.debug("Describe of {} unchanged (304)", cached.get().describe().name());
      return new Cached(cached.get().describe(), cached.get().lastModified(), now);
    }
    SObjectDescribe describe = Json.MAPPER.readValue(response.body(), SObjectDescribe.class);
    return new Cached(describe, validator(response, now), now);
  }

  /**
   * What to send as If-Modified-Since next time: Last-Modified when Salesforce gives one, else the
   * server's Date (its clock, not ours, decides what changed since), else our clock.
   */
  private static String validator(ApiResponse response, Instant now) {
    return response
        .header("Last-Modified")
        .or(() -> response.header("Date"))
        .orElseGet(() -> httpDate(now));
  }

  private static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  /** A describe, the Last-Modified to revalidate it with, and when it was last known current. */
  private record Cached(SObjectDescribe describe, String lastModified, Instant checkedAt) {}
}
