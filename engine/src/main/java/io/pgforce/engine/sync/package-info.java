/**
 * Runs the sync: one {@link io.pgforce.engine.sync.MappingCoordinator} per mapping takes it through
 * its phases (prepare, initial load, then polling and Change Data Capture), and {@link
 * io.pgforce.engine.sync.SyncEngine} starts, commands and stops them all.
 */
package io.pgforce.engine.sync;
