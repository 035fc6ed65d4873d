package io.pgforce.salesforce.streaming;

/** The {@code changeType} of a change event. */
public enum ChangeType {
  CREATE,
  UPDATE,
  DELETE,
  UNDELETE,
  GAP_CREATE,
  GAP_UPDATE,
  GAP_DELETE,
  GAP_UNDELETE,
  /** More than 100,000 changes in one transaction: one event per object, no record ids. */
  GAP_OVERFLOW;

  /**
   * Gap events carry only the header: the change is known, its values are not, so the records must
   * be read again (and for an overflow, the whole window polled).
   */
  public boolean isGap() {
    return name().startsWith("GAP_");
  }
}
