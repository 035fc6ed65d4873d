package io.pgforce.emulator.store;

/** What a committed change did to a record; the names are Change Data Capture's. */
public enum ChangeType {
  CREATE,
  UPDATE,
  DELETE,
  UNDELETE
}
