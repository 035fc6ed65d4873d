package io.pgforce.salesforce.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * The client's one Jackson mapper: tolerant of new fields, writes java.time as Salesforce reads it.
 */
public final class Json {

  /** Shared and thread-safe once configured. */
  public static final ObjectMapper MAPPER = create();

  private Json() {}

  private static ObjectMapper create() {
    SimpleModule time = new SimpleModule("salesforce-time");
    time.addSerializer(Instant.class, new InstantSerializer());
    time.addSerializer(OffsetDateTime.class, new OffsetDateTimeSerializer());
    time.addSerializer(LocalDate.class, ToStringSerializer.instance);
    time.addSerializer(LocalTime.class, ToStringSerializer.instance);
    ObjectMapper mapper = new ObjectMapper();
    // The transport drains and closes response bodies itself, so the connection can be reused.
    mapper.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    return mapper
        .registerModule(time)
        // Salesforce adds fields in new API versions; unknown ones must not break parsing.
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
  }

  private static final class InstantSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(SalesforceDates.formatDateTime(value));
    }
  }

  private static final class OffsetDateTimeSerializer extends JsonSerializer<OffsetDateTime> {
    @Override
    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(SalesforceDates.formatDateTime(value.toInstant()));
    }
  }
}
