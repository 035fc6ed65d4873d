package io.pgforce.emulator.streaming;

/**
 * An event ready to be numbered: its object's channel, schema id and payload JSON.
 *
 * @param channel the per-object channel
 * @param schema the object's event schema id
 * @param payloadJson the payload, serialized
 */
record EventDraft(String channel, String schema, String payloadJson) {}
