/**
 * Change Data Capture over CometD: every committed change becomes a change event on {@code
 * /data/ChangeEvents} and {@code /data/<Object>ChangeEvent}, with Salesforce's header and body
 * rules, retained for replay.
 *
 * <p>The flow: the store's {@link io.pgforce.emulator.store.ChangeListener} ({@link
 * io.pgforce.emulator.streaming.ChangeEventPublisher}) collects a transaction's changes on the
 * writing thread and hands them over without building anything; one dispatcher thread ({@link
 * io.pgforce.emulator.streaming.EventDispatcher}) turns them into JSON, numbers them (the
 * replayId), keeps them in the {@link io.pgforce.emulator.streaming.EventLog} and delivers them to
 * subscribers. Because numbering, retention, replay and live delivery all happen on that one
 * thread, a client that subscribes with a replayId receives every later event exactly once, in
 * order. {@link io.pgforce.emulator.streaming.CometdEndpoint} is the Bayeux server (CometD 9)
 * mounted in the emulator's Jetty at {@code /cometd/<version>}; {@link
 * io.pgforce.emulator.streaming.CdcStreaming} ties the parts together.
 */
package io.pgforce.emulator.streaming;
