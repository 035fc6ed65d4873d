/**
 * The org's schema: which sObjects exist, their fields, types and flags, as describe reports them.
 *
 * <p>The standard objects (Account, Contact, Opportunity, Lead, Case, User) are built in {@link
 * io.pgforce.emulator.metadata.StandardObjects}; custom objects and fields come from a JSON file
 * read by {@link io.pgforce.emulator.metadata.MetadataFile}. Each object fixes a position for every
 * stored field, so the store can keep a record as one {@code Object[]} rather than a map.
 */
package io.pgforce.emulator.metadata;
