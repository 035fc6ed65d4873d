package io.pgforce.emulator.bulk;

/**
 * Why an ingest job fails as a whole (its CSV cannot be read, its header names an unknown field):
 * the message is the job's {@code errorMessage}, in Bulk API's {@code Code : detail} form. Control
 * flow within the processor only, so it carries no stack trace.
 */
final class IngestFailure extends RuntimeException {

  IngestFailure(String errorMessage) {
    super(errorMessage, null, false, false);
  }
}
