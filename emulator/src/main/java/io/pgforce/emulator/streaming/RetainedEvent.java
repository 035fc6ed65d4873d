package io.pgforce.emulator.streaming;

import java.time.Instant;

/**
 * A change event as the event log keeps it: numbered, timestamped, and already serialized, since it
 * is sent many times (on two channels, to each subscriber, and again on replay) and a JSON string
 * is the smallest faithful form to hold a million of.
 *
 * @param replayId the event's number, strictly increasing across the org
 * @param channel the per-object channel ({@code /data/AccountChangeEvent})
 * @param publishedAt when it was published, for retention by age
 * @param schema the event schema id of the object
 * @param payloadJson the {@code payload} object, as JSON
 */
record RetainedEvent(
    long replayId, String channel, Instant publishedAt, String schema, String payloadJson) {}
