/**
 * The org's data: an in-memory store of records safe under concurrent requests, and the one write
 * path (DML) every API uses.
 *
 * <p>Records are immutable {@link io.pgforce.emulator.store.StoredRecord}s holding their values in
 * one {@code Object[]} indexed by the object's field positions; a write replaces the record. Each
 * object has an id index and an index ordered by (SystemModstamp, Id) for incremental polls. Writes
 * are serialised by one lock and announced to {@link io.pgforce.emulator.store.ChangeListener}s in
 * commit order; reads of a single record take no lock, scans take a shared lock so they see a
 * consistent state.
 */
package io.pgforce.emulator.store;
