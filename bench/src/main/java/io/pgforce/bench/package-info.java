/**
 * Benchmarks that measure pgforce against a baseline taken in the same run (raw COPY and the like).
 */
package io.pgforce.bench;
