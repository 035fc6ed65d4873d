package io.pgforce.salesforce.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Change Data Capture event.
 *
 * @param replayId its position in the channel's stream; save it to resume after it
 * @param channel the channel it arrived on, for example {@code /data/ChangeEvents}
 * @param fields the payload without the header: all non-null fields for CREATE and UNDELETE, the
 *     changed fields (nulled ones as null) for UPDATE, nothing for DELETE and gap events
 */
public record ChangeEvent(
    long replayId, String channel, ChangeEventHeader header, ObjectNode fields) {}
