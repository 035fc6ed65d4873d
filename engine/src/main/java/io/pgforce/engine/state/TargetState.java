package io.pgforce.engine.state;

/**
 * What the operator asked a mapping to do, kept apart from what it is doing ({@link
 * MappingStatus}): pausing a mapping in the middle of a load asks; the load stops at its next safe
 * point.
 */
public enum TargetState {
  RUNNING,
  PAUSED
}
