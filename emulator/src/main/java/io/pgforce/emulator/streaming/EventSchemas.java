package io.pgforce.emulator.streaming;

import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.OrgSchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code schema} id each event carries: in Salesforce, the id of the event schema version (22
 * URL-safe base64 characters). Here it is a hash of the object's name and field names and types, so
 * it is stable across runs and changes when the metadata does.
 */
final class EventSchemas {

  private final OrgSchema schema;
  private final Map<String, String> ids = new ConcurrentHashMap<>();

  EventSchemas(OrgSchema schema) {
    this.schema = schema;
  }

  String idOf(String objectName) {
    return ids.computeIfAbsent(objectName, this::compute);
  }

  private String compute(String objectName) {
    StringBuilder text = new StringBuilder(objectName);
    for (FieldDefinition field : schema.require(objectName).fields()) {
      text.append('|').append(field.name()).append(':').append(field.type().apiName());
    }
    byte[] hash = sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
