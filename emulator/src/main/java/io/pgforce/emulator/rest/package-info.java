/**
 * The REST data API of the emulated org ({@code /services/data/vXX.X/...}): versions, describe,
 * query and queryAll with paging, single-record CRUD and upsert, sObject Collections, getUpdated
 * and getDeleted, limits. One class per resource family registers its routes; all share the {@link
 * io.pgforce.emulator.server.OrgServices} and write records through the store's DML.
 */
package io.pgforce.emulator.rest;
