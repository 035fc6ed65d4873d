/**
 * What to sync: a mapping ties one Salesforce object to one Postgres table. The model follows
 * Heroku Connect's mapping configuration, and {@link io.pgforce.engine.mapping.MappingDocument}
 * reads and writes its export/import JSON unchanged, so a configuration moves between the two
 * products as a file.
 */
package io.pgforce.engine.mapping;
