/**
 * {@code pgforce.yml}: every key declared once in {@link io.pgforce.engine.config.ConfigKeys} with
 * its type, default, validation and description; each overridable by an environment variable
 * ({@code salesforce.password} by {@code PGFORCE_SALESFORCE_PASSWORD}). Loading reports every
 * problem at once.
 */
package io.pgforce.engine.config;
