/**
 * A local Salesforce org: the REST API, SOQL, OAuth and SOAP login, faithful to the documented wire
 * formats, for tests, demos, benchmarks and offline development.
 *
 * <p>{@link io.pgforce.emulator.Emulator} starts one on a port; {@link
 * io.pgforce.emulator.EmulatorConfig} says how. The packages below hold the schema ({@code
 * metadata}), the records and their one write path ({@code store}), SOQL ({@code soql}), the HTTP
 * server and its shared services ({@code server}), the API areas ({@code auth}, {@code rest},
 * {@code admin}), sessions, fault injection and sample data.
 */
package io.pgforce.emulator;
