package io.pgforce.app.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgforce.engine.SyncObserver.Direction;
import io.pgforce.engine.outbound.WriteErrors.WriteError;
import io.pgforce.engine.sync.MappingSnapshot;
import io.pgforce.engine.sync.TableCounts;
import io.pgforce.salesforce.ApiUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place the admin API's JSON shapes are written (docs/operations.md shows them): snake_case
 * keys, times as ISO-8601 UTC, durations in seconds, and null for what is not known yet.
 */
final class AdminJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private final Clock clock;

  AdminJson(Clock clock) {
    this.clock = clock;
  }

  static String text(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serializes", e);
    }
  }

  ObjectNode connection(ConnectionFacts facts, List<MappingView> mappings) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put(
        "state",
        ConnectionState.of(mappings, facts.databaseReachable(), facts.loginRefused().isPresent())
            .name());
    node.put("detail", facts.loginRefused().orElse(null));
    node.put("organization_id", facts.organizationId());
    node.put("instance_url", facts.instanceUrl());
    node.put("database", facts.databaseReachable() ? "reachable" : "unavailable");
    node.put("pushed", facts.pushed());
    node.put("writer_restarts", facts.writerRestarts());
    node.set("api_usage", facts.apiUsage().map(this::apiUsage).orElse(null));
    ObjectNode states = node.putObject("mapping_states");
    mappings.forEach(m -> increment(states, m.snapshot().status().name()));
    node.put("mappings", mappings.size());
    return node;
  }

  ObjectNode mappings(List<MappingView> mappings) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode list = node.putArray("mappings");
    mappings.forEach(m -> list.add(mapping(m)));
    return node;
  }

  ObjectNode mapping(MappingView view) {
    MappingSnapshot s = view.snapshot();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("object_name", s.objectName());
    node.put("table", s.objectName().toLowerCase(Locale.ROOT));
    node.put("access", s.access());
    node.put("state", s.status().name());
    node.put("target", s.target().name());
    node.put("detail", s.detail().orElse(null));
    node.put("accelerated", s.accelerated());
    node.put("last_poll", s.lastPoll().map(Instant::toString).orElse(null));
    node.put("seconds_since_poll", s.lastPoll().map(this::secondsSince).orElse(null));
    node.set("counts", counts(s, view.counts()));
    node.set("lag_seconds", lag(view));
    node.set("load", load(view));
    return node;
  }

  ObjectNode errors(List<WriteError> errors, List<MappingView> mappings) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode list = node.putArray("errors");
    errors.forEach(e -> list.add(error(e, mappings)));
    return node;
  }

  ObjectNode action(MappingView view, MappingAction action) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("object_name", view.snapshot().objectName());
    node.put("action", action.path());
    node.put("accepted", true);
    node.set("mapping", mapping(view));
    return node;
  }

  static ObjectNode failure(HttpStatusException e) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("status", e.status());
    node.put("error", e.getClass().getSimpleName().replace("Exception", ""));
    node.put("message", e.getMessage());
    ArrayNode problems = node.putArray("problems");
    e.problems().forEach(problems::add);
    return node;
  }

  private ObjectNode error(WriteError e, List<MappingView> mappings) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", e.id());
    node.put("object_name", objectName(e.table(), mappings));
    node.put("table", e.table());
    node.put("record_id", e.recordId());
    node.put("sfid", e.sfid());
    node.put("action", e.action());
    node.put("message", e.message());
    node.put("at", e.at().toString());
    return node;
  }

  private static String objectName(String table, List<MappingView> mappings) {
    return mappings.stream()
        .map(m -> m.snapshot().objectName())
        .filter(o -> o.equalsIgnoreCase(table))
        .findFirst()
        .orElse(table);
  }

  private static ObjectNode counts(MappingSnapshot s, Optional<TableCounts> counts) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("postgres_rows", counts.map(TableCounts::rows).orElse(null));
    node.put("salesforce_rows", s.salesforceCount().orElse(null));
    node.put("pending", counts.map(TableCounts::pending).orElse(null));
    node.put("failed", counts.map(TableCounts::failed).orElse(null));
    return node;
  }

  private static ObjectNode lag(MappingView view) {
    ObjectNode node = MAPPER.createObjectNode();
    for (Direction d : Direction.values()) {
      Duration lag = view.lastLag().get(d);
      node.put(d.name().toLowerCase(Locale.ROOT), lag == null ? null : seconds(lag));
    }
    return node;
  }

  private static ObjectNode load(MappingView view) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("active", view.loading());
    node.put("rows", view.snapshot().loadRows());
    node.put("expected", view.snapshot().loadExpected());
    node.put("percent", view.loadPercent().orElse(null));
    return node;
  }

  private ObjectNode apiUsage(ApiUsage usage) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("used", usage.used());
    node.put("max", usage.max());
    node.put("remaining", usage.remaining());
    node.put("observed_at", usage.observedAt().toString());
    return node;
  }

  private Double secondsSince(Instant then) {
    return seconds(Duration.between(then, clock.instant()));
  }

  private static double seconds(Duration d) {
    return Math.round(d.toMillis() / 10.0) / 100.0;
  }

  private static void increment(ObjectNode counts, String key) {
    counts.put(key, counts.path(key).asInt(0) + 1);
  }
}
